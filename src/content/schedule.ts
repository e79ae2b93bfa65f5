/**
 * Slicing long work so the page stays responsive: each slice ends by a deadline, then the main
 * thread is left to the page for a short while before the next one. Not `scheduler.yield()`: its
 * continuation runs ahead of the page's own timers and rendering, so back-to-back slices held a
 * living page's timers up as one long task would (measured: a 10 ms timer late by 200 ms).
 */

/** Milliseconds of work per slice: well under a 50 ms long task, and leaves room for the page. */
export const SLICE_MS = 8;

/** The pause between slices: the page's timers, input and rendering run in it. */
export const PAUSE_MS = 4;

export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}

/**
 * Runs `step(deadline)` until it returns true, one slice at a time. Stops early, without calling
 * `step` again, once `signal` is aborted. Resolves true when the work finished.
 */
export async function runSliced(step: (deadline: number) => boolean, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    if (step(performance.now() + SLICE_MS)) return true;
    await pause();
  }
}

/**
 * Resolves true just after the next frame is rendered, when the page's layout is clean and a hit
 * test does not force one; false at once in a hidden page, or if no frame comes within 100 ms.
 */
export function afterFrame(): Promise<boolean> {
  if (document.visibilityState === 'hidden') return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve(true);
      }, 0),
    );
  });
}
