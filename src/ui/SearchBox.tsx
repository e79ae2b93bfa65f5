/**
 * Glossary search as an ARIA 1.2 combobox: a labelled text input that owns a listbox of results.
 *
 * Why a combobox rather than a plain list of links: focus never leaves the input, so a reader can
 * type, correct and move through results without hunting for the field again, and screen readers
 * (NVDA, JAWS, VoiceOver, Orca) announce the option under aria-activedescendant as the arrow keys
 * move. What combobox support does not announce reliably is how many results appeared while typing,
 * so a polite live region says that once typing pauses. Tab leaves the box as from any input.
 *
 * The view holds only what it shows (which option is active, whether the list is open); the query
 * and the results come from the container (`useSearch`), which also decides what opening a result
 * does.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { GlossarySearch, SearchResult } from '../core/search';
import { t } from './i18n';
import css from './search.css';
import { optionId, SearchResults } from './SearchResults';

export interface SearchBoxProps {
  /** Prefix for the ids inside, so two boxes can share a page. */
  id: string;
  /** The visible label (default: "Search the glossary"). */
  label?: string;
  query: string;
  results: SearchResult[];
  onQueryChange: (query: string) => void;
  /** Opens a result: the container decides how (scroll, new tab…). */
  onOpen: (result: SearchResult) => void;
  /** Called when the input gets focus: a good moment to build the index. */
  onFocus?: () => void;
  /** "overlay" floats the results over the page below; "inline" (default) pushes it down. */
  variant?: 'inline' | 'overlay';
  autoFocus?: boolean;
}

/** The query state and its results, for a container that shows a SearchBox: props to spread on it. */
export function useSearch(
  search: GlossarySearch,
  initial = '',
  limit?: number,
): Pick<SearchBoxProps, 'query' | 'results' | 'onQueryChange' | 'onFocus'> {
  const [query, setQuery] = useState(initial);
  const results = useMemo(() => search.search(query, limit === undefined ? {} : { limit }), [search, query, limit]);
  return { query, results, onQueryChange: setQuery, onFocus: () => search.prepare() };
}

const sheets = new WeakMap<Document | ShadowRoot, true>();

/** The component's styles, adopted once by whatever document or shadow root it renders in. */
function useStyles(ref: { current: Element | null }) {
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot) || sheets.has(root)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    sheets.set(root, true);
  }, []);
}

/** The count announced to screen readers, once typing pauses, so each keystroke is not read out. */
function useAnnouncement(query: string, count: number, open: boolean): string {
  const [text, setText] = useState('');
  useEffect(() => {
    const q = query.trim();
    const next =
      !open || q.length < 2
        ? ''
        : count === 0
          ? t('searchNoResults', q)
          : count === 1
            ? t('searchOneResult')
            : t('searchResultCount', String(count));
    const timer = setTimeout(() => setText(next), 500);
    return () => clearTimeout(timer);
  }, [query, count, open]);
  return text;
}

export function SearchBox(props: SearchBoxProps) {
  const { id, query, results, onQueryChange, onOpen } = props;
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // The active option belongs to one list of results: a new list starts with none active. Derived
  // while rendering, not reset in an effect, which could land after the reader's next arrow key.
  const [selection, setSelection] = useState<{ of: SearchResult[]; index: number }>({ of: results, index: -1 });
  const active = selection.of === results ? selection.index : -1;
  const setActive = (index: number) => setSelection({ of: results, index });
  const [open, setOpen] = useState(Boolean(props.autoFocus && query));
  useStyles(root);
  // The autofocus attribute is not honoured for an input rendered after the page loaded.
  useEffect(() => {
    if (props.autoFocus) input.current?.focus();
  }, []);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(`${id}-list`, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const listId = `${id}-list`;
  const expanded = open && results.length > 0;
  const announcement = useAnnouncement(query, results.length, open);
  const choose = (r: SearchResult | undefined) => {
    if (!r) return;
    setOpen(false);
    onOpen(r);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
        if (n === 0) return;
        e.preventDefault();
        setOpen(true);
        setActive(expanded ? (active + 1) % n : 0);
        break;
      case 'ArrowUp':
        if (n === 0) return;
        e.preventDefault();
        setOpen(true);
        setActive(expanded && active > 0 ? active - 1 : n - 1);
        break;
      case 'Enter':
        if (n === 0) return;
        e.preventDefault();
        // Enter without choosing opens the best match: what "search and go" users expect.
        choose(results[expanded && active >= 0 ? active : 0]);
        break;
      case 'Escape':
        // With nothing typed, Esc is left to the page (it closes the toolbar popup).
        if (!query && !expanded) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        onQueryChange('');
        break;
    }
  };

  return (
    <div ref={root} role="search" class={`search-box search-${props.variant ?? 'inline'}`}>
      <label for={`${id}-input`} class="search-label">
        {props.label ?? t('searchLabel')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        class="search-input"
        // type="text" as in the ARIA practices' combobox: role="combobox" is not allowed on type="search".
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(listId, active) : undefined}
        aria-describedby={`${id}-help`}
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterkeyhint="go"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          setOpen(true);
          onQueryChange(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          props.onFocus?.();
          if (query) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
      />
      <span id={`${id}-help`} class="search-sr-only">
        {t('searchInstructions')}
      </span>
      {/* Kept in the DOM so aria-controls always points at something; hidden when closed. */}
      <div class="search-popup" hidden={!expanded}>
        <SearchResults id={listId} results={results} active={active} onActivate={setActive} onOpen={choose} />
      </div>
      {open && query.trim().length >= 2 && results.length === 0 && (
        <p class="search-empty">{t('searchNoResults', query.trim())}</p>
      )}
      <span role="status" class="search-sr-only">
        {announcement}
      </span>
    </div>
  );
}
