/**
 * PLAO Lens on one page (one frame): its lifecycle, settings, and the reader's ways around the
 * terms (hover, tap, stepping, "show me this term"). Reading the page and keeping up with its
 * changes is the PageReader's. Everything it adds (listeners, observer, ranges, the popover host)
 * goes away with `destroy()`, one AbortController.
 */
import type { TermCard } from '../core/knowledge/types';
import { Matcher } from '../core/matcher/matcher';
import { Prefilter, type PrefilterSources } from '../core/matcher/prefilter';
import type { MatcherData } from '../core/matcher/types';
import type { PageTerm } from '../core/messages';
import type { Settings } from '../core/settings';
import { Explainer } from './explainer';
import { matchAt, onFirstIntent, trackPointer, trackTaps } from './hover';
import { liveRange, MatchIndex, type PageMatch } from './match-index';
import { flash, Painter } from './painter';
import { PageReader, type ScanStats } from './reader';

export type { ScanStats };

/** Made when first needed (a small page never needs it); a source that is not a RegExp is none. */
function prefilterFrom(sources: PrefilterSources): () => Prefilter | undefined {
  return () => {
    try {
      return new Prefilter(sources);
    } catch {
      return undefined;
    }
  };
}

export interface LensDeps {
  matcher: MatcherData;
  /** Where phrases may start, for narrowing a large page's first read (none: it is read whole). */
  prefilter?: PrefilterSources | undefined;
  /** The popover's card for a term id (from the background). */
  getCard: (id: string) => Promise<TermCard | undefined>;
  settings: Settings;
  guideHref: (article: string, section: string) => string;
  openGuide: (article: string, section: string) => void;
  reportTerms: (distinct: number) => void;
  /** Told when the first full read of the page is done (timings, for the benchmark build). */
  onScanned?: (stats: ScanStats) => void;
}

const REPORT_DELAY = 250;

export class Lens {
  readonly #ac = new AbortController();
  readonly #index: MatchIndex;
  readonly #painter: Painter;
  readonly #explainer: Explainer;
  readonly #reader: PageReader;
  #settings: Settings;
  /** Where keyboard stepping and "show me this term" last took the reader. */
  #lastRevealed: PageMatch | null = null;
  #reportTimer: ReturnType<typeof setTimeout> | undefined;
  #reported = -1;
  #prepared = false;
  /** The reader has moved the pointer over the page, touched it or pressed a key. */
  #used = false;

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
    this.#reader = new PageReader(
      this.#index,
      this.#painter,
      {
        onPainted: () => this.#scheduleReport(),
        onChangesRead: () => this.#explainer.checkStillThere(),
        ...(deps.onScanned ? { onScanned: deps.onScanned } : {}),
      },
      this.#ac.signal,
      deps.prefilter ? prefilterFrom(deps.prefilter) : undefined,
    );
  }

  start(): void {
    const { signal } = this.#ac;
    const find = (x: number, y: number) => matchAt(this.#index, x, y, this.#reader.shadowRoots);
    trackPointer(signal, find, (m, target) => this.#explainer.hover(m, target));
    trackTaps(signal, find, (m, target) => this.#explainer.tap(m, target));
    onFirstIntent(signal, () => {
      this.#used = true;
      this.#prepareWhenUsed();
    });
    this.#reader.start();
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
    clearTimeout(this.#reportTimer);
    this.#painter.clear();
    this.#explainer.destroy();
    this.#index.clear();
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
        const term = liveRange(m.range);
        return (
          range.compareBoundaryPoints(Range.END_TO_START, term) <= 0 &&
          range.compareBoundaryPoints(Range.START_TO_END, term) >= 0
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

  /**
   * A page with terms may be hovered: once the reader has shown a sign of using the page (the
   * pointer moving over it, a touch, a key) and terms are painted, build the card's host and render
   * the first term's card once out of sight, so the first hover pays only for showing and placing
   * the card. Not merely because a page loaded: one nobody points at (most of them, and every page
   * loaded in the background) never pays for it.
   */
  #prepareWhenUsed(): void {
    if (this.#prepared || !this.#used) return;
    const first = this.#index.visible()[0];
    if (!first) return;
    this.#prepared = true;
    const run = () => this.#explainer.prepare(first.term);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 150 });
    else setTimeout(run, 0);
  }

  #scheduleReport(): void {
    clearTimeout(this.#reportTimer);
    this.#reportTimer = setTimeout(() => {
      const visible = this.#index.visible();
      const distinct = new Set(visible.map((m) => m.term)).size;
      this.#prepareWhenUsed();
      // A living page repaints all the time; the badge needs a message only when its number changes.
      if (distinct === this.#reported) return;
      this.#reported = distinct;
      this.#deps.reportTerms(distinct);
    }, REPORT_DELAY);
  }
}
