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

/**
 * Runs in every frame with text, before the JIT has warmed up, so it splits with indexOf and
 * plain loops (no destructuring or spread, whose iterators are slow in cold code).
 */
export function decodeMatcher(c: CompactMatcher): MatcherData {
  const phrases: Record<string, Candidate[]> = {};
  for (const line of c.p ? c.p.split('\n') : []) {
    const tab = line.indexOf('\t');
    const list: Candidate[] = [];
    for (const cand of line.slice(tab + 1).split('|')) {
      const words = cand.split(' ');
      const head = words[0]!;
      const ambiguous = head.charCodeAt(0) === 126; /* ~ */
      const candidate: Candidate = [Number(ambiguous ? head.slice(1) : head), ambiguous ? 1 : 0];
      for (let k = 1; k < words.length; k++) candidate.push(words[k]!);
      list.push(candidate);
    }
    phrases[line.slice(0, tab)] = list;
  }
  const context: Record<string, number[]> = {};
  for (const line of c.c ? c.c.split('\n') : []) {
    const tab = line.indexOf('\t');
    const terms = line.slice(tab + 1).split(',');
    const numbers: number[] = [];
    for (const t of terms) numbers.push(Number(t));
    context[line.slice(0, tab)] = numbers;
  }
  return { terms: c.t ? c.t.split(' ') : [], phrases, context };
}
