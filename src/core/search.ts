/**
 * Glossary search: one MiniSearch index over the terms and the guidance sections, shared by the
 * glossary page and the toolbar popup. It answers as the reader types, so it forgives what readers
 * actually type: typos ("teriparatde"), spelling by ear ("bisfosfonate": "ph" and "f" fold
 * together), half words ("teripar"), and compounds written apart or together ("breast feeding",
 * "post-partum", "postpartum").
 *
 * Ranking is deliberately simple to reason about. Terms found by a name, alias or abbreviation come
 * first (a term is the short answer, a section the long one): a whole name before a name that
 * starts with the query, then by score. Then guidance sections whose title is the query, then
 * everything found only in running text (term explanations, section text) by the index's score
 * (BM25 with field boosts, terms weighted up). Fuzzy matching is tried only when exact and prefix
 * matching find nothing, so a word typed correctly never drags in look-alikes ("cauda" does not
 * bring every "cause").
 */
import MiniSearch, { type Query, type SearchResult as IndexHit } from 'minisearch';
import type { FullKnowledge } from './knowledge/types';
import { compact, firstSentence, indexTokens, queryWords, sectionTexts, variants } from './search-text';

export type SearchResult =
  | {
      kind: 'term';
      id: string;
      name: string;
      /** The first sentence of the term's short explanation. */
      snippet: string;
      /** The alias or abbreviation the query matched, when it was not the name ("DEXA scan"). */
      alias?: string;
    }
  | { kind: 'section'; article: string; section: string; title: string; articleTitle: string };

export interface SearchOptions {
  /** At most this many results (default 20). */
  limit?: number;
}

export interface GlossarySearch {
  search(query: string, options?: SearchOptions): SearchResult[];
  /** Builds the index now (say, when the search box gets focus) rather than on the first query. */
  prepare(): void;
}

interface Doc {
  id: string;
  kind: 'term' | 'section';
  name?: string;
  aliases?: string;
  abbreviations?: string;
  short?: string;
  title?: string;
  articleTitle?: string;
  text?: string;
}

interface Entry {
  result: SearchResult;
  /** Names a query can match exactly: [display form, compact form]. */
  names: [string, string][];
}

const fuzzy = (term: string) => (term.length < 4 ? false : term.length < 8 ? 1 : 2);
const STAGES = [
  { fuzzy: false, combineWith: 'AND' },
  { fuzzy, combineWith: 'AND' },
  { fuzzy, combineWith: 'OR' },
] as const;

function buildIndex(knowledge: FullKnowledge): { index: MiniSearch<Doc>; entries: Map<string, Entry> } {
  const docs: Doc[] = [];
  const entries = new Map<string, Entry>();
  for (const t of knowledge.terms) {
    const id = `t:${t.id}`;
    docs.push({
      id,
      kind: 'term',
      name: t.name,
      aliases: t.aliases.join(' | '),
      abbreviations: t.abbreviations.join(' '),
      short: t.short,
    });
    const names = [t.name, ...t.aliases, ...t.abbreviations].map((n): [string, string] => [n, compact(n)]);
    entries.set(id, { result: { kind: 'term', id: t.id, name: t.name, snippet: firstSentence(t.short) }, names });
  }
  for (const a of knowledge.articles) {
    const texts = sectionTexts(a.body);
    for (const s of a.sections) {
      const id = `s:${a.id}#${s.id}`;
      docs.push({ id, kind: 'section', title: s.title, articleTitle: a.title, text: texts.get(s.id) ?? '' });
      const result: SearchResult = {
        kind: 'section',
        article: a.id,
        section: s.id,
        title: s.title,
        articleTitle: a.title,
      };
      entries.set(id, { result, names: [[s.title, compact(s.title)]] });
    }
  }
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'abbreviations', 'short', 'title', 'articleTitle', 'text'],
    storeFields: ['kind'],
    tokenize: indexTokens,
    processTerm: (term) => term,
    searchOptions: {
      // Queries arrive already folded and split (see `variants`).
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix: true,
      // A term is the short answer, a section the long one: among hits on body text, terms first.
      boostDocument: (_id, _term, stored) => (stored?.kind === 'term' ? 1.5 : 1),
      boost: { name: 6, abbreviations: 5, aliases: 4, title: 3, articleTitle: 1.5, short: 1, text: 0.5 },
    },
  });
  index.addAll(docs);
  return { index, entries };
}

/** 0: the query is a whole name or alias; 1: a name starts with it; 2: anything else. */
function tier(entry: Entry, q: string): { tier: number; alias?: string } {
  const exact = entry.names.find(([, c]) => c === q);
  if (exact) return { tier: 0, alias: exact[0] };
  const prefix = entry.names.find(([, c]) => c.startsWith(q));
  if (prefix) return { tier: 1, alias: prefix[0] };
  return { tier: 2 };
}

const NAME_FIELDS = ['name', 'aliases', 'abbreviations'];

/**
 * 0: a term found by its name, an alias or an abbreviation; 1: a guidance section whose title is the
 * query or starts with it; 2: the rest (words in a term's explanation or a section), by score.
 */
function group(entry: Entry, hit: IndexHit, tier: number): number {
  if (entry.result.kind === 'section') return tier < 2 ? 1 : 2;
  return tier < 2 || Object.values(hit.match).some((f) => f.some((x) => NAME_FIELDS.includes(x))) ? 0 : 2;
}

/** The alias a fuzzy or in-text hit came through, when the name itself did not match. */
function matchedAlias(hit: IndexHit, entry: Entry): string | undefined {
  const fields = new Set(Object.values(hit.match).flat());
  if (fields.has('name') || !(fields.has('aliases') || fields.has('abbreviations'))) return undefined;
  return entry.names.slice(1).find(([, c]) => hit.terms.some((t) => c.includes(t)))?.[0];
}

/** A search over `knowledge`. The index is built on the first query, once. */
export function createSearch(knowledge: FullKnowledge): GlossarySearch {
  let built: ReturnType<typeof buildIndex> | undefined;
  return {
    prepare() {
      built ??= buildIndex(knowledge);
    },
    search(query, { limit = 20 } = {}) {
      const words = queryWords(query);
      const q = words.map((w) => w.folded).join('');
      if (q.length < 2) return [];
      built ??= buildIndex(knowledge);
      const { index, entries } = built;
      const forms = variants(words).map((v) => v.join(' '));
      let hits: IndexHit[] = [];
      for (const stage of STAGES) {
        const tree: Query = {
          combineWith: 'OR',
          queries: forms.map((f) => ({ combineWith: stage.combineWith, queries: [f] })),
        };
        hits = index.search(tree, { fuzzy: stage.fuzzy });
        if (hits.length > 0) break;
      }
      const ranked = hits.flatMap((hit) => {
        const entry = entries.get(hit.id as string);
        if (!entry) return [];
        const t = tier(entry, q);
        return [{ entry, hit, ...t, group: group(entry, hit, t.tier) }];
      });
      ranked.sort((a, b) => a.group - b.group || a.tier - b.tier || b.hit.score - a.hit.score);
      return ranked.slice(0, limit).map(({ entry, hit, alias }) => {
        const r = entry.result;
        if (r.kind !== 'term') return r;
        const via = alias ?? matchedAlias(hit, entry);
        return via && via !== r.name ? { ...r, alias: via } : r;
      });
    },
  };
}

const cache = new WeakMap<FullKnowledge, GlossarySearch>();

/** The one search per page for this knowledge (the index is built lazily, on first use). */
export function searchFor(knowledge: FullKnowledge): GlossarySearch {
  let s = cache.get(knowledge);
  if (!s) cache.set(knowledge, (s = createSearch(knowledge)));
  return s;
}
