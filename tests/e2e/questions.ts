/**
 * "My questions", "Don't highlight this term" and how to say it, in real browsers: added from a
 * card and from the glossary, edited, reordered, marked, removed, printed, copied and cleared with
 * the keyboard; hidden terms leave every open page and come back; a corrupt list is reported and
 * kept; and none of it asks the network for anything.
 */
import { expect } from 'vitest';
import { firstForeignRequest } from '../security/support';
import { poll, type Driver, type TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { axe } from './a11y';
import { popoverBox } from './page-helpers';
import { hoverTerm, waitForPaint, waitForPopover } from './scenarios';

type Area = {
  storage: {
    local: {
      get(k: string | string[] | null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      remove(k: string | string[]): Promise<void>;
      clear(): Promise<void>;
    };
  };
};

async function storage(driver: Driver, keys: string[] = ['myQuestions', 'myQuestionsUnreadable', 'settings']) {
  const ext = await driver.extensionPage();
  return ext.evaluate(async (k) => {
    const g = globalThis as unknown as { browser?: Area; chrome: Area };
    return (g.browser ?? g.chrome).storage.local.get(k);
  }, keys);
}

async function setStorage(driver: Driver, values: Record<string, unknown>, clear = true): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(
    async ({ v, c }) => {
      const g = globalThis as unknown as { browser?: Area; chrome: Area };
      const area = (g.browser ?? g.chrome).storage.local;
      if (c) await area.clear();
      await area.set(v);
    },
    { v: values, c: clear },
  );
}

/** Texts of the stored questions, in order. */
async function storedTexts(driver: Driver): Promise<string[]> {
  const s = await storage(driver);
  const items = (s.myQuestions as { items?: { text: string }[] } | undefined)?.items ?? [];
  return items.map((i) => i.text);
}

async function clickAt(page: TestPage, selector: string): Promise<void> {
  const at = await page.waitFor((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, selector);
  await page.click(at.x, at.y);
}

async function clickInPopover(page: TestPage, selector: string): Promise<void> {
  const box = await poll(() => page.evaluate(popoverBox, selector), 5_000, `${selector} in the popover`);
  await page.click(box.x + box.width / 2, box.y + box.height / 2);
}

function popoverStatus(): string {
  return document.querySelector('plao-lens')?.shadowRoot?.querySelector('.term-status')?.textContent ?? '';
}

async function focusAndPress(page: TestPage, selector: string, ...keys: string[]): Promise<void> {
  await page.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.focus(), selector);
  for (const key of keys) await page.press(key);
}

async function openQuestions(driver: Driver): Promise<TestPage> {
  const page = await driver.openExtensionPage('pages/questions.html');
  await page.waitFor(() => document.querySelector('.questions-page h1') && !document.querySelector('.muted:empty'));
  await page.waitFor(() => !document.body.textContent?.includes('Loading your questions'));
  return page;
}

const liveRegion = () => document.querySelector('.questions-status')?.textContent ?? '';
const done = (driver: Driver, page: TestPage) => (driver.name === 'chromium' ? page.close() : Promise.resolve());

export async function addFromCardAndGlossary(driver: Driver, server: FixtureServer): Promise<void> {
  await setStorage(driver, {});
  const page = await driver.open(server.url('/fixtures/seed-article.html'));
  await waitForPaint(page, 10);
  await hoverTerm(page, 'bisphosphonate');
  const text = await waitForPopover(page);
  // How to say it, in the card.
  expect(text).toContain('bis-FOS-fuh-nayt');
  await page.screenshot('popover-questions-actions');
  await clickInPopover(page, '.term-add');
  await page.waitFor(popoverStatus);
  expect(await page.evaluate(popoverStatus)).toContain('Added Bisphosphonates to My questions');
  expect(await storedTexts(driver)).toEqual([
    'Do you suggest a bisphosphonate for me? Why this one?',
    'How would it affect breastfeeding or a future pregnancy?',
  ]);
  // Again: nothing twice.
  await clickInPopover(page, '.term-add');
  await page.waitFor(() => document.querySelector('plao-lens')?.shadowRoot?.textContent?.includes('Already in'));
  // Nothing about the page is kept: no address, no title.
  const stored = JSON.stringify(await storage(driver, ['myQuestions']));
  expect(stored).not.toContain('seed-article');
  expect(stored).not.toContain(server.origin);
  await page.close();

  const glossary = await driver.openExtensionPage('pages/glossary.html#dxa-scan');
  await glossary.waitFor(() => document.querySelector('#dxa-scan .add-question'));
  await clickAt(glossary, '#dxa-scan .add-question');
  await glossary.waitFor(() => document.querySelector('#dxa-scan [role="status"]')?.textContent?.includes('Added'));
  expect((await storedTexts(driver)).slice(2)).toEqual([
    'Was my bone scan read with a Z-score, not a T-score?',
    'Do I need another bone scan, and when?',
  ]);
  // The glossary says how to say hard names too.
  expect(await glossary.evaluate(() => document.querySelector('#teriparatide .term-say')?.textContent)).toContain(
    'TAYR-ih-PAYR-uh-tide',
  );
  // A Listen button exactly where the device has a local English voice (none is sent anywhere).
  const voices = await glossary.evaluate(() => ({
    local: speechSynthesis.getVoices().some((v) => v.localService && v.lang.toLowerCase().startsWith('en')),
    button: !!document.querySelector('#teriparatide .term-say-listen'),
  }));
  expect(voices.button).toBe(voices.local);
  await done(driver, glossary);
}

const SEEDED = {
  version: 1,
  items: [
    { id: 1, text: 'What do my scans show?', term: 'dxa-scan', asked: false },
    { id: 2, text: 'Do you suggest a bisphosphonate for me?', term: 'bisphosphonate', asked: false },
    { id: 3, text: 'Can I lift my baby?', asked: false },
  ],
};

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
const DOZEN = {
  version: 1,
  items: [
    ['What do my scans show? How many spine bones are broken?', 'vertebral-compression-fracture'],
    ['Was my bone scan read with a Z-score, not a T-score?', 'dxa-scan'],
    ['Do I need another bone scan, and when?', 'dxa-scan'],
    ['Which blood tests have you done to look for other causes of weak bones?', 'blood-tests-for-secondary-causes'],
    ['Do you suggest a bisphosphonate for me? Why this one?', 'bisphosphonate'],
    ['How would it affect breastfeeding or a future pregnancy?', 'bisphosphonate'],
    ['Is this medicine approved for my situation, or used off-label?', 'denosumab'],
    ['What happens when I stop it? What is the plan for after?', 'denosumab'],
    ['What do you suggest about breastfeeding, and why?', 'stopping-breastfeeding'],
    ['How can I stop in a way that is comfortable for me and my baby?', 'stopping-breastfeeding'],
    ['Which movements, lifting and exercise are safe for me now?', 'weight-bearing-exercise'],
    ['Can my partner come to the next appointment?', undefined],
  ].map(([text, term], i) => ({ id: i + 1, text, ...(term ? { term } : {}), asked: i === 1 })),
};

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

export async function hiddenTermsLeaveEveryPageAndComeBack(driver: Driver, server: FixtureServer): Promise<void> {
  await setStorage(driver, {});
  const url = server.url('/fixtures/seed-article.html');
  const other = await driver.open(url);
  await waitForPaint(other, 10);
  const page = await driver.open(url);
  const before = await waitForPaint(page, 10);
  expect(before.map((s) => s.toLowerCase())).toContain('bisphosphonate');
  await hoverTerm(page, 'bisphosphonate');
  await waitForPopover(page);
  await clickInPopover(page, '.term-hide');
  const isGone = () => {
    const h = CSS.highlights.get('plao-lens');
    const texts = h ? [...(h as unknown as Iterable<Range>)].map((r) => r.toString().toLowerCase()) : [];
    return texts.length > 5 && !texts.includes('bisphosphonate');
  };
  // On every open page at once, the others still painted.
  await page.waitFor(isGone);
  await other.bringToFront?.();
  await other.waitFor(isGone);
  expect((await storage(driver)).settings).toEqual({ version: 1, hiddenTerms: ['bisphosphonate'] });

  const options = await driver.openExtensionPage('pages/options.html');
  await options.waitFor(() => document.querySelector('li[data-term="bisphosphonate"] button'));
  expect(await options.evaluate(() => document.querySelector('li[data-term="bisphosphonate"]')?.textContent)).toContain(
    'Bisphosphonates',
  );
  await options.evaluate(() => document.getElementById('hidden-terms-heading')?.scrollIntoView({ block: 'center' }));
  await options.screenshot('options-hidden-terms');
  await clickAt(options, 'li[data-term="bisphosphonate"] button');
  await options.waitFor(() => document.querySelector('.hidden-empty'));
  const isBack = () => {
    const h = CSS.highlights.get('plao-lens');
    return !!h && [...(h as unknown as Iterable<Range>)].some((r) => r.toString().toLowerCase() === 'bisphosphonate');
  };
  await page.bringToFront?.();
  await page.waitFor(isBack);
  await other.waitFor(isBack);
  await done(driver, options);
  await page.close();
  await other.close();
}

export async function noViolationsOnAPhone(driver: Driver, scheme: string): Promise<void> {
  await setStorage(driver, { myQuestions: DOZEN });
  const page = await openQuestions(driver);
  // An edit open and a clear being confirmed: every state the page can be in at once.
  await focusAndPress(page, '[data-id="2"] .edit', 'Enter');
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

export function noForeignRequests(driver: Driver, server: FixtureServer): void {
  const foreign = firstForeignRequest(driver.requests, {
    fixtureOrigin: server.origin,
    extensionBase: driver.extensionBase,
  });
  expect(foreign, `a request to ${foreign}`).toBeUndefined();
  expect(driver.requests.length).toBeGreaterThan(0);
}
