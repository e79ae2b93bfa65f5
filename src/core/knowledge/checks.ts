/**
 * Checks on what the content says, sentence by sentence: a defined warning sign worded a file's
 * own way, a number resting on a source read by title only, and words we have agreed not to use.
 */
import type { Block, Inline, SourceEntry } from './types';

export interface Sentence {
  text: string;
  /** The citations that follow the sentence (before the next one starts). */
  cites: string[];
}

export interface SignPhrases {
  id: string;
  /** Each group: words that together name the sign. */
  phrases: string[][];
}

const SENTENCE_END = /(?<=[.!?])\s+/;

/** Sentences of prose, each with the citations attached to it; warning blocks are skipped. */
export function sentencesOf(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  const para = (c: Inline[]) => {
    const flat: Inline[] = [];
    const walk = (xs: Inline[]) => {
      for (const x of xs) {
        if (x.t === 'text' || x.t === 'cite') flat.push(x);
        else walk(x.c);
      }
    };
    walk(c);
    let cur: Sentence = { text: '', cites: [] };
    const done: Sentence[] = [];
    for (const x of flat) {
      if (x.t === 'cite') {
        const prev = done.at(-1);
        if (cur.text.trim() === '' && prev) prev.cites.push(x.key);
        else cur.cites.push(x.key);
        continue;
      }
      if (x.t !== 'text') continue;
      const [first = '', ...rest] = x.v.split(SENTENCE_END);
      cur.text += first;
      for (const piece of rest) {
        done.push(cur);
        cur = { text: piece, cites: [] };
      }
    }
    done.push(cur);
    out.push(...done.filter((s) => s.text.trim() !== ''));
  };
  const walkBlocks = (bs: Block[]) => {
    for (const b of bs) {
      if (b.t === 'p' || b.t === 'h') para(b.c);
      else if (b.t === 'ul' || b.t === 'ol') b.items.forEach(walkBlocks);
      else if (b.t === 'quote' || b.t === 'seekCare') walkBlocks(b.c);
    }
  };
  walkBlocks(blocks);
  return out;
}

/** Plain sentences of a front-matter text (a card's short explanation), all citing `cites`. */
export function sentencesOfText(text: string, cites: string[]): Sentence[] {
  return text
    .split(SENTENCE_END)
    .filter((s) => s.trim())
    .map((s) => ({ text: s, cites }));
}

/** Words that say how soon to act; with a sign's words in one sentence they make an urgency statement. */
const URGENCY_WORDS =
  /\b(now|today|tonight|same day|same-day|right away|straight away|immediately|urgent(?:ly)?|emergency|a&e|999|911|112|call|phone|contact|see (?:a|your) (?:doctor|gp|midwife)|get (?:checked|seen|help|medical|care)|seek|go to|warning sign|do not wait|don't wait|next appointment|as soon as)\b/i;

function containsWord(text: string, word: string): boolean {
  const w = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${w}`, 'iu').test(text);
}

/** The warning sign a sentence words its own way, if any. */
export function rewordedSign(sentence: string, signs: SignPhrases[]): { id: string; words: string[] } | undefined {
  if (!URGENCY_WORDS.test(sentence)) return undefined;
  for (const s of signs) {
    for (const group of s.phrases) if (group.every((w) => containsWord(sentence, w))) return { id: s.id, words: group };
  }
  return undefined;
}

/** A number in text: digits not glued to letters (so not "T12", "K2" or "P1NP"), or a number word. */
const NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}])|\b(?:half|twice|double|triple|quarter)\b/iu;

export function hasNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** Title-only sources a sentence with a number cites; such a claim must rest on a source actually read. */
export function titleOnlyForNumber(s: Sentence, bib: Map<string, SourceEntry>): string[] {
  if (!hasNumber(s.text)) return [];
  return s.cites.filter((k) => bib.get(k)?.read === 'title-only');
}

/**
 * Words the content does not use, with the reason: one name per thing, one locale. The term that
 * explains a word may use it (its own file is exempt through `allowIn`).
 */
export const AVOID: { pattern: RegExp; reason: string; allowIn?: string[] }[] = [
  {
    pattern: /\bPAO\b/,
    reason: 'say "PLAO" (one name per thing); "PAO" is explained only by its own term',
    allowIn: ['pregnancy-associated-osteoporosis', 'what-is-plao'],
  },
  {
    pattern: /\bbone scans?\b/i,
    reason: 'say "bone density scan"; clinicians read "bone scan" as a different test',
    allowIn: ['bone-scan'],
  },
  {
    pattern:
      /\b(labour|oestrogen|oedema|haem\w*|anaem\w*|paediatric\w*|gynaecolog\w*|orthopaedic\w*|foetus|centre|colour|behaviour|programme|physiotherap\w*)\b/i,
    reason: 'use US English spelling (one locale)',
  },
];

export function avoidedWords(text: string, termId?: string): string[] {
  const out: string[] = [];
  for (const a of AVOID) {
    if (termId && a.allowIn?.includes(termId)) continue;
    const m = a.pattern.exec(text);
    if (m) out.push(`"${m[0]}": ${a.reason}`);
  }
  return out;
}

export interface ProseContext {
  signs: SignPhrases[];
  bib: Map<string, SourceEntry>;
  fail: (file: string, field: string, reason: string) => void;
}

/** Runs every sentence check on one field of one file. */
export function checkProse(ctx: ProseContext, file: string, field: string, sentences: Sentence[], termId?: string) {
  for (const s of sentences) {
    const quoted = `"${s.text.trim().slice(0, 80)}${s.text.trim().length > 80 ? '…' : ''}"`;
    const r = rewordedSign(s.text, ctx.signs);
    if (r)
      ctx.fail(
        file,
        field,
        `words the warning sign "${r.id}" its own way (${r.words.join(' + ')} with an urgency word) in ${quoted}; use {{warning:${r.id}}} in the text or warnings: [${r.id}] on a term`,
      );
    for (const k of titleOnlyForNumber(s, ctx.bib))
      ctx.fail(file, field, `a number rests on source "${k}", which was read by title only, in ${quoted}`);
    for (const w of avoidedWords(s.text, termId)) ctx.fail(file, field, `${w}, in ${quoted}`);
  }
}
