/**
 * When and for which term the popover shows: hover intent (a dwell before showing, a grace period
 * before hiding, open while the pointer is inside: WCAG 1.4.13), a tap on touch screens, and
 * immediate opening with focus for keyboard, popup and context-menu users, who get their focus
 * back when it closes.
 */
import type { TermCard } from '../core/knowledge/types';
import { PopoverHost } from './popover';
import type { PageMatch } from './match-index';

export interface ExplainerDeps {
  /** Term ids by term number. */
  terms: readonly string[];
  getCard: (id: string) => Promise<TermCard | undefined>;
  guideHref: (article: string, section: string) => string;
  openGuide: (article: string, section: string) => void;
  /** The dwell before a hovered term's popover opens, in ms (a setting). */
  delay: () => number;
}

const HIDE_GRACE = 400;

export class Explainer {
  readonly #popover: PopoverHost;
  readonly #cards = new Map<number, Promise<TermCard | undefined>>();
  #shown: PageMatch | null = null;
  /** The match whose popover is about to open (its card may still be on its way). */
  #pending: PageMatch | null = null;
  #pointerInside = false;
  #returnFocus: HTMLElement | null = null;
  #dwellTimer: ReturnType<typeof setTimeout> | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #deps: ExplainerDeps;
  readonly #signal: AbortSignal;

  constructor(deps: ExplainerDeps, signal: AbortSignal) {
    this.#deps = deps;
    this.#signal = signal;
    this.#popover = new PopoverHost({
      onPointerInside: (inside) => {
        this.#pointerInside = inside;
        if (inside) clearTimeout(this.#hideTimer);
        else this.#scheduleHide();
      },
    });
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.#popover.isOpen) this.close(true);
      },
      { capture: true, signal },
    );
  }

  get current(): PageMatch | null {
    return this.#shown;
  }

  /** The pointer now rests on `m` (or on no term). */
  hover(m: PageMatch | null, target: EventTarget | null): void {
    clearTimeout(this.#dwellTimer);
    this.#pending = null;
    if (m) {
      clearTimeout(this.#hideTimer);
      if (m === this.#shown) return;
      void this.#card(m.term); // fetched during the dwell, so showing costs no wait
      this.#dwellTimer = setTimeout(() => void this.#show(m, false), this.#deps.delay());
    } else if (this.#popover.isOpen && !this.#popover.contains(target)) {
      this.#scheduleHide();
    }
  }

  /** A tap: open at once; a tap outside any term closes. */
  tap(m: PageMatch | null, target: EventTarget | null): void {
    if (m) void this.#show(m, false);
    else if (this.#popover.isOpen && !this.#popover.contains(target)) this.close(false);
  }

  /** Opens the popover for `m` now, with focus inside (keyboard, popup, context menu). */
  async open(m: PageMatch): Promise<boolean> {
    const active = document.activeElement;
    if (!this.#popover.hasFocus())
      this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    return this.#show(m, true);
  }

  /** Closes the popover; after a keyboard open, focus goes back where it was. */
  close(restoreFocus: boolean): void {
    const hadFocus = this.#popover.hasFocus();
    this.#popover.hide();
    this.#shown = null;
    if (restoreFocus && hadFocus) this.#returnFocus?.focus();
    this.#returnFocus = null;
  }

  /** Closes the popover if its term left the page. */
  checkStillThere(): void {
    if (this.#shown && !this.#shown.range.startContainer.isConnected) this.close(false);
  }

  setHighlightStyle(style: string): void {
    this.#popover.setHighlightStyle(style);
  }

  destroy(): void {
    clearTimeout(this.#dwellTimer);
    clearTimeout(this.#hideTimer);
    this.#popover.destroy();
    this.#shown = null;
    this.#pending = null;
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

  async #show(m: PageMatch, focus: boolean): Promise<boolean> {
    this.#pending = m;
    const card = await this.#card(m.term);
    if (this.#pending !== m || !card || !m.range.startContainer.isConnected || this.#signal.aborted) return false;
    this.#pending = null;
    this.#shown = m;
    const { article, section } = card.guide;
    this.#popover.show({
      card,
      anchor: m.range,
      guideHref: this.#deps.guideHref(article, section),
      onOpenGuide: () => this.#deps.openGuide(article, section),
      focus,
    });
    return true;
  }

  #scheduleHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => {
      if (!this.#pointerInside && !this.#popover.hasFocus()) this.close(false);
    }, HIDE_GRACE);
  }
}
