import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addOwnQuestion,
  addTermQuestions,
  editQuestion,
  MAX_QUESTION_LENGTH,
  MAX_QUESTIONS,
  moveQuestion,
  parseQuestions,
  QUESTIONS_VERSION,
  questionsAsText,
  removeQuestion,
  setAsked,
  toStoredQuestions,
  type Question,
} from '../../src/core/questions';

const q = (id: number, text: string, extra: Partial<Question> = {}): Question => ({ id, text, asked: false, ...extra });

describe('reading what storage holds', () => {
  test('nothing stored is an empty list, and nothing is reported', () => {
    expect(parseQuestions(undefined)).toEqual({ items: [], lost: 0, repaired: 0, unreadable: false });
  });
  test('a list written today reads back the same', () => {
    const items = [q(1, 'What do my scans show?', { term: 'dxa-scan' }), q(2, 'Mine', { asked: true })];
    const r = parseQuestions(toStoredQuestions(items));
    expect(r).toEqual({ items, lost: 0, repaired: 0, unreadable: false });
  });
  test.each([null, 'garbage', 42, [1, 2], { version: 1, items: 'x' }])(
    'a value that is not a list at all (%j) is reported as unreadable, not as empty',
    (stored) => {
      const r = parseQuestions(stored);
      expect(r.items).toEqual([]);
      expect(r.unreadable).toBe(true);
    },
  );
  test('a partly corrupt list keeps every question it can, repairs the rest, and counts what it lost', () => {
    const r = parseQuestions({
      version: 1,
      items: [
        { id: 1, text: 'Good', term: 'dxa-scan', asked: false },
        { id: 2, text: 'Bad term', term: '<script>', asked: 'yes' },
        'A bare string',
        { id: 1, text: 'Duplicate id' },
        { id: 5 },
        42,
        { id: 6, text: '   ' },
      ],
    });
    expect(r.items.map((i) => i.text)).toEqual(['Good', 'Bad term', 'A bare string', 'Duplicate id']);
    expect(r.items[1]).toEqual({ id: 2, text: 'Bad term', asked: false });
    expect(new Set(r.items.map((i) => i.id)).size).toBe(4);
    expect(r.repaired).toBe(3);
    expect(r.lost).toBe(3);
    expect(r.unreadable).toBe(false);
  });
  test('an unversioned list is migrated and says so; a newer version is read as today’s', () => {
    expect(parseQuestions({ items: [{ id: 1, text: 'A' }] }).migratedFrom).toBe(0);
    const newer = parseQuestions({ version: QUESTIONS_VERSION + 3, items: [{ id: 1, text: 'A', asked: true }] });
    expect(newer.migratedFrom).toBeUndefined();
    expect(newer.items).toEqual([q(1, 'A', { asked: true })]);
  });
  test('a hostile value never throws and never yields more than the limit', () => {
    const evil = {
      get items(): unknown {
        throw new Error('boom');
      },
    };
    expect(parseQuestions(evil).unreadable).toBe(true);
    const many = {
      version: 1,
      items: Array.from({ length: MAX_QUESTIONS + 5 }, (_, i) => ({ id: i + 1, text: `Q${i}` })),
    };
    const r = parseQuestions(many);
    expect(r.items.length).toBe(MAX_QUESTIONS);
    expect(r.lost).toBe(5);
  });
  test('property: anything at all reads into a valid list', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything()), (junk, items) => {
        for (const v of [junk, { version: 1, items }]) {
          const r = parseQuestions(v);
          expect(new Set(r.items.map((i) => i.id)).size).toBe(r.items.length);
          for (const i of r.items) {
            expect(i.text.length).toBeGreaterThan(0);
            expect(i.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
            expect(typeof i.asked).toBe('boolean');
          }
        }
      }),
    );
  });
});

describe('changes', () => {
  test('adding a term’s questions skips those already there', () => {
    const first = addTermQuestions([], 'denosumab', ['What happens when I stop it?', 'How is it given?']);
    expect(first.added).toBe(2);
    const again = addTermQuestions(first.items, 'denosumab', ['what happens when I stop it?']);
    expect(again.added).toBe(0);
    expect(again.items).toEqual(first.items);
    expect(first.items[0]).toEqual(q(1, 'What happens when I stop it?', { term: 'denosumab' }));
  });
  test('her own question, edited, marked as asked, moved and removed', () => {
    let items = addOwnQuestion([q(1, 'A'), q(2, 'B')], '  Can I   lift my baby?\n');
    expect(items[2]).toEqual(q(3, 'Can I lift my baby?'));
    expect(addOwnQuestion(items, '   ')).toEqual(items);
    items = editQuestion(items, 3, 'Can I lift my baby now?');
    expect(editQuestion(items, 3, '')).toEqual(items);
    items = setAsked(items, 1, true);
    items = moveQuestion(items, 3, -1);
    expect(items.map((i) => i.id)).toEqual([1, 3, 2]);
    expect(moveQuestion(items, 1, -1)).toEqual(items);
    expect(moveQuestion(items, 2, 1)).toEqual(items);
    items = removeQuestion(items, 1);
    expect(items).toEqual([q(3, 'Can I lift my baby now?'), q(2, 'B')]);
    // An id is never reused while a higher one exists.
    expect(addOwnQuestion(items, 'C').at(-1)!.id).toBe(4);
  });
  test('plain text: numbered, asked ones marked, each term explained once', () => {
    const terms = new Map([['dxa-scan', { name: 'DXA scan', short: 'A low-dose X-ray.' }]]);
    const text = questionsAsText(
      [
        q(1, 'What do my scans show?', { term: 'dxa-scan' }),
        q(2, 'Is it read with a Z-score?', { term: 'dxa-scan', asked: true }),
        q(3, 'Mine'),
      ],
      terms,
      { title: 'My questions', asked: 'asked', aboutTerm: (n) => `${n}:` },
    );
    expect(text).toBe(
      'My questions\n\n1. What do my scans show?\n   DXA scan: A low-dose X-ray.\n2. Is it read with a Z-score? (asked)\n3. Mine\n',
    );
  });
  test('what is stored holds only text, term, asked and id: no addresses, titles or dates', () => {
    const stored = toStoredQuestions([q(1, 'A', { term: 'plao' })]);
    expect(stored).toEqual({ version: QUESTIONS_VERSION, items: [{ id: 1, text: 'A', term: 'plao', asked: false }] });
  });
});
