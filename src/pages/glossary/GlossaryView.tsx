import type { FullKnowledge, TermEntry } from '../../core/knowledge/types';
import { Markdown } from '../../ui/Markdown';
import { ReportProblem } from '../../ui/ReportProblem';
import { SourceList } from '../../ui/SourceList';

export interface GlossaryViewProps {
  knowledge: FullKnowledge;
  version: string;
}

export function GlossaryView({ knowledge, version }: GlossaryViewProps) {
  const { terms, meta } = knowledge;
  return (
    <div class="page">
      <nav class="site no-print">
        <a class="brand" href="glossary.html">
          PLAO Lens glossary
        </a>{' '}
        · <a href="guide.html">Guidance</a>
      </nav>
      <h1>Glossary</h1>
      <p class="muted">
        {terms.length} terms. Last reviewed {meta.reviewed}. Next review {meta.nextReview}.
      </p>
      {terms.map((t) => (
        <TermEntryView key={t.id} term={t} knowledge={knowledge} version={version} />
      ))}
      <p class="disclaimer">Not medical advice. PLAO Lens explains terms; it does not diagnose.</p>
    </div>
  );
}

function TermEntryView({ term, knowledge, version }: { term: TermEntry; knowledge: FullKnowledge; version: string }) {
  const sources = term.sources.flatMap((k) => knowledge.bibliography.filter((b) => b.key === k));
  const number = (k: string) => term.sources.indexOf(k) + 1;
  const byId = new Map(knowledge.terms.map((t) => [t.id, t]));
  const article = knowledge.articles.find((a) => a.id === term.guide.article);
  return (
    <section class="glossary-entry" id={term.id} aria-labelledby={`${term.id}-name`}>
      <h2 id={`${term.id}-name`}>{term.name}</h2>
      {term.abbreviations.length > 0 && <p class="muted">Also written {term.abbreviations.join(', ')}</p>}
      {term.seekCare && (
        <aside class="seek-care-box" aria-label="Seek care now">
          <p class="seek-care-title">Seek care now</p>
          <p>{term.short}</p>
        </aside>
      )}
      {!term.seekCare && <p class="term-short-lede">{term.short}</p>}
      <Markdown blocks={term.body} citeHref={(k) => `#${term.id}-source-${k}`} citeNumber={number} />
      {term.related.length > 0 && (
        <p>
          Related:{' '}
          {term.related.map((r, i) => (
            <span key={r}>
              {i > 0 && ', '}
              <a href={`#${r}`}>{byId.get(r)?.name ?? r}</a>
            </span>
          ))}
        </p>
      )}
      <p>
        <a href={`guide.html?article=${term.guide.article}#${term.guide.section}`}>
          Read the full guidance{article ? `: ${article.title}` : ''}
        </a>
      </p>
      <h3 class="sources-heading">Sources · reviewed {term.reviewed}</h3>
      <SourceList sources={sources} idPrefix={`${term.id}-source-`} />
      <ReportProblem subject={`Term: ${term.name} (${term.id})`} version={version} reviewed={term.reviewed} />
    </section>
  );
}
