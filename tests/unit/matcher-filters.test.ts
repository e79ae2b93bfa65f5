/**
 * The matcher's shortcuts must never drop a word the slow path would match: the key filters must
 * pass every ASCII spelling that folds to a key, and the character tables must agree with the
 * Unicode definition of a word character.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KeyFilters, MAYBE_ABBREVIATION, MAYBE_WORD, PAIR_NONE } from '../../src/core/matcher/key-filter';
import { foldAbbreviation, foldWord } from '../../src/core/matcher/normalize';
import { wordWidth } from '../../src/core/matcher/word-chars';

// Heavy on the letters and endings the folds treat specially.
const stem = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...'aeisyxzhcuAEISYXZHCU09b'.split('')) });
const ending = fc.constantFrom('', 's', 'S', 'es', 'ES', 'ies', "'s", "'S", "s's", "es's", "ies's", 'ss', 'ses');
const asciiWord = fc
  .tuple(stem, ending, fc.constantFrom('', "'t"))
  .map(([s, e, inner]) => s + inner + e)
  .filter((w) => /^[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*$/.test(w));

/** Both tests of the filters, as the tokenizer runs them on the ASCII word `text[from, to)`. */
function classify(filters: KeyFilters, text: string, from = 0, to = text.length): number {
  const c0 = text.charCodeAt(from);
  const c1 = to - from > 1 ? text.charCodeAt(from + 1) : PAIR_NONE;
  const pair =
    (filters.pairs[((c0 | 0x20) << 7) | (c1 | 0x20)]! & MAYBE_WORD) |
    (filters.pairs[(c0 << 7) | c1]! & MAYBE_ABBREVIATION);
  return pair === 0 ? 0 : filters.test(text, from, to, pair);
}

describe('key filters', () => {
  test('pass every word that folds to a word key', () => {
    fc.assert(
      fc.property(asciiWord, (w) => {
        const filters = new KeyFilters(1, 1);
        filters.add(foldWord(w), 0, MAYBE_WORD);
        expect(classify(filters, w) & MAYBE_WORD).toBe(MAYBE_WORD);
      }),
      { numRuns: 3000 },
    );
  });

  test('pass every word that folds to an abbreviation', () => {
    fc.assert(
      fc.property(asciiWord, (w) => {
        const filters = new KeyFilters(1, 1);
        filters.add('=' + foldAbbreviation(w), 1, MAYBE_ABBREVIATION);
        expect(classify(filters, w) & MAYBE_ABBREVIATION).toBe(MAYBE_ABBREVIATION);
      }),
      { numRuns: 3000 },
    );
  });

  test('test a word inside a longer text by its offsets', () => {
    const filters = new KeyFilters(2, 1);
    filters.add('density', 0, MAYBE_WORD);
    filters.add('=PTH', 1, MAYBE_ABBREVIATION);
    const text = 'Bone densities and PTH’s role';
    expect(classify(filters, text, 5, 14)).toBe(MAYBE_WORD);
    expect(classify(filters, text, 19, 22)).toBe(MAYBE_ABBREVIATION);
  });

  test('let few other words through', () => {
    const filters = new KeyFilters(3, 2);
    for (const key of ['bone', 'density', 'pregnancy']) filters.add(key, 0, MAYBE_WORD);
    for (const key of ['=PTH', '=OI']) filters.add(key, 1, MAYBE_ABBREVIATION);
    const words = 'The quick brown fox jumps over the lazy dog while it is Open and Closed to Others'.split(' ');
    expect(words.filter((w) => classify(filters, w) !== 0)).toEqual([]);
  });

  test('leave keys with other characters than ASCII to the slow path', () => {
    const filters = new KeyFilters(1, 1);
    filters.add('ostéo', 0, MAYBE_WORD);
    expect(classify(filters, 'osteo')).toBe(0);
  });
});

describe('word characters', () => {
  const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
  // The first two planes (the Basic Multilingual Plane but the surrogates, and the Supplementary
  // one with its scripts, symbols and emoji), in parts.
  const ranges: [number, number][] = [];
  for (let from = 0; from < 0x20000; from += 0x1000) ranges.push([from, from === 0xd000 ? 0xd800 : from + 0x1000]);
  test.each(ranges)('agree with the Unicode classes from U+%s', (from, to) => {
    for (let cp = from; cp < to; cp++) {
      const ch = String.fromCodePoint(cp);
      expect(wordWidth(ch, 0), `U+${cp.toString(16)}`).toBe(UNICODE_WORD.test(ch) ? ch.length : 0);
    }
  });
  test('take surrogate pairs whole, and lone surrogates as no word', () => {
    expect(wordWidth('𝐀x', 0)).toBe(2); // MATHEMATICAL BOLD CAPITAL A
    expect(wordWidth('😀x', 0)).toBe(0);
    expect(wordWidth('\ud835x', 0)).toBe(0);
    expect(wordWidth('\udc00x', 0)).toBe(0);
  });
});
