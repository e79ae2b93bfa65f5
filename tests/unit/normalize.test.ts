import { describe, expect, test } from 'vitest';
import { foldAbbreviation, foldWord, isJoinableGap, tokenize } from '../../src/core/matcher/normalize';

describe('foldWord', () => {
  test.each([
    ['Bisphosphonates', 'bisphosphonate'],
    ['fractures', 'fracture'],
    ['mother’s', 'mother'],
    ["mother's", 'mother'],
    ['osteoporosis', 'osteoporosis'],
    ['glasses', 'glass'],
    ['therapies', 'therapy'],
    ['Oestrogen', 'oestrogen'],
    ['Östrogen', 'ostrogen'],
    ['ostéoporose', 'osteoporose'],
    ['Ž', 'ž'],
    ['d\u030c', 'd\u030c'],
    ['Ďs', 'ds'],
    ['DEXA', 'dexa'],
    ['bus', 'bus'],
    ['exercises', 'exercise'],
    ['diseases', 'disease'],
    ['boxes', 'box'],
    ['patches', 'patch'],
    ['wishes', 'wish'],
    ['buzzes', 'buzz'],
    ['ties', 'tie'],
  ])('%s → %s', (raw, folded) => expect(foldWord(raw)).toBe(folded));
});

describe('foldAbbreviation', () => {
  test.each([
    ['PLAO', 'PLAO'],
    ['PLAOs', 'PLAO'],
    ['PLAO’s', 'PLAO'],
    ['BMDs', 'BMD'],
    ['PTHrP', 'PTHrP'],
    ['plao', 'plao'],
  ])('%s → %s', (raw, folded) => expect(foldAbbreviation(raw)).toBe(folded));
});

describe('isJoinableGap', () => {
  test.each([
    [' ', true],
    ['-', true],
    ['- ', true],
    ['\u2011', true],
    ['\n', true],
    ['\u00a0', true],
    ['\n          ', true],
    ['---', false],
    [', ', false],
    ['. ', false],
    [' (', false],
    ['', false],
  ])('%j → %s', (gap, ok) => expect(isJoinableGap(`a${gap}b`, 1, 1 + gap.length)).toBe(ok));
});

test('tokenize keeps apostrophes inside words and splits at hyphens', () => {
  expect(tokenize('mother’s post-partum PLAO.').map((t) => t.raw)).toEqual(['mother’s', 'post', 'partum', 'PLAO']);
});
