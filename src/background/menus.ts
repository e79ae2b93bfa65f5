/**
 * "Explain with PLAO Lens" on a selection: the page's content script opens the popover if the
 * selection holds a known term; otherwise the glossary opens, searched for the selected words.
 */
import browser from 'webextension-polyfill';
import { glossaryPath } from '../core/addresses';
import { callTab } from './calls';

const MENU_ID = 'plao-lens-explain';

/** Firefox for Android has no context menus: there a tap on a term explains it. */
function menusExist(): boolean {
  return !!browser.contextMenus?.onClicked;
}

export async function createMenus(): Promise<void> {
  if (!menusExist()) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: browser.i18n.getMessage('menuExplain'),
    contexts: ['selection'],
  });
}

export function handleMenuClicks(): void {
  if (!menusExist()) return;
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    void explain(info.selectionText ?? '', tab?.id, info.frameId ?? 0);
  });
}

async function explain(text: string, tabId: number | undefined, frameId: number): Promise<void> {
  let found = false;
  if (tabId !== undefined) found = (await callTab(tabId, frameId)({ type: 'explainSelection' })).found;
  if (!found) {
    const query = text.trim().slice(0, 100);
    await browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ query })) });
  }
}
