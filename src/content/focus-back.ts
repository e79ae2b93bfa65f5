/**
 * Where focus goes when a card that held it goes away: back where it was before the card opened;
 * if that element is gone, to the link or control the term is part of. Nothing on the page is
 * changed to take focus (the page sees only the extension's host arrive), so where neither exists
 * focus stays where the browser leaves it.
 */

function tryFocus(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  el.focus();
  return document.activeElement === el;
}

/** Focuses `before`, or the focusable element that holds `term` (the term's text node). */
export function focusBack(before: HTMLElement | null, term: Node | null): void {
  if (tryFocus(before)) return;
  for (let e = term?.parentElement; e?.isConnected; e = e.parentElement) if (e.tabIndex >= 0 && tryFocus(e)) return;
}
