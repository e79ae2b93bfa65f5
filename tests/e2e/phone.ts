/**
 * PLAO Lens on a phone, emulated: a tap opens the bottom sheet, readable at any page zoom and
 * inside the visual viewport; a tap outside closes it; a long press opens nothing; a term inside a
 * link is explained first and followed on a second tap; the extension's pages fit a phone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { waitForPaint } from '../support/page';

export type PhonePage = 'with-viewport' | 'no-viewport';

interface SheetState {
  shown: boolean;
  text: string;
  sheet: { left: number; top: number; right: number; bottom: number } | null;
  viewport: { left: number; top: number; width: number; height: number; scale: number };
  /** The smallest text in the sheet, in px on screen (after the host's scale and the page zoom). */
  smallestText: number;
  /** The close button, in px on screen. */
  close: { width: number; height: number } | null;
}

/** What the person sees of the sheet (runs in the page; the test build opens the shadow root). */
function sheetState(): SheetState {
  const vv = visualViewport!;
  const viewport = { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height, scale: vv.scale };
  const host = document.querySelector<HTMLElement>('plao-lens');
  const sheet = host?.shadowRoot?.querySelector('.sheet');
  const shown = !!host && getComputedStyle(host).display !== 'none' && !!sheet;
  if (!host || !sheet || !shown) return { shown, text: '', sheet: null, viewport, smallestText: 0, close: null };
  // Layout px per CSS px inside the host (its transform), times screen px per layout px (the zoom).
  const toScreen = (host.getBoundingClientRect().width / host.offsetWidth) * vv.scale;
  let smallest = Infinity;
  for (const el of sheet.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (own) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * toScreen);
  }
  const b = sheet.getBoundingClientRect();
  const c = sheet.querySelector('.sheet-close')?.getBoundingClientRect();
  return {
    shown,
    text: sheet.textContent ?? '',
    sheet: { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
    viewport,
    smallestText: smallest,
    close: c ? { width: c.width * vv.scale, height: c.height * vv.scale } : null,
  };
}

/** The client (layout-viewport) centre of the first painted `text`, scrolled into the upper half. */
function termAt(text: string): { x: number; y: number; top: number; bottom: number } | null {
  const h = CSS.highlights.get('plao-lens') as unknown as Iterable<AbstractRange> | undefined;
  for (const s of h ?? []) {
    const r = new Range();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    if (r.toString() !== text) continue;
    const b = r.getClientRects()[0];
    if (!b) return null;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom };
  }
  return null;
}

/**
 * Scrolls the sheet so the card's text passes under its sticky close button: whether some text is
 * under it then, and the backgrounds of both, as computed (runs in the page).
 */
function scrollUnderClose(): { scrolled: number; textUnder: boolean; close: string; sheet: string } {
  const sheet = document.querySelector('plao-lens')!.shadowRoot!.querySelector<HTMLElement>('.sheet')!;
  sheet.scrollTop = 100;
  const close = sheet.querySelector('.sheet-close')!;
  const c = close.getBoundingClientRect();
  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  let textUnder = false;
  for (let n = walker.nextNode(); n && !textUnder; n = walker.nextNode()) {
    if (close.contains(n)) continue;
    const r = new Range();
    r.selectNodeContents(n);
    for (const b of r.getClientRects())
      if (b.right > c.left && b.left < c.right && b.bottom > c.top && b.top < c.bottom) textUnder = true;
  }
  return {
    scrolled: sheet.scrollTop,
    textUnder,
    close: getComputedStyle(close).backgroundColor,
    sheet: getComputedStyle(sheet).backgroundColor,
  };
}

async function term(page: TestPage, text: string) {
  const at = await page.evaluate(termAt, text);
  if (!at) throw new Error(`"${text}" is not painted`);
  return at;
}

async function waitForSheet(page: TestPage): Promise<SheetState> {
  await page.waitFor(() => {
    const host = document.querySelector<HTMLElement>('plao-lens');
    return !!host?.shadowRoot?.querySelector('.sheet') && getComputedStyle(host).display !== 'none';
  });
  await new Promise((r) => setTimeout(r, 300)); // the short slide-in, before measuring or a screenshot
  return page.evaluate(sheetState);
}

async function waitForSheetClosed(page: TestPage): Promise<void> {
  await page.waitFor(() => {
    const host = document.querySelector<HTMLElement>('plao-lens');
    return !host || getComputedStyle(host).display === 'none';
  });
}

function expectInsideViewport(s: SheetState): void {
  const v = s.viewport;
  expect(s.sheet, 'the sheet shows').not.toBeNull();
  const b = s.sheet!;
  expect(b.left).toBeGreaterThanOrEqual(v.left - 1);
  expect(b.top).toBeGreaterThanOrEqual(v.top - 1);
  expect(b.right).toBeLessThanOrEqual(v.left + v.width + 1);
  expect(b.bottom).toBeLessThanOrEqual(v.top + v.height + 1);
  // At most about half the visible height, at the bottom.
  expect(b.bottom - b.top).toBeLessThanOrEqual(v.height / 2 + 1);
  expect(b.bottom).toBeGreaterThanOrEqual(v.top + v.height - 2);
}

/** A tap on a term opens the sheet; what it shows; a tap outside closes it. */
export async function tapOpensSheet(driver: Driver, server: FixtureServer, fixture: PhonePage, tag: string) {
  const page = await driver.open(server.url(`/fixtures/phone/${fixture}.html`));
  await waitForPaint(page, 3);
  const at = await term(page, 'DEXA scan');
  await page.tap(at.x, at.y);
  const s = await waitForSheet(page);
  await page.screenshot(`phone-${tag}-${fixture}-sheet`);
  console.log(
    `[${driver.name} ${tag} ${fixture}] scale ${s.viewport.scale.toFixed(2)}, smallest text ${s.smallestText.toFixed(1)} px on screen, close ${s.close?.width.toFixed(0)}×${s.close?.height.toFixed(0)}`,
  );
  expect(s.text).toContain('DXA scan');
  expectInsideViewport(s);
  expect(s.smallestText).toBeGreaterThanOrEqual(15.99);
  expect(s.close!.width).toBeGreaterThanOrEqual(47.9);
  expect(s.close!.height).toBeGreaterThanOrEqual(47.9);
  // The term stays visible above the sheet.
  const after = await term(page, 'DEXA scan');
  expect(after.bottom).toBeLessThanOrEqual(s.sheet!.top);
  expect(after.top).toBeGreaterThanOrEqual(s.viewport.top);
  // The text scrolls under the close button, which has the sheet's own background: it shows no text through it.
  const under = await page.evaluate(scrollUnderClose);
  await page.screenshot(`phone-${tag}-${fixture}-sheet-scrolled`);
  // A card that scrolls less than the button's height wraps its first lines around the button.
  if (under.scrolled >= 60) expect(under.textUnder, 'text under the close button').toBe(true);
  expect(under.close).not.toBe('rgba(0, 0, 0, 0)');
  expect(under.close).toBe(under.sheet);
  // Scrolling the page keeps the sheet where it is, inside the visual viewport.
  await page.evaluate(() => scrollBy(0, 120));
  await new Promise((r) => setTimeout(r, 300));
  expectInsideViewport(await page.evaluate(sheetState));
  // A tap outside the sheet (the page's margin, no term) closes it.
  await page.tap(4, 4);
  await waitForSheetClosed(page);
  await page.close();
}

/** Pinch-zoomed in (Chromium can synthesize the gesture): the sheet is still inside and readable. */
export async function sheetAfterPinch(driver: Driver, server: FixtureServer) {
  const page = await driver.open(server.url('/fixtures/phone/no-viewport.html'));
  await waitForPaint(page, 3);
  const before = await page.evaluate(() => visualViewport!.scale);
  await page.pinch!(60, 200, 2.5);
  await page.waitFor((b) => visualViewport!.scale > b * 1.5, before);
  const at = await term(page, 'DEXA scan');
  await page.tap(at.x, at.y);
  const s = await waitForSheet(page);
  await page.screenshot('phone-pinched-sheet');
  console.log(
    `[${driver.name} pinched] scale ${s.viewport.scale.toFixed(2)}, smallest text ${s.smallestText.toFixed(1)} px`,
  );
  expect(s.text).toContain('DXA scan');
  expectInsideViewport(s);
  expect(s.smallestText).toBeGreaterThanOrEqual(15.99);
  await page.close();
}

/** A long press keeps its own meaning (select text): it opens no card. */
export async function longPressOpensNothing(driver: Driver, server: FixtureServer) {
  const page = await driver.open(server.url('/fixtures/phone/with-viewport.html'));
  await waitForPaint(page, 3);
  const at = await term(page, 'DEXA scan');
  await page.longPress!(at.x, at.y);
  await new Promise((r) => setTimeout(r, 800));
  expect((await page.evaluate(sheetState)).shown, 'a long press opened the sheet').toBe(false);
  // A tap still does.
  await page.tap(at.x, at.y);
  await waitForSheet(page);
  await page.close();
}

/** A term inside a link: the first tap explains it and says where the link goes; the second follows. */
export async function linkedTermTwoTaps(driver: Driver, server: FixtureServer) {
  const page = await driver.open(server.url('/fixtures/phone/with-viewport.html'));
  await waitForPaint(page, 3);
  const at = await term(page, 'bisphosphonate');
  await page.tap(at.x, at.y);
  const s = await waitForSheet(page);
  expect(s.text).toContain('Tap the term again to follow the link');
  expect(await page.evaluate(() => location.hash)).toBe('');
  await page.screenshot('phone-linked-term');
  const again = await term(page, 'bisphosphonate');
  await page.tap(again.x, again.y);
  await page.waitFor(() => location.hash === '#replies');
  await waitForSheetClosed(page);
  await page.close();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Each extension page at phone width: no sideways scrolling, and axe's target-size rule passes. */
export async function pagesFitPhone(driver: Driver, tag: string) {
  const pages = [
    'pages/popup.html',
    'pages/glossary.html',
    'pages/guide.html?article=what-is-plao',
    'pages/options.html',
    'pages/welcome.html',
  ];
  const problems: string[] = [];
  for (const path of pages) {
    const page = await driver.openExtensionPage(path);
    await page.waitFor(() => document.readyState === 'complete' && document.body.children.length > 0);
    await new Promise((r) => setTimeout(r, 400));
    const name = path.replace(/^pages\/|\.html.*$/g, '');
    await page.screenshot(`phone-${tag}-page-${name}`);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
    if (widths.scroll > widths.inner) problems.push(`${name}: ${widths.scroll} px wide in ${widths.inner}`);
    await page.evaluate((src) => {
      if (!(globalThis as { axe?: unknown }).axe) (0, eval)(src);
    }, AXE);
    const violations = await page.evaluate(async () => {
      type R = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run(c: unknown, o: object): Promise<R> } }).axe;
      const r = await axe.run(document, { runOnly: ['target-size'] });
      return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`));
    });
    problems.push(...violations.map((v) => `${name}: ${v}`));
    // On a coarse pointer, the popup's controls are a finger's size.
    if (name === 'popup')
      problems.push(
        ...(await page.evaluate(() => {
          if (!matchMedia('(pointer: coarse)').matches) return [];
          const small: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('button, a, .switch, input[type="search"]')) {
            const r = el.getBoundingClientRect();
            if (r.height && r.height < 44)
              small.push(`popup: ${el.textContent?.trim() || el.localName} is ${r.height} px high`);
          }
          return small;
        })),
      );
    if (driver.name === 'chromium') await page.close();
  }
  expect(problems).toEqual([]);
}
