import { useEffect, useRef } from 'preact/hooks';
import type { Question, TermInfo } from '../../core/questions';
import { t } from '../../ui/i18n';

export interface QuestionItemProps {
  question: Question;
  index: number;
  count: number;
  /** The term it came from, with its short explanation (printed beside the question). */
  about: (TermInfo & { id: string }) | undefined;
  /** Whether the term's explanation is shown here (once per term, at its first question). */
  explain: boolean;
  editing: boolean;
  readOnly: boolean;
  onStartEdit: () => void;
  onSave: (text: string) => void;
  onCancelEdit: () => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAsked: (asked: boolean) => void;
}

/** One question: mark as asked, edit in place, move, remove. Every button names its question. */
export function QuestionItem(p: QuestionItemProps) {
  const { question: q } = p;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (p.editing) input.current?.select();
  }, [p.editing]);
  const textId = `q-${q.id}-text`;
  return (
    <li class={`question${q.asked ? ' is-asked' : ''}`} data-id={q.id} data-term={q.term ?? ''}>
      <div class="question-main">
        <input
          type="checkbox"
          class="question-asked"
          id={`q-${q.id}-asked`}
          checked={q.asked}
          disabled={p.readOnly}
          aria-describedby={textId}
          onChange={(e) => p.onAsked(e.currentTarget.checked)}
        />
        <label class="asked-label" for={`q-${q.id}-asked`}>
          {t('questionsAsked')}
        </label>
        {p.editing ? (
          <form
            class="question-edit"
            onSubmit={(e) => {
              e.preventDefault();
              p.onSave(input.current?.value ?? '');
            }}
          >
            <label class="visually-hidden" for={`q-${q.id}-input`}>
              {t('questionsEditLabel', String(p.index + 1))}
            </label>
            <input
              id={`q-${q.id}-input`}
              ref={input}
              type="text"
              maxLength={500}
              defaultValue={q.text}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  p.onCancelEdit();
                }
              }}
            />
            <button type="submit" class="button">
              {t('questionsSave')}
            </button>
            <button type="button" class="link-button" onClick={p.onCancelEdit}>
              {t('questionsCancel')}
            </button>
          </form>
        ) : (
          <p class="question-text" id={textId}>
            {q.text}
          </p>
        )}
      </div>
      {p.about && p.explain && (
        <p class="question-about">
          <strong>{p.about.name}:</strong> {p.about.short}
        </p>
      )}
      {!p.readOnly && !p.editing && (
        <div class="question-actions no-print">
          <button type="button" class="edit" aria-describedby={textId} onClick={p.onStartEdit}>
            {t('questionsEdit')}
          </button>
          <button
            type="button"
            class="up"
            aria-describedby={textId}
            aria-disabled={p.index === 0}
            onClick={() => p.index > 0 && p.onMove(-1)}
          >
            {t('questionsMoveUp')}
          </button>
          <button
            type="button"
            class="down"
            aria-describedby={textId}
            aria-disabled={p.index === p.count - 1}
            onClick={() => p.index < p.count - 1 && p.onMove(1)}
          >
            {t('questionsMoveDown')}
          </button>
          <button type="button" class="remove" aria-describedby={textId} onClick={p.onRemove}>
            {t('questionsRemove')}
          </button>
        </div>
      )}
    </li>
  );
}
