/**
 * Text normalization shared by the glossary compiler and the page scanner. Both sides fold words
 * the same way, so a folding that merges two distinct words can only ever cause a false match,
 * never a missed one; the rules are kept deliberately small (case, diacritics, apostrophes,
 * possessives and regular English plurals).
 */

/** A word: letters, marks and digits, with apostrophes allowed inside ("mother's"). */
export const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;

const NON_ASCII = /[^\u0000-\u007f]/;
/**
 * Without the combining marks of the diacritics blocks: what NFD splits off Latin, Greek and
 * Cyrillic letters. By hand, not with `/\p{M}/gu`, whose first use compiles a class of every mark
 * in Unicode (half a millisecond on a fast machine) on any page with one accented word. Marks of
 * other scripts stay: no word of theirs folds to an English key either way.
 */
function stripMarks(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const mark =
      (c >= 0x300 && c < 0x370) ||
      (c >= 0x1ab0 && c < 0x1b00) ||
      (c >= 0x1dc0 && c < 0x1e00) ||
      (c >= 0x20d0 && c < 0x2100) ||
      (c >= 0xfe20 && c < 0xfe30);
    if (!mark) out += w[i];
  }
  return out;
}

/** Strip a trailing possessive: "mother's", "mothers'" and the curly forms. */
function stripPossessive(word: string): string {
  const n = word.length;
  if (n > 2) {
    const a = word.charCodeAt(n - 2);
    if ((a === 39 || a === 0x2019) && (word.charCodeAt(n - 1) | 32) === 115) return word.slice(0, -2);
  }
  const last = word.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, -1);
  return word;
}

/** Fold a regular English plural to its singular; irregular plurals are listed as aliases. */
function singular(w: string): string {
  const n = w.length;
  if (n < 4 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  const p = w.charCodeAt(n - 2);
  if (p === 115 /* ss */ || p === 117 /* us */ || p === 105 /* is */) return w;
  if (p === 101 /* es */) {
    if (w.endsWith('ies') && n > 4) return w.slice(0, -3) + 'y';
    // "boxes", "patches", "glasses" lose "es"; "exercises", "doses", "diseases" only "s".
    if (/(?:x|z|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  }
  return w.slice(0, -1);
}

/**
 * The case-insensitive key of a word: "Bisphosphonates" → "bisphosphonate", "ostéoporose" →
 * "osteoporose". A single letter keeps its diacritic: "ď" or "Ž" is a letter of its own in the
 * languages that write it, never an English word's, and folded to "d" or "z" every row of a table
 * of characters (WHATWG's named references) looked like the start of "vitamin D" or "Z-score".
 */
export function foldWord(raw: string): string {
  let w = raw.toLowerCase();
  if (NON_ASCII.test(w)) {
    const bare = stripMarks(w.normalize('NFD'));
    if (bare.length > 1) w = bare;
  }
  return singular(stripPossessive(w));
}

/**
 * The case-sensitive key of an abbreviation: exact case, with a possessive or a lower-case plural
 * "s" after a capital removed ("BMDs" → "BMD", "PLAO's" → "PLAO").
 */
export function foldAbbreviation(raw: string): string {
  const w = stripPossessive(raw);
  const n = w.length;
  if (n > 1 && w.charCodeAt(n - 1) === 115) {
    const p = w.charCodeAt(n - 2);
    if (p >= 65 && p <= 90) return w.slice(0, -1);
  }
  return w;
}

/**
 * Whether the characters between two words let a phrase continue across them: white space of any
 * kind and length (HTML source wraps lines anywhere), and at most two hyphens or dashes. Anything
 * else (a full stop, a comma, a bracket) ends the phrase.
 */
export function isJoinableGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x202f || c === 0x3000) continue;
    if (c >= 0x2000 && c <= 0x200a) continue;
    if (c === 45 || c === 0xad || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d) {
      if (++dashes > 2) return false;
      continue;
    }
    return false;
  }
  return true;
}

export interface Token {
  start: number;
  end: number;
  raw: string;
}

/** Split text into words, with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}
