/**
 * Keeps this build's prefilter in storage for the pages' content scripts (see
 * src/core/matcher/prefilter-source.ts): made once when the extension is built, written once per
 * version, so that no page load builds it again. Written only when what is stored differs, so a
 * background woken a hundred times a day writes nothing after the first; written again when
 * something empties storage, so pages do not go without it until the next browser start.
 */
import browser from 'webextension-polyfill';
import prefilter from 'plao:knowledge/prefilter';
import { PREFILTER_KEY } from '../core/matcher/prefilter';

export async function storePrefilter(): Promise<void> {
  const stored = (await browser.storage.local.get(PREFILTER_KEY))[PREFILTER_KEY] as { stamp?: unknown } | undefined;
  if (!prefilter) {
    if (stored !== undefined) await browser.storage.local.remove(PREFILTER_KEY);
  } else if (stored?.stamp !== prefilter.stamp) await browser.storage.local.set({ [PREFILTER_KEY]: prefilter });
}

/** Stores it now, and again whenever it is removed (storage emptied). Added on the background's first run. */
export function keepPrefilterStored(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[PREFILTER_KEY];
    if (area === 'local' && prefilter && change && change.newValue === undefined)
      storePrefilter().catch(() => undefined);
  });
  storePrefilter().catch(() => undefined);
}
