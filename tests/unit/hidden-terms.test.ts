import { expect, test } from 'vitest';
import { hiddenChanged, withoutTerms } from '../../src/core/hidden-terms';
import { Matcher } from '../../src/core/matcher/matcher';
import type { TextMatch } from '../../src/core/matcher/types';
import { loadKnowledge } from '../../scripts/knowledge';

const data = loadKnowledge().content!.matcher;

function found(m: Matcher, text: string): string[] {
  const out: TextMatch[] = [];
  m.find(text, out, new Set());
  return out.map((x) => data.terms[x.term]!);
}

test('a hidden term is no longer found; the others still are, with the same numbers', () => {
  const text = 'A DXA scan showed osteopenia; she took a bisphosphonate.';
  expect(found(new Matcher(data), text)).toEqual(['dxa-scan', 'osteopenia', 'bisphosphonate']);
  const hidden = withoutTerms(data, ['osteopenia']);
  expect(hidden.terms).toEqual(data.terms);
  expect(found(new Matcher(hidden), text)).toEqual(['dxa-scan', 'bisphosphonate']);
});

test('nothing hidden (or only unknown ids) gives the same table back', () => {
  expect(withoutTerms(data, [])).toBe(data);
  expect(withoutTerms(data, ['no-such-term'])).toBe(data);
});

test('a change in the hidden list, in any order', () => {
  expect(hiddenChanged(['a', 'b'], ['b', 'a'])).toBe(false);
  expect(hiddenChanged(['a'], ['a', 'b'])).toBe(true);
  expect(hiddenChanged(['a'], ['b'])).toBe(true);
});
