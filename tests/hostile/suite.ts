/** The hostile-pages suite, registered once per browser by hostile-<browser>.e2e.test.ts. */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver, Launch, SuiteBrowser } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as h from './scenarios';
import * as w from './sweeper';

export function hostileSuite(browser: SuiteBrowser, launch: Launch): void {
  let driver: Driver;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer(h.HOSTILE_HEADERS);
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe(`${browser}: pages that fight back`, () => {
    test('CSS wars: highlights paint; the popover is readable, on top and beside its term', () =>
      h.cssWars(driver, server));
    test('a strict CSP: highlights paint; the popover is styled and fixed', () => h.strictCsp(driver, server));
    test('hostile scripts: patched platform, look-alike messages, the host removed', () =>
      h.hostileScripts(driver, server));
    // Regression (fixed in src/content/lens.ts, readPage and readChanges): a BlockWalker created in one slice keeps
    // pushing its matches into that slice's `added` array after it was committed, so whatever a walk
    // finds after its first 8 ms slice is indexed but never painted.
    test('a mutation storm: the page keeps ticking; painted ranges match the final DOM', () =>
      h.mutationStorm(driver, server));
    test('200 client-side navigations: the painted ranges are the final view’s', () =>
      h.spaNavigations(driver, server));
    // Regression: the same lens.ts slicing bug (only the first slice's finds were painted). In Firefox also
    // MatchIndex.readBlock read node.data (a full copy of the text) once per match: a 17 s freeze here.
    test('size and shape: MB text, 5,000 deep, 30,000 blocks, right-to-left, SVG', () =>
      h.sizeAndShape(driver, server));
    test('places not to touch: fields, editors, code, closed roots; frames paint their own', () =>
      h.placesNotToTouch(driver, server));
    // Regression (fixed in src/content/popover.tsx, PopoverHost.show): `open` stays true when the page removes the
    // host, so the re-appended host is never shown with showPopover() and is not in the top layer.
    test('a host the page removed comes back in the top layer', () => h.removedHostReturnsOnTop(driver, server));
    // Regression (fixed in src/content/popover.tsx, place): left/top are set in the host's zoomed coordinates (html
    // zoom 1.25 scales them), and floating-ui subtracts a translated <html>'s left as a scrollbar.
    test('popover anchored at its term under html zoom and transform', () =>
      h.popoverAnchoredUnderZoom(driver, server));
    // Regression (fixed in src/content/hover.ts, trackPointer): untrusted pointermove events are followed, so a page
    // script can open the popover over any term.
    test('a synthetic pointermove from the page opens no popover', () => h.syntheticInputIgnored(driver, server));
    test('a page sweeping away what it did not make: the popover stays, the next hover opens', () =>
      w.sweeperKeepsPopover(driver, server));
    test('a page removing the host the moment it appears: no fight loop', () => w.instantRemoverNoLoop(driver, server));
  });
}
