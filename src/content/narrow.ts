/**
 * The first read of a page, narrowed to the blocks that may hold a term. Reading closely (every
 * element classified, every block's text joined and matched word by word) costs several times a
 * bare pass over the page's text, and most pages hold no term at all. So the page's text is taken
 * by native calls (`textContent` of parts of the page that no phrase can cross), the prefilter's
 * RegExp finds where a phrase could start, and only the block containers around those places are
 * read closely, each found inside the part its text came from. Open shadow roots, which
 * `textContent` does not reach, are looked for where a page shows that it uses them (#probe).
 *
 * A page where such places are dense (an article about bone health) is read closely whole: that
 * is cheaper than finding its blocks one by one.
 */
import type { Prefilter } from '../core/matcher/prefilter';
import { blockContainer, classify, isReadable, Kind } from './blocks';
import { ELEMENT_NODE, TEXT_NODE, SHOW_ELEMENT, SHOW_TEXT } from './node-type';

/** Ends each part's text, so that the prefilter can look at many at once (see #addText). */
const SEPARATOR = '\0';
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
/** Elements up to which a part's text is taken in one `textContent`. */
const FEW = 3000;
/**
 * An element with more element children than this is taken child by child rather than in one
 * `textContent`: on a page of millions of characters one call would hold the page for tens of ms.
 */
const EXPAND = 64;
/** Nodes between looks at the clock. */
const CHECK_EVERY = 256;
/**
 * Elements often empty that can never host a shadow root, left out of the query for empty hosts:
 * each element it finds gets a wrapper (New Zealand's page has 365 empty <link>s in its body, 69
 * <img>s and 55 <area>s; ECMA-262 103 <br>s and 91 <td>s). A few, for the content script's size.
 */
const NEVER_HOSTS = 'a,area,br,img,input,link,td';
/**
 * Where a page that uses shadow roots shows it, found by native queries: a child given to a named
 * slot (its parent is the host), a host with no children of its own (what a component that renders
 * itself leaves in the page), a custom element not yet defined. One query each, each in its own
 * slice if need be: each is a pass over the page's elements, 4-5 ms on ECMA-262's 87,000, and the
 * three in one call held a 4× slower CPU for 40-68 ms.
 */
const LIKELY_HOSTS = ['[slot]', `:empty:not(${NEVER_HOSTS})`, ':not(:defined)'];
/** Elements found by one query above which they are not asked one by one in a slice. */
const MANY_LIKELY = 1000;

enum Phase {
  Size = 0,
  Text = 1,
  Map = 2,
  Probe = 3,
  Walk = 4,
  Done = 5,
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
  #phase: Phase = Phase.Size;
  /** Parts of the root still to take text from, last first: an element, or a run of inline siblings. */
  readonly #units: (Node | Node[])[];
  /**
   * The texts taken and not yet looked at, one after the other, each ended by SEPARATOR; where that
   * starts in all the text taken (`#base`), and how far the prefilter got into it.
   */
  #pending = '';
  #total = 0;
  #base = 0;
  #at = 0;
  readonly #places: number[] = [];
  #next = 0;
  /** The parts whose text was taken, in document order, and where each one's text starts. */
  readonly #taken: (Element | Node[])[] = [];
  readonly #takenAt: number[] = [];
  /** The part the next place falls in, and a walk over its text nodes up to the last place found. */
  #part = 0;
  #inPart: TreeWalker | undefined;
  #node: Text | null = null;
  #nodeEnd = 0;
  #walker: TreeWalker | undefined;
  #sign = 0;
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
      // A large page: its reading starts in a task of its own, not after the start-up's in the same
      // one (the prefilter's first call compiles its RegExp: with the CPU throttled 4×, the two
      // together held ECMA-262 for 53-58 ms).
      if (this.#phase === Phase.Size) {
        if (this.#size()) return false;
      } else if (this.#phase === Phase.Map) this.#map(deadline);
      else if (this.#phase === Phase.Probe) this.#probe();
      else if (this.#phase === Phase.Walk) this.#walk(deadline);
      // Text is gathered until there is enough to be worth narrowing (the prefilter is made then).
      else if (this.#units.length && this.#total < SMALL) this.#takeUnit();
      else if (this.#total < SMALL) this.#whole();
      // Small texts are gathered into a chunk's worth before the prefilter looks at them: WHATWG's
      // tables give 1,544 texts, most under 30 characters, and each look is two RegExp calls.
      else if (this.#units.length && this.#pending.length - this.#at < CHUNK) this.#takeUnit();
      else if (this.#at < this.#pending.length) this.#findPlaces();
      else this.#phase = Phase.Map;
    }
    return true;
  }

  /**
   * A part of few elements gives its text in one native call, cheaply whatever its length: a small
   * page is then read closely whole at once (taking its text unit by unit first cost Wikipedia
   * "Osteoporosis" 2.8 ms). A larger one is taken unit by unit as before (its places are found
   * inside their own units, which a change elsewhere on the page does not shift). Asking for the
   * element after the first FEW stops counting there. True when the page is taken unit by unit.
   */
  #size(): boolean {
    this.#phase = Phase.Text;
    const small = !this.#root.getElementsByTagName('*').item(FEW) && (this.#root.textContent ?? '').length < SMALL;
    if (small) this.#whole();
    return !small;
  }

  /** The text of one unit; a large container is split into its children instead. */
  #takeUnit(): void {
    const unit = this.#units.pop()!;
    if (Array.isArray(unit)) {
      let text = '';
      for (const n of unit)
        text += n.nodeType === TEXT_NODE ? (n as Text).data : n.nodeType === ELEMENT_NODE ? (n.textContent ?? '') : '';
      return this.#addText(text, unit);
    }
    const el = unit as Element;
    // The root is always taken child by child: ECMA-262's <body> has only 40 children, and its 1.8
    // million characters in one call held a 4× slower CPU for about 70 ms. (Its children taken
    // child by child too cost 40 ms more on that page: thousands of small texts, each its own scan.)
    if (el.childElementCount <= (el === this.#root ? 0 : EXPAND)) return this.#addText(el.textContent ?? '', el);
    // No phrase crosses a block or skipped element: each is a unit, and so is each run between them.
    const units: (Node | Node[])[] = [];
    let run: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE && classify(c as Element) !== Kind.Inline) {
        if (run.length) units.push(run);
        run = [];
        units.push(c);
      } else run.push(c);
    }
    if (run.length) units.push(run);
    for (let i = units.length - 1; i >= 0; i--) this.#units.push(units[i]!);
  }

  #addText(text: string, unit: Element | Node[]): void {
    if (!text) return;
    this.#taken.push(unit);
    this.#takenAt.push(this.#total);
    // Texts are looked at together: a character no phrase holds keeps one's end from running into
    // the next one's start ("x" + "osteoporosis" is no word; "low" + "bone density" no phrase).
    // What was looked at is let go first: appending to a long string and slicing it copies it whole.
    if (this.#at) {
      this.#pending = this.#pending.slice(this.#at);
      this.#base += this.#at;
      this.#at = 0;
    }
    this.#pending += text + SEPARATOR;
    this.#total += text.length + 1;
  }

  #whole(): void {
    this.#pending = '';
    this.#phase = Phase.Done;
    this.#handlers.onDense();
  }

  /** One chunk of the gathered text through the prefilter. */
  #findPlaces(): void {
    const text = this.#pending;
    const end = Math.min(text.length, this.#at + CHUNK);
    const chunk = text.slice(this.#at, end + OVERLAP);
    const before = this.#places.length;
    const filter = (this.#filter ??= this.#prefilter());
    if (!filter) return this.#whole(); // a stored source that is not a RegExp: read it all
    filter.find(chunk, 0, end - this.#at, this.#places);
    for (let i = before; i < this.#places.length; i++) this.#places[i]! += this.#base + this.#at;
    this.#at = end;
    if (end >= text.length) {
      this.#pending = '';
      this.#base += text.length;
      this.#at = 0;
    }
    if (this.#places.length * DENSE > this.#total) this.#whole();
  }

  /**
   * The block around each place, found inside the part its text came from: a run of inline
   * siblings belongs to their block; in an element, its text nodes are counted up to the place.
   * Only the parts that hold a place are walked, not the page.
   */
  #map(deadline: number): void {
    const places = this.#places;
    const at = this.#takenAt;
    while (this.#next < places.length) {
      if ((this.#next & 63) === 63 && performance.now() > deadline) return;
      const place = places[this.#next++]!;
      if (this.#part + 1 < at.length && at[this.#part + 1]! <= place) {
        while (this.#part + 1 < at.length && at[this.#part + 1]! <= place) this.#part++;
        this.#inPart = undefined;
      }
      const part = this.#taken[this.#part]!;
      if (Array.isArray(part)) {
        this.#send(part[0]!);
        continue;
      }
      if (!this.#inPart) {
        this.#inPart = document.createTreeWalker(part, SHOW_TEXT);
        this.#node = null;
        this.#nodeEnd = at[this.#part]!;
      }
      while (this.#nodeEnd <= place) {
        const next = this.#inPart.nextNode() as Text | null;
        if (!next) break;
        this.#node = next;
        this.#nodeEnd += next.length;
      }
      // The part's text nodes fell short of its text (it changed since): read the whole part.
      this.#send(this.#nodeEnd > place && this.#node ? this.#node : part);
    }
    this.#inPart = undefined;
    this.#phase = Phase.Probe;
  }

  /**
   * Whether the page shows an open shadow root where one is likely (LIKELY_HOSTS, one query a
   * call); only then is every element asked (#walk). In a content script's world each element
   * touched gets a wrapper of its own, and the pass over all of them was half of what ECMA-262 cost
   * with no root on it: its 87,000 elements about 50 ms, where these queries take 10-13. A page that
   * hides all its roots under hosts with children of their own has those found where it is read
   * closely.
   */
  #probe(): void {
    const likely = this.#root.querySelectorAll(LIKELY_HOSTS[this.#sign]!);
    // So many that asking them is a long task: the walk asks every element, slice by slice.
    if (likely.length > MANY_LIKELY) return void (this.#phase = Phase.Walk);
    // The host of a slotted child is its parent; no other parent is asked (each gets a wrapper).
    for (const el of likely)
      if (el.shadowRoot ?? (this.#sign ? null : el.parentElement?.shadowRoot)) return void (this.#phase = Phase.Walk);
    if (++this.#sign === LIKELY_HOSTS.length) this.#phase = Phase.Done;
  }

  /**
   * Every open shadow root under the part (`textContent` does not reach them). No API lists a
   * page's shadow roots, so every element is visited; in a content script's world that costs about
   * half a microsecond an element whichever way it is done (a TreeWalker, sibling links,
   * `getElementsByTagName`, `querySelectorAll`: measured on ECMA-262's 87,000). Asking each element
   * for its shadow root was 8–15 % faster than reading its tag name first to skip those that
   * cannot have one.
   */
  #walk(deadline: number): void {
    const walker = (this.#walker ??= document.createTreeWalker(this.#root, SHOW_ELEMENT));
    let steps = 0;
    for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
      const sr = n.shadowRoot;
      if (sr && isReadable(n)) this.#handlers.onShadowRoot(sr);
      if (++steps % CHECK_EVERY === 0 && performance.now() > deadline) return;
    }
    this.#walker = undefined;
    this.#phase = Phase.Done;
  }

  #send(node: Node): void {
    const el = blockContainer(node) ?? this.#root;
    if (this.#sent.has(el)) return;
    this.#sent.add(el);
    // A part the page removed since its text was taken is not read (its changes are read anyway).
    if (el.isConnected && isReadable(el)) this.#handlers.onContainer(el);
  }
}
