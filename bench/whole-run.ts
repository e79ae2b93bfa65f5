/**
 * The whole-cost run: what a page load costs the page, measured from outside by the profiler, on
 * every bench page and the scenarios, beside the bare text walk (the floor) in the same run.
 */
import { launchPlain, launchWithExtension, plainContext } from './browser';
import { measureFloor } from './measure';
import type { BenchPage, PageServer } from './pages';
import { median } from './stats';
import { measureHover, measureLoad, measureStorm, type HoverCost, type LoadCost, type StormRun } from './whole-cost';

export interface WholePage {
  id: string;
  floorMs: number;
  painted: number;
  /** Medians over the loads. */
  cpuMs: number;
  longestMs: number;
  /** Worst over the loads. */
  worstLongestMs: number;
  /** One load with the CPU throttled 4×. */
  throttledLongestMs: number;
  throttledCpuMs: number;
  top: LoadCost['top'];
}

export interface WholeResults {
  build: string;
  loads: number;
  pages: WholePage[];
  /** The text-less ad-like page loaded as the top frame (median). */
  emptyFrame: { cpuMs: number; longestMs: number };
  /** The same page holding twenty text-less frames (median); a frame = (this − emptyFrame) / 20. */
  twentyFrames: { cpuMs: number; longestMs: number };
  hover: HoverCost;
  storm: { without: StormRun; with: StormRun };
}

function summarize(runs: LoadCost[]): Pick<WholePage, 'cpuMs' | 'longestMs' | 'worstLongestMs' | 'painted' | 'top'> {
  return {
    cpuMs: median(runs.map((r) => r.cpuMs)),
    longestMs: median(runs.map((r) => r.longestMs)),
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
  try {
    const plainCtx = await plainContext(plain);
    // Warm-up: extension start and code caches.
    await measureLoad(ext, server.url(opts.pages[0]!), server.blank);
    const pages: WholePage[] = [];
    for (const page of opts.pages) {
      const url = server.url(page);
      const floors: number[] = [];
      const runs: LoadCost[] = [];
      for (let i = 0; i < opts.loads; i++) {
        floors.push((await measureFloor(plainCtx, url)).ms);
        runs.push(await measureLoad(ext, url, server.blank));
      }
      const throttled = await measureLoad(ext, url, server.blank, { throttle: 4 });
      pages.push({
        id: page.id,
        floorMs: median(floors),
        ...summarize(runs),
        throttledLongestMs: throttled.longestMs,
        throttledCpuMs: throttled.cpuMs,
      });
      log(`whole cost: ${page.id} done`);
    }
    const textless = async (url: string) => {
      const runs: LoadCost[] = [];
      for (let i = 0; i < opts.loads; i++) runs.push(await measureLoad(ext, url, server.blank, { textless: true }));
      return { cpuMs: median(runs.map((r) => r.cpuMs)), longestMs: median(runs.map((r) => r.longestMs)) };
    };
    const emptyFrame = await textless(server.scenario.empty);
    const twentyFrames = await textless(server.scenario.frames);
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
      emptyFrame,
      twentyFrames,
      hover,
      storm: { without, with: withExt },
    };
  } finally {
    await ext.close();
    await plain.close();
  }
}
