/**
 * Compiles every alias and abbreviation of the glossary into one lookup table keyed by the first
 * word of each phrase (see docs/decisions.md: a word table beat a big RegExp and the JS
 * Aho–Corasick packages on real pages). Runs once at build time; the content script loads the
 * result ready-made.
 */
import { foldAbbreviation, foldWord, isJoinableGap, tokenize } from './normalize';
import type { Candidate, MatcherData } from './types';

export interface PatternInput {
  term: number;
  text: string;
  /** Abbreviations match with exact case. */
  caseSensitive: boolean;
  /** Counts only where a context word of the term occurs on the page. */
  ambiguous: boolean;
}

export interface PatternProblem {
  term: number;
  text: string;
  reason: string;
  /** For a collision: the other term that already claims the same words. */
  otherTerm?: number;
}

/** The word-key sequences a pattern stands for (hyphenated words also match written together). */
export function patternVariants(text: string, caseSensitive: boolean): string[][] | string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return 'has no words';
  const joins: number[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const cur = tokens[i]!;
    if (!isJoinableGap(text, prev.end, cur.start)) {
      return `"${text.slice(prev.end, cur.start)}" between words cannot be matched on a page`;
    }
    if (text.slice(prev.end, cur.start) === '-') joins.push(i);
  }
  const key = (raw: string) => (caseSensitive ? '=' + foldAbbreviation(raw) : foldWord(raw));
  const out: string[][] = [];
  const combos = 1 << Math.min(joins.length, 4);
  for (let mask = 0; mask < combos; mask++) {
    const raws: string[] = [];
    tokens.forEach((t, i) => {
      const j = joins.indexOf(i);
      if (j >= 0 && j < 4 && mask & (1 << j)) raws[raws.length - 1] += t.raw;
      else raws.push(t.raw);
    });
    out.push(raws.map(key));
  }
  return out;
}

export function compileMatcher(
  termIds: readonly string[],
  patterns: readonly PatternInput[],
  contextWords: ReadonlyMap<number, readonly string[]>,
): { data: MatcherData; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const owner = new Map<string, number>();
  const phrases: Record<string, Candidate[]> = {};
  for (const p of patterns) {
    const variants = patternVariants(p.text, p.caseSensitive);
    if (typeof variants === 'string') {
      problems.push({ term: p.term, text: p.text, reason: variants });
      continue;
    }
    for (const keys of variants) {
      const id = keys.join('\u0001');
      const prior = owner.get(id);
      if (prior !== undefined) {
        if (prior !== p.term) {
          problems.push({ term: p.term, text: p.text, reason: 'is also an alias of another term', otherTerm: prior });
        }
        continue;
      }
      owner.set(id, p.term);
      const [first, ...rest] = keys as [string, ...string[]];
      (phrases[first] ??= []).push([p.term, p.ambiguous ? 1 : 0, ...rest]);
    }
  }
  for (const list of Object.values(phrases)) list.sort((a, b) => b.length - a.length);
  const context: Record<string, number[]> = {};
  for (const [term, words] of contextWords) {
    for (const w of words) {
      const k = foldWord(w);
      const list = (context[k] ??= []);
      if (!list.includes(term)) list.push(term);
    }
  }
  return { data: { terms: [...termIds], phrases, context }, problems };
}
