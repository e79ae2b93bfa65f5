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
export function WarningSign({
  warning,
  cites,
  compact = false,
}: {
  warning: WarningLine;
  cites?: preact.ComponentChildren;
  /** In a card: the level leads the sentence instead of standing on its own line. */
  compact?: boolean;
}) {
  const level = t(LEVEL_KEY[warning.level]);
  return (
    <div
      class={`warning-sign warning-${warning.level}${warning.level === 'emergency' ? ' seek-care' : ''}`}
      role="note"
      data-warning={warning.id}
    >
      {!compact && <p class="warning-level">{level}</p>}
      <p class="warning-text">
        {compact && <strong class="warning-level">{level}. </strong>}
        {warning.text}
        {cites}
      </p>
      {warning.judgement && <p class="warning-judgement">{t('warningJudgement')}</p>}
    </div>
  );
}
