/**
 * Pages that fight back: hostile CSS, a strict CSP, scripts that patch the platform and imitate
 * the extension, mutation storms, single-page apps, huge and odd documents, and the places a
 * reader's text must stay untouched. Written once, run in every browser (hostile-*.e2e.test.ts).
 * Outcomes are asserted; timings are only printed, for the report.
 */
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import { tabCount } from '../support/extension';
import type { FixtureServer } from '../support/server';
import {
  expectedTermsJson,
  paintedJson,
  popoverJson,
  strayRanges,
  termBox,
  type Box,
  type PopoverState,
} from './in-page';

const CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

/** The extra headers the fixture server must send (pass to startServer). */
export const HOSTILE_HEADERS: Record<string, Record<string, string>> = {
  '/fixtures/hostile/csp.html': { 'Content-Security-Policy': CSP },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` (in Node, through evaluate) until `ok` holds; fails with the last value seen. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      const seen = last === undefined ? String(error) : JSON.stringify(last).slice(0, 2000);
      throw new Error(`Timed out waiting for ${what}; last seen: ${seen}`);
    }
    await sleep(100);
  }
}

const painted = async (page: TestPage) => JSON.parse(await page.evaluate(paintedJson)) as string[];
const popover = async (page: TestPage) => JSON.parse(await page.evaluate(popoverJson)) as PopoverState;

async function paintedIncluding(page: TestPage, texts: string[]): Promise<string[]> {
  return until(
    () => painted(page),
    (p) => texts.every((t) => p.includes(t)),
    `painted ${texts.join(', ')}`,
  );
}

async function boxOf(page: TestPage, text: string): Promise<Box> {
  const box = JSON.parse(await page.evaluate(termBox, text)) as Box | null;
  if (!box) throw new Error(`"${text}" is not painted`);
  return box;
}

/** Rests the real pointer on a painted term (coming from above and to the left) and returns its box. */
async function hover(page: TestPage, text: string, from: 'away' | 'here' = 'away'): Promise<Box> {
  const box = await boxOf(page, text);
  const x = box.left + Math.min(8, (box.right - box.left) / 2);
  const y = (box.top + box.bottom) / 2;
  if (from === 'away') await page.mouseMove(Math.max(1, x - 40), Math.max(1, y - 40));
  await page.mouseMove(x, y);
  return box;
}

async function popoverShowing(page: TestPage, contains: string): Promise<PopoverState> {
  const state = await until(
    () => popover(page),
    (s) => s.shown && s.text.includes(contains) && !!s.box,
    `the popover for ${contains}`,
    5_000,
  );
  await sleep(250); // the short fade-in, before any screenshot
  return state;
}

interface Comparison {
  painted: number;
  /** Terms the final DOM shows that are not painted, with how many are missing. */
  missing: Record<string, number>;
  /** Painted texts beyond what the final DOM shows. */
  extra: Record<string, number>;
}

/** The painted texts against the texts the page's [data-terms] attributes list, as multisets. */
async function compareWithDom(page: TestPage): Promise<Comparison> {
  const [have, want] = await Promise.all([painted(page), page.evaluate(expectedTermsJson)]);
  const count = new Map<string, number>();
  for (const t of JSON.parse(want) as string[]) count.set(t, (count.get(t) ?? 0) + 1);
  for (const t of have) count.set(t, (count.get(t) ?? 0) - 1);
  const out: Comparison = { painted: have.length, missing: {}, extra: {} };
  for (const [t, n] of count) {
    if (n > 0) out.missing[t] = n;
    if (n < 0) out.extra[t] = -n;
  }
  return out;
}

const matchesDom = (c: Comparison) => !Object.keys(c.missing).length && !Object.keys(c.extra).length;

/** Distance between two boxes (0 when they touch or overlap). */
function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - b.right, b.left - a.right);
  const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
  return Math.hypot(dx, dy);
}

/** Hovering shows a readable popover, on top of everything, beside its term. */
function expectPopoverOnTop(state: PopoverState, term: Box): void {
  expect(state.topLayer, 'the popover is in the top layer').toBe(true);
  expect(state.atPoints, 'elementFromPoint over the popover finds its host').toEqual(Array(5).fill('plao-lens'));
  expect(gap(state.box!, term), 'the popover is beside its term').toBeLessThan(80);
  expect(state.text).toContain('Not medical advice');
}

/** 1. `* { all: unset !important }`, z-index wars, a full-page overlay, transform and zoom on <html>. */
export async function cssWars(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/css-wars.html'));
  await paintedIncluding(page, ['PLAO', 'DEXA scan', 'bisphosphonate', 'Vitamin D', 'calcium']);
  const term = await hover(page, 'PLAO');
  const state = await popoverShowing(page, 'Pregnancy- and lactation-associated osteoporosis');
  await new Promise((r) => setTimeout(r, 250)); // the popover's short fade-in, before the screenshot
  await page.screenshot('hostile-css-wars-popover');
  expectPopoverOnTop(state, term);
  console.log(
    `[${driver.name}] css wars: popover at (${state.box!.left.toFixed(0)}, ${state.box!.top.toFixed(0)}), ` +
      `term at (${term.left.toFixed(0)}, ${term.bottom.toFixed(0)}); gap ${gap(state.box!, term).toFixed(0)} px`,
  );
  await page.close();
}

/**
 * Under `zoom` and a translate on <html>, the popover's corner should sit at its term's bottom-left
 * (bottom-start placement, 6 px below), as it does on an ordinary page. The term is mid-line, where
 * a position scaled by the page's zoom lands far off.
 */
export async function popoverAnchoredUnderZoom(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/css-wars.html'));
  await paintedIncluding(page, ['DEXA scan']);
  const term = await hover(page, 'DEXA scan');
  const state = await popoverShowing(page, 'DXA scan');
  await page.screenshot('hostile-css-wars-anchor');
  await page.close();
  const box = state.box!;
  const off = { x: box.left - term.left, y: box.top - (term.bottom + 6) };
  console.log(
    `[${driver.name}] under html zoom: popover corner off its anchor by (${off.x.toFixed(1)}, ${off.y.toFixed(1)}) px`,
  );
  expect(Math.abs(off.x), 'horizontal offset from the term').toBeLessThan(16);
  expect(Math.abs(off.y), 'vertical offset from the term').toBeLessThan(16);
}

/** 2. A page whose CSP forbids every style and script. */
export async function strictCsp(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/csp.html'));
  // The policy is in force: the page's own script did not run.
  expect(await page.evaluate(() => document.title)).toBe('A strict CSP page');
  await paintedIncluding(page, ['PLAO', 'DEXA scan', 'bisphosphonate']);
  const term = await hover(page, 'PLAO');
  const state = await popoverShowing(page, 'Pregnancy- and lactation-associated osteoporosis');
  await page.screenshot('hostile-csp-popover');
  expect(state.hostPosition).toBe('fixed');
  expect(state.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
  expectPopoverOnTop(state, term);
  // Styled inside: a border radius and padding from the adopted stylesheet.
  const inner = await page.evaluate(() => {
    const pop = document.querySelector('plao-lens')!.shadowRoot!.querySelector('.popover')!;
    const css = getComputedStyle(pop);
    return { radius: css.borderTopLeftRadius, padding: css.paddingTop };
  });
  expect(inner.radius).not.toBe('0px');
  expect(inner.padding).not.toBe('0px');
  await page.close();
}

interface HostileLog {
  roots: string[];
  thrown: string[];
  removed: string[];
  swallowed: number;
  messages: number;
  fights: number;
}

const hostileLog = async (page: TestPage) =>
  JSON.parse(
    await page.evaluate(() => {
      const l = (window as unknown as { __hostile: Record<string, unknown> }).__hostile;
      const roots: string[] = [];
      for (const r of l.roots as { host: string; mode: string }[]) roots[roots.length] = `${r.host}:${r.mode}`;
      return JSON.stringify({ ...l, roots });
    }),
  ) as HostileLog;

type Fight = { pointer?: { x: number; y: number }; escape?: boolean };
const fight = (page: TestPage, opts: Fight = {}) =>
  page.evaluate((o) => (window as unknown as { fight(o: Fight): void }).fight(o), opts);

/**
 * 3. Scripts that patch attachShadow, appendChild, insertBefore, Array and addEventListener, post
 * look-alike messages, and remove every element they do not know.
 */
export async function hostileScripts(driver: Driver, server: FixtureServer): Promise<void> {
  const before = await tabCount(driver);
  const page = await driver.open(server.url('/fixtures/hostile/scripts.html'));
  const terms = ['PLAO', 'DEXA scan', 'bisphosphonate', 'Vitamin D', 'calcium'];
  expect(await paintedIncluding(page, terms)).toHaveLength(terms.length);

  // The page's messages and custom events (sent at load and now) neither step nor open anything.
  const scrolled = await page.evaluate(() => scrollY);
  await fight(page);
  await sleep(1000);
  expect(await page.evaluate(() => CSS.highlights.has('plao-lens-flash')), 'no step: nothing flashed').toBe(false);
  expect(await page.evaluate(() => scrollY), 'no step: nothing scrolled').toBe(scrolled);
  // (Had the extension opened its popover, the page would have seen and removed the host.)
  expect((await hostileLog(page)).removed, 'no popover opened').toEqual([]);
  expect(await tabCount(driver), 'no tab opened').toBe(before + 1);

  // A real hover: the page removes the popover's host as soon as it appears.
  await hover(page, 'PLAO');
  await until(
    () => hostileLog(page),
    (l) => l.removed.includes('plao-lens'),
    'the page to remove the host',
  );
  expect((await popover(page)).connected).toBe(false);

  // The page stops fighting. The reader moves away, then onto a term: the host comes back.
  await page.evaluate(() => (window as unknown as { settle(): void }).settle());
  await page.mouseMove(5, 5);
  await sleep(800);
  const term = await hover(page, 'DEXA scan');
  const state = await popoverShowing(page, 'DXA scan');
  await page.screenshot('hostile-scripts-popover');
  expectPopoverOnTop(state, term);

  const log = await hostileLog(page);
  expect(log.roots, "the page's attachShadow never saw the extension's root").toEqual([]);
  expect(log.thrown, "the extension never went through the page's appendChild/insertBefore").toEqual([]);
  expect(log.fights).toBeGreaterThanOrEqual(2);
  // Still every term painted, and still no new tab from the page's openGuidance look-alikes.
  expect(JSON.parse(await page.evaluate(paintedJson))).toHaveLength(terms.length);
  expect(await tabCount(driver)).toBe(before + 1);
  // Not asserted, reported: a synthetic Escape from the page closes the open popover.
  await fight(page, { escape: true });
  await sleep(300);
  const closedByPage = !(await popover(page)).shown;
  console.log(
    `[${driver.name}] hostile scripts: the page removed ${log.removed.join(', ')}, swallowed ` +
      `${log.swallowed} listener(s), posted ${log.messages} look-alike messages; no tab opened; ` +
      `a synthetic Escape ${closedByPage ? 'closed' : 'did not close'} the popover`,
  );
  await page.close();
}

/**
 * The page removes the host while the popover is open; the reader moves straight on to the next
 * term. The popover that comes back must be in the top layer again: a cookie banner on the highest
 * z-index, added to <html> after it, must not cover it.
 */
export async function removedHostReturnsOnTop(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/scripts.html'));
  await paintedIncluding(page, ['PLAO', 'DEXA scan']);
  await hover(page, 'PLAO');
  await until(
    () => hostileLog(page),
    (l) => l.removed.includes('plao-lens'),
    'the page to remove the host',
  );
  await page.evaluate(() => (window as unknown as { settle(): void }).settle());
  const term = await hover(page, 'DEXA scan', 'here');
  await popoverShowing(page, 'DXA scan');
  await page.evaluate(() => (window as unknown as { banner(): void }).banner());
  const state = await popover(page);
  await page.screenshot('hostile-scripts-host-returns');
  await page.close();
  console.log(
    `[${driver.name}] host back after removal: top layer ${state.topLayer}, at its centre: ${state.atPoints[0]}`,
  );
  expectPopoverOnTop(state, term);
}

/**
 * Events the page makes up (untrusted) do not drive the extension: a synthetic pointermove over a
 * term opens no popover.
 */
export async function syntheticInputIgnored(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/scripts.html'));
  await paintedIncluding(page, ['PLAO']);
  await page.evaluate(() => (window as unknown as { settle(): void }).settle());
  const box = await boxOf(page, 'PLAO');
  await fight(page, { pointer: { x: box.left + 6, y: (box.top + box.bottom) / 2 } });
  await sleep(1000);
  const state = await popover(page);
  await page.close();
  expect(state.shown, 'a synthetic pointermove opened the popover').toBe(false);
}

/** 4. Thousands of term-bearing nodes added and removed a second, for about four seconds. */
export async function mutationStorm(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/storm.html'));
  await paintedIncluding(page, ['PLAO']);
  const storm = JSON.parse(
    await page.evaluate(() =>
      (window as unknown as { startStorm(ms: number, n: number): Promise<string> }).startStorm(4000, 40),
    ),
  ) as { added: number; removed: number; maxGap: number; ticks: number };
  const settled = await until(
    () => compareWithDom(page),
    matchesDom,
    'the painted ranges to match the final DOM',
    10_000,
  );
  expect(settled.painted).toBeGreaterThan(100);
  expect(JSON.parse(await page.evaluate(strayRanges, '')), 'no stale ranges').toEqual([]);
  const after = await page.evaluate(() => (window as unknown as { __beat: { maxGap: number } }).__beat.maxGap);
  console.log(
    `[${driver.name}] storm: ${storm.added} added, ${storm.removed} removed in 4 s; ` +
      `largest heartbeat gap ${storm.maxGap.toFixed(0)} ms during, ${after.toFixed(0)} ms up to settling; ` +
      `${settled.painted} ranges painted at the end`,
  );
  await page.close();
}

/** 5. 200 client-side navigations, each replacing <main>. */
export async function spaNavigations(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/spa.html'));
  await paintedIncluding(page, ['PLAO']);
  const heap = () =>
    page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
  const heapBefore = await heap();
  await page.evaluate(() =>
    (window as unknown as { runNavigations(n: number, gap: number): Promise<number> }).runNavigations(200, 15),
  );
  const final = await until(() => compareWithDom(page), matchesDom, 'the painted ranges to be the final view’s');
  expect(await page.url()).toContain('?view=199');
  expect(final.painted).toBeGreaterThan(1);
  // Nothing grows afterwards either.
  await sleep(1500);
  expect(await compareWithDom(page)).toEqual(final);
  expect(JSON.parse(await page.evaluate(strayRanges, '')), 'no stale ranges').toEqual([]);
  const heapAfter = await heap();
  console.log(
    `[${driver.name}] SPA: ${final.painted} ranges after 200 navigations` +
      (heapBefore && heapAfter
        ? `; JS heap ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB (performance.memory, no forced GC)`
        : '; no heap figure in this browser'),
  );
  await page.close();
}

interface SizeReport {
  expected: { deep: number; blocks: number; hugePLAO: number; hugeBis: number; hugeChars: number };
  built: number;
  watch: { first: number; last: number; size: number; maxGap: number };
  now: number;
}

/** 6. A several-MB text node, 5,000-deep nesting, 30,000 blocks, right-to-left text and SVG. */
export async function sizeAndShape(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/hostile/size.html'));
  // A frozen page does not answer: every read below must come back within 20 s (a third of the
  // test's timeout; the extension's slices are 8 ms).
  const answer = <T>(read: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('the page did not answer within 20 s: frozen')), 20_000);
      read.then(
        (v) => (clearTimeout(late), resolve(v)),
        (e: unknown) => (clearTimeout(late), reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  const report = async () =>
    JSON.parse(
      await answer(
        page.evaluate(() => {
          const w = window as unknown as Record<string, unknown>;
          const now = performance.now();
          return JSON.stringify({ expected: w.__expected, built: w.__built, watch: w.__watch, now });
        }),
      ),
    ) as SizeReport;
  const { expected } = await report();
  const normal = expected.deep + expected.blocks + expected.hugePLAO + expected.hugeBis + 3; // + ar, he, mixed
  // Read through, or stalled: nothing newly painted for four seconds.
  const end = await until(
    report,
    (r) => r.watch.size >= normal || (r.watch.first > 0 && r.now - r.watch.last > 4000),
    `${normal} painted ranges`,
    40_000,
  );
  expect(end.watch.size, 'every term in normal text painted').toBeGreaterThanOrEqual(normal);
  await sleep(1000); // and, a moment later, nothing more
  const where = JSON.parse(
    await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      const regions = ['#ar', '#he', '#mixed', '#svg-text', '#deep-root', '#deep-inline', '#blocks', '#huge'];
      for (const r of regions) out[r] = [];
      const text = (s: AbstractRange) => {
        const l = new Range();
        l.setStart(s.startContainer, s.startOffset);
        l.setEnd(s.endContainer, s.endOffset);
        return l.toString();
      };
      // Every painted term (the test build's mirror: above 500 the highlight holds those near the viewport).
      const all = CSS.highlights.get('plao-lens-shown') ?? CSS.highlights.get('plao-lens');
      for (const range of all as unknown as Iterable<AbstractRange>) {
        const el = range.startContainer.parentElement;
        for (const r of regions) {
          if (!el?.closest(r)) continue;
          const list = out[r]!;
          list[list.length] = text(range);
          break;
        }
      }
      return JSON.stringify(out);
    }),
  ) as Record<string, string[]>;
  expect(where['#ar']).toEqual(['DEXA']);
  expect(where['#he']).toEqual(['PLAO']);
  expect(where['#mixed']).toEqual(['bisphosphonate']);
  expect(where['#deep-root']).toEqual(['kyphoplasty']);
  expect(where['#deep-inline']).toEqual(['vertebroplasty']);
  expect(where['#blocks']).toHaveLength(expected.blocks);
  expect(where['#blocks']!.every((t) => t === 'vitamin D')).toBe(true);
  expect(where['#huge']!.filter((t) => t === 'PLAO')).toHaveLength(expected.hugePLAO);
  expect(where['#huge']!.filter((t) => t === 'bisphosphonate')).toHaveLength(expected.hugeBis);
  expect(where['#huge']).toHaveLength(expected.hugePLAO + expected.hugeBis);
  expect(JSON.parse(await page.evaluate(strayRanges, '')), 'painted ranges are shown ones, none stale').toEqual([]);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot('hostile-size-rtl-svg');
  const { built, watch } = await report();
  console.log(
    `[${driver.name}] size: ${(expected.hugeChars / 1e6).toFixed(1)} MB text node, 30,000 blocks, 5,000 deep; ` +
      `page built in ${built.toFixed(0)} ms; first paint at ${watch.first.toFixed(0)} ms, painted count last changed ` +
      `at ${watch.last.toFixed(0)} ms after navigation (${watch.size} ranges, SVG text painted: ` +
      `${where['#svg-text']!.length ? where['#svg-text']!.join() : 'no'}); largest page-timer gap ${watch.maxGap.toFixed(0)} ms`,
  );
  await page.close();
}

/**
 * Clicks into the field at `selector`, types with the real keyboard, then undoes (Ctrl+Z in
 * Chromium; in Firefox the editor's undo command, as the driver cannot hold a modifier there).
 */
async function typeAndUndo(
  driver: Driver,
  page: TestPage,
  selector: string,
): Promise<{ typed: string; undone: string }> {
  const read = () =>
    page.evaluate((s) => {
      const el = document.querySelector(s)!;
      return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '');
    }, selector);
  const at = await page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.click(at.x, at.y);
  await page.press('End');
  for (const key of ['x', 'y', 'z']) await page.press(key);
  await sleep(400); // long enough for the extension to see and (not) read the change
  const typed = await read();
  if (driver.name === 'chromium') await page.press('Control+z');
  else {
    // The Firefox driver's press() cannot hold a modifier (Puppeteer takes one key); the editor's
    // own undo command walks the same undo stack.
    await page.evaluate(() => document.execCommand('undo'));
  }
  await sleep(400);
  return { typed, undone: await read() };
}

/** 7. Text boxes, editors, code, closed shadow roots; sandboxed and cross-origin frames paint their own. */
export async function placesNotToTouch(driver: Driver, server: FixtureServer): Promise<void> {
  const cross = server.url('/fixtures/hostile/frame-cross.html', 'localhost');
  const page = await driver.open(server.url(`/fixtures/hostile/places.html?cross=${encodeURIComponent(cross)}`));
  await paintedIncluding(page, ['PLAO']);
  expect(await painted(page), 'only the prose is painted').toEqual(['PLAO']);

  expect(await typeAndUndo(driver, page, '#in')).toEqual({ typed: 'PLAO notesxyz', undone: 'PLAO notes' });
  expect(await typeAndUndo(driver, page, '#ta')).toEqual({
    typed: 'PLAO in a text boxxyz',
    undone: 'PLAO in a text box',
  });
  expect(await typeAndUndo(driver, page, '#ce')).toEqual({
    typed: 'PLAO in an editorxyz',
    undone: 'PLAO in an editor',
  });
  // The editor's DOM is the page's own: one text node, no wrappers.
  expect(await page.evaluate(() => document.getElementById('ce')!.childNodes.length)).toBe(1);

  expect(await painted(page), 'still only the prose').toEqual(['PLAO']);
  expect(JSON.parse(await page.evaluate(strayRanges, 'input, textarea, [contenteditable], pre, code'))).toEqual([]);
  const inClosed = await page.evaluate(() => {
    const closed = (window as unknown as { __closed: ShadowRoot }).__closed;
    let n = 0;
    for (const r of CSS.highlights.get('plao-lens') as unknown as Iterable<AbstractRange>)
      if (r.startContainer.getRootNode() === closed) n++;
    return n;
  });
  expect(inClosed, 'nothing painted in the closed shadow root').toBe(0);

  const frameTerms = (part: string) =>
    until(
      () =>
        page.evaluateInFrame(part, () => {
          const out: string[] = [];
          const h = CSS.highlights.get('plao-lens');
          const text = (s: AbstractRange) => {
            const l = new Range();
            l.setStart(s.startContainer, s.startOffset);
            l.setEnd(s.endContainer, s.endOffset);
            return l.toString();
          };
          if (h) for (const r of h as unknown as Iterable<AbstractRange>) out.push(text(r));
          return out;
        }),
      (t) => t.length > 0,
      `painted terms in ${part}`,
    );
  expect(await frameTerms('frame-sandboxed.html')).toEqual(['kyphoplasty']);
  expect(await frameTerms(cross)).toEqual(['vertebroplasty']);
  await page.screenshot('hostile-places');
  await page.close();
}
