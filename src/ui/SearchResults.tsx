import type { SearchResult } from '../core/search';
import { t } from './i18n';

export interface SearchResultsProps {
  /** The listbox's id; each option's id is `${id}-<index>`. */
  id: string;
  results: SearchResult[];
  /** The option the keyboard (or pointer) is on, or -1. */
  active: number;
  onActivate: (index: number) => void;
  onOpen: (result: SearchResult) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * The listbox of a search combobox. Focus stays in the input (options are reached with
 * aria-activedescendant), so a click must not take it: the pointer press is cancelled and the
 * click opens the result.
 */
export function SearchResults({ id, results, active, onActivate, onOpen }: SearchResultsProps) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t('searchResultsLabel')}
      class="search-results"
      onMouseDown={(e) => e.preventDefault()}
    >
      {results.map((r, i) => (
        <li
          key={r.kind === 'term' ? r.id : `${r.article}#${r.section}`}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          class={`search-option search-option-${r.kind}`}
          data-result={r.kind === 'term' ? r.id : `${r.article}#${r.section}`}
          onMouseMove={() => i !== active && onActivate(i)}
          onClick={() => onOpen(r)}
        >
          {r.kind === 'term' ? (
            <>
              <span class="search-option-name">{r.name}</span>
              {r.alias && <span class="search-option-alias"> {t('searchAlso', r.alias)}</span>}
              <span class="search-option-detail">{r.snippet}</span>
            </>
          ) : (
            <>
              <span class="search-option-name">{r.title}</span>
              <span class="search-option-detail">{t('searchInGuidance', r.articleTitle)}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
