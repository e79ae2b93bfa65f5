/**
 * Which characters belong to words (Unicode letters, marks and numbers), decided without a
 * RegExp for the characters English pages are full of. A Unicode-property RegExp is compiled on
 * first use in every frame, and the first curly quote or dash on a page used to pay for it; only
 * characters outside the ranges below (other scripts, symbols) still go through it, once each.
 */

/** Code points below U+0100: ASCII letters and digits, and Latin-1's letters and numbers. */
const LATIN1 = new Uint8Array(256);
for (const [from, to] of [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xaa, 0xaa], // ª
  [0xb2, 0xb3], // ² ³
  [0xb5, 0xb5], // µ
  [0xb9, 0xba], // ¹ º
  [0xbc, 0xbe], // ¼ ½ ¾
  [0xc0, 0xd6],
  [0xd8, 0xf6], // not × (D7) nor ÷ (F7)
  [0xf8, 0xff],
] as const) {
  LATIN1.fill(1, from, to + 1);
}

/** ASCII letters and digits: 1, else 0. Indexed by code unit below 128. */
export const ASCII_WORD: Uint8Array = LATIN1.subarray(0, 128);

const OTHER = /[\p{L}\p{M}\p{N}]/u;
const otherCache = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x100) return LATIN1[cp] === 1;
  // Latin Extended-A and -B are all letters; combining diacritics all marks.
  if (cp < 0x250 || (cp >= 0x300 && cp < 0x370)) return true;
  // General Punctuation (spaces, dashes, quotes, bullets), arrows, mathematical and technical signs
  // ("−", "≤"), box drawing, shapes and dingbats: no letter, mark or number.
  if ((cp >= 0x2000 && cp < 0x2070) || (cp >= 0x2190 && cp < 0x2460) || (cp >= 0x2500 && cp < 0x2776)) return false;
  // Subscript and superscript digits ("D₃", "CO₂").
  if ((cp >= 0x2080 && cp < 0x208a) || (cp >= 0x2074 && cp < 0x207a)) return true;
  let is = otherCache.get(cp);
  if (is === undefined) {
    const ch = String.fromCodePoint(cp);
    // A letter with case (Greek "β" and "μ" in medical text, Cyrillic) is one without the RegExp,
    // whose compile cost Wikipedia "Osteoporosis" about 3 ms. (Circled letters have case too, and
    // are symbols.)
    is = (cp < 0x2460 || cp > 0x24ff) && ch.toLowerCase() !== ch.toUpperCase() ? true : OTHER.test(ch);
    otherCache.set(cp, is);
  }
  return is;
}

/** The length of the word character at `i` (1, or 2 for a surrogate pair), or 0 if it is none. */
export function wordWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c < 0xd800 || c > 0xdbff) return isWordCodePoint(c) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return isWordCodePoint(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}
