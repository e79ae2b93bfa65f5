/**
 * UI strings come from `_locales/<lang>/messages.json` through the browser's i18n API, so a second
 * language is a translation, not a rewrite. The English messages live in `src/locales/en/*.json`
 * (one file per part of the UI) and the build merges them; a test checks every key used exists.
 */
type I18n = { i18n: { getMessage(name: string, substitutions?: string | string[]): string } };
const g = globalThis as unknown as { browser?: I18n; chrome?: I18n };

/**
 * Messages without substitutions, once looked up: each `getMessage` is a call into the browser
 * (a fraction of a millisecond on a page), and a card asks for the same few every time it shows.
 */
const plain = new Map<string, string>();

/** The message `key`, with $1, $2… replaced by `subs`. Falls back to the key if it is missing. */
export function t(key: string, subs?: string | string[]): string {
  const known = subs === undefined ? plain.get(key) : undefined;
  if (known !== undefined) return known;
  const api = g.browser ?? g.chrome;
  const message = api?.i18n.getMessage(key, subs) || key;
  if (subs === undefined && api) plain.set(key, message);
  return message;
}
