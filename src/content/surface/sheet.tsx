/**
 * The bottom sheet: the card at the bottom of the visual viewport, for a tap on a narrow screen.
 * Non-modal (the page stays usable above it), at most half the visible height, scrolling inside.
 * The host covers the visual viewport and lets every touch through except on the sheet; it is
 * scaled by 1 / visualViewport.scale, so the sheet's CSS pixels are screen pixels: its text is as
 * large on a page without a viewport meta tag (laid out at 980 px, shown at ~0.4) as on any other,
 * and it stays in view while the reader pinch-zooms or scrolls.
 */
import { t } from '../../ui/i18n';
import { cardView, HostedSurface, visibleViewport } from './hosted';
import { pageZoom, setHostStyle, type ShadowHost } from './shadow-host';
import type { SurfaceContent } from './surface';

/** Below this visual-viewport width (CSS px, on screen) a tap opens the sheet, not the popover. */
export const SHEET_MAX_WIDTH = 600;

/** Whether the visible part of the page is narrow on screen (a phone, or a small window). */
export function narrowScreen(): boolean {
  const vv = visualViewport;
  return (vv ? vv.width * vv.scale : innerWidth) < SHEET_MAX_WIDTH;
}

export class BottomSheet extends HostedSurface {
  readonly #onClose: () => void;

  constructor(shadow: ShadowHost, onClose: () => void) {
    super(shadow);
    this.#onClose = onClose;
  }

  show(content: SurfaceContent): void {
    const { host, root } = this.mount(
      <div class="sheet-frame">
        <div class="sheet" role="dialog" aria-labelledby="plao-lens-name" tabIndex={-1}>
          <button type="button" class="sheet-close" aria-label={t('sheetClose')} onClick={() => this.#onClose()}>
            <span aria-hidden="true">×</span>
          </button>
          {content.link && <p class="sheet-link">{t('sheetLink', content.link)}</p>}
          {cardView(content)}
        </div>
      </div>,
    );
    setHostStyle(host, 'pointer-events', 'none');
    setHostStyle(host, 'max-width', 'none');
    setHostStyle(host, 'transform-origin', '0 0');
    // Inside the visual viewport while the reader pinch-zooms, scrolls or turns the phone.
    this.open(
      host,
      () => this.#place(),
      (onChange, signal) => {
        const opts = { passive: true, signal };
        visualViewport?.addEventListener('resize', onChange, opts);
        visualViewport?.addEventListener('scroll', onChange, opts);
        addEventListener('resize', onChange, opts);
      },
    );
    this.#keepTermVisible(content.anchor);
    if (content.focus) root.querySelector<HTMLElement>('.sheet')?.focus();
  }

  /** Covers the visual viewport, in screen pixels inside. */
  #place(): void {
    const host = this.shadow.element;
    if (!host) return;
    const scale = visualViewport?.scale || 1;
    const box = visibleViewport();
    const set = (k: string, v: string) => setHostStyle(host, k, v);
    // The host inherits a zoom the page sets on <html>; undo it so its coordinates are the viewport's.
    set('zoom', String(1 / pageZoom()));
    set('left', `${box.x}px`);
    set('top', `${box.y}px`);
    set('width', `${box.width * scale}px`);
    set('height', `${box.height * scale}px`);
    set('transform', `scale(${1 / scale})`);
  }

  /** Scrolls the page so the tapped term shows above the sheet, if the sheet covers it. */
  #keepTermVisible(anchor: Range): void {
    const sheet = this.shadow.root?.querySelector('.sheet');
    const term = anchor.getBoundingClientRect();
    if (!sheet) return;
    const top = visualViewport?.offsetTop ?? 0;
    const sheetTop = sheet.getBoundingClientRect().top;
    if (term.bottom <= sheetTop - 8 && term.top >= top) return;
    // A third of the way down the space left above the sheet.
    const target = top + (sheetTop - top) / 3;
    window.scrollBy({ top: term.top - target, behavior: 'instant' });
  }
}
