/** The checks stored values and messages share (src/core/shapes.ts). */
import { describe, expect, test } from 'vitest';
import { isId, isRecord } from '../../src/core/shapes';

describe('isRecord', () => {
  test('a plain object is one; null, arrays and other values are not', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    for (const v of [null, undefined, [], [1], 'x', 1, true]) expect(isRecord(v)).toBe(false);
  });
});

describe('isId', () => {
  test('lower-case words joined by single hyphens, at most 80 characters', () => {
    for (const v of ['bmd', 'vitamin-d', '25-hydroxyvitamin-d', 'a'.repeat(80)]) expect(isId(v)).toBe(true);
    for (const v of ['', 'Vitamin-d', 'vitamin--d', '-d', 'd-', 'vitamin d', 'a'.repeat(81), 5, null, {}])
      expect(isId(v)).toBe(false);
  });
});
