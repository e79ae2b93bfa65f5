/**
 * Reads a page as blocks of text: the text nodes of one block element and its inline descendants,
 * in order, so that a term split by <b>, <a> or <span> is read whole, and no phrase runs from one
 * paragraph into the next. Plain sibling traversal, no TreeWalker filter callback: a JS filter
 * made the walk ten times slower on large pages (see PERFORMANCE-NOTES).
 */
import { isHeading } from './sections';

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

/** Whether an element is the extension's host (`plao-lens`, or the fallback name, see surface/shadow-host.ts). */
export function isHost(el: Element): boolean {
  return el.localName === HOST_TAG || el.localName.startsWith(HOST_TAG + '-');
}

export function classify(el: Element): Kind {
  const name = el.localName;
  if (SKIP.has(name) || isHost(el)) return Kind.Skip;
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

/** The nearest ancestor that is not an inline element: the element a block of text belongs to. */
export function blockContainer(node: Node): Element | null {
  let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && classify(el) === Kind.Inline) el = el.parentElement;
  return el;
}

export interface WalkHandlers {
  onBlock: (block: TextBlock) => void;
  onShadowRoot: (root: ShadowRoot) => void;
  /** A heading starts (its own text is the next block). */
  onHeading?: (heading: Element) => void;
  /** A block starting with this text node was read already: do not build it again. */
  skipBlock?: (first: Text) => boolean;
  /** This element's whole subtree was read already (the part in view, read first). */
  skipSubtree?: (el: Element) => boolean;
}

/** Whether text under `el` is reading text: neither `el` nor an ancestor is skipped. */
export function isReadable(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (classify(n) === Kind.Skip) return false;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? isReadable(root.host) : true;
}

/**
 * Walks the blocks of text under a root, in document order, and can stop and resume: `run` works
 * until its deadline and returns whether the walk is done. That is what lets a large page be read
 * in slices that never block it.
 */
export class BlockWalker {
  #node: Node | null;
  #cur: Text[] = [];
  /** The kinds of the elements between the root and the current node: no second classify on the way up. */
  #kinds: Kind[] = [];
  #done = false;
  /** A block was read since the clock was last looked at. */
  #read = false;

  readonly #root: Node;
  readonly #handlers: WalkHandlers;

  constructor(root: Node, handlers: WalkHandlers) {
    this.#root = root;
    this.#handlers = handlers;
    this.#node = root.nodeType === Node.TEXT_NODE ? root : root.firstChild;
  }

  /** Works until `deadline` (a performance.now() time); true when the whole root is read. */
  run(deadline = Infinity): boolean {
    if (this.#done) return true;
    const root = this.#root;
    // The page changed under a paused walk: start over; blocks already read are skipped by the index.
    if (this.#node && this.#node !== root && !root.contains(this.#node)) {
      this.#node = root.firstChild;
      this.#cur = [];
      this.#kinds = [];
    }
    if (root.nodeType === Node.TEXT_NODE) {
      this.#cur.push(root as Text);
      return this.#finish();
    }
    let node = this.#node;
    const kinds = this.#kinds;
    const skipSubtree = this.#handlers.skipSubtree;
    let steps = 0;
    outer: while (node) {
      // The clock is read every 256 nodes, and after every block read: one block of prose can
      // cost more than a whole slice on a slow phone.
      if (this.#read || (++steps & 255) === 0) {
        this.#read = false;
        if (performance.now() > deadline) {
          this.#node = node;
          return false;
        }
      }
      if (node.nodeType === Node.TEXT_NODE) {
        if ((node as Text).data.length) this.#cur.push(node as Text);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        const kind = classify(el);
        if (kind !== Kind.Inline) this.#flush();
        if (kind === Kind.Block && isHeading(el)) this.#handlers.onHeading?.(el);
        if (kind !== Kind.Skip && !(kind === Kind.Block && skipSubtree?.(el))) {
          if (el.shadowRoot) this.#handlers.onShadowRoot(el.shadowRoot);
          if (el.firstChild) {
            kinds.push(kind);
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
        if (kinds.pop() !== Kind.Inline) this.#flush();
      }
    }
    return this.#finish();
  }

  #flush(): void {
    const cur = this.#cur;
    if (cur.length && !this.#handlers.skipBlock?.(cur[0]!)) {
      this.#handlers.onBlock(makeBlock(cur));
      this.#read = true;
    }
    if (cur.length) this.#cur = [];
  }

  #finish(): true {
    this.#flush();
    this.#node = null;
    this.#done = true;
    return true;
  }
}

/** Reads every block under `root` at once. */
export function readBlocks(
  root: Node,
  onBlock: (block: TextBlock) => void,
  onShadowRoot: (root: ShadowRoot) => void,
): void {
  new BlockWalker(root, { onBlock, onShadowRoot }).run();
}
