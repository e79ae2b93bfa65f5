/**
 * Finds glossary terms in the page and keeps them as DOM ranges, indexed by text node so that
 * the hover hit test is one Map lookup.
 */
import type { Matcher } from '../core/matcher/matcher';
import type { TextMatch } from '../core/matcher/types';
import { readBlocks, type TextBlock } from './blocks';

export interface PageMatch {
  term: number;
  range: Range;
  ambiguous: boolean;
}

interface Hit {
  start: number;
  end: number;
  match: PageMatch;
}

export class MatchIndex {
  readonly matches: PageMatch[] = [];
  /** Terms whose context occurs on the page (for ambiguous abbreviations). */
  readonly seen = new Set<number>();
  private readonly byNode = new Map<Text, Hit[]>();

  /** The matches that cover `offset` in `node`. */
  at(node: Node, offset: number): PageMatch[] {
    const hits = this.byNode.get(node as Text);
    if (!hits) return [];
    return hits.filter((h) => offset >= h.start && offset <= h.end).map((h) => h.match);
  }

  /** Matches to show: ambiguous ones only where their context was seen. */
  visible(): PageMatch[] {
    return this.matches.filter((m) => !m.ambiguous || this.seen.has(m.term));
  }

  add(block: TextBlock, found: readonly TextMatch[]): void {
    let i = 0;
    for (const m of found) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= m.start) i++;
      let j = i;
      while (j + 1 < block.nodes.length && block.starts[j + 1]! < m.end) j++;
      const range = document.createRange();
      range.setStart(block.nodes[i]!, m.start - block.starts[i]!);
      range.setEnd(block.nodes[j]!, m.end - block.starts[j]!);
      const match: PageMatch = { term: m.term, range, ambiguous: m.ambiguous };
      this.matches.push(match);
      for (let k = i; k <= j; k++) {
        const node = block.nodes[k]!;
        const from = Math.max(0, m.start - block.starts[k]!);
        const to = Math.min(node.data.length, m.end - block.starts[k]!);
        let list = this.byNode.get(node);
        if (!list) this.byNode.set(node, (list = []));
        list.push({ start: from, end: to, match });
      }
    }
  }

  clear(): void {
    this.matches.length = 0;
    this.seen.clear();
    this.byNode.clear();
  }
}

/** Scans `root` and every open shadow root inside it into `index`. */
export function scan(root: Node, matcher: Matcher, index: MatchIndex): void {
  const found: TextMatch[] = [];
  const roots: Node[] = [root];
  for (let r = roots.pop(); r; r = roots.pop()) {
    readBlocks(
      r,
      (block) => {
        found.length = 0;
        matcher.find(block.text, found, index.seen);
        if (found.length) index.add(block, found);
      },
      (shadow) => roots.push(shadow),
    );
  }
}
