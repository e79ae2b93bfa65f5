import { fromPage, guidePath } from '../../core/addresses';
import type { Article, Meta, SourceEntry } from '../../core/knowledge/types';
import { Markdown } from '../../ui/Markdown';
import { t } from '../../ui/i18n';
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
      <nav class="site no-print" aria-label={t('siteNav')}>
        <a class="brand" href="guide.html">
          {t('guidanceTitle')}
        </a>{' '}
        · <a href="glossary.html">{t('glossaryLink')}</a> · <a href="questions.html">{t('popupMyQuestions')}</a>
      </nav>
      <main>
        <article>
          <h1>{article.title}</h1>
          <p class="lede">{article.summary}</p>
          <p class="muted">{t('reviewLine', [article.reviewed, meta.nextReview, meta.publisher])}</p>
          <nav class="toc" aria-label={t('onThisPage')}>
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
            <h2 id="sources-heading">{t('sourcesHeading')}</h2>
            <SourceList sources={sources} idPrefix="source-" />
          </section>
          <ReportProblem
            subject={`Guidance: ${article.title} (${article.id})`}
            version={version}
            reviewed={article.reviewed}
          />
        </article>
      </main>
      <footer>
        <p class="disclaimer">{t('articleDisclaimer')}</p>
      </footer>
    </div>
  );
}

export function ArticleIndex({ articles }: { articles: Article[] }) {
  return (
    <main class="page">
      <h1>{t('guidanceTitle')}</h1>
      <ol>
        {articles.map((a) => (
          <li key={a.id}>
            <a href={fromPage(guidePath(a.id))}>{a.title}</a> — <span class="muted">{a.summary}</span>
          </li>
        ))}
      </ol>
      <p>
        <a href="glossary.html">{t('glossaryLink')}</a> · <a href="questions.html">{t('popupMyQuestions')}</a>
      </p>
      <p class="disclaimer">{t('notMedicalAdvice')}</p>
    </main>
  );
}
