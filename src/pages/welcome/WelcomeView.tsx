import { t } from '../../ui/i18n';

export interface WelcomeViewProps {
  /** Whether PLAO Lens may read web pages (Firefox asks the user for this). */
  hostAccess: boolean;
  onRequestAccess: () => void;
}

export function WelcomeView({ hostAccess, onRequestAccess }: WelcomeViewProps) {
  return (
    <main class="page">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhat')}</p>
      {!hostAccess && (
        <div class="notice" role="note">
          <p>{t('popupAccessNeeded')}</p>
          <button type="button" class="button" onClick={onRequestAccess}>
            {t('popupAccessButton')}
          </button>
        </div>
      )}
      <h2>{t('welcomePrivacyHeading')}</h2>
      <p>{t('welcomePrivacy')}</p>
      <h2>{t('welcomeKeptHeading')}</h2>
      <p>{t('welcomeKept')}</p>
      <h2>{t('welcomeAdviceHeading')}</h2>
      <p>{t('welcomeAdvice')}</p>
      <h2>{t('welcomeKeysHeading')}</h2>
      <p>{t('welcomeKeys')}</p>
      <p>
        <a href="guide.html">{t('welcomeReadGuidance')}</a> · <a href="glossary.html">{t('openGlossary')}</a> ·{' '}
        <a href="questions.html">{t('popupMyQuestions')}</a> · <a href="options.html">{t('popupOptions')}</a>
      </p>
    </main>
  );
}
