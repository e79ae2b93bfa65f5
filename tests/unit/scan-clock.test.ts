/** The benchmark build's timings of a first read (src/content/scan-clock.ts). */
import { expect, test } from 'vitest';
import { ScanClock } from '../../src/content/scan-clock';

test('counts slices, passes their results on, and notes the first paint once terms are painted', () => {
  let painted = 0;
  const clock = new ScanClock(() => painted);
  expect(clock.time(() => false)).toBe(false);
  painted = 3;
  expect(clock.time(() => true)).toBe(true);
  const stats = clock.finish(7);
  expect(stats.slices).toBe(2);
  expect(stats.matches).toBe(7);
  expect(stats.firstPaint).toBeGreaterThanOrEqual(0);
});

test('no paint, no first-paint time', () => {
  const clock = new ScanClock(() => 0);
  clock.time(() => true);
  expect(clock.finish(0).firstPaint).toBe(-1);
});
