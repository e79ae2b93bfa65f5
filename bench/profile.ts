/**
 * The extension's whole cost, read from a sampling CPU profile of the page's renderer: a sample is
 * the extension's when any frame on its stack comes from a `chrome-extension://` script (its
 * content script runs in an isolated world of the same isolate, so it shows up in the page's
 * profile). The longest unbroken stretch of such samples approximates its longest task; short
 * garbage-collector or `(program)` samples (< 2 ms) inside a stretch do not break it.
 */
import type { CDPSession } from 'playwright-core';

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
  /** CPU time of samples with an extension frame on the stack, ms. */
  cpuMs: number;
  /** Longest unbroken run of extension samples, ms (wall time from its first to its last sample). */
  longestMs: number;
  /** The three most sampled extension functions (self time), for the report's "where". */
  top: { name: string; ms: number }[];
}

const EXTENSION = 'chrome-extension://';
/** A gap of garbage collection or engine work shorter than this continues a stretch. */
const CONTINUE_MS = 2;
const CONTINUES = new Set(['(garbage collector)', '(program)']);

export function extensionCost(profile: CpuProfile, from = -Infinity): ExtensionCost {
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
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const dur = (deltas[i + 1] ?? 0) / 1000;
    const at = t / 1000;
    if (at < from) continue;
    const id = samples[i]!;
    if (isExt(id)) {
      cpu += dur;
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
  return { cpuMs: cpu, longestMs: longest, top };
}

/** Starts sampling every 100 µs; the returned function stops and returns the profile. */
export async function startProfile(cdp: CDPSession): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile;
}
