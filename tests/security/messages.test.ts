/**
 * The message validators (src/core/messages.ts) against anything a message can be once the browser
 * has cloned it: they never throw, and only exact shapes pass — a fresh object holding exactly the
 * fields of one message, never the sender's object with whatever else it carried.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  parseFoundReply,
  parsePageTermsReply,
  parseTermCard,
  parseToBackground,
  parseToContent,
} from '../../src/core/messages';
import { anyMessage, deliver, encodeValue, HOSTILE_IDS, nearValidMessage, PROTOTYPE_KEYS } from './arbitraries';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isId = (v: unknown) => typeof v === 'string' && v.length <= 80 && ID.test(v);
const keys = (v: object) => Object.keys(v).sort();
const plain = (v: unknown) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Everything structured clone (Firefox) or JSON (Chromium) can deliver, and more. */
const cloneable = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 4,
});
const input = fc.oneof(cloneable, anyMessage, nearValidMessage);
const RUNS = { numRuns: 3000 };

/** A parsed message is a new plain object of the same type as what was sent; both, as records. */
function sameType(r: unknown, m: unknown): { out: Record<string, unknown>; msg: Record<string, unknown> } {
  expect(plain(r)).toBe(true);
  expect(r).not.toBe(m);
  const [out, msg] = [r as Record<string, unknown>, m as Record<string, unknown>];
  expect(out.type).toBe(msg.type);
  return { out, msg };
}

function expectExactToBackground(r: unknown, m: unknown): void {
  const { out, msg } = sameType(r, m);
  switch (out.type) {
    case 'openGuidance':
      expect(keys(out)).toEqual(['article', 'section', 'type']);
      expect(isId(out.article) && isId(out.section)).toBe(true);
      expect([out.article, out.section]).toEqual([msg.article, msg.section]);
      break;
    case 'getTermCard':
    case 'getTermExtras':
    case 'addQuestions':
      expect(keys(out)).toEqual(['id', 'type']);
      expect(isId(out.id) && out.id === msg.id).toBe(true);
      break;
    case 'hideTerm':
      expect(keys(out)).toEqual(['hidden', 'id', 'type']);
      expect(isId(out.id) && out.id === msg.id && out.hidden === msg.hidden).toBe(true);
      expect(typeof out.hidden).toBe('boolean');
      break;
    case 'openQuestions':
      expect(keys(out)).toEqual(['type']);
      break;
    case 'termsFound':
      expect(keys(out)).toEqual(['distinct', 'type']);
      expect(Number.isInteger(out.distinct) && (out.distinct as number) >= 0 && (out.distinct as number) < 1e6).toBe(
        true,
      );
      expect(out.distinct).toBe(msg.distinct);
      break;
    default:
      expect.fail(`unknown type ${String(out.type)}`);
  }
}

function expectExactToContent(r: unknown, m: unknown): void {
  const { out, msg } = sameType(r, m);
  switch (out.type) {
    case 'getPageTerms':
    case 'explainSelection':
      expect(keys(out)).toEqual(['type']);
      break;
    case 'revealTerm':
      expect(keys(out)).toEqual(['id', 'type']);
      expect(isId(out.id) && out.id === msg.id).toBe(true);
      break;
    case 'stepTerm':
      expect(keys(out)).toEqual(['direction', 'type']);
      expect([1, -1]).toContain(out.direction);
      break;
    default:
      expect.fail(`unknown type ${String(out.type)}`);
  }
}

describe('requests', () => {
  test('parseToBackground never throws, and what passes is exactly one request', () => {
    fc.assert(
      fc.property(input, (m) => {
        const r = parseToBackground(m);
        if (r !== undefined) expectExactToBackground(r, m);
      }),
      RUNS,
    );
  });

  test('parseToContent never throws, and what passes is exactly one request', () => {
    fc.assert(
      fc.property(input, (m) => {
        const r = parseToContent(m);
        if (r !== undefined) expectExactToContent(r, m);
      }),
      RUNS,
    );
  });

  const extras = fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'evil', 'then', 'url', 'tabId'), fc.anything(), {
    maxKeys: 3,
  });
  const id = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/);
  const withExtras = (msg: Record<string, unknown>, extra: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries({ ...extra, ...msg }))
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  };

  test('every valid request passes, stripped of anything else it carried', () => {
    const toBackground = fc.oneof(
      fc.record({ type: fc.constant('openGuidance'), article: id, section: id }),
      fc.record({ type: fc.constant('getTermCard'), id }),
      fc.record({ type: fc.constant('termsFound'), distinct: fc.integer({ min: 0, max: 999_999 }) }),
      fc.record({ type: fc.constantFrom('getTermExtras', 'addQuestions'), id }),
      fc.record({ type: fc.constant('hideTerm'), id, hidden: fc.boolean() }),
      fc.record({ type: fc.constant('openQuestions') }),
    );
    const toContent = fc.oneof(
      fc.record({ type: fc.constantFrom('getPageTerms', 'explainSelection') }),
      fc.record({ type: fc.constant('revealTerm'), id }),
      fc.record({ type: fc.constant('stepTerm'), direction: fc.constantFrom(1, -1) }),
    );
    fc.assert(
      fc.property(toBackground, extras, (msg, extra) => {
        expect(parseToBackground(withExtras(msg, extra))).toEqual(msg);
      }),
    );
    fc.assert(
      fc.property(toContent, extras, (msg, extra) => {
        expect(parseToContent(withExtras(msg, extra))).toEqual(msg);
      }),
    );
  });

  test('hostile ids never pass, whatever the request', () => {
    for (const bad of [...HOSTILE_IDS, ...PROTOTYPE_KEYS.filter((k) => !ID.test(k))]) {
      expect(parseToBackground({ type: 'getTermCard', id: bad })).toBeUndefined();
      expect(parseToBackground({ type: 'openGuidance', article: bad, section: 'x' })).toBeUndefined();
      expect(parseToBackground({ type: 'openGuidance', article: 'x', section: bad })).toBeUndefined();
      expect(parseToContent({ type: 'revealTerm', id: bad })).toBeUndefined();
    }
  });

  test('a request type is a string, not something boxed or wrapped', () => {
    // A boxed string, as a structured clone can carry one.
    expect(parseToContent({ type: new String('getPageTerms') })).toBeUndefined();
    expect(parseToContent([{ type: 'getPageTerms' }])).toBeUndefined();
  });

  test('nothing leaks into Object.prototype', () => {
    fc.assert(
      fc.property(input, (m) => {
        parseToBackground(m);
        parseToContent(m);
        parseTermCard(m);
        parsePageTermsReply(m);
        parseFoundReply(m);
      }),
      { numRuns: 1000 },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});

describe('replies', () => {
  test('parseFoundReply is { found: true } only for an own found: true', () => {
    fc.assert(
      fc.property(input, (v) => {
        const r = parseFoundReply(v);
        expect(keys(r)).toEqual(['found']);
        const own =
          typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Record<string, unknown>).found === true;
        expect(r.found).toBe(own);
      }),
      RUNS,
    );
  });

  const pageTerm = fc.record({
    id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
    count: fc.integer({ min: 1, max: 500 }),
  });
  const pageTerms = fc.record({ terms: fc.array(pageTerm, { maxLength: 20 }), host: fc.domain() });

  test('parsePageTermsReply never throws; a valid reply passes as it is', () => {
    fc.assert(
      fc.property(input, (v) => {
        const r = parsePageTermsReply(v);
        if (r === undefined) return;
        expect(keys(r)).toEqual(['host', 'terms']);
        expect(typeof r.host === 'string' && r.host.length <= 255).toBe(true);
        for (const t of r.terms) {
          expect(keys(t)).toEqual(['count', 'id']);
          expect(isId(t.id)).toBe(true);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(pageTerms, (reply) => {
        expect(parsePageTermsReply(reply)).toEqual(reply);
      }),
    );
  });

  // Finding: counts are only checked to be numbers, so NaN, -1, 1.5 and Infinity pass (the popup
  // would show them). Suggested fix in src/core/messages.ts parsePageTermsReply: accept only
  // Number.isSafeInteger(count) && count > 0.
  test('parsePageTermsReply passes only whole, positive counts', () => {
    for (const count of [Number.NaN, -1, 1.5, Infinity]) {
      expect(parsePageTermsReply({ terms: [{ id: 'plao', count }], host: 'example.org' })).toBeUndefined();
    }
  });

  const card = fc.record({
    id: fc.constantFrom('plao', 'dxa-scan'),
    name: fc.string(),
    category: fc.constantFrom('condition', 'tests', 'treatment'),
    short: fc.string(),
    sourceLine: fc.string(),
    reviewed: fc.constantFrom('2026-11-26'),
    guide: fc.record({ article: fc.constantFrom('what-is-plao'), section: fc.constantFrom('what-is-plao') }),
    seekCare: fc.boolean(),
  });

  test('parseTermCard never throws; a card with every field of its type passes', () => {
    fc.assert(
      fc.property(input, (v) => {
        const r = parseTermCard(v);
        if (r === undefined) return;
        for (const k of ['name', 'category', 'short', 'sourceLine', 'reviewed'] as const)
          expect(typeof r[k]).toBe('string');
        expect(typeof r.seekCare).toBe('boolean');
        expect(isId(r.id) && isId(r.guide.article) && isId(r.guide.section)).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(card, (c) => {
        expect(parseTermCard(c)).toEqual(c);
      }),
    );
  });

  // Finding: parseTermCard returns the object it was given (`v as unknown as TermCard`), so extra
  // fields — here a getter-free "__proto__" own key and an "html" field — travel on to the popover.
  // Harmless today (TermCard renders named fields through Preact), but not an exact shape.
  // Suggested fix in src/core/messages.ts parseTermCard: build and return a new object from the
  // checked fields (and the guide's two), as parseToBackground does.
  test('parseTermCard returns only the card’s fields, in a new object', () => {
    fc.assert(
      fc.property(card, fc.dictionary(fc.constantFrom('html', 'evil', '__proto__'), fc.string()), (c, extra) => {
        const given = { ...c };
        for (const [k, v] of Object.entries(extra))
          Object.defineProperty(given, k, { value: v, enumerable: true, writable: true, configurable: true });
        const r = parseTermCard(given);
        expect(r).not.toBe(given);
        expect(r).toEqual(c);
        expect(keys(r!)).toEqual(keys(c));
      }),
    );
  });
});

/** Same value: Object.is for primitives, the same prototype, own keys, holes and all. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (i in a !== i in b || !same(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

describe('the fuzz tests’ own encoding', () => {
  test('a generated message reaches the page exactly as generated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyMessage, { maxLength: 5 }), async (list) => {
        // Through JSON, as evaluate() carries it.
        const messages = JSON.parse(JSON.stringify(list.map(encodeValue))) as ReturnType<typeof encodeValue>[];
        const out = await deliver({ messages, to: 'decode' });
        expect(out.decoded!.length).toBe(list.length);
        list.forEach((m, i) => expect(same(out.decoded![i], m), JSON.stringify(m)).toBe(true));
      }),
      { numRuns: 500 },
    );
    expect(same({ a: -0 }, { a: 0 })).toBe(false);
    expect(same([, 1], [undefined, 1])).toBe(false);
    expect(same(Object.create(null), {})).toBe(false);
  });
});
