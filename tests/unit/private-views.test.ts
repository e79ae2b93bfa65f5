// @vitest-environment happy-dom
/**
 * In a private window the card and the My questions page offer nothing that saves (see
 * private-window.test.ts for why this is stubbed rather than opened in a real private window).
 */
import { h, render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { QuestionsView, type QuestionsActions } from '../../src/pages/questions/QuestionsView';

const actions = new Proxy({}, { get: () => vi.fn() }) as unknown as QuestionsActions;
const items = [{ id: 1, text: 'What do my scans show?', term: 'dxa-scan', asked: false }];

function view(privateWindow: boolean): HTMLElement {
  const root = document.createElement('div');
  const state = {
    status: 'ready',
    items,
    problem: undefined,
    privateWindow,
    editing: undefined,
    confirmingClear: false,
    announcement: '',
  } as const;
  render(h(QuestionsView, { state, ...actions, termInfo: () => undefined }), root);
  return root;
}

describe('a private window', () => {
  test('the My questions page shows the list but nothing that changes it', () => {
    const root = view(true);
    expect(root.querySelector('.questions-private')?.textContent).toBe('questionsPrivate');
    expect(root.querySelector('.question-text')?.textContent).toBe('What do my scans show?');
    expect(root.querySelectorAll('.question-actions, .question-add, .ask-clear')).toHaveLength(0);
    expect(root.querySelector<HTMLInputElement>('.question-asked')?.disabled).toBe(true);
  });
  test('a normal window offers every action (so the test above can fail)', () => {
    const root = view(false);
    expect(root.querySelector('.questions-private')).toBeNull();
    expect(root.querySelectorAll('.question-actions button')).toHaveLength(4);
    expect(root.querySelector('.question-add')).not.toBeNull();
  });
  test('the popover card says nothing is saved instead of offering the buttons', async () => {
    (globalThis as unknown as { chrome: unknown }).chrome = {
      extension: { inIncognitoContext: true },
      i18n: { getMessage: (key: string) => key },
      runtime: { sendMessage: vi.fn(() => Promise.resolve()) },
    };
    const { CardActions } = await import('../../src/content/card-extras');
    const card = {
      id: 'plao',
      name: 'PLAO',
      category: 'condition',
      short: '',
      sourceLine: '',
      reviewed: '',
      guide: { article: 'a', section: 'b' },
      seekCare: false,
    } as const;
    const root = document.createElement('div');
    render(h(CardActions, { card }), root);
    expect(root.querySelector('.term-private')?.textContent).toBe('cardPrivateNote');
    expect(root.querySelector('button')).toBeNull();
  });
});
