/** Reads the knowledge beside the term files (suggested questions, respellings) and bundles it. */
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileExtras, type ExtrasResult } from '../src/core/knowledge/extras';
import type { FullKnowledge } from '../src/core/knowledge/types';
import { KNOWLEDGE_DIR } from './knowledge';

export function loadExtras(full: FullKnowledge, dir = KNOWLEDGE_DIR): ExtrasResult {
  const file = (name: string) => ({ path: `extras/${name}`, text: readFileSync(join(dir, 'extras', name), 'utf8') });
  return compileExtras({ questions: file('questions.yaml'), pronunciations: file('pronunciations.yaml') }, full.terms);
}

export function formatExtrasErrors(result: ExtrasResult, dir = 'src/knowledge'): string {
  return result.errors.map((e) => `${dir}/${e.file}: ${e.field}: ${e.reason}`).join('\n');
}

/** The report line: terms a reader would ask a clinician about that have no suggested question yet. */
export function extrasReport(result: ExtrasResult): string {
  return result.withoutQuestions.length
    ? `no suggested question yet for: ${result.withoutQuestions.join(', ')} (src/knowledge/extras/questions.yaml)`
    : 'every term a reader would ask a clinician about has a suggested question';
}

/** `plao:extras/questions` and `plao:extras/pronunciations`; a knowledge error fails the build. */
export function extrasPlugin(full: FullKnowledge): Plugin {
  return {
    name: 'extras',
    setup(b) {
      b.onResolve({ filter: /^plao:extras\// }, (args) => ({ path: args.path, namespace: 'extras' }));
      b.onLoad({ filter: /.*/, namespace: 'extras' }, (args) => {
        const result = loadExtras(full);
        if (!result.extras) throw new Error(formatExtrasErrors(result));
        const part = args.path.endsWith('/questions') ? result.extras.questions : result.extras.pronunciations;
        return { contents: JSON.stringify(part), loader: 'json' };
      });
    },
  };
}
