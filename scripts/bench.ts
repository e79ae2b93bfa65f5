/**
 * `npm run bench`: the extension's full scan against a bare text walk (the floor) and mark.js, in
 * one real headless Chromium run, reported as ratios against the budgets of the architecture brief.
 * Expects the benchmark builds (`tsx scripts/build.ts --mode bench`, which `npm run bench` runs
 * first); builds the release variant itself to measure the content script's size.
 *
 *   --runs N         repeats per page (default 5); medians are reported
 *   --pages a,b      only pages whose id contains one of these (seed-article, new-zealand,
 *                    whatwg-syntax, ecma262, fda-osteoporosis, fda-menopause, wiki-osteoporosis)
 *   --quick          CI-size smoke: 1 run, the small pages, mark.js limited to 10 s
 *   --mark-limit S   abandon mark.js after S seconds (default 60)
 *   --no-mark        skip mark.js
 *   --profile        save a CPU profile of the first run per page and build in bench/results/
 *   --whole-only     only the whole-cost run (profiler-attributed CPU, frames, storm, hover; beside
 *                    ours, a reference extension that does only what any such extension must)
 *   --loads N        loads per page in the whole-cost run (default 3; medians)
 *   --ext DIR        the whole-cost run measures this unpacked build instead of dist/bench/chromium
 *                    (e.g. an older commit's bench build, for a before/after comparison)
 *
 * Writes bench/results/latest.json. Exits 0 when a budget fails (it is a report); exits 1 only
 * when the benchmark itself cannot run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDetail, formatTable, formatVerdicts, verdicts } from '../bench/report';
import { runBench, selectPages } from '../bench/run';
import { ROOT, servePages } from '../bench/pages';
import { formatWhole, wholeVerdicts } from '../bench/whole-report';
import { runWholeCost } from '../bench/whole-run';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    pages: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'mark-limit': { type: 'string' },
    'no-mark': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'whole-only': { type: 'boolean', default: false },
    loads: { type: 'string' },
    ext: { type: 'string' },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 1 : 5));
const markLimit = Number(values['mark-limit'] ?? (quick ? 10 : 60));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);
if (!(markLimit > 0)) throw new Error(`--mark-limit must be seconds > 0, not ${values['mark-limit']}`);

const loads = Number(values.loads ?? (quick ? 1 : 3));
if (!Number.isInteger(loads) || loads < 1) throw new Error(`--loads must be a whole number ≥ 1, not ${values.loads}`);
const pages = values.pages ? values.pages.split(',').map((s) => s.trim()) : [];

const log = (line: string) => console.error(`[bench] ${line}`);

if (!values['whole-only']) await scanBench();
await wholeCost();

/** The content script's own view of its first read, against the floor and mark.js. */
async function scanBench(): Promise<void> {
  // The size budget is for the release content script: build it as `npm run build` does.
  log('release build (for the content script size)');
  let releaseBuilt = true;
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    releaseBuilt = false;
    log('the release build failed: the size is measured from a build of the content script alone');
  }

  const results = await runBench({
    runs,
    pages,
    quick,
    markLimitMs: markLimit * 1000,
    noMark: values['no-mark'],
    profile: values.profile,
    releaseBuilt,
    log,
  });
  const list = verdicts(results);
  const { load, cores } = results.machine;
  if (Math.max(load.start, load.end) > cores / 2) {
    console.log(
      `WARNING: the machine was busy (load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end, ` +
        `${cores} cores): other processes competed with the browser, so the figures are slower and noisier than usual.\n`,
    );
  }
  const out = join(ROOT, 'bench', 'results', 'latest.json');
  writeFileSync(out, JSON.stringify({ ...results, verdicts: list }, null, 2) + '\n');

  console.log(
    `PLAO Lens benchmark, ${results.date.slice(0, 10)}: Chromium ${results.machine.chromium} headless, ` +
      `${results.machine.cores} cores, ${results.options.runs} run(s) per page (medians), ` +
      `${results.terms.real} phrases (real) / ${results.terms.tenK} (10k build)\n`,
  );
  console.log(formatTable(results));
  console.log('\nLong tasks, start-up and memory (real glossary / 10k build):\n');
  console.log(formatDetail(results));
  console.log('');
  console.log(formatVerdicts(list));
  const failed = list.filter((v) => v.ok === false).length;
  console.log(
    `\n${failed ? `${failed} budget check(s) FAIL` : 'All budget checks pass'}. Results: bench/results/latest.json (${results.seconds.toFixed(0)} s)`,
  );
}

/** What a page load costs the page, from outside (the profiler), with PASS/FAIL per budget. */
async function wholeCost(): Promise<void> {
  const extDir = values.ext ?? join(ROOT, 'dist', 'bench', 'chromium');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const server = await servePages();
  try {
    const t0 = Date.now();
    const loadAtStart = loadavg()[0]!;
    const whole = await runWholeCost({ extDir, pages: selectPages({ pages, quick }), server, loads, log });
    const busiest = Math.max(loadAtStart, loadavg()[0]!);
    if (busiest > cpus().length / 2)
      console.log(
        `\nWARNING: the machine was busy during the whole-cost run (load average up to ${busiest.toFixed(1)}, ` +
          `${cpus().length} cores): a descheduled slice shows as a longer stretch, and every figure is noisier.`,
      );
    const list = wholeVerdicts(whole);
    writeFileSync(
      join(ROOT, 'bench', 'results', 'whole-cost.json'),
      JSON.stringify({ ...whole, verdicts: list }, null, 2) + '\n',
    );
    console.log(
      `\nWhole cost per page load (${extDir}; Chromium CPU profile, 100 µs sampling, from navigation until the highlights settle; ${loads} load(s), medians; ` +
        `"reference" is the platform's fixed price, bench/reference-extension.ts, loaded in a third Chromium; the naive reader in a fourth):\n`,
    );
    console.log(formatWhole(whole));
    console.log('');
    console.log(formatVerdicts(list));
    const failed = list.filter((v) => v.ok === false).length;
    console.log(
      `\n${failed ? `${failed} whole-cost check(s) FAIL` : 'All whole-cost checks pass'} (${((Date.now() - t0) / 1000).toFixed(0)} s). Results: bench/results/whole-cost.json`,
    );
  } finally {
    await server.close();
  }
}
