/**
 * The whole-cost run: what a page load costs the page, measured from outside by the profiler, on
 * every bench page and the scenarios, beside the bare text walk (the floor) in the same run.
 */
import { rmSync } from 'node:fs';
import { launchPlain, launchWithExtension, plainContext } from './browser';
import { measureFloor } from './measure';
import type { BenchPage, PageServer } from './pages';
import { naiveWords, writeReferenceExtension } from './reference-extension';
import { median } from './stats';
import { measureHover, measureLoad, measureStorm, type HoverCost, type LoadCost, type StormRun } from './whole-cost';

export interface WholePage {
  id: string;
  floorMs: number;
  painted: number;
  /** Medians over the loads: sampled time, and the thread time within it (bench/profile.ts). */
  cpuMs: number;
  threadMs: number;
  /** The page's main thread in all (bench/profile.ts): with the reference's, what a profile cannot attribute. */
  mainMs: number;
  longestMs: number;
  /** Worst over the loads. */
  worstLongestMs: number;
  /** One load with the CPU throttled 4×. */
  throttledLongestMs: number;
  throttledCpuMs: number;
  top: LoadCost['top'];
  /** The reference extension on the same page (medians over as many loads, interleaved with ours). */
  reference: Cost & { painted: number };
  /** The naive reader on the same page, the same way (none for a build without its term list). */
  naive?: Cost & { painted: number };
}

/** Extension CPU (sampled, and its thread time) and longest stretch of one scenario, ms (medians over the loads). */
export interface Cost {
  cpuMs: number;
  threadMs: number;
  mainMs: number;
  longestMs: number;
}

export interface WholeResults {
  build: string;
  loads: number;
  pages: WholePage[];
  /** The text-less ad-like page loaded as the top frame (median). */
  emptyFrame: Cost;
  /** The same page holding twenty text-less frames (median); a frame = (this − emptyFrame) / 20. */
  twentyFrames: Cost;
  /** The platform's fixed price: the reference extension (bench/reference-extension.ts) on the same scenarios. */
  reference: { emptyFrame: Cost; twentyFrames: Cost };
  hover: HoverCost;
  storm: { without: StormRun; with: StormRun };
}

function cost(runs: LoadCost[]): Cost {
  return {
    cpuMs: median(runs.map((r) => r.cpuMs)),
    threadMs: median(runs.map((r) => r.threadMs)),
    mainMs: median(runs.map((r) => r.mainMs)),
    longestMs: median(runs.map((r) => r.longestMs)),
  };
}

function summarize(
  runs: LoadCost[],
): Pick<WholePage, 'cpuMs' | 'threadMs' | 'mainMs' | 'longestMs' | 'worstLongestMs' | 'painted' | 'top'> {
  return {
    ...cost(runs),
    worstLongestMs: Math.max(...runs.map((r) => r.longestMs)),
    painted: median(runs.map((r) => r.painted)),
    top: runs[0]?.top ?? [],
  };
}

export async function runWholeCost(opts: {
  extDir: string;
  pages: BenchPage[];
  server: PageServer;
  loads: number;
  log: (line: string) => void;
}): Promise<WholeResults> {
  const { server, log } = opts;
  const plain = await launchPlain();
  const ext = await launchWithExtension(opts.extDir);
  const refDir = writeReferenceExtension(opts.extDir);
  const ref = await launchWithExtension(refDir);
  const words = naiveWords(opts.extDir);
  const naiveDir = words && writeReferenceExtension(opts.extDir, words);
  const naive = naiveDir ? await launchWithExtension(naiveDir) : undefined;
  try {
    const plainCtx = await plainContext(plain);
    // Warm-up: extension start and code caches (and the reference's stored settings written).
    await measureLoad(ext, server.url(opts.pages[0]!), server.blank);
    await measureLoad(ref, server.url(opts.pages[0]!), server.blank);
    if (naive) await measureLoad(naive, server.url(opts.pages[0]!), server.blank);
    const pages: WholePage[] = [];
    for (const page of opts.pages) {
      const url = server.url(page);
      const floors: number[] = [];
      const runs: LoadCost[] = [];
      const refRuns: LoadCost[] = [];
      const naiveRuns: LoadCost[] = [];
      // Interleaved, so that the machine's drift touches the floor, ours and the references alike.
      for (let i = 0; i < opts.loads; i++) {
        floors.push((await measureFloor(plainCtx, url)).ms);
        runs.push(await measureLoad(ext, url, server.blank));
        refRuns.push(await measureLoad(ref, url, server.blank));
        if (naive) naiveRuns.push(await measureLoad(naive, url, server.blank));
      }
      const throttled = await measureLoad(ext, url, server.blank, { throttle: 4 });
      pages.push({
        id: page.id,
        floorMs: median(floors),
        ...summarize(runs),
        throttledLongestMs: throttled.longestMs,
        throttledCpuMs: throttled.cpuMs,
        reference: { ...cost(refRuns), painted: median(refRuns.map((r) => r.painted)) },
        ...(naive ? { naive: { ...cost(naiveRuns), painted: median(naiveRuns.map((r) => r.painted)) } } : {}),
      });
      log(`whole cost: ${page.id} done`);
    }
    const textless = async (url: string) => {
      const runs: LoadCost[] = [];
      const refRuns: LoadCost[] = [];
      for (let i = 0; i < opts.loads; i++) {
        runs.push(await measureLoad(ext, url, server.blank, { textless: true }));
        refRuns.push(await measureLoad(ref, url, server.blank, { textless: true }));
      }
      return { ours: cost(runs), reference: cost(refRuns) };
    };
    const empty = await textless(server.scenario.empty);
    const frames = await textless(server.scenario.frames);
    log('whole cost: empty frames done');
    const seed = opts.pages.find((p) => p.id === 'seed-article') ?? opts.pages[0]!;
    const hover = await measureHover(ext, server.url(seed));
    const without = await measureStorm(plainCtx, server.scenario.storm, false);
    const withExt = await measureStorm(ext, server.scenario.storm, true);
    log('whole cost: hover and storm done');
    return {
      build: opts.extDir,
      loads: opts.loads,
      pages,
      emptyFrame: empty.ours,
      twentyFrames: frames.ours,
      reference: { emptyFrame: empty.reference, twentyFrames: frames.reference },
      hover,
      storm: { without, with: withExt },
    };
  } finally {
    await naive?.close();
    await ref.close();
    await ext.close();
    await plain.close();
    rmSync(refDir, { recursive: true, force: true });
    if (naiveDir) rmSync(naiveDir, { recursive: true, force: true });
  }
}
