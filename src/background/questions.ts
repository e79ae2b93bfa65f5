/**
 * "My questions" and "Don't highlight this term" from a card (the popover or the glossary): the
 * background is where both are written, so a web page's content script never touches storage
 * itself. Nothing is saved from a private window: the sender's tab says whether it is one.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { pagePath } from '../core/addresses';
import type { SavedReply } from '../core/messages';
import { addTermQuestions, parseQuestions, QUESTIONS_KEY, toStoredQuestions } from '../core/questions';
import { parseSettings, SETTINGS_KEY, setTermHidden, toStored } from '../core/settings';

const NOT_SAVED: SavedReply = { saved: false, added: 0 };

function isPrivate(sender: Runtime.MessageSender): boolean {
  return sender.tab?.incognito === true;
}

/**
 * Adds a term's suggested questions. A list that could not be read whole is left as it is: the
 * My questions page reports it first, and keeps it aside before anything replaces it.
 */
export async function addQuestions(
  id: string,
  suggestions: readonly string[],
  sender: Runtime.MessageSender,
): Promise<SavedReply> {
  if (isPrivate(sender)) return NOT_SAVED;
  const stored = await browser.storage.local.get(QUESTIONS_KEY);
  const parsed = parseQuestions(stored[QUESTIONS_KEY]);
  if (parsed.unreadable || parsed.lost > 0 || parsed.repaired > 0) return NOT_SAVED;
  const { items, added } = addTermQuestions(parsed.items, id, suggestions);
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
    url: browser.runtime.getURL(pagePath('questions')),
    ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
    ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
  });
}
