/**
 * The glossary page: search (typed with the real keyboard), the A–Z index, category filters,
 * deep links and `?q=` pre-filling. Every scenario opens a fresh page: a distinct `?run=` makes
 * Firefox, which reuses one extension tab, load the page again instead of only changing its hash.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import type { Driver, TestPage } from '../support/driver';
import { closeExtensionPage } from '../support/extension';
import { clickOn } from '../support/page';

const knowledge = loadKnowledge().full!;
const INPUT = '#glossary-search-input';
let runs = 0;

async function openGlossary(driver: Driver, query = '', hash = ''): Promise<TestPage> {
  const page = await driver.openExtensionPage(`pages/glossary.html?run=${++runs}${query}${hash}`);
  await page.waitFor(() => document.querySelectorAll('.glossary-entry').length > 0);
  return page;
}

async function type(page: TestPage, text: string): Promise<void> {
  for (const ch of text) await page.press(ch === ' ' ? 'Space' : ch);
}

/** The result options shown, once the input holds `query`. */
function optionsFor(page: TestPage, query: string): Promise<string[]> {
  return page.waitFor(
    ({ input, query }) => {
      const el = document.querySelector<HTMLInputElement>(input);
      const list = document.querySelector('[role="listbox"]');
      if (el?.value !== query || !list || list.closest('[hidden]')) return null;
      const ids = [...list.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.result ?? '');
      return ids.length ? ids : null;
    },
    { input: INPUT, query },
  );
}

/**
 * Waits until the entry `id` is the address's target, at the top of the view and marked as the
 * target (and, when `focused` is given, holding focus or not), and returns how it looks.
 */
function landedOn(page: TestPage, id: string, focused?: boolean): Promise<{ top: number; focused: boolean }> {
  return page.waitFor(
    ({ id, focused }) => {
      const el = document.getElementById(id);
      if (!el || location.hash !== `#${id}`) return null;
      const top = el.getBoundingClientRect().top;
      // The target style: a tinted background and an accent bar.
      const marked = el.classList.contains('is-target') && getComputedStyle(el).boxShadow !== 'none';
      const hasFocus = document.activeElement === el;
      if (Math.abs(top) > 40 || !marked || (focused !== undefined && hasFocus !== focused)) return null;
      return { top, focused: hasFocus };
    },
    { id, focused },
  );
}

export async function searchJumpsToEntry(driver: Driver, suffix = ''): Promise<void> {
  const page = await openGlossary(driver);
  await clickOn(page, INPUT);
  await type(page, 'bisfosfonate');
  const options = await optionsFor(page, 'bisfosfonate');
  expect(options[0]).toBe('bisphosphonate');
  expect(await page.evaluate(() => document.querySelector('[role="option"]')?.textContent)).toContain(
    'Bisphosphonates',
  );
  await page.screenshot(`glossary-search${suffix}`);
  await page.press('Enter');
  await landedOn(page, 'bisphosphonate', true);
  // The list closed; the query stays for another look.
  expect(
    await page.evaluate((sel) => {
      const el = document.querySelector<HTMLInputElement>(sel)!;
      return { value: el.value, expanded: el.getAttribute('aria-expanded') };
    }, INPUT),
  ).toEqual({ value: 'bisfosfonate', expanded: 'false' });
  await page.screenshot(`glossary-entry-target${suffix}`);
  await closeExtensionPage(driver, page);
}

export async function azIndexLinksToFirstTerm(driver: Driver, suffix = ''): Promise<void> {
  const page = await openGlossary(driver);
  await page.screenshot(`glossary-top${suffix}`);
  const letters = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('.az a')].map((a) => ({
      letter: a.textContent,
      href: a.getAttribute('href'),
      disabled: a.getAttribute('aria-disabled'),
    })),
  );
  const initials = new Set(knowledge.terms.map((t) => t.name.charAt(0).toUpperCase()));
  for (const l of letters.filter((x) => /^[A-Z]$/.test(x.letter))) {
    if (initials.has(l.letter)) expect(l.href, l.letter).toMatch(/^#/);
    else expect(l, l.letter).toMatchObject({ href: null, disabled: 'true' });
  }
  expect(letters.filter((l) => l.disabled).length).toBeGreaterThan(0);
  // "T": the first entry on the page whose name starts with T.
  const tHref = letters.find((l) => l.letter === 'T')!.href!;
  const firstT = await page.evaluate(
    () => [...document.querySelectorAll('.glossary-entry h2')].find((h) => h.textContent.startsWith('T'))?.id,
  );
  expect(tHref).toBe(`#${firstT!.replace(/-name$/, '')}`);
  await clickOn(page, `.az a[href="${tHref}"]`);
  await landedOn(page, tHref.slice(1), true);
  await closeExtensionPage(driver, page);
}

export async function categoryChipFilters(driver: Driver, suffix = ''): Promise<void> {
  const page = await openGlossary(driver);
  const tests = knowledge.terms.filter((t) => t.category === 'tests').map((t) => t.id);
  await clickOn(page, '.chip[data-category="tests"]');
  const shown = await page.waitFor(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('.glossary-entry')].filter((e) => !e.hidden);
    return visible.length < 20 ? visible.map((e) => e.id) : null;
  });
  expect(shown.sort()).toEqual(tests.sort());
  const state = await page.evaluate(() => ({
    pressed: [...document.querySelectorAll('.chip[aria-pressed="true"]')].map((c) => c.getAttribute('data-category')),
    status: document.querySelector('.filter-status')?.textContent,
    azLinks: document.querySelectorAll('.az a[href]').length,
  }));
  expect(state.pressed).toEqual(['tests']);
  expect(state.status).toBe(`Showing ${tests.length} of ${knowledge.terms.length} terms.`);
  // The A–Z follows the filter: fewer letters lead anywhere.
  expect(state.azLinks).toBeLessThan(tests.length + 1);
  await page.screenshot(`glossary-filter-tests${suffix}`);

  // A deep link to a term the filter hides shows every term again.
  await page.evaluate(() => {
    location.hash = 'osteopenia';
  });
  await landedOn(page, 'osteopenia', true);
  expect(await page.evaluate(() => document.querySelectorAll('.glossary-entry[hidden]').length)).toBe(0);

  // Pressing the pressed chip again shows every term.
  await clickOn(page, '.chip[data-category="treatment"]');
  await page.waitFor(() => document.querySelectorAll('.glossary-entry[hidden]').length > 0);
  await clickOn(page, '.chip[data-category="treatment"]');
  await page.waitFor(() => document.querySelectorAll('.glossary-entry[hidden]').length === 0);
  await closeExtensionPage(driver, page);
}

export async function queryPrefillsSearch(driver: Driver, suffix = ''): Promise<void> {
  const page = await openGlossary(driver, '&q=teripar');
  const options = await optionsFor(page, 'teripar');
  expect(options[0]).toBe('teriparatide');
  expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), INPUT)).toBe(true);
  await page.screenshot(`glossary-q-prefill${suffix}`);
  // Enter opens the best match straight away.
  await page.press('Enter');
  await landedOn(page, 'teriparatide', true);
  await closeExtensionPage(driver, page);
}

export async function keyboardOnlyPath(driver: Driver): Promise<void> {
  const page = await openGlossary(driver);
  let tabs = 0;
  while (!(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, INPUT))) {
    expect(++tabs, 'Tab reaches the search within a few presses').toBeLessThan(6);
    await page.press('Tab');
  }
  await type(page, 'cauda');
  const options = await optionsFor(page, 'cauda');
  expect(options[0]).toBe('cauda-equina-syndrome');
  /** Waits until the option the input points at (aria-activedescendant) is `expected`, and selected. */
  const activeIs = (expected: string) =>
    page.waitFor(
      ({ input, expected }) => {
        const id = document.querySelector(input)!.getAttribute('aria-activedescendant');
        const option = id ? document.getElementById(id) : null;
        return option?.getAttribute('aria-selected') === 'true' && option.dataset.result === expected;
      },
      { input: INPUT, expected },
    );
  await page.press('ArrowDown');
  await activeIs(options[0]!);
  await page.press('ArrowDown');
  await activeIs(options[1]!);
  await page.press('ArrowUp');
  await activeIs(options[0]!);
  await page.press('Enter');
  await landedOn(page, 'cauda-equina-syndrome', true);
  await page.screenshot('glossary-seek-care');
  // The seek-care term shows its box.
  expect(
    await page.evaluate(() => document.getElementById('cauda-equina-syndrome')?.querySelector('.seek-care-box')),
  ).not.toBeNull();

  // Back to the search: Esc clears it; a word that matches nothing says so.
  await page.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)!.focus(), INPUT);
  await page.press('Escape');
  expect(await page.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)!.value, INPUT)).toBe('');
  await type(page, 'zzqxw');
  const empty = await page.waitFor(() => document.querySelector('.search-empty')?.textContent);
  expect(empty).toContain('zzqxw');
  await page.press('Escape');
  await page.waitFor(() => !document.querySelector('.search-empty'));

  // A guidance section opens the guide at that section.
  await type(page, 'screening');
  const found = await optionsFor(page, 'screening');
  const section = found.findIndex((r) => r.includes('#'));
  expect(section).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= section; i++) await page.press('ArrowDown');
  await page.press('Enter');
  const [article, anchor] = found[section]!.split('#');
  await page.waitFor(
    ({ article, anchor }) =>
      location.pathname.endsWith('/guide.html') &&
      location.search === `?article=${article}` &&
      location.hash === `#${anchor}`,
    { article, anchor },
  );
  await closeExtensionPage(driver, page);
}

export async function deepLinksFollowTheHash(driver: Driver): Promise<void> {
  const page = await openGlossary(driver, '', '#dxa-scan');
  await landedOn(page, 'dxa-scan', true);
  // Later changes of the hash, as a related-term link makes them.
  await clickOn(page, '#dxa-scan .entry-related a');
  const related = knowledge.terms.find((t) => t.id === 'dxa-scan')!.related[0]!;
  await landedOn(page, related, true);
  expect(await page.evaluate(() => document.querySelectorAll('.glossary-entry.is-target').length)).toBe(1);
  await closeExtensionPage(driver, page);
}

/** Print hides the search, the A–Z and the filters. */
export async function printHidesTools(driver: Driver): Promise<void> {
  const page = await openGlossary(driver);
  const hidden = await page.evaluate(() => {
    const rules = [...document.styleSheets, ...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]);
    const print = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print');
    const printSelectors = print.flatMap((m) => [...m.cssRules].map((r) => (r as CSSStyleRule).selectorText ?? ''));
    const tools = document.querySelector('.glossary-tools')!;
    return {
      toolsNoPrint: tools.classList.contains('no-print'),
      ruleForNoPrint: printSelectors.some((s) => s.includes('.no-print')),
      searchInsideTools: tools.contains(document.querySelector('.search-box')),
    };
  });
  expect(hidden).toEqual({ toolsNoPrint: true, ruleForNoPrint: true, searchInsideTools: true });
  await closeExtensionPage(driver, page);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core with the results list open, an option active and a filter on: the states a11y.ts does not see. */
export async function openSearchHasNoViolations(driver: Driver): Promise<void> {
  const page = await openGlossary(driver);
  await clickOn(page, '.chip[data-category="treatment"]');
  await clickOn(page, INPUT);
  await type(page, 'dexa');
  await optionsFor(page, 'dexa');
  await page.press('ArrowDown');
  await page.evaluate((src) => {
    if (!(globalThis as { axe?: unknown }).axe) (0, eval)(src);
  }, AXE);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const a = (globalThis as unknown as { axe: { run(ctx: unknown, opts: object): Promise<Result> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
  expect(violations).toEqual([]);
  await closeExtensionPage(driver, page);
}
