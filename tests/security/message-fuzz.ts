/**
 * Messages: thousands of malformed ones, sent from an extension page (which passes the sender
 * check, so each reaches the validators) to the background and to a tab's content scripts, change
 * nothing; and a web page, which cannot reach the extension's messaging at all, changes nothing by
 * posting valid-looking messages to itself.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseToBackground, parseToContent } from '../../src/core/messages';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { sendToTab, tabCount, tabIdOf, termCard } from '../support/extension';
import { paintedCount, popoverShown } from '../support/in-page';
import { openPainted, waitForPopover, waitForPopoverClosed } from '../support/page';
import { anyMessage, deliver, encodeValue, type Outcome } from './arbitraries';
import { fixture, settle, storageSnapshot } from './support';

const COUNT = 2000;
const BATCH = 500;
/** Set FC_SEED to replay a run; the seed is printed with every result. */
export const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** True when neither the value nor its JSON form (Chromium sends messages as JSON) is valid. */
export function malformedFor(parse: (m: unknown) => unknown): (m: unknown) => boolean {
  return (m) => {
    if (parse(m) !== undefined) return false;
    let json: unknown;
    try {
      const text = JSON.stringify(m);
      if (text === undefined) return true;
      json = JSON.parse(text);
    } catch {
      return true;
    }
    return parse(json) === undefined;
  };
}

/** `count` generated messages that `keep` accepts. */
export function messages(count: number, keep: (m: unknown) => boolean, seed = SEED): unknown[] {
  const out: unknown[] = [];
  for (let round = 0; out.length < count; round++) {
    for (const m of fc.sample(anyMessage, { numRuns: count, seed: seed + round })) {
      if (keep(m)) out.push(m);
      if (out.length === count) break;
    }
  }
  return out;
}

async function sendAll(driver: Driver, list: unknown[], to: 'background' | 'tab', tabId?: number): Promise<Outcome> {
  const ext = await driver.extensionPage();
  const total: Outcome = { resolved: 0, rejected: 0, hung: 0, replies: [], errors: [] };
  for (let i = 0; i < list.length; i += BATCH) {
    const messages = list.slice(i, i + BATCH).map(encodeValue);
    const o = await ext.evaluate(deliver, { messages, to, ...(tabId === undefined ? {} : { tabId }) });
    total.resolved += o.resolved;
    total.rejected += o.rejected;
    total.hung += o.hung;
    total.replies.push(...o.replies);
    for (const e of o.errors) if (!total.errors.includes(e)) total.errors.push(e);
  }
  return total;
}

interface PageState {
  painted: number;
  popover: boolean;
  flash: boolean;
}

function pageState(): PageState {
  const host = document.querySelector('plao-lens');
  return {
    painted: CSS.highlights.get('plao-lens')?.size ?? 0,
    popover: !!host && host.matches(':popover-open') && getComputedStyle(host).display !== 'none',
    flash: CSS.highlights.has('plao-lens-flash'),
  };
}

async function before(driver: Driver, page: TestPage) {
  return { page: await page.evaluate(pageState), tabs: await tabCount(driver), storage: await storageSnapshot(driver) };
}

async function expectUnchanged(driver: Driver, page: TestPage, was: Awaited<ReturnType<typeof before>>) {
  await settle(800);
  expect(await page.evaluate(pageState), `the page (seed ${SEED})`).toEqual({ ...was.page, flash: false });
  expect(await tabCount(driver), `open tabs (seed ${SEED})`).toBe(was.tabs);
  expect(await storageSnapshot(driver), `storage (seed ${SEED})`).toBe(was.storage);
}

function expectAnswered(outcome: Outcome, count: number, what: string): void {
  console.log(
    `${what}: ${count} malformed messages, seed ${SEED}: ${outcome.resolved} resolved, ${outcome.rejected} rejected` +
      (outcome.errors.length ? ` (${outcome.errors.join(' | ')})` : ''),
  );
  expect(outcome.hung, `sends that never settled (seed ${SEED})`).toBe(0);
  expect(outcome.resolved + outcome.rejected).toBe(count);
  expect(outcome.replies, `replies to malformed messages (seed ${SEED})`).toEqual([]);
}

export async function fuzzTheBackground(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, fixture(server, 'dynamic.html'), 4);
  await settle(500);
  const was = await before(driver, page);
  const list = messages(COUNT, malformedFor(parseToBackground));
  expectAnswered(await sendAll(driver, list, 'background'), COUNT, `${driver.name} background`);
  // Still answering, still painting, nothing opened, nothing stored.
  expect(await termCard(driver, 'plao')).toMatchObject({ id: 'plao', name: expect.stringContaining('osteoporosis') });
  await expectUnchanged(driver, page, was);
  await page.close();
}

export async function fuzzTheContentScript(driver: Driver, server: FixtureServer): Promise<void> {
  const url = fixture(server, 'dynamic.html');
  const page = await openPainted(driver, url, 4);
  await settle(500);
  const tabId = await tabIdOf(driver, url);
  const was = await before(driver, page);
  const terms = await sendToTab(driver, tabId, { type: 'getPageTerms' });
  const list = messages(COUNT, malformedFor(parseToContent));
  // To every frame of the tab (the page and its frame).
  expectAnswered(await sendAll(driver, list, 'tab', tabId), COUNT, `${driver.name} content script`);
  await expectUnchanged(driver, page, was);
  // Still answering the popup the same, and a valid request still works (so the checks above can fail).
  expect(await sendToTab(driver, tabId, { type: 'getPageTerms' })).toEqual(terms);
  expect(await sendToTab(driver, tabId, { type: 'revealTerm', id: 'vitamin-d' })).toEqual({ found: true });
  await waitForPopover(page);
  await page.press('Escape');
  await waitForPopoverClosed(page);
  await page.close();
}

/** Valid-looking messages a page might post, hoping something in the extension listens. */
const POSTED = [
  { type: 'revealTerm', id: 'plao' },
  { type: 'stepTerm', direction: 1 },
  { type: 'explainSelection' },
  { type: 'getPageTerms' },
  { type: 'openGuidance', article: 'what-is-plao', section: 'what-is-plao' },
  { type: 'getTermCard', id: 'plao' },
  { type: 'termsFound', distinct: 99 },
  { settings: { enabled: false } },
];

export async function pagePostMessagesChangeNothing(driver: Driver, server: FixtureServer): Promise<void> {
  const url = fixture(server, 'seed-article.html');
  const page = await openPainted(driver, url, 10);
  await settle(500);
  const was = await before(driver, page);
  // No extension messaging is exposed to the page: no externally_connectable, no injected API.
  expect(
    await page.evaluate(() => {
      const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
      return { chromeRuntime: typeof g.chrome?.runtime?.sendMessage, browser: typeof g.browser };
    }),
  ).toEqual({ chromeRuntime: 'undefined', browser: 'undefined' });
  await page.evaluate((posted) => {
    for (const m of posted) {
      for (const data of [m, JSON.stringify(m), { source: 'plao-lens', ...m }, [m]]) {
        window.postMessage(data, '*');
        window.postMessage(data, location.origin);
        document.dispatchEvent(new CustomEvent('plao-lens', { detail: data }));
        window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin }));
      }
    }
  }, POSTED);
  await settle(1000);
  await expectUnchanged(driver, page, was);
  expect(await page.evaluate(popoverShown)).toBe(false);
  expect(await page.evaluate(paintedCount)).toBe(was.page.painted);
  // The same request from the extension does open the popover: the checks above could fail.
  const tabId = await tabIdOf(driver, url);
  expect(await sendToTab(driver, tabId, { type: 'revealTerm', id: 'plao' })).toEqual({ found: true });
  await waitForPopover(page);
  await page.press('Escape');
  await waitForPopoverClosed(page);
  await page.close();
}
