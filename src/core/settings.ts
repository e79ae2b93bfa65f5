/**
 * The settings: their type, defaults and validation in one place. Only what the user changed is
 * stored; anything stored that does not fit (corrupt, wrong type, from an older version) falls
 * back to the default for that field, so a bad value can never break a page.
 */

export const DISPLAY_MODES = ['all', 'first', 'none'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export interface Settings {
  /** Global pause. */
  enabled: boolean;
  /** Paint every occurrence, the first per section, or nothing (hover still explains). */
  displayMode: DisplayMode;
  /** How long the pointer rests on a term before its popover opens, in milliseconds. */
  popoverDelay: number;
  /** Hostnames where the user turned PLAO Lens off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  displayMode: 'all',
  popoverDelay: 300,
  disabledSites: [],
});

/** The storage key; the stored value is a partial Settings object. */
export const SETTINGS_KEY = 'settings';

export interface ParsedSettings {
  settings: Settings;
  /** Fields that were stored but invalid and fell back to their default. */
  invalid: (keyof Settings)[];
}

export function parseSettings(stored: unknown): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
  const invalid: (keyof Settings)[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { settings, invalid: stored === undefined ? [] : ['enabled'] };
  }
  const s = stored as Record<string, unknown>;
  if ('enabled' in s) {
    if (typeof s.enabled === 'boolean') settings.enabled = s.enabled;
    else invalid.push('enabled');
  }
  if ('displayMode' in s) {
    if (DISPLAY_MODES.includes(s.displayMode as DisplayMode)) settings.displayMode = s.displayMode as DisplayMode;
    else invalid.push('displayMode');
  }
  if ('popoverDelay' in s) {
    const d = s.popoverDelay;
    if (typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= 2000) settings.popoverDelay = Math.round(d);
    else invalid.push('popoverDelay');
  }
  if ('disabledSites' in s) {
    const list = s.disabledSites;
    if (Array.isArray(list) && list.every((h) => typeof h === 'string' && h.length < 256)) {
      settings.disabledSites = [...new Set(list as string[])];
    } else invalid.push('disabledSites');
  }
  return { settings, invalid };
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
