/**
 * "Don't highlight this term": the matcher the content script uses, without the terms the reader
 * hid. Dropping them from the table (rather than painting and then hiding) means a hidden term is
 * not found at all: not painted, not explained on hover, not listed in the popup.
 */
import type { MatcherData } from './matcher/types';

export function withoutTerms(data: MatcherData, hidden: readonly string[]): MatcherData {
  if (hidden.length === 0) return data;
  const gone = new Set<number>();
  data.terms.forEach((id, i) => hidden.includes(id) && gone.add(i));
  if (gone.size === 0) return data;
  const phrases: MatcherData['phrases'] = {};
  for (const [key, list] of Object.entries(data.phrases)) {
    const kept = list.filter(([term]) => !gone.has(term));
    if (kept.length) phrases[key] = kept;
  }
  // Term numbers stay as they are: they index `terms`, which is unchanged.
  return { ...data, phrases };
}

/** Whether two lists of hidden terms differ (order does not matter). */
export function hiddenChanged(a: readonly string[], b: readonly string[]): boolean {
  return a.length !== b.length || a.some((id) => !b.includes(id));
}
