/** The compiled knowledge: what the build makes of `src/knowledge/` for every runtime context. */
import type { MatcherData } from '../matcher/types';

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong'; c: Inline[] }
  /** href: "term:<id>", "guide:<article>#<section>" or an https address. */
  | { t: 'link'; href: string; c: Inline[] }
  /** An inline citation of a bibliography key. */
  | { t: 'cite'; key: string };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 2 | 3; id: string; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  /** The plain "Seek care now" box. */
  | { t: 'seekCare'; c: Block[] };

export const CATEGORIES = ['condition', 'body', 'tests', 'treatment', 'look-alike', 'warning-sign'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface GuideRef {
  article: string;
  section: string;
}

/** What the popover shows. */
export interface TermCard {
  id: string;
  name: string;
  category: Category;
  short: string;
  /** "Kovacs 2025; Scioscia & Zanchetta 2023" */
  sourceLine: string;
  reviewed: string;
  guide: GuideRef;
  seekCare: boolean;
}

export interface TermEntry extends TermCard {
  aliases: string[];
  abbreviations: string[];
  sources: string[];
  related: string[];
  body: Block[];
  /** Flesch–Kincaid grade of `short`, kept for the report. */
  grade: number;
}

export interface Article {
  id: string;
  title: string;
  summary: string;
  order: number;
  reviewed: string;
  sections: { id: string; title: string }[];
  body: Block[];
  /** Keys cited in the article, in order of first citation. */
  sources: string[];
}

export interface SourceEntry {
  key: string;
  citation: string;
  url?: string;
  note?: string;
  /** Short form for a source line: "Kovacs 2025". */
  label: string;
}

export interface Meta {
  publisher: string;
  reviewed: string;
  nextReview: string;
  reviewedBy: string;
  changes: { date: string; text: string }[];
}

/** What the build makes for the content script (the matcher) and the background (the cards). */
export interface ContentKnowledge {
  matcher: MatcherData;
  cards: TermCard[];
}

/** Loaded by the extension pages. */
export interface FullKnowledge {
  terms: TermEntry[];
  articles: Article[];
  bibliography: SourceEntry[];
  meta: Meta;
}
