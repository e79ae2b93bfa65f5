import type { ComponentChildren } from 'preact';
import { t } from '../../ui/i18n';

export interface PopupTerm {
  id: string;
  name: string;
  count: number;
}

export type PopupState =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; host: string; terms: PopupTerm[] };

export interface PopupViewProps {
  state: PopupState;
  siteOn: boolean;
  paused: boolean;
  hostAccess: boolean;
  glossaryHref: string;
  guideHref: string;
  optionsHref: string;
  questionsHref: string;
  onSiteSwitch: (on: boolean) => void;
  onPause: (paused: boolean) => void;
  onReveal: (id: string) => void;
  onRequestAccess: () => void;
  /** The glossary search. */
  search: ComponentChildren;
}

export function PopupView(p: PopupViewProps) {
  const { state } = p;
  return (
    <main class="popup-main" data-status={state.status}>
      <h1 class="popup-title">{t('extName')}</h1>
      {!p.hostAccess && (
        <div class="notice" role="note">
          <p>{t('popupAccessNeeded')}</p>
          <button type="button" class="button" onClick={p.onRequestAccess}>
            {t('popupAccessButton')}
          </button>
        </div>
      )}
      <div class="switches">
        {state.status === 'ready' && (
          <label class="switch">
            <input type="checkbox" checked={p.siteOn} onChange={(e) => p.onSiteSwitch(e.currentTarget.checked)} />{' '}
            {t('popupSiteSwitch', state.host)}
          </label>
        )}
        <label class="switch">
          <input type="checkbox" checked={p.paused} onChange={(e) => p.onPause(e.currentTarget.checked)} />{' '}
          {t('popupPause')}
        </label>
      </div>
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">{t('popupTermsHeading')}</h2>
        <TermList {...p} />
      </section>
      {/* The search box carries its own visible label. */}
      <section class="popup-search">{p.search}</section>
      <nav class="popup-links">
        <a href={p.glossaryHref} target="_blank" rel="noopener">
          {t('openGlossary')}
        </a>
        <a href={p.guideHref} target="_blank" rel="noopener">
          {t('popupGuidance')}
        </a>
        <a href={p.questionsHref} target="_blank" rel="noopener">
          {t('popupMyQuestions')}
        </a>
        <a href={p.optionsHref} target="_blank" rel="noopener">
          {t('popupOptions')}
        </a>
      </nav>
      <p class="disclaimer">{t('notMedicalAdviceLong')}</p>
    </main>
  );
}

function TermList({ state, paused, siteOn, onReveal }: PopupViewProps) {
  if (state.status === 'loading') return <p class="muted">{t('popupLooking')}</p>;
  if (state.status === 'unavailable') return <p class="muted">{t('popupCannotRead')}</p>;
  if (paused) return <p class="muted">{t('popupPaused')}</p>;
  if (!siteOn) return <p class="muted">{t('popupOffHere')}</p>;
  if (state.terms.length === 0) return <p class="muted">{t('popupNoTerms')}</p>;
  return (
    <ul class="page-terms">
      {state.terms.map((term) => (
        <li key={term.id} data-term={term.id}>
          <button type="button" class="page-term" onClick={() => onReveal(term.id)}>
            <span class="page-term-name">{term.name}</span>
            <span class="page-term-count">
              {term.count === 1 ? t('popupOnce') : t('popupTimes', String(term.count))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
