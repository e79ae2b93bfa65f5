/**
 * Painted highlights get no mouse events, so hover is a hit test: on pointer movement (at most
 * once per frame) find the caret position under the pointer, look its text node up in the match
 * index, and confirm the pointer is on the match's glyphs (the caret snaps to the nearest text even
 * in empty space beside a line).
 */
import { liveRange, type MatchIndex, type PageMatch } from './match-index';
import { TEXT_NODE } from './node-type';

interface CaretHit {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): CaretHit | null {
  const d = document as Document & {
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    // Text inside the page's open shadow roots is found only when they are named.
    const p = d.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The text node under a point, if any. */
export function caretNode(x: number, y: number, shadowRoots: ShadowRoot[]): Node | null {
  const caret = caretAt(x, y, shadowRoots);
  return caret && caret.node.nodeType === TEXT_NODE ? caret.node : null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** The match under a point, if any. */
export function matchAt(index: MatchIndex, x: number, y: number, shadowRoots: ShadowRoot[]): PageMatch | null {
  // Nothing to find: no hit test, which would force a layout (costly while a page is loading).
  if (!index.size) return null;
  const caret = caretAt(x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return null;
  for (const m of index.at(caret.node, caret.offset)) {
    if (index.shows(m) && rectsContain(liveRange(m.range), x, y)) return m;
  }
  return null;
}

/**
 * Calls `onChange` with the match under the pointer whenever it changes (null when none).
 * Listeners stop with `signal`.
 */
export function trackPointer(
  signal: AbortSignal,
  find: (x: number, y: number) => PageMatch | null,
  onChange: (m: PageMatch | null, target: EventTarget | null) => void,
): void {
  let frame = 0;
  let last: PageMatch | null = null;
  let x = 0;
  let y = 0;
  let checkedX = NaN;
  let checkedY = NaN;
  let target: EventTarget | null = null;
  const check = () => {
    frame = 0;
    // A pointer that has not moved since the last hit test is on the same thing (Chromium sends
    // moves without movement when the page lays out or scrolls under a still pointer).
    if (x === checkedX && y === checkedY) return;
    checkedX = x;
    checkedY = y;
    const m = find(x, y);
    if (m !== last) {
      last = m;
      onChange(m, target);
    }
  };
  let waitingForLoad = false;
  document.addEventListener(
    'pointermove',
    (e) => {
      // Only the reader's own pointer: a page cannot steer the popover with synthetic events.
      if (e.pointerType === 'touch' || !e.isTrusted) return;
      x = e.clientX;
      y = e.clientY;
      target = e.target;
      // While the page is still loading, a hit test would force its layout early: test once it loaded.
      if (document.readyState !== 'complete') {
        if (!waitingForLoad) {
          waitingForLoad = true;
          addEventListener('load', () => (frame ||= requestAnimationFrame(check)), { once: true, signal });
        }
        return;
      }
      if (!frame) frame = requestAnimationFrame(check);
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => frame && cancelAnimationFrame(frame));
}

/**
 * Calls `onTap` for each tap of a finger or pen, with the match under it (null when none). A tap is
 * the click that follows a touch: by then the browser has ruled out a scroll, a double-tap zoom and
 * a long press, which keeps its own meaning (select text, a link's menu) and sends no click. When
 * `onTap` answers true it used the tap, and the click's default action (following a link the term
 * is part of) does not happen.
 */
export function trackTaps(
  signal: AbortSignal,
  find: (x: number, y: number) => PageMatch | null,
  onTap: (m: PageMatch | null, target: EventTarget | null) => boolean,
): void {
  let touched = false;
  document.addEventListener(
    'pointerdown',
    (e) => {
      touched = e.isTrusted && e.pointerType !== 'mouse';
    },
    { capture: true, passive: true, signal },
  );
  document.addEventListener(
    'click',
    (e) => {
      // Only the reader's own taps (a page cannot steer the card with synthetic events); a click
      // from the keyboard has no position (detail 0).
      if (!e.isTrusted || e.detail === 0) return;
      const type = (e as Partial<PointerEvent>).pointerType;
      if (!(type ? type !== 'mouse' : touched)) return;
      touched = false;
      if (onTap(find(e.clientX, e.clientY), e.target)) e.preventDefault();
    },
    { capture: true, signal },
  );
}

/**
 * Calls `run` once, at the reader's first sign of using the page: the pointer moving over it, a
 * touch, a key. (A pointer resting on a page that lays out under it also sends moves in Chromium:
 * a reader with a pointer on the page, so that counts too.)
 */
export function onFirstIntent(signal: AbortSignal, run: () => void): void {
  const done = new AbortController();
  const listener = () => {
    done.abort();
    run();
  };
  for (const type of ['pointermove', 'touchstart', 'keydown'])
    addEventListener(type, listener, { capture: true, passive: true, signal: AbortSignal.any([signal, done.signal]) });
}
