/**
 * Reads a page as blocks of text: the text nodes of one block element and its inline descendants,
 * in order, so that a term split by <b>, <a> or <span> is read whole, and no phrase runs from one
 * paragraph into the next. Plain sibling traversal, no TreeWalker filter callback: a JS filter
 * made the walk ten times slower on large pages (see PERFORMANCE-NOTES).
 */

/** Elements whose text is not reading text, or is the user's to edit. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'head',
  'title',
  'math',
  'button',
  'plao-lens',
]);

/** Elements laid out inline in text; a term may continue through them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'o:p',
  'tspan',
  'textpath',
]);

export const Kind = { Skip: 0, Inline: 1, Block: 2 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** The tag name of the extension's own host element, never read. */
export const HOST_TAG = 'plao-lens';

export function classify(el: Element): Kind {
  const name = el.localName;
  if (SKIP.has(name)) return Kind.Skip;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return Kind.Skip;
  return INLINE.has(name) ? Kind.Inline : Kind.Block;
}

export interface TextBlock {
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
  text: string;
}

function makeBlock(nodes: Text[]): TextBlock {
  const starts: number[] = new Array<number>(nodes.length);
  let at = 0;
  let text = '';
  for (let i = 0; i < nodes.length; i++) {
    starts[i] = at;
    const d = nodes[i]!.data;
    text += d;
    at += d.length;
  }
  return { nodes, starts, text };
}

/**
 * Calls `onBlock` for every block of text under `root` (itself included when it is a text node),
 * and `onShadowRoot` for every open shadow root met on the way.
 */
export function readBlocks(
  root: Node,
  onBlock: (block: TextBlock) => void,
  onShadowRoot: (root: ShadowRoot) => void,
): void {
  let cur: Text[] = [];
  const flush = () => {
    if (cur.length) onBlock(makeBlock(cur));
    cur = [];
  };
  if (root.nodeType === Node.TEXT_NODE) {
    cur.push(root as Text);
    flush();
    return;
  }
  let node: Node | null = root.firstChild;
  outer: while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      if ((node as Text).data.length) cur.push(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const kind = classify(el);
      if (kind !== Kind.Inline) flush();
      if (kind !== Kind.Skip) {
        if (el.shadowRoot) onShadowRoot(el.shadowRoot);
        if (el.firstChild) {
          node = el.firstChild;
          continue;
        }
      }
    }
    // Move on: the next sibling, or climb, closing blocks on the way up.
    for (;;) {
      if (node === root) break outer;
      const sib: Node | null = node.nextSibling;
      if (sib) {
        node = sib;
        continue outer;
      }
      node = node.parentNode;
      if (!node || node === root) break outer;
      if (node.nodeType === Node.ELEMENT_NODE && classify(node as Element) !== Kind.Inline) flush();
    }
  }
  flush();
}
