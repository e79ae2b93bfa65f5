/**
 * The settings: their type, defaults, migrations and validation in one place. Only what the user
 * changed is stored (with the version of its shape), so a new default reaches everyone who never
 * touched that setting. Anything stored that does not fit (corrupt, wrong type, a hostile key)
 * falls back to the default for that field and is reported, so a bad value never breaks a page
 * and the options page can say what happened.
 */
import { ID_PATTERN, isId, isRecord } from './shapes';

export const DISPLAY_MODES = ['all', 'first', 'none'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export const HIGHLIGHT_STYLES = ['background', 'underline', 'outline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Global pause. */
  enabled: boolean;
  /** Paint every occurrence, the first per section, or nothing (hover still explains). */
  displayMode: DisplayMode;
  /** How painted terms look: a background tint, a dotted underline or an outline box. */
  highlightStyle: HighlightStyle;
  /** How long the pointer rests on a term before its popover opens, in milliseconds. */
  popoverDelay: number;
  /** Show the number of terms found on the toolbar icon. */
  showBadge: boolean;
  /** Hostnames (normalised: lower case, no trailing dot) where the user turned PLAO Lens off. */
  disabledSites: string[];
  /** Term ids the reader knows and asked not to see highlighted ("Don't highlight this term"). */
  hiddenTerms: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  displayMode: 'all',
  highlightStyle: 'background',
  popoverDelay: 300,
  showBadge: true,
  disabledSites: Object.freeze([]) as unknown as string[],
  hiddenTerms: Object.freeze([]) as unknown as string[],
});

export const SETTING_KEYS = Object.freeze(Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]);

/** The storage key; the stored value is a StoredSettings object. */
export const SETTINGS_KEY = 'settings';

/**
 * The shape `toStored` writes today. Raise it with a migration whenever a stored field changes meaning.
 * A new field alone needs none: a value stored before it existed simply lacks it and reads as its default.
 */
export const SETTINGS_VERSION = 1;

export const POPOVER_DELAY_MAX = 2000;
const HOST_MAX = 253;

/** What is written to storage: the version of the shape and the fields that differ from the defaults. */
export type StoredSettings = { version: number } & Partial<Settings>;

export interface ParsedSettings {
  settings: Settings;
  /** Fields that were stored but invalid and fell back to their default (wholly or in part). */
  invalid: (keyof Settings)[];
  /** The stored shape's version when it was older than today's and had to be migrated. */
  migratedFrom?: number;
}

type Raw = Record<string, unknown>;

/**
 * Version 0 (before the version field existed) stored `{ paused, mode: 'every' | 'first-only' |
 * 'off', sites: { host: false } }`. The first versioned releases also wrote today's field names
 * without a version, so an unversioned value may hold either set; today's names win. A version 0
 * value that does not fit becomes INVALID, so that validation reports it rather than losing it quietly.
 */
const INVALID = Symbol('invalid');

function migrateV0(old: Raw): Raw {
  const next: Raw = {};
  if (Object.hasOwn(old, 'paused')) next.enabled = typeof old.paused === 'boolean' ? !old.paused : INVALID;
  if (Object.hasOwn(old, 'mode')) {
    const mode = old.mode;
    next.displayMode = mode === 'every' ? 'all' : mode === 'first-only' ? 'first' : mode === 'off' ? 'none' : INVALID;
  }
  if (Object.hasOwn(old, 'sites')) {
    const sites = old.sites;
    next.disabledSites = isRecord(sites) ? Object.keys(sites).filter((h) => sites[h] === false) : INVALID;
  }
  for (const key of SETTING_KEYS) if (Object.hasOwn(old, key)) next[key] = old[key];
  return next;
}

/** MIGRATIONS[n] turns a version-n value into a version n+1 value. */
const MIGRATIONS: readonly ((old: Raw) => Raw)[] = [migrateV0];

/** The stored value brought to today's shape (fields not yet validated), and the version it had. */
export function migrate(stored: Raw): { raw: Raw; from: number } {
  const v = stored.version;
  // A version from a newer release (after a downgrade) is read as today's: known fields still mean the same.
  const from = Object.hasOwn(stored, 'version') && typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  let raw = stored;
  for (let n = from; n < SETTINGS_VERSION; n++) raw = MIGRATIONS[n]!(raw);
  return { raw, from };
}

/** Lower case, no trailing dot; undefined if it cannot be a hostname (as `location.hostname` gives it). */
export function normalizeHost(host: string): string | undefined {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h.length === 0 || h.length > HOST_MAX) return undefined;
  // Letters, digits, hyphens, underscores and dots; or a bracketed IPv6 address.
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(h) || /^\[[0-9a-f:.]+\]$/.test(h) ? h : undefined;
}

function parseSites(list: unknown): { sites: string[]; ok: boolean } | undefined {
  if (!Array.isArray(list)) return undefined;
  const sites = new Set<string>();
  let ok = true;
  for (const item of list as unknown[]) {
    const host = typeof item === 'string' ? normalizeHost(item) : undefined;
    if (host === undefined) ok = false;
    else sites.add(host);
  }
  return { sites: [...sites], ok };
}

/** Reads whatever storage holds (anything at all) into valid settings. Never throws. */
export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined) return { settings: defaults(), invalid: [] };
  try {
    if (isRecord(stored)) return parseObject(stored);
  } catch {
    // Storage only holds cloned plain data, but a value that throws on reading still must not break a page.
  }
  return { settings: defaults(), invalid: [...SETTING_KEYS] };
}

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], hiddenTerms: [] };
}

const HIDDEN_MAX = 1000;

/** Term ids, without repeats; anything that cannot be a term id is dropped and reported. */
function parseTermIds(list: unknown): { ids: string[]; ok: boolean } | undefined {
  if (!Array.isArray(list)) return undefined;
  const ids = new Set<string>();
  let ok = list.length <= HIDDEN_MAX;
  for (const item of (list as unknown[]).slice(0, HIDDEN_MAX)) {
    if (isId(item)) ids.add(item);
    else ok = false;
  }
  return { ids: [...ids], ok };
}

function parseObject(stored: Raw): ParsedSettings {
  const settings = defaults();

  const { raw, from } = migrate(stored);
  const invalid: (keyof Settings)[] = [];
  const has = (key: keyof Settings) => Object.hasOwn(raw, key);
  const take = <K extends keyof Settings>(key: K, check: (v: unknown) => v is Settings[K]) => {
    if (!has(key)) return;
    const v = raw[key];
    if (check(v)) settings[key] = v;
    else invalid.push(key);
  };
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  take('enabled', isBool);
  take('displayMode', (v): v is DisplayMode => DISPLAY_MODES.includes(v as DisplayMode));
  take('highlightStyle', (v): v is HighlightStyle => HIGHLIGHT_STYLES.includes(v as HighlightStyle));
  take('showBadge', isBool);
  if (has('popoverDelay')) {
    const d = raw.popoverDelay;
    if (typeof d === 'number' && d >= 0 && d <= POPOVER_DELAY_MAX) settings.popoverDelay = Math.round(d);
    else invalid.push('popoverDelay');
  }
  if (has('disabledSites')) {
    const parsed = parseSites(raw.disabledSites);
    if (parsed) settings.disabledSites = parsed.sites;
    if (!parsed?.ok) invalid.push('disabledSites');
  }
  if (has('hiddenTerms')) {
    const parsed = parseTermIds(raw.hiddenTerms);
    if (parsed) settings.hiddenTerms = parsed.ids;
    if (!parsed?.ok) invalid.push('hiddenTerms');
  }
  return from < SETTINGS_VERSION ? { settings, invalid, migratedFrom: from } : { settings, invalid };
}

/** The value to write to storage: the version and only the fields that differ from the defaults. */
export function toStored(settings: Settings): StoredSettings {
  const clean = parseSettings({ ...settings, version: SETTINGS_VERSION }).settings;
  const stored: StoredSettings = { version: SETTINGS_VERSION };
  const out = stored as Raw;
  for (const key of SETTING_KEYS) {
    const value = clean[key];
    const def = DEFAULT_SETTINGS[key];
    const same = Array.isArray(value) && Array.isArray(def) ? sameList(value, def) : value === def;
    if (!same) out[key] = Array.isArray(value) ? [...value] : value;
  }
  return stored;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = normalizeHost(hostname);
  return host === undefined || !settings.disabledSites.includes(host);
}

/** Settings with PLAO Lens turned on or off for one site. An invalid hostname changes nothing. */
export function setSiteEnabled(settings: Settings, hostname: string, on: boolean): Settings {
  const host = normalizeHost(hostname);
  if (host === undefined) return settings;
  const rest = settings.disabledSites.filter((h) => h !== host);
  return { ...settings, disabledSites: on ? rest : [...rest, host] };
}

/** Settings with one term's highlights hidden everywhere (true) or shown again (false). */
export function setTermHidden(settings: Settings, id: string, hidden: boolean): Settings {
  const rest = settings.hiddenTerms.filter((t) => t !== id);
  return { ...settings, hiddenTerms: hidden && ID_PATTERN.test(id) ? [...rest, id] : rest };
}
