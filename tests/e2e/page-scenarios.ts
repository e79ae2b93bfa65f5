/** Scenarios for a page that changes, shadow roots, frames, display modes and teardown. */
import { expect } from 'vitest';
import { poll, type Driver } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { storedPrefilter, writeSettings } from '../support/extension';
import { framePaintedTexts, popoverText } from '../support/in-page';
import {
  openPainted,
  paintedUntil,
  readUntil,
  waitForPaint,
  waitForPopover,
  waitForPopoverClosed,
} from '../support/page';

/** Centre of the n-th occurrence of `word` in the page's light DOM text (painted or not). */
function centreOfWord(arg: { word: string; nth: number }): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(arg.word);
    if (at < 0) continue;
    if (seen++ < arg.nth) continue;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + arg.word.length);
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + 6, y: rect.top + rect.height / 2 };
  }
  return null;
}

export async function shadowRootsAndFrames(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/dynamic.html'));
  const painted = await paintedUntil(page, (t) => t.includes('romosozumab'), 'the open shadow root');
  expect(painted).not.toContain('denosumab'); // closed shadow roots are the page's own business
  expect(await page.waitFor(framePaintedTexts, 'frame')).toEqual(['kyphoplasty']);
  await page.screenshot('dynamic-shadow-frame');
  await page.close();
}

/** Frames that hold text but no address (srcdoc, about:blank filled by the page) are read too. */
export async function readsInlineFrames(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/inline-frames.html'));
  expect(await page.waitFor(framePaintedTexts, 'srcdoc')).toEqual(['kyphoplasty']);
  expect(await page.waitFor(framePaintedTexts, 'blank')).toEqual(['teriparatide']);
  // The frame left empty gets nothing at all: no highlight registered.
  expect(await page.evaluate(framePaintedTexts, 'empty')).toBeNull();
  await page.screenshot('inline-frames');
  await page.close();
}

/**
 * A page of over 100,000 characters with a few terms is read narrowed (only the blocks around the
 * prefilter's places): it must paint exactly what reading every block would.
 */
/**
 * The background keeps the prefilter in storage (again after a test empties it): without it a
 * large page would be read whole, and a test of the narrowed read would not cover it.
 */
async function prefilterKept(driver: Driver): Promise<void> {
  const kept = await poll(
    async () => {
      const p = (await storedPrefilter(driver)) as { stamp?: unknown; words?: unknown } | undefined;
      return typeof p?.stamp === 'string' && typeof p.words === 'string' && p.words.length > 1000 && p;
    },
    10_000,
    'the prefilter in storage',
  );
  expect(kept).toBeTruthy();
}

export async function readsLargePageNarrowed(driver: Driver, server: FixtureServer): Promise<void> {
  await prefilterKept(driver);
  const page = await driver.open(server.url('/fixtures/large-page.html'));
  const painted = await paintedUntil(
    page,
    (t) =>
      ['DEXA scan', 'bisphosphonates', 'OI', 'romosozumab', 'kyphoplasty', 'low bone density'].every((w) =>
        t.includes(w),
      ),
    'the terms of a large page',
  );
  // Not the one in <code>; the ambiguous "OI" shows because "collagen" is elsewhere on the page.
  expect(painted).not.toContain('denosumab');
  expect([...painted].sort()).toEqual([
    'DEXA scan',
    'OI',
    'bisphosphonates',
    'kyphoplasty',
    'low bone density',
    'romosozumab',
  ]);
  await page.screenshot('large-page');
  await page.close();

  // A term where a block starts in markup without spaces between tags: in its part's text it
  // follows the letter before, and the narrowed read (nothing here makes it read the page whole)
  // must still find it. It must also find a term after a long run of indentation, and a phrase
  // across one.
  const tight = await driver.open(server.url('/fixtures/large-tight.html'));
  const expected = ['Romosozumab', 'Teriparatide', 'low bone density'];
  const words = (t: string[]) => t.map((s) => s.trim().replace(/\s+/g, ' ')).sort();
  const inTight = await paintedUntil(
    tight,
    (t) => expected.every((w) => words(t).includes(w)),
    'terms in minified and indented markup',
  );
  expect(words(inTight)).toEqual(expected);
  await tight.close();

  // Opened at a section far down: the part in view is read first, and the rest still follows.
  const deep = await driver.open(server.url('/fixtures/large-page.html#last'));
  const atLast = await paintedUntil(
    deep,
    (t) => t.includes('kyphoplasty') && t.includes('DEXA scan'),
    'a page opened scrolled down',
  );
  expect(atLast).toContain('romosozumab');
  expect(await deep.evaluate(() => scrollY)).toBeGreaterThan(0);
  await deep.screenshot('large-page-scrolled');
  await deep.close();
}

/**
 * A large page is walked element by element for open shadow roots only where it shows that it
 * uses them (an empty host, a custom element not yet defined, a child given to a named slot); each
 * such sign must be seen by the browser's own selector, and then every root is read, the declared
 * one whose host holds only white space too.
 */
export async function readsShadowRootsOfLargePages(driver: Driver, server: FixtureServer): Promise<void> {
  await prefilterKept(driver);
  for (const host of ['empty', 'undefined', 'slot']) {
    const page = await driver.open(server.url(`/fixtures/large-components.html?host=${host}`));
    const painted = await paintedUntil(
      page,
      (t) => t.includes('teriparatide') && t.includes('denosumab'),
      `the shadow roots of a large page (${host} host)`,
    );
    expect([...painted].sort()).toEqual(['denosumab', 'teriparatide']);
    if (host === 'slot') {
      await page.evaluate(() => document.getElementById('declared')!.scrollIntoView({ block: 'center' }));
      await page.screenshot('large-components');
    }
    await page.close();
  }
}

/** How many ranges the real highlight and the test build's mirror of every painted term hold, and whether they fit the viewport. */
function nearViewState(): {
  all: number;
  real: number;
  inViewWant: number;
  inViewHave: number;
  far: number;
  stale: number;
} {
  const real = [...((CSS.highlights.get('plao-lens') ?? []) as Iterable<AbstractRange>)];
  const all = CSS.highlights.get('plao-lens-shown')?.size ?? 0;
  const box = (r: AbstractRange) => (r.startContainer.parentElement as Element).getBoundingClientRect();
  const inView = (b: DOMRect) => b.bottom > 0 && b.top < innerHeight;
  const shown = [...document.querySelectorAll('#list p')].filter((p) => inView(p.getBoundingClientRect()));
  const connected = real.filter((r) => r.startContainer.isConnected);
  return {
    all,
    real: real.length,
    inViewWant: shown.length * 2,
    inViewHave: connected.filter((r) => shown.includes(r.startContainer.parentElement as Element)).length,
    // Painted more than three viewports away: the highlight should not hold it.
    far: connected.filter((r) => Math.abs(box(r).top - innerHeight / 2) > innerHeight * 3).length,
    stale: real.length - connected.length,
  };
}

/**
 * A page with more terms than NEAR_VIEW_AFTER has only those near the viewport in its highlight
 * (Chromium works every range out again after any change to the page), yet every term is found,
 * every term in view is painted, and scrolling paints the ones it brings in.
 */
export async function paintsNearTheViewport(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/many-terms.html'));
  const settled = (want: number) => (s: ReturnType<typeof nearViewState>) =>
    s.all === want && s.inViewHave === s.inViewWant && s.inViewWant > 0 && s.far === 0 && s.stale === 0;
  const until = (ok: (s: ReturnType<typeof nearViewState>) => boolean, what: string) =>
    readUntil(() => page.evaluate(nearViewState), ok, what);
  const top = await until(settled(1600), 'every term found, those in view painted');
  expect(top.real).toBeLessThan(400);

  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  const bottom = await until(settled(1600), 'the terms scrolled into view painted, those far above not');
  expect(bottom.real).toBeLessThan(400);
  await page.screenshot('many-terms-bottom');

  // The page removes its second half, the replies in view: their terms go, and the ones the
  // shorter page now shows are painted.
  await page.evaluate(() => {
    for (const p of [...document.querySelectorAll('#list p')].slice(400)) p.remove();
  });
  await until(settled(800), 'the removed replies’ terms gone, the ones now in view painted');
  await page.close();
}

export async function followsPageChanges(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/dynamic.html'));
  await paintedUntil(page, (t) => t.includes('vitamin D') && t.includes('bisphosphonate'), 'first paint');

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'added';
    p.textContent = 'Ask about denosumab before you stop it.';
    document.getElementById('main')!.append(p);
  });
  await paintedUntil(page, (t) => t.includes('denosumab'), 'an added paragraph');

  await page.evaluate(() => {
    (document.getElementById('first')!.firstChild as Text).data = 'Nothing to see here.';
  });
  await paintedUntil(page, (t) => !t.includes('vitamin D'), 'changed text to drop its range');

  await page.evaluate(() => document.getElementById('second')!.remove());
  await paintedUntil(page, (t) => !t.includes('bisphosphonate'), 'a removed paragraph to drop its range');

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.append('post', Object.assign(document.createElement('b'), { textContent: 'partum' }), ' back pain');
    document.getElementById('main')!.append(p);
  });
  await paintedUntil(page, (t) => t.includes('postpartum back pain'), 'a term split by markup, added later');

  // A client-side navigation: new address, content replaced.
  await page.evaluate(() => {
    history.pushState({}, '', '?page=2');
    const p = document.createElement('p');
    p.textContent = 'After weaning, bone comes back.';
    document.getElementById('main')!.replaceChildren(p);
  });
  const after = await paintedUntil(page, (t) => t.includes('weaning') && !t.includes('denosumab'), 'the new view');
  expect(after).not.toContain('postpartum back pain');
  await page.close();
}

export async function displayModes(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await driver.open(server.url('/fixtures/dynamic.html'));
  const count = (t: string[]) => t.filter((x) => x.toLowerCase() === 'teriparatide').length;
  await paintedUntil(page, (t) => count(t) === 4, 'every occurrence');
  try {
    await writeSettings(driver, { displayMode: 'first' });
    await paintedUntil(page, (t) => count(t) === 2, 'the first per section');
    // An occurrence that is not painted still explains itself on hover.
    const second = await page.evaluate(centreOfWord, { word: 'Teriparatide', nth: 1 });
    await page.mouseMove(second!.x, second!.y);
    expect(await waitForPopover(page)).toContain('Teriparatide');
    await page.mouseMove(5, 5);
    await waitForPopoverClosed(page);

    await writeSettings(driver, { displayMode: 'none' });
    await paintedUntil(page, (t) => t.length === 0, 'nothing painted');
    const first = await page.evaluate(centreOfWord, { word: 'Teriparatide', nth: 0 });
    await page.mouseMove(first!.x, first!.y);
    expect(await waitForPopover(page)).toContain('Teriparatide');
    await page.mouseMove(5, 5);
    await waitForPopoverClosed(page);
  } finally {
    await writeSettings(driver, {});
  }
  await paintedUntil(page, (t) => count(t) === 4, 'every occurrence again');
  await page.close();
}

export async function turningOffRemovesEverything(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, server.url('/fixtures/seed-article.html'), 10);
  try {
    await writeSettings(driver, { disabledSites: ['127.0.0.1'] });
    await page.waitFor(() => !CSS.highlights.has('plao-lens') && !document.querySelector('plao-lens'));
    // Nothing comes back when the page changes, and hovering does nothing.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'PLAO again' })),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => CSS.highlights.has('plao-lens'))).toBe(false);
    expect(await page.evaluate(popoverText)).toBeNull();
  } finally {
    await writeSettings(driver, {});
  }
  await waitForPaint(page, 10);
  await page.close();
}
