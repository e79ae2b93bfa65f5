/**
 * Differential test: the popover's own placement against floating-ui's `computePosition` with the
 * middleware it replaced (offset 6, flip and shift with 8 px padding, from `bottom-start`), over
 * random terms, cards and viewports, phone-sized ones included.
 */
import { computePosition, flip, offset, shift, type Platform } from '@floating-ui/core';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { placeCard, type Box } from '../../src/content/surface/place';

function floatingUi(term: Box, card: { width: number; height: number }, view: Box) {
  const platform: Platform = {
    getElementRects: () => ({ reference: term, floating: { x: 0, y: 0, ...card } }),
    getDimensions: () => card,
    getClippingRect: () => view,
  };
  return computePosition(
    {},
    {},
    {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      platform,
    },
  );
}

const size = (max: number) => fc.integer({ min: 0, max }).map((n) => n / 2);
const view = fc.record({
  x: fc.constantFrom(0, 0, 37.5),
  y: fc.constantFrom(0, 0, 120),
  width: fc.integer({ min: 240, max: 1600 }),
  height: fc.integer({ min: 200, max: 1000 }),
});

test('places the card where floating-ui did, on any term, card and viewport', async () => {
  await fc.assert(
    fc.asyncProperty(
      view,
      fc.record({
        x: size(3400).map((v) => v - 100),
        y: size(2400).map((v) => v - 100),
        width: size(800),
        height: size(80),
      }),
      fc.record({ width: size(720), height: size(1400) }),
      async (v, term, card) => {
        const want = await floatingUi(term, card, v);
        const got = placeCard(term, card, v);
        expect(got.placement).toBe(want.placement);
        expect(got.x).toBeCloseTo(want.x, 6);
        expect(got.y).toBeCloseTo(want.y, 6);
      },
    ),
    { numRuns: 5000 },
  );
});

test('on a phone: below the term when there is room, above it when not, never past the sides', () => {
  const phone = { x: 0, y: 0, width: 390, height: 740 };
  const card = { width: 360, height: 300 };
  expect(placeCard({ x: 20, y: 100, width: 60, height: 20 }, card, phone)).toEqual({
    x: 20,
    y: 126,
    placement: 'bottom-start',
  });
  // Near the right edge: aligned with the term's end instead, then kept 8 px inside.
  expect(placeCard({ x: 300, y: 100, width: 60, height: 20 }, card, phone)).toEqual({
    x: 8,
    y: 126,
    placement: 'bottom-end',
  });
  expect(placeCard({ x: 10, y: 600, width: 60, height: 20 }, card, phone)).toEqual({
    x: 10,
    y: 294,
    placement: 'top-start',
  });
  // A card wider than the room keeps its left edge inside.
  expect(placeCard({ x: 200, y: 100, width: 60, height: 20 }, { width: 500, height: 100 }, phone).x).toBe(8);
});
