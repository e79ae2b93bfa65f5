import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Category, FullKnowledge, TermEntry as Term } from '../../core/knowledge/types';
import { t } from '../../ui/i18n';
import { AzIndex, CategoryFilter } from './GlossaryNav';
import { TermEntry } from './TermEntry';

export interface GlossaryViewProps {
  knowledge: FullKnowledge;
  version: string;
  /** The search box (its own container, so typing re-renders only the box). */
  search: ComponentChildren;
  category: Category | null;
  onCategory: (category: Category | null) => void;
  /** The term the address points at. */
  target: string;
  /** More for an entry: how to say it, "Add to my questions". */
  termExtras?: (term: Term) => ComponentChildren;
}

/** Terms in reading order for an A–Z glossary: by name, numbers first, ignoring case and accents. */
export function sortTerms(terms: Term[]): Term[] {
  return [...terms].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }));
}

export function GlossaryView(props: GlossaryViewProps) {
  const { knowledge, version, search, category, onCategory, target, termExtras } = props;
  const { meta } = knowledge;
  // Everything derived from the knowledge alone is computed once, not on each filter change.
  const data = useMemo(() => {
    const terms = sortTerms(knowledge.terms);
    const names = new Map(knowledge.terms.map((x) => [x.id, x.name]));
    const sources = new Map(
      terms.map((x) => [x.id, x.sources.flatMap((k) => knowledge.bibliography.filter((b) => b.key === k))]),
    );
    const articles = new Map(knowledge.articles.map((a) => [a.id, a]));
    const counts = new Map<Category, number>();
    for (const x of terms) counts.set(x.category, (counts.get(x.category) ?? 0) + 1);
    return { terms, names, sources, articles, counts };
  }, [knowledge]);
  const shown = category ? data.terms.filter((x) => x.category === category) : data.terms;
  return (
    <div class="page">
      <nav class="site no-print" aria-label={t('siteNav')}>
        <a class="brand" href="glossary.html">
          {t('glossaryBrand')}
        </a>{' '}
        · <a href="guide.html">{t('glossaryGuidanceLink')}</a> · <a href="questions.html">{t('popupMyQuestions')}</a>
      </nav>
      <main>
        <h1>{t('glossaryTitle')}</h1>
        <p class="muted">{t('glossaryIntro', [String(data.terms.length), meta.reviewed, meta.nextReview])}</p>
        <div class="glossary-tools no-print">
          {search}
          <AzIndex terms={shown} />
          <CategoryFilter counts={data.counts} total={data.terms.length} selected={category} onSelect={onCategory} />
          <p role="status" class="muted filter-status">
            {category ? t('glossaryShowing', [String(shown.length), String(data.terms.length)]) : ''}
          </p>
        </div>
        <div class="glossary-entries">
          {data.terms.map((x) => (
            <TermEntry
              key={x.id}
              term={x}
              sources={data.sources.get(x.id) ?? []}
              names={data.names}
              article={data.articles.get(x.guide.article)}
              version={version}
              isTarget={x.id === target}
              hidden={category !== null && x.category !== category}
              extras={termExtras?.(x)}
            />
          ))}
        </div>
        <p class="disclaimer">{t('notMedicalAdviceLong')}</p>
      </main>
    </div>
  );
}
