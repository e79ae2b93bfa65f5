import { useState } from 'preact/hooks';
import { t } from './i18n';

export interface ReportProblemProps {
  /** What the report is about, e.g. "Term: DXA scan (dxa-scan)". */
  subject: string;
  version: string;
  reviewed: string;
}

/** The prepared report: plain text the reader pastes into a message of their own. */
export function reportText({ subject, version, reviewed }: ReportProblemProps): string {
  return [
    'PLAO Lens: a problem with the content',
    `About: ${subject}`,
    `Version: ${version} (content reviewed ${reviewed})`,
    '',
    'What is wrong or unclear:',
    '',
    'Where you read otherwise (a source, if you have one):',
    '',
  ].join('\n');
}

/**
 * "Report a problem" copies a prepared message to the clipboard. Nothing is sent: the reader
 * decides where to paste it.
 */
export function ReportProblem(props: ReportProblemProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(reportText(props)).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <p class="report-problem no-print">
      <button type="button" class="link-button" onClick={copy}>
        {t('reportProblem')}
      </button>{' '}
      <span role="status" class="muted">
        {state === 'copied' && t('reportCopied')}
        {state === 'failed' && t('reportCopyFailed')}
      </span>
      {state === 'failed' && (
        <textarea readOnly class="report-text" aria-label={t('reportProblem')} value={reportText(props)} />
      )}
    </p>
  );
}
