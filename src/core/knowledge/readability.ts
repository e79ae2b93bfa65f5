/**
 * Flesch–Kincaid grade level, the formula patient-information guides use:
 * 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
 * Syllables come from the `syllable` package (a maintained English syllable counter with an
 * exceptions list), not a vowel-group guess.
 */
import { syllable } from 'syllable';

const WORDS = /[\p{L}\p{N}'’-]+/gu;
const SENTENCE_ENDS = /[.!?]+(?:\s|$)/g;

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

export function readability(text: string): Readability {
  const words = text.match(WORDS) ?? [];
  const sentences = Math.max(1, (text.match(SENTENCE_ENDS) ?? []).length);
  let syllables = 0;
  for (const w of words) syllables += Math.max(1, syllable(w));
  const n = Math.max(1, words.length);
  const grade = 0.39 * (words.length / sentences) + 11.8 * (syllables / n) - 15.59;
  return { words: words.length, sentences, syllables, grade: Math.round(grade * 10) / 10 };
}
