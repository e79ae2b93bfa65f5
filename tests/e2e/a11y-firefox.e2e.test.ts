import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver } from '../support/driver';
import { launchFirefox } from '../support/firefox';
import { startServer, type FixtureServer } from '../support/server';
import * as a from './a11y';

let server: FixtureServer;
let driver: Driver;
beforeAll(async () => {
  server = await startServer();
  driver = await launchFirefox();
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

describe('Firefox, light: axe-core', () => {
  test('the popup and every extension page have no violations', () =>
    a.extensionPagesHaveNoViolations(driver, server, 'light'));
  test('an open popover has no violations', () => a.popoverHasNoViolations(driver, server, 'light'));
});
