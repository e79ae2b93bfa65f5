import type { DisplayMode, HighlightStyle, Settings } from '../../core/settings';
import { t } from '../../ui/i18n';
import { ChoiceGroup, type Choice } from './ChoiceGroup';
import { HiddenTermList } from './HiddenTermList';
import { ResetControl } from './ResetControl';
import { SiteList } from './SiteList';

export type OptionsState =
  | { status: 'loading' }
  | {
      status: 'ready';
      settings: Settings;
      /** Settings that could not be read and were reset to their defaults. */
      unreadable: readonly (keyof Settings)[];
      confirmingReset: boolean;
      /** What the polite live region says ("Saved"), or ''. */
      saveStatus: string;
    };

export interface OptionsActions {
  onChange: (patch: Partial<Settings>) => void;
  onRemoveSite: (host: string) => void;
  /** Highlights a hidden term again. */
  onShowTerm: (id: string) => void;
  /** A term's name, by id. */
  termName: (id: string) => string;
  onAskReset: () => void;
  onCancelReset: () => void;
  onConfirmReset: () => void;
}

export type OptionsViewProps = { state: OptionsState } & OptionsActions;

export const DELAY_MAX = 1000;
export const DELAY_STEP = 50;

function fieldName(key: keyof Settings): string {
  switch (key) {
    case 'enabled':
      return t('optionsFieldEnabled');
    case 'displayMode':
      return t('optionsFieldDisplayMode');
    case 'highlightStyle':
      return t('optionsFieldHighlightStyle');
    case 'popoverDelay':
      return t('optionsFieldPopoverDelay');
    case 'showBadge':
      return t('optionsFieldShowBadge');
    case 'disabledSites':
      return t('optionsFieldDisabledSites');
    case 'hiddenTerms':
      return t('optionsFieldHiddenTerms');
  }
}

function displayModes(): Choice<DisplayMode>[] {
  return [
    { value: 'all', label: t('optionsModeAll'), hint: t('optionsModeAllHint') },
    { value: 'first', label: t('optionsModeFirst'), hint: t('optionsModeFirstHint') },
    { value: 'none', label: t('optionsModeNone'), hint: t('optionsModeNoneHint') },
  ];
}

function highlightStyles(): Choice<HighlightStyle>[] {
  const sample = (style: HighlightStyle) => (
    <span class="sample-text">
      {t('optionsStyleSampleBefore')} <span class={`sample sample-${style}`}>{t('optionsStyleSampleTerm')}</span>
    </span>
  );
  return [
    { value: 'background', label: t('optionsStyleBackground'), preview: sample('background') },
    { value: 'underline', label: t('optionsStyleUnderline'), preview: sample('underline') },
    { value: 'outline', label: t('optionsStyleOutline'), preview: sample('outline') },
  ];
}

export function OptionsView(props: OptionsViewProps) {
  const { state } = props;
  return (
    <main class="page options-page">
      <h1>{t('optionsPageTitle')}</h1>
      {state.status === 'loading' ? <p class="hint">{t('optionsLoading')}</p> : <Form {...props} state={state} />}
      <p class="disclaimer">{t('notMedicalAdviceLong')}</p>
    </main>
  );
}

function Form({
  state,
  onChange,
  onRemoveSite,
  onShowTerm,
  termName,
  onAskReset,
  onCancelReset,
  onConfirmReset,
}: OptionsActions & { state: Extract<OptionsState, { status: 'ready' }> }) {
  const { settings, unreadable } = state;
  return (
    <form class="options-form" onSubmit={(e) => e.preventDefault()}>
      <p class="lede">{t('optionsIntro')}</p>
      {unreadable.length > 0 && (
        <div class="settings-notice" role="alert">
          <p>
            <strong>{t('optionsInvalidNotice')}</strong>
          </p>
          <p>{t('optionsInvalidFields', unreadable.map(fieldName).join(', '))}</p>
        </div>
      )}

      <section aria-labelledby="pages-heading">
        <h2 id="pages-heading">{t('optionsPagesHeading')}</h2>
        <ChoiceGroup
          name="displayMode"
          legend={t('optionsDisplayModeLegend')}
          choices={displayModes()}
          value={settings.displayMode}
          onChange={(displayMode) => onChange({ displayMode })}
        />
        <ChoiceGroup
          name="highlightStyle"
          legend={t('optionsStyleLegend')}
          choices={highlightStyles()}
          value={settings.highlightStyle}
          onChange={(highlightStyle) => onChange({ highlightStyle })}
        />
        <div class="field">
          <label for="popoverDelay">{t('optionsDelayLabel')}</label>
          <div class="delay-row">
            <input
              type="range"
              id="popoverDelay"
              min={0}
              max={DELAY_MAX}
              step={DELAY_STEP}
              value={settings.popoverDelay}
              aria-describedby="popoverDelay-hint"
              aria-valuetext={t('optionsDelayValueText', String(settings.popoverDelay))}
              onInput={(e) => onChange({ popoverDelay: Number(e.currentTarget.value) })}
            />
            <output for="popoverDelay" class="delay-value">
              {t('optionsDelayValue', String(settings.popoverDelay))}
            </output>
          </div>
          <p class="hint" id="popoverDelay-hint">
            {t('optionsDelayHint')}
          </p>
        </div>
      </section>

      <section aria-labelledby="toolbar-heading">
        <h2 id="toolbar-heading">{t('optionsToolbarHeading')}</h2>
        <div class="check">
          <input
            type="checkbox"
            id="showBadge"
            checked={settings.showBadge}
            onChange={(e) => onChange({ showBadge: e.currentTarget.checked })}
          />
          <label for="showBadge">{t('optionsBadgeLabel')}</label>
        </div>
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
        <div class="check">
          <input
            type="checkbox"
            id="paused"
            checked={!settings.enabled}
            aria-describedby="paused-hint"
            onChange={(e) => onChange({ enabled: !e.currentTarget.checked })}
          />
          <label for="paused">{t('optionsPauseLabel')}</label>
          <p class="hint" id="paused-hint">
            {t('optionsPauseHint')}
          </p>
        </div>
        <h3 id="off-sites-heading">{t('optionsOffSitesHeading')}</h3>
        <SiteList sites={settings.disabledSites} onRemove={onRemoveSite} />
        <h3 id="hidden-terms-heading">{t('optionsHiddenHeading')}</h3>
        <HiddenTermList ids={settings.hiddenTerms} name={termName} onShow={onShowTerm} />
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">{t('optionsResetHeading')}</h2>
        <ResetControl
          confirming={state.confirmingReset}
          onAsk={onAskReset}
          onCancel={onCancelReset}
          onConfirm={onConfirmReset}
        />
      </section>

      <div class="save-status" role="status">
        {state.saveStatus && <span class="save-bubble">{state.saveStatus}</span>}
      </div>
    </form>
  );
}
