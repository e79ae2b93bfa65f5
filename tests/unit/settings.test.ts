import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DISPLAY_MODES,
  HIGHLIGHT_STYLES,
  isSiteEnabled,
  migrate,
  normalizeHost,
  parseSettings,
  POPOVER_DELAY_MAX,
  setSiteEnabled,
  setTermHidden,
  SETTING_KEYS,
  SETTINGS_VERSION,
  toStored,
  type Settings,
} from '../../src/core/settings';

/** Every field present, of its type and in range, and nothing else. */
function expectValid(s: Settings): void {
  expect(Object.keys(s).sort()).toEqual([...SETTING_KEYS].sort());
  expect(typeof s.enabled).toBe('boolean');
  expect(typeof s.showBadge).toBe('boolean');
  expect(DISPLAY_MODES).toContain(s.displayMode);
  expect(HIGHLIGHT_STYLES).toContain(s.highlightStyle);
  expect(Number.isInteger(s.popoverDelay) && s.popoverDelay >= 0 && s.popoverDelay <= POPOVER_DELAY_MAX).toBe(true);
  expect(Array.isArray(s.disabledSites)).toBe(true);
  expect(new Set(s.disabledSites).size).toBe(s.disabledSites.length);
  for (const h of s.disabledSites) expect(normalizeHost(h)).toBe(h);
}

describe('reading', () => {
  test('nothing stored gives the defaults, and nothing is reported', () => {
    expect(parseSettings(undefined)).toEqual({ settings: { ...DEFAULT_SETTINGS }, invalid: [] });
  });
  test('the defaults are frozen, and what parseSettings returns is a copy', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.disabledSites)).toBe(true);
    const s = parseSettings(undefined).settings;
    s.disabledSites.push('example.com');
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
  test.each([null, 'garbage', 42, true, [1, 2], []])('a corrupt value (%j) falls back to the defaults', (stored) => {
    const r = parseSettings(stored);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.invalid.sort()).toEqual([...SETTING_KEYS].sort());
  });
  test('each bad field falls back alone, and is reported', () => {
    const r = parseSettings({
      version: 1,
      enabled: 'yes',
      displayMode: 'first',
      highlightStyle: 'sparkles',
      popoverDelay: -5,
      showBadge: 0,
      disabledSites: 'x',
    });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, displayMode: 'first' });
    expect(r.invalid.sort()).toEqual(['disabledSites', 'enabled', 'highlightStyle', 'popoverDelay', 'showBadge']);
  });
  test('every field, valid', () => {
    const fields = {
      enabled: false,
      displayMode: 'none',
      highlightStyle: 'outline',
      popoverDelay: 650,
      showBadge: false,
      disabledSites: ['example.com', 'news.example.org'],
      hiddenTerms: ['dxa-scan', 'plao'],
    };
    expect(parseSettings({ version: 1, ...fields })).toEqual({ settings: fields, invalid: [] });
  });
  test.each([
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [2001, false],
    ['300', false],
    [0, true],
    [2000, true],
  ])('popover delay %s valid: %s', (delay, ok) => {
    expect(parseSettings({ version: 1, popoverDelay: delay }).invalid).toEqual(ok ? [] : ['popoverDelay']);
  });
  test('a fractional delay is rounded', () => {
    expect(parseSettings({ version: 1, popoverDelay: 349.6 }).settings.popoverDelay).toBe(350);
  });
  test('site lists are normalised and deduplicated; bad entries are dropped and reported', () => {
    const r = parseSettings({ version: 1, disabledSites: ['Example.COM.', 'example.com', 42, '', 'a b', 'ok.org'] });
    expect(r.settings.disabledSites).toEqual(['example.com', 'ok.org']);
    expect(r.invalid).toEqual(['disabledSites']);
  });
  test('prototype keys neither pollute nor count as settings', () => {
    const stored: unknown = JSON.parse(
      '{"version":1,"__proto__":{"enabled":false},"constructor":{"prototype":{"x":1}},"displayMode":"first"}',
    );
    const r = parseSettings(stored);
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, displayMode: 'first' });
    expect(r.invalid).toEqual([]);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    // Inherited values are not stored values.
    expect(parseSettings(Object.create({ enabled: false }) as unknown).settings.enabled).toBe(true);
  });
  test('a value that throws on reading falls back to the defaults', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('no');
        },
      },
    );
    expect(parseSettings(hostile).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('migrations', () => {
  test('version 0 becomes version 1', () => {
    const r = parseSettings({ paused: true, mode: 'first-only', sites: { 'Example.com': false, 'kept.org': true } });
    expect(r.settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      displayMode: 'first',
      disabledSites: ['example.com'],
    });
    expect(r.invalid).toEqual([]);
    expect(r.migratedFrom).toBe(0);
  });
  test.each([
    ['every', 'all'],
    ['first-only', 'first'],
    ['off', 'none'],
  ])('version 0 mode %s is display mode %s', (mode, displayMode) => {
    expect(parseSettings({ mode }).settings.displayMode).toBe(displayMode);
  });
  test('version 0 paused: false is enabled', () => {
    expect(parseSettings({ paused: false }).settings.enabled).toBe(true);
  });
  test('bad version 0 values are reported under their new names', () => {
    const r = parseSettings({ paused: 'maybe', mode: 'sometimes', sites: ['x.org'] });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.invalid.sort()).toEqual(['disabledSites', 'displayMode', 'enabled']);
  });
  test('an unversioned value with today’s names (as the first releases wrote) reads as it is', () => {
    const r = parseSettings({ displayMode: 'none', disabledSites: ['example.com'] });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, displayMode: 'none', disabledSites: ['example.com'] });
    expect(r.invalid).toEqual([]);
  });
  test('today’s names win over version 0 names in the same value', () => {
    expect(parseSettings({ mode: 'off', displayMode: 'first' }).settings.displayMode).toBe('first');
  });
  test('version 1 ignores version 0 names', () => {
    const r = parseSettings({ version: 1, paused: true, mode: 'off' });
    expect(r).toEqual({ settings: { ...DEFAULT_SETTINGS }, invalid: [] });
  });
  test('a value from a newer release keeps the fields it shares with today', () => {
    const r = parseSettings({ version: SETTINGS_VERSION + 3, displayMode: 'first', futureThing: { a: 1 } });
    expect(r).toEqual({ settings: { ...DEFAULT_SETTINGS, displayMode: 'first' }, invalid: [] });
  });
  test('a nonsense version is read as version 0', () => {
    expect(migrate({ version: 'one', mode: 'off' })).toEqual({ raw: { displayMode: 'none' }, from: 0 });
    expect(migrate({ version: -1 }).from).toBe(0);
    expect(migrate({ version: 0.5 }).from).toBe(0);
  });
});

describe('writing', () => {
  test('only what differs from the defaults is stored, with the version', () => {
    expect(toStored({ ...DEFAULT_SETTINGS })).toEqual({ version: SETTINGS_VERSION });
    expect(toStored({ ...DEFAULT_SETTINGS, highlightStyle: 'underline', showBadge: false })).toEqual({
      version: SETTINGS_VERSION,
      highlightStyle: 'underline',
      showBadge: false,
    });
    expect(toStored({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] })).toEqual({
      version: SETTINGS_VERSION,
      disabledSites: ['example.com'],
    });
  });
  test('what is written is clean even if the settings passed in are not', () => {
    const bad: Settings = { ...DEFAULT_SETTINGS, popoverDelay: -1, disabledSites: ['A.org.', 'a.org', '??'] };
    expect(toStored(bad)).toEqual({ version: SETTINGS_VERSION, disabledSites: ['a.org'] });
  });
  test('a migrated value is written in today’s shape', () => {
    const { settings } = parseSettings({ paused: true, mode: 'every', sites: { 'a.org': false } });
    expect(toStored(settings)).toEqual({ version: 1, enabled: false, disabledSites: ['a.org'] });
  });
  test('the written value does not share arrays with the settings', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['a.org'] };
    const stored = toStored(s);
    s.disabledSites.push('b.org');
    expect(stored.disabledSites).toEqual(['a.org']);
  });
});

describe('sites', () => {
  test.each([
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    [' news.example.org ', 'news.example.org'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['my_host.local', 'my_host.local'],
    ['', undefined],
    ['.', undefined],
    ['a..b', undefined],
    ['exa mple.com', undefined],
    ['example.com/path', undefined],
    ['__proto__', '__proto__'], // a legal-looking label; harmless, since lists are arrays
    ['a'.repeat(254), undefined],
  ])('normalizeHost(%j) is %j', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
  test('per-site switch and global pause', () => {
    const s = parseSettings({ version: 1, disabledSites: ['example.com'] }).settings;
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, 'EXAMPLE.com.')).toBe(false);
    expect(isSiteEnabled(s, 'other.org')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'other.org')).toBe(false);
  });
  test('setSiteEnabled turns a site off and on, normalising its name', () => {
    const off = setSiteEnabled({ ...DEFAULT_SETTINGS }, 'News.Example.org.', false);
    expect(off.disabledSites).toEqual(['news.example.org']);
    expect(setSiteEnabled(off, 'news.example.org', false).disabledSites).toEqual(['news.example.org']);
    expect(setSiteEnabled(off, 'NEWS.example.org', true).disabledSites).toEqual([]);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
  test('setSiteEnabled ignores what cannot be a hostname', () => {
    const s = { ...DEFAULT_SETTINGS };
    expect(setSiteEnabled(s, 'not a host', false)).toBe(s);
  });
});

describe('properties', () => {
  const keys = [...SETTING_KEYS, 'version', 'paused', 'mode', 'sites', '__proto__', 'constructor', 'toString'];

  test('any JSON value parses to valid settings without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseSettings(v);
        expectValid(r.settings);
        for (const k of r.invalid) expect(SETTING_KEYS).toContain(k);
      }),
      { numRuns: 500 },
    );
  });

  test('objects with the known keys and values of any type parse to valid settings', () => {
    const value = fc.oneof(
      fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
      fc.constantFrom(...DISPLAY_MODES, ...HIGHLIGHT_STYLES, 'every', 'first-only', 'off', 0, 1, 300, 2000),
      fc.array(fc.oneof(fc.domain(), fc.string(), fc.constant('__proto__'))),
      fc.dictionary(fc.oneof(fc.domain(), fc.string()), fc.oneof(fc.boolean(), fc.anything())),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (obj) => {
        // Through JSON as well, so "__proto__" arrives as an own key, as it would from storage.
        let viaJson: unknown;
        try {
          viaJson = JSON.parse(JSON.stringify(obj));
        } catch {
          viaJson = undefined; // BigInt and the like: not JSON, still tried directly below
        }
        for (const input of [obj, viaJson]) {
          const r = parseSettings(input);
          expectValid(r.settings);
          expect(new Set(r.invalid).size).toBe(r.invalid.length);
        }
        expect(Object.prototype).not.toHaveProperty('enabled');
      }),
      { numRuns: 500 },
    );
  });

  test('a field not stored keeps its default; one stored is either kept or reported and defaulted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...SETTING_KEYS), fc.jsonValue()), (obj) => {
        const r = parseSettings({ version: SETTINGS_VERSION, ...obj });
        for (const key of SETTING_KEYS) {
          const bad = r.invalid.includes(key);
          if (!Object.hasOwn(obj, key)) {
            expect(bad).toBe(false);
            expect(r.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
          } else if (key === 'hiddenTerms') {
            if (!bad) expect(r.settings.hiddenTerms).toEqual([...new Set(obj.hiddenTerms as string[])]);
          } else if (key === 'disabledSites') {
            // A list keeps its good entries even when some are dropped.
            if (!bad) {
              const hosts = (obj.disabledSites as string[]).map((h) => normalizeHost(h));
              expect(r.settings.disabledSites).toEqual([...new Set(hosts)]);
            }
          } else if (bad) {
            expect(r.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
          } else if (key === 'popoverDelay') {
            expect(r.settings.popoverDelay).toBe(Math.round(obj.popoverDelay as number));
          } else {
            expect(r.settings[key]).toEqual(obj[key]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  const validSettings = fc.record({
    enabled: fc.boolean(),
    displayMode: fc.constantFrom(...DISPLAY_MODES),
    highlightStyle: fc.constantFrom(...HIGHLIGHT_STYLES),
    popoverDelay: fc.integer({ min: 0, max: POPOVER_DELAY_MAX }),
    showBadge: fc.boolean(),
    disabledSites: fc.uniqueArray(fc.domain().map((d) => normalizeHost(d)!)),
    hiddenTerms: fc.uniqueArray(
      fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).filter((id) => id.length <= 80),
      { maxLength: 10 },
    ),
  });

  test('valid settings survive a write and a read unchanged, and only changes are written', () => {
    fc.assert(
      fc.property(validSettings, (s) => {
        const stored = toStored(s);
        expect(stored.version).toBe(SETTINGS_VERSION);
        for (const key of SETTING_KEYS) expect(Object.hasOwn(stored, key)).toBe(!isDefault(s, key));
        // Through JSON, as storage would keep it.
        expect(parseSettings(JSON.parse(JSON.stringify(stored)))).toEqual({ settings: s, invalid: [] });
      }),
    );
  });

  test('reading, writing and reading again is stable for any input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = parseSettings(v).settings;
        expect(parseSettings(toStored(once))).toEqual({ settings: once, invalid: [] });
      }),
      { numRuns: 300 },
    );
  });

  // How fast is the benchmark's business; here only that huge values come out whole and bounded.
  test('huge values parse to bounded settings', () => {
    const sites = Array.from({ length: 200_000 }, (_, i) => `site-${i % 50_000}.example`);
    const r = parseSettings({ version: 1, disabledSites: [...sites, 42] });
    expect(r.settings.disabledSites).toHaveLength(50_000);
    expect(r.invalid).toEqual(['disabledSites']);
    expect(parseSettings({ version: 1, disabledSites: new Array(1_000_000) }).settings.disabledSites).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expectValid(parseSettings(wide).settings);
    expectValid(parseSettings({ sites: wide }).settings);
  });
});

function isDefault(s: Settings, key: keyof Settings): boolean {
  const v = s[key];
  const d = DEFAULT_SETTINGS[key];
  return Array.isArray(v) ? v.length === 0 && Array.isArray(d) && d.length === 0 : v === d;
}

describe('hidden terms (“Don’t highlight this term”)', () => {
  test('a value stored before the field existed reads with no term hidden, at every version', () => {
    for (const stored of [{ version: 1, displayMode: 'first' }, { mode: 'first-only' }]) {
      const r = parseSettings(stored);
      expect(r.settings.hiddenTerms).toEqual([]);
      expect(r.invalid).toEqual([]);
    }
  });
  test('ids are kept once each; anything that cannot be a term id is dropped and reported', () => {
    const r = parseSettings({ version: 1, hiddenTerms: ['plao', 'plao', 'DXA', 42, 'dxa-scan', '../x'] });
    expect(r.settings.hiddenTerms).toEqual(['plao', 'dxa-scan']);
    expect(r.invalid).toEqual(['hiddenTerms']);
    expect(parseSettings({ version: 1, hiddenTerms: 'plao' }).invalid).toEqual(['hiddenTerms']);
  });
  test('hide and show again; only a change is stored', () => {
    const hidden = setTermHidden(DEFAULT_SETTINGS, 'dxa-scan', true);
    expect(hidden.hiddenTerms).toEqual(['dxa-scan']);
    expect(setTermHidden(hidden, 'dxa-scan', true).hiddenTerms).toEqual(['dxa-scan']);
    expect(toStored(hidden)).toEqual({ version: SETTINGS_VERSION, hiddenTerms: ['dxa-scan'] });
    const shown = setTermHidden(hidden, 'dxa-scan', false);
    expect(toStored(shown)).toEqual({ version: SETTINGS_VERSION });
    expect(setTermHidden(DEFAULT_SETTINGS, 'Not An Id', true).hiddenTerms).toEqual([]);
  });
});
