/** The main end-to-end suite, registered once per browser by <browser>.e2e.test.ts. */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver, Launch, SuiteBrowser } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as k from './knowledge-pages';
import * as p from './page-scenarios';
import * as s from './scenarios';
import * as u from './surfaces';
import * as t from './takeover';

export function mainSuite(browser: SuiteBrowser, launch: Launch): void {
  let driver: Driver;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe(browser, () => {
    test('paints the seed article’s terms', () => s.seedArticlePaintsTerms(driver, server));
    test('matches terms split by inline markup, and skips what is not reading text', () =>
      s.splitMarkupMatches(driver, server));
    test('hover shows the popover; it stays while hovered, closes on Esc and on leaving', () =>
      s.hoverShowsPopover(driver, server));
    test('“Read the full guidance” opens the guidance at its section', () =>
      s.guidanceLinkOpensSection(driver, server));
    // Chromium opens the popup page by its address; Firefox tests it through the popup scenarios below.
    test.runIf(browser === 'Chromium')('the popup lists the terms on the page', () =>
      s.popupListsPageTerms(driver, server),
    );
    test('reads open shadow roots and frames, not closed shadow roots', () => p.shadowRootsAndFrames(driver, server));
    test('reads srcdoc and about:blank frames that hold text', () => p.readsInlineFrames(driver, server));
    test('reads a large page narrowed to the blocks that may hold terms, missing none', () =>
      p.readsLargePageNarrowed(driver, server));
    test('reads the shadow roots of a large page wherever it shows it uses them', () =>
      p.readsShadowRootsOfLargePages(driver, server));
    test('a page with very many terms: those near the viewport painted, every one found', () =>
      p.paintsNearTheViewport(driver, server));
    test('follows the page as it changes: added, changed, removed, navigated', () =>
      p.followsPageChanges(driver, server));
    test('display modes: every occurrence, first per section, none (hover still explains)', () =>
      p.displayModes(driver, server));
    test('turning PLAO Lens off on a site removes every range, the popover host and listeners', () =>
      p.turningOffRemovesEverything(driver, server));
    test('the glossary shows every term with its sources and review date; deep links work', () =>
      k.glossaryShowsEveryTerm(driver));
    test('every guidance article renders with its sections, sources and review date', () =>
      k.guidanceShowsEveryArticle(driver));
    test('the popup’s terms are buttons that take the reader to the term and explain it', () =>
      u.popupRevealsTerms(driver, server));
    test('the per-site switch survives a reload; pause stops every page', () => u.siteSwitchAndPause(driver, server));
    test('keyboard: step through terms, focus in the popover, Esc returns', () => u.keyboardSteps(driver, server));
    test('“Explain with PLAO Lens” on a selection', () => u.explainSelection(driver, server));
    test('a tap on a term opens its popover; a tap elsewhere closes it', () => u.tapOpensPopover(driver, server));
    test('highlight styles from the options', () => u.highlightStyles(driver, server));
    test('the badge counts the terms, and can be turned off', () => u.badgeCountsTerms(driver, server));
    test('the popup searches the glossary, typo-tolerant, and opens the entry', () => u.popupSearch(driver, server));
    // Only Chromium's driver reaches the content script's world, to run it a second time there.
    test.runIf(browser === 'Chromium')('a newer content script takes over from an older one in the same tab', () =>
      t.newerRunTakesOver(driver, server),
    );
    // Firefox over WebDriver BiDi cannot emulate print media.
    test.runIf(browser === 'Chromium')('“Questions to ask your clinician” prints cleanly', () =>
      k.questionsPrintCleanly(driver),
    );
  });
}
