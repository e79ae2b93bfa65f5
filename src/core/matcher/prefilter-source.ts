/**
 * The prefilter's RegExp sources, made when the extension is built (scripts/build.ts) and handed
 * to pages through storage (see prefilter.ts): building the trie and its pattern in cold code cost
 * about 9 ms on every load of a large page, and its compile sat in the same slice.
 */
import type { PrefilterSources, StoredPrefilter } from './prefilter';
import type { MatcherData } from './types';

/** What may separate two words of a phrase: a superset of `isJoinableGap`'s spaces and dashes. */
const GAP = '[\\s\\xad\\u2010-\\u2015\\u2212\\ufe63\\uff0d-]+'; // \s holds the no-break and other spaces

/**
 * What may follow a word's stem within the word: the rest of a plural, a possessive ("spine's",
 * "therapies'"). Bounded: an unbounded run here made a long run of letters quadratic.
 */
const TAIL = "[\\w'\\u2019]{0,4}";

/** An abbreviation is a whole word: after it only a plural "s", an apostrophe or a non-letter ("AFF" is not in "AFFFE"). */
const ABBREVIATION_END = '(?![A-Za-rt-z0-9])';

/*
 * The word pattern has no "where a word can start" condition (a lookbehind for a letter or digit
 * before it): a part's text comes from `textContent`, which joins the blocks inside it with nothing
 * between them, so in markup without spaces between tags ("<li>Calcium</li><li>Vitamin D</li>")
 * a block's first word follows the last letter of the block before. With the condition such a
 * term was never found on a large page. Without it the pieces are tried at every character:
 * WHATWG's text 4.7 → 6.2 ms and ECMA-262's 27.6 → 33.8 in Chromium, New Zealand's no slower, and
 * no more places on any bench page (a piece of ten letters inside a longer word is rare).
 */

/**
 * A run of white space, matched only to be passed over whole (Prefilter.find tells it by its first
 * character; no piece starts with one). The engine tries the pattern at every character, and a
 * pretty-printed page's text is mostly indentation: New Zealand's is 361,000 of its 497,000
 * characters, in 1,800 runs. Its scan took half the time with this (Node, 4.6 → 2.4 ms); WHATWG's
 * and ECMA-262's as before.
 */
const SPACE_RUN = '[\\t-\\r ]{8,}';

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
export function prefilterSources(data: MatcherData): PrefilterSources {
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
  // Every word key of every phrase, first or later: a word with a diacritic folding to one is a hit.
  const keys = new Set<string>();
  for (const key in data.phrases) {
    if (key.charCodeAt(0) !== 61) keys.add(key);
    for (const c of data.phrases[key]!) for (let k = 2; k < c.length; k++) keys.add(c[k] as string);
  }
  const pieces = emit(words);
  return {
    words: pieces && `${SPACE_RUN}|${pieces}`,
    abbreviations: emit(abbreviations),
    keys: [...keys].join('\n'),
  };
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

/** What the build hands the background to store for pages: the sources and their stamp; null when none suits. */
export function prefilterHandover(data: MatcherData, stamp: (text: string) => string): StoredPrefilter | null {
  if (!prefilterSuits(data)) return null;
  const sources = prefilterSources(data);
  return { stamp: stamp(`${sources.words}\0${sources.abbreviations}\0${sources.keys}`), ...sources };
}
