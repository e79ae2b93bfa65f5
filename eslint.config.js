// Type-aware linting, and the rule that keeps runtime contexts apart: content, background and
// the pages meet only through core/ (types, protocol) and ui/ (shared components).
import tseslint from 'typescript-eslint';

const apart = (self, others) => ({
  files: [`src/${self}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: others.map((o) => ({
          group: [`**/${o}/*`, `**/${o}`],
          message: `${self}/ must not import ${o}/: use core/ types and messages.`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  // Scripts of the test pages are page content, served as they are, not project code.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'tests/artifacts/**',
      'bench/results/**',
      '*.config.js',
      'tests/fixtures/**/*.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render with Preact.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/content/*',
                '**/background/*',
                '**/pages/*',
                '**/ui/*',
                'webextension-polyfill',
                'preact',
                'preact/*',
              ],
              message: 'core/ is pure: no DOM, no browser APIs.',
            },
          ],
        },
      ],
    },
  },
  apart('content', ['background', 'pages']),
  apart('background', ['content', 'pages', 'ui']),
  apart('pages', ['content', 'background']),
  apart('ui', ['content', 'background', 'pages']),
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Tests build their fixture DOMs from constant strings.
      'no-restricted-syntax': 'off',
    },
  },
);
