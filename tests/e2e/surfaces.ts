/**
 * What a person touches on the page: the popup's term list and switches, keyboard stepping,
 * "Explain with PLAO Lens" on a selection, taps, highlight styles and the badge.
 */
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { sendToTab, tabIdOf, writeSettings } from '../support/extension';
import { paintedTexts, popoverText } from '../support/in-page';
import { openPainted, waitForPaint, waitForPopover, waitForPopoverClosed } from '../support/page';

const focusInPopover = () => document.activeElement?.localName === 'plao-lens';

async function openPopup(driver: Driver, tabId: number): Promise<TestPage> {
  const popup = await driver.openExtensionPage(`pages/popup.html?tab=${tabId}`);
  await popup.waitFor(() => document.querySelector('main:not([data-status="loading"])'));
  return popup;
}

export async function popupRevealsTerms(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/seed-article.html');
  const page = await openPainted(driver, url, 10);
  const tabId = await tabIdOf(driver, url);
  const popup = await openPopup(driver, tabId);
  await popup.screenshot('popup-terms');
  // The list is buttons: choosing one takes the reader to the term and explains it.
  const box = await popup.evaluate(() => {
    const b = document.querySelector<HTMLElement>('[data-term="dxa-scan"] button');
    const r = b?.getBoundingClientRect();
    return r ? { x: r.x + 10, y: r.y + r.height / 2 } : null;
  });
  expect(box).not.toBeNull();
  await popup.click(box!.x, box!.y);
  // The toolbar popup closes and the reader is back on the page (Firefox tests open it as a tab).
  await page.bringToFront?.();
  expect(await waitForPopover(page)).toContain('DXA scan');
  expect(await page.evaluate(focusInPopover)).toBe(true);
  expect(await page.evaluate(() => CSS.highlights.has('plao-lens-flash'))).toBe(true);
  await page.screenshot('popup-revealed-dxa');
  await page.press('Escape');
  await waitForPopoverClosed(page);
  if (driver.name === 'chromium') await popup.close();
  await page.close();
}

export async function siteSwitchAndPause(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/seed-article.html');
  const page = await openPainted(driver, url, 10);
  const tabId = await tabIdOf(driver, url);
  const popup = await openPopup(driver, tabId);
  const clickSwitch = (index: number) =>
    popup.evaluate((i) => document.querySelectorAll<HTMLInputElement>('.switch input')[i]!.click(), index);
  try {
    await clickSwitch(0); // "On for 127.0.0.1" → off
    await page.waitFor(() => !CSS.highlights.has('plao-lens'));
    // Remembered: a reload stays unpainted.
    await page.evaluate(() => location.reload());
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(paintedTexts)).toEqual([]);
    await popup.waitFor(() => document.querySelectorAll<HTMLInputElement>('.switch input')[0]!.checked === false);
    await clickSwitch(0); // back on
    await waitForPaint(page, 10);
    await clickSwitch(1); // pause everywhere
    await page.waitFor(() => !CSS.highlights.has('plao-lens'));
    await clickSwitch(1); // resume
    await waitForPaint(page, 10);
  } finally {
    await writeSettings(driver, {});
  }
  if (driver.name === 'chromium') await popup.close();
  await page.close();
}

export async function keyboardSteps(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/dynamic.html');
  const page = await openPainted(driver, url, 5);
  const tabId = await tabIdOf(driver, url);
  expect(await sendToTab(driver, tabId, { type: 'stepTerm', direction: 1 })).toEqual({ found: true });
  expect(await waitForPopover(page)).toContain('Vitamin D');
  expect(await page.evaluate(focusInPopover)).toBe(true);
  await sendToTab(driver, tabId, { type: 'stepTerm', direction: 1 });
  await page.waitFor(() =>
    (document.querySelector('plao-lens')?.shadowRoot?.textContent ?? '').includes('Bisphosphonate'),
  );
  // Tab reaches the guidance link inside the popover.
  await page.press('Tab');
  expect(await page.evaluate(() => document.querySelector('plao-lens')?.shadowRoot?.activeElement?.textContent)).toBe(
    'Read the full guidance',
  );
  await page.screenshot('keyboard-step');
  await page.press('Escape');
  await waitForPopoverClosed(page);
  expect(await page.evaluate(focusInPopover)).toBe(false);
  // Previous from the start wraps to the last term.
  await sendToTab(driver, tabId, { type: 'stepTerm', direction: -1 });
  await sendToTab(driver, tabId, { type: 'stepTerm', direction: -1 });
  await waitForPopover(page);
  await page.press('Escape');
  await page.close();
}

export async function explainSelection(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/dynamic.html');
  const page = await openPainted(driver, url, 5);
  const tabId = await tabIdOf(driver, url);
  const select = (text: string) =>
    page.evaluate((word) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(word);
        if (at < 0) continue;
        getSelection()!.setBaseAndExtent(n, at, n, at + word.length);
        return true;
      }
      return false;
    }, text);
  await select('bisphosphonate');
  expect(await sendToTab(driver, tabId, { type: 'explainSelection' })).toEqual({ found: true });
  expect(await waitForPopover(page)).toContain('Bisphosphonate');
  await page.press('Escape');
  await select('Doctors');
  expect(await sendToTab(driver, tabId, { type: 'explainSelection' })).toEqual({ found: false });
  await page.close();
}

export async function tapOpensPopover(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/dynamic.html'), 5);
  const at = await page.evaluate(() => {
    const h = CSS.highlights.get('plao-lens') as unknown as Iterable<AbstractRange>;
    const live = (s: AbstractRange) => {
      const l = new Range();
      l.setStart(s.startContainer, s.startOffset);
      l.setEnd(s.endContainer, s.endOffset);
      return l;
    };
    const r = [...h]
      .map(live)
      .find((x) => x.toString() === 'bisphosphonate')!
      .getClientRects()[0]!;
    return { x: r.left + 4, y: r.top + r.height / 2 };
  });
  // A page's synthetic taps are ignored: only the reader's own.
  await page.evaluate((p) => {
    const init = { clientX: p.x, clientY: p.y, bubbles: true, pointerType: 'touch' };
    const target = document.elementFromPoint(p.x, p.y)!;
    target.dispatchEvent(new PointerEvent('pointerdown', init));
    target.dispatchEvent(new PointerEvent('pointerup', init));
  }, at);
  await new Promise((r) => setTimeout(r, 600));
  expect(await page.evaluate(popoverText)).toBeNull();
  await page.tap(at.x, at.y);
  expect(await waitForPopover(page)).toContain('Bisphosphonate');
  // A tap elsewhere closes it.
  await page.tap(600, 760);
  await waitForPopoverClosed(page);
  expect(await page.evaluate(popoverText)).toBeNull();
  await page.close();
}

export async function highlightStyles(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/seed-article.html'), 10);
  try {
    for (const style of ['underline', 'outline'] as const) {
      await writeSettings(driver, { highlightStyle: style });
      await page.waitFor((s) => document.querySelector('plao-lens')?.getAttribute('data-style') === s, style);
      await page.screenshot(`highlight-style-${style}`);
    }
  } finally {
    await writeSettings(driver, {});
  }
  await page.waitFor(() => document.querySelector('plao-lens')?.getAttribute('data-style') === 'background');
  await page.close();
}

export async function badgeCountsTerms(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/dynamic.html');
  const page = await openPainted(driver, url, 5);
  const tabId = await tabIdOf(driver, url);
  const ext = await driver.extensionPage();
  const badge = () =>
    ext.evaluate(async (id) => {
      type A = { action: { getBadgeText(d: object): Promise<string> } };
      const g = globalThis as unknown as { browser?: A; chrome: A };
      return (g.browser ?? g.chrome).action.getBadgeText({ tabId: id });
    }, tabId);
  const until = async (ok: (text: string) => boolean) => {
    for (let i = 0; i < 50; i++) {
      const text = await badge();
      if (ok(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`badge stayed "${await badge()}"`);
  };
  expect(Number(await until((t) => Number(t) >= 5))).toBeGreaterThanOrEqual(5);
  try {
    await writeSettings(driver, { showBadge: false });
    await until((t) => t === '');
  } finally {
    await writeSettings(driver, {});
  }
  await page.close();
}

export async function popupSearch(driver: Driver, server: FixtureServer): Promise<void> {
  const url = server.url('/fixtures/dynamic.html');
  const page = await openPainted(driver, url, 5);
  const popup = await openPopup(driver, await tabIdOf(driver, url));
  const input = await popup.evaluate(() => {
    const r = document.querySelector('#popup-search-input')!.getBoundingClientRect();
    return { x: r.x + 10, y: r.y + r.height / 2 };
  });
  await popup.click(input.x, input.y);
  for (const ch of 'bisfosfonate') await popup.press(ch);
  const first = await popup.waitFor(
    () => document.querySelector('[role="option"], .search-results li')?.textContent ?? null,
  );
  expect(first).toContain('Bisphosphonate');
  await popup.screenshot('popup-search');
  await popup.press('ArrowDown');
  await popup.press('Enter');
  const glossary = await driver.waitForTab('glossary.html#bisphosphonate');
  await glossary.waitFor(() => document.getElementById('bisphosphonate'));
  if (driver.name === 'chromium') await popup.close();
  await glossary.close();
  await page.close();
}
