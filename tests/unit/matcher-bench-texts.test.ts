/**
 * The matcher against its previous version on the text of the bench pages (hundreds of
 * thousands of words of real prose and specification text): the key filters must change the
 * speed only, never what is found or which terms' context is seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import { Matcher } from '../../src/core/matcher/matcher';
import type { TextMatch } from '../../src/core/matcher/types';
import { PreviousMatcher } from './previous-matcher';

const BENCH = join(import.meta.dirname, '../../../shared/pages/bench');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', apos: "'" };

/** Roughly the blocks a page reader makes: tags dropped, split at block elements, entities decoded. */
function blocks(file: string): string[] {
  const source = readFileSync(join(BENCH, file), 'utf8');
  if (file.endsWith('.md')) return source.split(/\r?\n\s*\r?\n/);
  return source
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .split(/<\/?(?:p|div|li|h[1-6]|td|th|tr|dd|dt|pre|blockquote|section|br)\b[^>]*>/i)
    .map((b) =>
      b
        .replace(/<[^>]*>/g, '')
        .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
          e.startsWith('#')
            ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
            : (ENTITIES[e] ?? m),
        ),
    );
}

const PAGES = [
  'wikipedia-osteoporosis-2019.md',
  'fda-owh-osteoporosis-2017.htm',
  'fda-owh-menopause-medicines.htm',
  'wikipedia-new-zealand.html',
  'whatwg-html-syntax-2014.html',
  'ecma262-es6-draft.html',
];

// The bench pages live beside the repository (../shared), as for the bench itself.
test.skipIf(!existsSync(BENCH))(
  'finds what the previous matcher found on the bench pages',
  () => {
    const data = loadKnowledge().content!.matcher;
    const current = new Matcher(data);
    const previous = new PreviousMatcher(data);
    let total = 0;
    for (const page of PAGES) {
      const seenNow = new Set<number>();
      const seenBefore = new Set<number>();
      const now: TextMatch[] = [];
      const before: TextMatch[] = [];
      for (const text of blocks(page)) {
        current.find(text, now, seenNow);
        previous.find(text, before, seenBefore);
      }
      expect(now, page).toEqual(before);
      expect([...seenNow].sort(), page).toEqual([...seenBefore].sort());
      total += before.length;
    }
    // The real glossary finds hundreds of terms there; an empty comparison would prove nothing.
    expect(total).toBeGreaterThan(400);
  },
  120_000,
);
