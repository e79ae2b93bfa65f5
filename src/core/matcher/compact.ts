/**
 * A compact text form of the compiled term table for the content script, which every frame of
 * every page loads: about a third smaller than its JSON. Keys and words never contain spaces,
 * tabs, pipes or newlines (they are single folded words), so those separate the parts.
 */
import type { Candidate, MatcherData } from './types';

export interface CompactMatcher {
  /** Term ids, space-separated. */
  t: string;
  /**
   * Lines of "key<TAB>candidate|candidate", a candidate being "term word word" ("~term" if
   * ambiguous); the term is left out when it is the previous candidate's and a word follows that
   * does not start with a digit (a quarter of the candidates: "back<TAB>47 pain after birth|pain after pregnancy").
   */
  p: string;
  /** Lines of "word<TAB>term,term". */
  c: string;
}

export function encodeMatcher(data: MatcherData): CompactMatcher {
  return {
    t: data.terms.join(' '),
    p: Object.entries(data.phrases)
      .map(([key, list]) => {
        let last = '';
        const cands = list.map(([term, flags, ...rest]) => {
          const head = `${flags === 1 ? '~' : ''}${term}`;
          const same = head === last && rest.length > 0 && !/^[0-9~]/.test(rest[0]!);
          last = head;
          return (same ? rest : [head, ...rest]).join(' ');
        });
        return `${key}\t${cands.join('|')}`;
      })
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
    let term = 0;
    let flags = 0;
    for (const cand of line.slice(tab + 1).split('|')) {
      const words = cand.split(' ');
      const head = words[0]!;
      const c = head.charCodeAt(0);
      // A candidate starting with a word, not a term number, is the previous one's term.
      const own = c === 126 /* ~ */ || (c >= 48 && c <= 57);
      if (own) {
        flags = c === 126 ? 1 : 0;
        term = Number(flags ? head.slice(1) : head);
      }
      const candidate: Candidate = [term, flags];
      for (let k = own ? 1 : 0; k < words.length; k++) candidate.push(words[k]!);
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
