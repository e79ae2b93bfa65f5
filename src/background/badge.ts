/** The toolbar badge: how many different terms the page shows, unless the user turned it off. */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]).settings;
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
