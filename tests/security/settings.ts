/**
 * Stored settings are input like any other: garbage written to storage.local.settings (as a buggy
 * release, another tool or a corrupted profile might leave it) never stops pages from being read
 * and explained with the defaults, and the options page says what it reset. Older shapes migrate.
 */
import { expect } from 'vitest';
import { poll, type Driver, type TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { clearStorage, closeExtensionPage } from '../support/extension';
import { paintedTexts } from '../support/in-page';
import { hoverTerm, openPainted, waitForPaint, waitForPopover, waitForPopoverClosed } from '../support/page';
import { fixture, openRendered } from './support';

const nested = (depth: number): unknown => (depth === 0 ? 'all' : { a: nested(depth - 1) });

/** Each as JSON text, parsed inside the extension page, so "__proto__" arrives as an own key. */
const GARBAGE: [label: string, json: string][] = [
  ['a string', JSON.stringify('garbage')],
  ['a number', '42'],
  ['null', 'null'],
  ['an array', JSON.stringify([1, 'two', { displayMode: 'none' }])],
  [
    'every field of the wrong type',
    JSON.stringify({
      version: 1,
      enabled: 'yes',
      displayMode: 42,
      highlightStyle: {},
      popoverDelay: -5,
      showBadge: 'no',
      disabledSites: '127.0.0.1',
    }),
  ],
  [
    'a nonsense version and prototype keys',
    '{"version":"one","__proto__":{"enabled":false,"displayMode":"none"},"constructor":{"prototype":{"enabled":false}},"mode":"sometimes","paused":"maybe"}',
  ],
  ['bad site entries', JSON.stringify({ version: 1, disabledSites: [42, '', 'not a host', '../..', { host: 'x' }] })],
  ['a deeply nested value', JSON.stringify({ version: 1, displayMode: nested(60) })],
  [
    'a huge list',
    JSON.stringify({ version: 1, disabledSites: Array.from({ length: 20_000 }, (_, i) => `bad host ${i}`) }),
  ],
];

async function writeJson(driver: Driver, json: string): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(async (text) => {
    type Api = { storage: { local: { set(v: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    await (g.browser ?? g.chrome).storage.local.set({ settings: JSON.parse(text) as unknown });
  }, json);
}

const sorted = (page: TestPage) => page.evaluate(paintedTexts).then((t) => [...t].sort());

async function paintsLike(page: TestPage, expected: string[], what: string): Promise<void> {
  const want = JSON.stringify(expected);
  await page
    .waitFor((w) => {
      const text = (s: AbstractRange) => {
        const l = new Range();
        l.setStart(s.startContainer, s.startOffset);
        l.setEnd(s.endContainer, s.endOffset);
        return l.toString();
      };
      return JSON.stringify([...(CSS.highlights.get('plao-lens') ?? [])].map((r) => text(r)).sort()) === w;
    }, want)
    .catch(async () => expect(await sorted(page), what).toEqual(expected));
}

interface OptionsForm {
  displayMode: string | undefined;
  paused: boolean;
  sites: (string | null)[];
  notice: string | null;
}

function readForm(): OptionsForm | null {
  if (!document.querySelector('.options-form')) return null;
  return {
    displayMode: document.querySelector<HTMLInputElement>('input[name="displayMode"]:checked')?.value,
    paused: document.querySelector<HTMLInputElement>('#paused')!.checked,
    sites: [...document.querySelectorAll('.site-list .site-name')].map((e) => e.textContent),
    notice: document.querySelector('.settings-notice')?.textContent ?? null,
  };
}

async function openOptions(driver: Driver, n: number): Promise<TestPage> {
  const page = await openRendered(driver, `pages/options.html?case=${n}`);
  await page.waitFor(() => document.querySelector('.options-form'));
  return page;
}

/**
 * What a freshly opened options page shows: loaded in a frame of an extension page (Firefox's
 * driver navigates tabs slowly), polled from here (timers in a background tab run once a second).
 * The notice follows the form by a render (an effect), so it is given a moment to appear.
 */
async function freshOptionsForm(driver: Driver, n: number): Promise<OptionsForm> {
  const ext = await driver.extensionPage();
  await ext.evaluate((id) => {
    const frame = document.createElement('iframe');
    frame.id = 'fresh-options';
    frame.src = `/pages/options.html?case=${id}`;
    document.body.append(frame);
  }, n);
  const read = () =>
    ext.evaluate(() => {
      const d = document.querySelector<HTMLIFrameElement>('#fresh-options')?.contentDocument;
      if (!d?.querySelector('.options-form')) return null;
      return {
        displayMode: d.querySelector<HTMLInputElement>('input[name="displayMode"]:checked')?.value,
        paused: !!d.querySelector<HTMLInputElement>('#paused')?.checked,
        sites: [...d.querySelectorAll('.site-list .site-name')].map((e) => e.textContent),
        notice: d.querySelector('.settings-notice')?.textContent ?? null,
      };
    });
  await poll(read, 10_000, 'the options page');
  const form = await poll(async () => (await read())?.notice, 3_000, 'the notice')
    .then(read)
    .catch(read);
  await ext.evaluate(() => document.querySelector('#fresh-options')?.remove());
  return form!;
}

const NOTICE = 'Some settings could not be read and were reset to their defaults';

export async function corruptSettingsFallBack(driver: Driver, server: FixtureServer): Promise<void> {
  await clearStorage(driver);
  const url = fixture(server, 'dynamic.html');
  const live = await driver.open(url);
  await waitForPaint(live, 4);
  await new Promise((r) => setTimeout(r, 500));
  const defaults = await sorted(live);
  expect(defaults.length).toBeGreaterThanOrEqual(4);
  try {
    let n = 0;
    for (const [label, json] of GARBAGE) {
      n++;
      // From a non-default state (nothing painted), so falling back to the defaults shows.
      await writeJson(driver, JSON.stringify({ version: 1, displayMode: 'none' }));
      await live.waitFor(() => (CSS.highlights.get('plao-lens')?.size ?? 0) === 0);
      await writeJson(driver, json);
      await paintsLike(live, defaults, `an open page after ${label} was stored`);

      const fresh = await driver.open(url);
      await waitForPaint(fresh, 4);
      await paintsLike(fresh, defaults, `a page opened with ${label} stored`);
      if (n === 1) {
        await hoverTerm(fresh, 'vitamin D');
        await waitForPopover(fresh);
        await fresh.mouseMove(2, 2);
        await waitForPopoverClosed(fresh);
      }
      await fresh.close();
    }
    await live.close();
    // Then the options page, with each value stored (once the web pages are closed: Firefox runs
    // a background tab's timers once a second, and the options page renders through them).
    n = 0;
    for (const [label, json] of GARBAGE) {
      await writeJson(driver, json);
      const form = await freshOptionsForm(driver, ++n);
      expect(form, `the options page with ${label} stored`).toMatchObject({ displayMode: 'all', paused: false });
      expect(form.notice, `the options page's notice with ${label} stored`).toContain(NOTICE);
    }
  } finally {
    await clearStorage(driver);
  }
}

/** Waits until the open options page shows `expected` (the fields given), then returns the form. */
async function formShows(page: TestPage, expected: Partial<OptionsForm>, what: string): Promise<void> {
  const want = JSON.stringify(expected);
  const ok = await page
    .waitFor((w) => {
      const form: Record<string, unknown> = {
        displayMode: document.querySelector<HTMLInputElement>('input[name="displayMode"]:checked')?.value,
        paused: document.querySelector<HTMLInputElement>('#paused')?.checked,
        sites: [...document.querySelectorAll('.site-list .site-name')].map((e) => e.textContent),
        notice: document.querySelector('.settings-notice')?.textContent ?? null,
      };
      const exp = JSON.parse(w) as Record<string, unknown>;
      return Object.keys(exp).every((k) => JSON.stringify(form[k]) === JSON.stringify(exp[k]));
    }, want)
    .catch(() => false);
  if (!ok) expect(await page.evaluate(readForm), what).toMatchObject(expected);
}

export async function olderSettingsMigrate(driver: Driver, server: FixtureServer): Promise<void> {
  await clearStorage(driver);
  const url = fixture(server, 'dynamic.html');
  const options = await openOptions(driver, 100);
  try {
    // Version 0 (before the version field): paused, mode, and sites as a map of host → on.
    await writeJson(driver, JSON.stringify({ paused: false, mode: 'first-only', sites: { 'old.example': false } }));
    const page = await openPainted(driver, url, 2);
    await page.waitFor(() => {
      const text = (s: AbstractRange) => {
        const l = new Range();
        l.setStart(s.startContainer, s.startOffset);
        l.setEnd(s.endContainer, s.endOffset);
        return l.toString();
      };
      return [...(CSS.highlights.get('plao-lens') ?? [])].filter((r) => /teriparatide/i.test(text(r))).length === 2;
    });
    await page.close();
    await formShows(
      options,
      { displayMode: 'first', paused: false, sites: ['old.example'], notice: null },
      'version 0 migrated',
    );

    // Version 0, paused: nothing painted anywhere.
    await writeJson(driver, JSON.stringify({ paused: true }));
    const paused = await driver.open(url);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await paused.evaluate(paintedTexts)).toEqual([]);
    await paused.close();
    await formShows(options, { paused: true, notice: null }, 'version 0 paused');

    // From a newer release (after a downgrade): the fields it shares with today still count.
    await writeJson(driver, JSON.stringify({ version: 9, displayMode: 'first', somethingNew: { x: [1, 2] } }));
    await formShows(options, { displayMode: 'first', paused: false, notice: null }, 'a newer version');
  } finally {
    await clearStorage(driver);
  }
  await closeExtensionPage(driver, options);
}
