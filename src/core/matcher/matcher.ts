/**
 * Finds glossary phrases in a block of text: leftmost match first, longest at each position,
 * never across a full stop or other punctuation, and only on whole words. The cost per word is
 * one Map lookup by the word as written (its keys are worked out the first time the page writes
 * it), whatever the size of the glossary, and only for the few words a Bloom filter lets through
 * (see key-filter.ts).
 *
 * Reading the words is most of a page scan, and a large part of it runs before the JIT has
 * warmed up, so it is one loop over the characters that records where each word starts and ends
 * (typed arrays, reused between blocks) and hashes it on the way; everything else happens only
 * for the words the filter passes.
 */
import { KeyFilters, MAYBE_ABBREVIATION, MAYBE_WORD, PAIR_NONE } from './key-filter';
import { foldAbbreviation, foldWord, isJoinableGap } from './normalize';
import type { Candidate, MatcherData, TextMatch } from './types';
import { ASCII_WORD, wordWidth } from './word-chars';

/** A first word shared by many phrases gets its candidates sorted by second word too. */
const INDEX_SECOND_WORD_AFTER = 8;
/** Words remembered at most (then forgotten at once): a page of endless different words does not grow it for ever. */
const WORDS_KEPT = 4096;

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

/** A word as written, worked out once: its keys, and what the glossary holds under them. */
interface Word {
  fold: string;
  /** "=" and the abbreviation key, as phrases' later words write it. */
  abbr: string;
  word: Candidates | undefined;
  abbreviation: Candidates | undefined;
  context: number[] | undefined;
}

export class Matcher {
  readonly terms: readonly string[];
  readonly #words = new Map<string, Candidates>();
  readonly #abbreviations = new Map<string, Candidates>();
  readonly #context: Map<string, number[]>;
  /** Which words may be keys, for words of ASCII characters. */
  readonly #filters: KeyFilters;
  /** First characters of abbreviation keys: words with other characters than ASCII skip them otherwise. */
  readonly #abbreviationStarts = new Set<number>();
  // Reused between calls so that a scan of a large page allocates little.
  #starts = new Int32Array(256);
  #ends = new Int32Array(256);
  /** Word index << 2 | kind, for the words the filters let through, in order. */
  #hits = new Int32Array(64);
  /**
   * The words looked up on this page so far, by how they are written: a page about bone health
   * repeats its terms (Wikipedia "Osteoporosis" looks up 700 words, 136 of them different: "bone"
   * 105 times), and folding and looking up are most of a hit's cost in code the JIT has just met.
   */
  readonly #known = new Map<string, Word>();
  /** Whether the gap before a word lets a phrase continue: 1 no, 2 yes, where the stamp is `#call`. */
  #gaps = new Uint8Array(256);
  #gapStamps = new Int32Array(256);
  #call = 0;
  #text = '';
  #wordCount = 0;

  constructor(data: MatcherData) {
    this.terms = data.terms;
    const phrases = Object.entries(data.phrases);
    this.#context = new Map(Object.entries(data.context));
    this.#filters = new KeyFilters(phrases.length + this.#context.size, phrases.length >> 3);
    for (const [key, list] of phrases) {
      if (key.charCodeAt(0) === 61 /* = */) {
        this.#abbreviations.set(key.slice(1), group(list));
        this.#abbreviationStarts.add(key.charCodeAt(1));
        this.#filters.add(key, 1, MAYBE_ABBREVIATION);
      } else {
        this.#words.set(key, group(list));
        this.#filters.add(key, 0, MAYBE_WORD);
      }
    }
    for (const key of this.#context.keys()) this.#filters.add(key, 0, MAYBE_WORD);
  }

  /**
   * Appends the matches in `text` to `out`. Terms whose context is present (a context word, or an
   * unambiguous match of the term itself) are added to `seen`.
   */
  find(text: string, out: TextMatch[], seen: Set<number>): void {
    this.#text = text;
    // A new stamp invalidates the gaps of the previous block; wrapping around clears them.
    if (++this.#call === 0x40000000) {
      this.#call = 1;
      this.#gapStamps.fill(0);
    }
    const hitCount = this.#tokenize(text);
    const n = this.#wordCount;
    const hits = this.#hits;
    const starts = this.#starts;
    const ends = this.#ends;
    let next = 0; // the first word not yet inside a match
    for (let h = 0; h < hitCount; h++) {
      const hit = hits[h]!;
      const i = hit >> 2;
      if (i < next) continue;
      const word = this.#word(i);
      let w: Candidates | undefined;
      if (hit & MAYBE_WORD) {
        if (word.context) for (const t of word.context) seen.add(t);
        w = word.word;
      }
      const a = hit & MAYBE_ABBREVIATION ? word.abbreviation : undefined;
      if (!w && !a) continue;
      const x = w && this.#firstFit(i, n, w);
      const y = a && this.#firstFit(i, n, a);
      const best = !x ? y : !y ? x : y.length > x.length ? y : x;
      if (best) {
        const last = i + best.length - 2;
        out.push({ start: starts[i]!, end: ends[last]!, term: best[0], ambiguous: best[1] === 1 });
        if (best[1] !== 1) seen.add(best[0]);
        next = last + 1;
      }
    }
    this.#text = '';
  }

  /**
   * Splits `text` into words (as WORD_RE would) into `#starts` and `#ends`, and lists in `#hits`
   * the words that may be keys. Returns how many hits; `#wordCount` is the number of words.
   */
  #tokenize(text: string): number {
    const len = text.length;
    let starts = this.#starts;
    let ends = this.#ends;
    const filters = this.#filters;
    const pairs = filters.pairs;
    let hits = this.#hits;
    let hitCount = 0;
    let n = 0;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      // ASCII inline (most text); anything else through the table and cache of word-chars.ts.
      if (c < 128 ? ASCII_WORD[c] === 0 : wordWidth(text, i) === 0) {
        i++;
        continue;
      }
      const start = i;
      const first = c;
      let ascii = true;
      for (;;) {
        if (c < 128) {
          if (ASCII_WORD[c] === 1) i++;
          // An apostrophe inside a word ("mother's"), not at its end.
          else if (c === 39 /* ' */ && i + 1 < len && wordWidth(text, i + 1) !== 0) i++;
          else break;
        } else {
          const width = wordWidth(text, i);
          if (width !== 0) i += width;
          else if (c === 0x2019 /* ’ */ && i + 1 < len && wordWidth(text, i + 1) !== 0) i++;
          else break;
          ascii = false;
        }
        if (i >= len) break;
        c = text.charCodeAt(i);
      }
      if (n === starts.length) {
        this.#grow();
        starts = this.#starts;
        ends = this.#ends;
      }
      starts[n] = start;
      ends[n] = i;
      let kind = 0;
      if (ascii) {
        // The filters' first test, inlined (KeyFilters.pairs): most words end here, without a call.
        const c1 = i - start > 1 ? text.charCodeAt(start + 1) : PAIR_NONE;
        const pair =
          (pairs[((first | 0x20) << 7) | (c1 | 0x20)]! & MAYBE_WORD) | (pairs[(first << 7) | c1]! & MAYBE_ABBREVIATION);
        if (pair !== 0) kind = filters.test(text, start, i, pair);
      } else {
        // Lower-casing and removing diacritics can turn other characters into ASCII: not filtered.
        kind = MAYBE_WORD | (this.#abbreviationStarts.has(first) ? MAYBE_ABBREVIATION : 0);
      }
      if (kind !== 0) {
        if (hitCount === hits.length) {
          const more = new Int32Array(hits.length * 2);
          more.set(hits);
          this.#hits = hits = more;
        }
        hits[hitCount++] = (n << 2) | kind;
      }
      n++;
    }
    this.#wordCount = n;
    return hitCount;
  }

  /** Doubles the room for words, keeping the offsets read so far (the caches start empty). */
  #grow(): void {
    const cap = this.#starts.length * 2;
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    starts.set(this.#starts);
    ends.set(this.#ends);
    this.#starts = starts;
    this.#ends = ends;
    this.#gaps = new Uint8Array(cap);
    this.#gapStamps = new Int32Array(cap);
  }

  /** Word `i` of the block, worked out once per page by how it is written (see `#known`). */
  #word(i: number): Word {
    const raw = this.#text.slice(this.#starts[i], this.#ends[i]);
    let w = this.#known.get(raw);
    if (!w) {
      const fold = foldWord(raw);
      const abbr = foldAbbreviation(raw);
      w = {
        fold,
        abbr: '=' + abbr,
        word: this.#words.get(fold),
        abbreviation: this.#abbreviations.get(abbr),
        context: this.#context.get(fold),
      };
      if (this.#known.size === WORDS_KEPT) this.#known.clear();
      this.#known.set(raw, w);
    }
    return w;
  }

  /** Whether a phrase can continue from word j − 1 to word j; worked out once per word and block. */
  #joins(j: number): boolean {
    if (this.#gapStamps[j] !== this.#call) {
      this.#gaps[j] = isJoinableGap(this.#text, this.#ends[j - 1]!, this.#starts[j]!) ? 2 : 1;
      this.#gapStamps[j] = this.#call;
    }
    return this.#gaps[j] === 2;
  }

  /** The first (so the longest) candidate whose later words follow word i. */
  #firstFit(i: number, n: number, group: Candidates): Candidate | undefined {
    if (!group.bySecond || i + 1 >= n || !this.#joins(i + 1)) {
      return this.#fit(i, n, group.bySecond ? (group.single ?? []) : group.all);
    }
    // Longer candidates first: those whose second word is this word's, by either key, then one-word ones.
    const next = this.#word(i + 1);
    const a = group.bySecond.get(next.fold);
    const b = this.#abbreviationStarts.size ? group.bySecond.get(next.abbr) : undefined;
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
        if (!this.#joins(j)) continue outer;
        const key = c[k] as string;
        const w = this.#word(j);
        if ((key.charCodeAt(0) === 61 /* = */ ? w.abbr : w.fold) !== key) continue outer;
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
