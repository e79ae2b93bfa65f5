/**
 * The browsers of one benchmark run: one persistent context per extension build (loaded exactly as
 * tests/support/chromium.ts loads the test build), and a plain Chromium without any extension for
 * the floor and mark.js. All share the same flags, viewport and observer script.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from '../tests/support/browsers';
import { observerScript } from './in-page';

export const VIEWPORT = { width: 1200, height: 800 };

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The bench pages link to images and scripts on other hosts: fail those at once, no network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Chromium with one extension build (`dist/bench/chromium`, `dist/bench-10k/chromium`) loaded. */
export async function launchWithExtension(dir: string): Promise<BrowserContext> {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No benchmark build in ${dir}: run \`tsx scripts/build.ts --mode bench\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    headless: true,
    executablePath: findChromium(),
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...ARGS],
  });
  // The extension is loaded once its service worker runs.
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await closeWelcome(context);
  await context.addInitScript(observerScript);
  return context;
}

/**
 * Closes the welcome page the extension opens on install. Left open, it is a second tab shown in
 * the headless window, and the measured tab then renders far fewer frames while its DOM changes
 * (measured: 6 frames a second in the storm instead of 60, each laying out ten times as much, which
 * held the page's timers up by 100–200 ms). A reader's tab in front does not share its frames so,
 * and the browser without the extension has one tab.
 */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const isWelcome = (url: string) => url.startsWith('chrome-extension://') && url.endsWith('/pages/welcome.html');
  // It opens as the service worker installs: a few hundred ms at most here; give up after 5 s.
  for (let waited = 0; waited < 5000; waited += 100) {
    const welcome = context.pages().find((p) => isWelcome(p.url()));
    if (welcome) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Chromium without any extension (Playwright passes --disable-extensions). */
export async function launchPlain(): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath: findChromium(), args: ARGS });
}

export async function plainContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(observerScript);
  return context;
}
