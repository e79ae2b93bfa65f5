import { describe, expect, test } from 'vitest';
import { fromPage, glossaryPath, guidePath, knowledgeHref, pagePath } from '../../src/core/addresses';

describe('extension-page addresses', () => {
  test('pages, the guidance and the glossary', () => {
    expect(pagePath('options')).toBe('pages/options.html');
    expect(guidePath()).toBe('pages/guide.html');
    expect(guidePath('getting-diagnosed')).toBe('pages/guide.html?article=getting-diagnosed');
    expect(guidePath('getting-diagnosed', 'z-scores')).toBe('pages/guide.html?article=getting-diagnosed#z-scores');
    expect(glossaryPath()).toBe('pages/glossary.html');
    expect(glossaryPath({ term: 'dxa-scan' })).toBe('pages/glossary.html#dxa-scan');
    expect(glossaryPath({ query: 'bone & density?' })).toBe('pages/glossary.html?q=bone%20%26%20density%3F');
  });

  test('every parameter is encoded', () => {
    expect(guidePath('a&b=c', 'x#y')).toBe('pages/guide.html?article=a%26b%3Dc#x%23y');
    expect(glossaryPath({ term: '#/../x' })).toBe('pages/glossary.html#%23%2F..%2Fx');
  });

  test('links between pages, and the knowledge’s link forms', () => {
    expect(fromPage(guidePath('a', 'b'))).toBe('guide.html?article=a#b');
    expect(fromPage('icons/icon-48.png')).toBe('../icons/icon-48.png');
    expect(knowledgeHref('term:dxa-scan')).toBe('glossary.html#dxa-scan');
    expect(knowledgeHref('guide:treatment-options#bisphosphonates')).toBe(
      'guide.html?article=treatment-options#bisphosphonates',
    );
    expect(knowledgeHref('guide:what-is-plao')).toBe('guide.html?article=what-is-plao');
    expect(knowledgeHref('https://example.org/')).toBe('https://example.org/');
  });
});
