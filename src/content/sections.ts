/**
 * What makes a heading and a section: "first per section" paints one occurrence of a term under
 * each heading, so a match remembers the heading it follows. The walker and the index both ask here.
 */

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6';

export function isHeading(el: Element | null): boolean {
  return !!el && HEADINGS.has(el.localName);
}

/** The last heading inside `el`, if any. */
export function lastHeadingWithin(el: Element): Element | null {
  const inside = el.querySelectorAll(HEADING_SELECTOR);
  return inside.length ? inside[inside.length - 1]! : null;
}

/** The heading that precedes `el` in document order (searching at most a few thousand elements). */
export function precedingHeading(el: Element): Element | null {
  let n: Element | null = el;
  for (let steps = 0; n && steps < 2000; steps++) {
    if (isHeading(n)) return n;
    const prev: Element | null = n.previousElementSibling;
    if (prev) {
      const inside = lastHeadingWithin(prev);
      if (inside) return inside;
      n = prev;
    } else n = n.parentElement;
  }
  return null;
}

/** The section a part of the page starts in: the heading before it (null at the top of the page). */
export function sectionOf(root: Node): Element | null {
  if (root instanceof ShadowRoot) return precedingHeading(root.host);
  if (root instanceof Element && root !== root.ownerDocument.documentElement) return precedingHeading(root);
  return null;
}
