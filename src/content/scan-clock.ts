/**
 * The timings of a page's first read, for the benchmark build only: the reader makes one when
 * `__BENCH__` is true, so the release build compiles this module and every use of it away.
 */

export interface ScanStats {
  /** Main-thread time spent reading and painting, in ms. */
  work: number;
  /** From start to the whole page read, in ms (includes the gaps left to the page). */
  wall: number;
  /** From start to the first painted term, in ms (-1 if none). */
  firstPaint: number;
  matches: number;
  slices: number;
  longestSlice: number;
}

export class ScanClock {
  readonly #t0 = performance.now();
  readonly #stats: ScanStats = { work: 0, wall: 0, firstPaint: -1, matches: 0, slices: 0, longestSlice: 0 };
  /** How many terms are painted so far. */
  readonly #painted: () => number;

  constructor(painted: () => number) {
    this.#painted = painted;
  }

  /** Runs one slice of the read and adds its time. */
  time(slice: () => boolean): boolean {
    const stats = this.#stats;
    const s = performance.now();
    const done = slice();
    const d = performance.now() - s;
    stats.work += d;
    stats.slices++;
    stats.longestSlice = Math.max(stats.longestSlice, d);
    if (stats.firstPaint < 0 && this.#painted() > 0) stats.firstPaint = performance.now() - this.#t0;
    return done;
  }

  /** The stats of the whole read, now that it is done. */
  finish(matches: number): ScanStats {
    this.#stats.wall = performance.now() - this.#t0;
    this.#stats.matches = matches;
    return this.#stats;
  }
}
