/**
 * Helpers shared by the security scenarios. Functions passed to `evaluate` run in a page or an
 * extension page and must not use anything from this module's scope.
 */
import { poll, type Driver, type TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';

/**
 * The first address in `requests` that is neither the fixture server (on 127.0.0.1 or localhost),
 * nor the extension itself, nor about:, data: or blob:. Undefined when there is none.
 */
export function firstForeignRequest(
  requests: readonly string[],
  allowed: { fixtureOrigin: string; extensionBase: string },
): string | undefined {
  const fixture = new URL(allowed.fixtureOrigin);
  const origins = new Set([fixture.origin, `${fixture.protocol}//localhost:${fixture.port}`]);
  const extension = new URL(allowed.extensionBase);
  return requests.find((address) => {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return true; // not even an address: explain it or fix the test
    }
    if (url.protocol === 'about:' || url.protocol === 'data:' || url.protocol === 'blob:') return false;
    if (url.protocol === 'http:' && origins.has(url.origin)) return false;
    // An extension's origin is its scheme and host (the id): another extension's id is foreign.
    return !(url.protocol === extension.protocol && url.host === extension.host && extension.host !== '');
  });
}

type StorageApi = {
  storage: {
    local: {
      get(k: string | null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
};

/**
 * Everything the extension keeps, as JSON (for before/after comparisons): storage.local, .sync and
 * .session, and its origin's localStorage and IndexedDB databases.
 */
export async function storageSnapshot(driver: Driver): Promise<string> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async () => {
    type Area = { get(k: null): Promise<Record<string, unknown>> };
    type Api = { storage: Record<'local' | 'sync' | 'session', Area | undefined> };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const out: Record<string, unknown> = {};
    for (const area of ['local', 'sync', 'session'] as const) {
      const all = await api.storage[area]?.get(null).catch(() => ({}));
      out[area] = Object.entries(all ?? {}).sort(([a], [b]) => a.localeCompare(b));
    }
    out.localStorage = Object.keys(localStorage).sort();
    out.indexedDB = (await indexedDB.databases?.().catch(() => []))?.map((d) => d.name).sort() ?? [];
    return JSON.stringify(out);
  });
}

/** Writes `value` as the stored settings (anything storage can hold), as an extension page can. */
export async function writeSettings(driver: Driver, value: unknown): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(async (v) => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    await (g.browser ?? g.chrome).storage.local.set({ settings: v });
  }, value);
}

export async function clearStorage(driver: Driver): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(async () => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    await (g.browser ?? g.chrome).storage.local.clear();
  });
}

/** How many tabs the browser has open (the extension sees tabs without the "tabs" permission). */
export async function tabCount(driver: Driver): Promise<number> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async () => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (await (g.browser ?? g.chrome).tabs.query({})).length;
  });
}

/** The card the background gives for a term, asked as the content script would. */
export async function termCard(driver: Driver, id: string): Promise<Record<string, unknown> | undefined> {
  const ext = await driver.extensionPage();
  return ext.evaluate(async (termId) => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'getTermCard', id: termId })) as
      Record<string, unknown> | undefined;
  }, id);
}

/** The tab id of the page at `url`. */
export async function tabIdOf(driver: Driver, url: string): Promise<number> {
  const ext = await driver.extensionPage();
  const id = await ext.evaluate(async (u) => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    const tabs = await (g.browser ?? g.chrome).tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab at ${url}`);
  return id;
}

/** Whether the popover host is on the page and shown, read the way the page itself can. */
export function popoverShown(): boolean {
  const host = document.querySelector('plao-lens');
  return !!host && host.matches(':popover-open') && getComputedStyle(host).display !== 'none';
}

export async function waitForShown(page: TestPage): Promise<void> {
  await page.waitFor(() => {
    const host = document.querySelector('plao-lens');
    return !!host && host.matches(':popover-open') && getComputedStyle(host).display !== 'none';
  });
  await new Promise((r) => setTimeout(r, 250)); // the short fade-in, before any screenshot
}

export async function waitForHidden(page: TestPage): Promise<void> {
  await page.waitFor(() => {
    const host = document.querySelector('plao-lens');
    return !host || (!host.matches(':popover-open') && getComputedStyle(host).display === 'none');
  });
}

/** How many ranges are painted on the page. */
export function paintedCount(): number {
  return CSS.highlights.get('plao-lens')?.size ?? 0;
}

/** Opens an extension page and waits until its app has rendered. */
export async function openRendered(driver: Driver, path: string): Promise<TestPage> {
  const page = await driver.openExtensionPage(path);
  await poll(
    () => page.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0).catch(() => false),
    10_000,
    `the extension page ${path} to render`,
  );
  return page;
}

/** Firefox shows extension pages in one tab that must stay open; Chromium opens a tab each. */
export async function closeExtensionPage(driver: Driver, page: TestPage): Promise<void> {
  if (driver.name === 'chromium') await page.close();
}

export function fixture(server: FixtureServer, name: string, host?: 'localhost'): string {
  return server.url(`/fixtures/${name}`, host);
}

/** Waits a moment for anything late (a debounced rescan, a message reply, a request). */
export const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));
