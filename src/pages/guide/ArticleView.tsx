import type { Article, Meta, SourceEntry } from '../../core/knowledge/types';
import { Markdown } from '../../ui/Markdown';
import { ReportProblem } from '../../ui/ReportProblem';
import { SourceList } from '../../ui/SourceList';

export interface ArticleViewProps {
  article: Article;
  bibliography: SourceEntry[];
  meta: Meta;
  version: string;
}

export function ArticleView({ article, bibliography, meta, version }: ArticleViewProps) {
  const sources = article.sources.flatMap((k) => bibliography.filter((b) => b.key === k));
  const number = (key: string) => article.sources.indexOf(key) + 1;
  return (
    <div class="page">
      <nav class="site no-print">
        <a class="brand" href="guide.html">
          PLAO Lens guidance
        </a>{' '}
        · <a href="glossary.html">Glossary</a>
      </nav>
      <article>
        <h1>{article.title}</h1>
        <p class="lede">{article.summary}</p>
        <p class="muted">
          Last reviewed {article.reviewed}. Next review {meta.nextReview}. Published by {meta.publisher}.
        </p>
        <nav class="toc" aria-label="On this page">
          <ol>
            {article.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        <Markdown blocks={article.body} citeHref={(k) => `#source-${k}`} citeNumber={number} />
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <SourceList sources={sources} idPrefix="source-" />
        </section>
        <ReportProblem
          subject={`Guidance: ${article.title} (${article.id})`}
          version={version}
          reviewed={article.reviewed}
        />
      </article>
      <p class="disclaimer">
        Not medical advice. This page explains what research says; it cannot diagnose you or choose a treatment. Talk
        with your doctor or midwife about your own situation.
      </p>
    </div>
  );
}

export function ArticleIndex({ articles }: { articles: Article[] }) {
  return (
    <div class="page">
      <h1>PLAO Lens guidance</h1>
      <ol>
        {articles.map((a) => (
          <li key={a.id}>
            <a href={`guide.html?article=${a.id}`}>{a.title}</a> — <span class="muted">{a.summary}</span>
          </li>
        ))}
      </ol>
      <p>
        <a href="glossary.html">Glossary of terms</a>
      </p>
      <p class="disclaimer">Not medical advice.</p>
    </div>
  );
}
