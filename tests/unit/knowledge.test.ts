import { describe, expect, test, vi } from 'vitest';
import { compileKnowledge, type KnowledgeFiles } from '../../src/core/knowledge/compile';
import { readability } from '../../src/core/knowledge/readability';
import { sourceLabel } from '../../src/core/knowledge/sources';
import { loadKnowledge, readKnowledgeFiles } from '../../scripts/knowledge';

// Each case compiles the whole knowledge (about 90 files); on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

describe('the shipped knowledge', () => {
  const result = loadKnowledge();
  test('compiles with no errors', () => expect(result.errors).toEqual([]));
  test('every short explanation is at most 40 words and grade 8 or lower', () => {
    for (const t of result.full!.terms) {
      const r = readability(t.short);
      expect(r.words, t.id).toBeLessThanOrEqual(40);
      expect(r.grade, t.id).toBeLessThanOrEqual(8);
    }
  });
  test('every seek-care term links to the seek-care section', () => {
    for (const t of result.full!.terms.filter((x) => x.seekCare)) {
      expect(`${t.guide.article}#${t.guide.section}`).toBe('is-my-back-pain-plao#seek-care-now');
    }
  });
});

/** The shipped files with one file replaced, to check that each kind of mistake is reported. */
function withTerm(id: string, edit: (text: string) => string): KnowledgeFiles {
  const files = readKnowledgeFiles();
  return { ...files, terms: files.terms.map((f) => (f.path.endsWith(`/${id}.md`) ? { ...f, text: edit(f.text) } : f)) };
}

describe('a broken knowledge file fails with file, field and reason', () => {
  test('an unknown source', () => {
    const r = compileKnowledge(withTerm('dxa-scan', (t) => t.replace(/^sources: \[/m, 'sources: [NOPE, ')));
    expect(r.errors).toContainEqual({
      file: 'terms/dxa-scan.md',
      field: 'sources',
      reason: 'source "NOPE" is not in bibliography.yaml',
    });
    expect(r.content).toBeUndefined();
  });
  test('a missing field', () => {
    const r = compileKnowledge(withTerm('dxa-scan', (t) => t.replace(/^reviewed: .*\n/m, '')));
    expect(r.errors.some((e) => e.file === 'terms/dxa-scan.md' && e.field === 'reviewed')).toBe(true);
  });
  test('a short explanation that is too long or too hard', () => {
    const hard =
      'short: Dual-energy radiographic absorptiometry quantifies mineralization characteristics of vertebral and femoral osseous structures, facilitating comparative epidemiological categorization.\n';
    const r = compileKnowledge(withTerm('dxa-scan', (t) => t.replace(/^short: [\s\S]*?\n(?=\w+:)/m, hard)));
    expect(r.errors.find((e) => e.file === 'terms/dxa-scan.md' && e.field === 'short')?.reason).toMatch(/grade/);
  });
  test('a guidance link to a section that does not exist', () => {
    const r = compileKnowledge(
      withTerm('dxa-scan', (t) => t.replace(/^guide: .*$/m, 'guide: getting-diagnosed#nowhere')),
    );
    expect(r.errors).toContainEqual({
      file: 'terms/dxa-scan.md',
      field: 'guide',
      reason: 'article "getting-diagnosed" has no section "nowhere"',
    });
  });
  test('an alias used by two terms', () => {
    const r = compileKnowledge(
      withTerm('dxa-scan', (t) => t.replace(/^aliases:\n/m, 'aliases:\n  - bone mineral density\n')),
    );
    expect(
      r.errors.some((e) => e.file === 'terms/dxa-scan.md' && e.field === 'aliases' && /another term/.test(e.reason)),
    ).toBe(true);
  });
  test('a related term that does not exist', () => {
    const r = compileKnowledge(withTerm('dxa-scan', (t) => t.replace(/^related: \[/m, 'related: [no-such-term, ')));
    expect(r.errors).toContainEqual({
      file: 'terms/dxa-scan.md',
      field: 'related',
      reason: 'term "no-such-term" does not exist',
    });
  });
});

describe('sourceLabel', () => {
  test.each([
    ['Kovacs CS. Pregnancy and Lactation Associated Bone Fragility. J Endocr Soc 2025;9(9).', 'Kovacs 2025'],
    ['Scioscia MF, Zanchetta MB. Recent insights. Int J Womens Health 2023;15:1227–38.', 'Scioscia & Zanchetta 2023'],
    ['Hadji P, Boekhoff J, Hahn M. Pregnancy-associated osteoporosis. Osteoporos Int 2017.', 'Hadji et al. 2017'],
    ['Royal Osteoporosis Society. Pregnancy and osteoporosis.', 'Royal Osteoporosis Society'],
  ])('%s', (citation, label) => expect(sourceLabel(citation)).toBe(label));
});
