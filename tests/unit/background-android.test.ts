/**
 * Firefox for Android has no `commands` and no context menus. The background must still load there
 * without throwing and add every listener on its first run (an idle background is woken only for
 * events whose listeners were added then). Loaded here against a `browser` that lacks both.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return { listeners, addListener: (l: Listener) => void listeners.push(l) };
}

function fakeBrowser(withDesktopApis: boolean) {
  const calls: string[] = [];
  const api = {
    runtime: {
      id: 'plao-lens',
      onInstalled: event(),
      onStartup: event(),
      onMessage: event(),
      getURL: (p: string) => p,
    },
    storage: { onChanged: event(), local: { get: () => Promise.resolve({}), set: () => Promise.resolve() } },
    tabs: {
      create: (o: unknown) => (calls.push(`tabs.create ${JSON.stringify(o)}`), Promise.resolve({})),
      query: () => Promise.resolve([]),
    },
    action: { setBadgeText: () => Promise.resolve(), setBadgeBackgroundColor: () => Promise.resolve() },
    i18n: { getMessage: (k: string) => k },
    ...(withDesktopApis
      ? {
          commands: { onCommand: event() },
          contextMenus: { onClicked: event(), removeAll: () => Promise.resolve(), create: () => calls.push('menu') },
        }
      : {}),
  };
  return { api, calls };
}

let current: ReturnType<typeof fakeBrowser>;
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, k) => (current.api as never)[k] }) }));
vi.mock('plao:knowledge/cards', () => ({ default: [] }));
vi.mock('plao:knowledge/prefilter', () => ({ default: null }));
vi.mock('plao:extras/pronunciations', () => ({ default: {} }));
vi.mock('plao:extras/questions', () => ({ default: {} }));

async function loadBackground(withDesktopApis: boolean) {
  current = fakeBrowser(withDesktopApis);
  vi.resetModules();
  await import('../../src/background/index');
  return current;
}

describe('the background on a browser without commands and menus (Firefox for Android)', () => {
  beforeEach(() => vi.resetModules());

  test('loads without throwing and adds every listener at once', async () => {
    const { api, calls } = await loadBackground(false);
    expect(api.runtime.onInstalled.listeners).toHaveLength(1);
    expect(api.runtime.onStartup.listeners).toHaveLength(1);
    expect(api.runtime.onMessage.listeners).toHaveLength(1);
    // The badge follows the settings; the prefilter is stored again if storage is emptied.
    expect(api.storage.onChanged.listeners).toHaveLength(2);
    // Installing opens the welcome page and creates no menu.
    await api.runtime.onInstalled.listeners[0]!({ reason: 'install' });
    await api.runtime.onStartup.listeners[0]!();
    expect(calls).toEqual([`tabs.create ${JSON.stringify({ url: 'pages/welcome.html' })}`]);
  });

  test('on desktop, commands and menus are wired too', async () => {
    const { api, calls } = await loadBackground(true);
    expect(api.commands?.onCommand.listeners).toHaveLength(1);
    expect(api.contextMenus?.onClicked.listeners).toHaveLength(1);
    await api.runtime.onStartup.listeners[0]!();
    await new Promise((r) => setTimeout(r));
    expect(calls).toContain('menu');
  });
});
