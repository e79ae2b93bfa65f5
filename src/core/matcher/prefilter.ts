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
import type { MatcherData } from './types';

/** What may separate two words of a phrase: a superset of `isJoinableGap`'s spaces and dashes. */
const GAP = '[\\s\\xad\\u2010-\\u2015\\u2212\\ufe63\\uff0d-]+'; // \s holds the no-break and other spaces

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

/**
 * What may follow a word's stem within the word: the rest of a plural, a possessive ("spine's",
 * "therapies'"). Bounded: an unbounded run here made a long run of letters quadratic.
 */
const TAIL = "[\\w'\\u2019]{0,4}";

/** An abbreviation is a whole word: after it only a plural "s", an apostrophe or a non-letter ("AFF" is not in "AFFFE"). */
const ABBREVIATION_END = '(?![A-Za-rt-z0-9])';

/** Letters enough that a piece is rare in ordinary text ("number of" is not; "over the counter" is). */
const DISTINCT = 10;

/** One character as a pattern: letters and digits as they are, anything else escaped by code. */
function token(ch: string): string {
  const c = ch.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return ch;
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** A key's written forms all start with its stem: "therapies" folds to "therapy". */
function stem(key: string): string {
  return key.length >= 3 && key.charCodeAt(key.length - 1) === 121 /* y */ ? key.slice(0, -1) : key;
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

const trie = (): Trie => ({ end: false, next: new Map() });

function add(root: Trie, tokens: string[]): void {
  let node = root;
  for (const t of tokens) {
    if (node.end) return;
    let child = node.next.get(t);
    if (!child) node.next.set(t, (child = trie()));
    node = child;
  }
  node.end = true;
  node.next.clear();
}

/**
 * The pieces as one trie-shaped pattern: at each place in the text the engine follows only the
 * branch of the character it sees, instead of trying hundreds of alternatives one by one (a flat
 * alternation was a hundred times slower). A piece that ends makes longer ones after it needless.
 */
function emit(node: Trie): string {
  if (node.end) return '';
  let out = '';
  let n = 0;
  for (const [t, child] of node.next) out += (n++ ? '|' : '') + t + emit(child);
  return n === 1 ? out : `(?:${out})`;
}

/**
 * The two pattern sources. Words, case-insensitive: each first word with the words after it until
 * the piece is distinctive, so that a common first word ("low", "x", "over the") is not a hit on
 * its own. Abbreviations, with their case, as whole words.
 */
export function prefilterSources(data: MatcherData): { words: string; abbreviations: string } {
  const words = trie();
  const abbreviations = trie();
  for (const key in data.phrases) {
    if (key.charCodeAt(0) === 61 /* = */) {
      const tokens = [...key.slice(1)].map(token);
      tokens[tokens.length - 1] += ABBREVIATION_END;
      add(abbreviations, tokens);
      continue;
    }
    for (const c of data.phrases[key]!) {
      const tokens = [...stem(key)].map(token);
      let letters = tokens.length;
      for (let k = 2; k < c.length && letters < DISTINCT; k++) {
        const next = c[k] as string;
        const w = next.charCodeAt(0) === 61 ? next.slice(1).toLowerCase() : stem(next);
        tokens.push(TAIL, GAP, ...[...w].map(token));
        letters += w.length;
      }
      add(words, tokens);
    }
  }
  return { words: emit(words), abbreviations: emit(abbreviations) };
}

/**
 * Phrases beyond which no prefilter is built: its RegExp grows with the glossary, and is compiled
 * in one piece the first time it runs (with 10,000 synthetic terms: a task of about 90 ms). The
 * glossary has a few hundred; a far larger one is read closely whole, as every page was before.
 */
const MAX_PHRASES = 3000;

/** Whether a prefilter suits this glossary (see MAX_PHRASES). */
export function prefilterSuits(data: MatcherData): boolean {
  let n = 0;
  for (const key in data.phrases) n += data.phrases[key]!.length;
  return n <= MAX_PHRASES;
}

export class Prefilter {
  readonly #words: RegExp;
  readonly #abbreviations: RegExp;
  /** Every word key of every phrase, first or later: a marked word folding to one is a hit. */
  readonly #keys = new Set<string>();

  constructor(data: MatcherData) {
    const src = prefilterSources(data);
    this.#words = new RegExp(src.words || '(?!)', 'gi');
    this.#abbreviations = new RegExp(src.abbreviations || '(?!)', 'g');
    for (const key in data.phrases) {
      if (key.charCodeAt(0) !== 61) this.#keys.add(key);
      for (const c of data.phrases[key]!) for (let k = 2; k < c.length; k++) this.#keys.add(c[k] as string);
    }
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
        out.push(m.index);
        // A hit is only where to look: the next one may start inside it ("broken vertebra").
        re.lastIndex = m.index + 1;
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
      if (this.#keys.has(foldWord(text.slice(a, b)))) out.push(a);
    }
    if (out.length - start > 1) {
      const added = out.splice(start).sort((a, b) => a - b);
      for (const a of added) out.push(a);
    }
  }
}
