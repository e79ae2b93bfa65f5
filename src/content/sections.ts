/**
 * What makes a heading and a section: "first per section" paints one occurrence of a term under
 * each heading, so a match remembers the heading it follows. The walker and the index both ask here.
 */

const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6';
const HEADINGS = new Set(HEADING_SELECTOR.split(','));

/** Whether a tag name is a heading's: the walker asks once per name it meets. */
export function isHeadingName(name: string): boolean {
  return HEADINGS.has(name);
}

export function isHeading(el: Element | null): boolean {
  return !!el && isHeadingName(el.localName);
}

/** The last heading inside `el`, if any. */
export function lastHeadingWithin(el: Element): Element | null {
  if (!el.firstElementChild) return null; // most elements on the way are leaves: no query for them
  const inside = el.querySelectorAll(HEADING_SELECTOR);
  return inside.length ? inside[inside.length - 1]! : null;
}

/**
 * Remembered answers of `precedingHeading` for one pass over an unchanging page: the parts a
 * feed adds are siblings, and each one's search would otherwise walk back over all the others.
 */
export type SectionMemo = Map<Element, Element | null>;

/** The heading that precedes `el` in document order (searching at most a few thousand elements). */
export function precedingHeading(el: Element, memo?: SectionMemo): Element | null {
  const passed: Element[] = [];
  let found: Element | null = null;
  let n: Element | null = el;
  for (let steps = 0; n && steps < 2000; steps++) {
    const known = memo?.get(n);
    if (known !== undefined) {
      found = known;
      break;
    }
    passed.push(n);
    if (isHeading(n)) {
      found = n;
      break;
    }
    const prev: Element | null = n.previousElementSibling;
    if (prev) {
      const inside = lastHeadingWithin(prev);
      if (inside) {
        found = inside;
        break;
      }
      n = prev;
    } else n = n.parentElement;
  }
  if (memo) for (const p of passed) memo.set(p, found);
  return found;
}

/** The section a part of the page starts in: the heading before it (null at the top of the page). */
export function sectionOf(root: Node, memo?: SectionMemo): Element | null {
  if (root instanceof ShadowRoot) return precedingHeading(root.host, memo);
  if (root instanceof Element && root !== root.ownerDocument.documentElement) return precedingHeading(root, memo);
  return null;
}
