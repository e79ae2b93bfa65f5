/** Content script entry: reads settings, starts PLAO Lens on this frame, and answers the popup. */
import type { Runtime } from 'webextension-polyfill';
import compactMatcher from 'plao:knowledge/matcher';
import {
  guidePath,
  parseTermCard,
  parseToContent,
  type FoundReply,
  type PageTermsReply,
  type ToBackground,
} from '../core/messages';
import { isSiteEnabled, parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import { decodeMatcher } from '../core/matcher/compact';
import { ext as browser } from './extension-api';
import { whenText } from './first-text';
import { Lens } from './lens';

function send(msg: ToBackground): void {
  browser.runtime.sendMessage(msg).catch(() => {
    // The background may be restarting; a lost termsFound or openGuidance is retried by the user.
  });
}

async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]).settings;
  } catch {
    return parseSettings(undefined).settings;
  }
}

/** The site a frame belongs to: an about:blank or srcdoc frame has no address, only its creator's origin. */
function siteHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(self.origin).hostname;
  } catch {
    return ''; // an opaque origin
  }
}

async function main(): Promise<void> {
  if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG documents: leave alone.
  const isTop = window === window.top;
  // A frame without reading text (an ad slot, about:blank) sets nothing up until text arrives.
  // The top frame starts at once: it answers the popup for the tab.
  if (!isTop) await whenText(document);
  const matcher = decodeMatcher(compactMatcher);
  let lens: Lens | undefined;
  const apply = (settings: Settings) => {
    const on = isSiteEnabled(settings, siteHost());
    if (on && !lens) {
      lens = new Lens({
        matcher,
        getCard: async (id) =>
          parseTermCard(await browser.runtime.sendMessage({ type: 'getTermCard', id } satisfies ToBackground)),
        settings,
        guideHref: (a, s) => browser.runtime.getURL(guidePath(a, s)),
        openGuide: (article, section) => send({ type: 'openGuidance', article, section }),
        reportTerms: (distinct) => isTop && send({ type: 'termsFound', distinct }),
        ...(__BENCH__
          ? {
              onScanned: (stats) =>
                document.documentElement.setAttribute('data-plao-lens-bench', JSON.stringify(stats)),
            }
          : {}),
      });
      lens.start();
    } else if (!on && lens) {
      lens.destroy();
      lens = undefined;
      if (isTop) send({ type: 'termsFound', distinct: 0 });
    } else lens?.updateSettings(settings);
  };
  apply(await readSettings());

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) apply(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  });

  /**
   * Replies go through sendResponse (Chromium ignores a promise returned by a listener); `true`
   * keeps the channel open for an answer that comes later.
   */
  const onMessage = (raw: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    if (sender.id !== browser.runtime.id) return false;
    const msg = parseToContent(raw);
    if (!msg) return false;
    const answer = (found: Promise<boolean> | undefined) => {
      void (found ?? Promise.resolve(false)).then((f) => sendResponse({ found: f } satisfies FoundReply));
      return true;
    };
    switch (msg.type) {
      case 'getPageTerms':
        if (!isTop) return false; // the top frame speaks for the tab
        sendResponse({ terms: lens?.pageTerms() ?? [], host: location.hostname } satisfies PageTermsReply);
        return false;
      case 'revealTerm':
        return isTop ? answer(lens?.reveal(msg.id)) : false;
      case 'stepTerm':
        return isTop ? answer(lens?.step(msg.direction)) : false;
      case 'explainSelection':
        return answer(lens?.explainSelection());
    }
  };
  browser.runtime.onMessage.addListener(onMessage as unknown as Runtime.OnMessageListener);
}

void main();
