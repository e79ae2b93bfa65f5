/**
 * "My questions": the reader's list for her next appointment. Edits are saved at once and
 * announced; the list prints on one sheet with each term's short explanation beside its
 * questions, and copies as plain text. In a private window it is shown but not changed.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import knowledge from 'plao:knowledge/full';
import browser from 'webextension-polyfill';
import {
  addOwnQuestion,
  editQuestion,
  moveQuestion,
  questionsAsText,
  removeQuestion,
  setAsked,
  type Question,
  type TermInfo,
} from '../../core/questions';
import { t } from '../../ui/i18n';
import css from './questions.css';
import { QuestionsView, type QuestionsActions, type QuestionsViewState } from './QuestionsView';
import { useQuestions } from './use-questions';

const termInfo = new Map<string, TermInfo & { id: string }>(
  knowledge.terms.map((x) => [x.id, { id: x.id, name: x.name, short: x.short }]),
);

/** Where focus goes after a change re-renders the list. */
type FocusAfter = { id: number; button: string } | { heading: true } | undefined;

function MyQuestions() {
  const { parsed, keptAside, save, clear } = useQuestions();
  const [editing, setEditing] = useState<number>();
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<FocusAfter>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const privateWindow = browser.extension.inIncognitoContext === true;

  useEffect(() => {
    const f = focusAfter.current;
    focusAfter.current = undefined;
    if (!f) return;
    const el =
      'heading' in f
        ? document.getElementById('list-heading')
        : document.querySelector<HTMLElement>(`li[data-id="${f.id}"] ${f.button}`);
    el?.focus();
  });

  /** Clears the live region first, so the same message twice is announced twice. */
  const announce = (message: string) => {
    clearTimeout(timer.current);
    setAnnouncement('');
    timer.current = setTimeout(() => setAnnouncement(message), 50);
  };

  const items = parsed?.items ?? [];
  const change = (next: Question[], message: string, focus?: FocusAfter) => {
    if (privateWindow) return;
    focusAfter.current = focus;
    save(next).then(
      () => announce(message),
      (e: unknown) => announce(t('questionsSaveFailed', e instanceof Error ? e.message : String(e))),
    );
  };
  const textOf = (id: number) => items.find((q) => q.id === id)?.text ?? '';

  const actions: QuestionsActions = {
    termInfo: (id) => termInfo.get(id),
    onAdd: (text) => {
      const next = addOwnQuestion(items, text);
      if (next.length > items.length) change(next, t('questionsAddedOwn', next.at(-1)!.text));
    },
    onStartEdit: (id) => setEditing(id),
    onCancelEdit: () => {
      focusAfter.current = editing === undefined ? undefined : { id: editing, button: '.edit' };
      setEditing(undefined);
    },
    onSave: (id, text) => {
      setEditing(undefined);
      change(editQuestion(items, id, text), t('questionsSaved'), { id, button: '.edit' });
    },
    onMove: (id, by) => {
      const at = items.findIndex((q) => q.id === id) + by;
      change(moveQuestion(items, id, by), t('questionsMoved', [textOf(id), String(at + 1)]), {
        id,
        button: by < 0 ? '.up' : '.down',
      });
    },
    onRemove: (id) => {
      const at = items.findIndex((q) => q.id === id);
      const next = items[at + 1] ?? items[at - 1];
      change(
        removeQuestion(items, id),
        t('questionsRemoved', textOf(id)),
        next ? { id: next.id, button: '.remove' } : { heading: true },
      );
    },
    onAsked: (id, asked) =>
      change(
        setAsked(items, id, asked),
        asked ? t('questionsMarkedAsked', textOf(id)) : t('questionsMarkedNotAsked', textOf(id)),
      ),
    onPrint: () => print(),
    onCopy: () => {
      const text = questionsAsText(items, termInfo, {
        title: t('questionsTitle'),
        asked: t('questionsAskedMark'),
        aboutTerm: (name) => `${name}:`,
      });
      navigator.clipboard.writeText(text).then(
        () => announce(t('questionsCopied')),
        () => announce(t('questionsCopyFailed')),
      );
    },
    onAskClear: () => setConfirmingClear(true),
    onCancelClear: () => setConfirmingClear(false),
    onConfirmClear: () => {
      setConfirmingClear(false);
      focusAfter.current = { heading: true };
      clear().then(
        () => announce(t('questionsCleared')),
        (e: unknown) => announce(t('questionsSaveFailed', e instanceof Error ? e.message : String(e))),
      );
    },
  };

  const problem =
    parsed && (parsed.unreadable || parsed.lost > 0 || parsed.repaired > 0 || keptAside)
      ? { unreadable: parsed.unreadable, lost: parsed.lost, repaired: parsed.repaired, keptAside }
      : undefined;
  const state: QuestionsViewState = parsed
    ? { status: 'ready', items, problem, privateWindow, editing, confirmingClear, announcement }
    : { status: 'loading' };
  return <QuestionsView state={state} {...actions} />;
}

// A constructable sheet, adopted next to page.css: the page's own rules, shipped inside the bundle.
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
document.title = t('questionsPageTitle');
render(<MyQuestions />, document.getElementById('app')!);
