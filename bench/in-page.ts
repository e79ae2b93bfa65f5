/**
 * Code that runs inside the benchmarked pages (serialized by Playwright). tsx wraps named inner
 * functions in a `__name` helper that does not exist in the page, so these functions declare no
 * named functions inside them: only inline callbacks.
 */

/** The attribute the bench builds write on <html> when the first full read of the page is done. */
export const BENCH_ATTR = 'data-plao-lens-bench';

export interface TaskEntry {
  start: number;
  duration: number;
}

export interface ScanDone {
  /** performance.now() when the attribute appeared (same clock as the content script's). */
  at: number;
  /** The attribute's JSON. */
  stats: string;
}

interface BenchState {
  longTasks: TaskEntry[];
  observer: PerformanceObserver | undefined;
  done: Promise<ScanDone>;
}

type BenchWindow = Window & { __plaoBench?: BenchState };

/**
 * Installed in every page before its own scripts (context.addInitScript): records long tasks from
 * navigation start, and notes when the extension publishes its scan timings.
 */
export function observerScript(): void {
  const longTasks: TaskEntry[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ type: 'longtask', buffered: true });
  } catch {
    observer = undefined; // No Long Tasks API: the report shows none.
  }
  const done = new Promise<ScanDone>((resolve) => {
    const mo = new MutationObserver(() => {
      const stats = document.documentElement?.getAttribute('data-plao-lens-bench');
      if (stats) {
        mo.disconnect();
        resolve({ at: performance.now(), stats });
      }
    });
    mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-plao-lens-bench'] });
  });
  (window as BenchWindow).__plaoBench = { longTasks, observer, done };
}

/** Waits for the extension's scan to finish. */
export function waitForScan(): Promise<ScanDone> {
  const state = (window as BenchWindow).__plaoBench;
  if (!state) return Promise.reject(new Error('observer script missing'));
  return state.done;
}

/** The long tasks seen so far (including those not yet delivered to the observer's callback). */
export async function longTasks(): Promise<TaskEntry[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const state = (window as BenchWindow).__plaoBench;
  if (!state) return [];
  for (const e of state.observer?.takeRecords() ?? [])
    state.longTasks.push({ start: e.startTime, duration: e.duration });
  return state.longTasks;
}

export interface FloorResult {
  ms: number;
  /** The same walk again, now that the nodes' wrappers exist. */
  warmMs: number;
  nodes: number;
  chars: number;
}

/** The floor: a bare TreeWalker over every text node of the body, reading each one's data. */
export function floorWalk(): FloorResult {
  const root = document.body ?? document.documentElement;
  let t0 = performance.now();
  let walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  const ms = performance.now() - t0;
  t0 = performance.now();
  walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let again = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) again += (n as Text).data.length;
  const warmMs = performance.now() - t0;
  return { ms, warmMs, nodes, chars: again === chars ? chars : -1 };
}

interface MarkOptions {
  accuracy: 'exactly';
  separateWordSearch: boolean;
  acrossElements: boolean;
  done: (marks: number) => void;
}
type MarkConstructor = new (context: Element) => { mark(terms: string[], options: MarkOptions): void };

/** mark.js (already injected as a script) marking `terms` in the body, timed. */
export function markTerms(terms: string[]): Promise<{ ms: number; marks: number }> {
  const Mark = (window as unknown as { Mark: MarkConstructor }).Mark;
  return new Promise((resolve) => {
    const options = { accuracy: 'exactly', separateWordSearch: false, acrossElements: true } as MarkOptions;
    // Assigned, not written in the literal: tsx would name (and so wrap) a property's function.
    options.done = (marks) => resolve({ ms: performance.now() - t0, marks });
    const t0 = performance.now();
    new Mark(document.body).mark(terms, options);
  });
}
