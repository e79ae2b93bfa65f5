/**
 * Builds the extension for every browser from one source: `dist/chromium/`, `dist/firefox/` and a
 * store zip of each. `--mode test` builds the variant the end-to-end tests load into
 * `dist/test/<browser>/` (popover shadow root open; nothing else differs).
 * The knowledge is validated first; any error stops the build with file, field and reason.
 */
import { build, transform, type BuildOptions, type Plugin, type TsconfigRaw } from 'esbuild';
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentKnowledge, FullKnowledge } from '../src/core/knowledge/types';
import { encodeMatcher } from '../src/core/matcher/compact';
import { prefilterHandover } from '../src/core/matcher/prefilter-source';
import { extrasPlugin, extrasReport, formatExtrasErrors, loadExtras } from './extras';
import { formatErrors, loadKnowledge } from './knowledge';
import { withSyntheticTerms } from './synthetic-glossary';

export const ROOT = join(import.meta.dirname, '..');
export const BROWSERS = ['chromium', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];
export type Mode = 'release' | 'test' | 'bench';

export function outDir(browser: Browser, mode: Mode, glossary = ''): string {
  return mode === 'release' ? join(ROOT, 'dist', browser) : join(ROOT, 'dist', mode + glossary, browser);
}

/**
 * The extension's pages: every folder of src/pages with an `index.tsx`. Each page's HTML is the one
 * template `src/pages/page.html`, titled by its `<name>PageTitle` message.
 */
export function pageNames(): string[] {
  const dir = join(ROOT, 'src/pages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.tsx')))
    .map((d) => d.name)
    .sort();
}

function pageTitle(page: string, messages: Record<string, { message: string }>): string {
  const title = messages[`${page}PageTitle`]?.message;
  if (!title) throw new Error(`src/locales/en: no message "${page}PageTitle" for the title of src/pages/${page}`);
  return title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function writePages(out: string): void {
  const template = readFileSync(join(ROOT, 'src/pages/page.html'), 'utf8');
  const messages = localeMessages('en');
  for (const page of pageNames()) {
    const html = template.replaceAll('{{page}}', page).replace('{{title}}', pageTitle(page, messages));
    writeFileSync(join(out, 'pages', `${page}.html`), html);
  }
}

/** What esbuild bundles: the two scripts and one per page, so adding a page is adding its folder. */
export function entryPoints(): Record<string, string> {
  return {
    content: 'src/content/index.ts',
    background: 'src/background/index.ts',
    ...Object.fromEntries(pageNames().map((page) => [`pages/${page}`, `src/pages/${page}/index.tsx`])),
  };
}

const stampOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The build's modules of knowledge. The prefilter (for the background to store, see
 * src/core/matcher/prefilter-source.ts) and its stamp (for the content script to check what it
 * finds in storage) come from the same glossary as the matcher, in the same build.
 */
function knowledgeModule(
  name: string,
  content: ContentKnowledge,
  full: FullKnowledge,
  handover: () => ReturnType<typeof prefilterHandover>,
): unknown {
  switch (name) {
    case 'matcher':
      return encodeMatcher(content.matcher);
    case 'cards':
      return content.cards;
    case 'prefilter':
      return handover();
    case 'prefilter-stamp':
      return handover()?.stamp ?? '';
    case 'full':
      return full;
    default:
      throw new Error(`no knowledge module "${name}"`);
  }
}

function knowledgePlugin(content: ContentKnowledge, full: FullKnowledge): Plugin {
  // Made once per build, for both the background's module and the content script's stamp.
  let made: ReturnType<typeof prefilterHandover> | undefined;
  const handover = () => (made ??= prefilterHandover(content.matcher, stampOf));
  return {
    name: 'knowledge',
    setup(b) {
      b.onResolve({ filter: /^plao:knowledge\// }, (args) => ({ path: args.path, namespace: 'knowledge' }));
      b.onLoad({ filter: /.*/, namespace: 'knowledge' }, (args) => ({
        contents: JSON.stringify(knowledgeModule(args.path.slice('plao:knowledge/'.length), content, full, handover)),
        loader: 'json',
      }));
    },
  };
}

/**
 * Preact can write raw HTML (dangerouslySetInnerHTML), which PLAO Lens never uses. Removing that
 * one assignment from the bundle makes raw HTML impossible rather than merely unused, and keeps
 * `web-ext lint` free of innerHTML warnings. A Preact upgrade that moves the code fails the build.
 */
const noRawHtmlPlugin: Plugin = {
  name: 'no-raw-html',
  setup(b) {
    b.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
      const found = source.match(pattern)?.length ?? 0;
      if (found !== 1) throw new Error(`expected one innerHTML assignment in ${args.path}, found ${found}`);
      return {
        contents: source.replace(pattern, '(()=>{throw new Error("raw HTML is not allowed")})()'),
        loader: 'js',
      };
    });
  },
};

/** CSS imported as text (for constructable stylesheets) is minified, like the code around it. */
const minifiedCssText: Plugin = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

/** The build's esbuild plugins, in order. */
function buildPlugins(content: ContentKnowledge, full: FullKnowledge): Plugin[] {
  return [knowledgePlugin(content, full), extrasPlugin(full), noRawHtmlPlugin, minifiedCssText];
}

/**
 * On a page, `preact` is the content script's own small renderer: every frame of every page loads
 * the script, and Preact's diffing would be a sixth of it for a card that changes rarely. The popup
 * and the pages keep Preact; the card component is the same (see src/content/surface/dom-render.ts).
 */
const contentPreact: Plugin = {
  name: 'content-preact',
  setup(b) {
    const renderer = join(ROOT, 'src/content/surface/dom-render.ts');
    useClassicJsx(b.initialOptions, renderer);
    b.onResolve({ filter: /^preact$/ }, () => ({ path: renderer }));
  },
};

/**
 * The content script's JSX compiles to `h(type, props, ...children)`, the renderer's `h`, injected
 * where JSX is used: about 300 bytes shorter than the automatic runtime's `children:` key in every
 * element's props. tsconfig.json's JSX settings win over esbuild's own, so the build gets the same
 * tsconfig with only those changed. Set by the plugin, so the bench's size probe builds the same.
 */
function useClassicJsx(o: BuildOptions, renderer: string): void {
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as TsconfigRaw;
  o.tsconfigRaw = {
    compilerOptions: {
      ...tsconfig.compilerOptions,
      jsx: 'react',
      jsxFactory: 'h',
      jsxFragmentFactory: 'Fragment',
      jsxImportSource: undefined,
    },
  };
  o.jsx = 'transform';
  o.jsxFactory = 'h';
  o.jsxFragment = 'Fragment';
  delete o.jsxImportSource;
  o.inject = [...(o.inject ?? []), renderer];
}

/**
 * Heads the content script: V8 compiles every function up front and keeps them in its compilation
 * cache, so a page load in a tab that ran the script before compiles none again
 * (docs/decisions.md, "Compile hint"). bench/size.ts adds it too, to measure the same file.
 */
export const CONTENT_BANNER = '//# allFunctionsCalledOnLoad';

/** The content script's esbuild plugins; the bench's size probe uses the same ones. */
export function contentPlugins(content: ContentKnowledge, full: FullKnowledge): Plugin[] {
  return [contentPreact, ...buildPlugins(content, full)];
}

function manifestFor(browser: Browser): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  manifest.version = pkg.version;
  if (browser === 'chromium') {
    delete manifest.browser_specific_settings;
    // Frames without an address of their own (about:blank, srcdoc, data:, blob:) are read when
    // their origin is a page's the extension reads; Firefox has match_about_blank for the first two.
    for (const cs of manifest.content_scripts as Record<string, unknown>[]) cs.match_origin_as_fallback = true;
  } else {
    manifest.background = { scripts: ['background.js'] };
  }
  return manifest;
}

/** One locale's messages, merged from src/locales/<lang>/*.json; a key defined twice fails the build. */
export function localeMessages(lang: string): Record<string, { message: string; description?: string }> {
  const merged: Record<string, { message: string; description?: string }> = {};
  const dir = join(ROOT, 'src/locales', lang);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as typeof merged;
    for (const [key, value] of Object.entries(part)) {
      if (key in merged)
        throw new Error(`src/locales/${lang}/${file}: message "${key}" is already defined in another file`);
      merged[key] = value;
    }
  }
  return merged;
}

function zipDir(dir: string, zipPath: string): void {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else
        files[relative(dir, p).split('\\').join('/')] = [readFileSync(p), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
  };
  walk(dir);
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
}

export async function buildExtension(
  browser: Browser,
  mode: Mode,
  content: ContentKnowledge,
  full: FullKnowledge,
  glossary = '',
): Promise<string> {
  const out = outDir(browser, mode, glossary);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'pages'), { recursive: true });
  const { content: contentEntry, ...others } = entryPoints();
  const options = {
    absWorkingDir: ROOT,
    outdir: out,
    bundle: true,
    format: 'iife',
    target: browser === 'chromium' ? 'chrome120' : 'firefox142',
    // PLAO_UNMINIFIED=1: readable names in CPU profiles (bench investigations only).
    minify: !process.env.PLAO_UNMINIFIED,
    legalComments: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: {
      __TEST__: String(mode === 'test'),
      __BENCH__: String(mode === 'bench'),
    },
    logLevel: 'warning',
  } satisfies BuildOptions;
  await Promise.all([
    build({
      ...options,
      entryPoints: { content: contentEntry! },
      banner: { js: CONTENT_BANNER },
      plugins: contentPlugins(content, full),
    }),
    build({ ...options, entryPoints: others, plugins: buildPlugins(content, full) }),
  ]);
  // The page's stylesheet: the highlight rules (also adopted into shadow roots) and the chosen style's.
  const css = ['highlight.css', 'highlight-styles.css'].map((f) => readFileSync(join(ROOT, 'src/content', f), 'utf8'));
  writeFileSync(join(out, 'content.css'), css.join('\n'));
  cpSync(join(ROOT, 'src/ui/page.css'), join(out, 'pages/page.css'));
  writePages(out);
  cpSync(join(ROOT, 'icons'), join(out, 'icons'), { recursive: true, filter: (p) => !p.endsWith('.svg') });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  for (const lang of readdirSync(join(ROOT, 'src/locales'))) {
    mkdirSync(join(out, '_locales', lang), { recursive: true });
    writeFileSync(join(out, '_locales', lang, 'messages.json'), JSON.stringify(localeMessages(lang), null, 2) + '\n');
  }
  return out;
}

/** The benchmark builds (Chromium only): the real glossary, and the real one plus 10,000 synthetic terms. */
async function buildBench(content: ContentKnowledge, full: FullKnowledge): Promise<void> {
  const realPhrases = full.terms.flatMap((t) => [t.name, ...t.aliases, ...t.abbreviations]);
  const real = await buildExtension('chromium', 'bench', content, full);
  writeFileSync(join(real, '..', 'terms.json'), JSON.stringify([...new Set(realPhrases)]));
  const synthetic = withSyntheticTerms(content, 10_000);
  const big = await buildExtension('chromium', 'bench', synthetic.knowledge, full, '-10k');
  writeFileSync(join(big, '..', 'terms.json'), JSON.stringify([...new Set([...realPhrases, ...synthetic.phrases])]));
  console.log(`built ${relative(ROOT, real)} and ${relative(ROOT, big)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mode: { type: 'string', default: 'release' } } });
  const modes: Mode[] = values.mode === 'all' ? ['release', 'test'] : [values.mode as Mode];
  const result = loadKnowledge();
  if (!result.content || !result.full) {
    console.error(`The knowledge has ${result.errors.length} problem(s):\n${formatErrors(result)}`);
    process.exit(1);
  }
  const extras = loadExtras(result.full);
  if (!extras.extras) {
    console.error(`The knowledge has ${extras.errors.length} problem(s):\n${formatExtrasErrors(extras)}`);
    process.exit(1);
  }
  console.log(extrasReport(extras));
  if (values.mode === 'bench') return buildBench(result.content, result.full);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  for (const mode of modes) {
    for (const browser of BROWSERS) {
      const out = await buildExtension(browser, mode, result.content, result.full);
      if (mode === 'release') {
        const zip = join(ROOT, 'dist', `plao-lens-${version}-${browser}.zip`);
        mkdirSync(dirname(zip), { recursive: true });
        zipDir(out, zip);
      }
      console.log(`built ${relative(ROOT, out)}`);
    }
  }
  const bytes = statSync(join(outDir('chromium', modes[0]!), 'content.js')).size;
  console.log(
    `content script: ${(bytes / 1024).toFixed(1)} KB minified; ${result.full.terms.length} terms, ${result.full.articles.length} articles`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
