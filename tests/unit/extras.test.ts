import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileExtras, type ExtrasFiles } from '../../src/core/knowledge/extras';
import { loadExtras } from '../../scripts/extras';
import { KNOWLEDGE_DIR, loadKnowledge } from '../../scripts/knowledge';
import { readability } from '../../src/core/knowledge/readability';

const full = loadKnowledge().full!;
const shipped = (): ExtrasFiles => {
  const f = (name: string) => ({
    path: `extras/${name}`,
    text: readFileSync(join(KNOWLEDGE_DIR, 'extras', name), 'utf8'),
  });
  return { questions: f('questions.yaml'), pronunciations: f('pronunciations.yaml') };
};

describe('the shipped questions and respellings', () => {
  const result = loadExtras(full);
  test('compile with no errors', () => expect(result.errors).toEqual([]));
  test('every term a reader would raise with a clinician has a suggested question today', () => {
    expect(result.withoutQuestions).toEqual([]);
  });
  // Only names whose respelling was found on a page that was read (kyphoplasty: none found yet).
  test('the names the readers find hard carry a respelling', () => {
    for (const id of ['bisphosphonate', 'teriparatide', 'denosumab', 'osteopenia', 'osteoporosis', 'romosozumab'])
      expect(result.extras!.pronunciations[id]?.say, id).toMatch(/[A-Z]{2}/);
  });
  test('questions read plainly and never tell her to stop a medicine', () => {
    for (const [id, list] of Object.entries(result.extras!.questions))
      for (const q of list) {
        // One short question: a word count says more than a reading grade of a single sentence.
        expect(readability(q).words, `${id}: ${q}`).toBeLessThanOrEqual(20);
        expect(q, id).not.toMatch(/\b(you should|stop taking|don't take)\b/i);
      }
  });
});

describe('a broken entry fails with file, field and reason; a term with no entry is only reported', () => {
  const terms = full.terms.map((t) => ({ id: t.id, category: t.category }));
  test('an unknown term id', () => {
    const files = shipped();
    files.questions.text += '\nno-such-term:\n  - What is this?\n';
    const r = compileExtras(files, terms);
    expect(r.errors).toContainEqual({
      file: 'extras/questions.yaml',
      field: 'no-such-term',
      reason: 'no term has the id "no-such-term"',
    });
    expect(r.extras).toBeUndefined();
  });
  test('a question in words the content does not use ("bone scan")', () => {
    const files = shipped();
    files.questions.text = files.questions.text.replace('- Was my bone density scan read', '- Was my bone scan read');
    const r = compileExtras(files, terms);
    expect(r.errors.map((e) => `${e.file} ${e.field}`)).toContain('extras/questions.yaml osteoporosis[0]');
    expect(r.errors.find((e) => e.field === 'osteoporosis[0]')?.reason).toMatch(/bone density scan/);
  });
  test('a malformed question and a malformed respelling', () => {
    const files = shipped();
    files.questions.text = files.questions.text
      .replace('  - Do you think I have PLAO? What makes you think so?', '  - Not a question')
      .replace(/^osteopenia:\n/m, 'osteopenia:\n  - What does it mean?\n');
    files.pronunciations.text = files.pronunciations.text.replace('say: bis-FOS-fuh-nayt', 'say: bis fos <b>');
    const r = compileExtras(files, terms);
    expect(r.errors, JSON.stringify(r.errors)).toContainEqual({
      file: 'extras/questions.yaml',
      field: 'osteopenia',
      reason: 'has more than two questions',
    });
    expect(r.errors).toContainEqual({
      file: 'extras/questions.yaml',
      field: 'plao.0',
      reason: 'must end with a question mark',
    });
    expect(
      r.errors.some((e) => e.file === 'extras/pronunciations.yaml' && e.field === 'terms.bisphosphonate.say'),
    ).toBe(true);
  });
  test('an unknown source key', () => {
    const files = shipped();
    files.pronunciations.text = files.pronunciations.text.replace(
      '{ say: ky-FOH-sis, source: NCIKYPHOSIS }',
      '{ say: ky-FOH-sis, source: NOPE }',
    );
    expect(compileExtras(files, terms).errors).toEqual([
      { file: 'extras/pronunciations.yaml', field: 'terms.kyphosis.source', reason: '"NOPE" is not in sources' },
    ]);
  });
  test('a term added later with no questions yet is reported, not failed; a "body" term is not asked for', () => {
    const r = compileExtras(shipped(), [
      ...terms,
      { id: 'new-medicine', category: 'treatment' },
      { id: 'new-cell', category: 'body' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.withoutQuestions).toEqual(['new-medicine']);
    expect(r.extras).toBeDefined();
  });
});
