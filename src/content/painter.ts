/**
 * Paints matches with the CSS Custom Highlight API: the page's DOM is never changed, only the
 * highlight registry. Styles for ::highlight(plao-lens) come from the manifest's content-script
 * CSS, which a page's CSP does not govern. Updates are incremental (ranges added and deleted as
 * parts of the page are read or change), so a large page is never repainted whole.
 *
 * A page with very many terms has only those near the viewport in the highlight (near-view.ts):
 * Chromium works out every range of the registry again after any change to the page, so a living
 * page with thousands of painted terms paid for all of them in every frame.
 */
import type { DisplayMode, HighlightStyle } from '../core/settings';
import { documentOrder, type PageMatch } from './match-index';
import { NEAR_VIEW_AFTER, NearView } from './near-view';
import type { ShadowHost } from './surface/shadow-host';

export const HIGHLIGHT_NAME = 'plao-lens';

let supported: boolean | undefined;

/** Asked once: every painted term asked it, three lookups on the global object of a content script's world each time. */
export function highlightsSupported(): boolean {
  return (supported ??= typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function');
}

interface Group {
  all: Set<PageMatch>;
  first: PageMatch;
}

function before(a: PageMatch, b: PageMatch): boolean {
  return documentOrder(a.range, b.range) < 0;
}

/** A second highlight, briefly, on a term the reader was just taken to. */
export const FLASH_NAME = 'plao-lens-flash';
let flashTimer: ReturnType<typeof setTimeout> | undefined;

export function flash(range: AbstractRange): void {
  if (!highlightsSupported()) return;
  clearTimeout(flashTimer);
  CSS.highlights.set(FLASH_NAME, new Highlight(range));
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_NAME), 1600);
}

/** The test build keeps every painted range in an unstyled highlight, so tests see all of them. */
export const SHOWN_FOR_TESTS = 'plao-lens-shown';

function shownForTests(m: PageMatch, on: boolean): void {
  let all = CSS.highlights.get(SHOWN_FOR_TESTS);
  if (!all) CSS.highlights.set(SHOWN_FOR_TESTS, (all = new Highlight()));
  if (on) all.add(m.range);
  else all.delete(m.range);
}

export class Painter {
  #highlight: Highlight | undefined;
  readonly #painted = new Set<PageMatch>();
  /** For "first per section": section → term → its matches, and the one painted. */
  readonly #groups = new Map<Element | null, Map<number, Group>>();

  #mode: DisplayMode;
  readonly #host: Pick<ShadowHost, 'mark'>;
  /** Set once more than NEAR_VIEW_AFTER terms are painted: then only those near the viewport are in the highlight. */
  #near: NearView | undefined;

  /** `host`: the extension's one element on the page, which carries the highlight style. */
  constructor(mode: DisplayMode, host: Pick<ShadowHost, 'mark'>) {
    this.#mode = mode;
    this.#host = host;
  }

  /**
   * The highlight style, as an attribute on the extension's host: the manifest's content CSS styles
   * ::highlight(plao-lens) by it (`:root:has(> plao-lens[data-style=…])`), out of the page's CSP.
   * The default needs no host, so none is added to a page for it.
   */
  setStyle(style: HighlightStyle): void {
    this.#host.mark('data-style', style, style !== 'background');
  }

  get count(): number {
    return this.#painted.size;
  }

  /** Paints from scratch in a new mode. */
  setMode(mode: DisplayMode, shown: Iterable<PageMatch>): void {
    this.clear();
    this.#mode = mode;
    this.add(shown);
  }

  add(matches: Iterable<PageMatch>): void {
    if (this.#mode === 'none') return;
    for (const m of matches) {
      if (this.#mode === 'all') this.#paint(m);
      else this.#addFirst(m);
    }
  }

  remove(matches: Iterable<PageMatch>): void {
    for (const m of matches) {
      if (this.#mode === 'first') this.#removeFirst(m);
      else this.#unpaint(m);
    }
  }

  clear(): void {
    this.#painted.clear();
    this.#groups.clear();
    this.#near?.stop();
    this.#near = undefined;
    // Nothing painted yet (every start): the page's highlight registry is not touched.
    if (!this.#highlight) return;
    this.#highlight.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.#highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.#highlight = undefined;
    if (__TEST__) CSS.highlights.delete(SHOWN_FOR_TESTS);
  }

  #paint(m: PageMatch): void {
    if (this.#painted.has(m) || !highlightsSupported()) return;
    let highlight = this.#highlight;
    if (!highlight) {
      highlight = this.#highlight = new Highlight();
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    }
    this.#painted.add(m);
    if (__TEST__) shownForTests(m, true);
    if (this.#near) this.#near.add(m);
    else if (this.#painted.size > NEAR_VIEW_AFTER) {
      // What is painted already stays until the first look at the viewport takes away what is far.
      highlight.add(m.range);
      this.#near = new NearView(highlight, this.#painted);
    } else highlight.add(m.range);
  }

  #unpaint(m: PageMatch): void {
    if (!this.#painted.delete(m)) return;
    if (__TEST__) shownForTests(m, false);
    if (this.#near) this.#near.remove(m);
    else this.#highlight?.delete(m.range);
  }

  #addFirst(m: PageMatch): void {
    let bySection = this.#groups.get(m.section);
    if (!bySection) this.#groups.set(m.section, (bySection = new Map<number, Group>()));
    const group = bySection.get(m.term);
    if (!group) {
      bySection.set(m.term, { all: new Set([m]), first: m });
      this.#paint(m);
      return;
    }
    group.all.add(m);
    if (before(m, group.first)) {
      this.#unpaint(group.first);
      group.first = m;
      this.#paint(m);
    }
  }

  #removeFirst(m: PageMatch): void {
    const bySection = this.#groups.get(m.section);
    const group = bySection?.get(m.term);
    if (!bySection || !group || !group.all.delete(m)) return;
    if (group.first !== m) return;
    this.#unpaint(m);
    let next: PageMatch | undefined;
    for (const c of group.all) if (!next || before(c, next)) next = c;
    if (next) {
      group.first = next;
      this.#paint(next);
    } else bySection.delete(m.term);
  }
}
