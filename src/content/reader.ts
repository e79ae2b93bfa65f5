/**
 * Reads the page into the match index and paints what it finds, then keeps up as the page
 * changes. A page opened scrolled down has the part in view read first; a large page's first read
 * is narrowed to the blocks that may hold a term (narrow.ts); everything, the first time and after
 * changes, goes through one drain loop that reads queued parts of the page in slices that never
 * block it.
 */
import type { Prefilter } from '../core/matcher/prefilter';
import { BlockWalker, isReadable } from './blocks';
import { Changes } from './changes';
import { readInView } from './in-view';
import type { MatchIndex, PageMatch } from './match-index';
import { Narrowing } from './narrow';
import type { Painter } from './painter';
import { ScanClock, type ScanStats } from './scan-clock';
import { afterFrame, pause, runSliced } from './schedule';
import { lastHeadingWithin, sectionOf, type SectionMemo } from './sections';
import { adoptHighlightStyles } from './shadow-styles';

export type { ScanStats };

export interface ReaderHooks {
  /** Painted ranges were added or removed. */
  onPainted: () => void;
  /** A part of the page was read again after a change (an open card may have lost its term). */
  onChangesRead: () => void;
  /** The first full read of the page is done (timings, for the benchmark build). */
  onScanned?: (stats: ScanStats) => void;
}

const CHANGE_DELAY = 120;
const CHANGE_MAX_WAIT = 1000;

/** What one pass of the drain loop works through. */
interface Drain {
  /** Parts of the page still to read; shadow roots found on the way join the queue. */
  parts: Node[];
  /** Matches that left the page, painted out with the next slice. */
  removed: PageMatch[];
  /** Parts changed since they were read: forget their matches before reading them again. */
  forget: boolean;
  /** Elements the part in view read whole, skipped by the walk. */
  readFirst?: Set<Element>;
  /** Wraps each slice (the benchmark build times them). */
  timed?: (slice: () => boolean) => boolean;
  /** The first read, narrowed to the blocks that may hold a term (see narrow.ts). */
  narrow?: Narrowing;
  /** A narrowed read is read again whole if it leaves an ambiguous term without its context. */
  narrowed?: boolean;
  /** The first read of a page: after its first slice, what it finds is painted at most every PAINT_EVERY_MS. */
  first?: boolean;
}

/**
 * Each change to the highlight makes the browser check every painted range again and repaint the
 * page: with Wikipedia "Osteoporosis"'s 358 terms a frame's paint took 7 ms instead of 0.4, and
 * painting after every slice of the first read cost the page about 20 ms of rendering (a trace of
 * its main thread). So the first read paints its first slice at once (the top of the page: what is
 * in view) and the rest when it ends, or this often on a page that takes long to read.
 */
const PAINT_EVERY_MS = 250;

export class PageReader {
  readonly #index: MatchIndex;
  readonly #painter: Painter;
  readonly #hooks: ReaderHooks;
  readonly #signal: AbortSignal;
  readonly #changes = new Changes();
  readonly #observer: MutationObserver;
  readonly #shadowRoots = new Set<ShadowRoot>();
  #scan: AbortController | undefined;
  #seenCount = 0;
  #changeTimer: ReturnType<typeof setTimeout> | undefined;
  #firstChangeAt = 0;
  /** Counts batches of page changes: remembered section headings hold until the next one. */
  #changeCount = 0;

  readonly #prefilter: (() => Prefilter | undefined) | undefined;

  /** `prefilter`: where phrases may start, for narrowing the first read (none: read everything). */
  constructor(
    index: MatchIndex,
    painter: Painter,
    hooks: ReaderHooks,
    signal: AbortSignal,
    prefilter?: () => Prefilter | undefined,
  ) {
    this.#index = index;
    this.#prefilter = prefilter;
    this.#painter = painter;
    this.#hooks = hooks;
    this.#signal = signal;
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    signal.addEventListener('abort', () => {
      this.#scan?.abort();
      this.#observer.disconnect();
      clearTimeout(this.#changeTimer);
      this.#shadowRoots.clear();
    });
  }

  /** The page's open shadow roots met so far (the hover hit test must name them). */
  get shadowRoots(): ShadowRoot[] {
    return [...this.#shadowRoots];
  }

  start(): void {
    this.#observe(document.documentElement);
    void this.#readPage();
  }

  /** Reads the whole page: the visible part at once, the rest in slices. */
  async #readPage(): Promise<void> {
    this.#scan?.abort();
    const scan = new AbortController();
    this.#scan = scan;
    this.#index.clear();
    this.#painter.clear();
    this.#seenCount = 0;
    // Timings are kept only in the benchmark build; the release build compiles them away (each use
    // asks __BENCH__ itself: the minifier does not follow `clock` across the awaits below).
    const clock = __BENCH__ ? new ScanClock(() => this.#painter.count) : undefined;
    let readFirst = new Set<Element>();
    // A page shown from its top is read from its top: what is in view comes first anyway. A page
    // scrolled down (a restored position, a link to a section) has the part in view read first,
    // found by hit tests; those would force a layout the page has not done yet (tens of ms on a
    // large page, charged to the extension), so they wait until a frame is rendered. Even then they
    // cost 5-12 ms on a large page, which a page at its top does not need to pay. A hidden page
    // shows nothing: it is read from the top.
    if (scrollY > innerHeight / 2 && (await afterFrame())) {
      if (scan.signal.aborted || this.#signal.aborted) return;
      const readVisible = () => {
        const seen = readInView(this.#index, this.shadowRoots, performance.now() + 20);
        this.#commit(seen.added, []);
        readFirst = seen.read;
        return true;
      };
      if (__BENCH__) clock!.time(readVisible);
      else readVisible();
      await pause();
    }
    const drain: Drain = {
      parts: [],
      removed: [],
      forget: false,
      readFirst,
      first: true,
      ...(__BENCH__ ? { timed: (slice: () => boolean) => clock!.time(slice) } : {}),
    };
    const body = document.body;
    // <body> is narrowed; anything else beside <head> (never read) is read as it is. A page
    // without a body (a frameset) is read whole.
    if (this.#prefilter && body) {
      drain.narrow = this.#narrowing(body, drain);
      drain.narrowed = true;
      for (let n = document.documentElement.firstChild; n; n = n.nextSibling)
        if (n !== body && n !== document.head) drain.parts.push(n);
    } else drain.parts.push(document.documentElement);
    const finished = await this.#drain(drain, AbortSignal.any([this.#signal, scan.signal]));
    if (__BENCH__ && finished) this.#hooks.onScanned?.(clock!.finish(this.#index.size));
  }

  /**
   * The one loop that reads queued parts of the page: each slice walks until its deadline, then
   * paints what it found and yields. Resolves true when the queue is empty, false if aborted.
   */
  #drain(d: Drain, signal: AbortSignal): Promise<boolean> {
    const added: PageMatch[] = [];
    let walker: BlockWalker | undefined;
    let next = 0; // parts are taken by index: shift() on thousands of parts is quadratic
    let memo: SectionMemo = new Map();
    let memoAt = this.#changeCount;
    let paintedAt = -Infinity;
    const slice = (deadline: number) => {
      // Sections are looked up afresh only if the page changed since the last slice: a part deep
      // in a long table looks back over thousands of rows for its heading, once per read, not once
      // per slice (WHATWG's 2,000-row tables cost 25 ms a read that way).
      const pending = this.#observer.takeRecords();
      if (pending.length) this.#onMutations(pending);
      if (memoAt !== this.#changeCount) {
        memo = new Map();
        memoAt = this.#changeCount;
      }
      while (performance.now() < deadline) {
        if (d.narrow) {
          if (!d.narrow.run(deadline)) break;
          d.narrow = undefined;
        }
        if (!walker) {
          if (next >= d.parts.length && d.narrowed && this.#index.hasUnseenAmbiguous()) {
            // Context words were not looked for: read the whole page closely once.
            d.narrowed = false;
            d.parts.push(document.documentElement);
          }
          if (next >= d.parts.length) break;
          const part = d.parts[next++]!;
          if (d.forget && part instanceof Element) d.removed.push(...this.#index.forgetWithin(part));
          walker = this.#walker(part, added, d.parts, memo, d.readFirst);
        }
        if (walker.run(deadline)) walker = undefined;
      }
      const done = !d.narrow && !walker && next >= d.parts.length;
      // A walker outlives its slice: what it found in this one is painted now (see PAINT_EVERY_MS).
      const now = performance.now();
      if (!d.first || done || now - paintedAt >= PAINT_EVERY_MS) {
        if (added.length || d.removed.length) paintedAt = now;
        this.#commit(added.splice(0), d.removed.splice(0));
      }
      if (d.forget) this.#hooks.onChangesRead();
      return done;
    };
    return runSliced(d.timed ? (deadline) => d.timed!(() => slice(deadline)) : slice, signal);
  }

  #narrowing(body: HTMLElement, d: Drain): Narrowing {
    return new Narrowing(body, this.#prefilter!, {
      onContainer: (el) => {
        if (!d.readFirst?.has(el)) d.parts.push(el);
      },
      onDense: () => {
        // The body is read closely whole (what lies beside it is queued already): context words
        // are seen as before.
        d.narrowed = false;
        d.parts.push(body);
      },
      onShadowRoot: (sr) => this.#addShadowRoot(sr, d.parts),
    });
  }

  #addShadowRoot(sr: ShadowRoot, queue: Node[]): void {
    if (this.#shadowRoots.has(sr)) return;
    this.#shadowRoots.add(sr);
    this.#observe(sr);
    queue.push(sr);
  }

  #walker(root: Node, added: PageMatch[], queue: Node[], memo: SectionMemo, readAlready?: Set<Element>): BlockWalker {
    let heading = sectionOf(root, memo);
    return new BlockWalker(root, {
      onBlock: (b) => added.push(...this.#index.readBlock(b, heading)),
      skipBlock: (first) => this.#index.hasBlockStart(first),
      ...(readAlready?.size
        ? {
            skipSubtree: (el: Element) => {
              if (!readAlready.has(el)) return false;
              heading = lastHeadingWithin(el) ?? heading;
              return true;
            },
          }
        : {}),
      onShadowRoot: (sr) => this.#addShadowRoot(sr, queue),
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
    // A term in a shadow root was read from one met on the way: without any, no term asks.
    if (this.#shadowRoots.size)
      for (const m of shown) {
        const root = m.range.startContainer.getRootNode();
        if (root instanceof ShadowRoot) adoptHighlightStyles(root);
      }
    if (shown.length || removed.length) this.#hooks.onPainted();
  }

  #observe(root: Node): void {
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  #onMutations(records: MutationRecord[]): void {
    this.#changes.record(records);
    if (this.#changes.empty) return;
    this.#changeCount++;
    const now = performance.now();
    if (!this.#changeTimer) this.#firstChangeAt = now;
    clearTimeout(this.#changeTimer);
    // Debounced, but a page that never stops changing is still read at least once a second.
    const wait = now - this.#firstChangeAt > CHANGE_MAX_WAIT ? 0 : CHANGE_DELAY;
    this.#changeTimer = setTimeout(() => void this.#readChanges(), wait);
  }

  /** Reads again the parts of the page that changed. */
  async #readChanges(): Promise<void> {
    this.#changeTimer = undefined;
    const changes = this.#changes;
    if (changes.full) {
      changes.reset();
      return this.#readPage();
    }
    const readable = new Map<Element, boolean>();
    const parts: Node[] = changes.topmost().filter((el) => isReadable(el, readable));
    const sweep = changes.removed;
    changes.reset();
    const removed = sweep ? this.#index.sweep() : [];
    // On a busy feed the above takes a few ms (thousands of parts, every match checked): the page
    // runs before the first slice of reading, not after it in the same task.
    await pause(); // the drain stops at once if the reader was stopped meanwhile
    await this.#drain({ parts, removed, forget: true }, this.#signal);
  }
}
