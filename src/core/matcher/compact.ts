/**
 * A compact text form of the compiled term table for the content script, which every frame of
 * every page loads: about a third smaller than its JSON. Keys and words never contain spaces,
 * tabs, pipes or newlines (they are single folded words), so those separate the parts.
 */
import type { Candidate, MatcherData } from './types';

export interface CompactMatcher {
  /** Term ids, space-separated. */
  t: string;
  /** Lines of "key<TAB>candidate|candidate", a candidate being "term word word" ("~term" if ambiguous). */
  p: string;
  /** Lines of "word<TAB>term,term". */
  c: string;
}

export function encodeMatcher(data: MatcherData): CompactMatcher {
  return {
    t: data.terms.join(' '),
    p: Object.entries(data.phrases)
      .map(
        ([key, list]) =>
          `${key}\t${list.map(([term, flags, ...rest]) => [`${flags === 1 ? '~' : ''}${term}`, ...rest].join(' ')).join('|')}`,
      )
      .join('\n'),
    c: Object.entries(data.context)
      .map(([word, terms]) => `${word}\t${terms.join(',')}`)
      .join('\n'),
  };
}

export function decodeMatcher(c: CompactMatcher): MatcherData {
  const phrases: Record<string, Candidate[]> = {};
  for (const line of c.p ? c.p.split('\n') : []) {
    const [key = '', list = ''] = line.split('\t');
    phrases[key] = list.split('|').map((cand) => {
      const [head = '', ...rest] = cand.split(' ');
      const ambiguous = head.startsWith('~');
      return [Number(ambiguous ? head.slice(1) : head), ambiguous ? 1 : 0, ...rest];
    });
  }
  const context: Record<string, number[]> = {};
  for (const line of c.c ? c.c.split('\n') : []) {
    const [word = '', terms = ''] = line.split('\t');
    context[word] = terms.split(',').map(Number);
  }
  return { terms: c.t ? c.t.split(' ') : [], phrases, context };
}
