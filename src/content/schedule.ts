/**
 * Slicing long work so the page stays responsive: each slice ends by a deadline, then the main
 * thread is yielded (scheduler.yield where the browser has it, else a macrotask).
 */

/** Milliseconds of work per slice: well under a 50 ms long task, and leaves room for the page. */
export const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step(deadline)` until it returns true, one slice at a time. Stops early, without calling
 * `step` again, once `signal` is aborted. Resolves true when the work finished.
 */
export async function runSliced(step: (deadline: number) => boolean, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    if (step(performance.now() + SLICE_MS)) return true;
    await yieldToPage();
  }
}
