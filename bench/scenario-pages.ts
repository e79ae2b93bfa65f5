/**
 * Generated pages for the whole-cost scenarios: a frame with no text (an ad slot), a text-less
 * page holding twenty such frames (half `about:blank`), and the living-page storm.
 */

/** An ad slot: a sized box and a script, no reading text. */
export const EMPTY_FRAME = `<!doctype html><html><head><meta charset="utf-8"><title></title>
<style>body{margin:0}#slot{width:300px;height:250px;background:#eee}</style></head>
<body><div id="slot"></div><script>document.getElementById('slot').dataset.filled = '1';</script></body></html>
`;

/** A text-less page with ten ad-like frames and ten `about:blank` frames. */
export function framesPage(emptyUrl: string): string {
  const frames = Array.from({ length: 10 }, () => `<iframe src="${emptyUrl}" width="300" height="250"></iframe>`);
  const blanks = Array.from({ length: 10 }, () => '<iframe src="about:blank" width="300" height="250"></iframe>');
  return `<!doctype html><html><head><meta charset="utf-8"><title></title></head><body>${[...frames, ...blanks].join('')}</body></html>\n`;
}

/** The paragraph the storm adds, again and again: two glossary terms. */
export const STORM_TEXT = 'She asked about bone mineral density and alendronate before weaning her baby.';

/**
 * The living page: a reference paragraph, and a feed that on `window.startStorm()` adds 200
 * paragraphs and removes the 150 oldest every 50 ms for 5 s, while a 10 ms interval records how
 * late each tick fires. `window.stormResult()` reports lateness and what is painted, in all and in view.
 */
export const STORM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>storm</title></head>
<body><h1>Feed</h1><p id="ref">${STORM_TEXT}</p><div id="feed"></div>
<script>
(() => {
  const feed = document.getElementById('feed');
  const late = [];
  let running = false;
  window.startStorm = () => new Promise((resolve) => {
    running = true;
    let prev = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      late.push(Math.max(0, now - prev - 10));
      prev = now;
    }, 10);
    const started = performance.now();
    const tick = setInterval(() => {
      for (let i = 0; i < 200; i++) {
        const p = document.createElement('p');
        p.textContent = ${JSON.stringify(STORM_TEXT)};
        feed.appendChild(p);
      }
      for (let i = 0; i < 150 && feed.firstChild; i++) feed.firstChild.remove();
      if (performance.now() - started >= 5000) {
        clearInterval(tick);
        clearInterval(timer);
        running = false;
        resolve();
      }
    }, 50);
  });
  window.stormResult = () => {
    const s = [...late].sort((a, b) => a - b);
    const h = CSS.highlights.get('plao-lens');
    const ranges = h ? [...h] : [];
    const ref = document.getElementById('ref');
    const inRef = ranges.filter((r) => ref.contains(r.startContainer)).length;
    // A page with very many terms has only those near the viewport painted: the paragraphs in
    // view must have all theirs.
    const inView = (el) => {
      const b = el.getBoundingClientRect();
      return b.bottom > 0 && b.top < innerHeight;
    };
    const shown = [ref, ...feed.children].filter(inView);
    return {
      running,
      ticks: s.length,
      p95: s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : 0,
      worst: s.length ? s[s.length - 1] : 0,
      painted: ranges.length,
      stale: ranges.filter((r) => !r.startContainer.isConnected).length,
      expected: (feed.children.length + 1) * inRef,
      paintedInView: ranges.filter((r) => r.startContainer.isConnected && shown.includes(r.startContainer.parentElement)).length,
      expectedInView: shown.length * inRef,
    };
  };
})();
</script></body></html>
`;
