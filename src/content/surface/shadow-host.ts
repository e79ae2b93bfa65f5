/**
 * The one element PLAO Lens adds to a page: a host holding a closed shadow root (open only in the
 * test build) so the page cannot read which health terms a person looks at. This module only
 * creates, defends, re-creates and destroys it; what shows inside is a surface's business. Styles
 * are an adopted constructable stylesheet, which a page's CSP does not block (Firefox applies the
 * page CSP to <style> a content script inserts). Its own inline !important styles beat any page rule.
 */
import { HOST_TAG } from '../blocks';

/** The host's inline style, every declaration made !important when set (see `#create`). */
const HOST_STYLE =
  'all:initial;position:fixed;inset:auto;margin:0;padding:0;border:0;background:transparent;' +
  'overflow:visible;z-index:2147483647;color-scheme:light dark;display:none';

/** Unseen, yet read by screen readers: the host while it only says something (see `destroyAfterSaying`). */
const SAYING_STYLE = 'all:initial!important;position:fixed!important;clip-path:inset(50%)!important';
/** A live region's text is read when it changes, not when it arrives with the region. */
const SAY_AFTER = 150;
/** Time enough to read a short sentence after the element that got focus is announced. */
const SAID_AFTER = 7000;

/** A page that removes the host as fast as it comes back gets it back this often, then less. */
const REATTACH_BURST = 5;
const REATTACH_WINDOW = 1000;
const REATTACH_BACKOFF = 1000;

export interface ShadowHostOptions {
  /** CSS for everything shown inside. */
  styles: string;
  onPointerInside?: (inside: boolean) => void;
}

export class ShadowHost {
  #host: HTMLElement | undefined;
  #root: ShadowRoot | undefined;
  #observer: MutationObserver | undefined;
  #reattaches: number[] = [];
  #backoff: ReturnType<typeof setTimeout> | undefined;
  readonly #options: ShadowHostOptions;

  constructor(options: ShadowHostOptions) {
    this.#options = options;
  }

  /** The host as the page sees it (events inside the root are retargeted to it), if created. */
  get element(): HTMLElement | undefined {
    return this.#host;
  }

  /** The shadow root, if the host exists. */
  get root(): ShadowRoot | undefined {
    return this.#root;
  }

  /**
   * Creates the host, its root and its stylesheet without putting it in the document, so the first
   * card shown costs only its render and placement. The page sees nothing until `attach`.
   */
  prepare(): void {
    if (!this.#host) this.#create();
  }

  /** The host in the document (created on first use, put back if the page removed it) and its root. */
  attach(): { host: HTMLElement; root: ShadowRoot } {
    this.prepare();
    const host = this.#host!;
    if (!host.isConnected) document.documentElement.appendChild(host);
    return { host, root: this.#root! };
  }

  /** An attribute on the host; the host is created for it only when `create` is true. */
  mark(name: string, value: string, create: boolean): void {
    if (!this.#host && !create) return;
    this.attach().host.setAttribute(name, value);
  }

  /** Whether focus is inside the host. */
  hasFocus(): boolean {
    return !!this.#host && document.activeElement === this.#host;
  }

  /**
   * While something is shown, a page that removes the host gets it back at once (a MutationObserver,
   * not a poll). A page that removes it again as fast as it returns gets it back at most
   * REATTACH_BURST times a second, then after a pause: no fight loop burns the reader's battery.
   */
  guard(on: boolean): void {
    if (!on) {
      this.#observer?.disconnect();
      clearTimeout(this.#backoff);
      this.#backoff = undefined;
      return;
    }
    this.#observer ??= new MutationObserver(() => this.#onRemoved());
    this.#observer.observe(document.documentElement, { childList: true });
  }

  destroy(): void {
    this.guard(false);
    this.#host?.remove();
    this.#host = undefined;
    this.#root = undefined;
  }

  /**
   * Destroys the host once a screen reader has had time to say `text`: for a card that held focus
   * and goes away with its live region (its term was just hidden), what it would have said.
   */
  destroyAfterSaying(text: string): void {
    const host = this.#host;
    const root = this.#root;
    this.guard(false);
    if (!host?.isConnected || !root) return this.destroy();
    const region = document.createElement('p');
    region.setAttribute('role', 'status');
    root.replaceChildren(region);
    host.style.cssText = SAYING_STYLE;
    setTimeout(() => (region.textContent = text), SAY_AFTER);
    setTimeout(() => host.remove(), SAID_AFTER);
    this.#host = undefined;
    this.#root = undefined;
  }

  #onRemoved(): void {
    if (!this.#host || this.#host.isConnected) return;
    const now = performance.now();
    this.#reattaches = this.#reattaches.filter((t) => now - t < REATTACH_WINDOW);
    if (this.#reattaches.length >= REATTACH_BURST) {
      this.#observer?.disconnect();
      this.#backoff ??= setTimeout(() => {
        this.#backoff = undefined;
        this.#reattaches = [];
        if (!this.#host) return;
        this.guard(true);
        this.#onRemoved();
      }, REATTACH_BACKOFF);
      return;
    }
    this.#reattaches.push(now);
    document.documentElement.appendChild(this.#host);
    // Back in the document is not back in the top layer: show it again, where it was.
    raise(this.#host);
  }

  #create(): void {
    let host = document.createElement(HOST_TAG);
    // A page that defined <plao-lens> itself would own the element's class, and through
    // attachInternals() could read even a closed shadow root. Then use a name it cannot know.
    if (host.matches(':defined')) host = document.createElement(`${HOST_TAG}-${crypto.randomUUID().slice(0, 8)}`);
    host.style.cssText = HOST_STYLE.replace(/;|$/g, '!important;');
    // Text spacing stays adjustable by the reader's own stylesheets (WCAG 1.4.12); inside, each
    // surface sets its own.
    for (const k of ['letter-spacing', 'word-spacing', 'line-height']) host.style.removeProperty(k);
    // The top layer (Popover API): no page z-index covers it.
    if ('popover' in host) host.popover = 'manual';
    const root = host.attachShadow({ mode: __TEST__ ? 'open' : 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(this.#options.styles);
    root.adoptedStyleSheets = [sheet];
    const inside = this.#options.onPointerInside;
    if (inside) {
      host.addEventListener('pointerenter', () => inside(true));
      host.addEventListener('pointerleave', () => inside(false));
    }
    this.#host = host;
    this.#root = root;
  }
}

/** Sets one of the host's styles, !important as all of them are: no page rule reaches the host. */
export function setHostStyle(host: HTMLElement, property: string, value: string): void {
  host.style.setProperty(property, value, 'important');
}

/** Puts the host in the top layer (again: a host the page removed and we put back is not in it). */
export function raise(host: HTMLElement): void {
  setHostStyle(host, 'display', 'block');
  if (host.matches(':popover-open')) return;
  try {
    host.showPopover?.();
  } catch {
    // No Popover API, or not in the document: the fixed position and z-index still apply.
  }
}

/** Takes the host out of the top layer and hides it. */
export function lower(host: HTMLElement): void {
  try {
    host.hidePopover?.();
  } catch {
    // Already hidden by the browser (light dismiss does not apply to manual popovers).
  }
  setHostStyle(host, 'display', 'none');
}

/** The zoom a page sets on <html>, which the host inherits (Chromium 128+, Firefox 126+ report it). */
export function pageZoom(): number {
  return (document.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
}
