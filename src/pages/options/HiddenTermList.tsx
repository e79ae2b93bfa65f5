import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n';

export interface HiddenTermListProps {
  ids: readonly string[];
  name: (id: string) => string;
  onShow: (id: string) => void;
}

/** The terms the reader asked not to highlight, each with "Highlight again". Focus stays in the list. */
export function HiddenTermList({ ids, name, onShow }: HiddenTermListProps) {
  const box = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<{ at: number; id: string } | undefined>(undefined);
  useEffect(() => {
    const pending = focusAfter.current;
    // Wait for the render from storage that no longer lists the term.
    if (pending === undefined || !box.current || ids.includes(pending.id)) return;
    focusAfter.current = undefined;
    const buttons = box.current.querySelectorAll<HTMLButtonElement>('button');
    (
      buttons[Math.min(pending.at, buttons.length - 1)] ?? box.current.querySelector<HTMLElement>('.hidden-empty')
    )?.focus();
  }, [ids]);

  return (
    <div class="sites hidden-terms" ref={box}>
      {ids.length === 0 ? (
        <p class="hidden-empty hint" tabIndex={-1}>
          {t('optionsHiddenEmpty')}
        </p>
      ) : (
        <ul class="site-list" aria-labelledby="hidden-terms-heading">
          {ids.map((id, i) => (
            <li key={id} data-term={id}>
              <span class="site-name hidden-term-name">{name(id)}</span>
              <button
                type="button"
                aria-label={t('optionsHiddenUndoLabel', name(id))}
                onClick={() => {
                  focusAfter.current = { at: i, id };
                  onShow(id);
                }}
              >
                {t('optionsHiddenUndo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
