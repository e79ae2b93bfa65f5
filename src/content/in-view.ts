/**
 * The part of the page in view, read before the rest so the reader sees painted terms at once:
 * the innermost block under a grid of points (the text's own paragraph, not a page-wide wrapper).
 */
import { BlockWalker, blockContainer, isReadable } from './blocks';
import { caretNode } from './hover';
import type { MatchIndex, PageMatch } from './match-index';
import { precedingHeading } from './sections';

/**
 * Reads the blocks under the grid within one time budget. Returns the matches found and the
 * elements read whole, for the full walk to skip.
 */
export function readInView(
  index: MatchIndex,
  shadowRoots: ShadowRoot[],
  deadline: number,
): { added: PageMatch[]; read: Set<Element> } {
  const added: PageMatch[] = [];
  const tried = new Set<Element>();
  const read = new Set<Element>();
  const w = innerWidth;
  const h = innerHeight;
  for (let row = 1; row < 8 && performance.now() < deadline; row++) {
    for (const col of [0.25, 0.5, 0.75]) {
      const hit = caretNode(w * col, (h * row) / 8, shadowRoots);
      const c = hit && blockContainer(hit);
      if (!c || tried.has(c) || c === document.body || c === document.documentElement || !isReadable(c)) continue;
      // A wrapper around much of the page is not "the part in view": leave it to the slices.
      if (c.childElementCount > 100) continue;
      tried.add(c);
      let heading = precedingHeading(c);
      const walker = new BlockWalker(c, {
        onBlock: (b) => added.push(...index.readBlock(b, heading)),
        onShadowRoot: () => undefined, // read with the rest of the page
        onHeading: (el) => (heading = el),
      });
      // Out of time inside it: the full walk reads the rest (blocks read here are skipped there).
      if (walker.run(deadline)) read.add(c);
      else return { added, read };
    }
  }
  return { added, read };
}
