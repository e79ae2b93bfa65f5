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
import { matchAt, trackPointer } from './hover';
import { Painter } from './painter';
import { PopoverHost } from './popover';
import { MatchIndex, precedingHeading, type PageMatch } from './scanner';
import { runSliced } from './schedule';

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
const HIDE_GRACE = 400;
const REPORT_DELAY = 250;

export class Lens {
  private readonly ac = new AbortController();
  private readonly index: MatchIndex;
  private readonly painter: Painter;
  private readonly popover: PopoverHost;
  private readonly changes = new Changes();
  private readonly observer: MutationObserver;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private scan: AbortController | undefined;
  private settings: Settings;
  private shown: PageMatch | null = null;
  /** The match whose popover is about to open (its card may still be on its way). */
  private pending: PageMatch | null = null;
  private readonly cards = new Map<number, Promise<TermCard | undefined>>();
  private pointerInPopover = false;
  private seenCount = 0;
  private timers: Partial<Record<'dwell' | 'hide' | 'change' | 'report', ReturnType<typeof setTimeout>>> = {};
  private firstChangeAt = 0;

  constructor(private readonly deps: LensDeps) {
    this.index = new MatchIndex(new Matcher(deps.matcher));
    this.settings = deps.settings;
    this.painter = new Painter(deps.settings.displayMode);
    this.popover = new PopoverHost({
      onPointerInside: (inside) => {
        this.pointerInPopover = inside;
        if (inside) clearTimeout(this.timers.hide);
        else this.scheduleHide();
      },
    });
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    const { signal } = this.ac;
    trackPointer(
      signal,
      (x, y) => matchAt(this.index, x, y, [...this.shadowRoots]),
      (m, target) => this.onHover(m, target),
    );
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.popover.isOpen) this.hidePopover();
      },
      { capture: true, signal },
    );
    this.observe(document.documentElement);
    void this.readPage();
  }

  updateSettings(settings: Settings): void {
    const mode = settings.displayMode !== this.settings.displayMode;
    this.settings = settings;
    if (mode) this.painter.setMode(settings.displayMode, this.index.visible());
  }

  /** The terms the page shows, with how often each occurs. */
  pageTerms(): PageTerm[] {
    const counts = new Map<number, number>();
    for (const m of this.index.visible()) counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
    return [...counts]
      .map(([term, count]) => ({ id: this.deps.matcher.terms[term]!, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  destroy(): void {
    this.ac.abort();
    this.scan?.abort();
    this.observer.disconnect();
    for (const t of Object.values(this.timers)) clearTimeout(t);
    this.painter.clear();
    this.popover.destroy();
    this.index.clear();
    this.shadowRoots.clear();
    this.shown = null;
  }

  /** Reads the whole page: the visible part at once, the rest in slices. */
  private async readPage(): Promise<void> {
    this.scan?.abort();
    const scan = new AbortController();
    this.scan = scan;
    const signal = AbortSignal.any([this.ac.signal, scan.signal]);
    this.index.clear();
    this.painter.clear();
    this.seenCount = 0;
    const t0 = performance.now();
    const stats: ScanStats = { work: 0, wall: 0, firstPaint: -1, matches: 0, slices: 0, longestSlice: 0 };
    const timed = (fn: () => boolean) => {
      const s = performance.now();
      const done = fn();
      const d = performance.now() - s;
      stats.work += d;
      stats.slices++;
      stats.longestSlice = Math.max(stats.longestSlice, d);
      if (stats.firstPaint < 0 && this.painter.count > 0) stats.firstPaint = performance.now() - t0;
      return done;
    };
    timed(() => {
      this.readVisible();
      return true;
    });
    const roots: Node[] = [document.documentElement];
    let walker: BlockWalker | undefined;
    const finished = await runSliced(
      (deadline) =>
        timed(() => {
          const added: PageMatch[] = [];
          while (performance.now() < deadline) {
            if (!walker) {
              const root = roots.shift();
              if (!root) break;
              walker = this.walker(root, added, roots);
            }
            if (walker.run(deadline)) walker = undefined;
          }
          this.commit(added, []);
          return !walker && roots.length === 0;
        }),
      signal,
    );
    if (!finished) return;
    stats.wall = performance.now() - t0;
    stats.matches = this.index.size;
    this.deps.onScanned?.(stats);
  }

  /** Reads the blocks in view now, so the reader sees painted terms before the rest is read. */
  private readVisible(): void {
    const added: PageMatch[] = [];
    const containers = new Set<Element>();
    const w = innerWidth;
    const h = innerHeight;
    for (let row = 1; row < 8; row++) {
      for (const col of [0.25, 0.5, 0.75]) {
        const el = document.elementFromPoint(w * col, (h * row) / 8);
        const c = el && blockContainer(el);
        if (c && c !== document.body && c !== document.documentElement && isReadable(c)) containers.add(c);
      }
    }
    for (const c of containers) {
      let heading = precedingHeading(c);
      new BlockWalker(c, {
        onBlock: (b) => added.push(...this.index.readBlock(b, heading)),
        onShadowRoot: () => undefined, // read with the rest of the page
        onHeading: (el) => (heading = el),
      }).run();
    }
    this.commit(added, []);
  }

  private walker(root: Node, added: PageMatch[], roots: Node[]): BlockWalker {
    let heading: Element | null =
      root instanceof ShadowRoot
        ? precedingHeading(root.host)
        : root instanceof Element && root !== document.documentElement
          ? precedingHeading(root)
          : null;
    return new BlockWalker(root, {
      onBlock: (b) => {
        if (!this.index.hasBlock(b)) added.push(...this.index.readBlock(b, heading));
      },
      onShadowRoot: (sr) => {
        if (this.shadowRoots.has(sr)) return;
        this.shadowRoots.add(sr);
        this.observe(sr);
        roots.push(sr);
      },
      onHeading: (el) => (heading = el),
    });
  }

  /** Paints what was read and forgets what left the page. */
  private commit(added: PageMatch[], removed: PageMatch[]): void {
    if (removed.length) this.painter.remove(removed);
    if (this.index.seen.size !== this.seenCount) {
      // New context on the page: ambiguous matches read earlier may now show.
      this.seenCount = this.index.seen.size;
      this.painter.add(this.index.visible().filter((m) => m.ambiguous));
    }
    const shown = added.filter((m) => this.index.shows(m));
    this.painter.add(shown);
    if (shown.length || removed.length) this.scheduleReport();
  }

  private observe(root: Node): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    this.changes.record(records);
    if (this.changes.empty) return;
    const now = performance.now();
    if (!this.timers.change) this.firstChangeAt = now;
    clearTimeout(this.timers.change);
    // Debounced, but a page that never stops changing is still read at least once a second.
    const wait = now - this.firstChangeAt > CHANGE_MAX_WAIT ? 0 : CHANGE_DELAY;
    this.timers.change = setTimeout(() => void this.readChanges(), wait);
  }

  /** Reads again the parts of the page that changed. */
  private async readChanges(): Promise<void> {
    this.timers.change = undefined;
    const changes = this.changes;
    if (changes.full) {
      changes.reset();
      return this.readPage();
    }
    const parts = changes.topmost().filter(isReadable);
    const sweep = changes.removed;
    changes.reset();
    const removed: PageMatch[] = sweep ? this.index.sweep() : [];
    const roots: Node[] = [];
    let walker: BlockWalker | undefined;
    await runSliced((deadline) => {
      const added: PageMatch[] = [];
      while (performance.now() < deadline) {
        if (!walker) {
          const part = parts.shift() ?? roots.shift();
          if (!part) break;
          if (part instanceof Element) removed.push(...this.index.forgetWithin(part));
          walker = this.walker(part, added, roots);
        }
        if (walker.run(deadline)) walker = undefined;
      }
      this.commit(added, removed.splice(0));
      if (this.shown && !this.shown.range.startContainer.isConnected) this.hidePopover();
      return !walker && parts.length === 0 && roots.length === 0;
    }, this.ac.signal);
  }

  private scheduleReport(): void {
    clearTimeout(this.timers.report);
    this.timers.report = setTimeout(() => {
      this.deps.reportTerms(new Set(this.index.visible().map((m) => m.term)).size);
    }, REPORT_DELAY);
  }

  private onHover(m: PageMatch | null, target: EventTarget | null): void {
    clearTimeout(this.timers.dwell);
    this.pending = null;
    if (m) {
      clearTimeout(this.timers.hide);
      if (m === this.shown) return;
      void this.card(m.term); // fetched during the dwell, so showing costs no wait
      this.timers.dwell = setTimeout(() => void this.showFor(m), this.settings.popoverDelay);
    } else if (this.popover.isOpen && !this.popover.contains(target)) {
      this.scheduleHide();
    }
  }

  private card(term: number): Promise<TermCard | undefined> {
    let card = this.cards.get(term);
    if (!card) {
      card = this.deps.getCard(this.deps.matcher.terms[term]!).catch(() => undefined);
      this.cards.set(term, card);
      // A background that was restarting answers nothing: ask again next time.
      void card.then((c) => c || this.cards.delete(term));
    }
    return card;
  }

  private async showFor(m: PageMatch, focus = false): Promise<void> {
    this.pending = m;
    const card = await this.card(m.term);
    if (this.pending !== m || !card || !m.range.startContainer.isConnected || this.ac.signal.aborted) return;
    this.pending = null;
    this.shown = m;
    const { article, section } = card.guide;
    this.popover.show({
      card,
      anchor: m.range,
      guideHref: this.deps.guideHref(article, section),
      onOpenGuide: () => this.deps.openGuide(article, section),
      focus,
    });
  }

  private scheduleHide(): void {
    clearTimeout(this.timers.hide);
    this.timers.hide = setTimeout(() => {
      if (!this.pointerInPopover && !this.popover.hasFocus()) this.hidePopover();
    }, HIDE_GRACE);
  }

  private hidePopover(): void {
    this.popover.hide();
    this.shown = null;
  }
}
