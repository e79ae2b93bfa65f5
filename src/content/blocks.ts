/**
 * Reads a page as blocks of text: the text nodes of one block element and its inline descendants,
 * in order, so that a term split by <b>, <a> or <span> is read whole, and no phrase runs from one
 * paragraph into the next.
 */
import { ELEMENT_NODE, TEXT_NODE } from './node-type';
import { isHeadingName } from './sections';

/** Tag names written as one string: as a list of quoted strings they are a third longer in the script. */
function names(list: string): Set<string> {
  return new Set(list.split(' '));
}

/** Elements whose text is not reading text, or is the user's to edit. */
const SKIP = names(
  'script style noscript template textarea input select option code pre kbd samp iframe frame object embed canvas video audio img head title math button plao-lens',
);

/** Elements laid out inline in text; a term may continue through them. */
const INLINE = names(
  'a abbr b bdi bdo big cite data del dfn em font i ins label mark nobr q s small span strike strong sub sup time tt u var wbr o:p tspan textpath',
);

/** An enum, not an object: the build writes its members as plain numbers wherever they are used. */
export enum Kind {
  Skip = 0,
  Inline = 1,
  Block = 2,
}

/** The tag name of the extension's own host element, never read. */
export const HOST_TAG = 'plao-lens';

/** Whether an element is the extension's host (`plao-lens`, or the fallback name, see surface/shadow-host.ts). */
export function isHost(el: Element): boolean {
  return isHostName(el.localName);
}

function isHostName(name: string): boolean {
  return name === HOST_TAG || name.startsWith(HOST_TAG + '-');
}

/**
 * Elements that may have a shadow root besides custom elements (a hyphen in the name): the only
 * ones `attachShadow` (and declarative shadow DOM) accepts. Every other element's `shadowRoot` is
 * null, so the walk does not ask.
 */
const SHADOW_HOSTS = names('article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span');

/** What the walk needs to know of a tag name, packed: its kind, and two flags. */
const CAN_HOST = 4;
const HEADING = 8;
const TAGS = new Map<string, number>();

function tagBits(name: string): number {
  let bits = TAGS.get(name);
  if (bits === undefined) {
    const kind = SKIP.has(name) || isHostName(name) ? Kind.Skip : INLINE.has(name) ? Kind.Inline : Kind.Block;
    bits = kind | (SHADOW_HOSTS.has(name) || name.includes('-') ? CAN_HOST : 0) | (isHeadingName(name) ? HEADING : 0);
    // Tag names are few on any page, but a page could make up endless ones: do not grow for ever.
    if (TAGS.size < 2000) TAGS.set(name, bits);
  }
  return bits;
}

function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function classify(el: Element): Kind {
  const kind = (tagBits(el.localName) & 3) as Kind;
  return kind !== Kind.Skip && isEditable(el) ? Kind.Skip : kind;
}

export interface TextBlock {
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
  text: string;
}

/**
 * Whether a block's text is only white space: the line breaks between block elements in HTML
 * source (half the text nodes of the bench pages). Such a block holds no word, and building and
 * matching it cost as much as a short paragraph in code that is still cold.
 */
function isBlank(nodes: Text[]): boolean {
  for (const n of nodes) {
    const d = n.data;
    for (let i = 0; i < d.length; i++) {
      const c = d.charCodeAt(i);
      if (c > 32 && c !== 0xa0) return false;
    }
  }
  return true;
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
  let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
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

/**
 * Whether text under `el` is reading text: neither `el` nor an ancestor is skipped. `memo` keeps
 * the answer for every element looked at, for many calls in a row: a feed's thousands of new
 * paragraphs share their ancestors, which are then asked once.
 */
export function isReadable(el: Element, memo?: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let ok = true;
  let top: Element = el;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const known = memo?.get(n);
    if (known !== undefined) {
      ok = known;
      break;
    }
    path.push(n);
    top = n;
    if (classify(n) === Kind.Skip) {
      ok = false;
      break;
    }
  }
  // Up to the top of its tree with nothing skipped: a shadow root's host decides.
  if (ok && !top.parentElement) {
    const root = top.getRootNode();
    if (root instanceof ShadowRoot) ok = isReadable(root.host, memo);
  }
  if (memo) for (const n of path) memo.set(n, ok);
  return ok;
}

/**
 * The elements under `root` whose text is the user's to edit: one query, not an attribute read per
 * element. Null where the query fails (a fake DOM whose selector engine recurses, on deep nesting):
 * then each element is asked.
 */
function editablesUnder(root: Node): Set<Element> | null {
  const found = new Set<Element>();
  if (!('querySelectorAll' in root)) return found;
  try {
    for (const el of (root as ParentNode).querySelectorAll('[contenteditable]')) if (isEditable(el)) found.add(el);
  } catch {
    return null;
  }
  return found;
}

/**
 * Walks the blocks of text under a root, in document order, and can stop and resume: `run` works
 * until its deadline and returns whether the walk is done. That is what lets a large page be read
 * in slices that never block it.
 *
 * A plain sibling walk over node properties: those are fast accessors, while a TreeWalker's
 * methods (nextNode, nextSibling) are full DOM calls that cost more in profiles than the walk
 * they replaced; a TreeWalker filter callback made it ten times slower. What an element is comes
 * from its tag name, remembered per name; editable subtrees are found by one query per walk, not
 * an attribute read per element; only elements that can host a shadow root are asked for one.
 */
export class BlockWalker {
  #node: Node | null;
  #cur: Text[] = [];
  /** The kinds of the elements between the root and the current node: no second classify on the way up. */
  #kinds: Kind[] = [];
  #editable: Set<Element> | null | undefined;
  /** Notes a change under a paused walk: editable elements are looked up again. */
  #watch: MutationObserver | undefined;
  #stale = false;
  #done = false;
  /** A block was read since the clock was last looked at. */
  #read = false;

  readonly #root: Node;
  readonly #handlers: WalkHandlers;

  constructor(root: Node, handlers: WalkHandlers) {
    this.#root = root;
    this.#handlers = handlers;
    this.#node = root.nodeType === TEXT_NODE ? root : root.firstChild;
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
      this.#stale = true;
    }
    if (root.nodeType === TEXT_NODE) {
      this.#cur.push(root as Text);
      return this.#finish();
    }
    if (this.#stale || this.#editable === undefined) {
      this.#editable = editablesUnder(root);
      this.#stale = false;
    }
    const editable = this.#editable;
    const askEach = !editable;
    const anyEditable = !!editable?.size;
    let node = this.#node;
    const kinds = this.#kinds;
    const { skipSubtree, onHeading, onShadowRoot } = this.#handlers;
    let steps = 0;
    outer: while (node) {
      // The clock is read every 256 nodes, and after every block read: one block of prose can
      // cost more than a whole slice on a slow phone.
      if (this.#read || (++steps & 255) === 0) {
        this.#read = false;
        if (performance.now() > deadline) return this.#pause(node);
      }
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        // `length`, not `data.length`: reading `data` copies the text in Firefox.
        if ((node as Text).length) this.#cur.push(node as Text);
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const bits = tagBits(el.localName);
        let kind = (bits & 3) as Kind;
        if (kind !== Kind.Skip && (anyEditable ? editable.has(el) : askEach && isEditable(el))) kind = Kind.Skip;
        if (kind !== Kind.Inline) this.#flush();
        if (kind === Kind.Block && bits & HEADING) onHeading?.(el);
        if (kind !== Kind.Skip && !(kind === Kind.Block && skipSubtree?.(el))) {
          if (bits & CAN_HOST) {
            const shadow = el.shadowRoot;
            if (shadow) onShadowRoot(shadow);
          }
          const child = el.firstChild;
          if (child) {
            kinds.push(kind);
            node = child;
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

  #pause(node: Node): false {
    this.#node = node;
    if (!this.#watch) {
      this.#watch = new MutationObserver(() => (this.#stale = true));
      this.#watch.observe(this.#root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['contenteditable'],
      });
    }
    return false;
  }

  #flush(): void {
    const cur = this.#cur;
    if (cur.length && !isBlank(cur) && !this.#handlers.skipBlock?.(cur[0]!)) {
      this.#handlers.onBlock(makeBlock(cur));
      this.#read = true;
    }
    if (cur.length) this.#cur = [];
  }

  #finish(): true {
    this.#flush();
    this.#node = null;
    this.#done = true;
    this.#watch?.disconnect();
    this.#watch = undefined;
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
