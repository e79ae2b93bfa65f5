/**
 * Keeps in a highlight only the painted terms near the viewport. Chromium works out every range
 * of the highlight registry again after any change to the page (a DOM change marks them all
 * stale), so on a living page with thousands of painted terms every frame paid for all of them:
 * a feed that kept growing ran its own timers 41–58 ms late at the 95th percentile. The reader still finds every
 * term; only the highlight is narrowed.
 *
 * One IntersectionObserver watches the element each term's text sits in (one entry per element,
 * however many terms it holds), with a margin of a viewport and a half above and below, so a
 * scroll finds its terms painted already. The browser does the geometry off our script.
 */
import type { PageMatch } from './match-index';
import { DOCUMENT_FRAGMENT_NODE } from './node-type';

const MARGIN = '150% 0px';

/**
 * Beyond this many painted terms only those near the viewport are in the highlight. Below it (nearly
 * every page: the seed article has 43, Wikipedia's "Osteoporosis" 358) the highlight holds them all.
 */
export const NEAR_VIEW_AFTER = 500;

/** The element whose box holds the start of the match: its text's parent, or its shadow root's host. */
function elementOf(m: PageMatch): Element | null {
  const parent = m.range.startContainer.parentNode;
  // A fragment parent is a shadow root (a detached fragment has no host): cheaper than instanceof.
  return parent?.nodeType === DOCUMENT_FRAGMENT_NODE
    ? ((parent as ShadowRoot).host ?? null)
    : (parent as Element | null);
}

/** An element with no box of its own (`display: contents`) never intersects, though its text shows. */
function boxless(e: IntersectionObserverEntry): boolean {
  const b = e.boundingClientRect;
  return b.width === 0 && b.height === 0 && e.target.isConnected;
}

export class NearView {
  readonly #highlight: Highlight;
  readonly #byElement = new Map<Element, Set<PageMatch>>();
  /** Each match's element as it was when painted: its text may be moved before it is removed. */
  readonly #elementOf = new Map<PageMatch, Element>();
  /** Elements the observer last saw near the viewport (or with no box: always near). */
  readonly #near = new Set<Element>();
  /** Elements whose ranges the highlight held when the painter handed over, until first seen. */
  readonly #unsure: Set<Element>;
  readonly #observer: IntersectionObserver;

  /** Takes over `painted`, whose ranges `highlight` holds: the first look at the viewport takes away those far from it. */
  constructor(highlight: Highlight, painted: Iterable<PageMatch>) {
    this.#highlight = highlight;
    this.#observer = new IntersectionObserver((entries) => this.#seen(entries), { rootMargin: MARGIN });
    for (const m of painted) this.add(m);
    this.#unsure = new Set(this.#byElement.keys());
  }

  add(m: PageMatch): void {
    const el = elementOf(m);
    if (!el) return;
    this.#elementOf.set(m, el);
    let set = this.#byElement.get(el);
    if (!set) {
      this.#byElement.set(el, (set = new Set()));
      this.#observer.observe(el);
    }
    set.add(m);
    // A new element is painted when the observer first reports it (the next frame).
    if (this.#near.has(el)) this.#highlight.add(m.range);
  }

  remove(m: PageMatch): void {
    const el = this.#elementOf.get(m);
    if (!el) return;
    this.#elementOf.delete(m);
    if (this.#near.has(el) || this.#unsure.has(el)) this.#highlight.delete(m.range);
    const set = this.#byElement.get(el)!;
    set.delete(m);
    if (set.size) return;
    this.#byElement.delete(el);
    this.#near.delete(el);
    this.#unsure.delete(el);
    this.#observer.unobserve(el);
  }

  /** Stops watching; the painter drops this object with the ranges it held. */
  stop(): void {
    this.#observer.disconnect();
  }

  #seen(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const el = e.target;
      const set = this.#byElement.get(el);
      if (!set) continue;
      const was = this.#near.has(el);
      // The box is asked for only on an element's first report: one that was near and leaves is far.
      const near = e.isIntersecting || (!was && boxless(e));
      const held = this.#unsure.delete(el) || was;
      if (near && !was) {
        this.#near.add(el);
        for (const m of set) this.#highlight.add(m.range);
      } else if (!near) {
        this.#near.delete(el);
        if (held) for (const m of set) this.#highlight.delete(m.range);
      }
    }
  }
}
