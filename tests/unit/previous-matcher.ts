/**
 * The page matcher as it was before the key filters (src/core/matcher/matcher.ts at 9cfbd5d),
 * kept unchanged as an oracle: the current matcher must find exactly what this one finds on the
 * bench pages (matcher-bench-texts.test.ts).
 */
import { foldAbbreviation, foldWord, isJoinableGap } from '../../src/core/matcher/normalize';
import type { Candidate, MatcherData, TextMatch } from '../../src/core/matcher/types';

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;
/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

function lengthBit(length: number): number {
  return (1 << Math.min(length, 31)) >>> 0;
}

/** A first word shared by many phrases gets its candidates sorted by second word too. */
const INDEX_SECOND_WORD_AFTER = 8;

interface Candidates {
  /** Longest first. */
  all: Candidate[];
  /** For long lists: candidates by the key of their second word, and the one-word ones. */
  bySecond?: Map<string, Candidate[]>;
  single?: Candidate[];
}

function group(list: Candidate[]): Candidates {
  if (list.length <= INDEX_SECOND_WORD_AFTER) return { all: list };
  const bySecond = new Map<string, Candidate[]>();
  const single: Candidate[] = [];
  for (const c of list) {
    if (c.length === 2) single.push(c);
    else {
      const key = c[2] as string;
      const l = bySecond.get(key);
      if (l) l.push(c);
      else bySecond.set(key, [c]);
    }
  }
  return { all: list, bySecond, single };
}

export class PreviousMatcher {
  readonly terms: readonly string[];
  readonly #words = new Map<string, Candidates>();
  readonly #abbreviations = new Map<string, Candidates>();
  /** First characters of abbreviation keys: other words skip the abbreviation lookup. */
  readonly #abbreviationStarts = new Set<number>();
  readonly #context: Map<string, number[]>;
  readonly #wordCache = new Map<number, boolean>();
  /**
   * For an ASCII word starting with letter or digit c: a bit per length (1…31, and 31+) that a
   * word key or context word of that start could have as written (plus "s", "es" or "'s").
   * Most words on a page fail this test and are never cut out or folded.
   */
  readonly #lengths = new Uint32Array(128);
  #ascii: boolean[] = [];
  // Reused between calls so that a scan of a large page allocates little.
  #starts: number[] = [];
  #ends: number[] = [];
  #folds: (string | undefined)[] = [];
  #abbrs: (string | undefined)[] = [];
  #text = '';

  constructor(data: MatcherData) {
    this.terms = data.terms;
    for (const [key, list] of Object.entries(data.phrases)) {
      if (key.charCodeAt(0) === 61 /* = */) {
        this.#abbreviations.set(key.slice(1), group(list));
        this.#abbreviationStarts.add(key.charCodeAt(1));
      } else this.#words.set(key, group(list));
    }
    this.#context = new Map(Object.entries(data.context));
    for (const key of [...this.#words.keys(), ...this.#context.keys()]) {
      const c = key.charCodeAt(0);
      if (c >= 128) continue;
      for (let extra = 0; extra <= 2; extra++) this.#lengths[c] = this.#lengths[c]! | lengthBit(key.length + extra);
    }
  }

  /**
   * Appends the matches in `text` to `out`. Terms whose context is present (a context word, or an
   * unambiguous match of the term itself) are added to `seen`.
   */
  find(text: string, out: TextMatch[], seen: Set<number>): void {
    this.#text = text;
    const n = this.#tokenize(text);
    const starts = this.#starts;
    const ends = this.#ends;
    const ascii = this.#ascii;
    const lengths = this.#lengths;
    for (let i = 0; i < n; i++) {
      const first = text.charCodeAt(starts[i]!);
      // Upper-case ASCII letters fold to lower case by one bit; digits are unchanged by it.
      const possible = !ascii[i] || (lengths[first | 0x20]! & lengthBit(ends[i]! - starts[i]!)) !== 0;
      let w: Candidates | undefined;
      if (possible) {
        const fold = this.#fold(i);
        const ctx = this.#context.get(fold);
        if (ctx) for (const t of ctx) seen.add(t);
        w = this.#words.get(fold);
      }
      const a = this.#abbreviationStarts.has(first) ? this.#abbreviations.get(this.#abbr(i)) : undefined;
      if (!w && !a) continue;
      const x = w && this.#firstFit(i, n, w);
      const y = a && this.#firstFit(i, n, a);
      const best = !x ? y : !y ? x : y.length > x.length ? y : x;
      if (best) {
        const last = i + best.length - 2;
        out.push({ start: starts[i]!, end: ends[last]!, term: best[0], ambiguous: best[1] === 1 });
        if (best[1] !== 1) seen.add(best[0]);
        i = last;
      }
    }
    this.#text = '';
  }

  /** Splits `text` into words (as WORD_RE would); returns how many. */
  #tokenize(text: string): number {
    const starts = this.#starts;
    const ends = this.#ends;
    const folds = this.#folds;
    const abbrs = this.#abbrs;
    const ascii = this.#ascii;
    const len = text.length;
    let n = 0;
    let i = 0;
    while (i < len) {
      // ASCII inline (most text); anything else through the cached Unicode test.
      let c = text.charCodeAt(i);
      const w = c < 128 ? ASCII_WORD[c]! : this.#wordWidth(text, i);
      if (!w) {
        i++;
        continue;
      }
      const start = i;
      let asciiOnly = c < 128;
      i += w;
      while (i < len) {
        c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_WORD[c]) {
            i++;
            continue;
          }
          // An apostrophe inside a word ("mother's"), not at its end.
          if (c === 39 && i + 1 < len && this.#wordWidth(text, i + 1)) {
            i++;
            continue;
          }
          break;
        }
        const ww = this.#wordWidth(text, i);
        if (ww) {
          asciiOnly = false;
          i += ww;
          continue;
        }
        if (c === 0x2019 && i + 1 < len && this.#wordWidth(text, i + 1)) {
          asciiOnly = false;
          i++;
          continue;
        }
        break;
      }
      starts[n] = start;
      ends[n] = i;
      ascii[n] = asciiOnly;
      folds[n] = undefined;
      abbrs[n] = undefined;
      n++;
    }
    return n;
  }

  /** The length of the word character at `i` (1, or 2 for a surrogate pair), or 0. */
  #wordWidth(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 128) return ASCII_WORD[c]!;
    const cp = text.codePointAt(i)!;
    let is = this.#wordCache.get(cp);
    if (is === undefined) {
      is = NON_ASCII_WORD.test(String.fromCodePoint(cp));
      this.#wordCache.set(cp, is);
    }
    return is ? (cp > 0xffff ? 2 : 1) : 0;
  }

  #fold(i: number): string {
    return (this.#folds[i] ??= foldWord(this.#text.slice(this.#starts[i], this.#ends[i])));
  }

  #abbr(i: number): string {
    return (this.#abbrs[i] ??= foldAbbreviation(this.#text.slice(this.#starts[i], this.#ends[i])));
  }

  /** The first (so the longest) candidate whose later words follow word i. */
  #firstFit(i: number, n: number, group: Candidates): Candidate | undefined {
    if (!group.bySecond || i + 1 >= n || !isJoinableGap(this.#text, this.#ends[i]!, this.#starts[i + 1]!)) {
      return this.#fit(i, n, group.bySecond ? (group.single ?? []) : group.all);
    }
    // Longer candidates first: those whose second word is this word's, by either key, then one-word ones.
    const a = group.bySecond.get(this.#fold(i + 1));
    const b = this.#abbreviationStarts.size ? group.bySecond.get('=' + this.#abbr(i + 1)) : undefined;
    const x = a && this.#fit(i, n, a);
    const y = b && this.#fit(i, n, b);
    const best = !x ? y : !y ? x : y.length > x.length ? y : x;
    return best ?? this.#fit(i, n, group.single ?? []);
  }

  #fit(i: number, n: number, list: Candidate[]): Candidate | undefined {
    outer: for (const c of list) {
      if (i + c.length - 2 >= n) continue;
      for (let k = 2; k < c.length; k++) {
        const j = i + k - 1;
        if (!isJoinableGap(this.#text, this.#ends[j - 1]!, this.#starts[j]!)) continue outer;
        const key = c[k] as string;
        const have = key.charCodeAt(0) === 61 /* = */ ? '=' + this.#abbr(j) : this.#fold(j);
        if (have !== key) continue outer;
      }
      return c;
    }
    return undefined;
  }
}
