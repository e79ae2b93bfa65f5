/**
 * "My questions": the reader's own list for her next appointment. Pure: the stored shape, its
 * version and migrations, reading whatever storage holds, and every change the page makes.
 *
 * What is kept is only what she chose to keep: each question's text, the term it came from (an id,
 * never the page where she met it), and whether she marked it as asked. No dates, no addresses.
 * A stored value that does not fit is read as far as it can be and the rest is reported, never
 * silently dropped: the caller keeps the unreadable part aside until she clears the list.
 */
import { isId, isRecord } from './shapes';

/** The storage key; the stored value is a StoredQuestions object. */
export const QUESTIONS_KEY = 'myQuestions';
/** Where a value that could not be read whole is kept, so a repair never loses it. */
export const QUESTIONS_UNREADABLE_KEY = 'myQuestionsUnreadable';
/** The shape `toStoredQuestions` writes today. Raise it with a migration when a field changes meaning. */
export const QUESTIONS_VERSION = 1;

export const MAX_QUESTIONS = 200;
export const MAX_QUESTION_LENGTH = 500;

export interface Question {
  /** Stable within the list (for keys and focus), never reused while the item exists. */
  id: number;
  text: string;
  /** The glossary term it was added from, if any. */
  term?: string;
  asked: boolean;
}

export interface StoredQuestions {
  version: number;
  items: Question[];
}

export interface ParsedQuestions {
  items: Question[];
  /** How many stored entries could not be read at all (and were left out). */
  lost: number;
  /** How many entries were read with a part repaired (a bad term or "asked" mark dropped, text shortened). */
  repaired: number;
  /** The whole value was not a list at all. */
  unreadable: boolean;
  migratedFrom?: number;
}

type Raw = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n value into a version n+1 value. Version 1 is the first shape. */
const MIGRATIONS: readonly ((old: Raw) => Raw)[] = [(old) => old];

export function migrateQuestions(stored: Raw): { raw: Raw; from: number } {
  const v = stored.version;
  // A newer release's value (after a downgrade) is read as today's: items keep their meaning.
  const from = typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 0;
  let raw = stored;
  for (let n = from; n < QUESTIONS_VERSION; n++) raw = MIGRATIONS[n]!(raw);
  return { raw, from };
}

export function cleanText(text: string): string {
  // One line per question: a pasted paragraph stays readable in the printed list and in a message.
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH);
}

/** Reads whatever storage holds into a valid list. Never throws. */
export function parseQuestions(stored: unknown): ParsedQuestions {
  const empty = (unreadable: boolean): ParsedQuestions => ({ items: [], lost: 0, repaired: 0, unreadable });
  if (stored === undefined) return empty(false);
  try {
    if (!isRecord(stored)) return empty(true);
    const { raw, from } = migrateQuestions(stored);
    if (!Array.isArray(raw.items)) return empty(true);
    const out: ParsedQuestions = { items: [], lost: 0, repaired: 0, unreadable: false };
    if (from < QUESTIONS_VERSION) out.migratedFrom = from;
    const ids = new Set<number>();
    let next = 1;
    for (const item of raw.items as unknown[]) {
      const read = readItem(item);
      if (!read || out.items.length >= MAX_QUESTIONS) {
        out.lost++;
        continue;
      }
      let { question } = read;
      if (ids.has(question.id)) {
        question = { ...question, id: -1 };
        read.repaired = true;
      }
      ids.add(question.id);
      next = Math.max(next, question.id + 1);
      if (read.repaired) out.repaired++;
      out.items.push(question);
    }
    // Items whose id was missing or taken get fresh ones after every id in use.
    for (const q of out.items) if (q.id < 1) q.id = next++;
    return out;
  } catch {
    // Storage holds cloned plain data, but a value that throws on reading must still not break the page.
    return empty(true);
  }
}

function readItem(item: unknown): { question: Question; repaired: boolean } | undefined {
  // A bare string is a question whose other fields were lost: keep the words.
  const rec: Raw | undefined = typeof item === 'string' ? { text: item } : isRecord(item) ? item : undefined;
  if (!rec || typeof rec.text !== 'string') return undefined;
  const text = cleanText(rec.text);
  if (!text) return undefined;
  let repaired = typeof item === 'string' || text !== rec.text;
  const id = rec.id;
  const validId = typeof id === 'number' && Number.isSafeInteger(id) && id >= 1;
  if (!validId) repaired = true;
  const question: Question = { id: validId ? id : -1, text, asked: false };
  if (rec.asked === true) question.asked = true;
  else if (rec.asked !== false && rec.asked !== undefined) repaired = true;
  if (isId(rec.term)) question.term = rec.term;
  else if (rec.term !== undefined) repaired = true;
  return { question, repaired };
}

/** The value to write to storage. */
export function toStoredQuestions(items: readonly Question[]): StoredQuestions {
  return {
    version: QUESTIONS_VERSION,
    items: items.map((q) => ({ id: q.id, text: q.text, ...(q.term ? { term: q.term } : {}), asked: q.asked })),
  };
}

function nextId(items: readonly Question[]): number {
  return items.reduce((m, q) => Math.max(m, q.id), 0) + 1;
}

export interface AddResult {
  items: Question[];
  /** How many questions were new (suggestions already in the list are not added twice). */
  added: number;
}

/** Adds a term's suggested questions at the end, skipping any the list already holds. */
export function addTermQuestions(items: readonly Question[], term: string, suggestions: readonly string[]): AddResult {
  const have = new Set(items.map((q) => q.text.toLowerCase()));
  const out = [...items];
  let added = 0;
  for (const s of suggestions) {
    const text = cleanText(s);
    if (!text || have.has(text.toLowerCase()) || out.length >= MAX_QUESTIONS) continue;
    have.add(text.toLowerCase());
    out.push({ id: nextId(out), text, term, asked: false });
    added++;
  }
  return { items: out, added };
}

/** Adds the reader's own question; an empty text changes nothing. */
export function addOwnQuestion(items: readonly Question[], text: string, term?: string): Question[] {
  const clean = cleanText(text);
  if (!clean || items.length >= MAX_QUESTIONS) return [...items];
  return [...items, { id: nextId(items), text: clean, ...(term ? { term } : {}), asked: false }];
}

export function editQuestion(items: readonly Question[], id: number, text: string): Question[] {
  const clean = cleanText(text);
  if (!clean) return [...items];
  return items.map((q) => (q.id === id ? { ...q, text: clean } : q));
}

export function removeQuestion(items: readonly Question[], id: number): Question[] {
  return items.filter((q) => q.id !== id);
}

export function setAsked(items: readonly Question[], id: number, asked: boolean): Question[] {
  return items.map((q) => (q.id === id ? { ...q, asked } : q));
}

/** Moves a question one place up (-1) or down (1); at either end nothing changes. */
export function moveQuestion(items: readonly Question[], id: number, by: -1 | 1): Question[] {
  const from = items.findIndex((q) => q.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export interface TermInfo {
  name: string;
  short: string;
}

export interface PlainTextLabels {
  title: string;
  asked: string;
  aboutTerm: (name: string) => string;
}

/**
 * The list as plain text for a notes app or a message: numbered questions, each followed by the
 * short explanation of its term (once per term), asked ones marked.
 */
export function questionsAsText(
  items: readonly Question[],
  terms: ReadonlyMap<string, TermInfo>,
  labels: PlainTextLabels,
): string {
  const lines = [labels.title, ''];
  const explained = new Set<string>();
  items.forEach((q, i) => {
    lines.push(`${i + 1}. ${q.text}${q.asked ? ` (${labels.asked})` : ''}`);
    const info = q.term ? terms.get(q.term) : undefined;
    if (q.term && info && !explained.has(q.term)) {
      explained.add(q.term);
      lines.push(`   ${labels.aboutTerm(info.name)} ${info.short}`);
    }
  });
  return lines.join('\n') + '\n';
}
