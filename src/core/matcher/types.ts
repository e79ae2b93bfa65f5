/** A phrase candidate: the term number, flags (1 = ambiguous), then the keys of its later words. */
export type Candidate = [term: number, flags: number, ...rest: string[]];

/** The compiled glossary, as the content script loads it. Plain JSON. */
export interface MatcherData {
  /** Term ids; a term's number is its index here. */
  terms: string[];
  /** First-word key → candidates, longest first. A key is a folded word, or "=" + an abbreviation. */
  phrases: Record<string, Candidate[]>;
  /** Folded context word → the terms whose ambiguous abbreviations it allows. */
  context: Record<string, number[]>;
}

/** One match in a block of text, as offsets into that text. */
export interface TextMatch {
  start: number;
  end: number;
  term: number;
  /** An ambiguous abbreviation: keep it only if the term's context was seen. */
  ambiguous: boolean;
}
