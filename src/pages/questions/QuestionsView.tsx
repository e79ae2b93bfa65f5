import type { Question, TermInfo } from '../../core/questions';
import { t } from '../../ui/i18n';
import { QuestionItem } from './QuestionItem';

export interface Problem {
  unreadable: boolean;
  lost: number;
  repaired: number;
  keptAside: boolean;
}

export type QuestionsViewState =
  | { status: 'loading' }
  | {
      status: 'ready';
      items: Question[];
      problem: Problem | undefined;
      privateWindow: boolean;
      editing: number | undefined;
      confirmingClear: boolean;
      /** What the polite live region says, or ''. */
      announcement: string;
    };

export interface QuestionsActions {
  termInfo: (id: string) => (TermInfo & { id: string }) | undefined;
  onAdd: (text: string) => void;
  onStartEdit: (id: number) => void;
  onSave: (id: number, text: string) => void;
  onCancelEdit: () => void;
  onMove: (id: number, by: -1 | 1) => void;
  onRemove: (id: number) => void;
  onAsked: (id: number, asked: boolean) => void;
  onPrint: () => void;
  onCopy: () => void;
  onAskClear: () => void;
  onCancelClear: () => void;
  onConfirmClear: () => void;
}

export function QuestionsView(props: { state: QuestionsViewState } & QuestionsActions) {
  const { state } = props;
  return (
    <main class="page questions-page">
      <nav class="site no-print" aria-label={t('questionsNavLabel')}>
        <a class="brand" href="guide.html">
          {t('extName')}
        </a>{' '}
        · <a href="glossary.html">{t('openGlossary')}</a> ·{' '}
        <a href="guide.html?article=questions-to-ask">{t('questionsGuideLink')}</a>
      </nav>
      <h1>{t('questionsTitle')}</h1>
      <p class="questions-intro">{t('questionsIntro')}</p>
      {state.status === 'loading' ? <p class="muted">{t('questionsLoading')}</p> : <Ready {...props} state={state} />}
      <p class="disclaimer">{t('notMedicalAdviceLong')}</p>
    </main>
  );
}

function ProblemNotice({ problem }: { problem: Problem }) {
  const lines: string[] = [];
  if (problem.unreadable) lines.push(t('questionsUnreadable'));
  if (problem.lost > 0) lines.push(t('questionsLost', String(problem.lost)));
  if (problem.repaired > 0) lines.push(t('questionsRepaired', String(problem.repaired)));
  if (problem.keptAside) lines.push(t('questionsKeptAside'));
  return (
    <div class="notice questions-problem no-print" role="alert">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}

function Ready(props: { state: Extract<QuestionsViewState, { status: 'ready' }> } & QuestionsActions) {
  const { state } = props;
  const { items } = state;
  const explained = new Set<string>();
  const readOnly = state.privateWindow;
  return (
    <>
      {state.privateWindow && (
        <p class="notice questions-private no-print" role="note">
          {t('questionsPrivate')}
        </p>
      )}
      {state.problem && <ProblemNotice problem={state.problem} />}
      {items.length > 0 && (
        <div class="questions-toolbar no-print">
          <button type="button" class="button print" onClick={props.onPrint}>
            {t('questionsPrint')}
          </button>
          <button type="button" class="button copy" onClick={props.onCopy}>
            {t('questionsCopy')}
          </button>
        </div>
      )}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" class="visually-hidden" tabIndex={-1}>
          {t('questionsListHeading')}
        </h2>
        {items.length === 0 ? (
          <p class="questions-empty">{t('questionsEmpty')}</p>
        ) : (
          <ol class="question-list">
            {items.map((q, i) => {
              const about = q.term ? props.termInfo(q.term) : undefined;
              const explain = !!about && !explained.has(about.id);
              if (about) explained.add(about.id);
              return (
                <QuestionItem
                  key={q.id}
                  question={q}
                  index={i}
                  count={items.length}
                  about={about}
                  explain={explain}
                  editing={state.editing === q.id}
                  readOnly={readOnly}
                  onStartEdit={() => props.onStartEdit(q.id)}
                  onSave={(text) => props.onSave(q.id, text)}
                  onCancelEdit={props.onCancelEdit}
                  onMove={(by) => props.onMove(q.id, by)}
                  onRemove={() => props.onRemove(q.id)}
                  onAsked={(asked) => props.onAsked(q.id, asked)}
                />
              );
            })}
          </ol>
        )}
      </section>
      {!readOnly && (
        <form
          class="question-add no-print"
          onSubmit={(e) => {
            e.preventDefault();
            const field = e.currentTarget.elements.namedItem('new-question') as HTMLInputElement;
            props.onAdd(field.value);
            field.value = '';
          }}
        >
          <label for="new-question">{t('questionsAddLabel')}</label>
          <div class="question-add-row">
            <input id="new-question" name="new-question" type="text" maxLength={500} />
            <button type="submit" class="button">
              {t('questionsAdd')}
            </button>
          </div>
        </form>
      )}
      {(items.length > 0 || state.problem) && !readOnly && (
        <section class="questions-clear no-print" aria-labelledby="clear-heading">
          <h2 id="clear-heading">{t('questionsClearHeading')}</h2>
          <p class="muted">{t('questionsClearHint')}</p>
          {state.confirmingClear ? (
            <div role="group" aria-labelledby="clear-confirm">
              <p id="clear-confirm">{t('questionsClearConfirm')}</p>
              <button type="button" class="button confirm-clear" onClick={props.onConfirmClear}>
                {t('questionsClearYes')}
              </button>{' '}
              <button type="button" class="link-button cancel-clear" onClick={props.onCancelClear}>
                {t('questionsCancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="button ask-clear" onClick={props.onAskClear}>
              {t('questionsClearAll')}
            </button>
          )}
        </section>
      )}
      <p class="print-only print-footer">{t('questionsPrintFooter')}</p>
      <div class="questions-status" role="status">
        {state.announcement}
      </div>
    </>
  );
}
