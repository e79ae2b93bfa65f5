import { describe, expect, test } from 'vitest';
import {
  backgroundReplyParsers,
  callWith,
  contentReplyParsers,
  parsePageTermsReply,
  parseSavedReply,
  parseTermCard,
  parseTermExtras,
  parseToBackground,
  parseToContent,
  tabCaller,
  type BackgroundReplies,
  type ToBackground,
} from '../../src/core/messages';

describe('messages', () => {
  test('valid messages pass', () => {
    expect(parseToBackground({ type: 'openGuidance', article: 'getting-diagnosed', section: 'z-scores' })).toEqual({
      type: 'openGuidance',
      article: 'getting-diagnosed',
      section: 'z-scores',
    });
    expect(parseToBackground({ type: 'termsFound', distinct: 3 })).toEqual({ type: 'termsFound', distinct: 3 });
    expect(parseToContent({ type: 'getPageTerms' })).toEqual({ type: 'getPageTerms' });
    expect(parseToContent({ type: 'revealTerm', id: 'dxa-scan' })).toEqual({ type: 'revealTerm', id: 'dxa-scan' });
    expect(parseToContent({ type: 'stepTerm', direction: -1 })).toEqual({ type: 'stepTerm', direction: -1 });
    expect(parseToContent({ type: 'stepTerm', direction: 2 })).toBeUndefined();
    expect(parseToContent({ type: 'explainSelection', text: 'x' })).toEqual({ type: 'explainSelection' });
  });
  test.each([
    null,
    undefined,
    'openGuidance',
    [],
    {},
    { type: 'nope' },
    { type: 'openGuidance', article: '../../etc', section: 'x' },
    { type: 'openGuidance', article: 'a', section: 'x"><script>' },
    { type: 'termsFound', distinct: -1 },
    { type: 'termsFound', distinct: 1.5 },
    { type: 'termsFound', distinct: '3' },
    { type: '__proto__' },
  ])('drops %j', (msg) => {
    expect(parseToBackground(msg)).toBeUndefined();
    expect(parseToContent(msg)).toBeUndefined();
  });
  test('extra fields are dropped', () => {
    expect(parseToBackground({ type: 'termsFound', distinct: 1, evil: true })).toEqual({
      type: 'termsFound',
      distinct: 1,
    });
  });
  test('term cards are checked', () => {
    const card = {
      id: 'dxa-scan',
      name: 'DXA scan',
      category: 'tests',
      short: 'A scan.',
      sourceLine: 'ISCD 2005',
      reviewed: '2026-11-26',
      guide: { article: 'getting-diagnosed', section: 'bone-density-scan' },
      seekCare: false,
    };
    expect(parseTermCard(card)).toEqual(card);
    expect(parseTermCard({ ...card, seekCare: 'no' })).toBeUndefined();
    expect(parseTermCard({ ...card, guide: { article: '../x', section: 'y' } })).toBeUndefined();
    expect(parseTermCard(undefined)).toBeUndefined();
    expect(parseToBackground({ type: 'getTermCard', id: 'dxa-scan' })).toEqual({ type: 'getTermCard', id: 'dxa-scan' });
    expect(parseToBackground({ type: 'getTermCard', id: 42 })).toBeUndefined();
  });
  test('page-terms replies are checked', () => {
    expect(parsePageTermsReply({ terms: [{ id: 'plao', count: 2 }], host: 'example.org' })?.terms).toHaveLength(1);
    expect(parsePageTermsReply({ terms: [{ id: 'PLAO!', count: 2 }], host: 'example.org' })).toBeUndefined();
    expect(parsePageTermsReply({ terms: [] })).toBeUndefined();
    expect(parsePageTermsReply('x')).toBeUndefined();
  });
});

describe('typed calls', () => {
  const card = {
    id: 'dxa-scan',
    name: 'DXA scan',
    category: 'tests',
    short: 'x',
    sourceLine: 'y',
    reviewed: '2026-01-01',
    guide: { article: 'getting-diagnosed', section: 'dxa' },
    seekCare: false,
  };

  test('each request’s reply is read by its own parser', async () => {
    const replies: Record<string, unknown> = { getTermCard: { ...card, extra: 1 }, termsFound: 'ignored' };
    const call = callWith<ToBackground, BackgroundReplies>(backgroundReplyParsers, (m) =>
      Promise.resolve(replies[m.type]),
    );
    expect(await call({ type: 'getTermCard', id: 'dxa-scan' })).toEqual(card);
    expect(await call({ type: 'termsFound', distinct: 2 })).toBeUndefined();
  });

  test('a receiver that is not there reads as no reply; a call never rejects', async () => {
    const sent: unknown[] = [];
    const toTab = tabCaller((tabId, msg, options) => {
      sent.push([tabId, msg, options]);
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
    expect(await toTab(7)({ type: 'getPageTerms' })).toBeUndefined();
    expect(await toTab(7, 3)({ type: 'explainSelection' })).toEqual({ found: false });
    expect(sent).toEqual([
      [7, { type: 'getPageTerms' }, { frameId: 0 }],
      [7, { type: 'explainSelection' }, { frameId: 3 }],
    ]);
  });

  test('every request type has a reply parser', () => {
    expect(Object.keys(contentReplyParsers).sort()).toEqual([
      'explainSelection',
      'getPageTerms',
      'revealTerm',
      'stepTerm',
    ]);
    expect(Object.keys(backgroundReplyParsers).sort()).toEqual([
      'addQuestions',
      'getTermCard',
      'getTermExtras',
      'hideTerm',
      'openGuidance',
      'openQuestions',
      'termsFound',
    ]);
  });
});

describe('My questions, hidden terms and respellings', () => {
  test('valid requests pass, with only their own fields', () => {
    expect(parseToBackground({ type: 'addQuestions', id: 'dxa-scan', url: 'https://x' })).toEqual({
      type: 'addQuestions',
      id: 'dxa-scan',
    });
    expect(parseToBackground({ type: 'hideTerm', id: 'plao', hidden: false })).toEqual({
      type: 'hideTerm',
      id: 'plao',
      hidden: false,
    });
    expect(parseToBackground({ type: 'getTermExtras', id: 'plao' })).toEqual({ type: 'getTermExtras', id: 'plao' });
    expect(parseToBackground({ type: 'openQuestions', title: 'x' })).toEqual({ type: 'openQuestions' });
  });
  test.each([
    { type: 'addQuestions', id: '../x' },
    { type: 'addQuestions' },
    { type: 'hideTerm', id: 'plao', hidden: 'yes' },
    { type: 'hideTerm', id: 'plao' },
    { type: 'getTermExtras', id: 42 },
  ])('drops %j', (msg) => expect(parseToBackground(msg)).toBeUndefined());
  test('replies are read defensively', () => {
    expect(parseSavedReply({ saved: true, added: 2 })).toEqual({ saved: true, added: 2 });
    expect(parseSavedReply(undefined)).toEqual({ saved: false, added: 0 });
    expect(parseSavedReply({ saved: 'yes', added: -1 })).toEqual({ saved: false, added: 0 });
    expect(parseTermExtras({ say: { text: 'ky-FOH-sis', source: 'NCI' }, extra: 1 })).toEqual({
      say: { text: 'ky-FOH-sis', source: 'NCI' },
    });
    expect(parseTermExtras({ say: { text: 5 } })).toEqual({});
    expect(parseTermExtras(null)).toEqual({});
  });
});
