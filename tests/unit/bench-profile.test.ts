import { describe, expect, it } from 'vitest';
import { extensionCost, type CpuProfile } from '../../bench/profile';
import type { TraceEvent } from '../../bench/trace';

const EXT = 'chrome-extension://abc/content.js';

/** Nodes: 1 root, 2 a page function, 3 an extension function. Samples every `step` µs from t = 1000. */
function profile(kinds: ('page' | 'ext')[], step = 100): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3] },
      { id: 2, callFrame: { url: 'http://page/app.js', functionName: 'app' } },
      { id: 3, callFrame: { url: EXT, functionName: 'read' } },
    ],
    startTime: 1000,
    endTime: 1000 + step * kinds.length,
    samples: kinds.map((k) => (k === 'ext' ? 3 : 2)),
    timeDeltas: kinds.map((_, i) => (i === 0 ? 0 : step)),
  };
}

const main = (pid: number): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid: pid,
  args: { name: 'CrRendererMain' },
});
const slice = (
  pid: number,
  ts: number,
  dur: number,
  tdur: number,
  name = 'ThreadControllerImpl::RunTask',
): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur,
  pid,
  tid: pid,
});

describe('extension cost from a profile and its trace', () => {
  it('counts each sample at the share of its slice the thread ran', () => {
    // Ten extension samples of 100 µs in one slice that ran half its wall time.
    const cost = extensionCost({ profile: profile(Array(11).fill('ext')), trace: [main(7), slice(7, 900, 1200, 600)] });
    expect(cost.cpuMs).toBeCloseTo(1.0);
    expect(cost.threadMs).toBeCloseTo(0.5);
    // The main thread ran 600 µs in all in the window.
    expect(cost.mainMs).toBeCloseTo(0.6);
  });

  it('counts a sample outside every slice whole, and ignores slices nested in another', () => {
    const trace = [
      main(7),
      slice(7, 900, 500, 250, 'BlinkScheduler_PerformMicrotaskCheckpoint'),
      slice(7, 950, 100, 100), // nested: the outer slice's share holds
    ];
    const cost = extensionCost({ profile: profile(Array(11).fill('ext')), trace });
    // Samples at 1000..1400 (five, the last where the slice ends) at half; 1500..1900 (five) whole.
    expect(cost.threadMs).toBeCloseTo(0.25 + 0.5);
  });

  it('reads the main thread that holds the extension samples, not another renderer', () => {
    const trace = [main(8), slice(8, 1000, 300, 300), main(7), slice(7, 900, 1200, 300)];
    // Thread 8 holds three of the samples, thread 7 all ten: its quarter share is the one taken.
    const cost = extensionCost({ profile: profile(['page', ...Array(10).fill('ext')]), trace });
    expect(cost.threadMs).toBeCloseTo(0.225);
  });

  it('with no extension sample to go by, the main thread in all is the busiest renderer', () => {
    const trace = [main(8), slice(8, 0, 500, 200), main(7), slice(7, 0, 5000, 3000)];
    const cost = extensionCost({ profile: profile(['page', 'page']), trace });
    expect(cost.mainMs).toBeCloseTo(3.0);
    expect(cost.threadMs).toBe(0);
  });

  it('without a trace, thread time is the sampled time', () => {
    const cost = extensionCost({ profile: profile(['ext', 'ext', 'page', 'ext', 'page']), trace: [] });
    expect(cost.threadMs).toBeCloseTo(cost.cpuMs);
    expect(cost.cpuMs).toBeCloseTo(0.3);
    expect(cost.mainMs).toBeNaN();
  });
});
