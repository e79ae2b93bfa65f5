import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { READ_ORIGINS } from '../../src/core/permissions';

test('the pages ask for exactly the origins the content script reads', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };
  expect(manifest.host_permissions).toEqual(READ_ORIGINS);
  expect(manifest.content_scripts[0]?.matches).toEqual(READ_ORIGINS);
});
