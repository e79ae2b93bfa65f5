import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { Driver } from '../support/driver';
import * as g from './glossary';

describe('Chromium glossary page', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchChromium();
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('typing “bisfosfonate” shows Bisphosphonates first; Enter jumps to its entry', () =>
    g.searchJumpsToEntry(driver));
  test('the A–Z links to the first term of each letter; empty letters are disabled', () =>
    g.azIndexLinksToFirstTerm(driver));
  test('a category chip filters the entries, and a deep link lifts the filter', () => g.categoryChipFilters(driver));
  test('?q=teripar fills in the search', () => g.queryPrefillsSearch(driver));
  test('keyboard only: Tab to the search, type, ArrowDown, Enter; Esc clears', () => g.keyboardOnlyPath(driver));
  test('deep links land on their entry, also when the hash changes later', () => g.deepLinksFollowTheHash(driver));
  test('print hides the search and filters', () => g.printHidesTools(driver));
  test('axe-core: no violations with results open and a filter on', () => g.openSearchHasNoViolations(driver));
});

describe('Chromium glossary page, dark', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchChromium({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('search and target entry, dark', () => g.searchJumpsToEntry(driver, '-dark'));
  test('filters, dark', () => g.categoryChipFilters(driver, '-dark'));
  test('A–Z, dark', () => g.azIndexLinksToFirstTerm(driver, '-dark'));
  test('?q= prefilled, dark', () => g.queryPrefillsSearch(driver, '-dark'));
  test('axe-core with results open, dark', () => g.openSearchHasNoViolations(driver));
});
