/**
 * A Chromium trace of top-level main-thread events ("toplevel" category, cheap to record), for two
 * uses: the longest tasks of a scan (measure.ts), and the thread time of the slices the profiler's
 * samples fall in (profile.ts). Neither the Long Tasks API nor Long Animation Frames see the
 * extension's work: the content script resumes from its storage read and from its slices in
 * microtask checkpoints that Blink runs outside any scheduler task
 * ("BlinkScheduler_PerformMicrotaskCheckpoint" at the top level of the trace).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: what the thread ran, without its waits for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { src_file?: string; src_func?: string; name?: string };
}

const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
/** A posted task, or a microtask checkpoint run outside one. */
export const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** A top-level slice of a main thread: start and wall duration, and the CPU time within it, µs. */
export interface Slice {
  ts: number;
  dur: number;
  tdur: number;
}

/** Each renderer main thread's top-level slices that carry thread time, in order, by "pid/tid". */
export function mainThreadSlices(events: TraceEvent[]): Map<string, Slice[]> {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}/${e.tid}`;
    if (e.ph !== 'X' || e.tdur === undefined || !TOP_LEVEL.has(e.name) || !mains.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const out = new Map<string, Slice[]>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const slices: Slice[] = [];
    let end = -Infinity;
    for (const e of list) {
      if (e.ts < end) continue; // nested inside the previous top-level event
      end = e.ts + (e.dur ?? 0);
      slices.push({ ts: e.ts, dur: e.dur ?? 0, tdur: e.tdur ?? 0 });
    }
    out.set(key, slices);
  }
  return out;
}
