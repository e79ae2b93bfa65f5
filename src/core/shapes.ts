/**
 * The checks every reader of untrusted data shares (stored settings and questions, messages), so
 * they cannot drift apart and the content script carries them once.
 */

/** A term, article or section id: lower-case letters and digits, in words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A plain object (not null, not an array): what stored values and messages must be. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An id of at most 80 characters. */
export function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 80 && ID_PATTERN.test(v);
}
