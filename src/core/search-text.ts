/**
 * The text side of the glossary search: how words are split, folded and varied for the index and
 * for a query, and the plain text of the knowledge's blocks and sections.
 */
import { foldWord } from './matcher/normalize';
import type { Block, Inline } from './knowledge/types';

// Words so common in questions and titles that requiring them would only lose matches.
const STOP = new Set(
  'a an and are as at be by can do does for how i in is it me my of on or the this to was what when which who why will with'.split(
    ' ',
  ),
);
// A word, possibly hyphenated ("post-partum", "25-OH"): the parts and the whole are both indexed.
const WORD_GROUP =
  /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*(?:[-\u2010-\u2015][\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*)*/gu;
const HYPHEN = /[-\u2010-\u2015]/;
// Everyday words for what the knowledge names otherwise (folded forms). Search only: as aliases
// they would make the page matcher mark every "breastfeeding" as the term "Lactation".
const SYNONYMS = new Map([
  ['breastfeeding', ['lactation']],
  ['breastfeed', ['lactation']],
  ['lactation', ['breastfeeding']],
  ['nursing', ['breastfeeding', 'lactation']],
  ['pregnant', ['pregnancy']],
]);

/** Case, diacritics, plurals and possessives as the matcher folds them, plus "ph" ≡ "f". */
export function foldSearchWord(word: string): string {
  return foldWord(word).replace(/ph/g, 'f');
}

function groups(text: string): string[][] {
  return [...text.matchAll(WORD_GROUP)].map((m) => m[0].split(HYPHEN));
}

/** Index side: every word, and each hyphenated compound also written together. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const parts of groups(text)) {
    for (const p of parts) {
      const f = foldSearchWord(p);
      if (!STOP.has(f)) out.push(f);
    }
    if (parts.length > 1) out.push(foldSearchWord(parts.join('')));
  }
  return out;
}

/** The words of a phrase run together, for comparing names: "Post-partum back pain" → "postpartumbackpain". */
export function compact(text: string): string {
  return groups(text)
    .flat()
    .map(foldSearchWord)
    .filter((w) => !STOP.has(w))
    .join('');
}

/**
 * The query's words. A stop word is dropped unless it is the last word, which may be the start
 * of a longer one being typed ("of" on the way to "off-label").
 */
export function queryWords(query: string): { raw: string; folded: string }[] {
  const all = groups(query)
    .flat()
    .map((raw) => ({ raw, folded: foldSearchWord(raw) }));
  return all.filter((w, i) => i === all.length - 1 || !STOP.has(w.folded)).slice(0, 8);
}

/**
 * The ways of reading the query's words: as typed, and with each neighbouring pair written together
 * ("breast feeding" → "breastfeeding"). A last word ending in "p" may be half of "ph" ("bisp").
 */
export function variants(words: { raw: string; folded: string }[]): string[][] {
  const base = words.map((w) => w.folded);
  const out = [base];
  for (let i = 0; i + 1 < words.length; i++) {
    out.push([...base.slice(0, i), foldSearchWord(words[i]!.raw + words[i + 1]!.raw), ...base.slice(i + 2)]);
  }
  const last = base[base.length - 1];
  if (last?.endsWith('p')) out.push([...base.slice(0, -1), last.slice(0, -1) + 'f']);
  for (const v of [...out]) {
    v.forEach((w, i) => {
      for (const s of SYNONYMS.get(w) ?? []) out.push(v.map((x, j) => (j === i ? s : x)));
    });
  }
  return out;
}

function inlineText(c: Inline[]): string {
  return c.map((i) => (i.t === 'text' ? i.v : i.t === 'cite' ? '' : inlineText(i.c))).join('');
}

function blockText(b: Block): string {
  switch (b.t) {
    case 'p':
    case 'h':
      return inlineText(b.c);
    case 'ul':
    case 'ol':
      return b.items.map((item) => item.map(blockText).join(' ')).join(' ');
    case 'quote':
    case 'seekCare':
      return b.c.map(blockText).join(' ');
    case 'warning':
      return b.text;
  }
}

/** The text of each `##` section of an article, keyed by the section's anchor. */
export function sectionTexts(body: Block[]): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const b of body) {
    if (b.t === 'h' && b.level === 2) {
      current = b.id;
      out.set(current, '');
    } else if (current !== undefined) {
      out.set(current, `${out.get(current)} ${blockText(b)}`);
    }
  }
  return out;
}

export function firstSentence(text: string): string {
  const s = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return s.length <= 160 ? s : `${s.slice(0, s.lastIndexOf(' ', 157))}…`;
}
