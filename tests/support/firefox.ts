/** Firefox ESR with the test build installed as a temporary add-on, driven by Puppeteer over BiDi. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { findFirefox } from './browsers';
import { poll, screenshotPath, type Driver, type LaunchOptions, type TestPage } from './driver';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const ADDON_ID = 'plao-lens@plao-lens.org';
const UUID = '11111111-2222-4333-8444-555555555555';

function wrap(page: Page): TestPage {
  return {
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) =>
      page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg) as Promise<T>,
    waitFor: async <T, A>(fn: (arg: A) => T, arg?: A, timeout = 15_000) => {
      const handle = await page.waitForFunction(fn as (arg: unknown) => T, { timeout, polling: 100 }, arg);
      return (await handle.jsonValue()) as NonNullable<T>;
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    emulatePrint: () => Promise.reject(new Error('Firefox over BiDi cannot emulate print media')),
    tap: (x, y) => page.touchscreen.tap(x, y),
    longPress: async (x, y) => {
      await page.touchscreen.touchStart(x, y);
      await new Promise((r) => setTimeout(r, 1500));
      await page.touchscreen.touchEnd();
    },
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (name) => {
      const path = screenshotPath('firefox', name);
      await page.screenshot({ path });
      return path;
    },
    url: () => page.evaluate(() => location.href),
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = await poll(
        () => Promise.resolve(page.frames().find((f) => f.url().includes(urlPart))),
        10_000,
        `a frame at ${urlPart}`,
      );
      return frame.evaluate(fn as never, arg);
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const EXT = options.build === 'release' ? join(DIST, 'firefox') : join(DIST, 'test', 'firefox');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`No build at ${EXT}: run \`npm run build:test\` first.`);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // A phone: touch at this size. Gecko lays pages out by their viewport meta tag only with
    // dom.meta-viewport.enabled, and Firefox 153 ESR headless closes when a BiDi viewport is set
    // with that pref on: then the window itself is sized (MOZ_HEADLESS_WIDTH; 500 px at the least).
    defaultViewport: options.phone?.metaViewport
      ? null
      : options.phone
        ? { width: options.phone.width, height: options.phone.height, hasTouch: true }
        : { width: 1200, height: 800 },
    ...(options.phone?.metaViewport
      ? {
          env: {
            ...process.env,
            MOZ_HEADLESS_WIDTH: String(options.phone.width),
            MOZ_HEADLESS_HEIGHT: String(options.phone.height),
          },
        }
      : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      ...(options.phone?.metaViewport ? { 'dom.meta-viewport.enabled': true } : {}),
    },
  });
  await browser.installExtension(EXT);
  let extPage: TestPage | undefined;
  // BiDi reports requests per page: every page the browser opens, the extension's included.
  const requests: string[] = [];
  const watch = (p: Page) => p.on('request', (r) => void requests.push(r.url()));
  browser.on(
    'targetcreated',
    (t: Target) =>
      void t
        .page()
        .then((p) => p && watch(p))
        .catch(() => undefined),
  );
  for (const p of await browser.pages()) watch(p);
  const driver: Driver = {
    name: 'firefox',
    requests,
    async extensionPage() {
      // Firefox will not navigate to moz-extension:// from the test; the welcome tab the extension
      // opens on install is an extension page we can use.
      if (!extPage) {
        extPage = await driver.waitForTab('/pages/welcome.html');
        // The extension opened this tab itself: give it the phone's viewport too.
        const phone = options.phone;
        if (phone && !phone.metaViewport)
          for (const p of await browser.pages())
            if ((await p.evaluate(() => location.href).catch(() => '')).includes('/pages/welcome.html'))
              await p.setViewport({ width: phone.width, height: phone.height });
      }
      return extPage;
    },
    extensionBase: `moz-extension://${UUID}/`,
    async openExtensionPage(path) {
      // Navigating from inside an extension page is allowed, where the test's own goto is not.
      const page = await driver.extensionPage();
      // Firefox slows timers in background tabs to about once a second: work on the page in front.
      await page.bringToFront?.();
      const target = `moz-extension://${UUID}/${path}`;
      await page.evaluate((href) => {
        location.href = href;
      }, target);
      await poll(
        () =>
          page
            .evaluate((href) => location.href === href && document.readyState === 'complete', target)
            .catch(() => false),
        10_000,
        `the extension page ${path}`,
      );
      return page;
    },
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async waitForTab(part) {
      return poll(
        async () => {
          for (const p of await browser.pages()) {
            const href = await p.evaluate(() => location.href).catch(() => '');
            if (href.includes(part)) return wrap(p);
          }
          return undefined;
        },
        10_000,
        `a tab at ${part}`,
      );
    },
    close: () => browser.close(),
  };
  return driver;
}
