/**
 * Malformed messages for the fuzz tests: anything at all, and shapes one step from valid (a known
 * type with a field of the wrong type, a huge string, a prototype key, an id with path characters).
 * Also a lossless encoding so a generated value reaches a browser page exactly as generated
 * (own "__proto__" keys, null prototypes, -0, NaN, undefined), since evaluate() arguments are JSON.
 */
import fc from 'fast-check';

export const BACKGROUND_TYPES = [
  'openGuidance',
  'getTermCard',
  'termsFound',
  'getTermExtras',
  'addQuestions',
  'hideTerm',
  'openQuestions',
] as const;
export const CONTENT_TYPES = ['getPageTerms', 'revealTerm', 'stepTerm', 'explainSelection'] as const;
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupGetter__',
] as const;
/** Ids a hostile sender might try: paths, URLs, markup, case and space variants of real ids. */
export const HOSTILE_IDS = [
  '../../etc/passwd',
  '..',
  '../guide',
  'a/b',
  'plao/../what-is-plao',
  '%2e%2e%2f',
  'plao%00',
  'plao\u0000',
  'plao\n',
  ' plao',
  'plao ',
  'PLAO',
  'Plao',
  'plao-',
  '-plao',
  'plao--lens',
  'a#b',
  'a?b=c',
  'https://evil.example/',
  '//evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'C:\\Windows',
  '\\\\server\\share',
  'é',
  'ｐｌａｏ',
  'a'.repeat(81),
  '',
] as const;

/** A very long string (up to 1 MB): the encoding below ships it as a length, not its bytes. */
const huge = fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => 'x'.repeat(n));

const oddString = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_IDS, ...PROTOTYPE_KEYS), weight: 4 },
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.stringMatching(/^[a-z0-9-]{1,90}$/), weight: 2 },
  { arbitrary: huge, weight: 1 },
);
const oddValue = fc.oneof(
  oddString,
  fc.constantFrom(0, -0, 1, -1, 2, 1.5, 1e6, -1e6, Number.NaN, Infinity, -Infinity, true, false, null, undefined),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);
const oddType = fc.oneof(
  fc.constantFrom(...BACKGROUND_TYPES, ...CONTENT_TYPES),
  fc.constantFrom(...PROTOTYPE_KEYS, 'GetTermCard', 'gettermcard', ' getTermCard', 'getTermCard ', 'getTermCard\u0000'),
  oddValue,
);

/** One step from a valid message: a real or odd type, with odd values under the fields it reads. */
export const nearValidMessage: fc.Arbitrary<unknown> = fc
  .tuple(
    oddType,
    fc.record(
      { id: oddValue, article: oddValue, section: oddValue, direction: oddValue, distinct: oddValue },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'type', 'then', 'length'), oddValue, { maxKeys: 2 }),
    fc.boolean(),
  )
  .map(([type, fields, extra, nullProto]) => {
    const msg: Record<string, unknown> = nullProto ? (Object.create(null) as Record<string, unknown>) : {};
    // defineProperty: "__proto__" and friends become own keys, as they arrive from a clone or JSON.
    for (const [k, v] of Object.entries({ ...extra, ...fields }))
      Object.defineProperty(msg, k, { value: v, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(msg, 'type', { value: type, enumerable: true, writable: true, configurable: true });
    return msg;
  });

/** Anything at all, including null-prototype objects and sparse arrays, or a near-valid shape. */
export const anyMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withSparseArray: true, maxDepth: 3 }),
  nearValidMessage,
  fc.array(oddValue, { maxLength: 4 }),
  oddValue,
);

/** A value as plain JSON that `decodeValue` turns back into exactly that value. */
export type Encoded =
  | { t: 'u' }
  | { t: 'n'; v: string }
  | { t: 's'; v: string }
  | { t: 'r'; c: string; n: number }
  | { t: 'b'; v: boolean }
  | { t: 'null' }
  | { t: 'a'; v: (Encoded | null)[]; length: number }
  | { t: 'o'; proto: boolean; v: [string, Encoded][] };

export function encodeValue(v: unknown): Encoded {
  if (v === undefined) return { t: 'u' };
  if (v === null) return { t: 'null' };
  if (typeof v === 'number') return { t: 'n', v: Object.is(v, -0) ? '-0' : String(v) };
  if (typeof v === 'boolean') return { t: 'b', v };
  if (typeof v === 'string') {
    if (v.length > 1000 && v === v[0]!.repeat(v.length)) return { t: 'r', c: v[0]!, n: v.length };
    return { t: 's', v };
  }
  if (Array.isArray(v)) {
    const items: (Encoded | null)[] = [];
    for (let i = 0; i < v.length; i++) items.push(i in v ? encodeValue(v[i]) : null); // null: a hole
    return { t: 'a', v: items, length: v.length };
  }
  if (typeof v === 'object') {
    return {
      t: 'o',
      proto: Object.getPrototypeOf(v) !== null,
      v: Object.keys(v).map((k) => [k, encodeValue((v as Record<string, unknown>)[k])]),
    };
  }
  // bigint, symbol, function: not generated; sent as their text
  return { t: 's', v: typeof v === 'function' ? 'function' : (v as bigint | symbol).toString() };
}

export interface Delivery {
  messages: Encoded[];
  /** Where to: the background (runtime.sendMessage), a tab's content scripts, or nowhere (decode only). */
  to: 'background' | 'tab' | 'decode';
  tabId?: number;
}

export interface Outcome {
  resolved: number;
  rejected: number;
  /** Sends that neither resolved nor rejected within 5 s. */
  hung: number;
  /** Replies other than undefined and null (each as JSON, at most 5). */
  replies: string[];
  /** Rejection messages, deduplicated (at most 5). */
  errors: string[];
  /** With to: 'decode', the decoded values (in Node only: the browser returns JSON). */
  decoded?: unknown[];
}

/**
 * Decodes each message (the inverse of encodeValue) and sends it from an extension page, waiting
 * for each send to resolve or reject. Self-contained: it runs inside the page through evaluate().
 */
export async function deliver(arg: Delivery): Promise<Outcome> {
  const decode = (x: Encoded): unknown => {
    switch (x.t) {
      case 'u':
        return undefined;
      case 'null':
        return null;
      case 'n':
        return x.v === '-0' ? -0 : Number(x.v);
      case 'b':
        return x.v;
      case 's':
        return x.v;
      case 'r':
        return x.c.repeat(x.n);
      case 'a': {
        const out: unknown[] = new Array<unknown>(x.length);
        x.v.forEach((item, i) => {
          if (item) out[i] = decode(item);
        });
        return out;
      }
      case 'o': {
        const out = (x.proto ? {} : Object.create(null)) as Record<string, unknown>;
        for (const [k, item] of x.v)
          Object.defineProperty(out, k, { value: decode(item), enumerable: true, writable: true, configurable: true });
        return out;
      }
    }
  };
  const values = arg.messages.map(decode);
  const outcome: Outcome = { resolved: 0, rejected: 0, hung: 0, replies: [], errors: [] };
  if (arg.to === 'decode') return { ...outcome, decoded: values };
  type Api = {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    tabs: { sendMessage(id: number, m: unknown): Promise<unknown> };
  };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  const send = (m: unknown): Promise<unknown> =>
    arg.to === 'background' ? api.runtime.sendMessage(m) : api.tabs.sendMessage(arg.tabId!, m);
  const HUNG = Symbol('hung');
  await Promise.all(
    values.map(async (m) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // A call the API refuses at once (a value it cannot serialize) throws here: a rejection too.
        const reply = await Promise.race([
          new Promise<unknown>((resolve, reject) => {
            try {
              send(m).then(resolve, reject);
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          }),
          new Promise((resolve) => (timer = setTimeout(() => resolve(HUNG), 5000))),
        ]);
        if (reply === HUNG) {
          outcome.hung++;
          return;
        }
        outcome.resolved++;
        if (reply !== undefined && reply !== null && outcome.replies.length < 5) {
          let json: string;
          try {
            json = JSON.stringify(reply);
          } catch {
            json = Object.prototype.toString.call(reply);
          }
          outcome.replies.push(json);
        }
      } catch (e) {
        outcome.rejected++;
        const text = e instanceof Error ? e.message : String(e);
        if (!outcome.errors.includes(text) && outcome.errors.length < 5) outcome.errors.push(text);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return outcome;
}
