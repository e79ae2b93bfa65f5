/**
 * The options page: every control saves at once, a change reaches open tabs live, unreadable
 * settings fall back to the defaults with a notice, reset clears storage, and the list of sites
 * turned off follows storage. Controls are worked with the real mouse and keyboard.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { poll, type Driver, type TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { clearStorage, closeExtensionPage, storedSettings, writeSettings } from '../support/extension';
import { clickOn, waitForPaint } from '../support/page';

/** Polls storage until `ok` accepts what it holds under "settings", and returns that. */
async function storedUntil(driver: Driver, ok: (stored: unknown) => boolean, what: string): Promise<unknown> {
  let last: unknown;
  try {
    const { value } = await poll(
      async () => {
        last = await storedSettings(driver);
        return ok(last) ? { value: last } : null;
      },
      5_000,
      what,
    );
    return value;
  } catch (e) {
    throw new Error(`${(e as Error).message}; stored: ${JSON.stringify(last)}`);
  }
}

function expectStored(driver: Driver, expected: unknown, what: string): Promise<unknown> {
  return storedUntil(driver, (s) => isDeepStrictEqual(s, expected), what).catch((e: Error) => {
    expect.fail(`${e.message}; expected ${JSON.stringify(expected)}`);
  });
}

async function openOptions(driver: Driver): Promise<TestPage> {
  const page = await driver.openExtensionPage('pages/options.html');
  await page.waitFor(() => document.querySelector('.options-form'));
  return page;
}

/** Reloads the page, then waits for the settings form of the fresh page. */
async function reload(page: TestPage): Promise<void> {
  await page
    .evaluate(() => {
      document.documentElement.dataset.stale = '1';
      location.reload();
    })
    .catch(() => undefined); // the context may go away under the call
  await poll(
    () =>
      page
        .evaluate(() => !document.documentElement.dataset.stale && !!document.querySelector('.options-form'))
        .catch(() => false),
    10_000,
    'the reloaded options page',
  );
}

function focusOn(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.focus(), selector);
}

/** What the form shows, read the way a person would: checked radios, the slider, the list. */
function formState() {
  const checked = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const box = (id: string) => document.querySelector<HTMLInputElement>(`#${id}`)!.checked;
  return {
    displayMode: checked('displayMode'),
    highlightStyle: checked('highlightStyle'),
    delay: document.querySelector<HTMLInputElement>('#popoverDelay')!.value,
    delayShown: document.querySelector('.delay-value')?.textContent,
    showBadge: box('showBadge'),
    paused: box('paused'),
    sites: [...document.querySelectorAll('.site-list .site-name')].map((e) => e.textContent),
    empty: !!document.querySelector('.sites-empty'),
    notice: document.querySelector('.settings-notice')?.textContent ?? null,
  };
}

const DEFAULT_FORM = {
  displayMode: 'all',
  highlightStyle: 'background',
  delay: '300',
  delayShown: '300 ms',
  showBadge: true,
  paused: false,
  sites: [],
  empty: true,
  notice: null,
};

function waitForStatus(page: TestPage, text: string): Promise<boolean> {
  return page.waitFor((t) => document.querySelector('.save-status')?.textContent === t, text, 5_000);
}

export async function everyControlSavesAtOnce(driver: Driver): Promise<void> {
  await clearStorage(driver);
  const page = await openOptions(driver);
  expect(await page.evaluate(formState)).toEqual(DEFAULT_FORM);
  try {
    await clickOn(page, '#displayMode-first');
    await expectStored(driver, { version: 1, displayMode: 'first' }, 'display mode saved');
    expect(await waitForStatus(page, 'Saved')).toBe(true);

    // The label (with its live preview) selects its style too.
    await clickOn(page, 'label[for="highlightStyle-outline"]');
    await expectStored(driver, { version: 1, displayMode: 'first', highlightStyle: 'outline' }, 'style saved');

    await focusOn(page, '#popoverDelay');
    await page.press('ArrowRight');
    await page.press('ArrowRight');
    await expectStored(
      driver,
      { version: 1, displayMode: 'first', highlightStyle: 'outline', popoverDelay: 400 },
      'delay saved',
    );
    expect(await page.evaluate(() => document.querySelector('.delay-value')?.textContent)).toBe('400 ms');

    await clickOn(page, '#showBadge');
    await clickOn(page, 'label[for="paused"]');
    await expectStored(
      driver,
      {
        version: 1,
        enabled: false,
        displayMode: 'first',
        highlightStyle: 'outline',
        popoverDelay: 400,
        showBadge: false,
      },
      'badge and pause saved',
    );
    expect(await page.evaluate(formState)).toMatchObject({
      displayMode: 'first',
      highlightStyle: 'outline',
      delayShown: '400 ms',
      showBadge: false,
      paused: true,
    });

    // Radio groups follow the arrow keys; going back to a default stores nothing for it.
    await focusOn(page, '#displayMode-first');
    await page.press('ArrowDown');
    await storedUntil(driver, (s) => (s as { displayMode?: string })?.displayMode === 'none', 'arrow key saved');
    await clickOn(page, '#displayMode-all');
    await clickOn(page, '#highlightStyle-background');
    await clickOn(page, '#paused');
    await clickOn(page, '#showBadge');
    await expectStored(driver, { version: 1, popoverDelay: 400 }, 'only the changed delay left');
  } finally {
    await clearStorage(driver);
  }
  await closeExtensionPage(driver, page);
}

export async function changesApplyLive(driver: Driver, server: FixtureServer): Promise<void> {
  await clearStorage(driver);
  const tab = await driver.open(server.url('/fixtures/dynamic.html'));
  await waitForPaint(tab, 4);
  const page = await openOptions(driver);
  try {
    await clickOn(page, '#displayMode-none');
    await tab.waitFor(() => (CSS.highlights.get('plao-lens')?.size ?? 0) === 0);
    await clickOn(page, '#displayMode-all');
    await waitForPaint(tab, 4);
  } finally {
    await clearStorage(driver);
  }
  await tab.close();
  await closeExtensionPage(driver, page);
}

export async function unreadableSettingsFallBack(driver: Driver): Promise<void> {
  await clearStorage(driver);
  const page = await openOptions(driver);
  try {
    for (const [value, field] of [
      ['garbage', 'which terms to mark'],
      [{ displayMode: 42, popoverDelay: 600 }, 'which terms to mark'],
    ] as const) {
      await writeSettings(driver, value);
      await reload(page);
      await page.waitFor(() => document.querySelector('.settings-notice'));
      const form = await page.evaluate(formState);
      expect(form).toMatchObject({
        ...DEFAULT_FORM,
        ...(typeof value === 'object' ? { delay: '600', delayShown: '600 ms' } : {}),
        notice: expect.any(String),
      });
      expect(form.notice).toContain('Some settings could not be read and were reset to their defaults');
      expect(form.notice).toContain(field);
      // Opening the page does not write: what is stored is only replaced by a change or a reset.
      expect(await storedSettings(driver)).toEqual(value);
    }
    // A second change keeps the notice: it describes what was found when the page opened.
    await clickOn(page, '#displayMode-first');
    await expectStored(
      driver,
      { version: 1, displayMode: 'first', popoverDelay: 600 },
      'a change replaces the bad value',
    );
    expect(await page.evaluate(() => !!document.querySelector('.settings-notice'))).toBe(true);
    if (driver.name === 'chromium') await page.screenshot('options-notice');

    // Reset asks first, inline; Escape cancels and gives focus back.
    await clickOn(page, 'button.reset');
    // The question appears, then focus moves to its first answer: wait for both.
    const asked = await page.waitFor(() => {
      const q = document.getElementById('reset-question');
      const focused = document.activeElement?.textContent;
      return q && focused === 'Yes, reset' && { question: q.textContent, focused };
    });
    expect(asked).toEqual({ question: expect.stringContaining('Reset every setting'), focused: 'Yes, reset' });
    await page.screenshot('options-reset-confirm');
    await page.press('Escape');
    await page.waitFor(() => document.activeElement?.classList.contains('reset'));
    expect(await storedSettings(driver)).toEqual({ version: 1, displayMode: 'first', popoverDelay: 600 });

    await clickOn(page, 'button.reset');
    await page.waitFor(() => document.querySelector('button.danger'));
    await clickOn(page, 'button.danger');
    await storedUntil(driver, (s) => s === undefined, 'storage cleared by reset');
    expect(await waitForStatus(page, 'Settings reset to their defaults')).toBeTruthy();
    expect(await page.evaluate(formState)).toEqual(DEFAULT_FORM);
  } finally {
    await clearStorage(driver);
  }
  await closeExtensionPage(driver, page);
}

export async function sitesTurnedOffAreListed(driver: Driver): Promise<void> {
  await clearStorage(driver);
  const page = await openOptions(driver);
  try {
    expect(await page.evaluate(() => document.querySelector('.sites-empty')?.textContent)).toBe(
      'None. PLAO Lens runs on every site.',
    );
    // Written elsewhere (as the popup would): the open page follows storage.onChanged.
    await writeSettings(driver, { version: 1, disabledSites: ['example.com', 'news.example.org', '127.0.0.2'] });
    await page.waitFor(() => document.querySelectorAll('.site-list li').length === 3);
    expect((await page.evaluate(formState)).sites).toEqual(['example.com', 'news.example.org', '127.0.0.2']);

    await clickOn(page, 'li[data-host="news.example.org"] button');
    await expectStored(driver, { version: 1, disabledSites: ['example.com', '127.0.0.2'] }, 'one site removed');
    // Focus moves to the next entry's button, so the keyboard can carry on.
    const focused = await page.waitFor(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Remove 127.0.0.2');
    await page.press('Enter');
    await expectStored(driver, { version: 1, disabledSites: ['example.com'] }, 'a second site removed');
    await page.waitFor(() => document.activeElement?.getAttribute('aria-label') === 'Remove example.com');
    await page.press('Enter');
    await expectStored(driver, { version: 1 }, 'the last site removed');
    await page.waitFor(() => document.activeElement?.classList.contains('sites-empty'));
  } finally {
    await clearStorage(driver);
  }
  await closeExtensionPage(driver, page);
}

/** Two open options pages stay in step (Chromium: Firefox shows one extension tab in these tests). */
export async function twoPagesStayInSync(driver: Driver): Promise<void> {
  await clearStorage(driver);
  const one = await openOptions(driver);
  const two = await openOptions(driver);
  try {
    await clickOn(one, '#highlightStyle-underline');
    await two.waitFor(() => document.querySelector<HTMLInputElement>('#highlightStyle-underline')?.checked);
    await clickOn(two, '#showBadge');
    await one.waitFor(() => document.querySelector<HTMLInputElement>('#showBadge')?.checked === false);
    await expectStored(driver, { version: 1, highlightStyle: 'underline', showBadge: false }, 'both changes kept');
  } finally {
    await clearStorage(driver);
  }
  await one.close();
  await two.close();
}

/** The page as a person sees it, top and bottom, with a few changes and two sites turned off. */
export async function optionsScreenshots(driver: Driver, suffix = ''): Promise<void> {
  await clearStorage(driver);
  const page = await openOptions(driver);
  try {
    await writeSettings(driver, {
      version: 1,
      highlightStyle: 'underline',
      disabledSites: ['example.com', 'news.example.org'],
    });
    await page.waitFor(() => document.querySelectorAll('.site-list li').length === 2);
    await clickOn(page, '#displayMode-first'); // shows the "Saved" bubble
    await waitForStatus(page, 'Saved');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot(`options${suffix}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot(`options-bottom${suffix}`);
  } finally {
    await clearStorage(driver);
  }
  await closeExtensionPage(driver, page);
}
