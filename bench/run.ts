/**
 * One benchmark run: every page, in one run of three browsers (the real-glossary build, the
 * 10,000-term build, and Chromium without the extension), measured in turn so that drift affects
 * all three alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchPlain, launchWithExtension, plainContext } from './browser';
import { measureFloor, measureMark, measureScan, type FloorRun, type MarkResult, type ScanRun } from './measure';
import { PAGES, ROOT, servePages, type BenchPage } from './pages';
import { measureSize, type SizeReport } from './size';
import { median } from './stats';

export interface Options {
  runs: number;
  /** Substrings of page ids; all pages when empty. */
  pages: string[];
  quick: boolean;
  /** mark.js is abandoned after this long, ms. */
  markLimitMs: number;
  /** Skip mark.js entirely. */
  noMark: boolean;
  /** Record one CPU profile per page and build into bench/results/. */
  profile: boolean;
  /** Whether dist/chromium/content.js is fresh (the release build ran). */
  releaseBuilt: boolean;
  log: (line: string) => void;
}

/** Medians of the numeric fields, and every run. */
export type Summary<T> = { [K in keyof T as T[K] extends number ? K : never]: number } & { runs: T[] };

/** Worst over the runs: a long task in any run counts. */
interface Worst {
  worstSlice: number;
  worstTaskInScan: number;
  worstTaskInScanKind: string;
  worstLongtaskInScan: number;
}

export interface PageResult {
  id: string;
  source: string;
  large: boolean;
  floor: Summary<FloorRun>;
  real: Summary<ScanRun> & Worst;
  tenK: Summary<ScanRun> & Worst;
  mark: MarkResult | 'skipped' | 'off';
  mark10k: MarkResult | 'skipped' | 'off';
}

export interface Results {
  date: string;
  machine: { cores: number; cpu: string; chromium: string; node: string; load: { start: number; end: number } };
  git: string;
  options: { runs: number; markLimitMs: number; quick: boolean };
  terms: { real: number; tenK: number };
  pages: PageResult[];
  size: SizeReport;
  seconds: number;
}

function summarize<T extends object>(runs: T[]): Summary<T> {
  const out: Record<string, unknown> = { runs };
  for (const [key, value] of Object.entries(runs[0] ?? {})) {
    if (typeof value === 'number') out[key] = median(runs.map((r) => (r as Record<string, number>)[key]!));
  }
  return out as Summary<T>;
}

function summarizeScan(runs: ScanRun[]): PageResult['real'] {
  const worstTask = runs.reduce((w, r) => (r.taskInScan > w.taskInScan ? r : w), runs[0]!);
  return {
    ...summarize(runs),
    // first paint −1 means nothing was painted; a median over a mix would mean nothing.
    firstPaint: runs.every((r) => r.firstPaint >= 0) ? median(runs.map((r) => r.firstPaint)) : -1,
    worstSlice: Math.max(...runs.map((r) => r.longestSlice)),
    worstTaskInScan: worstTask.taskInScan,
    worstTaskInScanKind: worstTask.taskInScanKind,
    worstLongtaskInScan: Math.max(...runs.map((r) => r.longtaskInScan)),
  };
}

function gitState(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return head + (dirty.trim() ? ' (src/ or scripts/ modified)' : '');
  } catch {
    return 'unknown';
  }
}

export function selectPages(options: Pick<Options, 'pages' | 'quick'>): BenchPage[] {
  if (options.pages.length) return PAGES.filter((p) => options.pages.some((f) => p.id.includes(f)));
  return options.quick ? PAGES.filter((p) => p.small) : PAGES;
}

export async function runBench(options: Options): Promise<Results> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const log = options.log;
  const pages = selectPages(options);
  if (!pages.length)
    throw new Error(`No page matches ${options.pages.join(',')}: ${PAGES.map((p) => p.id).join(', ')}`);
  const realDir = join(ROOT, 'dist', 'bench', 'chromium');
  const tenKDir = join(ROOT, 'dist', 'bench-10k', 'chromium');
  const terms = JSON.parse(readFileSync(join(realDir, '..', 'terms.json'), 'utf8')) as string[];
  const terms10k = JSON.parse(readFileSync(join(tenKDir, '..', 'terms.json'), 'utf8')) as string[];
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });

  const server = await servePages();
  const plain = await launchPlain();
  const real = await launchWithExtension(realDir);
  const tenK = await launchWithExtension(tenKDir);
  try {
    const plainCtx = await plainContext(plain);
    // Warm up each browser once (extension start, code caches) on the smallest page.
    const warm = server.url(PAGES[0]!);
    await measureFloor(plainCtx, warm);
    await measureScan(real, warm);
    await measureScan(tenK, warm);

    const results: PageResult[] = [];
    for (const page of pages) {
      const url = server.url(page);
      const t0 = Date.now();
      const floors: FloorRun[] = [];
      const reals: ScanRun[] = [];
      const tenKs: ScanRun[] = [];
      for (let r = 0; r < options.runs; r++) {
        const profile = options.profile && r === 0;
        floors.push(await measureFloor(plainCtx, url));
        const cpu = (build: string) =>
          profile ? { file: join(resultsDir, `${page.id}-${build}.cpuprofile`), blank: server.blank } : undefined;
        reals.push(await measureScan(real, url, cpu('real')));
        tenKs.push(await measureScan(tenK, url, cpu('10k')));
      }
      log(`${page.id}: ${options.runs} run(s) of floor, real and 10k in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      let mark: PageResult['mark'] = 'off';
      let mark10k: PageResult['mark10k'] = 'off';
      if (!options.noMark) {
        const m0 = Date.now();
        mark = await measureMark(plain, url, terms, options.markLimitMs);
        mark10k = page.large ? 'skipped' : await measureMark(plain, url, terms10k, options.markLimitMs);
        log(`${page.id}: mark.js in ${((Date.now() - m0) / 1000).toFixed(1)} s`);
      }
      results.push({
        id: page.id,
        source: page.source,
        large: page.large,
        floor: summarize(floors),
        real: summarizeScan(reals),
        tenK: summarizeScan(tenKs),
        mark,
        mark10k,
      });
    }
    return {
      date: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        chromium: plain.version(),
        node: process.version,
        // 1-minute load average: other work on the machine makes every figure slower and noisier.
        load: { start: loadAtStart, end: loadavg()[0]! },
      },
      git: gitState(),
      options: { runs: options.runs, markLimitMs: options.markLimitMs, quick: options.quick },
      terms: { real: terms.length, tenK: terms10k.length },
      pages: results,
      size: await measureSize(options.releaseBuilt),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await tenK.close();
    await real.close();
    await plain.close();
    await server.close();
  }
}
