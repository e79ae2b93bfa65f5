/** Every UI string the code asks for exists in the English messages, and every message is used. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { localeMessages, pageNames, ROOT } from '../../scripts/build';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

const messages = localeMessages('en');
const code = [...sources(join(ROOT, 'src')), readFileSync(join(ROOT, 'manifest.json'), 'utf8')].join('\n');
const used = new Set([
  ...[...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
  ...[...code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!),
  ...[...code.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
  // The build titles each page's HTML with its `<name>PageTitle` message.
  ...pageNames().map((page) => `${page}PageTitle`),
]);

test('every message the code uses exists', () => {
  expect([...used].filter((k) => !(k in messages))).toEqual([]);
});

test('every message exists in the code (or is built from a prefix there)', () => {
  const unused = Object.keys(messages).filter(
    (k) => !used.has(k) && !code.includes(`'${k}'`) && !code.includes(`\`${k.replace(/[A-Z][a-z]*$/, '')}`),
  );
  expect(unused).toEqual([]);
});
