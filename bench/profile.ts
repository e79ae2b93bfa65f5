/**
 * The extension's whole cost, read from a sampling CPU profile of the page's renderer: a sample is
 * the extension's when any frame on its stack comes from a `chrome-extension://` script (its
 * content script runs in an isolated world of the same isolate, so it shows up in the page's
 * profile). The longest unbroken stretch of such samples approximates its longest task; short
 * garbage-collector or `(program)` samples (< 2 ms) inside a stretch do not break it.
 *
 * A sample stands for the wall time until the next one, and that includes any time the thread
 * waited for a core: on a busy machine the renderer's main thread waits 60–140 ms for one during
 * a page load (its `/proc` schedstat), and a wait inside the extension's code is counted as its
 * CPU. So a trace is recorded beside the profile, and each sample is also counted at the share of
 * its top-level slice that the thread really ran (the slice's thread time over its wall time):
 * `threadMs`, the CPU the extension used. The trace also gives the main thread's whole CPU in the
 * window (`mainMs`), which beside the reference extension's shows what a profile cannot attribute:
 * the browser repainting the page for the highlights, and collecting the extension's garbage.
 */
import type { CDPSession } from 'playwright-core';
import { mainThreadSlices, startTrace, type Slice, type TraceEvent } from './trace';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ExtensionCost {
  /** Sampled time with an extension frame on the stack, ms: the profiler's figure, waits for a core included. */
  cpuMs: number;
  /** The same samples at the share of their slice the thread ran, ms (`cpuMs` when no trace was recorded). */
  threadMs: number;
  /**
   * Everything the page's main thread ran in the window, ms (thread time of its top-level slices;
   * NaN without a trace): the page's own work, the extension's script, and what the extension
   * makes the browser do outside it (repainting highlights, collecting its garbage).
   */
  mainMs: number;
  /** Longest unbroken run of extension samples, ms (wall time from its first to its last sample). */
  longestMs: number;
  /** The three most sampled extension functions (self time), for the report's "where". */
  top: { name: string; ms: number }[];
}

const EXTENSION = 'chrome-extension://';
/** A gap of garbage collection or engine work shorter than this continues a stretch. */
const CONTINUE_MS = 2;
const CONTINUES = new Set(['(garbage collector)', '(program)']);

/** A profile and the trace recorded beside it. */
export interface Recording {
  profile: CpuProfile;
  trace: TraceEvent[];
}

/**
 * Thread time of the extension's samples (`at` and `dur` in µs): each counted at its slice's
 * thread time over wall time, on the main thread whose slices hold most of them (the page's; of
 * threads holding as many, the busiest). A sample outside any slice counts whole.
 */
function threadTime(at: number[], dur: number[], slices: Map<string, Slice[]>): { us: number; mainUs: number } {
  let best = { inside: -1, us: 0, mainUs: NaN };
  for (const list of slices.values()) {
    let inside = 0;
    let us = 0;
    let k = 0;
    for (let i = 0; i < at.length; i++) {
      while (k < list.length && list[k]!.ts + list[k]!.dur < at[i]!) k++;
      const s = list[k];
      if (s && s.ts <= at[i]! && s.dur > 0) {
        inside++;
        us += dur[i]! * Math.min(1, s.tdur / s.dur);
      } else us += dur[i]!;
    }
    // Without extension samples to go by, the busiest renderer's main thread is the page's.
    const mainUs = list.reduce((a, x) => a + x.tdur, 0);
    if (inside > best.inside || (inside === best.inside && mainUs > best.mainUs)) best = { inside, us, mainUs };
  }
  return best.inside < 0 ? { us: dur.reduce((a, b) => a + b, 0), mainUs: NaN } : best;
}

export function extensionCost(rec: Recording, from = -Infinity): ExtensionCost {
  const { profile } = rec;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ext = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = ext.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const v = !!node && (node.callFrame.url.startsWith(EXTENSION) || (up !== undefined && isExt(up)));
    ext.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  let cpu = 0;
  let longest = 0;
  let runStart = -1;
  let runEnd = -1;
  const self = new Map<string, number>();
  const extAt: number[] = [];
  const extDur: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const dur = (deltas[i + 1] ?? 0) / 1000;
    const at = t / 1000;
    if (at < from) continue;
    const id = samples[i]!;
    if (isExt(id)) {
      cpu += dur;
      extAt.push(t);
      extDur.push(deltas[i + 1] ?? 0);
      const node = byId.get(id)!;
      const name = `${node.callFrame.functionName || '(anonymous)'}`;
      self.set(name, (self.get(name) ?? 0) + dur);
      if (runStart < 0) runStart = at;
      runEnd = at + dur;
      longest = Math.max(longest, runEnd - runStart);
      continue;
    }
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (runStart >= 0 && CONTINUES.has(name) && at + dur - runEnd < CONTINUE_MS) continue;
    runStart = -1;
  }
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => ({ name, ms }));
  const thread = threadTime(extAt, extDur, mainThreadSlices(rec.trace));
  return { cpuMs: cpu, threadMs: thread.us / 1000, mainMs: thread.mainUs / 1000, longestMs: longest, top };
}

/**
 * Starts sampling every 100 µs, and a trace of the main threads' top-level slices; the returned
 * function stops both and returns them.
 */
export async function startProfile(cdp: CDPSession): Promise<() => Promise<Recording>> {
  const stopTrace = await startTrace(cdp);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    return { profile, trace: await stopTrace() };
  };
}
