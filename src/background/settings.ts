/** Settings in the background: the toolbar badge follows them, and old stored shapes are upgraded. */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, toStored, type Settings } from '../core/settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]).settings;
}

/** After an update, settings stored in an older shape are written back in today's, once. */
export async function upgradeStoredSettings(): Promise<void> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const parsed = parseSettings(stored[SETTINGS_KEY]);
  if (parsed.migratedFrom !== undefined) await browser.storage.local.set({ [SETTINGS_KEY]: toStored(parsed.settings) });
}

export async function showCount(tabId: number, distinct: number): Promise<void> {
  const { showBadge } = await readSettings();
  await browser.action.setBadgeText({ tabId, text: showBadge && distinct > 0 ? String(distinct) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6f5e' });
}

/** When the badge is turned off, clear it everywhere at once. */
export function clearBadgesWhenTurnedOff(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    if (parseSettings(changes[SETTINGS_KEY]?.newValue).settings.showBadge) return;
    void clearAll();
  });
}

async function clearAll(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) await browser.action.setBadgeText({ tabId: tab.id, text: '' });
  }
}
