/**
 * One small interface over Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox), so
 * every end-to-end scenario runs unchanged in both browsers with the built extension loaded.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from '../../scripts/build';

/** The browsers the extension is built for, as the build names them. */
export type BrowserName = Browser;

/** A browser as a suite's title names it; a suite is registered once per browser. */
export type SuiteBrowser = 'Chromium' | 'Firefox';

/** Starts a browser with the extension loaded, for one suite. */
export type Launch = (options?: LaunchOptions) => Promise<Driver>;

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** Which build to load: the test build (popover root open, the default) or the release build. */
  build?: 'test' | 'release';
  /**
   * A phone: this viewport in CSS px and touch. Chromium always lays pages out by their viewport
   * meta tag (Pixel 7 emulation); Firefox only with `metaViewport` (see firefox.ts).
   */
  phone?: { width: number; height: number; metaViewport?: boolean };
}

export interface TestPage {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Polls `fn` in the page until it returns a truthy value. */
  waitFor<T, A = undefined>(fn: (arg: A) => T, arg?: A, timeout?: number): Promise<NonNullable<T>>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Renders the page as for print (media type "print"), or back to the screen. */
  emulatePrint(on: boolean): Promise<void>;
  /** The page printed to PDF on sheets of this size (Chromium only). */
  pdf?(format: 'A4' | 'Letter'): Promise<Uint8Array>;
  /** A real (trusted) tap of a finger at x, y. */
  tap(x: number, y: number): Promise<void>;
  /** A finger held down at x, y for about a second (a long press), then lifted. */
  longPress?(x: number, y: number): Promise<void>;
  /** Two fingers zooming the page by `scale` around x, y (where the browser can be driven so). */
  pinch?(x: number, y: number, scale: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  url(): Promise<string>;
  /** Runs `fn` in the first frame whose address contains `urlPart` (cross-origin frames too). */
  evaluateInFrame<T, A = undefined>(urlPart: string, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  close(): Promise<void>;
  /** Makes this tab the one in front (Firefox throttles timers in background tabs). */
  bringToFront?(): Promise<void>;
  /**
   * Runs the extension's content script once more in the top frame's content-script world, as a
   * reload or update of the extension leaves an old run beside a new one (Chromium only).
   */
  runContentScriptAgain?(): Promise<void>;
}

export interface Driver {
  name: BrowserName;
  /**
   * Every address the browser was seen requesting (pages, frames, the extension's pages and, in
   * Chromium, its service worker), for the test that no extension context makes a network request.
   */
  requests: string[];
  open(url: string): Promise<TestPage>;
  /** Waits for a tab whose address contains `part` (opened by the extension) and returns it. */
  waitForTab(part: string): Promise<TestPage>;
  /** The extension's base address, e.g. chrome-extension://<id>/. */
  extensionBase: string;
  /**
   * Shows an extension page, e.g. "pages/glossary.html#dxa-scan". Chromium opens a new tab;
   * Firefox (which refuses moz-extension:// navigation from the test) reuses the extension's tab.
   * Do not close the page it returns in Firefox.
   */
  openExtensionPage(path: string): Promise<TestPage>;
  /** An extension page (the welcome page) to call extension APIs from, as the options page would. */
  extensionPage(): Promise<TestPage>;
  /** The browser's id for the active tab (the page opened last). */
  activeTabId?(): Promise<number>;
  close(): Promise<void>;
}

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export function screenshotPath(browser: BrowserName, name: string): `${string}.png` {
  const dir = join(ARTIFACTS, 'screenshots', browser);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`) as `${string}.png`;
}

export async function poll<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeout = 10_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
