/**
 * A synthetic glossary for the benchmark: the real one plus `n` made-up terms, so a scan can be
 * timed with 10,000 terms. A third of the made-up phrases start with a common English word, as a
 * large real glossary would ("bone …", "low …"), so the lookup is exercised on ordinary text.
 */
import { foldWord } from '../src/core/matcher/normalize';
import type { Candidate } from '../src/core/matcher/types';
import type { ContentKnowledge } from '../src/core/knowledge/types';

const COMMON = ['the', 'of', 'and', 'bone', 'low', 'high', 'new', 'body', 'blood', 'back', 'state', 'first', 'all'];
const SYLLABLES = [
  'ka',
  'zor',
  'ben',
  'til',
  'mox',
  'ra',
  'fen',
  'qui',
  'dral',
  'sep',
  'vo',
  'lun',
  'tra',
  'gex',
  'pli',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function withSyntheticTerms(
  real: ContentKnowledge,
  n: number,
): { knowledge: ContentKnowledge; phrases: string[] } {
  const rand = rng(20261126);
  const word = () => {
    let w = '';
    const k = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < k; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w;
  };
  const phrases: Record<string, Candidate[]> = structuredClone(real.matcher.phrases);
  const terms = [...real.matcher.terms];
  const cards = [...real.cards];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, word);
    if (rand() < 0.33) words.unshift(COMMON[Math.floor(rand() * COMMON.length)]!);
    const text = words.join(' ');
    const id = `synthetic-${i}`;
    const term = terms.length;
    terms.push(id);
    cards.push({ ...real.cards[0]!, id, name: text, short: 'A made-up term for the benchmark.', sourceLine: '' });
    const [first, ...rest] = words.map(foldWord) as [string, ...string[]];
    (phrases[first] ??= []).push([term, 0, ...rest]);
    texts.push(text);
  }
  for (const list of Object.values(phrases)) list.sort((a, b) => b.length - a.length);
  return { knowledge: { matcher: { ...real.matcher, terms, phrases }, cards }, phrases: texts };
}
