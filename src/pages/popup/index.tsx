/** Toolbar popup: the terms PLAO Lens found on the current page. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import knowledge from 'plao:knowledge/full';
import { parsePageTermsReply, type PageTerm, type ToContent } from '../../core/messages';
import { PopupView, type PopupState } from './PopupView';

/** The tab the popup is about: the active tab, or `?tab=ID` when opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadTerms(): Promise<PageTerm[] | undefined> {
  const tabId = await currentTabId();
  if (tabId === undefined) return undefined;
  const request: ToContent = { type: 'getPageTerms' };
  try {
    return parsePageTermsReply(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }))?.terms;
  } catch {
    return undefined; // No content script here: a browser page, a store page, or no host access.
  }
}

function Popup() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  useEffect(() => {
    const names = new Map(knowledge.terms.map((t) => [t.id, t.name]));
    void loadTerms().then((terms) =>
      setState(
        terms
          ? { status: 'ready', terms: terms.map((t) => ({ ...t, name: names.get(t.id) ?? t.id })) }
          : { status: 'unavailable' },
      ),
    );
  }, []);
  return <PopupView state={state} glossaryHref={browser.runtime.getURL('pages/glossary.html')} />;
}

render(<Popup />, document.getElementById('app')!);
