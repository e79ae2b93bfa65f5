/** The table and the budget verdicts of a benchmark run (docs/performance.md explains both). */
import type { MarkResult } from './measure';
import type { PageResult, Results } from './run';

/** The budgets of the architecture brief (design/ARCHITECTURE.md, "Budgets"). */
export const BUDGETS = {
  scanFloorFactor: 2,
  scanStartupMs: 10,
  markFactor: 20,
  longTaskMs: 50,
  tenKFactor: 1.3,
  bundleBytes: 60 * 1024,
};

export interface Verdict {
  ok: boolean | null;
  budget: string;
  page?: string;
  text: string;
}

function ms(v: number): string {
  if (!Number.isFinite(v) || v < 0) return '—';
  return v < 100 ? v.toFixed(1) : v.toFixed(0);
}

function ratio(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v < 10 ? v.toFixed(2) + '×' : v.toFixed(0) + '×';
}

function markMs(m: PageResult['mark']): string {
  if (m === 'skipped' || m === 'off') return m;
  if ('error' in m) return /overflow|call stack/i.test(m.error) ? 'stack overflow' : 'error';
  return 'exceeded' in m ? `> ${m.exceeded / 1000} s` : ms(m.ms);
}

/** mark.js time over scan work; a lower bound (">") when mark.js was abandoned. */
function markRatio(m: MarkResult | 'skipped' | 'off', work: number): { text: string; value: number; lower: boolean } {
  if (m === 'skipped' || m === 'off' || 'error' in m) return { text: '—', value: NaN, lower: false };
  if ('exceeded' in m) return { text: '> ' + ratio(m.exceeded / work), value: m.exceeded / work, lower: true };
  return { text: ratio(m.ms / work), value: m.ms / work, lower: false };
}

type Column = [header: string, cell: (p: PageResult) => string];

/** The main table: the columns of the brief. */
const MAIN: Column[] = [
  ['page', (p) => p.id],
  ['floor ms', (p) => ms(p.floor.ms)],
  ['scan work ms', (p) => ms(p.real.work)],
  ['scan/floor', (p) => ratio(p.real.work / p.floor.ms)],
  ['wall ms', (p) => ms(p.real.wall)],
  ['first paint ms', (p) => ms(p.real.firstPaint)],
  ['longest task ms', (p) => ms(p.real.worstSlice)],
  ['mark.js ms', (p) => markMs(p.mark)],
  ['mark.js/scan', (p) => markRatio(p.mark, p.real.work).text],
  ['10k work ms', (p) => ms(p.tenK.work)],
  ['10k/real', (p) => ratio(p.tenK.work / p.real.work)],
  ['matches', (p) => String(p.real.matches)],
];

/** Long tasks, start-up and memory, real glossary / 10k build. */
const DETAIL: Column[] = [
  ['page', (p) => p.id],
  ['slices', (p) => `${p.real.slices} / ${p.tenK.slices}`],
  ['worst slice ms', (p) => `${ms(p.real.worstSlice)} / ${ms(p.tenK.worstSlice)}`],
  ['task in scan ms (trace)', (p) => `${ms(p.real.worstTaskInScan)} / ${ms(p.tenK.worstTaskInScan)}`],
  ['Long Tasks API in scan', (p) => `${ms(p.real.worstLongtaskInScan)} / ${ms(p.tenK.worstLongtaskInScan)}`],
  ["page's own longest task ms", (p) => ms(p.floor.taskMax)],
  ['injection task ms', (p) => `${ms(p.real.scriptEval)} / ${ms(p.tenK.scriptEval)}`],
  [
    'heap +MB',
    (p) => `${(p.real.heapMB - p.floor.heapMB).toFixed(1)} / ${(p.tenK.heapMB - p.floor.heapMB).toFixed(1)}`,
  ],
  ['mark.js 10k', (p) => markMs(p.mark10k)],
  ['text nodes', (p) => String(p.floor.nodes)],
  ['chars', (p) => String(p.floor.chars)],
];

/** A Markdown table (readable as is in a terminal, pasteable into docs). */
function format(results: Results, columns: Column[]): string {
  const rows = [columns.map(([h]) => h), ...results.pages.map((p) => columns.map(([, cell]) => cell(p)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const pad = (c: string, i: number) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!));
  const line = (r: string[]) => '| ' + r.map(pad).join(' | ') + ' |';
  const rule =
    '|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatTable(results: Results): string {
  return format(results, MAIN);
}

export function formatDetail(results: Results): string {
  return format(results, DETAIL);
}

export function verdicts(results: Results): Verdict[] {
  const out: Verdict[] = [];
  const B = BUDGETS;
  for (const p of results.pages) {
    const limit = B.scanFloorFactor * p.floor.ms + B.scanStartupMs;
    const work = p.real.work;
    out.push({
      ok: work <= limit,
      budget: 'scan ≤ 2× floor + 10 ms',
      page: p.id,
      text:
        work <= limit
          ? `${ms(work)} ms ≤ ${ms(limit)} ms`
          : `${ms(work)} ms > ${ms(limit)} ms: over by ${ms(work - limit)} ms (${ratio(work / limit)} the budget)`,
    });
  }
  for (const p of results.pages.filter((x) => x.large)) {
    const r = markRatio(p.mark, p.real.work);
    if (Number.isNaN(r.value)) {
      out.push({
        ok: null,
        budget: 'mark.js ≥ 20× scan (large pages)',
        page: p.id,
        text: `mark.js: ${markMs(p.mark)}`,
      });
      continue;
    }
    const ok = r.value >= B.markFactor ? true : r.lower ? null : false;
    out.push({
      ok,
      budget: 'mark.js ≥ 20× scan (large pages)',
      page: p.id,
      text:
        ok === null
          ? `mark.js abandoned at ${r.text}: raise --mark-limit to decide`
          : `mark.js ${markMs(p.mark)}${r.lower ? '' : ' ms'} / scan ${ms(p.real.work)} ms = ${r.text}`,
    });
  }
  for (const p of results.pages) {
    for (const [name, r] of [
      ['real', p.real],
      ['10k', p.tenK],
    ] as const) {
      const ok = r.worstSlice < B.longTaskMs && r.worstTaskInScan < B.longTaskMs && r.scriptEval < B.longTaskMs;
      out.push({
        ok,
        budget: `no extension task ≥ 50 ms (${name})`,
        page: p.id,
        text:
          `worst slice ${ms(r.worstSlice)} ms over ${r.runs.length} run(s); longest main-thread task during ` +
          `the scan ${ms(r.worstTaskInScan)} ms (${r.worstTaskInScanKind}); injection task ${ms(r.scriptEval)} ms`,
      });
    }
  }
  for (const p of results.pages) {
    const r = p.tenK.work / p.real.work;
    out.push({
      ok: r <= B.tenKFactor,
      budget: '10k terms ≤ 1.3× real glossary',
      page: p.id,
      text:
        `${ms(p.tenK.work)} ms / ${ms(p.real.work)} ms = ${ratio(r)}` +
        (r > B.tenKFactor ? ` (over by ${ms(p.tenK.work - B.tenKFactor * p.real.work)} ms)` : ''),
    });
  }
  const s = results.size;
  out.push({
    ok: s.releaseBytes <= B.bundleBytes,
    budget: 'content script ≤ 60 KB minified',
    text:
      `${s.fromRelease ? 'dist/chromium/content.js' : 'content script (release build failed; metafile build)'} ` +
      `${(s.releaseBytes / 1024).toFixed(1)} KB (code ${(s.codeBytes / 1024).toFixed(1)} KB + ` +
      `glossary data ${(s.knowledgeBytes / 1024).toFixed(1)} KB)` +
      (s.releaseBytes > B.bundleBytes ? `: over by ${((s.releaseBytes - B.bundleBytes) / 1024).toFixed(1)} KB` : '') +
      (s.metafileBytes !== s.releaseBytes
        ? `; note: the metafile build is ${s.metafileBytes} bytes, not the same`
        : ''),
  });
  return out;
}

export function formatVerdicts(list: Verdict[]): string {
  const tag = (ok: boolean | null) => (ok === true ? 'PASS' : ok === false ? 'FAIL' : 'N/A ');
  return list.map((v) => `${tag(v.ok)}  ${v.budget}${v.page ? ` — ${v.page}` : ''}: ${v.text}`).join('\n');
}
