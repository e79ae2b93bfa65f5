/**
 * No network: a whole browser session — pages read and hovered, every extension page opened, the
 * guidance followed — asks nothing of anyone but the fixture server and the extension itself.
 */
import { expect } from 'vitest';
import type { Driver } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { closeExtensionPage, sendToTab, tabIdOf } from '../support/extension';
import { hoverTerm, waitForPaint, waitForPopover } from '../support/page';
import { firstForeignRequest, fixture, openRendered, settle, storageSnapshot } from './support';

export async function sessionMakesNoForeignRequest(driver: Driver, server: FixtureServer): Promise<void> {
  const stored = await storageSnapshot(driver);
  const seedUrl = fixture(server, 'seed-article.html');
  const seed = await driver.open(seedUrl);
  await waitForPaint(seed, 10);
  await hoverTerm(seed, 'PLAO');
  await waitForPopover(seed);
  await hoverTerm(seed, 'DEXA');
  await settle(500);

  // The same server under another name: another origin, another content script.
  const dynamicUrl = fixture(server, 'dynamic.html', 'localhost');
  const dynamic = await driver.open(dynamicUrl);
  await waitForPaint(dynamic, 4);
  await hoverTerm(dynamic, 'vitamin D');
  await waitForPopover(dynamic);

  const tabId = await tabIdOf(driver, seedUrl);
  // Welcome last: in Firefox every extension page opens in the one extension tab.
  for (const path of [
    `pages/popup.html?tab=${tabId}`,
    'pages/glossary.html',
    'pages/glossary.html?q=bone',
    'pages/guide.html',
    'pages/options.html',
    'pages/questions.html',
    'pages/welcome.html',
  ]) {
    const page = await openRendered(driver, path);
    await closeExtensionPage(driver, page);
  }

  // "Read the full guidance", followed the keyboard way (the release build's popover is closed to
  // the test as to the page): a step opens the popover with focus, Tab reaches the link, Enter.
  expect(await sendToTab(driver, tabId, { type: 'stepTerm', direction: 1 })).toEqual({ found: true });
  await waitForPopover(seed);
  await seed.press('Tab');
  await seed.press('Enter');
  const guide = await driver.waitForTab('guide.html?article=');
  await guide.waitFor(() => document.querySelector('h1')?.textContent);
  await settle(1000);

  const foreign = firstForeignRequest(driver.requests, {
    fixtureOrigin: server.origin,
    extensionBase: driver.extensionBase,
  });
  const seen = [...new Set(driver.requests.map((u) => u.replace(/[?#].*/, '')))];
  console.log(`${driver.name}: ${driver.requests.length} requests seen this session, ${seen.length} distinct`);
  expect(foreign, `a request to ${foreign} (session: ${seen.join(', ')})`).toBeUndefined();
  // The observer did see the session (else an empty list would pass).
  expect(driver.requests).toContain(seedUrl);
  expect(driver.requests).toContain(dynamicUrl);
  if (driver.name === 'chromium') {
    // Chromium reports the extension's own contexts too: its pages' scripts were seen loading.
    expect(driver.requests.some((u) => u.startsWith(`${driver.extensionBase}pages/`))).toBe(true);
  }
  // No history either: reading, hovering and following a term stored nothing.
  expect(await storageSnapshot(driver)).toBe(stored);
  await guide.close();
  await dynamic.close();
  await seed.close();
}
