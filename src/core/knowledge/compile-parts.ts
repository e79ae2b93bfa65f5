/** Pieces of the knowledge compiler that need no shared state: the matcher, source lines, meta blocks. */
import type { MatcherData } from '../matcher/types';
import { compileMatcher, type PatternInput } from '../matcher/compile';
import { checkProse, sentencesOf, sentencesOfText, type ProseContext } from './checks';
import { LIMITS } from './limits';
import { readability } from './readability';
import type { TermFront } from './schema';
import type { Article, Block, Meta, SourceEntry, TermCard, TermEntry, WarningLine } from './types';

/** Builds the page matcher from the terms' names, aliases and abbreviations; clashes are errors. */
export function buildMatcher(
  fronts: (TermFront & { file: string })[],
  terms: TermEntry[],
  termIndex: Map<string, number>,
  fail: (file: string, field: string, reason: string) => void,
): MatcherData {
  const patterns: PatternInput[] = [];
  const context = new Map<number, string[]>();
  for (const f of fronts) {
    const term = termIndex.get(f.id);
    if (term === undefined) continue;
    const words = new Set([f.name, ...f.aliases].map((s) => s.toLowerCase()));
    for (const w of words)
      if (!f.abbreviations.includes(w)) patterns.push({ term, text: w, caseSensitive: false, ambiguous: false });
    for (const a of f.abbreviations)
      patterns.push({ term, text: a, caseSensitive: true, ambiguous: f.ambiguous.includes(a) });
    if (f.context.length) context.set(term, f.context);
  }
  const { data, problems } = compileMatcher(
    terms.map((t) => t.id),
    patterns,
    context,
  );
  for (const p of problems) {
    const f = fronts.find((x) => x.id === terms[p.term]?.id);
    const other = p.otherTerm !== undefined ? ` ("${terms[p.otherTerm]?.id}")` : '';
    fail(f?.file ?? '(terms)', 'aliases', `"${p.text}" ${p.reason}${other}`);
  }

  return data;
}

/** The popover's source line: the first two sources, and how many more the glossary lists. */
export function sourceLine(keys: string[], bibliography: SourceEntry[]): string {
  const labels = keys.slice(0, 2).map((k) => bibliography.find((b) => b.key === k)?.label ?? k);
  const more = keys.length - labels.length;
  return labels.join('; ') + (more > 0 ? ` and ${more} more` : '');
}

/** The text of an article for its reading grade: its prose, without headings or the shared warning sentences. */
export function blockText(blocks: Block[]): string {
  return sentencesOf(blocks.filter((b) => b.t !== 'h'))
    .map((s) => s.text.trim())
    .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
    .join(' ');
}

/** `{{meta:reviewers}}` and `{{meta:changes}}`: the About page shows them from meta.yaml. */
export function metaBlocks(meta: Meta, id: string): Block[] | undefined {
  const p = (v: string): Block => ({ t: 'p', c: [{ t: 'text', v }] });
  if (id === 'reviewers')
    return meta.reviewers.length === 0
      ? [p('No named clinician has reviewed this content yet.')]
      : [{ t: 'ul', items: meta.reviewers.map((r) => [p(`${r.name}, ${r.role}, reviewed on ${r.date}.`)]) }];
  if (id === 'changes') return [{ t: 'ul', items: meta.changes.map((c) => [p(`${c.date}: ${c.text.trim()}`)]) }];
  if (id === 'written-by') return [p(meta.writtenBy.trim())];
  if (id === 'checked-how') return [p(meta.reviewedBy.trim())];
  return undefined;
}

export function sectionHasSeekCare(article: Article, section: string): boolean {
  let inside = false;
  const walk = (blocks: Block[]): boolean =>
    blocks.some(
      (b) => b.t === 'seekCare' || (b.t === 'warning' && b.level === 'emergency') || (b.t === 'quote' && walk(b.c)),
    );
  for (const b of article.body) {
    if (b.t === 'h' && b.level === 2) inside = b.id === section;
    else if (inside && walk([b])) return true;
  }
  return false;
}

/** The card's own lines, each checked like prose; a medicine must say what is known in pregnancy. */
export function checkCardLines(
  front: TermFront,
  file: string,
  prose: ProseContext,
  warnings: Map<string, WarningLine>,
  fail: (file: string, field: string, reason: string) => void,
  checkCites: (file: string, field: string, keys: string[]) => void,
): WarningLine[] {
  for (const field of ['short', 'pregnancy', 'safety'] as const) {
    const v = front[field];
    if (v === undefined) continue;
    checkProse(prose, file, field, sentencesOfText(v, front.sources), front.id);
    if (field === 'short') continue;
    const lr = readability(v);
    if (lr.words > LIMITS.shortWords) fail(file, field, `has ${lr.words} words; at most ${LIMITS.shortWords}`);
    if (lr.grade > LIMITS.shortGrade)
      fail(file, field, `reads at grade ${lr.grade}; at most ${LIMITS.shortGrade} (Flesch–Kincaid)`);
  }
  if (front.medicine && !front.pregnancy)
    fail(file, 'pregnancy', 'a medicine needs a pregnancy and breastfeeding line (say to ask if sources are silent)');
  const cardWarnings = front.warnings.flatMap((w) => {
    const line = warnings.get(w);
    if (!line) fail(file, 'warnings', `warning sign "${w}" is not in warning-signs.yaml`);
    return line ? [line] : [];
  });
  checkCites(
    file,
    'warnings',
    cardWarnings.flatMap((w) => w.sources),
  );
  return cardWarnings;
}

/** What the popover needs of a term, and nothing more. */
export function toCard(t: TermEntry): TermCard {
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    short: t.short,
    sourceLine: t.sourceLine,
    reviewed: t.reviewed,
    guide: t.guide,
    seekCare: t.seekCare,
    ...(t.warnings ? { warnings: t.warnings } : {}),
    ...(t.pregnancy ? { pregnancy: t.pregnancy } : {}),
    ...(t.safety ? { safety: t.safety } : {}),
  };
}
