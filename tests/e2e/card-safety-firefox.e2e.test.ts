import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver } from '../support/driver';
import { launchFirefox } from '../support/firefox';
import { startServer, type FixtureServer } from '../support/server';
import * as c from './card-safety';

describe('Firefox cards carry their safety lines', () => {
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

  test('hovering each term shows the warning signs, pregnancy and safety lines in its card', () =>
    c.cardsCarrySafetyLines(driver, server));
  test('the guidance shows each warning sign once, with its timing; About names no reviewer', () =>
    c.guidanceShowsWarningSigns(driver));
});
