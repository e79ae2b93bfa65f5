/** One measurement of each kind, each in a fresh page. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
// What the bench build publishes in `data-plao-lens-bench`.
import type { ScanStats } from '../src/content/reader';
import { plainContext } from './browser';
import { floorWalk, longTasks, markTerms, waitForScan, type TaskEntry } from './in-page';
import { ROOT } from './pages';
import { startTrace, TOP_LEVEL, type TraceEvent } from './trace';

const LOAD_TIMEOUT = 120_000;
const MARK_JS = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

export interface ScanRun extends ScanStats {
  /** Longest main-thread task (from a trace) that overlaps the scan, from its start to its end, ms. */
  taskInScan: number;
  /** What that task was (a microtask checkpoint is where the content script's slices run). */
  taskInScanKind: string;
  /** Longest main-thread task (from a trace) since navigation start, ms: page parsing and layout included. */
  taskMax: number;
  /** The task that injects content.js at document_idle (parse and top level, before the scan), ms. */
  scriptEval: number;
  /** The Long Tasks API's view: longest long task overlapping the scan (0 if none), and overall. */
  longtaskInScan: number;
  longtaskMax: number;
  /** V8 heap used after a forced GC, MB (the whole renderer isolate: page and content script). */
  heapMB: number;
}

export interface FloorRun {
  ms: number;
  warmMs: number;
  nodes: number;
  chars: number;
  /** Longest main-thread task of the page's own load (from a trace), ms. */
  taskMax: number;
  longtaskMax: number;
  heapMB: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}

const longest = (tasks: TaskEntry[]) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);

/** A main-thread task, in the page's performance.now() time. */
export interface MainTask extends TaskEntry {
  /** What ran: the trace event's name, and the posting site for a posted task. */
  kind: string;
}

const SYNC_MARK = 'plao-bench-sync';

/**
 * The page's top-level main-thread tasks since navigation, in its performance.now() time. A
 * performance mark made in the page names the renderer (process and thread) and gives the offset
 * between the two clocks.
 */
function mainTasks(events: TraceEvent[], markTime: number): MainTask[] {
  const mark = events.find((e) => e.name === SYNC_MARK);
  if (!mark) return [];
  const offset = mark.ts / 1000 - markTime;
  const candidates = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && TOP_LEVEL.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: MainTask[] = [];
  let end = -Infinity;
  for (const e of candidates) {
    if (e.ts < end) continue; // nested inside the previous top-level event
    end = e.ts + (e.dur ?? 0);
    const start = e.ts / 1000 - offset;
    const duration = (e.dur ?? 0) / 1000;
    if (start + duration < 0) continue; // before this navigation
    const site = e.args?.src_func ? ` (${e.args.src_file?.split('/').pop()}: ${e.args.src_func})` : '';
    out.push({ start, duration, kind: e.name.replace(/^.*::|^BlinkScheduler_/, '') + site });
  }
  return out;
}

function longestTask(tasks: MainTask[]): MainTask {
  return tasks.reduce((m, t) => (t.duration > m.duration ? t : m), { start: 0, duration: 0, kind: 'none' });
}

async function syncMark(page: Page): Promise<number> {
  return page.evaluate((name) => performance.mark(name).startTime, SYNC_MARK);
}

/**
 * Loads `url` in a context with an extension build and reads its scan timings. With `profile`,
 * records a CPU profile of the load and scan to that file (.cpuprofile, for DevTools).
 */
export async function measureScan(
  context: BrowserContext,
  url: string,
  profile?: { file: string; blank: string },
): Promise<ScanRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    if (profile) {
      // Same-site first, so that the page loads in the renderer being profiled.
      await page.goto(profile.blank);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const stopTrace = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    const done = await withTimeout(page.evaluate(waitForScan), LOAD_TIMEOUT, `extension scan of ${url}`);
    const markTime = await syncMark(page);
    const tasks = mainTasks(await stopTrace(), markTime);
    if (profile) {
      const { profile: data } = await cdp.send('Profiler.stop');
      writeFileSync(profile.file, JSON.stringify(data));
    }
    const stats = JSON.parse(done.stats) as ScanStats;
    const from = done.at - stats.wall;
    const overlaps = (t: TaskEntry) => t.start < done.at && t.start + t.duration > from;
    const api = await page.evaluate(longTasks);
    const inScan = longestTask(tasks.filter(overlaps));
    return {
      ...stats,
      taskInScan: inScan.duration,
      taskInScanKind: inScan.kind,
      taskMax: longestTask(tasks).duration,
      // Content scripts are injected at document_idle by Blink's PausableScriptExecutor.
      scriptEval: longestTask(tasks.filter((t) => t.kind.includes('pausable_script_executor'))).duration,
      longtaskInScan: longest(api.filter(overlaps)),
      longtaskMax: longest(api),
      heapMB: await heapAfterGc(cdp),
    };
  } finally {
    await page.close();
  }
}

/** Loads `url` without the extension and times the bare text walk. */
export async function measureFloor(context: BrowserContext, url: string): Promise<FloorRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await settle(page);
    const markTime = await syncMark(page);
    const tasks = mainTasks(await stopTrace(), markTime);
    const walk = await page.evaluate(floorWalk);
    const api = await page.evaluate(longTasks);
    return { ...walk, taskMax: longestTask(tasks).duration, longtaskMax: longest(api), heapMB: await heapAfterGc(cdp) };
  } finally {
    await page.close();
  }
}

/**
 * The extension starts at document_idle, after `load`; give the plain page the same moment: two
 * animation frames after load, so that the first layout is done.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export type MarkResult = { ms: number; marks: number } | { exceeded: number } | { error: string };

/**
 * mark.js marking `terms` once, in a fresh context of the plain browser. Past `limitMs` the
 * context is closed and the run abandoned.
 */
export async function measureMark(
  browser: Browser,
  url: string,
  terms: string[],
  limitMs: number,
): Promise<MarkResult> {
  const context = await plainContext(browser);
  let abandoned = false;
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await page.addScriptTag({ path: MARK_JS });
    await settle(page);
    return await withTimeout(page.evaluate(markTerms, terms), limitMs, 'mark.js');
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('mark.js: no result')) {
      abandoned = true;
      return { exceeded: limitMs };
    }
    // mark.js itself failing (with thousands of terms: "Maximum call stack size exceeded" or a
    // RegExp "Stack overflow", its issues #279 and #382) is a result, not a harness error.
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith('page.evaluate:')) {
      const first = message.split('\n')[0]!;
      const kind = /Stack overflow|Maximum call stack/i.exec(first)?.[0];
      return { error: kind ? `${first.split(':')[1]!.trim()}: ${kind}` : first.slice(0, 120) };
    }
    throw e;
  } finally {
    // A renderer still busy in mark.js is killed with its context.
    await context.close().catch(() => undefined);
    if (abandoned) await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
