/**
 * axe-core on every surface a person uses: the popup, every page, and an open popover. axe's
 * source is evaluated into the page by the test driver (not by the extension, and not subject to
 * the page's CSP), then run on the whole document, or on the popover alone on a web page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { tabIdOf } from '../support/extension';
import { hoverTerm, openPainted, waitForPaint, waitForPopover } from '../support/page';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axe(page: TestPage, selector?: string): Promise<Violation[]> {
  await page.evaluate((src) => {
    if (!(globalThis as { axe?: unknown }).axe) (0, eval)(src);
  }, AXE);
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const a = (globalThis as unknown as { axe: { run(ctx: unknown, opts: object): Promise<Result> } }).axe;
    const context = sel ? { include: [[sel]] } : document;
    const r = await a.run(context, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, selector);
}

const PAGES = [
  'pages/welcome.html',
  'pages/options.html',
  'pages/glossary.html',
  'pages/guide.html',
  'pages/guide.html?article=is-my-back-pain-plao',
  'pages/guide.html?article=questions-to-ask',
  'pages/questions.html',
];

export async function extensionPagesHaveNoViolations(
  driver: Driver,
  server: FixtureServer,
  scheme: string,
): Promise<void> {
  const url = server.url('/fixtures/seed-article.html');
  const site = await driver.open(url);
  await waitForPaint(site, 10);
  const tabId = await tabIdOf(driver, url);
  const found: Record<string, Violation[]> = {};
  for (const path of [`pages/popup.html?tab=${tabId}`, ...PAGES]) {
    const page = await driver.openExtensionPage(path);
    await page.waitFor(() => document.querySelector('#app > *') && !document.querySelector('[data-status="loading"]'));
    const v = await axe(page);
    if (v.length) found[path] = v;
    if (path.startsWith('pages/popup')) await page.screenshot(`popup-${scheme}`);
    if (path.includes('options')) await page.screenshot(`options-${scheme}`);
    if (path.endsWith('glossary.html')) await page.screenshot(`glossary-${scheme}`);
    if (path.endsWith('is-my-back-pain-plao')) await page.screenshot(`guide-${scheme}`);
    if (driver.name === 'chromium') await page.close();
  }
  expect(found).toEqual({});
  await site.close();
}

export async function popoverHasNoViolations(driver: Driver, server: FixtureServer, scheme: string): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/seed-article.html'), 10);
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  expect(await axe(page, 'plao-lens')).toEqual([]);
  await page.screenshot(`popover-${scheme}`);
  await page.close();
}
