import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver } from '../support/driver';
import { launchFirefox } from '../support/firefox';
import * as g from './glossary';

describe('Firefox glossary page', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchFirefox();
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
