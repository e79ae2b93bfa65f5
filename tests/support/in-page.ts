/**
 * Functions that run inside the tested page (passed to evaluate). They read only what any page
 * can: the highlight registry, the DOM, and the popover's shadow root, which the test build opens.
 * The extension paints StaticRanges: a live Range over one (its text, its rects) is made in place,
 * as each function is sent to the page alone and cannot call a helper.
 */

/** The text of every painted range, in order. */
export function paintedTexts(): string[] {
  const h = CSS.highlights.get('plao-lens');
  const live = (s: AbstractRange) => {
    const l = new Range();
    l.setStart(s.startContainer, s.startOffset);
    l.setEnd(s.endContainer, s.endOffset);
    return l;
  };
  return h ? [...(h as unknown as Iterable<AbstractRange>)].map((r) => live(r).toString()) : [];
}

/** The text of every range painted in the iframe `#id` (same origin), or null while it has none. */
export function framePaintedTexts(id: string): string[] | null {
  const w = (document.getElementById(id) as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
  const h = w.CSS.highlights.get('plao-lens');
  const text = (s: AbstractRange) => {
    const l = new w.Range();
    l.setStart(s.startContainer, s.startOffset);
    l.setEnd(s.endContainer, s.endOffset);
    return l.toString();
  };
  return h ? [...(h as unknown as Iterable<AbstractRange>)].map(text) : null;
}

/** Centre of the first painted range whose text equals `text` (case-insensitive), scrolled into view. */
export function centreOfPainted(text: string): { x: number; y: number } | null {
  const h = CSS.highlights.get('plao-lens');
  if (!h) return null;
  const live = (s: AbstractRange) => {
    const l = new Range();
    l.setStart(s.startContainer, s.startOffset);
    l.setEnd(s.endContainer, s.endOffset);
    return l;
  };
  for (const s of h as unknown as Iterable<AbstractRange>) {
    const r = live(s);
    if (r.toString().toLowerCase() === text.toLowerCase()) {
      (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (!rect) return null;
      return { x: rect.left + Math.min(rect.width / 2, 8), y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** The popover's text when it is shown, or null. */
export function popoverText(): string | null {
  const host = document.querySelector<HTMLElement>('plao-lens');
  if (!host?.shadowRoot) return null;
  if (getComputedStyle(host).display === 'none') return null;
  return host.shadowRoot.textContent;
}

/** Bounding box of an element inside the popover. */
export function popoverBox(selector: string): { x: number; y: number; width: number; height: number } | null {
  const host = document.querySelector<HTMLElement>('plao-lens');
  const el = host?.shadowRoot?.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** How many ranges are painted on the page. */
export function paintedCount(): number {
  return CSS.highlights.get('plao-lens')?.size ?? 0;
}

/** Whether the popover host is on the page and shown (displayed, in the top layer), as the page can read it. */
export function popoverShown(): boolean {
  const host = document.querySelector('plao-lens');
  return !!host && host.matches(':popover-open') && getComputedStyle(host).display !== 'none';
}
