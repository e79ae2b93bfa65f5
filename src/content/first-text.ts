/**
 * Whether a document holds any reading text yet, checked cheaply before anything else is set up:
 * most frames on the web (ad slots, trackers, `about:blank`) never do, and every frame runs the
 * content script, so such a frame must cost next to nothing.
 */
import { TEXT_NODE, SHOW_TEXT } from './node-type';

/** Elements whose text is never reading text; text inside them does not count. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

function isText(node: Node): boolean {
  if (!/\S/.test((node as Text).data)) return false;
  const parent = node.parentElement;
  return !parent || !NOT_TEXT.has(parent.localName);
}

/** Whether any text node under `root` is reading text (stops at the first one). */
export function hasText(root: Node): boolean {
  if (root.nodeType === TEXT_NODE) return isText(root);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isText(n)) return true;
  return false;
}

/** Resolves once the document holds reading text: at once if it does, else when some is added. */
export function whenText(doc: Document): Promise<void> {
  if (hasText(doc.documentElement)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const found = r.type === 'characterData' ? isText(r.target) : [...r.addedNodes].some((n) => hasText(n));
        if (found) {
          observer.disconnect();
          resolve();
          return;
        }
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}
