/**
 * Where focus goes when a card that held it goes away: back where it was before the card opened;
 * if that element is gone, to the link or control the term is part of; else to the term's
 * paragraph. Never to <body>, which leaves a keyboard or screen-reader user at the top of the page.
 */

const BLOCK = 'p,li,dd,dt,td,th,h1,h2,h3,h4,h5,h6,blockquote,figcaption';

function tryFocus(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  el.focus();
  return document.activeElement === el;
}

/** Focuses `before`, or a place beside `term` (the term's text node). */
export function focusBack(before: HTMLElement | null, term: Node | null): void {
  if (tryFocus(before)) return;
  const parent = term?.parentElement;
  if (!parent?.isConnected) return;
  for (let e: HTMLElement | null = parent; e; e = e.parentElement) if (e.tabIndex >= 0 && tryFocus(e)) return;
  const block = parent.closest(BLOCK) ?? parent;
  if (!(block instanceof HTMLElement)) return;
  if (block.hasAttribute('tabindex')) {
    tryFocus(block);
    return;
  }
  // Focusable only while it has focus: the page is left as it was.
  block.tabIndex = -1;
  if (tryFocus(block)) block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
  else block.removeAttribute('tabindex');
}
