// @vitest-environment happy-dom
/** The page's index of matches: forgetting a changed part so that it can be read again. */
import { expect, test, vi } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import { Matcher } from '../../src/core/matcher/matcher';
import { MatchIndex } from '../../src/content/match-index';

const data = loadKnowledge().content!.matcher;

function block(p: Element) {
  const node = p.firstChild as Text;
  return { nodes: [node], starts: [0], text: node.data };
}

test('a part changed before any term was found is forgotten without a walk over its text', () => {
  document.body.innerHTML = '<p>The ferry left the harbour.</p><p>Ask about a DEXA scan.</p>';
  const [plain, term] = [...document.querySelectorAll('p')];
  // happy-dom has no StaticRange: a plain object with the same fields stands in.
  vi.stubGlobal(
    'StaticRange',
    class {
      constructor(init: StaticRangeInit) {
        Object.assign(this, init);
      }
    },
  );
  const index = new MatchIndex(new Matcher(data));
  const walks = vi.spyOn(document, 'createTreeWalker');
  try {
    expect(index.readBlock(block(plain!), null)).toEqual([]);
    expect(index.forgetWithin(document.body)).toEqual([]);
    expect(walks).not.toHaveBeenCalled();
    // Once a block with a term is remembered, forgetting walks the part and removes its matches.
    const added = index.readBlock(block(term!), null);
    expect(added).toHaveLength(1);
    expect(index.readBlock(block(term!), null)).toEqual([]); // remembered: not read twice
    expect(index.forgetWithin(document.body)).toEqual(added);
    expect(walks).toHaveBeenCalled();
    expect(index.readBlock(block(term!), null)).toHaveLength(1); // forgotten: read again
  } finally {
    walks.mockRestore();
    vi.unstubAllGlobals();
  }
});
