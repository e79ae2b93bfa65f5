/**
 * The page's DOM is the page's: with PLAO Lens running — terms read and painted, a popover shown,
 * focus taken and given back — the document serializes exactly as the page's own HTML parses,
 * apart from the one host element, and a page watching every mutation sees only that host arrive.
 */
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { sendToTab, tabIdOf } from '../support/extension';
import { hoverAndLeave, hoverTerm, openPainted, waitForPopover, waitForPopoverClosed } from '../support/page';
import { fixture, settle } from './support';

interface DomComparison {
  live: string;
  fresh: string;
  hosts: number;
}

/** The live document (without the extension's host) and the page's own HTML, freshly parsed. */
function compareWithFreshParse(): Promise<DomComparison> {
  const hostPattern = /<plao-lens\b[^>]*>[\s\S]*?<\/plao-lens>/g;
  const live = document.documentElement.outerHTML;
  return fetch(location.href)
    .then((r) => r.text())
    .then((html) => ({
      live: live.replace(hostPattern, ''),
      fresh: new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML,
      hosts: (live.match(hostPattern) ?? []).length,
    }));
}

/** A fixture page, a term to hover there, and how many ranges it paints at least. */
interface PageCase {
  name: string;
  term: string;
  atLeast: number;
}

async function expectSameDom(page: TestPage, hosts: number, when: string): Promise<void> {
  const { live, fresh, hosts: found } = await page.evaluate(compareWithFreshParse);
  expect(found, `host elements ${when}`).toBe(hosts);
  expect(live, `the DOM ${when}`).toBe(fresh);
}

/** Paint, hover, close: after each, the DOM is the page's own plus (once it exists) the host. */
export async function domMatchesFreshParse(
  driver: Driver,
  server: FixtureServer,
  { name, term, atLeast }: PageCase,
): Promise<void> {
  const page = await openPainted(driver, fixture(server, name), atLeast);
  await settle(300);
  await expectSameDom(page, 0, 'after the scan');
  await hoverTerm(page, term);
  await waitForPopover(page);
  await expectSameDom(page, 1, 'with the popover shown');
  await page.mouseMove(2, 2);
  await waitForPopoverClosed(page);
  await expectSameDom(page, 1, 'after the popover closed');
  // The comparison can fail: one attribute added by anyone shows.
  await page.evaluate(() => document.body.setAttribute('data-control', ''));
  const control = await page.evaluate(compareWithFreshParse);
  expect(control.live).not.toBe(control.fresh);
  await page.close();
}

interface Mutation {
  type: string;
  target: string | null;
  targetIsHost: boolean;
  attribute: string | null;
  oldValue: string | null;
  added: (string | null)[];
  removed: (string | null)[];
}

/**
 * A page that records every mutation from the end of parsing (tests/fixtures/security/*-observed.html,
 * the fixture plus an inline recorder): reading, painting, hovering, the keyboard path and Esc
 * leave one record, the host's insertion into <html>, besides changes to the host's own attributes.
 */
export async function pageSeesOnlyTheHostArrive(
  driver: Driver,
  server: FixtureServer,
  { name, term, atLeast }: PageCase,
): Promise<void> {
  const url = fixture(server, `security/${name}`);
  const page = await openPainted(driver, url, atLeast);
  await hoverAndLeave(page, term);
  // The keyboard path: focus into the popover and back.
  const tabId = await tabIdOf(driver, url);
  expect(await sendToTab(driver, tabId, { type: 'stepTerm', direction: 1 })).toEqual({ found: true });
  await waitForPopover(page);
  await page.press('Escape');
  await waitForPopoverClosed(page);
  await settle(300);
  const mutations = await page.evaluate(() => (window as unknown as { mutations: Mutation[] }).mutations);
  const isHostInsertion = (m: Mutation) =>
    m.type === 'childList' &&
    m.target === '<html>' &&
    m.added.length === 1 &&
    m.added[0] === '<plao-lens>' &&
    m.removed.length === 0;
  expect(mutations.filter(isHostInsertion)).toHaveLength(1);
  expect(mutations.filter((m) => !isHostInsertion(m) && !m.targetIsHost)).toEqual([]);
  // What changes on the host itself: its inline style (shown, hidden, placed), popover, data-style.
  const hostAttributes = new Set(mutations.filter((m) => m.targetIsHost).map((m) => `${m.type}:${m.attribute}`));
  for (const a of hostAttributes)
    expect(['attributes:style', 'attributes:popover', 'attributes:data-style']).toContain(a);
  // The page's own HTML, unchanged too.
  await expectSameDom(page, 1, 'after the keyboard path');
  await page.close();
}

/**
 * The one deliberate exception: painted terms inside a page's open shadow root need the highlight
 * style adopted there (Firefox does not apply the document's ::highlight rules inside). The page
 * sees one more adopted sheet holding ::highlight rules only; its light DOM is unchanged.
 */
export async function openShadowRootGetsOnlyHighlightStyles(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(fixture(server, 'dynamic.html'));
  await page.waitFor(() => {
    const text = (s: AbstractRange) => {
      const l = new Range();
      l.setStart(s.startContainer, s.startOffset);
      l.setEnd(s.endContainer, s.endOffset);
      return l.toString();
    };
    return [...(CSS.highlights.get('plao-lens') ?? [])].some((r) => text(r) === 'romosozumab');
  });
  const sheets = await page.evaluate(() => {
    const root = document.getElementById('shadow-open')!.shadowRoot!;
    return root.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText));
  });
  expect(sheets).toHaveLength(1);
  for (const rule of sheets[0]!) expect(rule).toMatch(/::highlight\(plao-lens(-flash)?\)/);
  await expectSameDom(page, 0, 'on a page with shadow roots and a frame');
  await page.close();
}
