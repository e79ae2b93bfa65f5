/**
 * Waiting on what PLAO Lens shows in a tested page: painted ranges and the popover. The readings
 * themselves run in the page (./in-page); the polling is the driver's (`waitFor`) or `poll`.
 */
import { poll, type Driver, type TestPage } from './driver';
import { centreOfPainted, paintedTexts } from './in-page';

/** Waits until at least `atLeast` ranges are painted; the painted texts. */
export async function waitForPaint(page: TestPage, atLeast = 1): Promise<string[]> {
  await page.waitFor((n) => (CSS.highlights.get('plao-lens')?.size ?? 0) >= n, atLeast);
  return page.evaluate(paintedTexts);
}

/** Polls `read` until `ok` holds, and returns that reading; a timeout says what was read last. */
export async function readUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  return poll(
    async () => {
      last = await read();
      return ok(last) ? { v: last } : null;
    },
    10_000,
    what,
  ).then(
    (r) => r.v,
    (e: Error) => {
      throw new Error(`${e.message}; last: ${JSON.stringify(last)}`);
    },
  );
}

/** Waits until the painted texts satisfy `ok`; them. The error says what was painted last. */
export function paintedUntil(page: TestPage, ok: (texts: string[]) => boolean, what: string): Promise<string[]> {
  return readUntil(() => page.evaluate(paintedTexts), ok, what);
}

/** Moves the mouse onto the first painted range whose text is `text` (from outside it). */
export async function hoverTerm(page: TestPage, text: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(centreOfPainted, text);
  if (!at) throw new Error(`"${text}" is not painted`);
  await page.mouseMove(at.x - 40, at.y - 40);
  await page.mouseMove(at.x, at.y);
  return at;
}

/**
 * Waits until the popover is shown (see `popoverShown`) and, when its root is open as in the test
 * build, has its text; returns that text ('' with the release build's closed root). Then lets the
 * short fade-in finish before any screenshot.
 */
export async function waitForPopover(page: TestPage): Promise<string> {
  const { text } = await page.waitFor(
    () => {
      const host = document.querySelector('plao-lens');
      if (!host || !host.matches(':popover-open') || getComputedStyle(host).display === 'none') return null;
      if (!host.shadowRoot) return { text: '' };
      return host.shadowRoot.textContent ? { text: host.shadowRoot.textContent } : null;
    },
    undefined,
    5_000,
  );
  await new Promise((r) => setTimeout(r, 250));
  return text;
}

/** Waits until no popover is shown: no host, or a host out of the top layer and not displayed. */
export async function waitForPopoverClosed(page: TestPage): Promise<void> {
  await page.waitFor(() => {
    const host = document.querySelector('plao-lens');
    return !host || (!host.matches(':popover-open') && getComputedStyle(host).display === 'none');
  });
}

/** Clicks the middle of the first element matching `selector` with the mouse, scrolled into view. */
export async function clickOn(page: TestPage, selector: string): Promise<void> {
  const box = await page.waitFor((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.click(box.x, box.y);
}

/** Opens `url` in a new tab and waits until at least `atLeast` ranges are painted there. */
export async function openPainted(driver: Driver, url: string, atLeast = 1): Promise<TestPage> {
  const page = await driver.open(url);
  await waitForPaint(page, atLeast);
  return page;
}

/** Hovers `term` until its popover shows, then moves the mouse away until the popover closes. */
export async function hoverAndLeave(page: TestPage, term: string): Promise<void> {
  await hoverTerm(page, term);
  await waitForPopover(page);
  await page.mouseMove(2, 2);
  await waitForPopoverClosed(page);
}
