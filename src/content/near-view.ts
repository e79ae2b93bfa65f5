/**
 * Keeps in a highlight only the painted terms near the viewport. Chromium works out every range
 * of the highlight registry again after any change to the page (a DOM change marks them all
 * stale), so on a living page with thousands of painted terms every frame paid for all of them:
 * a feed that kept growing held its own timers up by 100–200 ms. The reader still finds every
 * term; only the highlight is narrowed.
 *
 * One IntersectionObserver watches the element each term's text sits in (one entry per element,
 * however many terms it holds), with a margin of a viewport and a half above and below, so a
 * scroll finds its terms painted already. The browser does the geometry off our script.
 */
import type { PageMatch } from './match-index';

const MARGIN = '150% 0px';

/**
 * Beyond this many painted terms only those near the viewport are in the highlight. Below it (nearly
 * every page: the seed article has 43, Wikipedia's "Osteoporosis" 358) the highlight holds them all.
 */
export const NEAR_VIEW_AFTER = 500;

/** The element whose box holds the start of the match: its text's parent, or its shadow root's host. */
function elementOf(m: PageMatch): Element | null {
  const text = m.range.startContainer;
  const parent = text.parentNode;
  if (!parent) return null;
  return parent instanceof ShadowRoot ? parent.host : (parent as Element);
}

export class NearView {
  readonly #highlight: Highlight;
  readonly #byElement = new Map<Element, Set<PageMatch>>();
  /** Elements the observer last saw near the viewport (or without a box of their own, see #seen). */
  readonly #near = new Set<Element>();
  readonly #observer: IntersectionObserver;

  /** Starts from the ranges `highlight` holds: the first look at the viewport takes away those far from it. */
  constructor(highlight: Highlight) {
    this.#highlight = highlight;
    this.#observer = new IntersectionObserver((entries) => this.#seen(entries), { rootMargin: MARGIN });
  }

  add(m: PageMatch): void {
    const el = elementOf(m);
    if (!el) return;
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
    this.#highlight.delete(m.range);
    const el = elementOf(m);
    const set = el && this.#byElement.get(el);
    if (!el || !set?.delete(m) || set.size) return;
    this.#byElement.delete(el);
    this.#near.delete(el);
    this.#observer.unobserve(el);
  }

  stop(): void {
    this.#observer.disconnect();
    this.#byElement.clear();
    this.#near.clear();
  }

  #seen(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const el = e.target;
      const set = this.#byElement.get(el);
      if (!set) continue;
      // An element with no box (`display: contents`) never intersects, though its text shows:
      // its terms are always painted.
      const boxless = el.isConnected && e.boundingClientRect.width === 0 && e.boundingClientRect.height === 0;
      if (e.isIntersecting || boxless) {
        if (this.#near.has(el)) continue;
        this.#near.add(el);
        for (const m of set) this.#highlight.add(m.range);
      } else {
        this.#near.delete(el);
        for (const m of set) this.#highlight.delete(m.range);
      }
    }
  }
}
