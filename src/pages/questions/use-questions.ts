/**
 * The reader's list as storage holds it, kept current from `storage.onChanged` (a card may add to
 * it while this page is open). A value that could not be read whole is reported, and kept aside
 * under its own key before the first write replaces it, so a repair never loses what was there.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import {
  parseQuestions,
  QUESTIONS_KEY,
  QUESTIONS_UNREADABLE_KEY,
  toStoredQuestions,
  type ParsedQuestions,
  type Question,
} from '../../core/questions';

export interface QuestionsState {
  /** Undefined until the first read finishes. */
  parsed: ParsedQuestions | undefined;
  /** Whether an earlier unreadable value is being kept aside. */
  keptAside: boolean;
  save: (items: Question[]) => Promise<void>;
  /** Removes the list and anything kept aside. */
  clear: () => Promise<void>;
}

function hasProblem(p: ParsedQuestions): boolean {
  return p.unreadable || p.lost > 0 || p.repaired > 0;
}

export function useQuestions(): QuestionsState {
  const [parsed, setParsed] = useState<ParsedQuestions>();
  const [keptAside, setKeptAside] = useState(false);
  // The stored value as last read, to keep aside if it had a problem.
  const raw = useRef<unknown>(undefined);

  useEffect(() => {
    const apply = (value: unknown) => {
      raw.current = value;
      setParsed(parseQuestions(value));
    };
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area !== 'local') return;
      if (QUESTIONS_KEY in changes) apply(changes[QUESTIONS_KEY]?.newValue);
      if (QUESTIONS_UNREADABLE_KEY in changes) setKeptAside(changes[QUESTIONS_UNREADABLE_KEY]?.newValue !== undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get([QUESTIONS_KEY, QUESTIONS_UNREADABLE_KEY]).then(
      (stored) => {
        apply(stored[QUESTIONS_KEY]);
        setKeptAside(stored[QUESTIONS_UNREADABLE_KEY] !== undefined);
      },
      () => apply(undefined),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = useCallback(
    async (items: Question[]) => {
      const write: Record<string, unknown> = { [QUESTIONS_KEY]: toStoredQuestions(items) };
      if (parsed && hasProblem(parsed) && !keptAside) write[QUESTIONS_UNREADABLE_KEY] = raw.current;
      setParsed({ items, lost: 0, repaired: 0, unreadable: false });
      await browser.storage.local.set(write);
    },
    [parsed, keptAside],
  );

  const clear = useCallback(async () => {
    setParsed({ items: [], lost: 0, repaired: 0, unreadable: false });
    await browser.storage.local.remove([QUESTIONS_KEY, QUESTIONS_UNREADABLE_KEY]);
  }, []);

  return { parsed, keptAside, save, clear };
}
