/**
 * After an update or reload of the extension, an old content script can still be alive in an
 * open tab: a newer run takes over, leaving one popover host and one set of listeners.
 */
import { expect } from 'vitest';
import type { Driver } from '../support/driver';
import { paintedCount } from '../support/in-page';
import { hoverTerm, waitForPaint, waitForPopover, waitForPopoverClosed } from '../support/page';
import type { FixtureServer } from '../support/server';

const hosts = () => document.querySelectorAll('plao-lens').length;

export async function newerRunTakesOver(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/seed-article.html'));
  if (!page.runContentScriptAgain) throw new Error(`${driver.name} cannot run the content script again`);
  const painted = (await waitForPaint(page, 10)).length;
  await hoverTerm(page, 'DEXA');
  expect(await waitForPopover(page)).toContain('DXA');
  expect(await page.evaluate(hosts)).toBe(1);

  await page.runContentScriptAgain();
  // The old run is gone with its host; the new one paints the same terms.
  await page.waitFor(() => document.querySelectorAll('plao-lens').length === 0);
  await page.waitFor((n) => (CSS.highlights.get('plao-lens')?.size ?? 0) === n, painted);

  // One set of listeners: hovering opens one popover, in one host.
  await page.mouseMove(5, 5);
  await hoverTerm(page, 'bisphosphonate');
  expect(await waitForPopover(page)).toContain('Bisphosphonate');
  expect(await page.evaluate(hosts)).toBe(1);
  await page.screenshot('takeover-one-popover');
  await page.press('Escape');
  await waitForPopoverClosed(page);
  expect(await page.evaluate(paintedCount)).toBe(painted);
  await page.close();
}
