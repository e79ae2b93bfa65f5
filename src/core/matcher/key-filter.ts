/**
 * Bloom filters (one probe each) over the keys of the term table, tested with a hash of each word
 * the tokenizer reads. Nearly every word on a page is no key (98–99 % on the bench pages, where
 * the old first-letter-and-length test let 60 % through), and the filters reject it before any
 * string is cut out, lower-cased or looked up. A word a filter lets through is folded and looked
 * up as before, so a false positive costs a little time and never a wrong match.
 *
 * Folding a word only removes an ending made of "s", "e", "i", "y" and "'" (plurals, "ies" for
 * "y", possessives: `foldWord`), so a word and the key it folds to agree once every such letter at
 * the end is dropped from both: "densities" and "density" are both "densit". Folding an
 * abbreviation only removes "s" and "'" (`foldAbbreviation`). The filters hold the hash of that
 * stem of each key, lower-cased: one hash a key, which keeps the set-up small in every frame.
 */

/** Characters a fold may remove at the end of a word: bit 1; of an abbreviation: bit 2. */
const ENDING = new Uint8Array(128);
const ENDINGS = [..."eiyEIYsS'"].map((c) => c.charCodeAt(0));
for (const c of ENDINGS) ENDING[c] = c === 0x73 || c === 0x53 || c === 0x27 ? 3 : 1;

export const MAYBE_WORD = 1;
export const MAYBE_ABBREVIATION = 2;

/** Where the stem of `text[from, to)` ends; `kind` MAYBE_WORD or MAYBE_ABBREVIATION. */
function stemEnd(text: string, from: number, to: number, kind: number): number {
  // The first character stays: a key such as "e" would otherwise let every "is" through.
  while (to > from + 1 && (ENDING[text.charCodeAt(to - 1)]! & kind) !== 0) to--;
  return to;
}

/**
 * The hash of `text[from, to)`, lower-cased by `c | 0x20` for a word (exact for ASCII letters;
 * digits and "'" stay), as written for an abbreviation.
 */
function hash(text: string, from: number, to: number, lower: number): number {
  let h = 0;
  // Math.imul, not `h * 31`: V8 compiles a product of two int32s as a checked multiply that
  // leaves the fast path on overflow, which a hash overflows at every few characters.
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | lower)) | 0;
  return h;
}

const LOWER = 0x20;
const AS_IS = 0;

class Bits {
  readonly #bits: Int32Array;
  readonly #shift: number;

  constructor(size: number) {
    // About 128 bits a key: under 1 % false positives with one probe; 2^10 to 2^20 bits.
    let log = 10;
    while (log < 20 && 1 << log < size * 128) log++;
    this.#bits = new Int32Array(1 << (log - 5));
    this.#shift = 32 - log;
  }

  add(h: number): void {
    const bit = Math.imul(h, 0x9e3779b1) >>> this.#shift;
    this.#bits[bit >>> 5] = this.#bits[bit >>> 5]! | (1 << (bit & 31));
  }

  /** Fibonacci hashing: the top bits of the product vary with every bit of the hash. */
  has(h: number): boolean {
    const bit = Math.imul(h, 0x9e3779b1) >>> this.#shift;
    return (this.#bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** A word of one character: its "second character" in the pair table. */
export const PAIR_NONE = 0x20;

/** The index of a word's first two (ASCII) characters in the pair table. */
function pairIndex(c0: number, c1: number): number {
  return (c0 << 7) | c1;
}

export class KeyFilters {
  /**
   * A first test, before any hashing: for each pair of first two characters (`c0 << 7 | c1`,
   * PAIR_NONE for a word of one), bit MAYBE_WORD if a word key's stem starts with them
   * lower-cased, bit MAYBE_ABBREVIATION if an abbreviation's does as written. Three words in four
   * fail it on English pages; the tokenizer runs it inline, then `test` for the rest.
   */
  readonly pairs = new Uint8Array(128 * 128);
  readonly #words: Bits;
  readonly #abbreviations: Bits;

  constructor(words: number, abbreviations: number) {
    this.#words = new Bits(words);
    this.#abbreviations = new Bits(abbreviations);
  }

  /** Enters a word key, or an abbreviation's key from `from` on (to skip its "="). */
  add(key: string, from: number, kind: typeof MAYBE_WORD | typeof MAYBE_ABBREVIATION): void {
    const lower = kind === MAYBE_WORD ? LOWER : AS_IS;
    // One loop (this runs for every key in every frame): the hash of the stem, and ASCII only.
    let h = 0;
    let stem = 0;
    let stemLength = 0;
    for (let i = from; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c >= 128) return; // words with other characters are not filtered
      h = (Math.imul(h, 31) + (c | lower)) | 0;
      if (i === from || (ENDING[c]! & kind) === 0) {
        stem = h;
        stemLength = i - from + 1;
      }
    }
    const c0 = key.charCodeAt(from) | lower;
    if (stemLength > 1) this.pairs[pairIndex(c0, key.charCodeAt(from + 1) | lower)]! |= kind;
    else {
      // A stem of one character: the word is that character alone or followed by an ending.
      this.pairs[pairIndex(c0, PAIR_NONE)]! |= kind;
      for (const e of ENDINGS) if (ENDING[e]! & kind) this.pairs[pairIndex(c0, e | lower)]! |= kind;
    }
    if (kind === MAYBE_WORD) this.#words.add(stem);
    else this.#abbreviations.add(stem);
  }

  /**
   * For the ASCII word `text[from, to)` whose first characters passed `pairs` for the kinds in
   * `pair`: MAYBE_WORD if it may fold to a word key or context word, plus MAYBE_ABBREVIATION if it
   * may fold to an abbreviation's key.
   */
  test(text: string, from: number, to: number, pair: number): number {
    let kind = 0;
    if (pair & MAYBE_WORD && this.#words.has(hash(text, from, stemEnd(text, from, to, MAYBE_WORD), LOWER))) {
      kind = MAYBE_WORD;
    }
    if (
      pair & MAYBE_ABBREVIATION &&
      this.#abbreviations.has(hash(text, from, stemEnd(text, from, to, MAYBE_ABBREVIATION), AS_IS))
    ) {
      kind |= MAYBE_ABBREVIATION;
    }
    return kind;
  }
}
