/** Chromium with the test build loaded, driven by Playwright (persistent context: extensions need one). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, devices, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './browsers';
import { poll, screenshotPath, type Driver, type LaunchOptions, type TestPage } from './driver';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

/** The content-script world of the page's top frame, through the DevTools protocol. */
async function runInContentWorld(page: Page, source: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  type Context = { id: number; origin: string; auxData?: { type?: string; frameId?: string } };
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.push(e.context));
  await cdp.send('Runtime.enable'); // reports every existing context first
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = contexts.find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      c.origin.startsWith('chrome-extension:'),
  );
  if (!world) throw new Error('No content-script world in the page');
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, contextId: world.id });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`The content script failed: ${exceptionDetails.text}`);
}

function wrap(page: Page, ext?: string): TestPage {
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
    longPress: async (x, y) => {
      // A synthetic gesture: Chromium's own recogniser sees a press held for 1.5 s (no click follows).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.synthesizeTapGesture', { x, y, duration: 1500, tapCount: 1, gestureSourceType: 'touch' });
      await cdp.detach();
    },
    pinch: async (_x, _y, scale) => {
      // The state a pinch leaves (the visual viewport zoomed in over the layout viewport). The
      // session stays open: the emulation ends with it.
      const now = await page.evaluate(() => visualViewport?.scale ?? 1);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: now * scale });
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
    ...(ext
      ? { runContentScriptAgain: () => runInContentWorld(page, readFileSync(join(ext, 'content.js'), 'utf8')) }
      : {}),
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Driver> {
  const EXT = options.build === 'release' ? join(DIST, 'chromium') : join(DIST, 'test', 'chromium');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`No build at ${EXT}: run \`npm run build:test\` first.`);
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    headless: true,
    executablePath: findChromium(),
    viewport: { width: 1200, height: 800 },
    // A phone: Pixel 7 (touch, coarse pointer, DPR 2.625, the viewport meta tag honoured) at this size.
    ...(options.phone
      ? {
          ...devices['Pixel 7'],
          viewport: { width: options.phone.width, height: options.phone.height },
          screen: { width: options.phone.width, height: options.phone.height },
        }
      : {}),
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
      return wrap(page, EXT);
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
