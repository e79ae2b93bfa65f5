import { describe, expect, test } from 'vitest';
import { createSearch, searchFor, type SearchResult } from '../../src/core/search';
import { foldSearchWord, sectionTexts } from '../../src/core/search-text';
import { loadKnowledge } from '../../scripts/knowledge';

const knowledge = loadKnowledge().full!;
const glossary = createSearch(knowledge);
const search = (q: string) => glossary.search(q);
const first = (q: string) => search(q)[0];
const termIds = (q: string) => search(q).flatMap((r) => (r.kind === 'term' ? [r.id] : []));

describe('what readers type finds the term', () => {
  test.each([
    ['bisfosfonate', 'bisphosphonate'],
    ['bisphosphonates', 'bisphosphonate'],
    ['Bisphosphonate', 'bisphosphonate'],
    ['bisp', 'bisphosphonate'],
    ['teripar', 'teriparatide'],
    ['teriparatde', 'teriparatide'],
    ['dexa scan', 'dxa-scan'],
    ['DEXA', 'dxa-scan'],
    ['dxa', 'dxa-scan'],
    ['PLO', 'plao'],
    ['plao', 'plao'],
    ['cauda', 'cauda-equina-syndrome'],
    ['cauda equina', 'cauda-equina-syndrome'],
    ['post-partum', 'postpartum-osteoporosis'],
    ['post partum back pain', 'postpartum-back-pain'],
    ['postpartum back', 'postpartum-back-pain'],
    ['osteoporsis', 'osteoporosis'],
    ['calcum', 'calcium'],
    ['alendronate', 'bisphosphonate'],
    ['oedema', 'bone-marrow-edema'],
    ['coeliac', 'celiac-disease'],
    ['ostéoporose', 'osteoporosis'],
    ['x-ray spine', 'spine-x-ray'],
    ['xray of the spine', 'spine-x-ray'],
    ['z score', 'z-score'],
    ['Z-SCORE', 'z-score'],
    ['vitamin d', 'vitamin-d'],
    ['25-OH', '25-hydroxyvitamin-d'],
    ['Prolia', 'denosumab'],
    ['saddle numbness', 'saddle-numbness'],
  ])('%s → %s', (query, id) => {
    expect(first(query)).toMatchObject({ kind: 'term', id });
  });

  test('"breast feeding" finds stopping breastfeeding and lactation, both near the top', () => {
    const ids = termIds('breast feeding');
    expect(ids[0]).toBe('stopping-breastfeeding');
    expect(ids.slice(0, 4)).toContain('lactation');
    expect(termIds('breastfeeding').slice(0, 4)).toEqual(
      expect.arrayContaining(['stopping-breastfeeding', 'lactation']),
    );
    expect(termIds('breast-feeding')[0]).toBe('stopping-breastfeeding');
  });

  test('hyphens, spaces and run-together compounds are the same query', () => {
    const a = search('post-partum');
    expect(search('post partum')).toEqual(a);
    expect(search('postpartum')).toEqual(a);
    expect(termIds('low molecular weight heparin')[0]).toBe('low-molecular-weight-heparin');
  });

  test('case and diacritics do not matter', () => {
    expect(search('CAUDA')).toEqual(search('cauda'));
    expect(search('Cäuda')).toEqual(search('cauda'));
  });
});

describe('ranking', () => {
  test('terms come before guidance sections', () => {
    for (const q of ['teripar', 'bisphosphonate', 'denosumab', 'cauda', 'dexa scan']) {
      const kinds = search(q).map((r) => r.kind);
      expect(kinds[0], q).toBe('term');
      expect(kinds.indexOf('section'), q).toBeGreaterThan(kinds.lastIndexOf('term'));
    }
  });

  test('an exact name or alias comes before a fuzzy or partial match', () => {
    // "osteoporosis" is the whole name of one term and part of many others.
    expect(termIds('osteoporosis')[0]).toBe('osteoporosis');
    expect(termIds('secondary osteoporosis')[0]).toBe('secondary-osteoporosis');
    // "PAO" is an exact abbreviation; "PLAO" is one letter away.
    expect(termIds('PAO')[0]).toBe('pregnancy-associated-osteoporosis');
    expect(termIds('t score')[0]).toBe('t-score');
  });

  test('a word typed correctly does not bring in look-alike words', () => {
    // Fuzzy matching would also find "cause" in many explanations.
    expect(search('cauda').map(label)).toEqual([
      'term:cauda-equina-syndrome',
      'section:is-my-back-pain-plao#seek-care-now',
    ]);
  });

  test('guidance sections are found by their title and text', () => {
    expect(search('screening').map(label)).toContain('section:myths-and-facts#screening');
    expect(search('what is teriparatide').map(label)).toContain('section:treatment-options#teriparatide');
  });
});

describe('results', () => {
  test('a term result has a one-sentence snippet, and the alias that matched', () => {
    const r = first('dexa scan');
    expect(r).toEqual({
      kind: 'term',
      id: 'dxa-scan',
      name: 'DXA scan',
      alias: 'DEXA scan',
      snippet: expect.stringMatching(/^[^.]+\.$/) as unknown,
    });
    expect(first('teripar')).not.toHaveProperty('alias');
  });

  test('a section result names its article and section', () => {
    const r = search('teriparatide').find((x) => x.kind === 'section');
    expect(r).toEqual({
      kind: 'section',
      article: 'treatment-options',
      section: 'teriparatide',
      title: 'What is teriparatide?',
      articleTitle: 'Treatment options',
    });
  });

  test('every result points at something that exists', () => {
    const terms = new Set(knowledge.terms.map((t) => t.id));
    const sections = new Set(knowledge.articles.flatMap((a) => a.sections.map((s) => `${a.id}#${s.id}`)));
    for (const q of ['bone', 'pregnancy', 'calcium', 'fracture', 'pain', 'ask']) {
      for (const r of search(q)) {
        if (r.kind === 'term') expect(terms).toContain(r.id);
        else expect(sections).toContain(`${r.article}#${r.section}`);
      }
    }
  });

  test('no result appears twice, and the limit holds', () => {
    const all = glossary.search('bone', { limit: 1000 });
    expect(new Set(all.map(label)).size).toBe(all.length);
    expect(glossary.search('bone', { limit: 5 })).toHaveLength(5);
    expect(search('bone').length).toBeLessThanOrEqual(20);
  });
});

describe('queries that find nothing are not errors', () => {
  test.each(['', '   ', 'p', 'P', '-', '?!', 'zzqxw', 'qwerty asdf', 'of and', '🦴', 'a'.repeat(500), '((('])(
    '%j → no results',
    (q) => {
      expect(search(q)).toEqual([]);
    },
  );

  test('a long or odd query does not throw', () => {
    expect(() => search('bone '.repeat(200))).not.toThrow();
    expect(() => search('osteo\u0000porosis \\ [ * + ?')).not.toThrow();
  });

  test('one known word among unknown ones still finds it', () => {
    expect(termIds('teriparatide xyzzyq')[0]).toBe('teriparatide');
  });
});

describe('the index', () => {
  test('is built once, on the first query, and shared per knowledge', () => {
    const s = searchFor(knowledge);
    expect(searchFor(knowledge)).toBe(s);
    expect(searchFor({ ...knowledge })).not.toBe(s);
  });

  // Run on every keystroke: each prefix of a word being typed answers (how fast is the benchmark's business).
  test('answers every prefix of a word being typed', () => {
    glossary.prepare();
    for (const q of ['bis', 'bisf', 'bisfo', 'bisfos', 'bisfosf', 'bisfosfo', 'bisfosfonate'])
      expect(search(q).length, q).toBeGreaterThan(0);
    expect(search('zzzzz')).toEqual([]);
  });

  test('folds spelling by ear and plurals', () => {
    expect(foldSearchWord('Bisphosphonates')).toBe('bisfosfonate');
    expect(foldSearchWord('Kyphosis')).toBe('kyfosis');
  });

  test('splits an article into its sections’ text', () => {
    const article = knowledge.articles.find((a) => a.id === 'treatment-options')!;
    const texts = sectionTexts(article.body);
    expect([...texts.keys()]).toEqual(article.sections.map((s) => s.id));
    expect(texts.get('teriparatide')).toMatch(/teriparatide/i);
  });
});

function label(r: SearchResult): string {
  return r.kind === 'term' ? `term:${r.id}` : `section:${r.article}#${r.section}`;
}
