/**
 * The My questions page in real browsers: edited, reordered, marked, removed and cleared with the
 * keyboard and announced; printed on one sheet; copied as text; a corrupt list reported and kept;
 * a phone screen; axe-core.
 */
import { expect } from 'vitest';
import { poll, type Driver } from '../support/driver';
import { axe } from './a11y';
import {
  DOZEN,
  done,
  focusAndPress,
  liveRegion,
  openQuestions,
  SEEDED,
  setStorage,
  storage,
  storedTexts,
} from './questions-helpers';

export async function editReorderMarkRemoveByKeyboard(driver: Driver): Promise<void> {
  await setStorage(driver, { myQuestions: SEEDED });
  const page = await openQuestions(driver);
  expect(await page.evaluate(() => document.querySelectorAll('.question').length)).toBe(3);
  // Each term's short explanation beside its questions.
  expect(await page.evaluate(() => document.querySelector('[data-id="1"] .question-about')?.textContent)).toContain(
    'DXA scan',
  );

  // Edit: Enter on "Edit", the field has the text selected; type, Enter saves.
  await focusAndPress(page, '[data-id="3"] .edit', 'Enter');
  await page.waitFor(() => document.activeElement?.id === 'q-3-input');
  await page.evaluate(() => {
    const input = document.activeElement as HTMLInputElement;
    input.setSelectionRange(input.value.length, input.value.length);
  });
  for (const key of [' ', 'n', 'o', 'w']) await page.press(key);
  await page.press('Backspace');
  await page.press('?');
  await page.press('Enter');
  await poll(async () => (await storedTexts(driver))[2] === 'Can I lift my baby? no?', 5_000, 'the edit saved');
  await page.waitFor(() => document.activeElement?.classList.contains('edit'));
  await page.waitFor(liveRegion);

  // Move the last question up twice; focus stays on its button; the move is announced.
  await focusAndPress(page, '[data-id="3"] .up', 'Enter');
  await poll(async () => (await storedTexts(driver))[1]?.startsWith('Can I lift'), 5_000, 'moved up once');
  await page.waitFor(() => document.activeElement?.closest('[data-id="3"]') && document.activeElement.matches('.up'));
  await page.press('Enter');
  await poll(async () => (await storedTexts(driver))[0]?.startsWith('Can I lift'), 5_000, 'moved up twice');
  await page.waitFor(() => document.querySelector('.questions-status')?.textContent?.includes('to place 1'));

  // Mark as asked with Space on its checkbox.
  await focusAndPress(page, '[data-id="1"] .question-asked', ' ');
  await poll(
    async () => {
      const s = await storage(driver, ['myQuestions']);
      return (s.myQuestions as typeof SEEDED).items.find((i) => i.id === 1)?.asked;
    },
    5_000,
    'marked as asked',
  );

  // Her own question, from the field at the end.
  await focusAndPress(page, '#new-question', 'W', 'h', 'o', '?', 'Enter');
  await poll(async () => (await storedTexts(driver)).at(-1) === 'Who?', 5_000, 'her own question added');

  // Remove: focus moves to the next question's Remove.
  await focusAndPress(page, '[data-id="2"] .remove', 'Enter');
  await poll(async () => (await storedTexts(driver)).length === 3, 5_000, 'removed');
  await page.waitFor(() => document.activeElement?.matches('.remove'));
  await page.screenshot('questions-page');
  await done(driver, page);
}

/** A list long enough to matter: a dozen questions over six terms, one of her own. */
export async function printsOnOneSheet(driver: Driver): Promise<void> {
  await setStorage(driver, { myQuestions: DOZEN });
  const page = await openQuestions(driver);
  await page.emulatePrint(true);
  try {
    const printed = await page.evaluate(() => {
      const shown = (el: Element) => getComputedStyle(el).display !== 'none';
      return {
        tools: [...document.querySelectorAll('.questions-toolbar, .question-actions, .question-add, nav.site')].some(
          shown,
        ),
        questions: [...document.querySelectorAll('.question')].filter(shown).length,
        about: [...document.querySelectorAll('.question-about')].filter(shown).length,
        footer: shown(document.querySelector('.print-footer')!),
      };
    });
    expect(printed).toEqual({ tools: false, questions: 12, about: 7, footer: true });
    await page.screenshot('questions-print');
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = Buffer.from(await page.pdf!(format)).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, `${format} sheets`).toBe(1);
    }
  } finally {
    await page.emulatePrint(false);
  }
  await done(driver, page);
}

export async function copiesAsText(driver: Driver): Promise<void> {
  await setStorage(driver, { myQuestions: SEEDED });
  const page = await openQuestions(driver);
  // The text handed to the clipboard (headless browsers have no clipboard to read back).
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string };
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (s: string) => ((w.copied = s), Promise.resolve()) },
    });
  });
  await focusAndPress(page, '.copy', 'Enter');
  const copied = await page.waitFor(() => (window as unknown as { copied?: string }).copied);
  expect(copied.split('\n').slice(0, 5)).toEqual([
    'My questions',
    '',
    '1. What do my scans show?',
    expect.stringMatching(/^ {3}DXA scan: A DXA scan/),
    '2. Do you suggest a bisphosphonate for me?',
  ]);
  await page.waitFor(() => document.querySelector('.questions-status')?.textContent?.includes('Copied'));
  await done(driver, page);
}

export async function clearAllRemovesEveryTrace(driver: Driver): Promise<void> {
  await setStorage(driver, { myQuestions: SEEDED, myQuestionsUnreadable: 'left from before' });
  const page = await openQuestions(driver);
  await focusAndPress(page, '.ask-clear', 'Enter');
  await page.waitFor(() => document.querySelector('.confirm-clear'));
  await focusAndPress(page, '.confirm-clear', 'Enter');
  await poll(
    async () => Object.keys(await storage(driver, ['myQuestions', 'myQuestionsUnreadable'])).length === 0,
    5_000,
    'every key removed',
  );
  await page.waitFor(() => document.activeElement?.id === 'list-heading' && document.querySelector('.questions-empty'));
  await page.waitFor(() => document.querySelector('.questions-status')?.textContent?.includes('cleared'));
  await done(driver, page);
}

export async function corruptListIsReportedAndKept(driver: Driver): Promise<void> {
  const corrupt = { version: 1, items: [{ id: 1, text: 'Good one?', term: 'plao' }, 'A bare string?', { id: 7 }, 42] };
  await setStorage(driver, { myQuestions: corrupt });
  let page = await openQuestions(driver);
  const notice = await page.waitFor(() => document.querySelector('.questions-problem[role="alert"]')?.textContent);
  expect(notice).toContain('2 saved entries could not be read');
  expect(await page.evaluate(() => [...document.querySelectorAll('.question-text')].map((e) => e.textContent))).toEqual(
    ['Good one?', 'A bare string?'],
  );
  // Reading changed nothing; a card cannot add to it until the reader has seen the notice.
  expect((await storage(driver)).myQuestions).toEqual(corrupt);
  const ext = await driver.extensionPage();
  const reply = await ext.evaluate(() => {
    type Runtime = { runtime: { sendMessage(m: object): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'addQuestions', id: 'dxa-scan' });
  });
  expect(reply).toEqual({ saved: false, added: 0 });
  expect((await storage(driver)).myQuestions).toEqual(corrupt);

  // The first change keeps the original aside; the notice says so.
  await focusAndPress(page, '[data-id="1"] .question-asked', ' ');
  await poll(async () => (await storage(driver)).myQuestionsUnreadable !== undefined, 5_000, 'kept aside');
  expect((await storage(driver)).myQuestionsUnreadable).toEqual(corrupt);
  await page.waitFor(() => document.querySelector('.questions-problem')?.textContent?.includes('kept aside'));

  // A value that is not a list at all: reported, and left as it is.
  await setStorage(driver, { myQuestions: 'garbage' });
  if (driver.name === 'chromium') await page.close();
  page = await openQuestions(driver);
  await page.waitFor(() => document.querySelector('.questions-problem')?.textContent?.includes('could not be read'));
  expect((await storage(driver)).myQuestions).toBe('garbage');
  await done(driver, page);
}

export async function noViolationsOnAPhone(driver: Driver, scheme: string): Promise<void> {
  await setStorage(driver, { myQuestions: DOZEN });
  const page = await openQuestions(driver);
  // An edit open and a clear being confirmed: every state the page can be in at once.
  await focusAndPress(page, '[data-id="2"] .edit', 'Enter');
  // The open field takes focus when it renders: only then is focus moved on, or Enter would save it.
  await page.waitFor(() => document.activeElement?.id === 'q-2-input');
  await focusAndPress(page, '.ask-clear', 'Enter');
  await page.waitFor(() => document.querySelector('.confirm-clear'));
  expect(await axe(page)).toEqual([]);
  await page.screenshot(`questions-${scheme}`);
  await done(driver, page);
}

export async function fitsAPhone(driver: Driver): Promise<void> {
  await setStorage(driver, { myQuestions: DOZEN });
  // The page in a frame 360 px wide: its own viewport, so its media queries see a phone.
  const page = await driver.openExtensionPage('pages/welcome.html');
  await page.evaluate(() => {
    document.body.replaceChildren();
    const frame = document.createElement('iframe');
    frame.src = 'questions.html';
    frame.style.cssText = 'width:360px;height:780px;border:1px solid #888';
    document.body.append(frame);
  });
  const { widest, scroll, width } = await page.waitFor(() => {
    const doc = document.querySelector('iframe')?.contentDocument;
    if (!doc?.querySelector('.question')) return null;
    const all = [...doc.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right);
    // The frame is 360 px; a classic scrollbar (Firefox) takes some of it.
    const html = doc.documentElement;
    return { widest: Math.max(...all, 1), scroll: html.scrollWidth, width: html.clientWidth };
  });
  expect(width).toBeGreaterThan(330);
  // Nothing sticks out sideways: no element ends beyond the frame, nothing scrolls sideways.
  expect(widest).toBeLessThanOrEqual(width);
  expect(scroll).toBe(width);
  await page.screenshot('questions-phone');
  await done(driver, page);
}
