import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { Driver } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as a from './a11y';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

for (const scheme of ['light', 'dark'] as const) {
  describe(`Chromium, ${scheme}: axe-core`, () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await launchChromium({ colorScheme: scheme });
    });
    afterAll(() => driver?.close());
    test('the popup and every extension page have no violations', () =>
      a.extensionPagesHaveNoViolations(driver, server, scheme));
    test('an open popover has no violations', () => a.popoverHasNoViolations(driver, server, scheme));
  });
}
