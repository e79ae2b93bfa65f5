/**
 * The content script's size: the release file `dist/chromium/content.js` as `npm run build` writes
 * it, and what of it is code. The code share comes from an esbuild metafile of the same entry
 * built with the release options (see buildExtension in scripts/build.ts): the bytes that the
 * `plao:knowledge/…` inputs (the compiled glossary, injected by the build's plugin) add to the
 * output are subtracted. The plugins are the build's own (`contentPlugins`), so the probe serves the
 * glossary in the same form as the release build. The metafile build must come out the same size as the release file;
 * the report says if it does not.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../scripts/knowledge';
import { CONTENT_BANNER, contentPlugins } from '../scripts/build';
import { ROOT } from './pages';

export interface SizeReport {
  /** dist/chromium/content.js, bytes (the metafile build's size when the release build failed). */
  releaseBytes: number;
  /** Whether releaseBytes is the release file's size. */
  fromRelease: boolean;
  /** The metafile build's output, bytes (should equal releaseBytes). */
  metafileBytes: number;
  /** Bytes of the output that come from the injected knowledge. */
  knowledgeBytes: number;
  /** metafileBytes − knowledgeBytes. */
  codeBytes: number;
  /** Output bytes per origin: each knowledge module, src/content, src/core, src/ui, each package. */
  byOrigin: Record<string, number>;
}

function origin(input: string): string {
  if (input.startsWith('knowledge:')) return input.slice('knowledge:'.length);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1]!;
  const src = /^src\/([^/]+)/.exec(input);
  return src ? `src/${src[1]}` : input;
}

export async function measureSize(releaseBuilt: boolean): Promise<SizeReport> {
  const knowledge = loadKnowledge();
  if (!knowledge.content) throw new Error('The knowledge does not compile: run `npm run build` to see why.');
  const { content, full } = knowledge;
  if (!full) throw new Error('The knowledge does not compile: run `npm run build` to see why.');
  const result = await build({
    entryPoints: { content: 'src/content/index.ts' },
    absWorkingDir: ROOT,
    outdir: join(ROOT, 'dist', 'size-probe'),
    write: false,
    metafile: true,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    legalComments: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { __TEST__: 'false', __BENCH__: 'false', __BROWSER__: '"chromium"' },
    banner: { js: CONTENT_BANNER },
    plugins: contentPlugins(content, full),
    logLevel: 'warning',
  });
  const [name, output] = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('content.js'))!;
  const byOrigin: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = origin(input);
    byOrigin[key] = (byOrigin[key] ?? 0) + bytesInOutput;
  }
  const knowledgeBytes = Object.entries(output.inputs)
    .filter(([input]) => input.startsWith('knowledge:'))
    .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
  const metafileBytes =
    result.outputFiles.find((f) => f.path.endsWith(name.split('/').pop()!))?.contents.length ?? output.bytes;
  return {
    releaseBytes: releaseBuilt ? statSync(join(ROOT, 'dist', 'chromium', 'content.js')).size : metafileBytes,
    fromRelease: releaseBuilt,
    metafileBytes,
    knowledgeBytes,
    codeBytes: metafileBytes - knowledgeBytes,
    byOrigin: Object.fromEntries(Object.entries(byOrigin).sort((a, b) => b[1] - a[1])),
  };
}
