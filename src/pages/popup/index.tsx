/** Toolbar popup: the terms on this page, the per-site switch and pause, and glossary search. */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { READ_ORIGINS } from '../../core/permissions';
import knowledge from 'plao:knowledge/full';
import { guidePath, parsePageTermsReply, type ToContent } from '../../core/messages';
import { searchFor, type SearchResult } from '../../core/search';
import {
  isSiteEnabled,
  parseSettings,
  SETTINGS_KEY,
  setSiteEnabled,
  toStored,
  type Settings,
} from '../../core/settings';
import { SearchBox, useSearch } from '../../ui/SearchBox';
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
  const request: ToContent = { type: 'getPageTerms' };
  // No content script here (a browser page, a store page, or no host access): nothing to show.
  const reply = parsePageTermsReply(
    await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined),
  );
  if (!reply) return { status: 'unavailable' };
  const names = new Map(knowledge.terms.map((t) => [t.id, t.name]));
  return {
    status: 'ready',
    host: reply.host,
    terms: reply.terms.map((t) => ({ ...t, name: names.get(t.id) ?? t.id })),
  };
}

function useSettings(): [Settings, (s: Settings) => void] {
  const [settings, setSettings] = useState<Settings>(parseSettings(undefined).settings);
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get(SETTINGS_KEY).then((v) => setSettings(parseSettings(v[SETTINGS_KEY]).settings));
    read();
    browser.storage.onChanged.addListener(read);
    return () => browser.storage.onChanged.removeListener(read);
  }, []);
  const save = (s: Settings) => void browser.storage.local.set({ [SETTINGS_KEY]: toStored(s) });
  return [settings, save];
}

/** Opens a search result in a new tab: the glossary entry, or the guidance section. */
function openResult(r: SearchResult): void {
  const path = r.kind === 'term' ? `pages/glossary.html#${r.id}` : guidePath(r.article, r.section);
  void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => {
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
}

function Popup() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [hostAccess, setHostAccess] = useState(true);
  const [settings, save] = useSettings();
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
      glossaryHref={url('pages/glossary.html')}
      guideHref={url('pages/guide.html')}
      optionsHref={url('pages/options.html')}
      questionsHref={url('pages/questions.html')}
      onSiteSwitch={(on) => {
        save(setSiteEnabled(settings, host, on));
        // The page reads itself again when switched on; ask for its terms once it has.
        setTimeout(() => refresh(tabId), 600);
      }}
      onPause={(paused) => {
        save({ ...settings, enabled: !paused });
        setTimeout(() => refresh(tabId), 600);
      }}
      onReveal={(id) => {
        if (tabId === undefined) return;
        const request: ToContent = { type: 'revealTerm', id };
        void browser.tabs.sendMessage(tabId, request, { frameId: 0 }).then(
          () => window.close(),
          () => undefined,
        );
      }}
      onRequestAccess={() => void browser.permissions.request({ origins: READ_ORIGINS }).then(setHostAccess)}
      search={
        <SearchBox
          id="popup-search"
          query={search.query}
          results={search.results}
          onQueryChange={search.setQuery}
          onOpen={openResult}
          onFocus={search.prepare}
        />
      }
    />
  );
}

render(<Popup />, document.getElementById('app')!);
