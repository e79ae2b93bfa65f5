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
  | { t: 'seekCare'; c: Block[] }
  /** A warning sign from `warning-signs.yaml`, expanded at build time from `{{warning:id}}`. */
  | ({ t: 'warning' } & WarningLine);

/** How soon to act on a warning sign. */
export const URGENCY = ['emergency', 'same-day', 'next-appointment'] as const;
export type Urgency = (typeof URGENCY)[number];

/** One warning sign as cards and articles show it: defined once, worded once. */
export interface WarningLine {
  id: string;
  level: Urgency;
  /** The one sentence that says what to do. */
  text: string;
  /** True when the sources give the pattern but not the timeframe: the level is the content's own judgement. */
  judgement: boolean;
  sources: string[];
}

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
  /** Warning signs the card names, each in its one defined sentence. */
  warnings?: WarningLine[];
  /** Medicines: what is known in pregnancy and breastfeeding. */
  pregnancy?: string;
  /** One safety line that must be on the card itself (e.g. "do not stop it on your own"). */
  safety?: string;
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
  /** Flesch–Kincaid grade of the article's prose, kept for the report. */
  grade: number;
}

export interface SourceEntry {
  key: string;
  citation: string;
  url?: string;
  note?: string;
  /** How much of the source was read: the whole text, its abstract, a part (a table, a label section), or only its title. */
  read: SourceReading;
  /** Short form for a source line: "Kovacs 2025". */
  label: string;
}

export const READINGS = ['full-text', 'abstract', 'excerpt', 'title-only'] as const;
export type SourceReading = (typeof READINGS)[number];

export interface Meta {
  publisher: string;
  /** Who wrote the content. */
  writtenBy: string;
  reviewed: string;
  nextReview: string;
  reviewedBy: string;
  /** Named clinicians who have reviewed the content; empty until one signs. Never invented. */
  reviewers: { name: string; role: string; date: string }[];
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
  warnings: WarningLine[];
}
