/**
 * The matches on a page, kept as DOM ranges and indexed by text node: the hover hit test is one
 * Map lookup, and a changed part of the page can drop its matches and be read again alone.
 *
 * The ranges are StaticRanges: Blink updates every live Range on every DOM change, and thousands
 * of them made a page that keeps changing late on its own timers (p95 297 ms against 64 ms in a
 * bare browser). A StaticRange does not follow edits, so a changed block's matches are dropped and
 * read again (a characterData change marks its block dirty); a live Range is made only where one
 * is needed (rects, selection, the card's anchor) with `liveRange`.
 */
import type { Matcher } from '../core/matcher/matcher';
import type { TextMatch } from '../core/matcher/types';
import type { TextBlock } from './blocks';
import { SHOW_TEXT, FOLLOWING } from './node-type';

export interface PageMatch {
  term: number;
  range: StaticRange;
  ambiguous: boolean;
  /** The heading this match follows (null before the first heading): "first per section" uses it. */
  section: Element | null;
  nodes: Text[];
}

interface Hit {
  start: number;
  end: number;
  match: PageMatch;
}

/** The node in the document tree that stands for `node`: itself, or the host of its shadow root. */
function inDocument(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
  return n;
}

/** A live Range over a match, for what only a live one offers (rects, comparisons); short-lived. */
export function liveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/**
 * Compares two ranges' starts in document order. Ranges in different trees (a shadow root and the
 * document) cannot be compared directly; they are ordered by their shadow hosts.
 */
export function documentOrder(a: AbstractRange, b: AbstractRange): number {
  let x: Node = a.startContainer;
  let y: Node = b.startContainer;
  if (x === y) return a.startOffset - b.startOffset;
  if (x.getRootNode() !== y.getRootNode()) {
    x = inDocument(x);
    y = inDocument(y);
    if (x === y) return 0;
  }
  return x.compareDocumentPosition(y) & FOLLOWING ? -1 : 1;
}

export class MatchIndex {
  /** Terms whose context occurs on the page (for ambiguous abbreviations). Never shrinks. */
  readonly seen = new Set<number>();
  readonly #all = new Set<PageMatch>();
  readonly #byNode = new Map<Text, Hit[]>();
  /**
   * The first text node of every block read that had matches, so none is indexed twice (the part
   * in view and the full walk, a walk started over). A block without matches is not remembered: a
   * WeakSet entry for each of thousands of blocks cost more than reading again the few that are.
   */
  #blockStarts = new WeakSet<Text>();
  /** Whether any block was remembered since the last clear (a page without terms has none). */
  #anyBlock = false;
  readonly #found: TextMatch[] = [];

  readonly #matcher: Matcher;

  constructor(matcher: Matcher) {
    this.#matcher = matcher;
  }

  get size(): number {
    return this.#all.size;
  }

  /** The matches that cover `offset` in `node`. */
  at(node: Node, offset: number): PageMatch[] {
    const hits = this.#byNode.get(node as Text);
    if (!hits) return [];
    return hits.filter((h) => offset >= h.start && offset <= h.end).map((h) => h.match);
  }

  shows(m: PageMatch): boolean {
    return !m.ambiguous || this.seen.has(m.term);
  }

  /** Matches to show, in document order. */
  ordered(): PageMatch[] {
    return this.visible().sort((a, b) => documentOrder(a.range, b.range));
  }

  /** Whether an ambiguous match waits for context not seen (yet). */
  hasUnseenAmbiguous(): boolean {
    for (const m of this.#all) if (m.ambiguous && !this.seen.has(m.term)) return true;
    return false;
  }

  /** Matches to show: ambiguous ones only where their context was seen. */
  visible(): PageMatch[] {
    const out: PageMatch[] = [];
    for (const m of this.#all) if (this.shows(m)) out.push(m);
    return out;
  }

  /** Whether the block starting with `first` was read and had matches (checked before its text is even joined). */
  hasBlockStart(first: Text): boolean {
    return this.#blockStarts.has(first);
  }

  /** Reads one block; returns the matches added. */
  readBlock(block: TextBlock, section: Element | null): PageMatch[] {
    if (this.hasBlockStart(block.nodes[0]!)) return [];
    const found = this.#found;
    found.length = 0;
    this.#matcher.find(block.text, found, this.seen);
    if (!found.length) return [];
    this.#blockStarts.add(block.nodes[0]!);
    this.#anyBlock = true;
    const added: PageMatch[] = [];
    let i = 0;
    for (const m of found) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= m.start) i++;
      let j = i;
      while (j + 1 < block.nodes.length && block.starts[j + 1]! < m.end) j++;
      const range = new StaticRange({
        startContainer: block.nodes[i]!,
        startOffset: m.start - block.starts[i]!,
        endContainer: block.nodes[j]!,
        endOffset: m.end - block.starts[j]!,
      });
      const match: PageMatch = {
        term: m.term,
        range,
        ambiguous: m.ambiguous,
        section,
        nodes: block.nodes.slice(i, j + 1),
      };
      for (let k = i; k <= j; k++) {
        const node = block.nodes[k]!;
        const from = Math.max(0, m.start - block.starts[k]!);
        // The node's length from the block's offsets: reading `data` copies it in Firefox.
        const length = (k + 1 < block.nodes.length ? block.starts[k + 1]! : block.text.length) - block.starts[k]!;
        const to = Math.min(length, m.end - block.starts[k]!);
        let list = this.#byNode.get(node);
        if (!list) this.#byNode.set(node, (list = []));
        list.push({ start: from, end: to, match });
      }
      this.#all.add(match);
      added.push(match);
    }
    return added;
  }

  /** Forgets everything read under `root`, so that it can be read again. Returns what was removed. */
  forgetWithin(root: Node): PageMatch[] {
    const removed: PageMatch[] = [];
    // Nothing to forget: no walk over the part's text nodes, each of which would get a wrapper (a
    // change to WHATWG's page, where no term is, held a 4× slower CPU for 61 ms here).
    if (!this.#anyBlock) return removed;
    const walker = document.createTreeWalker(root, SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      this.#blockStarts.delete(n);
      const hits = this.#byNode.get(n);
      if (hits) for (const h of hits) if (this.#remove(h.match)) removed.push(h.match);
    }
    return removed;
  }

  /** Drops matches whose text has left the document. Returns what was removed. */
  sweep(): PageMatch[] {
    const removed: PageMatch[] = [];
    for (const m of this.#all) if (m.nodes.some((n) => !n.isConnected) && this.#remove(m)) removed.push(m);
    return removed;
  }

  clear(): void {
    this.#all.clear();
    this.seen.clear();
    this.#byNode.clear();
    this.#blockStarts = new WeakSet();
    this.#anyBlock = false;
  }

  #remove(m: PageMatch): boolean {
    if (!this.#all.delete(m)) return false;
    for (const n of m.nodes) {
      const hits = this.#byNode.get(n);
      if (!hits) continue;
      const rest = hits.filter((h) => h.match !== m);
      if (rest.length) this.#byNode.set(n, rest);
      else this.#byNode.delete(n);
    }
    return true;
  }
}
