/**
 * When, for which term and on which surface a card shows. The display state says why a card is
 * open, which decides where it shows and what closes it:
 * - hover: the pointer rests on a term (a dwell before showing, a grace period before hiding, open
 *   while the pointer is inside: WCAG 1.4.13); the popover beside the term;
 * - pinned: opened with focus inside by keyboard, popup and context-menu users, who get their focus
 *   back when it closes; the popover;
 * - touch: a tap; the bottom sheet on a narrow screen, else the popover; a tap outside closes it.
 */
import type { TermCard } from '../core/knowledge/types';
import { focusBack } from './focus-back';
import { liveRange, type PageMatch } from './match-index';
import { AnchoredPopover } from './surface/popover';
import { BottomSheet, narrowScreen } from './surface/sheet';
import { ShadowHost } from './surface/shadow-host';
import cardCss from '../ui/term-card.css';
import frameCss from './surface/frame.css';
import popoverCss from './surface/popover.css';
import sheetCss from './surface/sheet.css';
import type { Surface } from './surface/surface';

export interface ExplainerDeps {
  /** Term ids by term number. */
  terms: readonly string[];
  getCard: (id: string) => Promise<TermCard | undefined>;
  guideHref: (article: string, section: string) => string;
  openGuide: (article: string, section: string) => void;
  /** The dwell before a hovered term's popover opens, in ms (a setting). */
  delay: () => number;
}

export type DisplayKind = 'hover' | 'pinned' | 'touch';

type Display = { kind: 'closed' } | { kind: DisplayKind; match: PageMatch; surface: Surface };

const HIDE_GRACE = 400;
const CLOSED: Display = { kind: 'closed' };

/** The page link a term is part of, if any. */
function linkAround(m: PageMatch): HTMLAnchorElement | null {
  const node = m.range.startContainer;
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest<HTMLAnchorElement>('a[href]') ?? null;
}

export class Explainer {
  readonly #host: ShadowHost;
  readonly #popover: AnchoredPopover;
  readonly #sheet: BottomSheet;
  readonly #cards = new Map<number, Promise<TermCard | undefined>>();
  #display: Display = CLOSED;
  /** The match whose card is about to show (it may still be on its way). */
  #pending: PageMatch | null = null;
  #pointerIsInside = false;
  /** The linked term tapped last: the next tap on it follows its link. */
  #linkTapped: PageMatch | null = null;
  #returnFocus: HTMLElement | null = null;
  /** What to tell a screen reader if the card goes away with focus inside (its term was hidden). */
  #farewell = '';
  #dwellTimer: ReturnType<typeof setTimeout> | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #deps: ExplainerDeps;
  readonly #signal: AbortSignal;

  constructor(deps: ExplainerDeps, signal: AbortSignal) {
    this.#deps = deps;
    this.#signal = signal;
    const host = new ShadowHost({
      // The shared frame last: its reduced-motion rule overrides the surfaces' animations.
      styles: [cardCss, popoverCss, sheetCss, frameCss].join('\n'),
      onPointerInside: (inside) => this.#pointerInside(inside),
    });
    this.#host = host;
    this.#popover = new AnchoredPopover(host);
    this.#sheet = new BottomSheet(host, () => this.close(false));
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.#surface?.isOpen) this.close(true);
      },
      { capture: true, signal },
    );
  }

  /** The page's one shadow host (the painter marks the highlight style on it). */
  get host(): ShadowHost {
    return this.#host;
  }

  /**
   * Readies the card's host ahead of the first hover, and renders `term`'s card once where nobody
   * sees it (the page has terms; called when idle). The card stays cached for its hover.
   */
  prepare(term: number): void {
    if (this.#signal.aborted) return;
    this.#host.prepare();
    void this.#card(term).then((card) => {
      if (!card || this.#signal.aborted || this.#display.kind !== 'closed') return;
      const { article, section } = card.guide;
      this.#popover.warm({
        card,
        anchor: new Range(),
        guideHref: this.#deps.guideHref(article, section),
        onOpenGuide: () => undefined,
        focus: false,
      });
    });
  }

  get current(): PageMatch | null {
    return this.#display.kind === 'closed' ? null : this.#display.match;
  }

  /** The pointer now rests on `m` (or on no term). */
  hover(m: PageMatch | null, target: EventTarget | null): void {
    clearTimeout(this.#dwellTimer);
    this.#pending = null;
    if (m) {
      clearTimeout(this.#hideTimer);
      if (m === this.current) return;
      void this.#card(m.term); // fetched during the dwell, so showing costs no wait
      this.#dwellTimer = setTimeout(() => void this.#show(m, 'hover'), this.#deps.delay());
    } else if (this.#surface?.isOpen && !this.#surface.contains(target) && this.#display.kind !== 'touch') {
      this.#scheduleHide();
    }
  }

  /**
   * A tap: open at once; a tap outside any term closes. A term inside a link is explained on the
   * first tap, and the sheet says where the link goes; a tap on the same term while its card shows
   * follows the link. Returns whether the tap was used (the link's navigation must then wait).
   */
  tap(m: PageMatch | null, target: EventTarget | null): boolean {
    if (m) {
      // The second tap on a linked term follows the link, even if its card could not be shown.
      const linked = !!linkAround(m);
      if (linked && (m === this.current || m === this.#linkTapped)) {
        this.#linkTapped = null;
        this.close(false);
        return false;
      }
      this.#linkTapped = linked ? m : null;
      void this.#show(m, 'touch');
      return linked;
    }
    this.#linkTapped = null;
    if (this.#surface?.isOpen && !this.#surface.contains(target)) this.close(false);
    return false;
  }

  /** Opens the card for `m` now, with focus inside (keyboard, popup, context menu). */
  async open(m: PageMatch): Promise<boolean> {
    const active = document.activeElement;
    if (!this.#host.hasFocus())
      this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    return this.#show(m, 'pinned');
  }

  /** Closes the card; after a keyboard open, focus goes back where it was. */
  close(restoreFocus: boolean): void {
    const hadFocus = this.#host.hasFocus();
    this.#surface?.hide();
    if (restoreFocus && hadFocus) this.#giveFocusBack();
    this.#display = CLOSED;
    this.#returnFocus = null;
  }

  /** Closes the card if its term left the page. */
  checkStillThere(): void {
    const m = this.current;
    if (m && !m.range.startContainer.isConnected) this.close(false);
  }

  /**
   * Removes the card and its host. Focus inside (the reader just hid the card's term, and the page
   * is read anew) goes back first, not with the host to <body>; a screen reader then hears what
   * happened.
   */
  destroy(): void {
    clearTimeout(this.#dwellTimer);
    clearTimeout(this.#hideTimer);
    const hadFocus = this.#host.hasFocus();
    if (hadFocus) this.#giveFocusBack();
    this.#popover.destroy();
    this.#sheet.destroy();
    if (hadFocus && this.#farewell) this.#host.destroyAfterSaying(this.#farewell);
    else this.#host.destroy();
    this.#display = CLOSED;
    this.#pending = null;
    this.#returnFocus = null;
  }

  /** Where focus was before the card opened; if gone, beside the term the card explains. */
  #giveFocusBack(): void {
    focusBack(this.#returnFocus, this.current?.range.startContainer ?? null);
  }

  get #surface(): Surface | undefined {
    return this.#display.kind === 'closed' ? undefined : this.#display.surface;
  }

  #card(term: number): Promise<TermCard | undefined> {
    let card = this.#cards.get(term);
    if (!card) {
      card = this.#deps.getCard(this.#deps.terms[term]!).catch(() => undefined);
      this.#cards.set(term, card);
      // A background that was restarting answers nothing: ask again next time.
      void card.then((c) => c || this.#cards.delete(term));
    }
    return card;
  }

  async #show(m: PageMatch, kind: DisplayKind): Promise<boolean> {
    this.#pending = m;
    const card = await this.#card(m.term);
    if (this.#pending !== m || !card || !m.range.startContainer.isConnected || this.#signal.aborted) return false;
    this.#pending = null;
    const surface = kind === 'touch' && narrowScreen() ? this.#sheet : this.#popover;
    if (this.#surface !== surface) this.#surface?.hide();
    this.#display = { kind, match: m, surface };
    const { article, section } = card.guide;
    const link = kind === 'touch' ? linkAround(m) : null;
    surface.show({
      card,
      anchor: liveRange(m.range),
      guideHref: this.#deps.guideHref(article, section),
      onOpenGuide: () => this.#deps.openGuide(article, section),
      ...(link ? { link: link.hostname || link.href } : {}),
      focus: kind === 'pinned',
      onHiding: (said) => (this.#farewell = said),
    });
    return true;
  }

  #pointerInside(inside: boolean): void {
    this.#pointerIsInside = inside;
    if (inside) clearTimeout(this.#hideTimer);
    else if (this.#display.kind !== 'touch') this.#scheduleHide();
  }

  #scheduleHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => {
      if (!this.#pointerIsInside && !this.#host.hasFocus()) this.close(false);
    }, HIDE_GRACE);
  }
}
