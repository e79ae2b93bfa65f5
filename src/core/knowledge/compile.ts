/**
 * Validates the knowledge files and compiles them for the extension. Every problem is reported
 * as file, field and reason; the build fails if there is any.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { checkProse, sentencesOf, type ProseContext } from './checks';
import {
  blockText,
  buildMatcher,
  checkCardLines,
  metaBlocks,
  sectionHasSeekCare,
  sourceLine,
  toCard,
} from './compile-parts';
import { parseMarkdown, plain, type Expand } from './markdown';
import { LIMITS } from './limits';
import { readability } from './readability';
import * as schema from './schema';
import { isOfficialUrl, sourceLabel } from './sources';
import type { Article, ContentKnowledge, FullKnowledge, Meta, SourceEntry, TermEntry, WarningLine } from './types';

export interface SourceFile {
  path: string;
  text: string;
}

export interface KnowledgeFiles {
  bibliography: SourceFile;
  meta: SourceFile;
  warnings: SourceFile;
  terms: SourceFile[];
  guidance: SourceFile[];
}

export interface KnowledgeError {
  file: string;
  field: string;
  reason: string;
}

export { LIMITS } from './limits';

export interface CompileResult {
  errors: KnowledgeError[];
  content?: ContentKnowledge;
  full?: FullKnowledge;
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function compileKnowledge(files: KnowledgeFiles): CompileResult {
  const errors: KnowledgeError[] = [];
  const fail = (file: string, field: string, reason: string) => errors.push({ file, field, reason });

  const readYaml = <S extends z.ZodType>(file: SourceFile, source: string, shape: S): z.infer<S> | undefined => {
    let raw: unknown;
    try {
      raw = parseYaml(source);
    } catch (e) {
      fail(file.path, '(yaml)', (e as Error).message.split('\n')[0] ?? 'invalid YAML');
      return undefined;
    }
    const r = shape.safeParse(raw);
    if (!r.success) {
      for (const line of schema.describeIssues(r.error)) {
        const [field, ...reason] = line.split(': ');
        fail(file.path, field ?? '', reason.join(': '));
      }
      return undefined;
    }
    return r.data;
  };

  const split = (file: SourceFile): [string, string] | undefined => {
    const m = FRONT.exec(file.text);
    if (!m) fail(file.path, '(front matter)', 'the file must start with --- front matter ---');
    return m ? [m[1]!, m[2]!] : undefined;
  };

  const baseName = (p: string) => p.replace(/^.*[\\/]/, '').replace(/\.md$/, '');

  // Bibliography and meta.
  const bib = readYaml(files.bibliography, files.bibliography.text, schema.bibliography) ?? {};
  const bibliography: SourceEntry[] = Object.entries(bib).map(([key, v]) => ({
    key,
    citation: v.citation,
    ...(v.url ? { url: v.url } : {}),
    ...(v.note ? { note: v.note } : {}),
    read: v.read,
    label: sourceLabel(v.citation),
  }));
  for (const b of bibliography)
    if (b.url && !isOfficialUrl(b.url))
      fail(
        files.bibliography.path,
        `${b.key}.url`,
        `"${b.url}" is not a DOI, PubMed or publisher address; keep a copy's address in the note`,
      );
  const bibKeys = new Set(bibliography.map((b) => b.key));
  const bibMap = new Map(bibliography.map((b) => [b.key, b]));
  const used = new Set<string>();
  const meta: Meta | undefined = readYaml(files.meta, files.meta.text, schema.meta);

  const checkCites = (file: string, field: string, keys: string[]) => {
    for (const k of keys) {
      used.add(k);
      if (!bibKeys.has(k)) fail(file, field, `source "${k}" is not in bibliography.yaml`);
    }
  };

  // Warning signs: each defined once, rendered everywhere from here.
  const signs = readYaml(files.warnings, files.warnings.text, schema.warningSigns) ?? {};
  const warnings = new Map<string, WarningLine>();
  for (const [id, w] of Object.entries(signs)) {
    checkCites(files.warnings.path, `${id}.sources`, w.sources);
    const line = { id, level: w.level, text: w.text.trim(), judgement: w.levelFrom === 'content', sources: w.sources };
    warnings.set(id, line);
  }
  const prose: ProseContext = {
    signs: Object.entries(signs).map(([id, w]) => ({ id, phrases: w.phrases })),
    bib: bibMap,
    fail,
  };
  const expand: Expand = (kind, id) => {
    if (kind === 'warning') {
      const w = warnings.get(id);
      return w ? [{ t: 'warning', ...w }] : `warning sign "${id}" is not in warning-signs.yaml`;
    }
    if (kind === 'meta' && meta) return metaBlocks(meta, id) ?? `"{{meta:${id}}}" is not a meta reference`;
    return `unknown reference "{{${kind}:${id}}}"`;
  };

  // Articles.
  const articles: Article[] = [];
  const pendingLinks: { file: string; field: string; href: string }[] = [];
  for (const file of files.guidance) {
    const parts = split(file);
    if (!parts) continue;
    const front = readYaml(file, parts[0], schema.articleFront);
    if (!front) continue;
    if (front.id !== baseName(file.path)) fail(file.path, 'id', `"${front.id}" must match the file name`);
    const md = parseMarkdown(parts[1], expand);
    for (const e of md.errors) fail(file.path, 'body', e);
    checkCites(file.path, 'body', md.cites);
    checkProse(prose, file.path, 'body', sentencesOf(md.blocks), front.id);
    const grade = readability(blockText(md.blocks)).grade;
    if (grade > LIMITS.articleGrade)
      fail(file.path, 'body', `reads at grade ${grade}; at most ${LIMITS.articleGrade} (Flesch–Kincaid)`);
    for (const href of md.links) pendingLinks.push({ file: file.path, field: 'body', href });
    const sections = md.blocks.flatMap((b) =>
      b.t === 'h' && b.level === 2 && b.id ? [{ id: b.id, title: plain(b.c) }] : [],
    );
    if (sections.length === 0) fail(file.path, 'body', 'an article needs at least one ## section');
    const seen = new Set<string>();
    for (const s of sections) {
      if (seen.has(s.id)) fail(file.path, 'body', `section anchor "${s.id}" is used twice`);
      seen.add(s.id);
    }
    if (md.cites.length === 0) fail(file.path, 'body', 'an article must cite its sources inline as [@KEY]');
    articles.push({ ...front, sections, body: md.blocks, sources: [...new Set(md.cites)], grade });
  }
  articles.sort((a, b) => a.order - b.order);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  for (const [i, a] of articles.entries()) {
    if (articles.findIndex((b) => b.id === a.id) !== i) fail(`guidance/${a.id}.md`, 'id', 'is used by two articles');
  }

  // Terms.
  const terms: TermEntry[] = [];
  const fronts: (schema.TermFront & { file: string })[] = [];
  for (const file of files.terms) {
    const parts = split(file);
    if (!parts) continue;
    const front = readYaml(file, parts[0], schema.termFront);
    if (!front) continue;
    if (front.id !== baseName(file.path)) fail(file.path, 'id', `"${front.id}" must match the file name`);
    const r = readability(front.short);
    if (r.words > LIMITS.shortWords) fail(file.path, 'short', `has ${r.words} words; at most ${LIMITS.shortWords}`);
    if (r.grade > LIMITS.shortGrade)
      fail(file.path, 'short', `reads at grade ${r.grade}; at most ${LIMITS.shortGrade} (Flesch–Kincaid)`);
    for (const a of front.ambiguous) {
      if (!front.abbreviations.includes(a)) fail(file.path, 'ambiguous', `"${a}" is not one of the abbreviations`);
    }
    if (front.ambiguous.length > 0 && front.context.length === 0)
      fail(file.path, 'context', 'ambiguous abbreviations need context words');
    checkCites(file.path, 'sources', front.sources);
    const md = parseMarkdown(parts[1], expand);
    for (const e of md.errors) fail(file.path, 'body', e);
    if (md.blocks.length === 0) fail(file.path, 'body', 'the longer explanation is missing');
    checkCites(file.path, 'body', md.cites);
    checkProse(prose, file.path, 'body', sentencesOf(md.blocks), front.id);
    const cardWarnings = checkCardLines(front, file.path, prose, warnings, fail, checkCites);
    for (const href of md.links) pendingLinks.push({ file: file.path, field: 'body', href });
    const [article = '', section = ''] = front.guide.split('#');
    fronts.push({ ...front, file: file.path });
    terms.push({
      id: front.id,
      name: front.name,
      category: front.category,
      short: front.short,
      sourceLine: sourceLine(front.sources, bibliography),
      reviewed: front.reviewed,
      guide: { article, section },
      seekCare: front.seekCare,
      ...(cardWarnings.length ? { warnings: cardWarnings } : {}),
      ...(front.pregnancy ? { pregnancy: front.pregnancy.trim() } : {}),
      ...(front.safety ? { safety: front.safety.trim() } : {}),
      aliases: front.aliases,
      abbreviations: front.abbreviations,
      sources: [...new Set([...front.sources, ...md.cites, ...cardWarnings.flatMap((w) => w.sources)])],
      related: front.related,
      body: md.blocks,
      grade: r.grade,
    });
  }
  terms.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const termIndex = new Map<string, number>();
  for (const t of terms) {
    if (termIndex.has(t.id)) fail(`terms/${t.id}.md`, 'id', 'is used by two terms');
    termIndex.set(t.id, termIndex.size);
  }

  // Cross references.
  const sectionExists = (article: string, section: string) =>
    articleById.get(article)?.sections.some((s) => s.id === section) ?? false;
  for (const f of fronts) {
    const [article = '', section = ''] = f.guide.split('#');
    if (!articleById.has(article)) fail(f.file, 'guide', `article "${article}" does not exist`);
    else if (!sectionExists(article, section))
      fail(f.file, 'guide', `article "${article}" has no section "${section}"`);
    else if (f.seekCare && !sectionHasSeekCare(articleById.get(article)!, section)) {
      fail(f.file, 'guide', `a seek-care term must link to a section with a [!SEEK-CARE] box; "${f.guide}" has none`);
    }
    for (const r of f.related) {
      if (!termIndex.has(r)) fail(f.file, 'related', `term "${r}" does not exist`);
      if (r === f.id) fail(f.file, 'related', 'a term cannot be related to itself');
    }
  }
  for (const l of pendingLinks) {
    if (l.href.startsWith('term:') && !termIndex.has(l.href.slice(5)))
      fail(l.file, l.field, `link to unknown term "${l.href}"`);
    if (l.href.startsWith('guide:')) {
      const [article = '', section] = l.href.slice(6).split('#');
      if (!articleById.has(article)) fail(l.file, l.field, `link to unknown article "${l.href}"`);
      else if (section !== undefined && !sectionExists(article, section))
        fail(l.file, l.field, `link to unknown section "${l.href}"`);
    }
  }
  for (const key of bibKeys) if (!used.has(key)) fail(files.bibliography.path, key, 'is never cited');

  const data = buildMatcher(fronts, terms, termIndex, fail);

  if (errors.length || !meta) return { errors };
  const cards = terms.map(toCard);
  const full = { terms, articles, bibliography, meta, warnings: [...warnings.values()] };
  return { errors, content: { matcher: data, cards }, full };
}
