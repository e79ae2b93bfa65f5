/** Reads `src/knowledge/` from disk and compiles it; used by the build and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  compileKnowledge,
  type CompileResult,
  type KnowledgeFiles,
  type SourceFile,
} from '../src/core/knowledge/compile';

export const KNOWLEDGE_DIR = join(import.meta.dirname, '..', 'src', 'knowledge');

function read(dir: string, path: string): SourceFile {
  return { path: relative(dir, path), text: readFileSync(path, 'utf8') };
}

export function readKnowledgeFiles(dir = KNOWLEDGE_DIR): KnowledgeFiles {
  const list = (sub: string) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => read(dir, join(dir, sub, f)));
  return {
    bibliography: read(dir, join(dir, 'bibliography.yaml')),
    meta: read(dir, join(dir, 'meta.yaml')),
    warnings: read(dir, join(dir, 'warning-signs.yaml')),
    terms: list('terms'),
    guidance: list('guidance'),
  };
}

export function loadKnowledge(dir = KNOWLEDGE_DIR): CompileResult {
  return compileKnowledge(readKnowledgeFiles(dir));
}

export function formatErrors(result: CompileResult, dir = 'src/knowledge'): string {
  return result.errors.map((e) => `${dir}/${e.file}: ${e.field}: ${e.reason}`).join('\n');
}
