// @vitest-environment happy-dom
/**
 * The bench's reference extension: registered as the measured build is, and its content script does
 * the least work in order (DOM only here; the bench runs it in Chromium).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { naiveWords, writeReferenceExtension } from '../../bench/reference-extension';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('data-plao-lens-bench');
});

const REGISTRATION = {
  matches: ['http://*/*', 'https://*/*'],
  js: ['content.js'],
  css: ['content.css'],
  run_at: 'document_idle',
  all_frames: true,
  match_about_blank: true,
  match_origin_as_fallback: true,
};

function reference(words?: string[]): string {
  const build = mkdtempSync(join(tmpdir(), 'plao-lens-build-'));
  dirs.push(build);
  writeFileSync(
    join(build, 'manifest.json'),
    JSON.stringify({ content_scripts: [{ ...REGISTRATION, js: ['a.js', 'b.js'] }], host_permissions: ['https://*/*'] }),
  );
  const dir = writeReferenceExtension(build, words);
  dirs.push(dir);
  return dir;
}

type Manifest = { content_scripts: (typeof REGISTRATION)[]; host_permissions: string[]; background: unknown };

test('its content script is registered as the measured build registers its own', () => {
  const manifest = JSON.parse(readFileSync(join(reference(), 'manifest.json'), 'utf8')) as Manifest;
  expect(manifest.content_scripts).toEqual([REGISTRATION]);
  expect(manifest.host_permissions).toEqual(['https://*/*']);
  expect(manifest.background).toEqual({ service_worker: 'background.js' });
});

type Range = StaticRangeInit;

/**
 * Runs the reference's content script on `html` with `stored` as the stored settings. The fake DOM
 * has neither highlights nor StaticRange: the script's calls to them are recorded instead.
 */
function runContent(html: string, stored: unknown, words?: string[]): Map<string, { ranges: Range[] }> {
  document.body.innerHTML = html;
  const highlights = new Map<string, { ranges: Range[] }>();
  vi.stubGlobal('chrome', { storage: { local: { get: () => Promise.resolve({ settings: stored }) } } });
  vi.stubGlobal('CSS', { highlights });
  vi.stubGlobal(
    'StaticRange',
    class {
      constructor(init: Range) {
        return init;
      }
    },
  );
  vi.stubGlobal(
    'Highlight',
    class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    },
  );
  const code = readFileSync(join(reference(words), 'content.js'), 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated script is the thing under test
  new Function(code)();
  return highlights;
}

test('it walks the text, paints the first three letters of the first word and says it is done', async () => {
  const highlights = runContent('<div>  </div><p>\n bone density</p>', { version: 1 });
  await vi.waitFor(() => expect(document.documentElement.getAttribute('data-plao-lens-bench')).toBeTruthy());
  const range = highlights.get('plao-lens')?.ranges[0];
  expect(range?.startContainer.textContent).toBe('\n bone density');
  expect([range?.startOffset, range?.endOffset]).toEqual([2, 5]);
  expect(JSON.parse(document.documentElement.getAttribute('data-plao-lens-bench')!)).toMatchObject({ matches: 1 });
});

test('settings that turn it off leave the page alone', async () => {
  const highlights = runContent('<p>bone density</p>', { version: 1, enabled: false });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(highlights.size).toBe(0);
  expect(document.documentElement.hasAttribute('data-plao-lens-bench')).toBe(false);
});

test('the naive reader paints every word of its list, folded as it folds them, in every text node', async () => {
  const html = '<p>Bone density and <b>bones</b>; calcium, CALCIUM.</p><p>bonewax</p>';
  const highlights = runContent(html, { version: 1 }, ['bone', 'calcium']);
  await vi.waitFor(() => expect(document.documentElement.getAttribute('data-plao-lens-bench')).toBeTruthy());
  const words = highlights
    .get('plao-lens')
    ?.ranges.map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
  expect(words).toEqual(['Bone', 'bones', 'calcium', 'CALCIUM']);
});

test("the naive reader's words are the glossary's one-word names, listed beside the bench build", () => {
  const root = mkdtempSync(join(tmpdir(), 'plao-lens-bench-'));
  dirs.push(root);
  expect(naiveWords(join(root, 'chromium'))).toBeUndefined();
  writeFileSync(
    join(root, 'terms.json'),
    JSON.stringify(['Bisphosphonates', 'DEXA', 'bone mineral density', 'T-score', 'hip']),
  );
  expect(naiveWords(join(root, 'chromium'))).toEqual(['bisphosphonate', 'dexa', 'hip']);
});
