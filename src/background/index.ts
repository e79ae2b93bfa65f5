/**
 * Background entry: wiring only. Every message is checked for its sender and shape first. Every
 * listener is added synchronously as the script loads, before anything that can throw: the browser
 * stops an idle background (Android does so early) and wakes it for an event only if the listener
 * was added on the first run. Keyboard commands and menus exist on desktop only.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import cards from 'plao:knowledge/cards';
import { guidePath, pagePath } from '../core/addresses';
import { parseToBackground, type BackgroundReplies, type ToBackground } from '../core/messages';
import { clearBadgesWhenTurnedOff, showCount, upgradeStoredSettings } from './settings';
import { handleCommands } from './commands';
import { createMenus, handleMenuClicks } from './menus';
import { keepPrefilterStored } from './prefilter';
import { addQuestions, hideTerm, openQuestions } from './questions';
import pronunciations from 'plao:extras/pronunciations';
import suggested from 'plao:extras/questions';

const cardById = new Map(cards.map((c) => [c.id, c]));

type Handlers = {
  [K in ToBackground['type']]: (
    msg: Extract<ToBackground, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Promise<BackgroundReplies[K]>;
};

const handlers: Handlers = {
  async openGuidance({ article, section }, sender) {
    await browser.tabs.create({
      url: browser.runtime.getURL(guidePath(article, section)),
      ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
    });
  },
  getTermCard({ id }) {
    return Promise.resolve(cardById.get(id));
  },
  getTermExtras({ id }) {
    const p = pronunciations[id];
    return Promise.resolve(p ? { say: { text: p.say, source: p.source } } : {});
  },
  addQuestions({ id }, sender) {
    const card = cardById.get(id);
    // A term with no suggestion written yet gets the general question.
    const list = suggested[id] ?? (card && [browser.i18n.getMessage('questionsGeneral', card.name)]);
    return list ? addQuestions(id, list, sender) : Promise.resolve({ saved: false, added: 0 });
  },
  hideTerm({ id, hidden }, sender) {
    return cardById.has(id) ? hideTerm(id, hidden, sender) : Promise.resolve({ saved: false, added: 0 });
  },
  async openQuestions(_msg, sender) {
    await openQuestions(sender);
  },
  async termsFound({ distinct }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await showCount(tabId, distinct);
  },
};

browser.runtime.onInstalled.addListener(({ reason }) => {
  void createMenus();
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(pagePath('welcome')) });
  if (reason === 'update') void upgradeStoredSettings();
});
browser.runtime.onStartup.addListener(() => void createMenus());

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages and content scripts; web pages cannot reach this listener,
  // and other extensions are refused here.
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseToBackground(raw);
  if (!msg) return undefined;
  const handle = handlers[msg.type] as (m: ToBackground, s: Runtime.MessageSender) => Promise<unknown>;
  return handle(msg, sender).catch(() => undefined);
});

clearBadgesWhenTurnedOff();
handleCommands();
handleMenuClicks();
// A failed write only means large pages are read whole.
keepPrefilterStored();
