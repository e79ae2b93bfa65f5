/**
 * Paints matches with the CSS Custom Highlight API: the page's DOM is never changed, only the
 * highlight registry. Styles for ::highlight(plao-lens) come from the manifest's content-script
 * CSS, which a page's CSP does not govern.
 */
export const HIGHLIGHT_NAME = 'plao-lens';

export class Painter {
  private highlight: Highlight | undefined;

  get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  paint(ranges: Iterable<Range>): void {
    if (!this.supported) return;
    const h = (this.highlight ??= new Highlight());
    h.clear();
    for (const r of ranges) h.add(r);
    if (CSS.highlights.get(HIGHLIGHT_NAME) !== h) CSS.highlights.set(HIGHLIGHT_NAME, h);
  }

  clear(): void {
    this.highlight?.clear();
    if (this.supported && CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.highlight = undefined;
  }
}
