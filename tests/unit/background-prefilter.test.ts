/**
 * The background keeps this build's prefilter in storage for the pages: written when what is
 * stored is missing or another version's, left alone when it is this one (a background wakes often
 * and must not write each time), removed when this build has none.
 */
import { beforeEach, expect, test, vi } from 'vitest';

const handed = { stamp: 'abc', words: 'bone', abbreviations: 'PLAO', keys: 'bone' };
let store: Record<string, unknown>;
const writes: string[] = [];
let buildHas: typeof handed | null = handed;
type Changed = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
const onChanged: Changed[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      onChanged: { addListener: (l: Changed) => onChanged.push(l) },
      local: {
        get: (key: string) => Promise.resolve(key in store ? { [key]: store[key] } : {}),
        set: (items: Record<string, unknown>) => (writes.push('set'), Object.assign(store, items), Promise.resolve()),
        remove: (key: string) => (writes.push('remove'), delete store[key], Promise.resolve()),
      },
    },
  },
}));
vi.mock('plao:knowledge/prefilter', () => ({
  get default() {
    return buildHas;
  },
}));

beforeEach(() => {
  store = {};
  writes.length = 0;
  buildHas = handed;
  onChanged.length = 0;
  vi.resetModules();
});

async function storeOnce(): Promise<void> {
  const { storePrefilter } = await import('../../src/background/prefilter');
  await storePrefilter();
}

test('written when none is stored, then not again', async () => {
  await storeOnce();
  expect(store.prefilter).toEqual(handed);
  await storeOnce();
  expect(writes).toEqual(['set']);
});

test("another version's is replaced", async () => {
  store.prefilter = { ...handed, stamp: 'old', words: 'old' };
  await storeOnce();
  expect(store.prefilter).toEqual(handed);
});

test('a build without a prefilter removes a stored one, and writes nothing when none is stored', async () => {
  buildHas = null;
  await storeOnce();
  expect(writes).toEqual([]);
  store.prefilter = handed;
  await storeOnce();
  expect(store).toEqual({});
  expect(writes).toEqual(['remove']);
});

test('stored again when storage is emptied, and only then', async () => {
  const { keepPrefilterStored } = await import('../../src/background/prefilter');
  keepPrefilterStored();
  await vi.waitFor(() => expect(store.prefilter).toEqual(handed));
  // Its own write, and other keys' changes, write nothing.
  onChanged[0]!({ prefilter: { newValue: handed } }, 'local');
  onChanged[0]!({ settings: { newValue: {} } }, 'local');
  delete store.prefilter;
  onChanged[0]!({ prefilter: { oldValue: handed } }, 'local');
  await vi.waitFor(() => expect(store.prefilter).toEqual(handed));
  expect(writes).toEqual(['set', 'set']);
});
