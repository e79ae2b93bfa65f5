/**
 * Nothing is saved from a private window. Headless test browsers cannot open a private window with
 * the extension in it (Playwright's persistent context has none; Firefox runs extensions there only
 * when the user allows it), so the decision is tested here with the browser's answers stubbed: the
 * background's `sender.tab.incognito` and the pages' `browser.extension.inIncognitoContext`.
 */
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, test, vi } from 'vitest';

const stored = new Map<string, unknown>();
const fake = {
  storage: {
    local: {
      get: (key: string) => Promise.resolve(stored.has(key) ? { [key]: stored.get(key) } : {}),
      set: (values: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(values)) stored.set(k, structuredClone(v));
        return Promise.resolve();
      },
    },
  },
  tabs: { create: vi.fn(() => Promise.resolve({})) },
  runtime: { getURL: (p: string) => `ext://id/${p}` },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { addQuestions, hideTerm } = await import('../../src/background/questions');

const normal = { tab: { id: 1, incognito: false } } as Runtime.MessageSender;
const privateTab = { tab: { id: 2, incognito: true } } as Runtime.MessageSender;

beforeEach(() => stored.clear());

describe('the background saves nothing from a private window', () => {
  test('“Add to my questions” from a private tab stores nothing and says so', async () => {
    expect(await addQuestions('plao', ['What makes you think so?'], privateTab)).toEqual({ saved: false, added: 0 });
    expect(stored.size).toBe(0);
  });
  test('“Don’t highlight this term” from a private tab stores nothing', async () => {
    expect(await hideTerm('plao', true, privateTab)).toEqual({ saved: false, added: 0 });
    expect(stored.size).toBe(0);
  });
  test('the same from a normal tab is saved (so the checks above can fail)', async () => {
    expect(await addQuestions('plao', ['What makes you think so?'], normal)).toEqual({ saved: true, added: 1 });
    expect(stored.get('myQuestions')).toEqual({
      version: 1,
      items: [{ id: 1, text: 'What makes you think so?', term: 'plao', asked: false }],
    });
    expect(await hideTerm('plao', true, normal)).toEqual({ saved: true, added: 0 });
    expect(stored.get('settings')).toEqual({ version: 1, hiddenTerms: ['plao'] });
  });
  test('a list that could not be read whole is not written over by a card', async () => {
    stored.set('myQuestions', { version: 1, items: [{ id: 1, text: 'Mine?' }, 42] });
    expect(await addQuestions('plao', ['What makes you think so?'], normal)).toEqual({ saved: false, added: 0 });
    expect(stored.get('myQuestions')).toEqual({ version: 1, items: [{ id: 1, text: 'Mine?' }, 42] });
  });
});
