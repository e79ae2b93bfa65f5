/**
 * The cards readers meet most must say what a clinician would insist on, in the card itself:
 * hover each term on a page and read its popover. Also the guidance shows each warning sign in its
 * one wording, and the About page names no reviewer it does not have.
 */
import { expect } from 'vitest';
import type { Driver } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { popoverText } from '../support/in-page';
import { hoverTerm, waitForPaint, waitForPopover, waitForPopoverClosed } from '../support/page';

/** What each card must say, by the term as written on the page. */
const CARDS: { text: string; says: (string | RegExp)[]; shot?: string }[] = [
  {
    text: 'postpartum back pain',
    shot: 'card-safety-back-pain',
    says: [
      'Emergency: act now. Go to an emergency',
      /Go to an emergency department now .*numbness between your\s+legs.*bladder or bowels.*weakness in\s+both legs/s,
      'Act the same day',
      'How soon to act is our judgement',
      /After an epidural, .*fever/s,
      'Read the full guidance',
    ],
  },
  {
    text: 'denosumab',
    shot: 'card-safety-denosumab',
    says: [
      /birth control .*at least 5 months after the last shot/s,
      'Never stop it without a plan',
      'Pregnancy and breastfeeding:',
      'must not be used in pregnancy',
      'If a denosumab shot is late or you missed one',
    ],
  },
  { text: 'bisphosphonates', says: ['does not clear it from your bones', 'Pregnancy and breastfeeding:'] },
  { text: 'enoxaparin', says: ['Do not stop it or skip a shot on your own', 'can be used while'] },
  { text: 'heparin', says: ['Do not stop heparin or skip a dose on your own'] },
  { text: 'prednisone', says: ['Do not stop a steroid medicine on your own', 'Pregnancy and breastfeeding:'] },
  { text: 'epidural', says: ['Emergency: act now', 'Say that you had an epidural'] },
  { text: 'vertebral compression fracture', says: ['Lift with bent knees and hips', 'hold your baby close'] },
];

export async function cardsCarrySafetyLines(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/card-safety.html'));
  await waitForPaint(page, CARDS.length);
  for (const card of CARDS) {
    await hoverTerm(page, card.text);
    const text = (await waitForPopover(page)).replace(/\s+/g, ' ');
    for (const s of card.says) {
      if (typeof s === 'string') expect(text, card.text).toContain(s);
      else expect(text, card.text).toMatch(s);
    }
    // However long the card, all of it is on screen: it scrolls inside rather than run off the page.
    await page.waitFor(() => {
      const box = document.querySelector('plao-lens')?.shadowRoot?.querySelector('.popover');
      const r = box?.getBoundingClientRect();
      return r && r.top >= 0 && r.bottom <= innerHeight + 1 ? true : null;
    });
    if (card.shot) await page.screenshot(card.shot);
    await page.press('Escape');
    await waitForPopoverClosed(page);
    expect(await page.evaluate(popoverText)).toBeNull();
  }
  await page.close();
}

export async function guidanceShowsWarningSigns(driver: Driver): Promise<void> {
  const page = await driver.openExtensionPage('pages/guide.html?article=is-my-back-pain-plao#seek-care-now');
  const signs = await page.waitFor(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.warning-sign')];
    return new Set(boxes.map((b) => b.dataset.warning)).size >= 6
      ? boxes.map((b) => ({ id: b.dataset.warning, judged: Boolean(b.querySelector('.warning-judgement')) }))
      : null;
  });
  expect(signs.map((s) => s.id)).toContain('cauda-equina');
  // Where the sources give no timeframe, the page says the timing is our own judgement.
  expect(signs.find((s) => s.id === 'cauda-equina')?.judged).toBe(false);
  expect(signs.find((s) => s.id === 'sudden-back-pain-height-loss')?.judged).toBe(true);
  await page.screenshot('card-safety-guidance-warnings');
  // Firefox tests reuse one tab for extension pages (see the other page scenarios).
  if (driver.name === 'chromium') await page.close();

  const about = await driver.openExtensionPage('pages/guide.html?article=about-this-content#clinician-review');
  const text = await about.waitFor(() =>
    document.querySelector('#clinician-review') ? document.body.innerText : null,
  );
  expect(text).toContain('No named clinician has reviewed this content yet.');
  expect(text).toContain('The PLAO Lens project team wrote this content.');
  expect(text).toMatch(/2026-11-29: Safety review\./);
  await about.screenshot('card-safety-about');
  if (driver.name === 'chromium') await about.close();
}
