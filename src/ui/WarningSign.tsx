import type { WarningLine } from '../core/knowledge/types';
import { t } from './i18n';

const LEVEL_KEY = {
  emergency: 'warningEmergency',
  'same-day': 'warningSameDay',
  'next-appointment': 'warningNextAppointment',
} as const;

/**
 * One warning sign in its single agreed wording, with how soon to act. When the timing is the
 * content's own judgement rather than a source's, the sign says so where the reader sees it.
 */
export function WarningSign({ warning, cites }: { warning: WarningLine; cites?: preact.ComponentChildren }) {
  return (
    <div class={`warning-sign warning-${warning.level}`} role="note" data-warning={warning.id}>
      <p class="warning-level">{t(LEVEL_KEY[warning.level])}</p>
      <p class="warning-text">
        {warning.text}
        {cites}
      </p>
      {warning.judgement && <p class="warning-judgement">{t('warningJudgement')}</p>}
    </div>
  );
}
