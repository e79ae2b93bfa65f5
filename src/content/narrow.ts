/**
 * The first read of a page, narrowed to the blocks that may hold a term. Reading closely (every
 * element classified, every block's text joined and matched word by word) costs several times a
 * bare pass over the page's text, and most pages hold no term at all. So the page's text is taken
 * in one native call (`textContent`), the prefilter's RegExp finds where a phrase could start, and
 * only the block containers around those places are read closely. Open shadow roots, which
 * `textContent` does not reach, are looked for in a separate pass over the elements.
 *
 * A page where such places are dense (an article about bone health) is read closely whole: that
 * is cheaper than finding its blocks one by one.
 */
import type { Prefilter } from '../core/matcher/prefilter';
import { blockContainer, isReadable, mayHostShadow } from './blocks';

/** Characters of text per RegExp call: one slice's work on a slow phone. */
const CHUNK = 65536;
/** A phrase that starts near a chunk's end is seen whole through this much of the next one. */
const OVERLAP = 4096;
/** More places than one per this many characters: read the whole part closely instead. */
const DENSE = 2000;
/**
 * Below this many characters the page is read closely whole: narrowing would save little, and
 * building the prefilter's RegExp costs a few milliseconds of its own.
 */
const SMALL = 50000;
/** Nodes between looks at the clock. */
const CHECK_EVERY = 256;

const Phase = { Text: 0, Places: 1, Walk: 2, Done: 3 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

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
  readonly #prefilter: () => Prefilter;
  #filter: Prefilter | undefined;
  readonly #handlers: NarrowHandlers;
  #phase: Phase = Phase.Text;
  #text = '';
  #at = 0;
  readonly #places: number[] = [];
  #next = 0;
  #walker: TreeWalker | undefined;
  #offset = 0;
  readonly #sent = new Set<Element>();

  constructor(root: Element, prefilter: () => Prefilter, handlers: NarrowHandlers) {
    this.#root = root;
    this.#prefilter = prefilter;
    this.#handlers = handlers;
  }

  /** Works until `deadline`; true when the part is narrowed (or handed over whole). */
  run(deadline: number): boolean {
    while (this.#phase !== Phase.Done) {
      if (performance.now() > deadline) return false;
      if (this.#phase === Phase.Text) this.#readText();
      else if (this.#phase === Phase.Places) this.#findPlaces();
      else this.#walk(deadline);
    }
    return true;
  }

  #readText(): void {
    const text = this.#root.textContent ?? '';
    if (text.length < SMALL) return this.#whole();
    this.#text = text;
    this.#phase = Phase.Places;
  }

  #whole(): void {
    this.#text = '';
    this.#phase = Phase.Done;
    this.#handlers.onDense();
  }

  /** One chunk of the text through the prefilter. */
  #findPlaces(): void {
    const text = this.#text;
    const end = Math.min(text.length, this.#at + CHUNK);
    const chunk = text.slice(this.#at, end + OVERLAP);
    const before = this.#places.length;
    (this.#filter ??= this.#prefilter()).find(chunk, 0, end - this.#at, this.#places);
    for (let i = before; i < this.#places.length; i++) this.#places[i]! += this.#at;
    this.#at = end;
    if (this.#places.length * DENSE > text.length) return this.#whole();
    if (end < text.length) return;
    this.#text = '';
    this.#phase = Phase.Walk;
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
