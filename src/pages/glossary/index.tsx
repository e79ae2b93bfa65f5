/**
 * The glossary page: every term with its full explanation, search, an A–Z index and category
 * filters. `glossary.html#term-id` opens at an entry (also when the hash changes later);
 * `glossary.html?q=text` opens with the search filled in (the context menu's "Explain").
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import knowledge from 'plao:knowledge/full';
import browser from 'webextension-polyfill';
import { fromPage, guidePath } from '../../core/addresses';
import type { Category } from '../../core/knowledge/types';
import { searchFor, type SearchResult } from '../../core/search';
import { t } from '../../ui/i18n';
import { SearchBox, useSearch } from '../../ui/SearchBox';
import css from './glossary.css';
import { GlossaryView } from './GlossaryView';
import { TermExtras } from './TermExtras';

const categoryOf = new Map(knowledge.terms.map((x) => [x.id, x.category]));
const initialQuery = (new URLSearchParams(location.search).get('q') ?? '').trim().slice(0, 200);

function hashTarget(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

function GlossarySearch({ onOpenTerm }: { onOpenTerm: (id: string) => void }) {
  const s = useSearch(searchFor(knowledge), initialQuery, 12);
  const open = (r: SearchResult) => {
    if (r.kind === 'term') onOpenTerm(r.id);
    else location.href = fromPage(guidePath(r.article, r.section));
  };
  return (
    <SearchBox
      id="glossary-search"
      label={t('glossarySearchLabel')}
      variant="overlay"
      {...s}
      onOpen={open}
      autoFocus={initialQuery !== ''}
    />
  );
}

function Glossary() {
  const [category, setCategory] = useState<Category | null>(null);
  const [target, setTarget] = useState(hashTarget);
  // Set to bring the target into view once the render that shows it is done.
  const [reveal, setReveal] = useState({ count: 0, focus: false });

  const show = (id: string, focus: boolean) => {
    setTarget(id);
    // A filter must not hide the entry the reader asked for.
    setCategory((c) => (c && categoryOf.get(id) !== c ? null : c));
    setReveal((r) => ({ count: r.count + 1, focus }));
  };

  useEffect(() => {
    const onHash = () => show(hashTarget(), true);
    window.addEventListener('hashchange', onHash);
    // The entries did not exist when the browser looked for the #fragment: look again now. Focus
    // stays in the search box when the page was opened to search.
    if (categoryOf.has(hashTarget())) show(hashTarget(), initialQuery === '');
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (reveal.count === 0) return;
    const entry = document.getElementById(target);
    if (!entry?.classList.contains('glossary-entry')) return;
    entry.scrollIntoView({ block: 'start' });
    // Keyboard and screen-reader users continue reading from the entry.
    if (reveal.focus) entry.focus({ preventScroll: true });
  }, [reveal]);

  const openTerm = (id: string) => {
    // Through the address, so Back returns and the link can be shared; the same hash fires no event.
    if (hashTarget() === id) show(id, true);
    else location.hash = id;
  };

  return (
    <GlossaryView
      knowledge={knowledge}
      version={browser.runtime.getManifest().version}
      search={<GlossarySearch onOpenTerm={openTerm} />}
      category={category}
      onCategory={setCategory}
      target={target}
      termExtras={(term) => <TermExtras term={term} />}
    />
  );
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
render(<Glossary />, document.getElementById('app')!);
