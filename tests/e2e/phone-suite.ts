/** The phone suite, registered once per browser by phone-<browser>.e2e.test.ts. */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver, LaunchOptions } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as p from './phone';

export interface PhoneSetup {
  /** e.g. "360": names the screenshots. */
  tag: string;
  options: LaunchOptions;
  /** Pages this browser lays out as a phone does: with a viewport meta tag, and without one. */
  fixtures: p.PhonePage[];
  /** Whether the driver can pinch-zoom (Chromium, through the DevTools protocol). */
  pinch: boolean;
  /** Whether to check the extension pages and the link and long-press behaviour at this size. */
  full: boolean;
}

export function phoneSuite(
  browser: 'Chromium' | 'Firefox',
  launch: (o: LaunchOptions) => Promise<Driver>,
  setup: PhoneSetup,
) {
  let driver: Driver;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(setup.options);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe(`${browser}, a phone ${setup.tag} px wide`, () => {
    for (const fixture of setup.fixtures)
      test(`${fixture}: a tap opens the sheet, readable and inside the visual viewport; a tap outside closes it`, () =>
        p.tapOpensSheet(driver, server, fixture, setup.tag));
    test.runIf(setup.pinch)('pinch-zoomed in: the sheet stays inside the visual viewport and readable', () =>
      p.sheetAfterPinch(driver, server),
    );
    test.runIf(setup.full)('a long press opens nothing; a tap does', () => p.longPressOpensNothing(driver, server));
    test.runIf(setup.full)('a term inside a link: the first tap explains, the second follows the link', () =>
      p.linkedTermTwoTaps(driver, server),
    );
    test.runIf(setup.full)('the popup and the pages fit the width and have touch-sized targets', () =>
      p.pagesFitPhone(driver, setup.tag),
    );
  });
}
