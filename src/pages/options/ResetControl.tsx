import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n';

export interface ResetControlProps {
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/** "Reset to defaults", confirmed inline (a window.confirm dialog cannot be styled or read in context). */
export function ResetControl({ confirming, onAsk, onCancel, onConfirm }: ResetControlProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Move focus into the question when it appears, and back to the button when it goes.
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) resetButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" class="reset" ref={resetButton} onClick={onAsk}>
        {t('optionsResetButton')}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="reset-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id="reset-question">{t('optionsResetQuestion')}</p>
      <button type="button" class="danger" ref={confirmButton} onClick={onConfirm}>
        {t('optionsResetConfirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('optionsResetCancel')}
      </button>
    </div>
  );
}
