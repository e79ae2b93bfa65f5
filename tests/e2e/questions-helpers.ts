/** Shared by the My questions scenarios: storage from an extension page, clicks, keyboard, seeds. */
import { poll, type Driver, type TestPage } from '../support/driver';
import { popoverBox } from '../support/in-page';

type Area = {
  storage: {
    local: {
      get(k: string | string[] | null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      remove(k: string | string[]): Promise<void>;
      clear(): Promise<void>;
    };
  };
};

export async function storage(driver: Driver, keys: string[] = ['myQuestions', 'myQuestionsUnreadable', 'settings']) {
  const ext = await driver.extensionPage();
  return ext.evaluate(async (k) => {
    const g = globalThis as unknown as { browser?: Area; chrome: Area };
    return (g.browser ?? g.chrome).storage.local.get(k);
  }, keys);
}

export async function setStorage(driver: Driver, values: Record<string, unknown>, clear = true): Promise<void> {
  const ext = await driver.extensionPage();
  await ext.evaluate(
    async ({ v, c }) => {
      const g = globalThis as unknown as { browser?: Area; chrome: Area };
      const area = (g.browser ?? g.chrome).storage.local;
      if (c) await area.clear();
      await area.set(v);
    },
    { v: values, c: clear },
  );
}

/** Texts of the stored questions, in order. */
export async function storedTexts(driver: Driver): Promise<string[]> {
  const s = await storage(driver);
  const items = (s.myQuestions as { items?: { text: string }[] } | undefined)?.items ?? [];
  return items.map((i) => i.text);
}

export async function clickAt(page: TestPage, selector: string): Promise<void> {
  const at = await page.waitFor((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, selector);
  await page.click(at.x, at.y);
}

export async function clickInPopover(page: TestPage, selector: string): Promise<void> {
  // A long card scrolls inside the popover: bring the control into its view first.
  await page.evaluate(
    (sel) => document.querySelector('plao-lens')?.shadowRoot?.querySelector(sel)?.scrollIntoView({ block: 'nearest' }),
    selector,
  );
  const box = await poll(() => page.evaluate(popoverBox, selector), 5_000, `${selector} in the popover`);
  await page.click(box.x + box.width / 2, box.y + box.height / 2);
}

export function popoverStatus(): string {
  return document.querySelector('plao-lens')?.shadowRoot?.querySelector('.term-status')?.textContent ?? '';
}

export async function focusAndPress(page: TestPage, selector: string, ...keys: string[]): Promise<void> {
  await page.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.focus(), selector);
  for (const key of keys) await page.press(key);
}

export async function openQuestions(driver: Driver): Promise<TestPage> {
  const page = await driver.openExtensionPage('pages/questions.html');
  await page.waitFor(() => document.querySelector('.questions-page h1') && !document.querySelector('.muted:empty'));
  await page.waitFor(() => !document.body.textContent?.includes('Loading your questions'));
  return page;
}

export const liveRegion = () => document.querySelector('.questions-status')?.textContent ?? '';
export const done = (driver: Driver, page: TestPage) => (driver.name === 'chromium' ? page.close() : Promise.resolve());

export const SEEDED = {
  version: 1,
  items: [
    { id: 1, text: 'What do my scans show?', term: 'dxa-scan', asked: false },
    { id: 2, text: 'Do you suggest a bisphosphonate for me?', term: 'bisphosphonate', asked: false },
    { id: 3, text: 'Can I lift my baby?', asked: false },
  ],
};

export const DOZEN = {
  version: 1,
  items: [
    ['What do my scans show? How many spine bones are broken?', 'vertebral-compression-fracture'],
    ['Was my bone density scan read with a Z-score, not a T-score?', 'dxa-scan'],
    ['Do I need another bone density scan, and when?', 'dxa-scan'],
    ['Which blood tests have you done to look for other causes of weak bones?', 'blood-tests-for-secondary-causes'],
    ['Do you suggest a bisphosphonate for me? Why this one?', 'bisphosphonate'],
    ['How would it affect breastfeeding or a future pregnancy?', 'bisphosphonate'],
    ['Is this medicine approved for my situation, or used off-label?', 'denosumab'],
    ['What happens when I stop it? What is the plan for after?', 'denosumab'],
    ['What do you suggest about breastfeeding, and why?', 'stopping-breastfeeding'],
    ['How can I stop in a way that is comfortable for me and my baby?', 'stopping-breastfeeding'],
    ['Which movements, lifting and exercise are safe for me now?', 'weight-bearing-exercise'],
    ['Can my partner come to the next appointment?', undefined],
  ].map(([text, term], i) => ({ id: i + 1, text, ...(term ? { term } : {}), asked: i === 1 })),
};
