import { describe, expect, test } from 'vitest';
import { compileMatcher, type PatternInput } from '../../src/core/matcher/compile';
import { keepInContext, Matcher } from '../../src/core/matcher/matcher';
import type { MatcherData, TextMatch } from '../../src/core/matcher/types';

const TERMS = ['plao', 'pth', 'vcf', 'cf', 'pbp', 'bmd'];
const P = (term: number, text: string, caseSensitive = false, ambiguous = false): PatternInput => ({
  term,
  text,
  caseSensitive,
  ambiguous,
});
const { data, problems } = compileMatcher(
  TERMS,
  [
    P(0, 'pregnancy- and lactation-associated osteoporosis'),
    P(0, 'PLAO', true),
    P(1, 'parathyroid hormone'),
    P(1, 'PTH', true, true),
    P(2, 'vertebral compression fracture'),
    P(3, 'compression fracture'),
    P(4, 'post-partum back pain'),
    P(5, 'bone mineral density'),
    P(5, 'BMD', true, true),
  ],
  new Map([
    [1, ['calcium', 'bone']],
    [5, ['osteoporosis']],
  ]),
);
const matcher = new Matcher(data);

function find(text: string): { text: string; term: string; ambiguous: boolean }[] {
  const out: TextMatch[] = [];
  matcher.find(text, out, new Set());
  return out.map((m) => ({ text: text.slice(m.start, m.end), term: TERMS[m.term]!, ambiguous: m.ambiguous }));
}

test('compiles without problems', () => expect(problems).toEqual([]));

describe('matching', () => {
  test('case-insensitive words, plurals, possessives', () => {
    expect(find('Parathyroid Hormones rise; parathyroid hormone’s role').map((m) => m.text)).toEqual([
      'Parathyroid Hormones',
      'parathyroid hormone’s',
    ]);
  });
  test('abbreviations match with exact case only', () => {
    expect(find('PLAO, plao and Plao; PLAOs').map((m) => m.text)).toEqual(['PLAO', 'PLAOs']);
  });
  test('whole words only', () => {
    expect(find('PLAOX xPLAO PLAO2 PLAO')).toHaveLength(1);
  });
  test('suspended hyphen', () => {
    expect(find('Pregnancy- and lactation-associated osteoporosis (PLAO)').map((m) => m.term)).toEqual([
      'plao',
      'plao',
    ]);
  });
  test('hyphen, space and joined variants', () => {
    for (const t of [
      'postpartum back pain',
      'post-partum back pain',
      'post partum back pain',
      'post‑partum back\npain',
      'Postpartum Back Pains',
    ]) {
      expect(
        find(t).map((m) => m.term),
        t,
      ).toEqual(['pbp']);
    }
  });
  test('line breaks and indentation from HTML source', () => {
    expect(find('noticeable parathyroid\n          hormone loss').map((m) => m.term)).toEqual(['pth']);
  });
  test('longest match wins', () => {
    expect(find('a vertebral compression fracture and a compression fracture').map((m) => m.term)).toEqual([
      'vcf',
      'cf',
    ]);
  });
  test('a phrase does not continue across punctuation', () => {
    expect(find('bone mineral. density')).toEqual([]);
    expect(find('compression, fracture')).toEqual([]);
  });
  test('a block of thousands of words, then a short one', () => {
    const long = 'Some other words. '.repeat(2000) + 'bone mineral density and parathyroid hormone';
    expect(find(long).map((m) => m.term)).toEqual(['bmd', 'pth']);
    expect(find('bone mineral density').map((m) => m.term)).toEqual(['bmd']);
  });
  test('ambiguous abbreviations are flagged', () => {
    expect(find('PTH was high')).toEqual([{ text: 'PTH', term: 'pth', ambiguous: true }]);
  });
});

describe('context', () => {
  const run = (text: string) => {
    const out: TextMatch[] = [];
    const seen = new Set<number>();
    matcher.find(text, out, seen);
    return keepInContext(out, seen).map((m) => text.slice(m.start, m.end));
  };
  test('an ambiguous abbreviation needs a context word on the page', () => {
    expect(run('The PTH of the plant.')).toEqual([]);
    expect(run('PTH and calcium levels.')).toEqual(['PTH']);
  });
  test('the spelled-out term is context for its abbreviation', () => {
    expect(run('Bone mineral density (BMD) was low.')).toEqual(['Bone mineral density', 'BMD']);
    expect(run('BMD was low.')).toEqual([]);
  });
});

test('an alias claimed by two terms is a problem', () => {
  const r = compileMatcher(['a', 'b'], [P(0, 'bone scan'), P(1, 'bone scans')], new Map());
  expect(r.problems).toEqual([
    { term: 1, text: 'bone scans', reason: 'is also an alias of another term', otherTerm: 0 },
  ]);
});

test('an alias with punctuation between words is a problem', () => {
  const r = compileMatcher(['a'], [P(0, '25(OH)D')], new Map());
  expect(r.problems[0]?.reason).toMatch(/cannot be matched/);
});

test('the compact form decodes to the same table', async () => {
  const { encodeMatcher, decodeMatcher } = await import('../../src/core/matcher/compact');
  const { loadKnowledge } = await import('../../scripts/knowledge');
  const real = loadKnowledge().content!.matcher;
  expect(decodeMatcher(encodeMatcher(real))).toEqual(real);
  expect(decodeMatcher(encodeMatcher(data))).toEqual(data);
  expect(JSON.stringify(encodeMatcher(real)).length).toBeLessThan(JSON.stringify(real).length * 0.8);
  // It compiles the whole knowledge first, which takes seconds on a busy machine.
}, 60_000);

test("the compact form writes the glossary's most repeated words once, and a word with '#' fails the build", async () => {
  const { encodeMatcher, decodeMatcher } = await import('../../src/core/matcher/compact');
  const repeated: MatcherData = {
    terms: ['a', 'transient-osteoporosis'],
    phrases: {
      postpartum: [[0, 0, 'osteoporosis']],
      transient: [[1, 0, 'osteoporosis']],
      osteoporosis: [[0, 0]],
    },
    context: { osteoporosis: [1] },
  };
  const compact = encodeMatcher(repeated);
  // "transient" is written twice, once as a part of a term id.
  expect(compact.w).toBe('osteoporosis transient');
  expect(compact.p).not.toContain('osteoporosis');
  expect(compact.t).toBe('a #1-#0');
  expect(decodeMatcher(compact)).toEqual(repeated);
  expect(() => encodeMatcher({ ...repeated, context: { 'c#': [0] } })).toThrow(/"#"/);
});

test('the compact form writes keys with the same candidates, and words with the same terms, on one line', async () => {
  const { encodeMatcher, decodeMatcher } = await import('../../src/core/matcher/compact');
  const shared: MatcherData = {
    terms: ['a', 'b'],
    phrases: {
      alendronate: [[0, 0]],
      risedronate: [[0, 0]],
      bone: [
        [1, 0, 'density'],
        [0, 0],
      ],
      '=BMD': [[1, 1]],
    },
    context: { bone: [1], density: [1], scan: [0, 1] },
  };
  const compact = encodeMatcher(shared);
  expect(compact.p.split('\n')).toEqual(['alendronate risedronate\t0', 'bone\t1 density|0', '=BMD\t~1']);
  expect(compact.c.split('\n')).toEqual(['1\tbone density', '0,1\tscan']);
  expect(decodeMatcher(compact)).toEqual(shared);
});
