/**
 * The suites of the extension's own pages (glossary, options, My questions), of accessibility and
 * of the cards' safety lines, registered once per browser by glossary-, options-, questions-, a11y-
 * and card-safety-<browser>.e2e.test.ts. Only Chromium's driver
 * can emulate a dark colour scheme, so the dark runs are Chromium's.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver, Launch, LaunchOptions, SuiteBrowser as Browser } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as a from './a11y';
import * as c from './card-safety';
import * as g from './glossary';
import * as o from './options';
import * as q from './questions';
import * as qc from './questions-cards';

/** Launches a browser for the enclosing describe block; the driver once it is up. */
function withBrowser(launch: Launch, options?: LaunchOptions): () => Driver {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch(options);
  });
  afterAll(async () => {
    await driver?.close();
  });
  return () => driver;
}

function withServer(): () => FixtureServer {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => server;
}

export function glossarySuite(browser: Browser, launch: Launch): void {
  describe(`${browser} glossary page`, () => {
    const driver = withBrowser(launch);
    test('typing “bisfosfonate” shows Bisphosphonates first; Enter jumps to its entry', () =>
      g.searchJumpsToEntry(driver()));
    test('the A–Z links to the first term of each letter; empty letters are disabled', () =>
      g.azIndexLinksToFirstTerm(driver()));
    test('a category chip filters the entries, and a deep link lifts the filter', () =>
      g.categoryChipFilters(driver()));
    test('?q=teripar fills in the search', () => g.queryPrefillsSearch(driver()));
    test('keyboard only: Tab to the search, type, ArrowDown, Enter; Esc clears', () => g.keyboardOnlyPath(driver()));
    test('deep links land on their entry, also when the hash changes later', () => g.deepLinksFollowTheHash(driver()));
    test('print hides the search and filters', () => g.printHidesTools(driver()));
    test('axe-core: no violations with results open and a filter on', () => g.openSearchHasNoViolations(driver()));
  });

  describe.runIf(browser === 'Chromium')(`${browser} glossary page, dark`, () => {
    const driver = withBrowser(launch, { colorScheme: 'dark' });
    test('search and target entry, dark', () => g.searchJumpsToEntry(driver(), '-dark'));
    test('filters, dark', () => g.categoryChipFilters(driver(), '-dark'));
    test('A–Z, dark', () => g.azIndexLinksToFirstTerm(driver(), '-dark'));
    test('?q= prefilled, dark', () => g.queryPrefillsSearch(driver(), '-dark'));
    test('axe-core with results open, dark', () => g.openSearchHasNoViolations(driver()));
  });
}

export function optionsSuite(browser: Browser, launch: Launch): void {
  const server = withServer();
  describe(`${browser} options page`, () => {
    const driver = withBrowser(launch);
    test('every control saves at once, storing only what differs from the defaults', () =>
      o.everyControlSavesAtOnce(driver()));
    test('a change applies live in an open tab', () => o.changesApplyLive(driver(), server()));
    test('unreadable settings show the defaults and a notice; reset asks inline and clears storage', () =>
      o.unreadableSettingsFallBack(driver()));
    test('sites turned off are listed, follow storage, and can be removed', () => o.sitesTurnedOffAreListed(driver()));
    // Firefox shows every extension page in one tab, so two options pages cannot be open at once.
    test.runIf(browser === 'Chromium')('two open options pages stay in step', () => o.twoPagesStayInSync(driver()));
    test('screenshot, light', () => o.optionsScreenshots(driver()));
  });

  describe.runIf(browser === 'Chromium')(`${browser} options page, dark`, () => {
    const driver = withBrowser(launch, { colorScheme: 'dark' });
    test('screenshot, dark', () => o.optionsScreenshots(driver(), '-dark'));
  });
}

export function a11ySuite(browser: Browser, launch: Launch): void {
  const server = withServer();
  for (const scheme of browser === 'Chromium' ? (['light', 'dark'] as const) : (['light'] as const)) {
    describe(`${browser}, ${scheme}: axe-core`, () => {
      const driver = withBrowser(launch, scheme === 'dark' ? { colorScheme: 'dark' } : {});
      test('the popup and every extension page have no violations', () =>
        a.extensionPagesHaveNoViolations(driver(), server(), scheme));
      test('an open popover has no violations', () => a.popoverHasNoViolations(driver(), server(), scheme));
    });
  }
}

export function cardSafetySuite(browser: Browser, launch: Launch): void {
  const server = withServer();
  describe(`${browser} cards carry their safety lines`, () => {
    const driver = withBrowser(launch);
    test('hovering each term shows the warning signs, pregnancy and safety lines in its card', () =>
      c.cardsCarrySafetyLines(driver(), server()));
    test('the guidance shows each warning sign once, with its timing; About names no reviewer', () =>
      c.guidanceShowsWarningSigns(driver()));
  });
}

/** "My questions", hidden terms and how to say it. */
export function questionsSuite(browser: Browser, launch: Launch): void {
  const server = withServer();
  describe(`${browser}: My questions`, () => {
    const driver = withBrowser(launch);
    test('added from a card and from the glossary, with how to say the name; nothing about the page kept', () =>
      qc.addFromCardAndGlossary(driver(), server()));
    test('edit, reorder, mark as asked, add her own and remove, by keyboard, announced', () =>
      q.editReorderMarkRemoveByKeyboard(driver()));
    // Firefox over WebDriver BiDi cannot emulate print media.
    test.runIf(browser === 'Chromium')('prints a dozen questions on one sheet, A4 and Letter', () =>
      q.printsOnOneSheet(driver()),
    );
    test('copies as plain text', () => q.copiesAsText(driver()));
    test('“Clear all” asks, then removes every trace', () => q.clearAllRemovesEveryTrace(driver()));
    test('a corrupt stored list is reported, kept aside and never emptied', () =>
      q.corruptListIsReportedAndKept(driver()));
    test('fits a 360 px phone screen', () => q.fitsAPhone(driver()));
    test('axe-core: no violations, light', () => q.noViolationsOnAPhone(driver(), 'light'));
    test('“Don’t highlight this term” leaves every open page at once; “Highlight again” brings it back', () =>
      qc.hiddenTermsLeaveEveryPageAndComeBack(driver(), server()));
    test('“Don’t highlight this term” from the keyboard gives focus back where it was and says so', () =>
      qc.hideByKeyboardGivesFocusBack(driver(), server()));
    test('none of it made a network request', () => qc.noForeignRequests(driver(), server()));
  });

  describe(`${browser}: My questions on a phone`, () => {
    const driver = withBrowser(launch, { phone: { width: 360, height: 740 } });
    test('the bottom sheet says how to say the name and adds to My questions by a tap', () =>
      qc.addFromThePhoneSheet(driver(), server()));
  });

  describe.runIf(browser === 'Chromium')(`${browser}: My questions, dark`, () => {
    const driver = withBrowser(launch, { colorScheme: 'dark' });
    test('axe-core: no violations, dark', () => q.noViolationsOnAPhone(driver(), 'dark'));
  });
}
