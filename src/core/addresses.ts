/**
 * The addresses of the extension's own pages, built in one place so every parameter is encoded
 * the same way. Paths are relative to the extension's root (for `runtime.getURL`); `fromPage`
 * turns one into a link between pages, which all live in `pages/`.
 */

export type PageName = 'glossary' | 'guide' | 'options' | 'popup' | 'questions' | 'welcome';

const hash = (fragment: string | undefined) => (fragment ? `#${encodeURIComponent(fragment)}` : '');

/** A page of the extension, e.g. `pages/options.html`. */
export function pagePath(page: PageName): string {
  return `pages/${page}.html`;
}

/** The guidance: the list of articles, an article, or a section of it. */
export function guidePath(article?: string, section?: string): string {
  return article ? `${pagePath('guide')}?article=${encodeURIComponent(article)}${hash(section)}` : pagePath('guide');
}

/** The glossary, at a term's entry (`term`) or opened to search for `query`. */
export function glossaryPath(at: { term?: string; query?: string } = {}): string {
  const search = at.query === undefined ? '' : `?q=${encodeURIComponent(at.query)}`;
  return `${pagePath('glossary')}${search}${hash(at.term)}`;
}

/** A link from one extension page to another: both live in `pages/`. */
export function fromPage(path: string): string {
  return path.startsWith('pages/') ? path.slice('pages/'.length) : `../${path}`;
}

/** The knowledge's link forms (`term:ID`, `guide:ARTICLE#SECTION`) as links between pages. */
export function knowledgeHref(href: string): string {
  if (href.startsWith('term:')) return fromPage(glossaryPath({ term: href.slice(5) }));
  if (href.startsWith('guide:')) {
    const [article = '', section] = href.slice(6).split('#');
    return fromPage(guidePath(article, section));
  }
  return href;
}
