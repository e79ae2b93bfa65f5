import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver } from '../support/driver';
import { launchFirefox } from '../support/firefox';
import { startServer, type FixtureServer } from '../support/server';
import * as o from './options';

let driver: Driver;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  driver = await launchFirefox();
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

describe('Firefox options page', () => {
  test('every control saves at once, storing only what differs from the defaults', () =>
    o.everyControlSavesAtOnce(driver));
  test('a change applies live in an open tab', () => o.changesApplyLive(driver, server));
  test('unreadable settings show the defaults and a notice; reset asks inline and clears storage', () =>
    o.unreadableSettingsFallBack(driver));
  test('sites turned off are listed, follow storage, and can be removed', () => o.sitesTurnedOffAreListed(driver));
  test('screenshot, light', () => o.optionsScreenshots(driver));
});
