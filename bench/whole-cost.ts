/**
 * Whole-cost scenarios, each in a fresh tab of the extension's browser: a page load from
 * navigation until the highlights settle (optionally with the CPU throttled 4×, a mid-range
 * phone), frames with no text, a hover that opens a card, and the living-page storm with and
 * without the extension.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { waitForScan } from './in-page';
import { extensionCost, startProfile, type ExtensionCost } from './profile';

const LOAD_TIMEOUT = 120_000;
/** Highlights count as settled once the first full read is done and this long has passed quietly. */
const SETTLE_MS = 1000;
/** A frame with no text publishes no "done": this long after load is taken as settled. */
const EMPTY_SETTLE_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoadCost extends ExtensionCost {
  painted: number;
}

/**
 * One load of `url` under the profiler. `blank` is a same-site page to start from, so that the
 * page loads in the renderer being profiled; `textless` pages are not waited for.
 */
export async function measureLoad(
  context: BrowserContext,
  url: string,
  blank: string,
  opts: { throttle?: number; textless?: boolean } = {},
): Promise<LoadCost> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(blank);
    await sleep(300); // the blank page's own content script is done before the profile starts
    if (opts.throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.throttle });
    const stop = await startProfile(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (opts.textless) await sleep(EMPTY_SETTLE_MS);
    else {
      await page.evaluate(waitForScan);
      await sleep(SETTLE_MS);
    }
    const cost = extensionCost(await stop());
    if (opts.throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { ...cost, painted: await paintedCount(page) };
  } finally {
    await page.close();
  }
}

function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('plao-lens')?.size ?? 0);
}

/** The first painted range's middle, in the viewport (scrolled there first). */
function firstTermPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('plao-lens');
    const s = h ? [...h][0] : undefined;
    if (!s) return null;
    const r = new Range();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0];
    return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
  });
}

export interface HoverCost extends ExtensionCost {
  /** Whether the card's host appeared. */
  opened: boolean;
}

/** From the pointer's arrival on a term (moved there in steps) until its card shows. */
export async function measureHover(context: BrowserContext, url: string): Promise<HoverCost> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await page.evaluate(waitForScan);
    await page.mouse.move(5, 5);
    const point = await firstTermPoint(page);
    if (!point) return { cpuMs: NaN, threadMs: NaN, mainMs: NaN, longestMs: NaN, top: [], opened: false };
    await sleep(500);
    const stop = await startProfile(cdp);
    await page.mouse.move(point.x, point.y, { steps: 8 });
    const opened = await page
      .waitForFunction(
        () =>
          [...document.documentElement.children].some(
            (el) => el.localName.startsWith('plao-lens') && getComputedStyle(el).display !== 'none',
          ),
        undefined,
        { timeout: 5000 },
      )
      .then(() => true)
      .catch(() => false);
    await sleep(300);
    return { ...extensionCost(await stop()), opened };
  } finally {
    await page.close();
  }
}

export interface StormRun {
  ticks: number;
  p95: number;
  worst: number;
  painted: number;
  stale: number;
  /** Ranges the final page's terms make, all of them (equal to `painted` below NEAR_VIEW_AFTER terms). */
  expected: number;
  /** Ranges painted in paragraphs the viewport shows, and how many those paragraphs make. */
  paintedInView: number;
  expectedInView: number;
}

/** The storm page in one context: starts the feed once the page (and the extension's read) is settled. */
export async function measureStorm(context: BrowserContext, url: string, withExtension: boolean): Promise<StormRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (withExtension) await page.evaluate(waitForScan);
    await sleep(500);
    await page.evaluate(() => (window as unknown as { startStorm: () => Promise<void> }).startStorm());
    // Let the extension catch up with the final page before comparing what is painted.
    await sleep(withExtension ? 2500 : 0);
    return await page.evaluate(() => (window as unknown as { stormResult: () => StormRun }).stormResult());
  } finally {
    await page.close();
  }
}
