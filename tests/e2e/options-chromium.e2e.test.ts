import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { Driver } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as o from './options';

describe('Chromium options page', () => {
  let driver: Driver;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer();
    driver = await launchChromium();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  test('every control saves at once, storing only what differs from the defaults', () =>
    o.everyControlSavesAtOnce(driver));
  test('a change applies live in an open tab', () => o.changesApplyLive(driver, server));
  test('unreadable settings show the defaults and a notice; reset asks inline and clears storage', () =>
    o.unreadableSettingsFallBack(driver));
  test('sites turned off are listed, follow storage, and can be removed', () => o.sitesTurnedOffAreListed(driver));
  test('two open options pages stay in step', () => o.twoPagesStayInSync(driver));
  test('screenshot, light', () => o.optionsScreenshots(driver));
});

describe('Chromium options page, dark', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchChromium({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('screenshot, dark', () => o.optionsScreenshots(driver, '-dark'));
});
