/** Chromium with the test build loaded, driven by Playwright (persistent context: extensions need one). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './browsers';
import { poll, screenshotPath, type Driver, type LaunchOptions, type TestPage } from './driver';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

function wrap(page: Page): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    waitFor: async (fn, arg, timeout = 15_000) =>
      (await page.waitForFunction(fn as never, arg, { timeout })).jsonValue() as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    emulatePrint: (on) => page.emulateMedia({ media: on ? 'print' : 'screen' }),
    pdf: (format) => page.pdf({ format }),
    tap: async (x, y) => {
      // Through the DevTools protocol: Playwright's touchscreen needs a touch-emulating context.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    },
    press: (key) => page.keyboard.press(key),
    screenshot: async (name) => {
      const path = screenshotPath('chromium', name);
      await page.screenshot({ path });
      return path;
    },
    url: () => Promise.resolve(page.url()),
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = await poll(
        () => Promise.resolve(page.frames().find((f) => f.url().includes(urlPart))),
        10_000,
        `a frame at ${urlPart}`,
      );
      return frame.evaluate(fn as never, arg) as never;
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Driver> {
  const EXT = options.build === 'release' ? join(DIST, 'chromium') : join(DIST, 'test', 'chromium');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`No build at ${EXT}: run \`npm run build:test\` first.`);
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    headless: true,
    executablePath: findChromium(),
    viewport: { width: 1200, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const requests: string[] = [];
  // Requests of pages, frames and the extension's service worker all reach the context.
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
  let extPage: TestPage | undefined;
  return {
    name: 'chromium',
    requests,
    async extensionPage() {
      if (!extPage) {
        const page = await context.newPage();
        await page.goto(extensionBase + 'pages/welcome.html');
        extPage = wrap(page);
      }
      return extPage;
    },
    extensionBase,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionBase + path);
      return wrap(page);
    },
    async waitForTab(part) {
      const page = await poll(
        () => Promise.resolve(context.pages().find((p) => p.url().includes(part))),
        10_000,
        `a tab at ${part}`,
      );
      await page.waitForLoadState();
      return wrap(page);
    },
    async activeTabId() {
      // Without the "tabs" permission the extension cannot see addresses, only which tab is active.
      return worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      });
    },
    close: () => context.close(),
  };
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
