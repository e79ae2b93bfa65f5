/**
 * Where the popover goes beside its term: below it, aligned with its start, 6 px away; flipped to
 * the other end or above it when it does not fit; then shifted sideways to stay 8 px inside the
 * visible viewport. The same result as floating-ui's `computePosition` with `offset(6)`,
 * `flip({ padding: 8 })` and `shift({ padding: 8 })` from `bottom-start` (the unit tests compare
 * them on random boxes), at a tenth of its size in every frame's script: the popover is in the top
 * layer, so the viewport is its only clipping box and there is nothing else to ask of the page.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Placement = 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';

const GAP = 6;
const PADDING = 8;
/** The order floating-ui's flip tries them in from `bottom-start`. */
const ORDER: readonly Placement[] = ['bottom-start', 'bottom-end', 'top-start', 'top-end'];

/** The card's position for `term` in `view`, and the side it ended on. */
export function placeCard(
  term: Box,
  card: { width: number; height: number },
  view: Box,
): { x: number; y: number; placement: Placement } {
  const at = (p: Placement) => ({
    x: p.endsWith('start') ? term.x : term.x + term.width - card.width,
    y: p.startsWith('bottom') ? term.y + term.height + GAP : term.y - card.height - GAP,
  });
  // Overflow past each side of the view (inside its padding); positive means cut off.
  const overflow = ({ x, y }: { x: number; y: number }) => ({
    top: view.y + PADDING - y,
    bottom: y + card.height + PADDING - view.y - view.height,
    left: view.x + PADDING - x,
    right: x + card.width + PADDING - view.x - view.width,
  });
  // Per placement: its own side, then the side its alignment is checked against and the opposite.
  const tried: { p: Placement; o: number[] }[] = [];
  let chosen: Placement | undefined;
  for (const p of ORDER) {
    const o = overflow(at(p));
    let align: 'left' | 'right' = p.endsWith('start') ? 'right' : 'left';
    if (term.width > card.width) align = align === 'left' ? 'right' : 'left';
    const sides = [p.startsWith('bottom') ? o.bottom : o.top, o[align], o[align === 'left' ? 'right' : 'left']];
    if (sides.every((v) => v <= 0)) {
      chosen = p;
      break;
    }
    tried.push({ p, o: sides });
  }
  // None fits: the first that fits on its own side with the least overflow on the aligned side, else
  // the one with the least overflow in all.
  chosen ??=
    tried.filter((t) => t.o[0]! <= 0).sort((a, b) => a.o[1]! - b.o[1]!)[0]?.p ??
    tried.map((t) => ({ p: t.p, sum: t.o.reduce((s, v) => s + Math.max(0, v), 0) })).sort((a, b) => a.sum - b.sum)[0]!
      .p;
  const { x, y } = at(chosen);
  const o = overflow({ x, y });
  // Shift along the term's line: the left edge wins when the card is wider than the room.
  return { x: Math.max(x + o.left, Math.min(x, x - o.right)), y, placement: chosen };
}
