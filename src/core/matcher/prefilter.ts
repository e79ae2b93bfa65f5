/**
 * Where on a page a glossary phrase could start, found by the browser's native RegExp engine over a
 * whole part's text at once: the page reader reads closely (block by block, word by word, in
 * JavaScript that is still cold on every page load) only the blocks around these places. On a page
 * without a term that skips nearly all of the reading.
 *
 * It must never miss: every match `Matcher.find` makes starts where `Prefilter.find` reports one
 * (tests/unit/prefilter.test.ts checks this against the matcher). It may report too much — a stem
 * inside a longer word, a case the abbreviation does not allow — and the close reading decides.
 * Context words are not looked for: they only matter once an ambiguous abbreviation is found, and
 * then the reader reads the whole page closely.
 */
import { foldWord } from './normalize';

/** Latin letters with diacritics and combining marks (and the signs that lower-case to ASCII). */
const MARKED = '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff\\u0300-\\u036f\\u212a\\u212b';
/** Such a character (a one-class RegExp is a tight native scan; the word around it is found by hand). */
const MARKED_CHAR = new RegExp(`[${MARKED}]`, 'g');
const MARKED_WORD_CHAR = new RegExp(`[A-Za-z0-9${MARKED}]`);

/** Whether the character at `i` belongs to a word as the marked-word search sees one. */
function inWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return MARKED_WORD_CHAR.test(text[i]!);
}

/** The RegExp sources and the word keys (one per line), as prefilter-source.ts makes them. */
export interface PrefilterSources {
  words: string;
  abbreviations: string;
  keys: string;
}

/** What storage holds for pages: the sources, stamped with the glossary they were made from. */
export interface StoredPrefilter extends PrefilterSources {
  stamp: string;
}

/** The storage.local key the background keeps the prefilter under. */
export const PREFILTER_KEY = 'prefilter';

/**
 * The stored prefilter if it is one and was made from this script's glossary (`stamp`); anything
 * else (missing, from another version, damaged) is none: the page is then read closely whole.
 */
export function storedPrefilter(raw: unknown, stamp: string): PrefilterSources | undefined {
  const r = raw as Partial<StoredPrefilter> | null | undefined; // a non-object has no stamp
  if (!stamp || r?.stamp !== stamp) return undefined;
  const { words, abbreviations, keys } = r;
  return typeof words === 'string' && typeof abbreviations === 'string' && typeof keys === 'string'
    ? { words, abbreviations, keys }
    : undefined;
}

export class Prefilter {
  readonly #words: RegExp;
  readonly #abbreviations: RegExp;
  /** Every word key of every phrase, first or later: a marked word folding to one is a hit. */
  readonly #keys: Set<string>;
  /**
   * Whether a marked word is a key, by how it is written: New Zealand's page has 194 words with
   * diacritics, 79 different ("Māori" 103 times). A prefilter serves one read, so this holds at
   * most the words of one page.
   */
  readonly #marked = new Map<string, boolean>();

  /** Throws on a source that is not a RegExp (the caller then reads without one). */
  constructor(src: PrefilterSources) {
    this.#words = new RegExp(src.words || '(?!)', 'gi');
    this.#abbreviations = new RegExp(src.abbreviations || '(?!)', 'g');
    this.#keys = new Set(src.keys.split('\n'));
  }

  /**
   * Appends to `out` the offsets in `text[from, to)` where a phrase may start, in order. `text` may
   * run on past `to` (so a phrase crossing `to` is seen whole); hits at or after `to` are left for
   * the next call.
   */
  find(text: string, from: number, to: number, out: number[]): void {
    const start = out.length;
    for (const re of [this.#words, this.#abbreviations]) {
      re.lastIndex = from;
      for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
        // A run of white space is passed whole (see SPACE_RUN). A hit is only where to look: the
        // next one may start inside it ("broken vertebra").
        const hit = text.charCodeAt(m.index) > 32;
        if (hit) out.push(m.index);
        re.lastIndex = m.index + (hit ? 1 : m[0].length);
      }
    }
    // A word with a diacritic: found by its marked character, then taken whole and folded.
    const marked = MARKED_CHAR;
    marked.lastIndex = from;
    for (let m = marked.exec(text); m && m.index < to; m = marked.exec(text)) {
      let a = m.index;
      while (a > 0 && inWord(text, a - 1)) a--;
      let b = m.index + 1;
      while (b < text.length && inWord(text, b)) b++;
      marked.lastIndex = b;
      const word = text.slice(a, b);
      let isKey = this.#marked.get(word);
      if (isKey === undefined) this.#marked.set(word, (isKey = this.#keys.has(foldWord(word))));
      if (isKey) out.push(a);
    }
    if (out.length - start > 1) {
      const added = out.splice(start).sort((a, b) => a - b);
      for (const a of added) out.push(a);
    }
  }
}
