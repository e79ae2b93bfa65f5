/** Content script entry: reads settings, starts PLAO Lens on this frame, and answers the popup. */
import type { Runtime } from 'webextension-polyfill';
import compactMatcher from 'plao:knowledge/matcher';
import {
  guidePath,
  parseTermCard,
  parseTermExtras,
  parseToContent,
  type FoundReply,
  type PageTermsReply,
  type ToBackground,
} from '../core/messages';
import { isSiteEnabled, parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import { decodeMatcher } from '../core/matcher/compact';
import { hiddenChanged, withoutTerms } from '../core/hidden-terms';
import { withExtras } from './card-extras';
import { ext as browser } from './extension-api';
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

async function main(): Promise<void> {
  const matcher = decodeMatcher(compactMatcher);
  if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG documents: leave alone.
  const isTop = window === window.top;
  let lens: Lens | undefined;
  let hidden: string[] = [];
  const apply = (settings: Settings) => {
    const on = isSiteEnabled(settings, location.hostname);
    // A term hidden or shown again: read the page anew with the terms now wanted.
    if (lens && hiddenChanged(hidden, settings.hiddenTerms)) {
      lens.destroy();
      lens = undefined;
      if (isTop) send({ type: 'termsFound', distinct: 0 }); // the new reading reports its own count
    }
    hidden = settings.hiddenTerms;
    if (on && !lens) {
      const ask = (msg: ToBackground): Promise<unknown> => browser.runtime.sendMessage(msg);
      lens = new Lens({
        matcher: withoutTerms(matcher, hidden),
        getCard: async (id) => {
          const [card, extras] = await Promise.all([
            ask({ type: 'getTermCard', id }),
            ask({ type: 'getTermExtras', id }),
          ]);
          return withExtras(parseTermCard(card), parseTermExtras(extras));
        },
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
