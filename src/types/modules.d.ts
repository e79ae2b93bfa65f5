/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module declaration cannot hold an import statement */
/** Modules the build provides: compiled knowledge and CSS imported as text. */
/** The compiled term table: all the content script needs to find terms. */
declare module 'plao:knowledge/matcher' {
  const matcher: import('../core/matcher/compact').CompactMatcher;
  export default matcher;
}

/** What the popover shows for each term; the background hands cards out one at a time. */
declare module 'plao:knowledge/cards' {
  const cards: import('../core/knowledge/types').TermCard[];
  export default cards;
}

/** The prefilter's sources, stamped, for the background to keep in storage (null: none suits the glossary). */
declare module 'plao:knowledge/prefilter' {
  const prefilter: import('../core/matcher/prefilter').StoredPrefilter | null;
  export default prefilter;
}

/** The stamp of this build's prefilter ('' when there is none): the content script uses only that one. */
declare module 'plao:knowledge/prefilter-stamp' {
  const stamp: string;
  export default stamp;
}

declare module 'plao:knowledge/full' {
  const knowledge: import('../core/knowledge/types').FullKnowledge;
  export default knowledge;
}

/** Suggested questions for "My questions", by term id. */
declare module 'plao:extras/questions' {
  const questions: Record<string, string[]>;
  export default questions;
}

/** How to say hard names, by term id. */
declare module 'plao:extras/pronunciations' {
  const pronunciations: Record<string, import('../core/knowledge/extras').Pronunciation>;
  export default pronunciations;
}

declare module '*.css' {
  const text: string;
  export default text;
}

/** True in the build the end-to-end tests load (open shadow root); false in the release build. */
declare const __TEST__: boolean;
/** True in the benchmark build: the content script publishes its scan timings to the page. */
declare const __BENCH__: boolean;
