/**
 * The popover: one host element, created on first use, holding a closed shadow root (open only in
 * the test build) so the page cannot read which health terms a person looks at. Styles are an
 * adopted constructable stylesheet, which a page's CSP does not block (Firefox applies the page
 * CSP to <style> a content script inserts). The host sits in the top layer (Popover API), so no
 * page z-index covers it, and its own inline !important styles beat any page rule.
 */
import { computePosition, flip, offset, platform, shift, type Platform } from '@floating-ui/dom';
import { render } from 'preact';
import type { TermCard as Card } from '../core/knowledge/types';
import { TermCard } from '../ui/TermCard';
import cardCss from '../ui/term-card.css';
import { HOST_TAG } from './blocks';
import { CardActions, CardSayIt } from './card-extras';
import popoverCss from './popover.css';

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', 'auto'],
  ['top', '0px'],
  ['left', '0px'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['background', 'transparent'],
  ['overflow', 'visible'],
  ['width', 'max-content'],
  ['max-width', 'min(360px, calc(100vw - 16px))'],
  ['z-index', '2147483647'],
  ['color-scheme', 'light dark'],
];

/**
 * The host is in the top layer: its coordinates are the viewport's whatever the page does to
 * <html> (a transform there is not a scroll offset, as floating-ui would otherwise assume).
 */
const viewportPlatform: Platform = {
  ...platform,
  getElementRects: ({ reference, floating }) => {
    const r = reference.getBoundingClientRect();
    const f = floating.getBoundingClientRect();
    return {
      reference: { x: r.x, y: r.y, width: r.width, height: r.height },
      floating: { x: 0, y: 0, width: f.width, height: f.height },
    };
  },
};

export interface ShowOptions {
  card: Card;
  anchor: Range;
  guideHref: string;
  onOpenGuide: () => void;
  /** Move focus into the popover (keyboard users). */
  focus?: boolean;
}

export class PopoverHost {
  #host: HTMLElement | undefined;
  #shadow: ShadowRoot | undefined;
  #stopAutoUpdate: (() => void) | undefined;
  #open = false;

  readonly #hooks: { onPointerInside: (inside: boolean) => void };

  constructor(hooks: { onPointerInside: (inside: boolean) => void }) {
    this.#hooks = hooks;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Whether an event target is the popover (the host, as seen from the page). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.#host;
  }

  show(opts: ShowOptions): void {
    const host = this.#ensureHost();
    const shadow = this.#shadow!;
    render(
      <div class="popover" role="dialog" aria-labelledby="plao-lens-name" tabIndex={-1}>
        <TermCard
          card={opts.card}
          guideHref={opts.guideHref}
          nameId="plao-lens-name"
          afterName={<CardSayIt card={opts.card} />}
          actions={<CardActions card={opts.card} />}
          onOpenGuide={(e) => {
            e.preventDefault();
            opts.onOpenGuide();
          }}
        />
      </div>,
      shadow,
    );
    host.style.setProperty('display', 'block', 'important');
    // The host inherits a zoom the page sets on <html>; undo it so its coordinates are the
    // viewport's (Chromium 128+, Firefox 126+ report currentCSSZoom).
    const zoom = (document.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    host.style.setProperty('zoom', String(1 / zoom), 'important');
    // Asked of the host itself: the page may have removed it (and we put it back) while open.
    if (!host.matches(':popover-open')) {
      try {
        host.showPopover?.();
      } catch {
        // No Popover API, or not in the document: the fixed position and z-index still apply.
      }
    }
    this.#open = true;
    const reference = {
      getBoundingClientRect: () => opts.anchor.getBoundingClientRect(),
      getClientRects: () => opts.anchor.getClientRects(),
    };
    const place = () =>
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
        platform: viewportPlatform,
      }).then(({ x, y }) => {
        host.style.setProperty('left', `${Math.round(x)}px`, 'important');
        host.style.setProperty('top', `${Math.round(y)}px`, 'important');
      });
    place();
    // Follow the term when the page scrolls (any scroller) or the window resizes or zooms, at
    // most once a frame. (floating-ui's autoUpdate does more, at three times the size.)
    this.#stopAutoUpdate?.();
    const follow = new AbortController();
    let frame = 0;
    const onMove = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
    };
    addEventListener('scroll', onMove, { capture: true, passive: true, signal: follow.signal });
    addEventListener('resize', onMove, { passive: true, signal: follow.signal });
    this.#stopAutoUpdate = () => {
      follow.abort();
      cancelAnimationFrame(frame);
    };
    if (opts.focus) shadow.querySelector<HTMLElement>('.popover')?.focus();
  }

  hide(): void {
    if (!this.#open || !this.#host) return;
    this.#open = false;
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = undefined;
    try {
      this.#host.hidePopover?.();
    } catch {
      // Already hidden by the browser (light dismiss does not apply to manual popovers).
    }
    this.#host.style.setProperty('display', 'none', 'important');
    if (this.#shadow) render(null, this.#shadow);
  }

  /**
   * The highlight style, as an attribute on the host: the manifest's content CSS styles
   * ::highlight(plao-lens) by it (`:root:has(> plao-lens[data-style=…])`), out of the page's CSP.
   */
  setHighlightStyle(style: string): void {
    if (style === 'background' && !this.#host) return;
    this.#ensureHost().setAttribute('data-style', style);
  }

  /** Whether focus is inside the popover. */
  hasFocus(): boolean {
    return document.activeElement === this.#host;
  }

  destroy(): void {
    this.hide();
    this.#host?.remove();
    this.#host = undefined;
    this.#shadow = undefined;
  }

  #ensureHost(): HTMLElement {
    if (this.#host?.isConnected) return this.#host;
    const host = this.#host ?? this.#createHost();
    document.documentElement.appendChild(host);
    this.#host = host;
    return host;
  }

  #createHost(): HTMLElement {
    let host = document.createElement(HOST_TAG);
    // A page that defined <plao-lens> itself would own the element's class, and through
    // attachInternals() could read even a closed shadow root. Then use a name it cannot know.
    if (host.matches(':defined')) host = document.createElement(`${HOST_TAG}-${crypto.randomUUID().slice(0, 8)}`);
    for (const [k, v] of HOST_STYLE) host.style.setProperty(k, v, 'important');
    // Text spacing stays adjustable by the reader's own stylesheets (WCAG 1.4.12); inside, the
    // popover sets its own.
    for (const k of ['letter-spacing', 'word-spacing', 'line-height']) host.style.removeProperty(k);
    host.style.setProperty('display', 'none', 'important');
    if ('popover' in host) host.popover = 'manual';
    const shadow = host.attachShadow({ mode: __TEST__ ? 'open' : 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss + '\n' + popoverCss);
    shadow.adoptedStyleSheets = [sheet];
    host.addEventListener('pointerenter', () => this.#hooks.onPointerInside(true));
    host.addEventListener('pointerleave', () => this.#hooks.onPointerInside(false));
    this.#shadow = shadow;
    return host;
  }
}
