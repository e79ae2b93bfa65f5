/**
 * Functions that run inside the tested pages (passed to evaluate). Some pages break
 * Array.prototype.push, map and filter, and Playwright then returns arrays and objects from the
 * page world as [] and {}: so these functions use plain loops and index writes, and return JSON.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PopoverState {
  /** The host is in the document and displayed. */
  shown: boolean;
  connected: boolean;
  /** In the top layer (`:popover-open`). */
  topLayer: boolean;
  text: string;
  box: Box | null;
  /** What the page's elementFromPoint finds at the popover's centre and four inset corners. */
  atPoints: string[];
  hostPosition: string;
  background: string;
}

/**
 * The text of every painted range, in registry order, as JSON. Above 500 terms the highlight holds
 * only those near the viewport (src/content/near-view.ts); the test build keeps every painted term
 * in `plao-lens-shown` too, and that whole set is what is compared with the page.
 */
export function paintedJson(): string {
  const out: string[] = [];
  const h = CSS.highlights.get('plao-lens-shown') ?? CSS.highlights.get('plao-lens');
  const live = (s: AbstractRange) => {
    const l = new Range();
    l.setStart(s.startContainer, s.startOffset);
    l.setEnd(s.endContainer, s.endOffset);
    return l;
  };
  if (h) for (const r of h as unknown as Iterable<AbstractRange>) out[out.length] = live(r).toString();
  return JSON.stringify(out);
}

/** The first painted range whose text is `text`, scrolled into view: its box, as JSON ('null' if none). */
export function termBox(text: string): string {
  const h = CSS.highlights.get('plao-lens');
  if (!h) return 'null';
  const live = (s: AbstractRange) => {
    const l = new Range();
    l.setStart(s.startContainer, s.startOffset);
    l.setEnd(s.endContainer, s.endOffset);
    return l;
  };
  for (const s of h as unknown as Iterable<AbstractRange>) {
    const r = live(s);
    if (r.toString() !== text) continue;
    const el = r.startContainer.parentElement;
    if (el && r.getBoundingClientRect().top > innerHeight - 60) el.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    if (!b) return 'null';
    return JSON.stringify({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
  }
  return 'null';
}

/** What the page (and the person) can see of the popover, as JSON. */
export function popoverJson(): string {
  const host = document.querySelector('plao-lens');
  const state: PopoverState = {
    shown: false,
    connected: !!host,
    topLayer: false,
    text: '',
    box: null,
    atPoints: [],
    hostPosition: '',
    background: '',
  };
  if (!(host instanceof HTMLElement)) return JSON.stringify(state);
  const css = getComputedStyle(host);
  state.hostPosition = css.position;
  state.shown = css.display !== 'none';
  try {
    state.topLayer = host.matches(':popover-open');
  } catch {
    state.topLayer = false;
  }
  const pop = host.shadowRoot?.querySelector('.popover');
  if (state.shown && pop) {
    state.text = host.shadowRoot?.textContent ?? '';
    state.background = getComputedStyle(pop).backgroundColor;
    const b = pop.getBoundingClientRect();
    state.box = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    const points = [
      [(b.left + b.right) / 2, (b.top + b.bottom) / 2],
      [b.left + 12, b.top + 12],
      [b.right - 12, b.top + 12],
      [b.left + 12, b.bottom - 12],
      [b.right - 12, b.bottom - 12],
    ];
    for (const [x, y] of points)
      state.atPoints[state.atPoints.length] = document.elementFromPoint(x!, y!)?.localName ?? '';
  }
  return JSON.stringify(state);
}

/**
 * Painted ranges that are detached, collapsed, out of their text's bounds (a StaticRange left
 * over from text that changed), or lie inside `selector`, as JSON.
 */
export function strayRanges(selector: string): string {
  const out: string[] = [];
  const real = CSS.highlights.get('plao-lens');
  const all = CSS.highlights.get('plao-lens-shown');
  const length = (n: Node) => (n.nodeType === Node.TEXT_NODE ? (n as Text).length : n.childNodes.length);
  // What is painted, and every term the painter counts as shown (the test build's mirror).
  const ranges = new Set([...((real ?? []) as Iterable<AbstractRange>), ...((all ?? []) as Iterable<AbstractRange>)]);
  // Painted is a part of shown. (All of it on a page that never passed 500 terms; once past, the
  // painter keeps to the viewport even if the page shrinks, so the sizes are not compared here:
  // the tests on smaller pages read the real highlight itself.)
  if (real && all) {
    for (const s of real as unknown as Iterable<AbstractRange>) if (!all.has(s)) out[out.length] = 'painted, not shown';
  }
  for (const s of ranges) {
    const el = s.startContainer.parentElement;
    if (!s.startContainer.isConnected || !s.endContainer.isConnected) out[out.length] = 'detached';
    else if (s.startOffset > length(s.startContainer) || s.endOffset > length(s.endContainer))
      out[out.length] = 'stale offsets';
    else if (s.collapsed) out[out.length] = 'collapsed';
    else if (selector && el?.closest(selector)) {
      const r = new Range();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      out[out.length] = `inside ${selector}: ${r.toString()}`;
    }
  }
  return JSON.stringify(out);
}

/** The painted texts that the page says it shows: every connected [data-terms] element's list, as JSON. */
export function expectedTermsJson(): string {
  const out: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-terms]')) {
    const terms = el.dataset.terms ?? '';
    if (!terms) continue;
    for (const t of terms.split('|')) out[out.length] = t;
  }
  return JSON.stringify(out);
}
