/** PLAO Lens in a frame that has reading text (or is the top frame): reads settings, starts, answers the popup. */
import type { Runtime, Storage } from 'webextension-polyfill';
import compactMatcher from 'plao:knowledge/matcher';
import prefilterStamp from 'plao:knowledge/prefilter-stamp';
import { guidePath } from '../core/addresses';
import { parseToContent, type FoundReply, type PageTermsReply } from '../core/messages';
import { isSiteEnabled, parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import { decodeMatcher } from '../core/matcher/compact';
import { PREFILTER_KEY, storedPrefilter, type PrefilterSources } from '../core/matcher/prefilter';
import { hiddenChanged, withoutTerms } from '../core/hidden-terms';
import { withExtras } from './card-extras';
import { callBackground, ext as browser } from './extension-api';
import { isOrphaned, takeOver } from './instance';
import { Lens } from './lens';

/** The settings, and the prefilter the background keeps for pages (none: large pages are read whole). */
async function readStored(): Promise<{ settings: Settings; prefilter: PrefilterSources | undefined }> {
  try {
    const stored = await browser.storage.local.get([SETTINGS_KEY, PREFILTER_KEY]);
    return {
      settings: parseSettings(stored[SETTINGS_KEY]).settings,
      prefilter: storedPrefilter(stored[PREFILTER_KEY], prefilterStamp),
    };
  } catch {
    return { settings: parseSettings(undefined).settings, prefilter: undefined };
  }
}

/** The site a frame belongs to: an about:blank or srcdoc frame has no address, only its creator's origin. */
function siteHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(self.origin).hostname;
  } catch {
    return ''; // an opaque origin
  }
}

export async function start(isTop: boolean): Promise<void> {
  const matcher = decodeMatcher(compactMatcher);
  let lens: Lens | undefined;
  let stopped = false;
  let hidden: string[] = [];
  /** Read with the settings, once: the background writes it once per version. */
  const kept: { prefilter?: PrefilterSources | undefined } = {};

  const onStorage = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) apply(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  };
  const stop = () => {
    stopped = true;
    lens?.destroy();
    lens = undefined;
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage as unknown as Runtime.OnMessageListener);
  };
  // Before anything is painted: an older run in this frame leaves the page to this one.
  const release = takeOver(stop);
  /** The extension was reloaded or removed under this run: leave the page as it was. */
  const stopIfOrphaned = () => {
    if (!isOrphaned(browser.runtime)) return false;
    queueMicrotask(() => {
      stop();
      release();
    });
    return true;
  };

  const apply = (settings: Settings) => {
    if (stopped) return;
    const on = isSiteEnabled(settings, siteHost());
    // A term hidden or shown again: read the page anew with the terms now wanted.
    if (lens && hiddenChanged(hidden, settings.hiddenTerms)) {
      lens.destroy();
      lens = undefined;
      if (isTop) void callBackground({ type: 'termsFound', distinct: 0 }); // the new reading reports its own count
    }
    hidden = settings.hiddenTerms;
    if (on && !lens) {
      lens = new Lens({
        matcher: withoutTerms(matcher, hidden),
        // Made from the whole glossary: with terms hidden it finds more places than needed, never fewer.
        prefilter: kept.prefilter,
        getCard: async (id) => {
          if (stopIfOrphaned()) return undefined;
          const [card, extras] = await Promise.all([
            callBackground({ type: 'getTermCard', id }),
            callBackground({ type: 'getTermExtras', id }),
          ]);
          return withExtras(card, extras);
        },
        settings,
        guideHref: (a, s) => browser.runtime.getURL(guidePath(a, s)),
        // A lost openGuidance is retried by the user; a lost termsFound is sent again on the next change.
        openGuide: (article, section) => void callBackground({ type: 'openGuidance', article, section }),
        reportTerms: (distinct) => isTop && !stopIfOrphaned() && void callBackground({ type: 'termsFound', distinct }),
        ...(__BENCH__
          ? {
              onScanned: (stats) =>
                document.documentElement.setAttribute('data-plao-lens-bench', JSON.stringify(stats)),
            }
          : {}),
      });
      lens.start();
    } else if (!on && lens) {
      lens.destroy();
      lens = undefined;
      if (isTop) void callBackground({ type: 'termsFound', distinct: 0 });
    } else lens?.updateSettings(settings);
  };

  /**
   * Replies go through sendResponse (Chromium ignores a promise returned by a listener); `true`
   * keeps the channel open for an answer that comes later.
   */
  const onMessage = (raw: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    if (stopped || sender.id !== browser.runtime.id) return false;
    const msg = parseToContent(raw);
    if (!msg) return false;
    const answer = (found: Promise<boolean> | undefined) => {
      void (found ?? Promise.resolve(false)).then((f) => sendResponse({ found: f } satisfies FoundReply));
      return true;
    };
    switch (msg.type) {
      case 'getPageTerms':
        if (!isTop) return false; // the top frame speaks for the tab
        sendResponse({ terms: lens?.pageTerms() ?? [], host: location.hostname } satisfies PageTermsReply);
        return false;
      case 'revealTerm':
        return isTop ? answer(lens?.reveal(msg.id)) : false;
      case 'stepTerm':
        return isTop ? answer(lens?.step(msg.direction)) : false;
      case 'explainSelection':
        return answer(lens?.explainSelection());
    }
  };

  const stored = await readStored();
  kept.prefilter = stored.prefilter;
  apply(stored.settings);
  if (stopped) return; // a newer run took over while the settings were read
  browser.storage.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage as unknown as Runtime.OnMessageListener);
}
