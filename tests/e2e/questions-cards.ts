/**
 * From the card and the glossary: "Add to my questions" with how to say the name, and "Don't
 * highlight this term" leaving every open page and coming back; and none of it asks the network
 * for anything.
 */
import { expect } from 'vitest';
import { firstForeignRequest } from '../security/support';
import type { Driver } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { clickAt, clickInPopover, done, popoverStatus, setStorage, storage, storedTexts } from './questions-helpers';
import { sendToTab, tabIdOf } from '../support/extension';
import { centreOfPainted } from '../support/in-page';
import { hoverTerm, paintedUntil, waitForPaint, waitForPopover } from '../support/page';

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
    'Was my bone density scan read with a Z-score, not a T-score?',
    'Do I need another bone density scan, and when?',
  ]);
  // The glossary says how to say hard names too.
  expect(await glossary.evaluate(() => document.querySelector('#teriparatide .term-say')?.textContent)).toContain(
    'ter-ih-PAR-uh-tide',
  );
  // A Listen button exactly where the device has a local English voice (none is sent anywhere).
  const voices = await glossary.evaluate(() => ({
    local: speechSynthesis.getVoices().some((v) => v.localService && v.lang.toLowerCase().startsWith('en')),
    button: !!document.querySelector('#teriparatide .term-say-listen'),
  }));
  expect(voices.button).toBe(voices.local);
  await done(driver, glossary);
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
  const isGone = (texts: string[]) => {
    const lower = texts.map((t) => t.toLowerCase());
    return lower.length > 5 && !lower.includes('bisphosphonate');
  };
  // On every open page at once, the others still painted.
  await paintedUntil(page, isGone, 'bisphosphonate unpainted, the others still painted');
  await other.bringToFront?.();
  await paintedUntil(other, isGone, 'bisphosphonate unpainted in the other tab');
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
  const isBack = (texts: string[]) => texts.some((t) => t.toLowerCase() === 'bisphosphonate');
  await page.bringToFront?.();
  await paintedUntil(page, isBack, 'bisphosphonate painted again');
  await paintedUntil(other, isBack, 'bisphosphonate painted again in the other tab');
  await done(driver, options);
  await page.close();
  await other.close();
}

/** The card's actions as the keyboard reaches them: the one focused, if any. */
function focusedInCard(): string | null {
  const host = document.activeElement;
  return host?.localName === 'plao-lens' ? (host.shadowRoot?.activeElement?.className ?? '') : null;
}

/**
 * From the keyboard: the card opened by the shortcut, "Don't highlight this term" pressed with
 * Enter. The page is read anew without the term and the card goes; focus goes back where it was
 * before the card opened (not to <body>, the top of the page), and a screen reader is told.
 */
export async function hideByKeyboardGivesFocusBack(driver: Driver, server: FixtureServer): Promise<void> {
  await setStorage(driver, {});
  const url = server.url('/fixtures/seed-article.html');
  const page = await driver.open(url);
  await waitForPaint(page, 10);
  const link = await page.evaluate(() => {
    const a = [...document.querySelectorAll('a')].find((l) => l.textContent?.includes('Pelvic girdle'))!;
    a.id = 'focused-before';
    a.focus();
    return document.activeElement === a;
  });
  expect(link, 'a page link has focus').toBe(true);
  expect(await sendToTab(driver, await tabIdOf(driver, url), { type: 'stepTerm', direction: 1 })).toEqual({
    found: true,
  });
  // The term the shortcut went to: it flashes.
  const term = await page.evaluate(() => {
    const r = [...((CSS.highlights.get('plao-lens-flash') ?? []) as Iterable<AbstractRange>)][0];
    if (!r) return '';
    const l = new Range();
    l.setStart(r.startContainer, r.startOffset);
    l.setEnd(r.endContainer, r.endOffset);
    return l.toString().toLowerCase();
  });
  expect(term).not.toBe('');
  await waitForPopover(page);
  for (let i = 0; i < 12 && (await page.evaluate(focusedInCard)) !== 'term-hide'; i++) await page.press('Tab');
  expect(await page.evaluate(focusedInCard)).toBe('term-hide');
  await page.press('Enter');
  await paintedUntil(
    page,
    (texts) => texts.length > 5 && !texts.some((t) => t.toLowerCase() === term),
    `${term} unpainted, the others still painted`,
  );
  await page.waitFor(() => document.activeElement?.id === 'focused-before');
  await page.waitFor(() =>
    [...document.querySelectorAll('plao-lens')].some((h) =>
      h.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes('no longer highlighted'),
    ),
  );
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('focused-before');
  await page.screenshot('hidden-by-keyboard-focus-back');
  await setStorage(driver, {});
  await page.close();
}

export function noForeignRequests(driver: Driver, server: FixtureServer): void {
  const foreign = firstForeignRequest(driver.requests, {
    fixtureOrigin: server.origin,
    extensionBase: driver.extensionBase,
  });
  expect(foreign, `a request to ${foreign}`).toBeUndefined();
  expect(driver.requests.length).toBeGreaterThan(0);
}

/** On a phone the bottom sheet carries the same extras: how to say it, and "Add to my questions" by a tap. */
export async function addFromThePhoneSheet(driver: Driver, server: FixtureServer): Promise<void> {
  await setStorage(driver, {});
  const page = await driver.open(server.url('/fixtures/phone/with-viewport.html'));
  await waitForPaint(page, 3);
  const at = await page.evaluate(centreOfPainted, 'osteoporosis');
  if (!at) throw new Error('"osteoporosis" is not painted');
  await page.tap(at.x, at.y);
  const sheetText = await page.waitFor(() => {
    const root = document.querySelector('plao-lens')?.shadowRoot;
    return root?.querySelector('.sheet .term-add') ? root.querySelector('.sheet')!.textContent : null;
  });
  expect(sheetText).toContain('OS-tee-oh-puh-ROH-sis');
  // The actions are at the end of the card: the sheet scrolls to them.
  await page.evaluate(() => {
    const sheet = document.querySelector('plao-lens')!.shadowRoot!.querySelector<HTMLElement>('.sheet')!;
    sheet.scrollTop = sheet.scrollHeight;
  });
  await new Promise((r) => setTimeout(r, 300)); // the sheet's slide-in, before the screenshot
  await page.screenshot('phone-sheet-questions-actions');
  const box = await page.evaluate(() => {
    const r = document
      .querySelector('plao-lens')!
      .shadowRoot!.querySelector('.sheet .term-add')!
      .getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.tap(box.x, box.y);
  await page.waitFor(popoverStatus);
  expect(await page.evaluate(popoverStatus)).toContain('Added');
  expect((await storedTexts(driver)).length).toBeGreaterThan(0);
  await done(driver, page);
}
