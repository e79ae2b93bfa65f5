/**
 * The reference extension of the whole-cost run: the least any extension like ours must do on a
 * page load, so that the run can tell the platform's fixed price (injecting and compiling a script
 * in a new isolated world, the first touch of `location`, `CSS.highlights` and `Highlight` there,
 * the storage round trip, one cold walk of the text, one painted range) from what our own code adds.
 *
 * It is registered exactly as the measured build's content script is (its manifest's
 * `content_scripts`, so matches, frames, timing and the fallback origin stay the same), and its
 * content script is plain hand-written JS: nothing is bundled, minified or decoded.
 *
 * Given words, it is the naive reader instead: the same, but every word of every text node is
 * found by a native RegExp, lower-cased, stripped of a plural "s", looked up in a Set of the
 * glossary's one-word names, and painted where it is one. It knows no phrases, no blocks across
 * inline elements, no context, no sections and no hover index: what reading a page word by word
 * costs at least, beside what our reader costs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stored settings' key and a value of the size ours has once a user changed every field. */
const SETTINGS_KEY = 'settings';
const SETTINGS = {
  version: 1,
  enabled: true,
  displayMode: 'all',
  highlightStyle: 'background',
  popoverDelay: 300,
  showBadge: true,
  disabledSites: [],
  hiddenTerms: [],
};

/** The stats our bench build publishes when its first read is done, so the bench's wait sees it. */
const DONE = JSON.stringify({ work: 0, wall: 0, firstPaint: 0, matches: 1, slices: 1, longestSlice: 0 });

const BACKGROUND = `chrome.runtime.onInstalled.addListener(() => {
  chrome.storage.local.set({ ${JSON.stringify(SETTINGS_KEY)}: ${JSON.stringify(SETTINGS)} });
});
`;

/**
 * The naive reader's folding of a word: lower case, a plural "s" dropped. The names are folded with
 * it here, and the page's words with the same function, written into the content script.
 */
function naiveFold(word: string): string {
  const w = word.toLowerCase();
  return w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Each text node's words looked up, and every hit kept as a range (the naive reader). */
const LOOK_UP = `
    WORD.lastIndex = 0;
    for (let m = WORD.exec(data); m; m = WORD.exec(data)) {
      if (WORDS.has(fold(m[0]))) {
        const end = m.index + m[0].length;
        ranges.push(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: end }));
      }
    }`;

/** One range over the first word's first letters (a range over white space alone would paint nothing). */
const PAINT_FIRST = `if (first) {
    const start = first.data.search(/\\S/);
    const range = new StaticRange({
      startContainer: first,
      startOffset: start,
      endContainer: first,
      endOffset: Math.min(start + 3, first.data.length),
    });
    CSS.highlights.set('plao-lens', new Highlight(range));
  }`;

// A classic script (no top-level await). Settings that turn the site off stop it, as ours would.
function contentScript(words: readonly string[] | undefined): string {
  return `(async () => {
  const host = location.hostname;
  const stored = await chrome.storage.local.get(${JSON.stringify(SETTINGS_KEY)});
  const settings = stored[${JSON.stringify(SETTINGS_KEY)}];
  if (settings && (settings.enabled === false || (settings.disabledSites || []).includes(host))) return;${
    words
      ? `
  const WORDS = new Set(${JSON.stringify(words)});
  const fold = ${naiveFold.toString()};
  const WORD = /[A-Za-z0-9]+/g;
  const ranges = [];`
      : ''
  }
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let first = null;
  // Every node's data is read, as a reader must, even once the first word is found.
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    if (!first && data.trim()) first = node;${words ? LOOK_UP : ''}
  }
  ${words ? `if (ranges.length) CSS.highlights.set('plao-lens', new Highlight(...ranges));\n  else ${PAINT_FIRST}` : PAINT_FIRST}
  if (window === window.top) document.documentElement.setAttribute('data-plao-lens-bench', ${JSON.stringify(DONE)});
})();
`;
}

const STYLE = '::highlight(plao-lens) { background-color: #fff1a8; }\n';

interface ContentScript {
  js?: string[];
  css?: string[];
  [key: string]: unknown;
}

/**
 * Writes the reference extension (with `words`, the naive reader) into a new temporary folder and
 * returns it. `build` is the unpacked build being measured: its content-script registration is copied.
 */
export function writeReferenceExtension(build: string, words?: readonly string[]): string {
  const measured = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScript[];
    host_permissions?: string[];
  };
  const registrations = (measured.content_scripts ?? []).map((cs) => ({
    ...cs,
    js: ['content.js'],
    ...(cs.css ? { css: ['content.css'] } : {}),
  }));
  if (!registrations.length) throw new Error(`${build}/manifest.json registers no content script to copy`);
  const manifest = {
    manifest_version: 3,
    name: 'PLAO Lens bench reference',
    version: '1.0.0',
    description: 'The least a content script like PLAO Lens does on a page load, for the whole-cost bench.',
    background: { service_worker: 'background.js' },
    content_scripts: registrations,
    permissions: ['storage'],
    host_permissions: measured.host_permissions ?? ['http://*/*', 'https://*/*'],
  };
  const dir = mkdtempSync(join(tmpdir(), 'plao-lens-reference-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'content.js'), contentScript(words));
  writeFileSync(join(dir, 'content.css'), STYLE);
  return dir;
}

/**
 * The glossary's one-word names, as the naive reader folds them, from the phrases the bench build
 * lists beside itself (`terms.json`); undefined for a build without that list.
 */
export function naiveWords(build: string): string[] | undefined {
  const list = join(build, '..', 'terms.json');
  if (!existsSync(list)) return undefined;
  const phrases = JSON.parse(readFileSync(list, 'utf8')) as string[];
  return [...new Set(phrases.filter((p) => /^[A-Za-z0-9]+$/.test(p)).map(naiveFold))].sort();
}
