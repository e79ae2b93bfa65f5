import type { ComponentChildren } from 'preact';
import { fromPage, guidePath } from '../../core/addresses';
import type { Article, SourceEntry, TermEntry as Term } from '../../core/knowledge/types';
import { t } from '../../ui/i18n';
import { Markdown } from '../../ui/Markdown';
import { ReportProblem } from '../../ui/ReportProblem';
import { SourceList } from '../../ui/SourceList';
import { categoryLabel } from './categories';

export interface TermEntryProps {
  term: Term;
  sources: SourceEntry[];
  /** Names of the related terms, by id. */
  names: Map<string, string>;
  article: Article | undefined;
  version: string;
  /** The entry the address points at (glossary.html#id). */
  isTarget: boolean;
  hidden: boolean;
  /** Shown under the name: how to say it, "Add to my questions". */
  extras?: ComponentChildren;
}

/** One glossary entry: the full explanation, its sources, related terms and the guidance link. */
export function TermEntry({ term, sources, names, article, version, isTarget, hidden, extras }: TermEntryProps) {
  const number = (k: string) => term.sources.indexOf(k) + 1;
  return (
    // An article, not a named section: 57 region landmarks would bury the page's real ones.
    <article
      class={`glossary-entry${isTarget ? ' is-target' : ''}`}
      id={term.id}
      aria-labelledby={`${term.id}-name`}
      // Focus moves here when a link or a search result opens the entry.
      tabIndex={-1}
      hidden={hidden}
    >
      <h2 id={`${term.id}-name`} class="entry-name">
        {term.name}
      </h2>
      <p class={`entry-category category-${term.category}`}>{categoryLabel(term.category)}</p>
      {extras}
      {term.abbreviations.length > 0 && <p class="muted">{t('glossaryAlsoWritten', term.abbreviations.join(', '))}</p>}
      {term.seekCare ? (
        <div class="seek-care-box" role="note" aria-label={t('seekCareNow')}>
          <p class="seek-care-title">{t('seekCareNow')}</p>
          <p>{term.short}</p>
        </div>
      ) : (
        <p class="term-short-lede">{term.short}</p>
      )}
      {term.safety && (
        <p class="term-safety">
          <strong>{t('safetyLine')}</strong> {term.safety}
        </p>
      )}
      {term.pregnancy && (
        <p class="term-pregnancy">
          <strong>{t('pregnancyLine')}</strong> {term.pregnancy}
        </p>
      )}
      <Markdown blocks={term.body} citeHref={(k) => `#${term.id}-source-${k}`} citeNumber={number} />
      {term.related.length > 0 && (
        <p class="entry-related">
          {t('glossaryRelated')}{' '}
          {term.related.map((r, i) => (
            <span key={r}>
              {i > 0 && ', '}
              <a href={`#${r}`}>{names.get(r) ?? r}</a>
            </span>
          ))}
        </p>
      )}
      <p>
        <a href={fromPage(guidePath(term.guide.article, term.guide.section))}>
          {article ? t('glossaryReadGuidanceOn', article.title) : t('readFullGuidance')}
        </a>
      </p>
      <h3 class="sources-heading">{t('glossarySourcesReviewed', term.reviewed)}</h3>
      <SourceList sources={sources} idPrefix={`${term.id}-source-`} />
      <ReportProblem subject={`Term: ${term.name} (${term.id})`} version={version} reviewed={term.reviewed} />
    </article>
  );
}
