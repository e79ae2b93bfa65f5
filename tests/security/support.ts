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

export function fixture(server: FixtureServer, name: string, host?: 'localhost'): string {
  return server.url(`/fixtures/${name}`, host);
}

/** Waits a moment for anything late (a debounced rescan, a message reply, a request). */
export const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));
