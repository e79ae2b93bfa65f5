/**
 * The pages the benchmark reads, and how they are served: the seed article and the shared bench
 * pages through the tests' fixture server (../shared is referenced, never copied into the repo);
 * the Wikipedia "Osteoporosis" Markdown text wrapped into simple HTML in a temporary folder and
 * served by a small server of its own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/support/server';
import { EMPTY_FRAME, framesPage, STORM_PAGE } from './scenario-pages';

export const ROOT = join(import.meta.dirname, '..');

export interface BenchPage {
  /** Short name used in the table and by `--pages` (matched as a substring). */
  id: string;
  /** Where the page comes from, relative to the repository root. */
  source: string;
  /** A large page: the mark.js budget applies, and mark.js with 10,000 terms is skipped. */
  large: boolean;
  /** A small page, run by `--quick`. */
  small: boolean;
}

export const PAGES: BenchPage[] = [
  { id: 'seed-article', source: 'tests/fixtures/seed-article.html', large: false, small: true },
  { id: 'new-zealand', source: '../shared/pages/bench/wikipedia-new-zealand.html', large: true, small: false },
  { id: 'whatwg-syntax', source: '../shared/pages/bench/whatwg-html-syntax-2014.html', large: true, small: false },
  { id: 'ecma262', source: '../shared/pages/bench/ecma262-es6-draft.html', large: true, small: false },
  { id: 'fda-osteoporosis', source: '../shared/pages/bench/fda-owh-osteoporosis-2017.htm', large: false, small: true },
  { id: 'fda-menopause', source: '../shared/pages/bench/fda-owh-menopause-medicines.htm', large: false, small: false },
  {
    id: 'wiki-osteoporosis',
    source: '../shared/pages/bench/wikipedia-osteoporosis-2019.md',
    large: false,
    small: true,
  },
];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown text as simple HTML: one paragraph per blank-line-separated chunk. */
export function wrapMarkdown(markdown: string, title: string): string {
  const paragraphs = markdown
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => `<p>${escapeHtml(chunk)}</p>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title></head>',
    '<body>',
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface PageServer {
  /** The address of a bench page on 127.0.0.1. */
  url(page: BenchPage): string;
  /** An empty page on the same site (a CPU profile starts there, in the renderer that loads the page). */
  blank: string;
  /** The whole-cost scenarios: an ad-like frame with no text, twenty empty frames, the storm. */
  scenario: { empty: string; frames: string; storm: string };
  close(): Promise<void>;
}

export async function servePages(): Promise<PageServer> {
  const fixtures = await startServer();
  // Generated pages (the wrapped Markdown) live in a temporary folder with their own server.
  const tmp = mkdtempSync(join(tmpdir(), 'plao-bench-'));
  const generated = new Map<string, string>();
  for (const page of PAGES) {
    if (!page.source.endsWith('.md')) continue;
    const name = `${page.id}.html`;
    const file = join(tmp, name);
    writeFileSync(file, wrapMarkdown(readFileSync(join(ROOT, page.source), 'utf8'), page.id));
    generated.set('/' + name, file);
  }
  const add = (name: string, html: string) => {
    writeFileSync(join(tmp, name), html);
    generated.set('/' + name, join(tmp, name));
  };
  add('blank.html', '<!doctype html><title>blank</title>\n');
  add('empty.html', EMPTY_FRAME);
  add('frames.html', framesPage('/empty.html'));
  add('storm.html', STORM_PAGE);
  const server = createServer((req, res) => {
    const file = generated.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    blank: `http://127.0.0.1:${port}/blank.html`,
    scenario: {
      empty: `http://127.0.0.1:${port}/empty.html`,
      frames: `http://127.0.0.1:${port}/frames.html`,
      storm: `http://127.0.0.1:${port}/storm.html`,
    },
    url(page) {
      if (page.source.endsWith('.md')) return `http://127.0.0.1:${port}/${page.id}.html`;
      if (page.source.startsWith('tests/fixtures/')) return fixtures.url('/fixtures/' + page.source.slice(15));
      return fixtures.url('/shared/bench/' + page.source.slice('../shared/pages/bench/'.length));
    },
    async close() {
      await fixtures.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
