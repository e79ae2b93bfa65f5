/** The end-to-end scenarios, written once and run in every browser (see *.e2e.test.ts). */
import { expect } from 'vitest';
import type { Driver } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { paintedTexts, popoverBox, popoverText } from '../support/in-page';
import { hoverTerm, openPainted, waitForPaint, waitForPopover, waitForPopoverClosed } from '../support/page';

/** Terms the seed article must show painted, whatever their case. */
export const SEED_TERMS = [
  'PLAO',
  'postpartum osteoporosis',
  'pregnancy- and lactation-associated osteoporosis',
  'vertebral compression fractures',
  'DEXA',
  'bone mineral density',
  'bisphosphonate',
  'parathyroid hormone',
  'bone resorption',
  'vitamin D',
  // Split across a line break and indentation in the page source.
  'height loss',
  'weight-bearing activities',
];

export async function seedArticlePaintsTerms(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/seed-article.html'));
  const painted = (await waitForPaint(page, 10)).map((t) => t.toLowerCase().replace(/\s+/g, ' '));
  for (const term of SEED_TERMS) {
    expect(
      painted.some((p) => p.startsWith(term.toLowerCase())),
      `"${term}" painted`,
    ).toBe(true);
  }
  // In the comment box's placeholder and the sidebar.
  expect(painted).toContain('postpartum back pain');
  // The comment box itself is the user's, never painted.
  expect(await page.evaluate(() => document.querySelector('textarea')?.value ?? '')).toBe('');
  await page.screenshot('seed-article-painted');
  await page.close();
}

export async function splitMarkupMatches(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/split-terms.html'), 5);
  const painted = await page.evaluate(paintedTexts);
  expect(painted).toEqual(
    expect.arrayContaining([
      'postpartum osteoporosis',
      'bone mineral density',
      'Vertebral compression fractures',
      'DEXA scan',
      'PLAO',
    ]),
  );
  // Not across two paragraphs, not inside other words, not in text boxes, code or editors.
  expect(painted.filter((p) => p === 'PLAO')).toHaveLength(1);
  const inSkipped = await page.evaluate(() => {
    const h = CSS.highlights.get('plao-lens');
    return [...(h as unknown as Iterable<AbstractRange>)].some((r) => {
      const el = r.startContainer.parentElement;
      return !!el?.closest('textarea, pre, code, [contenteditable], #across-blocks');
    });
  });
  expect(inSkipped).toBe(false);
  await page.screenshot('split-terms-painted');
  await page.close();
}

export async function hoverShowsPopover(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/seed-article.html'), 10);
  const at = await hoverTerm(page, 'PLAO');
  const text = await waitForPopover(page);
  expect(text).toContain('Pregnancy- and lactation-associated osteoporosis');
  expect(text).toMatch(/bones/i);
  expect(text).toContain('Source:');
  expect(text).toContain('Reviewed');
  expect(text).toContain('Read the full guidance');
  expect(text).toContain('Not medical advice');
  // Placed beside its term.
  const box = await page.evaluate(popoverBox, '.popover');
  expect(box).not.toBeNull();
  expect(Math.abs(box!.y - at.y)).toBeLessThan(80);
  await page.screenshot('popover-plao');

  // Moving into the popover keeps it open.
  await page.mouseMove(box!.x + 20, box!.y + 20);
  await new Promise((r) => setTimeout(r, 900));
  expect(await page.evaluate(popoverText)).not.toBeNull();

  // Esc closes it.
  await page.press('Escape');
  await waitForPopoverClosed(page);

  // Moving away closes it too.
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  await page.mouseMove(5, 790);
  await waitForPopoverClosed(page);
  await page.close();
}

export async function guidanceLinkOpensSection(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/seed-article.html'), 10);
  await hoverTerm(page, 'DEXA');
  const text = await waitForPopover(page);
  expect(text).toContain('DXA scan');
  const link = await page.evaluate(popoverBox, '.term-guide');
  expect(link).not.toBeNull();
  await page.click(link!.x + 10, link!.y + link!.height / 2);
  const guide = await driver.waitForTab('guide.html');
  const url = await guide.url();
  expect(url).toContain('article=getting-diagnosed');
  expect(url).toContain('#bone-density-scan');
  const heading = await guide.waitFor(() => document.getElementById('bone-density-scan')?.textContent ?? '');
  expect(heading.length).toBeGreaterThan(5);
  // The section is scrolled into view.
  const top = await guide.evaluate(() => document.getElementById('bone-density-scan')!.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(-2);
  expect(top).toBeLessThan(400);
  await guide.screenshot('guide-bone-density-scan');
  await guide.close();
  await page.close();
}

export async function popupListsPageTerms(driver: Driver, server: FixtureServer): Promise<void> {
  if (!driver.activeTabId) throw new Error('needs a browser that opens extension pages');
  const url = server.url('/fixtures/seed-article.html');
  const page = await openPainted(driver, url, 10);
  const tabId = await driver.activeTabId();
  const popup = await driver.openExtensionPage(`pages/popup.html?tab=${tabId}`);
  const names = await popup.waitFor(() => {
    const items = [...document.querySelectorAll('.page-terms li .page-term-name')].map((e) => e.textContent);
    return items.length ? items : null;
  });
  expect(names).toEqual(
    expect.arrayContaining(['Pregnancy- and lactation-associated osteoporosis', 'DXA scan', 'Vitamin D']),
  );
  await popup.screenshot('popup-seed-article');
  await popup.close();
  await page.close();
}
