/**
 * PLAO Lens on one page (one frame): read the page, paint the terms, explain them on hover, and
 * keep up as the page changes. The visible part is read first, the rest in slices that never block
 * the page; changes are read again part by part. Everything it adds (listeners, observer, ranges,
 * the popover host) goes away with `destroy()`, one AbortController.
 */
import type { TermCard } from '../core/knowledge/types';
import { Matcher } from '../core/matcher/matcher';
import type { MatcherData } from '../core/matcher/types';
import type { PageTerm } from '../core/messages';
import type { Settings } from '../core/settings';
import { BlockWalker, blockContainer, isReadable } from './blocks';
import { Changes } from './changes';
import { Explainer } from './explainer';
import { caretNode, matchAt, trackPointer, trackTaps } from './hover';
import { flash, Painter } from './painter';
import { MatchIndex, precedingHeading, type PageMatch } from './scanner';
import { adoptHighlightStyles } from './shadow-styles';
import { runSliced, yieldToPage } from './schedule';

export interface LensDeps {
  matcher: MatcherData;
  /** The popover's card for a term id (from the background). */
  getCard: (id: string) => Promise<TermCard | undefined>;
  settings: Settings;
  guideHref: (article: string, section: string) => string;
  openGuide: (article: string, section: string) => void;
  reportTerms: (distinct: number) => void;
  /** Told when the first full read of the page is done (timings, for the benchmark build). */
  onScanned?: (stats: ScanStats) => void;
}

export interface ScanStats {
  /** Main-thread time spent reading and painting, in ms. */
  work: number;
  /** From start to the whole page read, in ms (includes the gaps left to the page). */
  wall: number;
  /** From start to the first painted term, in ms (-1 if none). */
  firstPaint: number;
  matches: number;
  slices: number;
  longestSlice: number;
}

const CHANGE_DELAY = 120;
const CHANGE_MAX_WAIT = 1000;
const REPORT_DELAY = 250;

export class Lens {
  readonly #ac = new AbortController();
  readonly #index: MatchIndex;
  readonly #painter: Painter;
  readonly #explainer: Explainer;
  readonly #changes = new Changes();
  readonly #observer: MutationObserver;
  readonly #shadowRoots = new Set<ShadowRoot>();
  #scan: AbortController | undefined;
  #settings: Settings;
  #seenCount = 0;
  /** Where keyboard stepping and "show me this term" last took the reader. */
  #lastRevealed: PageMatch | null = null;
  #timers: Partial<Record<'change' | 'report', ReturnType<typeof setTimeout>>> = {};
  #firstChangeAt = 0;

  readonly #deps: LensDeps;

  constructor(deps: LensDeps) {
    this.#deps = deps;
    this.#index = new MatchIndex(new Matcher(deps.matcher));
    this.#settings = deps.settings;
    this.#explainer = new Explainer(
      {
        terms: deps.matcher.terms,
        getCard: deps.getCard,
        guideHref: deps.guideHref,
        openGuide: deps.openGuide,
        delay: () => this.#settings.popoverDelay,
      },
      this.#ac.signal,
    );
    this.#painter = new Painter(deps.settings.displayMode, this.#explainer.host);
    this.#painter.setStyle(deps.settings.highlightStyle);
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
  }

  start(): void {
    const { signal } = this.#ac;
    const find = (x: number, y: number) => matchAt(this.#index, x, y, [...this.#shadowRoots]);
    trackPointer(signal, find, (m, target) => this.#explainer.hover(m, target));
    trackTaps(signal, find, (m, target) => this.#explainer.tap(m, target));
    this.#observe(document.documentElement);
    void this.#readPage();
  }

  updateSettings(settings: Settings): void {
    const mode = settings.displayMode !== this.#settings.displayMode;
    this.#settings = settings;
    if (mode) this.#painter.setMode(settings.displayMode, this.#index.visible());
    this.#painter.setStyle(settings.highlightStyle);
  }

  /** The terms the page shows, with how often each occurs. */
  pageTerms(): PageTerm[] {
    const counts = new Map<number, number>();
    for (const m of this.#index.visible()) counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
    return [...counts]
      .map(([term, count]) => ({ id: this.#deps.matcher.terms[term]!, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  destroy(): void {
    this.#ac.abort();
    this.#scan?.abort();
    this.#observer.disconnect();
    for (const t of Object.values(this.#timers)) clearTimeout(t);
    this.#painter.clear();
    this.#explainer.destroy();
    this.#index.clear();
    this.#shadowRoots.clear();
    this.#lastRevealed = null;
  }

  /** Takes the reader to the next occurrence of a term and explains it, focus inside. */
  async reveal(id: string): Promise<boolean> {
    const all = this.#index.ordered().filter((m) => this.#deps.matcher.terms[m.term] === id);
    if (!all.length) return false;
    const after =
      this.#lastRevealed && this.#deps.matcher.terms[this.#lastRevealed.term] === id
        ? all.indexOf(this.#lastRevealed)
        : -1;
    return this.#goTo(all[(after + 1) % all.length]!);
  }

  /** Moves to the next (1) or previous (-1) term on the page and explains it, focus inside. */
  async step(direction: 1 | -1): Promise<boolean> {
    const all = this.#index.ordered();
    if (!all.length) return false;
    const at = this.#lastRevealed ? all.indexOf(this.#lastRevealed) : -1;
    const next = at < 0 ? (direction > 0 ? 0 : all.length - 1) : (at + direction + all.length) % all.length;
    return this.#goTo(all[next]!);
  }

  /** Explains the term in the reader's selection, if it holds one. */
  async explainSelection(): Promise<boolean> {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0) return false;
    const range = sel.getRangeAt(0);
    const hit = this.#index.ordered().find((m) => {
      try {
        return (
          range.compareBoundaryPoints(Range.END_TO_START, m.range) <= 0 &&
          range.compareBoundaryPoints(Range.START_TO_END, m.range) >= 0
        );
      } catch {
        return false; // a range in another tree
      }
    });
    return hit ? this.#goTo(hit) : false;
  }

  async #goTo(m: PageMatch): Promise<boolean> {
    this.#lastRevealed = m;
    const el = m.range.startContainer.parentElement;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
    flash(m.range);
    // Let a smooth scroll settle so the popover opens beside the term, not where it was.
    if (!reduce) await new Promise((r) => setTimeout(r, 350));
    return this.#explainer.open(m);
  }

  /** Reads the whole page: the visible part at once, the rest in slices. */
  async #readPage(): Promise<void> {
    this.#scan?.abort();
    const scan = new AbortController();
    this.#scan = scan;
    const signal = AbortSignal.any([this.#ac.signal, scan.signal]);
    this.#index.clear();
    this.#painter.clear();
    this.#seenCount = 0;
    const t0 = performance.now();
    const stats: ScanStats = { work: 0, wall: 0, firstPaint: -1, matches: 0, slices: 0, longestSlice: 0 };
    // Timings are kept only in the benchmark build; the release build compiles this away.
    const timed = (fn: () => boolean) => {
      if (!__BENCH__) return fn();
      const s = performance.now();
      const done = fn();
      const d = performance.now() - s;
      stats.work += d;
      stats.slices++;
      stats.longestSlice = Math.max(stats.longestSlice, d);
      if (stats.firstPaint < 0 && this.#painter.count > 0) stats.firstPaint = performance.now() - t0;
      return done;
    };
    let readFirst = new Set<Element>();
    timed(() => {
      readFirst = this.#readVisible(performance.now() + 20);
      return true;
    });
    await yieldToPage();
    const roots: Node[] = [document.documentElement];
    const added: PageMatch[] = [];
    let walker: BlockWalker | undefined;
    const finished = await runSliced(
      (deadline) =>
        timed(() => {
          while (performance.now() < deadline) {
            if (!walker) {
              const root = roots.shift();
              if (!root) break;
              walker = this.#walker(root, added, roots, readFirst);
            }
            if (walker.run(deadline)) walker = undefined;
          }
          // A walker outlives its slice: what it found in this one is painted now.
          this.#commit(added.splice(0), []);
          return !walker && roots.length === 0;
        }),
      signal,
    );
    if (!finished || !__BENCH__) return;
    stats.wall = performance.now() - t0;
    stats.matches = this.#index.size;
    this.#deps.onScanned?.(stats);
  }

  /**
   * Reads the blocks in view now, so the reader sees painted terms before the rest is read: the
   * innermost block under a grid of points (the text's own paragraph, not a page-wide wrapper),
   * within one time budget. Returns the elements read whole, for the full walk to skip.
   */
  #readVisible(deadline: number): Set<Element> {
    const added: PageMatch[] = [];
    const read = new Set<Element>();
    const w = innerWidth;
    const h = innerHeight;
    const roots = [...this.#shadowRoots];
    for (let row = 1; row < 8 && performance.now() < deadline; row++) {
      for (const col of [0.25, 0.5, 0.75]) {
        const hit = caretNode(w * col, (h * row) / 8, roots);
        const c = hit && blockContainer(hit);
        if (!c || read.has(c) || c === document.body || c === document.documentElement || !isReadable(c)) continue;
        // A wrapper around much of the page is not "the part in view": leave it to the slices.
        if (c.childElementCount > 100) continue;
        read.add(c);
        let heading = precedingHeading(c);
        new BlockWalker(c, {
          onBlock: (b) => added.push(...this.#index.readBlock(b, heading)),
          onShadowRoot: () => undefined, // read with the rest of the page
          onHeading: (el) => (heading = el),
        }).run();
      }
    }
    this.#commit(added, []);
    return read;
  }

  #walker(root: Node, added: PageMatch[], roots: Node[], readAlready?: Set<Element>): BlockWalker {
    let heading: Element | null =
      root instanceof ShadowRoot
        ? precedingHeading(root.host)
        : root instanceof Element && root !== document.documentElement
          ? precedingHeading(root)
          : null;
    return new BlockWalker(root, {
      onBlock: (b) => added.push(...this.#index.readBlock(b, heading)),
      skipBlock: (first) => this.#index.hasBlockStart(first),
      ...(readAlready?.size
        ? {
            skipSubtree: (el: Element) => {
              if (!readAlready.has(el)) return false;
              const inside = el.querySelectorAll('h1,h2,h3,h4,h5,h6');
              if (inside.length) heading = inside[inside.length - 1]!;
              return true;
            },
          }
        : {}),
      onShadowRoot: (sr) => {
        if (this.#shadowRoots.has(sr)) return;
        this.#shadowRoots.add(sr);
        this.#observe(sr);
        roots.push(sr);
      },
      onHeading: (el) => (heading = el),
    });
  }

  /** Paints what was read and forgets what left the page. */
  #commit(added: PageMatch[], removed: PageMatch[]): void {
    if (removed.length) this.#painter.remove(removed);
    if (this.#index.seen.size !== this.#seenCount) {
      // New context on the page: ambiguous matches read earlier may now show.
      this.#seenCount = this.#index.seen.size;
      this.#painter.add(this.#index.visible().filter((m) => m.ambiguous));
    }
    const shown = added.filter((m) => this.#index.shows(m));
    this.#painter.add(shown);
    for (const m of shown) {
      const root = m.range.startContainer.getRootNode();
      if (root instanceof ShadowRoot) adoptHighlightStyles(root);
    }
    if (shown.length || removed.length) this.#scheduleReport();
  }

  #observe(root: Node): void {
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  #onMutations(records: MutationRecord[]): void {
    this.#changes.record(records);
    if (this.#changes.empty) return;
    const now = performance.now();
    if (!this.#timers.change) this.#firstChangeAt = now;
    clearTimeout(this.#timers.change);
    // Debounced, but a page that never stops changing is still read at least once a second.
    const wait = now - this.#firstChangeAt > CHANGE_MAX_WAIT ? 0 : CHANGE_DELAY;
    this.#timers.change = setTimeout(() => void this.#readChanges(), wait);
  }

  /** Reads again the parts of the page that changed. */
  async #readChanges(): Promise<void> {
    this.#timers.change = undefined;
    const changes = this.#changes;
    if (changes.full) {
      changes.reset();
      return this.#readPage();
    }
    const parts = changes.topmost().filter(isReadable);
    const sweep = changes.removed;
    changes.reset();
    const removed: PageMatch[] = sweep ? this.#index.sweep() : [];
    const roots: Node[] = [];
    let walker: BlockWalker | undefined;
    const added: PageMatch[] = [];
    await runSliced((deadline) => {
      while (performance.now() < deadline) {
        if (!walker) {
          const part = parts.shift() ?? roots.shift();
          if (!part) break;
          if (part instanceof Element) removed.push(...this.#index.forgetWithin(part));
          walker = this.#walker(part, added, roots);
        }
        if (walker.run(deadline)) walker = undefined;
      }
      this.#commit(added.splice(0), removed.splice(0));
      this.#explainer.checkStillThere();
      return !walker && parts.length === 0 && roots.length === 0;
    }, this.#ac.signal);
  }

  #scheduleReport(): void {
    clearTimeout(this.#timers.report);
    this.#timers.report = setTimeout(() => {
      this.#deps.reportTerms(new Set(this.#index.visible().map((m) => m.term)).size);
    }, REPORT_DELAY);
  }
}
