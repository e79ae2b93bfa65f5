/**
 * Differential test: the lookup-table matcher against a slow, obviously-correct reference that
 * tries every pattern at every word, over thousands of generated texts and glossaries.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compileMatcher, patternVariants, type PatternInput } from '../../src/core/matcher/compile';
import { Matcher } from '../../src/core/matcher/matcher';
import { foldAbbreviation, foldWord } from '../../src/core/matcher/normalize';
import type { TextMatch } from '../../src/core/matcher/types';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /[\s\u00a0\u2000-\u200a\u202f\u3000]/u;
const DASH = /[-\u00ad\u2010-\u2015\u2212\ufe63\uff0d]/u;

/** Words by a plain character loop (apostrophes only between word characters). */
function referenceWords(text: string): { start: number; end: number; raw: string }[] {
  const chars = [...text];
  const out: { start: number; end: number; raw: string }[] = [];
  let offset = 0;
  let cur: { start: number; raw: string } | null = null;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const isWord = WORD_CHAR.test(ch);
    const isApos = (ch === "'" || ch === '\u2019') && cur && WORD_CHAR.test(chars[i + 1] ?? '');
    if (isWord || isApos) {
      if (!cur) cur = { start: offset, raw: '' };
      cur.raw += ch;
    } else if (cur) {
      out.push({ start: cur.start, end: cur.start + cur.raw.length, raw: cur.raw });
      cur = null;
    }
    offset += ch.length;
  }
  if (cur) out.push({ start: cur.start, end: cur.start + cur.raw.length, raw: cur.raw });
  return out;
}

function referenceGap(gap: string): boolean {
  if (gap.length === 0) return false;
  let dashes = 0;
  for (const ch of gap) {
    if (SPACE.test(ch)) continue;
    if (DASH.test(ch)) {
      dashes++;
      continue;
    }
    return false;
  }
  return dashes <= 2;
}

function reference(text: string, patterns: PatternInput[]): TextMatch[] {
  const words = referenceWords(text);
  const variants = patterns.flatMap((p) => {
    const v = patternVariants(p.text, p.caseSensitive);
    return typeof v === 'string' ? [] : v.map((keys) => ({ p, keys }));
  });
  const out: TextMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    let best: { p: PatternInput; keys: string[] } | undefined;
    for (const v of variants) {
      if (i + v.keys.length > words.length) continue;
      const ok = v.keys.every((key, k) => {
        const w = words[i + k]!;
        if (k > 0 && !referenceGap(text.slice(words[i + k - 1]!.end, w.start))) return false;
        return key.startsWith('=') ? key === '=' + foldAbbreviation(w.raw) : key === foldWord(w.raw);
      });
      if (!ok) continue;
      const longer = !best || v.keys.length > best.keys.length;
      const tieWordsFirst = best && v.keys.length === best.keys.length && !v.p.caseSensitive && best.p.caseSensitive;
      if (longer || tieWordsFirst) best = v;
    }
    if (best) {
      out.push({
        start: words[i]!.start,
        end: words[i + best.keys.length - 1]!.end,
        term: best.p.term,
        ambiguous: best.p.ambiguous,
      });
      i += best.keys.length - 1;
    }
  }
  return out;
}

const VOCAB = [
  'bone',
  'mineral',
  'density',
  'post',
  'partum',
  'postpartum',
  'back',
  'pain',
  'compression',
  'fracture',
  'vertebral',
  'PTH',
  'PLAO',
  'DXA',
  'scan',
  'vitamin',
  'D',
  'the',
  'of',
  'Ω',
  'éclair',
  'naïve',
];
const word = fc.oneof(
  fc.constantFrom(...VOCAB),
  fc.constantFrom(...VOCAB).map((w) => w.toUpperCase()),
  fc.constantFrom(...VOCAB).map((w) => w + 's'),
  fc.constantFrom(...VOCAB).map((w) => w + '’s'),
  fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }),
);
const sep = fc.constantFrom(
  ' ',
  '  ',
  '-',
  '- ',
  ' -',
  '\n   ',
  '\u00a0',
  ', ',
  '. ',
  '—',
  '--',
  '---',
  '(',
  ')',
  "'",
  '',
);
const text = fc.array(fc.tuple(word, sep), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

const phrase = fc.array(fc.constantFrom(...VOCAB.filter((w) => w === w.toLowerCase())), { minLength: 1, maxLength: 3 });
const glossary = fc
  .uniqueArray(
    fc.oneof(
      phrase.map((ws) => ({ text: ws.join(fc.sample(fc.constantFrom(' ', '-'), 1)[0]), caseSensitive: false })),
      fc.constantFrom('PTH', 'PLAO', 'DXA', 'D').map((t) => ({ text: t, caseSensitive: true })),
    ),
    { minLength: 1, maxLength: 12, selector: (p) => `${p.caseSensitive}:${p.text.toLowerCase()}` },
  )
  .map((list) =>
    list.map((p, term): PatternInput => ({
      term,
      text: p.text,
      caseSensitive: p.caseSensitive,
      ambiguous: term % 3 === 0,
    })),
  );

/** The compiled matcher's matches in `t` equal the reference's, for one glossary. */
function sameAsReference(patterns: PatternInput[], t: string): void {
  const { data, problems } = compileMatcher(
    patterns.map((p) => `t${p.term}`),
    patterns,
    new Map(),
  );
  // Glossaries whose aliases collide after normalization fail the build; they never reach a page.
  fc.pre(problems.length === 0);
  const out: TextMatch[] = [];
  new Matcher(data).find(t, out, new Set());
  expect(out).toEqual(reference(t, patterns));
}

test('the matcher finds exactly what the reference finds', () => {
  fc.assert(fc.property(glossary, text, sameAsReference), { numRuns: 3000 });
});

// Many phrases sharing a first word, so the matcher's second-word index is used.
const crowded = fc
  .uniqueArray(
    fc.array(fc.constantFrom('mineral', 'density', 'scan', 'pain', 'back', 'of', 'the', 'PTH', 'D'), {
      minLength: 0,
      maxLength: 2,
    }),
    {
      minLength: 9,
      maxLength: 30,
      selector: (ws) => ws.join(' ').toLowerCase(),
    },
  )
  .map((list) =>
    list.map((ws, term): PatternInput => ({
      term,
      text: ['bone', ...ws].join(' '),
      caseSensitive: false,
      ambiguous: false,
    })),
  );

test('the matcher finds exactly what the reference finds, with crowded first words', () => {
  fc.assert(fc.property(crowded, text, sameAsReference), { numRuns: 2000 });
});
