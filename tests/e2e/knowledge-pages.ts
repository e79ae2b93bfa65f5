/** The glossary and guidance pages render all of the knowledge, with sources and review dates. */
import { expect } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import type { Driver } from '../support/driver';

const knowledge = loadKnowledge().full!;

export async function glossaryShowsEveryTerm(driver: Driver): Promise<void> {
  const page = await driver.openExtensionPage('pages/glossary.html#dxa-scan');
  const entries = await page.waitFor(() => {
    const list = [...document.querySelectorAll('.glossary-entry')];
    return list.length
      ? list.map((e) => ({ id: e.id, sources: e.querySelectorAll('.sources li').length, text: e.textContent ?? '' }))
      : null;
  });
  expect(entries.map((e) => e.id).sort()).toEqual(knowledge.terms.map((t) => t.id).sort());
  for (const e of entries) {
    expect(e.sources, `${e.id} lists its sources`).toBeGreaterThan(0);
    expect(e.text, `${e.id} shows its review date`).toContain('reviewed 2026-');
  }
  // The deep link lands on its entry.
  const top = await page.waitFor(() => {
    const t = document.getElementById('dxa-scan')?.getBoundingClientRect().top;
    return t !== undefined && Math.abs(t) < 40 ? t + 1000 : null;
  });
  expect(top).toBeGreaterThan(900);
  expect(await page.evaluate(() => document.body.textContent)).toContain('Not medical advice');
  await page.screenshot('glossary-dxa-scan');
}

export async function guidanceShowsEveryArticle(driver: Driver): Promise<void> {
  for (const article of knowledge.articles) {
    const page = await driver.openExtensionPage(`pages/guide.html?article=${article.id}`);
    const seen = await page.waitFor(() => {
      const h1 = document.querySelector('h1')?.textContent;
      return h1
        ? {
            h1,
            sections: [...document.querySelectorAll('article h2[id]')].map((h) => h.id),
            sources: document.querySelectorAll('.sources li').length,
            text: document.body.textContent ?? '',
            seekCare: document.querySelectorAll('.seek-care-box').length,
          }
        : null;
    });
    expect(seen.h1).toBe(article.title);
    expect(seen.sections).toEqual(expect.arrayContaining(article.sections.map((s) => s.id)));
    expect(seen.sources, `${article.id} lists its sources`).toBe(article.sources.length);
    expect(seen.text).toContain(`Last reviewed ${article.reviewed}`);
    expect(seen.text).toContain('Not medical advice');
    if (article.id === 'is-my-back-pain-plao') expect(seen.seekCare).toBe(1);
    if (['what-is-plao', 'is-my-back-pain-plao', 'questions-to-ask'].includes(article.id)) {
      await page.screenshot(`guide-${article.id}`);
    }
    if (driver.name === 'chromium') await page.close();
  }
}

/** "Questions to ask your clinician" prints cleanly: no navigation, search or buttons, all questions. */
export async function questionsPrintCleanly(driver: Driver): Promise<void> {
  const page = await driver.openExtensionPage('pages/guide.html?article=questions-to-ask');
  await page.waitFor(() => document.querySelector('h1'));
  await page.emulatePrint(true);
  try {
    const printed = await page.evaluate(() => {
      const shown = (el: Element) => getComputedStyle(el).display !== 'none';
      return {
        nav: [...document.querySelectorAll('nav.site, .report-problem')].some(shown),
        questions: [...document.querySelectorAll('article li')].filter(shown).length,
        disclaimer: [...document.querySelectorAll('.disclaimer')].some(shown),
      };
    });
    expect(printed.nav).toBe(false);
    expect(printed.questions).toBeGreaterThan(10);
    expect(printed.disclaimer).toBe(true);
    await page.screenshot('guide-questions-print');
  } finally {
    await page.emulatePrint(false);
  }
  if (driver.name === 'chromium') await page.close();
}
