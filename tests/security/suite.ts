/** The security suite, registered once per browser by security-<browser>.e2e.test.ts. */
/**
 * The security scenarios (docs/security.md) in Chromium, with the release build (closed popover
 * root), as shipped. One browser for the file; the last test checks the requests of all of it.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver, Launch, SuiteBrowser } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as m from './message-fuzz';
import * as n from './network';
import * as d from './page-dom';
import * as v from './page-privacy';
import * as st from './settings';

export function securitySuite(browser: SuiteBrowser, launch: Launch): void {
  let driver: Driver;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch({ build: 'release' });
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe(`${browser}, release build`, () => {
    test('the seed article’s DOM is its own HTML, plus the host, after scan, hover and close', () =>
      d.domMatchesFreshParse(driver, server, { name: 'seed-article.html', term: 'PLAO', atLeast: 10 }));
    test('the split-terms DOM is its own HTML, plus the host, after scan, hover and close', () =>
      d.domMatchesFreshParse(driver, server, { name: 'split-terms.html', term: 'DEXA scan', atLeast: 5 }));
    test('a page recording every mutation sees only the host arrive (seed article)', () =>
      d.pageSeesOnlyTheHostArrive(driver, server, { name: 'seed-article-observed.html', term: 'PLAO', atLeast: 10 }));
    test('a page recording every mutation sees only the host arrive (split terms)', () =>
      d.pageSeesOnlyTheHostArrive(driver, server, {
        name: 'split-terms-observed.html',
        term: 'DEXA scan',
        atLeast: 5,
      }));
    test('an open shadow root of the page gets the highlight styles only; the light DOM is unchanged', () =>
      d.openShadowRootGetsOnlyHighlightStyles(driver, server));
    test('the page cannot read the popover: markup, styles, text, events, focus', () =>
      v.pageCannotReadThePopover(driver, server));
    test('a page that patched the DOM’s prototypes first catches none of the extension’s calls', () =>
      v.patchedPrototypesCatchNothing(driver, server));
    // Regression (fixed in src/content/popover.tsx, createHost): a page that defined <plao-lens> as its
    // own custom element got the host constructed by its class, and through attachInternals() its
    // closed root. The host now takes a name the page cannot know in that case.
    test('a page that defined <plao-lens> itself gets no shadow root', () =>
      v.pageDefinedHostNameGetsNoRoot(driver, server));
    // Known limitation, kept as a failing expectation (docs/security.md): window.find() searches
    // closed shadow roots in both browsers, so a page that knows the cards' texts can tell which is
    // open. It learns no more than the highlight registry and its own pointer events already tell it.
    test.fails('the page’s window.find() cannot probe the popover’s text [known limitation]', () =>
      v.findCannotProbeThePopover(driver, server),
    );
    test('thousands of malformed messages to the background change nothing; it keeps answering', () =>
      m.fuzzTheBackground(driver, server));
    test('thousands of malformed messages to a tab change nothing; the page keeps its terms', () =>
      m.fuzzTheContentScript(driver, server));
    test('a page posting valid-looking messages to itself changes nothing', () =>
      m.pagePostMessagesChangeNothing(driver, server));
    test('garbage in stored settings: pages paint with the defaults, the options page says so', () =>
      st.corruptSettingsFallBack(driver, server));
    test('settings from older (and newer) releases migrate', () => st.olderSettingsMigrate(driver, server));
    // Last: it checks every request made while this file ran, the tests above included.
    test('the whole session requests nothing but the fixture server and the extension itself', () =>
      n.sessionMakesNoForeignRequest(driver, server));
  });
}
