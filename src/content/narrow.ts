/**
 * The first read of a page, narrowed to the blocks that may hold a term. Reading closely (every
 * element classified, every block's text joined and matched word by word) costs several times a
 * bare pass over the page's text, and most pages hold no term at all. So the page's text is taken
 * by native calls (`textContent` of parts of the page that no phrase can cross), the prefilter's
 * RegExp finds where a phrase could start, and only the block containers around those places are
 * read closely. Open shadow roots, which `textContent` does not reach, are looked for in the same
 * walk that finds those containers.
 *
 * A page where such places are dense (an article about bone health) is read closely whole: that
 * is cheaper than finding its blocks one by one.
 */
import type { Prefilter } from '../core/matcher/prefilter';
import { blockContainer, classify, isReadable, Kind, mayHostShadow } from './blocks';

/** Characters of text per RegExp call: one slice's work on a slow phone. */
const CHUNK = 65536;
/** A phrase that starts near a chunk's end is seen whole through this much of the next one. */
const OVERLAP = 4096;
/** More places than one per this many characters: read the whole part closely instead. */
const DENSE = 2000;
/**
 * Below this many characters the page is read closely whole: narrowing would save little, and
 * compiling the prefilter's RegExp costs a millisecond or more of its own.
 */
const SMALL = 50000;
/**
 * An element with more element children than this is taken child by child rather than in one
 * `textContent`: on a page of millions of characters one call would hold the page for tens of ms.
 */
const EXPAND = 64;
/** Nodes between looks at the clock. */
const CHECK_EVERY = 256;

enum Phase {
  Text = 0,
  Walk = 1,
  Done = 2,
}

export interface NarrowHandlers {
  /** A block container to read closely (in document order, each once). */
  onContainer: (el: Element) => void;
  /** The part is small, or dense with places: read all of it closely. */
  onDense: () => void;
  /** An open shadow root under the part, to read as a part of its own. */
  onShadowRoot: (root: ShadowRoot) => void;
}

export class Narrowing {
  readonly #root: Element;
  readonly #prefilter: () => Prefilter | undefined;
  #filter: Prefilter | undefined;
  readonly #handlers: NarrowHandlers;
  #phase: Phase = Phase.Text;
  /** Parts of the root still to take text from, last first: an element, or a run of inline siblings. */
  readonly #units: (Node | Node[])[];
  /** Their texts, in document order, and how far the prefilter got. */
  readonly #texts: string[] = [];
  #total = 0;
  #ti = 0;
  #base = 0;
  #at = 0;
  readonly #places: number[] = [];
  #next = 0;
  #walker: TreeWalker | undefined;
  #offset = 0;
  readonly #sent = new Set<Element>();

  constructor(root: Element, prefilter: () => Prefilter | undefined, handlers: NarrowHandlers) {
    this.#root = root;
    this.#units = [root];
    this.#prefilter = prefilter;
    this.#handlers = handlers;
  }

  /** Works until `deadline`; true when the part is narrowed (or handed over whole). */
  run(deadline: number): boolean {
    while (this.#phase !== Phase.Done) {
      if (performance.now() > deadline) return false;
      if (this.#phase === Phase.Walk) this.#walk(deadline);
      // Text is gathered until there is enough to be worth narrowing (the prefilter is made then).
      else if (this.#units.length && this.#total < SMALL) this.#takeUnit();
      else if (this.#total < SMALL) this.#whole();
      else if (this.#ti < this.#texts.length) this.#findPlaces();
      else if (this.#units.length) this.#takeUnit();
      else this.#phase = Phase.Walk;
    }
    return true;
  }

  /** The text of one unit; a large container is split into its children instead. */
  #takeUnit(): void {
    const unit = this.#units.pop()!;
    if (Array.isArray(unit)) {
      let text = '';
      for (const n of unit)
        text +=
          n.nodeType === Node.TEXT_NODE
            ? (n as Text).data
            : n.nodeType === Node.ELEMENT_NODE
              ? (n.textContent ?? '')
              : '';
      return this.#addText(text);
    }
    const el = unit as Element;
    if (el.childElementCount <= EXPAND) return this.#addText(el.textContent ?? '');
    // No phrase crosses a block or skipped element: each is a unit, and so is each run between them.
    const units: (Node | Node[])[] = [];
    let run: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.ELEMENT_NODE && classify(c as Element) !== Kind.Inline) {
        if (run.length) units.push(run);
        run = [];
        units.push(c);
      } else run.push(c);
    }
    if (run.length) units.push(run);
    for (let i = units.length - 1; i >= 0; i--) this.#units.push(units[i]!);
  }

  #addText(text: string): void {
    if (!text) return;
    this.#texts.push(text);
    this.#total += text.length;
  }

  #whole(): void {
    this.#texts.length = 0;
    this.#phase = Phase.Done;
    this.#handlers.onDense();
  }

  /** One chunk of the gathered text through the prefilter. */
  #findPlaces(): void {
    const text = this.#texts[this.#ti]!;
    const end = Math.min(text.length, this.#at + CHUNK);
    const chunk = text.slice(this.#at, end + OVERLAP);
    const before = this.#places.length;
    const filter = (this.#filter ??= this.#prefilter());
    if (!filter) return this.#whole(); // a stored source that is not a RegExp: read it all
    filter.find(chunk, 0, end - this.#at, this.#places);
    for (let i = before; i < this.#places.length; i++) this.#places[i]! += this.#base + this.#at;
    this.#at = end;
    if (end >= text.length) {
      this.#texts[this.#ti++] = '';
      this.#base += text.length;
      this.#at = 0;
    }
    if (this.#places.length * DENSE > this.#total) this.#whole();
  }

  /**
   * One walk for both: text nodes, their lengths counted to find the block around each place, and
   * elements that may hold an open shadow root. After the last place, elements only.
   */
  #walk(deadline: number): void {
    const places = this.#places;
    let walker = this.#walker;
    if (!walker) {
      const show =
        this.#next < places.length ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT : NodeFilter.SHOW_ELEMENT;
      walker = this.#walker = document.createTreeWalker(this.#root, show);
    }
    let steps = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const end = this.#offset + (n as Text).length;
        while (this.#next < places.length && places[this.#next]! < end) {
          this.#next++;
          this.#send(n as Text);
        }
        this.#offset = end;
        if (this.#next >= places.length) {
          // Every place found: the rest of the walk looks at elements only.
          const elements = document.createTreeWalker(this.#root, NodeFilter.SHOW_ELEMENT);
          elements.currentNode = n;
          walker = this.#walker = elements;
        }
      } else if (mayHostShadow((n as Element).localName)) {
        const sr = (n as Element).shadowRoot;
        if (sr && isReadable(n as Element)) this.#handlers.onShadowRoot(sr);
      }
      if (++steps % CHECK_EVERY === 0 && performance.now() > deadline) return;
    }
    this.#walker = undefined;
    this.#phase = Phase.Done;
  }

  #send(node: Text): void {
    const el = blockContainer(node) ?? this.#root;
    if (this.#sent.has(el)) return;
    this.#sent.add(el);
    if (isReadable(el)) this.#handlers.onContainer(el);
  }
}
