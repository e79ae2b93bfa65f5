/**
 * The one message protocol between the extension's contexts. Requests are verbs, events are past
 * tense. Every receiver parses what arrives with the functions here and drops anything else:
 * pages and other extensions can send messages too. Each request has one reply type and one reply
 * parser (below); `callWith` pairs them, so a sender never picks a parser by hand.
 */
import { CATEGORIES, URGENCY, type Category, type TermCard, type Urgency, type WarningLine } from './knowledge/types';
import { isId, isRecord } from './shapes';

/** Sent by the content script and the extension pages to the background. */
export type ToBackground =
  /** Open the guidance page at an article's section, in a new tab. */
  | { type: 'openGuidance'; article: string; section: string }
  /** The terms found in a frame changed; `distinct` is how many different terms it shows. */
  | { type: 'termsFound'; distinct: number }
  /** The popover's card for a term (kept out of the content script to keep it small). */
  | { type: 'getTermCard'; id: string }
  /** How to say a term, for its card (a TermExtras reply). */
  | { type: 'getTermExtras'; id: string }
  /** Add a term and its suggested questions to "My questions" (a QuestionsAddedReply). Never from a private window. */
  | { type: 'addQuestions'; id: string }
  /** Stop (or start again) highlighting a term on every page. Never from a private window. */
  | { type: 'hideTerm'; id: string; hidden: boolean }
  /** Open the "My questions" page in a new tab. */
  | { type: 'openQuestions' };

/** Sent by the popup and the background to a tab's content script. */
export type ToContent =
  /** Which terms does the page show, and how often? */
  | { type: 'getPageTerms' }
  /** Scroll to the next occurrence of a term, flash it and open its popover with focus. */
  | { type: 'revealTerm'; id: string }
  /** Move to the next (1) or previous (-1) term on the page (the keyboard commands). */
  | { type: 'stepTerm'; direction: 1 | -1 }
  /** Explain the term in the selection, if there is one there (the context menu). */
  | { type: 'explainSelection' };

/** The reply to revealTerm, stepTerm and explainSelection. */
export interface FoundReply {
  found: boolean;
}

/** The reply to addQuestions and hideTerm: `saved` false when nothing could be kept (a private window). */
export interface SavedReply {
  saved: boolean;
  /** addQuestions: how many questions were new. */
  added: number;
}

/** The reply to getTermExtras. */
export interface TermExtras {
  /** A respelling, "bis-FOS-fuh-nayt", and where it is from. */
  say?: { text: string; source: string };
}

export interface PageTerm {
  id: string;
  count: number;
}

export interface PageTermsReply {
  terms: PageTerm[];
  /** The page's host name, for the per-site switch. */
  host: string;
}

export function parseToBackground(msg: unknown): ToBackground | undefined {
  if (!isRecord(msg)) return undefined;
  switch (msg.type) {
    case 'openGuidance':
      return isId(msg.article) && isId(msg.section)
        ? { type: 'openGuidance', article: msg.article, section: msg.section }
        : undefined;
    case 'getTermCard':
    case 'getTermExtras':
    case 'addQuestions':
      return isId(msg.id) ? { type: msg.type, id: msg.id } : undefined;
    case 'hideTerm':
      return isId(msg.id) && typeof msg.hidden === 'boolean'
        ? { type: 'hideTerm', id: msg.id, hidden: msg.hidden }
        : undefined;
    case 'openQuestions':
      return { type: 'openQuestions' };
    case 'termsFound':
      return typeof msg.distinct === 'number' &&
        Number.isInteger(msg.distinct) &&
        msg.distinct >= 0 &&
        msg.distinct < 1e6
        ? { type: 'termsFound', distinct: msg.distinct }
        : undefined;
    default:
      return undefined;
  }
}

export function parseToContent(msg: unknown): ToContent | undefined {
  if (!isRecord(msg)) return undefined;
  switch (msg.type) {
    case 'getPageTerms':
    case 'explainSelection':
      return { type: msg.type };
    case 'revealTerm':
      return isId(msg.id) ? { type: 'revealTerm', id: msg.id } : undefined;
    case 'stepTerm':
      return msg.direction === 1 || msg.direction === -1 ? { type: 'stepTerm', direction: msg.direction } : undefined;
    default:
      return undefined;
  }
}

export function parseFoundReply(v: unknown): FoundReply {
  return { found: isRecord(v) && v.found === true };
}

export function parsePageTermsReply(v: unknown): PageTermsReply | undefined {
  if (!isRecord(v) || !Array.isArray(v.terms) || typeof v.host !== 'string' || v.host.length > 255) return undefined;
  const terms: PageTerm[] = [];
  for (const t of v.terms) {
    if (!isRecord(t) || !isId(t.id) || !Number.isSafeInteger(t.count) || (t.count as number) <= 0) return undefined;
    terms.push({ id: t.id, count: t.count as number });
  }
  return { terms, host: v.host };
}

export function parseSavedReply(v: unknown): SavedReply {
  const added = isRecord(v) && Number.isSafeInteger(v.added) && (v.added as number) >= 0 ? (v.added as number) : 0;
  return { saved: isRecord(v) && v.saved === true, added };
}

export function parseTermExtras(v: unknown): TermExtras {
  if (!isRecord(v) || !isRecord(v.say)) return {};
  const { text, source } = v.say;
  return typeof text === 'string' && typeof source === 'string' && text.length <= 100 && source.length <= 300
    ? { say: { text, source } }
    : {};
}

/** A term card as the background sends it; anything else is dropped. */
export function parseTermCard(v: unknown): TermCard | undefined {
  if (!isRecord(v) || !isId(v.id) || !isRecord(v.guide)) return undefined;
  const strings = ['name', 'category', 'short', 'sourceLine', 'reviewed'] as const;
  if (!strings.every((k) => typeof v[k] === 'string') || typeof v.seekCare !== 'boolean') return undefined;
  if (!isId(v.guide.article) || !isId(v.guide.section)) return undefined;
  if (!CATEGORIES.includes(v.category as Category)) return undefined;
  // A new object of exactly the checked fields: nothing else that came with the message.
  return {
    id: v.id,
    name: v.name as string,
    category: v.category as Category,
    short: v.short as string,
    sourceLine: v.sourceLine as string,
    reviewed: v.reviewed as string,
    guide: { article: v.guide.article, section: v.guide.section },
    seekCare: v.seekCare,
    ...optionalCardLines(v),
  };
}

/** What each request to the background is answered with. */
export interface BackgroundReplies {
  openGuidance: undefined;
  termsFound: undefined;
  getTermCard: TermCard | undefined;
  getTermExtras: TermExtras;
  addQuestions: SavedReply;
  hideTerm: SavedReply;
  openQuestions: undefined;
}

/** What each request to a content script is answered with. */
export interface ContentReplies {
  /** Undefined when no content script answers (a browser page, a store page, no host access). */
  getPageTerms: PageTermsReply | undefined;
  revealTerm: FoundReply;
  stepTerm: FoundReply;
  explainSelection: FoundReply;
}

type Parsers<M extends { type: string }, R extends Record<M['type'], unknown>> = {
  [K in M['type']]: (reply: unknown) => R[K];
};

const nothing = (): undefined => undefined;

export const backgroundReplyParsers: Parsers<ToBackground, BackgroundReplies> = {
  openGuidance: nothing,
  termsFound: nothing,
  getTermCard: parseTermCard,
  getTermExtras: parseTermExtras,
  addQuestions: parseSavedReply,
  hideTerm: parseSavedReply,
  openQuestions: nothing,
};

export const contentReplyParsers: Parsers<ToContent, ContentReplies> = {
  getPageTerms: parsePageTermsReply,
  revealTerm: parseFoundReply,
  stepTerm: parseFoundReply,
  explainSelection: parseFoundReply,
};

/**
 * A typed call over a context's transport (`runtime.sendMessage`, `tabs.sendMessage` to a tab):
 * the reply is parsed by the request's own parser. A call never rejects: a receiver that is not
 * there (no content script, a background restarting) reads as no reply.
 */
export function callWith<M extends { type: keyof R & string }, R>(
  parsers: { [K in keyof R]: (reply: unknown) => R[K] },
  send: (msg: M) => Promise<unknown>,
): <T extends M>(msg: T) => Promise<R[T['type']]> {
  return async <T extends M>(msg: T): Promise<R[T['type']]> => {
    const parse = parsers[msg.type as T['type']];
    return parse(await send(msg).catch(() => undefined));
  };
}

/** Typed calls to a tab's content scripts over `tabs.sendMessage`, by tab and frame (0: the top frame). */
export function tabCaller(
  sendMessage: (tabId: number, msg: ToContent, options: { frameId: number }) => Promise<unknown>,
): (tabId: number, frameId?: number) => <T extends ToContent>(msg: T) => Promise<ContentReplies[T['type']]> {
  return (tabId, frameId = 0) =>
    callWith<ToContent, ContentReplies>(contentReplyParsers, (msg) => sendMessage(tabId, msg, { frameId }));
}

/** The card's safety lines (warning signs, pregnancy and breastfeeding, one safety line), checked. */
function optionalCardLines(v: Record<string, unknown>): Pick<TermCard, 'warnings' | 'pregnancy' | 'safety'> {
  const out: Pick<TermCard, 'warnings' | 'pregnancy' | 'safety'> = {};
  if (typeof v.pregnancy === 'string') out.pregnancy = v.pregnancy;
  if (typeof v.safety === 'string') out.safety = v.safety;
  if (Array.isArray(v.warnings)) {
    const ws: WarningLine[] = [];
    for (const w of v.warnings as unknown[]) {
      if (!isRecord(w) || !isId(w.id) || typeof w.text !== 'string' || typeof w.judgement !== 'boolean') continue;
      if (!URGENCY.includes(w.level as Urgency) || !Array.isArray(w.sources)) continue;
      const sources = w.sources.filter((k): k is string => typeof k === 'string');
      ws.push({ id: w.id, level: w.level as Urgency, text: w.text, judgement: w.judgement, sources });
    }
    if (ws.length) out.warnings = ws;
  }
  return out;
}
