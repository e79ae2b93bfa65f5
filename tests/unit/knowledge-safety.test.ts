/**
 * The safety checks on the knowledge: each planted mistake must stop the build with the file, the
 * field and the reason, and the shipped content must carry the safety lines readers need.
 */
import { describe, expect, test, vi } from 'vitest';
import { compileKnowledge, type KnowledgeError, type KnowledgeFiles } from '../../src/core/knowledge/compile';
import { hasNumber, rewordedSign, sentencesOf } from '../../src/core/knowledge/checks';
import { parseMarkdown } from '../../src/core/knowledge/markdown';
import { isOfficialUrl } from '../../src/core/knowledge/sources';
import { loadKnowledge, readKnowledgeFiles } from '../../scripts/knowledge';

// Each case compiles the whole knowledge (about 90 files); on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

type Part = 'terms' | 'guidance';
function edit(part: Part, id: string, change: (text: string) => string): KnowledgeFiles {
  const files = readKnowledgeFiles();
  return {
    ...files,
    [part]: files[part].map((f) => (f.path.endsWith(`/${id}.md`) ? { ...f, text: change(f.text) } : f)),
  };
}
const errorsOf = (files: KnowledgeFiles): KnowledgeError[] => compileKnowledge(files).errors;
const appendToBody = (line: string) => (text: string) => `${text.trimEnd()}\n\n${line}\n`;

describe('a warning sign worded a file’s own way fails the build', () => {
  test('a planted rewording in a guidance article', () => {
    const errors = errorsOf(
      edit(
        'guidance',
        'getting-diagnosed',
        appendToBody('Sudden, severe back pain with height loss is a warning sign to get checked soon [@ED].'),
      ),
    );
    const e = errors.find((x) => x.file === 'guidance/getting-diagnosed.md');
    expect(e?.field).toBe('body');
    expect(e?.reason).toMatch(/words the warning sign "sudden-back-pain-height-loss" its own way/);
    expect(e?.reason).toMatch(/\{\{warning:sudden-back-pain-height-loss\}\}/);
  });
  test('a planted rewording in a card’s short explanation', () => {
    const errors = errorsOf(
      edit('terms', 'mri', (t) =>
        t.replace(/^short: >-\n/m, 'short: >-\n  Go to A&E now if you have new numbness between your legs.\n'),
      ),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'terms/mri.md',
        field: 'short',
        reason: expect.stringMatching(/words the warning sign "cauda-equina" its own way/),
      }),
    );
  });
  test('a reference to a warning sign that is not defined', () => {
    const errors = errorsOf(edit('terms', 'mri', (t) => t.replace(/^seekCare: .*$/m, '$&\nwarnings: [no-such-sign]')));
    expect(errors).toContainEqual({
      file: 'terms/mri.md',
      field: 'warnings',
      reason: 'warning sign "no-such-sign" is not in warning-signs.yaml',
    });
  });
  test('the same sentence inside a reference is fine: references render the one wording', () => {
    expect(errorsOf(edit('guidance', 'getting-diagnosed', appendToBody('{{warning:cauda-equina}}')))).toEqual([]);
  });
  test('describing a sign without saying how soon to act is not a rewording', () => {
    expect(rewordedSign('About half of the women with PLAO had noticed height loss and back pain.', [])).toBe(
      undefined,
    );
    const signs = [{ id: 'x', phrases: [['height', 'back pain']] }];
    expect(rewordedSign('About half had height loss and back pain.', signs)).toBe(undefined);
    expect(rewordedSign('Height loss with back pain: call your GP today.', signs)?.id).toBe('x');
  });
});

describe('a number may not rest on a source read by title only', () => {
  test('a planted number citing a title-only source fails with file, field and reason', () => {
    const errors = errorsOf(
      edit('terms', 'kyphoplasty', appendToBody('About 9 in 10 women felt better after balloon kyphoplasty [@NOSL].')),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'terms/kyphoplasty.md',
        field: 'body',
        reason: expect.stringMatching(/a number rests on source "NOSL", which was read by title only/),
      }),
    );
  });
  test('the same source may name a thing without a number', () => {
    expect(
      errorsOf(edit('terms', 'kyphoplasty', appendToBody('One leaflet calls it balloon kyphoplasty [@NOSL].'))),
    ).toEqual([]);
  });
  test('a bibliography entry must say how it was read', () => {
    const files = readKnowledgeFiles();
    const text = files.bibliography.text.replace(/^(NOSL:\n(?:.*\n)*?)  read: title-only\n/m, '$1');
    const errors = errorsOf({ ...files, bibliography: { ...files.bibliography, text } });
    expect(errors.some((e) => e.file === 'bibliography.yaml' && e.field === 'NOSL.read')).toBe(true);
  });
  test('numbers are found in text, not in names like T12, K2 or P1NP', () => {
    expect(hasNumber('About 1 in 5 women had another fracture.')).toBe(true);
    expect(hasNumber('About half of them had lost height.')).toBe(true);
    expect(hasNumber('Breaks were most common at T12 and L1.')).toBe(false);
    expect(hasNumber('Vitamin K2 and P1NP are named here.')).toBe(false);
  });
  test('citations attach to the sentence they follow', () => {
    const md = parseMarkdown('One [@A]. Two has 3 [@B] [@C]. Four.');
    expect(sentencesOf(md.blocks)).toEqual([
      { text: 'One .', cites: ['A'] },
      { text: 'Two has 3  .', cites: ['B', 'C'] },
      { text: 'Four.', cites: [] },
    ]);
  });
});

describe('honest sources and plain words', () => {
  test('a reader link to an unofficial copy fails', () => {
    const files = readKnowledgeFiles();
    const text = files.bibliography.text.replace(
      'url: https://doi.org/10.1152/physrev.00027.2015',
      'url: https://id.scribd.com/document/361275008/Fisiologia-Articulo',
    );
    expect(errorsOf({ ...files, bibliography: { ...files.bibliography, text } })).toContainEqual(
      expect.objectContaining({ file: 'bibliography.yaml', field: 'K16.url' }),
    );
    expect(isOfficialUrl('https://pubmed.ncbi.nlm.nih.gov/25939309/')).toBe(true);
    expect(isOfficialUrl('https://studylib.net/doc/8710314')).toBe(false);
  });
  test('"bone scan" and "PAO" in prose fail; one name per thing', () => {
    const errors = errorsOf(
      edit('guidance', 'getting-diagnosed', appendToBody('A bone scan can show PAO [@ROS].')),
    ).filter((e) => e.file === 'guidance/getting-diagnosed.md');
    expect(errors.map((e) => e.reason).join('\n')).toMatch(/"bone scan": say "bone density scan"/);
    expect(errors.map((e) => e.reason).join('\n')).toMatch(/"PAO": say "PLAO"/);
  });
  test('an article above grade 8 fails', () => {
    const hard =
      'Pharmacological antiresorptive interventions necessitate individualized multidisciplinary deliberation regarding contraindications [@H22].';
    const all = errorsOf(edit('guidance', 'questions-to-ask', appendToBody(Array(60).fill(hard).join(' '))));
    expect(all).toContainEqual(
      expect.objectContaining({
        file: 'guidance/questions-to-ask.md',
        field: 'body',
        reason: expect.stringMatching(/reads at grade .*; at most 8/),
      }),
    );
  });
  test('a medicine without a pregnancy and breastfeeding line fails', () => {
    const errors = errorsOf(edit('terms', 'romosozumab', (t) => t.replace(/^pregnancy: >-\n(?: {2}.*\n)+/m, '')));
    expect(errors).toContainEqual(expect.objectContaining({ file: 'terms/romosozumab.md', field: 'pregnancy' }));
  });
});

describe('the shipped cards carry the safety lines', () => {
  const full = loadKnowledge().full!;
  const term = (id: string) => full.terms.find((t) => t.id === id)!;
  test('postpartum back pain names the emergency signs and links to the warning-signs section', () => {
    const t = term('postpartum-back-pain');
    expect(t.warnings?.map((w) => w.id)).toContain('cauda-equina');
    expect(t.warnings?.find((w) => w.id === 'cauda-equina')?.level).toBe('emergency');
    expect(`${t.guide.article}#${t.guide.section}`).toBe('is-my-back-pain-plao#seek-care-now');
  });
  test('one urgency for one trigger: each sign is defined once and every use renders its sentence', () => {
    const ids = full.warnings.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of full.terms)
      for (const w of t.warnings ?? []) expect(w).toEqual(full.warnings.find((x) => x.id === w.id));
  });
  test('every medicine has a pregnancy and breastfeeding line', () => {
    for (const id of ['denosumab', 'bisphosphonate', 'teriparatide', 'romosozumab', 'low-molecular-weight-heparin'])
      expect(term(id).pregnancy, id).toBeTruthy();
  });
  test('denosumab: birth control, and stopping needs a plan', () => {
    expect(term('denosumab').safety).toMatch(/birth control.*5 months.*last shot/s);
    expect(term('denosumab').safety).toMatch(/Never stop it without a plan/);
  });
  test('bisphosphonates: stopping does not clear them from bone', () => {
    expect(term('bisphosphonate').safety).toMatch(/does not clear it from your bones/);
  });
  test('heparin and steroids: do not stop on your own', () => {
    for (const id of ['low-molecular-weight-heparin', 'heparin-induced-osteoporosis', 'glucocorticoids'])
      expect(term(id).safety, id).toMatch(/not stop/i);
  });
  test('the About page has no invented reviewer', () => {
    expect(full.meta.reviewers).toEqual([]);
  });
});
