import type { Category } from '../../core/knowledge/types';
import { t } from '../../ui/i18n';

// Message names spelled out (not built from the category) so a search for a key finds its use.
const FILTER: Record<Category, string> = {
  condition: 'glossaryFilterCondition',
  body: 'glossaryFilterBody',
  tests: 'glossaryFilterTests',
  treatment: 'glossaryFilterTreatment',
  'look-alike': 'glossaryFilterLookAlike',
  'warning-sign': 'glossaryFilterWarningSign',
};
const TAG: Record<Category, string> = {
  condition: 'glossaryCategoryCondition',
  body: 'glossaryCategoryBody',
  tests: 'glossaryCategoryTests',
  treatment: 'glossaryCategoryTreatment',
  'look-alike': 'glossaryCategoryLookAlike',
  'warning-sign': 'glossaryCategoryWarningSign',
};

/** The filter chip's label: "Warning signs". */
export const filterLabel = (c: Category): string => t(FILTER[c]);
/** The label on an entry: "Warning sign". */
export const categoryLabel = (c: Category): string => t(TAG[c]);
