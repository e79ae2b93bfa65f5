import { CATEGORIES, type Category, type TermEntry } from '../../core/knowledge/types';
import { t } from '../../ui/i18n';
import { filterLabel } from './categories';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0–9';

/** The index letter a name files under: "Ostéo…" → "O", "25-hydroxy…" → "0–9". */
export function letterOf(name: string): string {
  const c = name.normalize('NFD').charAt(0).toUpperCase();
  return LETTERS.includes(c) ? c : DIGITS;
}

export interface AzIndexProps {
  /** The terms shown, in page order. */
  terms: TermEntry[];
}

/**
 * Letters link to the first term filed under them. A letter with no terms stays in place (so the
 * row does not jump as filters change) but is not a link: it cannot be focused or followed, and
 * assistive technology hears it as unavailable.
 */
export function AzIndex({ terms }: AzIndexProps) {
  const first = new Map<string, string>();
  for (const term of terms) {
    const l = letterOf(term.name);
    if (!first.has(l)) first.set(l, term.id);
  }
  const letters = [...(first.has(DIGITS) ? [DIGITS] : []), ...LETTERS];
  return (
    <nav class="az no-print" aria-label={t('glossaryAzLabel')}>
      <ul>
        {letters.map((l) => {
          const id = first.get(l);
          return (
            <li key={l}>
              {id ? (
                <a href={`#${id}`} class="az-letter">
                  {l}
                </a>
              ) : (
                <a role="link" aria-disabled="true" class="az-letter az-empty" title={t('glossaryAzNone', l)}>
                  {l}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface CategoryFilterProps {
  counts: Map<Category, number>;
  total: number;
  selected: Category | null;
  onSelect: (category: Category | null) => void;
}

/** Toggle buttons, one category at a time; pressing the pressed one shows every term again. */
export function CategoryFilter({ counts, total, selected, onSelect }: CategoryFilterProps) {
  const chip = (c: Category | null, label: string, count: number) => (
    <button
      key={c ?? 'all'}
      type="button"
      class="chip"
      data-category={c ?? 'all'}
      aria-pressed={selected === c}
      onClick={() => onSelect(selected === c ? null : c)}
    >
      {label} <span class="chip-count">{count}</span>
    </button>
  );
  return (
    <div class="chips no-print" role="group" aria-labelledby="chips-label">
      <span id="chips-label" class="chips-label">
        {t('glossaryFilterLabel')}
      </span>
      {chip(null, t('glossaryFilterAll'), total)}
      {CATEGORIES.filter((c) => counts.get(c)).map((c) => chip(c, filterLabel(c), counts.get(c) ?? 0))}
    </div>
  );
}
