/**
 * The prefilter may report too much but never too little: every match the matcher makes must
 * start at or after a reported place within its own first word — the page reader reads the block
 * around each place, so a match the prefilter misses is a term never painted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import { Matcher } from '../../src/core/matcher/matcher';
import { Prefilter, storedPrefilter } from '../../src/core/matcher/prefilter';
import { prefilterHandover, prefilterSources, prefilterSuits } from '../../src/core/matcher/prefilter-source';
import type { MatcherData, TextMatch } from '../../src/core/matcher/types';

const knowledge = loadKnowledge();
const data: MatcherData = knowledge.content!.matcher;
const matcher = new Matcher(data);
const prefilter = new Prefilter(prefilterSources(data));

function hits(text: string): number[] {
  const out: number[] = [];
  prefilter.find(text, 0, text.length, out);
  return out;
}

/** The matches no reported place falls in: a place must lie within the match. */
function missed(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  matcher.find(text, found, new Set());
  const at = hits(text);
  return found.filter((m) => !at.some((h) => h >= m.start && h < m.end));
}

const NAMES = Object.keys(data.phrases).map((k) => (k.startsWith('=') ? k.slice(1) : k));
const LATER = Object.values(data.phrases).flatMap((l) => l.flatMap((c) => c.slice(2) as string[]));
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ō', u: 'ü', c: 'ç', n: 'ñ' };

const word = fc.oneof(
  fc.constantFrom(...NAMES, ...LATER),
  fc.constantFrom(...NAMES, ...LATER).map((w) => w.toUpperCase()),
  fc.constantFrom(...NAMES, ...LATER).map((w) => w[0]!.toUpperCase() + w.slice(1)),
  fc.constantFrom(...NAMES, ...LATER).map((w) => (w.endsWith('y') ? w.slice(0, -1) + 'ies' : w + 's')),
  fc.constantFrom(...NAMES, ...LATER).map((w) => w + '’s'),
  fc.constantFrom(...NAMES, ...LATER).map((w) => w.replace(/[aeiouycn]/, (c) => ACCENTED[c] ?? c)),
  fc.constantFrom(...NAMES, ...LATER).map((w) => w.normalize('NFC').replace(/[aeiou]/, (c) => c + '\u0301')),
  fc.string({ minLength: 1, maxLength: 5, unit: 'grapheme' }),
);
// Runs of eight or more spaces are passed whole (a pretty-printed page's indentation).
const sep = fc.constantFrom(
  ' ',
  '  ',
  '-',
  ' - ',
  '\n\t  ',
  '\n' + ' '.repeat(12),
  '\t'.repeat(8),
  '\u00a0',
  '\u2013',
  ', ',
  '. ',
  '',
  "'",
  '_',
  '/',
);
const text = fc.array(fc.tuple(word, sep), { maxLength: 24 }).map((p) => p.map(([w, s]) => w + s).join(''));

test('every match the matcher makes has a reported place inside it (generated text)', () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(missed(t)).toEqual([]);
    }),
    { numRuns: 3000 },
  );
});

test('every alias and abbreviation of the glossary, as written, is reported', () => {
  for (const term of knowledge.content!.matcher.terms) expect(typeof term).toBe('string');
  const samples = [
    'Postpartum osteoporosis (PLAO) after pregnancy',
    'a DEXA scan; DXA scans; her T-score and Z-scores',
    'bisphosphonates such as alendronate; denosumab (Prolia)',
    'vertebral compression fractures in the lumbar spine',
    'low-molecular-weight heparin, LMWH, and heparin-induced osteoporosis',
    'X-rays; x ray; Xray; an MRI; over-the-counter calcium',
    'Ōsteoporosis, ostéoporosis and OSTEOPOROSIS',
  ];
  for (const s of samples) expect(missed(s)).toEqual([]);
});

test('text without glossary words reports nothing, even with common first words of phrases', () => {
  expect(hits('The low tide came over the back of the boat at the test match, x and t marks.')).toEqual([]);
  expect(hits('Māori whānau gathered at the marae in Ōtautahi.')).toEqual([]);
});

test("a marked word is reported each time it is written, and a page's own words never", () => {
  const t = 'ostéoporosis, Māori, ostéoporosis; Māori and Ostéoporosis';
  expect(hits(t)).toEqual([0, 21, 45]);
  expect(hits(t)).toEqual([0, 21, 45]);
});

test('a place is also found where a word runs on from the text before: a block start in textContent', () => {
  // "<li>Item</li><li>Osteoporosis</li>" gives "ItemOsteoporosis": the second block's term
  // follows a letter, and must still be a place.
  expect(hits('ItemOsteoporosis')).toEqual([4]);
  expect(hits('x1osteoporosis')).toEqual([2]);
  const t = '_PLAO_ and _osteoporosis_, (osteoporosis), ‘osteoporosis’';
  expect(missed(t)).toEqual([]);
  expect(hits(t)).toEqual([1, 12, 28, 44]);
});

test('a run of white space is never a place, and a term after it or a phrase across it still is', () => {
  const indent = '\n' + ' '.repeat(300);
  expect(hits(indent + '\t'.repeat(40) + indent)).toEqual([]);
  const t = `Intro${indent}osteoporosis${indent}low${' '.repeat(40)}bone density\t\t\t\t\t\t\t\t\0${indent}PLAO`;
  expect(hits(t)).toEqual([t.indexOf('osteoporosis'), t.indexOf('low'), t.indexOf('bone'), t.indexOf('PLAO')]);
  expect(missed(t)).toEqual([]);
  // A chunk that ends inside a run, and the next one that starts there.
  const cut = t.indexOf('low') - 100;
  const out: number[] = [];
  prefilter.find(t, 0, cut, out);
  prefilter.find(t, cut, t.length, out);
  expect(out).toEqual(hits(t));
});

test('a phrase crossing the end of a chunk is seen whole when the text runs on', () => {
  const t = 'intro text, then low bone density';
  const at = t.indexOf('low');
  const out: number[] = [];
  prefilter.find(t, 0, at + 1, out);
  expect(out).toContain(at);
  const rest: number[] = [];
  prefilter.find(t, at + 1, t.length, rest);
  expect(rest).not.toContain(at);
});

test('the pattern is one alternation without flags a browser could lack', () => {
  const src = prefilterSources(data);
  expect(() => new RegExp(src.words, 'gi')).not.toThrow();
  expect(() => new RegExp(src.abbreviations, 'g')).not.toThrow();
});

const BENCH = join(import.meta.dirname, '../../../shared/pages/bench');
test.skipIf(!existsSync(BENCH))('no match on the bench pages is missed', () => {
  for (const f of [
    'wikipedia-osteoporosis-2019.md',
    'fda-owh-osteoporosis-2017.htm',
    'fda-owh-menopause-medicines.htm',
  ]) {
    const src = readFileSync(join(BENCH, f), f.endsWith('.md') ? 'utf8' : 'latin1').replace(/<[^>]*>/g, ' ');
    for (const block of src.split(/\n\s*\n/)) expect(missed(block)).toEqual([]);
  }
});

test('a glossary far larger than ours gets no prefilter (its RegExp would compile in one long task)', () => {
  expect(prefilterSuits(data)).toBe(true);
  const phrases: MatcherData['phrases'] = {};
  for (let i = 0; i < 4000; i++) phrases[`word${i}`] = [[0, 0]];
  expect(prefilterSuits({ ...data, phrases })).toBe(false);
});

test('a glossary too large for a prefilter hands none over', () => {
  const phrases: MatcherData['phrases'] = {};
  for (let i = 0; i < 4000; i++) phrases[`word${i}`] = [[0, 0]];
  expect(prefilterHandover({ ...data, phrases }, () => 'x')).toBeNull();
});

test('pages use only a stored prefilter made from their own glossary, and nothing damaged', () => {
  const stamp = (t: string) => String(t.length);
  const handed = prefilterHandover(data, stamp)!;
  const { words, abbreviations, keys } = handed;
  expect(storedPrefilter(handed, handed.stamp)).toEqual({ words, abbreviations, keys });
  // Another version's, or none expected (a build whose glossary has no prefilter).
  expect(storedPrefilter(handed, 'other')).toBeUndefined();
  expect(storedPrefilter({ ...handed, stamp: '' }, '')).toBeUndefined();
  // Damaged: not an object, a field missing or of the wrong type.
  for (const bad of [undefined, null, 'prefilter', 42, [], { ...handed, words: 1 }, { ...handed, keys: undefined }])
    expect(storedPrefilter(bad, handed.stamp)).toBeUndefined();
  // The stored words' keys are the prefilter's: a marked word folding to a key is still a hit.
  const out: number[] = [];
  new Prefilter(storedPrefilter(handed, handed.stamp)!).find('la ostéoporose', 0, 14, out);
  expect(out).toEqual(hits('la ostéoporose'));
});
