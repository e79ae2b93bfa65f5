/**
 * Finds glossary phrases in a block of text: leftmost match first, longest at each position,
 * never across a full stop or other punctuation, and only on whole words. The cost per word is
 * one or two Map lookups, whatever the size of the glossary.
 */
import { foldAbbreviation, foldWord, isJoinableGap, WORD_RE } from './normalize';
import type { Candidate, MatcherData, TextMatch } from './types';

export class Matcher {
  readonly terms: readonly string[];
  private readonly phrases: Map<string, Candidate[]>;
  private readonly context: Map<string, number[]>;
  // Reused between calls so that a scan of a large page allocates little.
  private starts: number[] = [];
  private ends: number[] = [];
  private raws: string[] = [];
  private folds: (string | undefined)[] = [];
  private abbrs: (string | undefined)[] = [];

  constructor(data: MatcherData) {
    this.terms = data.terms;
    this.phrases = new Map(Object.entries(data.phrases));
    this.context = new Map(Object.entries(data.context));
  }

  /**
   * Appends the matches in `text` to `out`. Terms whose context is present (a context word, or an
   * unambiguous match of the term itself) are added to `seen`.
   */
  find(text: string, out: TextMatch[], seen: Set<number>): void {
    const { starts, ends, raws } = this;
    let n = 0;
    const re = WORD_RE;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      starts[n] = m.index;
      ends[n] = m.index + m[0].length;
      raws[n] = m[0];
      this.folds[n] = undefined;
      this.abbrs[n] = undefined;
      n++;
    }
    for (let i = 0; i < n; i++) {
      const fold = this.fold(i);
      const ctx = this.context.get(fold);
      if (ctx) for (const t of ctx) seen.add(t);
      const best = this.best(text, i, n, this.phrases.get(fold), this.phrases.get('=' + this.abbr(i)));
      if (best) {
        const last = i + best.length - 2;
        out.push({ start: starts[i]!, end: ends[last]!, term: best[0], ambiguous: best[1] === 1 });
        if (best[1] !== 1) seen.add(best[0]);
        i = last;
      }
    }
  }

  private fold(i: number): string {
    return (this.folds[i] ??= foldWord(this.raws[i]!));
  }

  private abbr(i: number): string {
    return (this.abbrs[i] ??= foldAbbreviation(this.raws[i]!));
  }

  private best(
    text: string,
    i: number,
    n: number,
    a: Candidate[] | undefined,
    b: Candidate[] | undefined,
  ): Candidate | undefined {
    const x = a && this.firstFit(text, i, n, a);
    const y = b && this.firstFit(text, i, n, b);
    if (!x) return y;
    if (!y) return x;
    return y.length > x.length ? y : x;
  }

  /** The first (so the longest) candidate whose later words follow word i. */
  private firstFit(text: string, i: number, n: number, list: Candidate[]): Candidate | undefined {
    outer: for (const c of list) {
      if (i + c.length - 2 >= n) continue;
      for (let k = 2; k < c.length; k++) {
        const j = i + k - 1;
        if (!isJoinableGap(text, this.ends[j - 1]!, this.starts[j]!)) continue outer;
        const key = c[k] as string;
        const have = key.charCodeAt(0) === 61 /* = */ ? '=' + this.abbr(j) : this.fold(j);
        if (have !== key) continue outer;
      }
      return c;
    }
    return undefined;
  }
}

/** Drops ambiguous matches whose term's context was not seen. */
export function keepInContext(matches: TextMatch[], seen: ReadonlySet<number>): TextMatch[] {
  return matches.filter((m) => !m.ambiguous || seen.has(m.term));
}
