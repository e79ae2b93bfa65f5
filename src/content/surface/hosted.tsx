/**
 * What the popover and the bottom sheet share: the card they render, being open in the one shadow
 * host (guarded against the page while open), and following the page at most once a frame until
 * hidden. Each surface adds only its own frame around the card and its own placement.
 */
import { render, type VNode } from 'preact';
import { TermCard } from '../../ui/TermCard';
import { cardExtras } from '../card-extras';
import type { Box } from './place';
import { lower, raise, type ShadowHost } from './shadow-host';
import type { Surface, SurfaceContent } from './surface';

/** The term's card, with its extras, as both surfaces show it. */
export function cardView(content: SurfaceContent): VNode {
  return (
    <TermCard
      card={content.card}
      {...cardExtras(content.card, content.onHiding)}
      guideHref={content.guideHref}
      nameId="plao-lens-name"
      onOpenGuide={(e) => {
        e.preventDefault();
        content.onOpenGuide();
      }}
    />
  );
}

/**
 * The visual viewport's box, where both surfaces place their host. The host is in the top layer,
 * so the visual viewport is its only clipping box and its coordinates are the viewport's whatever
 * the page does to <html> (a transform there is not a scroll offset, as a DOM positioning library
 * would assume).
 */
export function visibleViewport(): Box {
  const vv = visualViewport;
  return vv
    ? { x: vv.offsetLeft, y: vv.offsetTop, width: vv.width, height: vv.height }
    : { x: 0, y: 0, width: innerWidth, height: innerHeight };
}

export abstract class HostedSurface implements Surface {
  #open = false;
  #stopFollowing: (() => void) | undefined;
  protected readonly shadow: ShadowHost;

  constructor(shadow: ShadowHost) {
    this.shadow = shadow;
  }

  abstract show(content: SurfaceContent): void;

  get isOpen(): boolean {
    return this.#open;
  }

  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.shadow.element;
  }

  /** Renders `view` into the shadow host, attaching the host to the page if it is not there. */
  protected mount(view: VNode): { host: HTMLElement; root: ShadowRoot } {
    const attached = this.shadow.attach();
    render(view, attached.root);
    return attached;
  }

  /**
   * Renders `view` once into the prepared host while the page has never seen it, then clears it: the
   * first card shown finds Preact and the card's code warm, so the hover pays for less than a first run.
   */
  protected warmWith(view: VNode): void {
    const { element, root } = this.shadow;
    if (this.#open || !element || !root || element.isConnected) return;
    render(view, root);
    render(null, root);
  }

  /**
   * Marks the surface open, places it, and places it again at most once a frame whenever one of
   * the events `subscribe` listens to fires, until it is hidden.
   */
  protected open(
    host: HTMLElement,
    place: () => void,
    subscribe: (onChange: () => void, signal: AbortSignal) => void,
  ): void {
    raise(host);
    this.#open = true;
    this.shadow.guard(true);
    place();
    this.#stopFollowing?.();
    const follow = new AbortController();
    let frame = 0;
    subscribe(() => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
    }, follow.signal);
    this.#stopFollowing = () => {
      follow.abort();
      cancelAnimationFrame(frame);
    };
  }

  hide(): void {
    const host = this.shadow.element;
    if (!this.#open || !host) return;
    this.#open = false;
    this.shadow.guard(false);
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    lower(host);
    if (this.shadow.root) render(null, this.shadow.root);
  }

  hasFocus(): boolean {
    return this.shadow.hasFocus();
  }

  destroy(): void {
    this.hide();
  }
}
