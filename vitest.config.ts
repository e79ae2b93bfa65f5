import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts'],
          exclude: ['tests/security/**/*.e2e.test.ts'],
          environment: 'node',
          // Some tests load and compile the whole knowledge; a busy 2-core machine needs more than 5 s.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts', 'tests/security/**/*.e2e.test.ts', 'tests/hostile/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser per file; two files at a time fit this machine's two cores.
          maxWorkers: 2,
          // Real browsers on a 2-core machine: one retry absorbs a starved run; a real failure fails twice.
          retry: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
