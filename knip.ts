// The dead-code check in `npm run lint`: unused files, exports and dependencies. The extension's
// entry points come from the build itself, so the check and the build cannot disagree.
import type { KnipConfig } from 'knip';
import { entryPoints } from './scripts/build';

export default {
  entry: [...Object.values(entryPoints()), 'scripts/*.ts', 'bench/*.ts', 'tests/**/*.test.ts'],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
  // A constant used in its own file may stay exported for the tests and the bench to name.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // plao:knowledge/* are modules the build generates (scripts/build.ts, knowledgePlugin).
    'plao',
    // Read from node_modules as files and injected into pages: axe-core by the tests, mark.js by the bench.
    'axe-core',
    'mark.js',
  ],
} satisfies KnipConfig;
