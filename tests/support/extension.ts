/**
 * What a test asks of the extension from one of its own pages, as the options page, the popup or
 * the background would: the stored settings, the tabs, messages to a content script or the
 * background. Functions passed to `evaluate` run in the extension page and use nothing from here.
 */
import type { ToContent } from '../../src/core/messages';
import type { Driver, TestPage } from './driver';

/** The parts of the extension API these helpers use, in both browsers (`browser` or `chrome`). */
type Api = {
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> };
  };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, msg: unknown, o: object): Promise<unknown>;
  };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
};
type Global = { browser?: Api; chrome: Api };

/** What storage.local holds under `key` (undefined when nothing is stored). */
async function storedValue(driver: Driver, key: string): Promise<unknown> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async (k) => {
    const g = globalThis as unknown as Global;
    return (await (g.browser ?? g.chrome).storage.local.get(k))[k];
  }, key);
}

/** What storage holds under "settings" (undefined when nothing is stored). */
export function storedSettings(driver: Driver): Promise<unknown> {
  return storedValue(driver, 'settings');
}

/** What storage holds under "prefilter" (kept by the background for large pages; undefined when none). */
export function storedPrefilter(driver: Driver): Promise<unknown> {
  return storedValue(driver, 'prefilter');
}

/** Writes `value` as the stored settings (anything storage can hold); `{}` is every default. */
export async function writeSettings(driver: Driver, value: unknown): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(async (v) => {
    const g = globalThis as unknown as Global;
    await (g.browser ?? g.chrome).storage.local.set({ settings: v });
  }, value);
}

/** Empties the extension's storage.local: every setting is its default, nothing else is kept. */
export async function clearStorage(driver: Driver): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(async () => {
    const g = globalThis as unknown as Global;
    await (g.browser ?? g.chrome).storage.local.clear();
  });
}

/** How many tabs the browser has open (the extension sees tabs without the "tabs" permission). */
export async function tabCount(driver: Driver): Promise<number> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async () => {
    const g = globalThis as unknown as Global;
    return (await (g.browser ?? g.chrome).tabs.query({})).length;
  });
}

/** The tab id of the page at `url` (host access lets the extension see its address). */
export async function tabIdOf(driver: Driver, url: string): Promise<number> {
  const ext = await driver.extensionPage();
  const id = await ext.evaluate(async (u) => {
    const g = globalThis as unknown as Global;
    return (await (g.browser ?? g.chrome).tabs.query({})).find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab at ${url}`);
  return id;
}

/** Sends a message to a tab's top frame as the popup or the background would; the raw reply. */
export async function sendToTab(driver: Driver, tabId: number, msg: ToContent): Promise<unknown> {
  const ext = await driver.extensionPage();
  return ext.evaluate(
    async ({ tabId, msg }) => {
      const g = globalThis as unknown as Global;
      return (g.browser ?? g.chrome).tabs.sendMessage(tabId, msg, { frameId: 0 });
    },
    { tabId, msg },
  );
}

/** The card the background gives for a term, asked as the content script would. */
export async function termCard(driver: Driver, id: string): Promise<Record<string, unknown> | undefined> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async (termId) => {
    const g = globalThis as unknown as Global;
    return (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'getTermCard', id: termId })) as
      Record<string, unknown> | undefined;
  }, id);
}

/** Done with an extension page: Firefox shows them in one tab that must stay open; Chromium opens a tab each. */
export async function closeExtensionPage(driver: Driver, page: TestPage): Promise<void> {
  if (driver.name === 'chromium') await page.close();
}
