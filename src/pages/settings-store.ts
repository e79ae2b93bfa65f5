/**
 * The one settings store of the extension pages (the options page and the popup): the settings as
 * storage holds them, kept current. Read once, then followed through every `storage.onChanged`, so
 * a page follows changes made anywhere (the popup, a second options page); a read that returns after
 * a change is ignored as older. Writes go through `toStored`, so only what differs from the
 * defaults is kept.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, toStored, type Settings } from '../core/settings';

export interface StoredSettingsState {
  /** Undefined until the first read finishes. */
  settings: Settings | undefined;
  /** Fields the latest read found invalid (and replaced by their defaults). */
  invalid: (keyof Settings)[];
  save: (next: Settings) => Promise<void>;
  /** Removes the stored value: every setting is its default again. */
  reset: () => Promise<void>;
}

export function useStoredSettings(): StoredSettingsState {
  const [settings, setSettings] = useState<Settings>();
  const [invalid, setInvalid] = useState<(keyof Settings)[]>([]);
  const changedSinceRead = useRef(false);

  useEffect(() => {
    const apply = (value: unknown) => {
      const parsed = parseSettings(value);
      setSettings(parsed.settings);
      setInvalid(parsed.invalid);
    };
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      changedSinceRead.current = true;
      apply(changes[SETTINGS_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get(SETTINGS_KEY).then(
      // A change that arrived while the read was under way is newer than what the read returns.
      (stored) => changedSinceRead.current || apply(stored[SETTINGS_KEY]),
      () => apply(undefined),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = useCallback(async (next: Settings) => {
    setSettings(next); // at once; storage.onChanged confirms it a moment later
    await browser.storage.local.set({ [SETTINGS_KEY]: toStored(next) });
  }, []);

  const reset = useCallback(async () => {
    setSettings(parseSettings(undefined).settings);
    setInvalid([]);
    await browser.storage.local.remove(SETTINGS_KEY);
  }, []);

  return { settings, invalid, save, reset };
}
