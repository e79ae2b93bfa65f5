/** Toolbar popup: the terms on this page, the per-site switch and pause, and glossary search. */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { READ_ORIGINS } from '../../core/permissions';
import knowledge from 'plao:knowledge/full';
import { glossaryPath, guidePath, pagePath } from '../../core/addresses';
import type { ToContent } from '../../core/messages';
import { searchFor, type SearchResult } from '../../core/search';
import { isSiteEnabled, parseSettings, setSiteEnabled } from '../../core/settings';
import { SearchBox, useSearch } from '../../ui/SearchBox';
import { callTab } from '../calls';
import { useStoredSettings } from '../settings-store';
import { PopupView, type PopupState } from './PopupView';

/** The tab the popup is about: the active tab, or `?tab=ID` when opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadPage(tabId: number | undefined): Promise<PopupState> {
  if (tabId === undefined) return { status: 'unavailable' };
  // No content script here (a browser page, a store page, or no host access): nothing to show.
  const reply = await callTab(tabId)({ type: 'getPageTerms' });
  if (!reply) return { status: 'unavailable' };
  const names = new Map(knowledge.terms.map((t) => [t.id, t.name]));
  return {
    status: 'ready',
    host: reply.host,
    terms: reply.terms.map((t) => ({ ...t, name: names.get(t.id) ?? t.id })),
  };
}

const DEFAULTS = parseSettings(undefined).settings;

/**
 * Opens an extension page in a new tab and closes the popup: on Android the popup is an overlay,
 * and a tab opened behind it would stay out of sight.
 */
function openTab(url: string): void {
  void browser.tabs.create({ url }).then(() => {
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
}

/** Opens a search result in a new tab: the glossary entry, or the guidance section. */
function openResult(r: SearchResult): void {
  openTab(browser.runtime.getURL(r.kind === 'term' ? glossaryPath({ term: r.id }) : guidePath(r.article, r.section)));
}

// The popup's links (glossary, guidance, settings) open the same way.
document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[target="_blank"]') : null;
  if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  openTab(link.href);
});

function Popup() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [hostAccess, setHostAccess] = useState(true);
  const { settings = DEFAULTS, save } = useStoredSettings();
  const search = useSearch(
    useMemo(() => searchFor(knowledge), []),
    '',
    8,
  );
  const refresh = (id: number | undefined) => void loadPage(id).then(setState);
  useEffect(() => {
    void currentTabId().then((id) => {
      setTabId(id);
      refresh(id);
    });
    void browser.permissions.contains({ origins: READ_ORIGINS }).then(setHostAccess);
  }, []);
  const host = state.status === 'ready' ? state.host : '';
  const url = (path: string) => browser.runtime.getURL(path);
  return (
    <PopupView
      state={state}
      siteOn={!host || isSiteEnabled({ ...settings, enabled: true }, host)}
      paused={!settings.enabled}
      hostAccess={hostAccess}
      glossaryHref={url(pagePath('glossary'))}
      guideHref={url(guidePath())}
      optionsHref={url(pagePath('options'))}
      questionsHref={url(pagePath('questions'))}
      onSiteSwitch={(on) => {
        void save(setSiteEnabled(settings, host, on));
        // The page reads itself again when switched on; ask for its terms once it has.
        setTimeout(() => refresh(tabId), 600);
      }}
      onPause={(paused) => {
        void save({ ...settings, enabled: !paused });
        setTimeout(() => refresh(tabId), 600);
      }}
      onReveal={(id) => {
        if (tabId === undefined) return;
        // The popup closes once the page has answered at all; its reply is not read.
        void browser.tabs.sendMessage(tabId, { type: 'revealTerm', id } satisfies ToContent, { frameId: 0 }).then(
          () => window.close(),
          () => undefined,
        );
      }}
      onRequestAccess={() => void browser.permissions.request({ origins: READ_ORIGINS }).then(setHostAccess)}
      search={<SearchBox id="popup-search" {...search} onOpen={openResult} />}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
