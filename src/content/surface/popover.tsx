/**
 * The anchored popover: the card beside its term, following it as the page scrolls or zooms. The
 * first implementation of the display surface, used for hover, the keyboard and wide screens.
 */
import { cardView, HostedSurface, visibleViewport } from './hosted';
import { placeCard } from './place';
import { pageZoom, setHostStyle } from './shadow-host';
import type { SurfaceContent } from './surface';

export class AnchoredPopover extends HostedSurface {
  /** A render of `content` where nobody sees it, ahead of the first hover (see `warmWith`). */
  warm(content: SurfaceContent): void {
    this.warmWith(this.#view(content));
  }

  #view(content: SurfaceContent) {
    return (
      <div class="popover" role="dialog" aria-labelledby="plao-lens-name" tabIndex={-1}>
        {cardView(content)}
      </div>
    );
  }

  show(content: SurfaceContent): void {
    // Read before the writes below, so it does not force a style pass of its own.
    const zoom = pageZoom();
    const { host, root } = this.mount(this.#view(content));
    for (const [k, v] of [
      ['top', '0px'],
      ['left', '0px'],
      ['width', 'max-content'],
      ['height', 'auto'],
      ['max-width', 'min(360px, calc(100vw - 16px))'],
      ['transform', 'none'],
      ['pointer-events', 'auto'],
    ])
      setHostStyle(host, k!, v!);
    // The host inherits a zoom the page sets on <html>; undo it so its coordinates are the viewport's.
    setHostStyle(host, 'zoom', String(1 / zoom));
    const place = () => {
      // Measured at its full height each time, so it grows back when there is room again.
      setHostStyle(host, 'max-height', 'none');
      const term = content.anchor.getBoundingClientRect();
      const view = visibleViewport();
      const card = host.getBoundingClientRect();
      const { x, y: below, placement } = placeCard(term, card, view);
      let y = below;
      // A card taller than the room on its side (safety lines, warning signs, its actions) is cut
      // to that room and scrolls inside, so its end stays reachable.
      const above = placement.startsWith('top');
      const room = Math.max(120, above ? term.top - 14 - view.y : view.y + view.height - 8 - y);
      if (card.height > room) {
        setHostStyle(host, 'max-height', `${Math.floor(room)}px`);
        if (above) y = term.top - 6 - room;
      }
      setHostStyle(host, 'left', `${Math.round(x)}px`);
      setHostStyle(host, 'top', `${Math.round(y)}px`);
    };
    // The first placement waits for the browser's own layout of the new card (a ResizeObserver calls
    // back after layout, before paint), instead of forcing one from script inside the hover.
    let laidOut = false;
    const placeAfterLayout = () => {
      if (laidOut) return place();
      laidOut = true;
      const ro = new ResizeObserver(() => (ro.disconnect(), place()));
      ro.observe(host);
    };
    // Follow the term when the page scrolls (any scroller) or the window resizes or zooms.
    this.open(host, placeAfterLayout, (onChange, signal) => {
      addEventListener('scroll', onChange, { capture: true, passive: true, signal });
      addEventListener('resize', onChange, { passive: true, signal });
    });
    if (content.focus) root.querySelector<HTMLElement>('.popover')?.focus();
  }
}
