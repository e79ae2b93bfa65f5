/**
 * "My questions" and "Don't highlight this term" from a card (the popover or the glossary): the
 * background is where both are written, so a web page's content script never touches storage
 * itself. Nothing is saved from a private window: the sender's tab says whether it is one.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import pronunciations from 'plao:extras/pronunciations';
import suggested from 'plao:extras/questions';
import type { SavedReply, TermExtras } from '../core/messages';
import { addTermQuestions, parseQuestions, QUESTIONS_KEY, toStoredQuestions } from '../core/questions';
import { parseSettings, SETTINGS_KEY, setTermHidden, toStored } from '../core/settings';

const NOT_SAVED: SavedReply = { saved: false, added: 0 };

function isPrivate(sender: Runtime.MessageSender): boolean {
  return sender.tab?.incognito === true;
}

export function termExtras(id: string): TermExtras {
  const p = pronunciations[id];
  return p ? { say: { text: p.say, source: p.source } } : {};
}

/**
 * Adds the term's suggested questions (or, for a term with none yet, the general one). A list
 * that could not be read whole is left as it is: the My questions page reports it first.
 */
export async function addQuestions(
  id: string,
  name: string,
  fallback: string,
  sender: Runtime.MessageSender,
): Promise<SavedReply> {
  if (isPrivate(sender)) return NOT_SAVED;
  const stored = await browser.storage.local.get(QUESTIONS_KEY);
  const parsed = parseQuestions(stored[QUESTIONS_KEY]);
  if (parsed.unreadable || parsed.lost > 0) return NOT_SAVED;
  const list = suggested[id] ?? [fallback.replace('$1', name)];
  const { items, added } = addTermQuestions(parsed.items, id, list);
  await browser.storage.local.set({ [QUESTIONS_KEY]: toStoredQuestions(items) });
  return { saved: true, added };
}

export async function hideTerm(id: string, hidden: boolean, sender: Runtime.MessageSender): Promise<SavedReply> {
  if (isPrivate(sender)) return NOT_SAVED;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const settings = parseSettings(stored[SETTINGS_KEY]).settings;
  await browser.storage.local.set({ [SETTINGS_KEY]: toStored(setTermHidden(settings, id, hidden)) });
  return { saved: true, added: 0 };
}

export async function openQuestions(sender: Runtime.MessageSender): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL('pages/questions.html'),
    ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
    ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
  });
}
