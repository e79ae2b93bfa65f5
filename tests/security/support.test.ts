/** The security suite's own tools, checked: the request filter and the observed fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { firstForeignRequest } from './support';

describe('firstForeignRequest', () => {
  const allowed = { fixtureOrigin: 'http://127.0.0.1:4321', extensionBase: 'chrome-extension://abcdefgh/' };

  test('the fixture server on either name, the extension, about:, data: and blob: pass', () => {
    expect(
      firstForeignRequest(
        [
          'http://127.0.0.1:4321/fixtures/seed-article.html',
          'http://localhost:4321/fixtures/dynamic.html?x#y',
          'http://127.0.0.1:4321/favicon.ico',
          'chrome-extension://abcdefgh/pages/popup.js',
          'about:blank',
          'data:font/woff2;base64,AAAA',
          'blob:http://127.0.0.1:4321/0f1e2d3c',
        ],
        allowed,
      ),
    ).toBeUndefined();
  });

  test.each([
    'https://127.0.0.1:4321/fixtures/seed-article.html',
    'http://127.0.0.1:4322/',
    'http://127.0.0.1:4321.evil.example/',
    'http://127.0.0.1/',
    'http://example.org/',
    'https://fonts.googleapis.com/css?family=x',
    'ws://127.0.0.1:4321/',
    'chrome-extension://otherextension/x.js',
    'moz-extension://abcdefgh/x.js',
    'not an address',
  ])('%s is named as the first foreign request', (bad) => {
    expect(firstForeignRequest(['http://127.0.0.1:4321/ok', bad, 'https://later.example/'], allowed)).toBe(bad);
  });
});

describe('observed fixtures', () => {
  const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
  const RECORDER = /<script id="record-mutations">[\s\S]*?<\/script>\n/;

  test.each(['seed-article', 'split-terms'])(
    'security/%s-observed.html is %s.html plus the mutation recorder, nothing else',
    (name) => {
      const original = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
      const observed = readFileSync(join(FIXTURES, 'security', `${name}-observed.html`), 'utf8');
      expect(observed).toMatch(RECORDER);
      expect(observed.replace(RECORDER, '')).toBe(original);
    },
  );

  test('both carry the same recorder', () => {
    const [a, b] = ['seed-article', 'split-terms'].map(
      (name) => readFileSync(join(FIXTURES, 'security', `${name}-observed.html`), 'utf8').match(RECORDER)![0],
    );
    expect(a).toBe(b);
  });
});
