/** "My questions", hidden terms and how to say it, registered once per browser. */
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Driver } from '../support/driver';
import { startServer, type FixtureServer } from '../support/server';
import * as c from './questions-cards';
import * as q from './questions';

export function questionsSuite(browser: 'Chromium' | 'Firefox', launch: (dark?: boolean) => Promise<Driver>): void {
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

  describe(`${browser}: My questions`, () => {
    test('added from a card and from the glossary, with how to say the name; nothing about the page kept', () =>
      c.addFromCardAndGlossary(driver, server));
    test('edit, reorder, mark as asked, add her own and remove, by keyboard, announced', () =>
      q.editReorderMarkRemoveByKeyboard(driver));
    // Firefox over WebDriver BiDi cannot emulate print media.
    test.runIf(browser === 'Chromium')('prints a dozen questions on one sheet, A4 and Letter', () =>
      q.printsOnOneSheet(driver),
    );
    test('copies as plain text', () => q.copiesAsText(driver));
    test('“Clear all” asks, then removes every trace', () => q.clearAllRemovesEveryTrace(driver));
    test('a corrupt stored list is reported, kept aside and never emptied', () =>
      q.corruptListIsReportedAndKept(driver));
    test('fits a 360 px phone screen', () => q.fitsAPhone(driver));
    test('axe-core: no violations, light', () => q.noViolationsOnAPhone(driver, 'light'));
    test('“Don’t highlight this term” leaves every open page at once; “Highlight again” brings it back', () =>
      c.hiddenTermsLeaveEveryPageAndComeBack(driver, server));
    test('none of it made a network request', () => c.noForeignRequests(driver, server));
  });

  // Firefox here has no dark-scheme emulation (see the a11y suites).
  describe.runIf(browser === 'Chromium')(`${browser}: My questions, dark`, () => {
    let dark: Driver;
    beforeAll(async () => {
      dark = await launch(true);
    });
    afterAll(async () => {
      await dark?.close();
    });
    test('axe-core: no violations, dark', () => q.noViolationsOnAPhone(dark, 'dark'));
  });
}
