/** The whole-cost table and its budget checks (design/ARCHITECTURE.md, "Budgets"). */
import type { Verdict } from './report';
import type { WholeResults } from './whole-run';
import { NEAR_VIEW_AFTER } from '../src/content/near-view';

export const WHOLE_BUDGETS = {
  floorFactor: 2,
  startupMs: 10,
  emptyFrameMs: 1,
  stretchMs: 50,
  stormP95OverMs: 20,
  stormWorstMs: 100,
  hoverMs: 16,
};

const f = (v: number) => (!Number.isFinite(v) ? '—' : v < 100 ? v.toFixed(1) : v.toFixed(0));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : ':' + '-'.repeat(w + 1))).join('|') + '|';
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A frame's name as the table shows it: a RegExp's whole source is its name in a profile. */
function shortName(name: string): string {
  return name.length > 32 ? name.slice(0, 31) + '…' : name;
}

/** What one text-less frame adds: the twenty-frame page less its text-less top frame, over 20. */
export function frameCost(
  r: Pick<WholeResults, 'emptyFrame' | 'twentyFrames'>,
  key: 'cpuMs' | 'threadMs' = 'cpuMs',
): number {
  return Math.max(0, r.twentyFrames[key] - r.emptyFrame[key]) / 20;
}

const loadBudget = (floorMs: number) => WHOLE_BUDGETS.floorFactor * floorMs + WHOLE_BUDGETS.startupMs;

/**
 * Not a budget: what our own code costs beyond the platform's fixed price (the reference
 * extension's), held against the same allowance as the whole cost.
 */
function beyondReference(r: WholeResults): string {
  const pages = r.pages.map((p) => {
    const ours = p.cpuMs - p.reference.cpuMs;
    return `${p.id} ${f(ours)} against ${f(loadBudget(p.floorMs))} ${ours <= loadBudget(p.floorMs) ? 'yes' : 'no'}`;
  });
  const frame = frameCost(r) - frameCost(r.reference);
  return (
    `Beyond the platform's price (informational): ours − reference ≤ 2 × floor + 10 ms? ${pages.join('; ')}. ` +
    `A text-less frame: ours − reference ${f(frame)} ms`
  );
}

/**
 * Not a budget: what reading a page word by word costs at least (bench/reference-extension.ts,
 * the naive reader), beside ours, in thread time.
 */
function naiveReader(r: WholeResults): string | undefined {
  const pages = r.pages.filter((p) => p.naive);
  if (!pages.length) return undefined;
  const list = pages.map(
    (p) => `${p.id} ${f(p.naive!.threadMs)} (ours ${f(p.threadMs)}, reference ${f(p.reference.threadMs)})`,
  );
  return (
    "Naive reader (informational; each text node's words by a native RegExp, looked up one by one, every hit " +
    `painted; no phrases, blocks or hover index), thread ms: ${list.join('; ')}`
  );
}

export function formatWhole(r: WholeResults): string {
  const rows = r.pages.map((p) => [
    p.id,
    String(p.painted),
    f(p.floorMs),
    f(p.cpuMs),
    `${f(p.threadMs)} / ${f(p.reference.threadMs)}`,
    `${f(p.mainMs)} / ${f(p.reference.mainMs)} (${f(p.mainMs - p.reference.mainMs)})`,
    f(p.reference.cpuMs),
    f(p.cpuMs - p.reference.cpuMs),
    f(loadBudget(p.floorMs)),
    `${f(p.longestMs)} / ${f(p.worstLongestMs)}`,
    f(p.reference.longestMs),
    `${f(p.throttledCpuMs)} / ${f(p.throttledLongestMs)}`,
    p.top.map((t) => `${shortName(t.name)} ${f(t.ms)}`).join(', '),
  ]);
  const perFrame = frameCost(r);
  const { emptyFrame: refEmpty, twentyFrames: refFrames } = r.reference;
  const frames = [
    [
      'text-less page (top frame)',
      '0',
      '—',
      f(r.emptyFrame.cpuMs),
      `${f(r.emptyFrame.threadMs)} / ${f(refEmpty.threadMs)}`,
      `${f(r.emptyFrame.mainMs)} / ${f(refEmpty.mainMs)}`,
      f(refEmpty.cpuMs),
      f(r.emptyFrame.cpuMs - refEmpty.cpuMs),
      '—',
      f(r.emptyFrame.longestMs),
      f(refEmpty.longestMs),
      '',
      '',
    ],
    [
      'same + 20 text-less frames',
      '0',
      '—',
      f(r.twentyFrames.cpuMs),
      `${f(r.twentyFrames.threadMs)} / ${f(refFrames.threadMs)}`,
      `${f(r.twentyFrames.mainMs)} / ${f(refFrames.mainMs)}`,
      f(refFrames.cpuMs),
      f(r.twentyFrames.cpuMs - refFrames.cpuMs),
      f(r.emptyFrame.cpuMs + 20 * WHOLE_BUDGETS.emptyFrameMs),
      f(r.twentyFrames.longestMs),
      f(refFrames.longestMs),
      '',
      `${f(perFrame)} ms a frame (reference ${f(frameCost(r.reference))}; thread time ${f(frameCost(r, 'threadMs'))})`,
    ],
  ];
  const s = r.storm;
  return [
    table(
      [
        'page',
        'painted',
        'floor ms',
        'ext CPU ms',
        'thread ms: ext / ref',
        'main thread ms: ours / ref (diff)',
        'reference ms',
        'ours − reference ms',
        'budget ms',
        'longest stretch ms (median / worst)',
        'reference stretch ms',
        '4× CPU: ext ms / stretch ms',
        'most self time (first load)',
      ],
      [...rows, ...frames],
    ),
    '',
    beyondReference(r),
    ...[naiveReader(r)].filter((line) => line !== undefined),
    `Hover on a term until its card shows: ${f(r.hover.cpuMs)} ms of extension CPU (thread time ${f(r.hover.threadMs)}), longest stretch ${f(r.hover.longestMs)} ms` +
      (r.hover.opened ? '' : ' (the card did not open)'),
    `Storm (10 ms timer lateness, ms): without p95 ${f(s.without.p95)}, worst ${f(s.without.worst)}; ` +
      `with p95 ${f(s.with.p95)}, worst ${f(s.with.worst)}; painted ${s.with.painted} of ${s.with.expected} ` +
      `(near the viewport only above ${NEAR_VIEW_AFTER}), in view ${s.with.paintedInView} of ${s.with.expectedInView}, ${s.with.stale} stale`,
  ].join('\n');
}

export function wholeVerdicts(r: WholeResults): Verdict[] {
  const b = WHOLE_BUDGETS;
  const out: Verdict[] = [];
  for (const p of r.pages) {
    const limit = loadBudget(p.floorMs);
    out.push({
      ok: p.cpuMs <= limit,
      budget: 'ext CPU per load ≤ 2× floor + 10 ms (sampled: waits for a core included)',
      page: p.id,
      text: `${f(p.cpuMs)} ms against ${f(limit)}`,
    });
    out.push({
      ok: p.threadMs <= limit,
      budget: 'ext CPU per load ≤ 2× floor + 10 ms (thread time)',
      page: p.id,
      text: `${f(p.threadMs)} ms against ${f(limit)}`,
    });
    out.push({
      ok: p.worstLongestMs < b.stretchMs,
      budget: 'no unbroken extension stretch ≥ 50 ms',
      page: p.id,
      text: `worst ${f(p.worstLongestMs)} ms`,
    });
    out.push({
      ok: p.throttledLongestMs < b.stretchMs,
      budget: 'aim: stretch < 50 ms with the CPU throttled 4×',
      page: p.id,
      text: `${f(p.throttledLongestMs)} ms`,
    });
  }
  out.push({
    ok: frameCost(r) <= b.emptyFrameMs && r.twentyFrames.longestMs < b.stretchMs,
    budget: 'empty frame ≤ 1 ms, no stretch ≥ 50 ms (sampled: waits for a core included)',
    page: 'twenty text-less frames',
    text: `${f(frameCost(r))} ms a frame, longest stretch ${f(r.twentyFrames.longestMs)} ms`,
  });
  out.push({
    ok: frameCost(r, 'threadMs') <= b.emptyFrameMs && r.twentyFrames.longestMs < b.stretchMs,
    budget: 'empty frame ≤ 1 ms, no stretch ≥ 50 ms (thread time)',
    page: 'twenty text-less frames',
    text: `${f(frameCost(r, 'threadMs'))} ms a frame, longest stretch ${f(r.twentyFrames.longestMs)} ms`,
  });
  const s = r.storm;
  out.push({
    ok: s.with.p95 <= s.without.p95 + b.stormP95OverMs && s.with.worst < b.stormWorstMs,
    budget: 'storm: p95 within 20 ms of without, worst < 100 ms',
    page: 'storm',
    text: `p95 ${f(s.with.p95)} against ${f(s.without.p95)}, worst ${f(s.with.worst)}`,
  });
  // Above NEAR_VIEW_AFTER terms only those near the viewport are painted (src/content/near-view.ts):
  // every term in view, none of a removed paragraph, none the page does not have.
  const exact =
    s.with.expected <= NEAR_VIEW_AFTER ? s.with.painted === s.with.expected : s.with.painted <= s.with.expected;
  out.push({
    ok: exact && s.with.paintedInView === s.with.expectedInView && s.with.stale === 0,
    budget: 'storm: painted ranges equal the final page (in view, above 500 terms)',
    page: 'storm',
    text: `${s.with.painted} painted of ${s.with.expected}; in view ${s.with.paintedInView} of ${s.with.expectedInView}; ${s.with.stale} stale`,
  });
  out.push({
    ok: r.hover.opened && r.hover.cpuMs <= b.hoverMs,
    budget: 'hover to visible card ≤ 16 ms of extension script',
    page: 'seed-article',
    text: `${f(r.hover.cpuMs)} ms`,
  });
  return out;
}
