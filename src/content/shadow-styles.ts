/**
 * Highlights inside a page's open shadow root are painted with styles from that shadow tree
 * (Firefox does not apply the document's ::highlight rules there), so the same rules are adopted
 * into each open shadow root that has a painted term: a constructable stylesheet, which the
 * page's CSP does not block. The page's own sheets stay as they are.
 */
import highlightCss from './highlight.css';

let sheet: CSSStyleSheet | undefined;
const adopted = new WeakSet<ShadowRoot>();

export function adoptHighlightStyles(root: ShadowRoot): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A root from another document, or a page that froze adoptedStyleSheets: terms there stay
    // hoverable, only unpainted.
  }
}
