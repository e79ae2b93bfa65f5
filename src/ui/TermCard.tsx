import type { ComponentChildren } from 'preact';
import type { TermCard as Card } from '../core/knowledge/types';
import { t } from './i18n';
import { WarningSign } from './WarningSign';

export interface TermCardProps {
  card: Card;
  /** The guidance address shown on the link. */
  guideHref: string;
  /** Opens the guidance; the caller decides how (a new tab from a web page). */
  onOpenGuide?: (e: MouseEvent) => void;
  /** id for the name, so a dialog can be labelled by it. */
  nameId?: string;
  /** Shown under the name (how to say it). */
  afterName?: ComponentChildren;
  /** More actions, after the guidance link ("Add to my questions", "Don't highlight this term"). */
  actions?: ComponentChildren;
}

/** One term, explained: the same card in the popover, the popup and the glossary. */
export function TermCard({ card, guideHref, onOpenGuide, nameId, afterName, actions }: TermCardProps) {
  return (
    <div class="term-card">
      <p class="term-name" id={nameId}>
        {card.name}
      </p>
      {afterName}
      {/* The named warning signs say what to do more precisely than the general line. */}
      {card.seekCare && !card.warnings?.length && (
        <p class="seek-care" role="note">
          <strong>{t('seekCareNow')}</strong> {t('seekCareIfHappening')}
        </p>
      )}
      <p class="term-short">{card.short}</p>
      {card.safety && (
        <p>
          <strong>{t('safetyLine')}</strong> {card.safety}
        </p>
      )}
      {card.pregnancy && (
        <p>
          <strong>{t('pregnancyLine')}</strong> {card.pregnancy}
        </p>
      )}
      {card.warnings?.map((w) => (
        <WarningSign key={w.id} warning={w} compact />
      ))}
      <p class="term-source">{t('sourceLine', [card.sourceLine, card.reviewed])}</p>
      <p class="term-actions">
        <a class="term-guide" href={guideHref} target="_blank" rel="noopener" onClick={onOpenGuide}>
          {t('readFullGuidance')}
        </a>
      </p>
      {actions}
      <p class="term-disclaimer">{t('notMedicalAdvice')}</p>
    </div>
  );
}
