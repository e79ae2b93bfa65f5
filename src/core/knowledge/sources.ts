/** Short labels for source lines ("Kovacs 2025", "Scioscia & Zanchetta 2023"), from full citations. */

const AUTHOR = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*) \p{Lu}{1,3}$/u;

export function sourceLabel(citation: string): string {
  const head = citation.split(/\.\s/)[0] ?? citation;
  const year = /\b(?:19|20)\d{2}\b/.exec(citation)?.[0];
  const parts = head.split(/,\s*/).filter((p) => !/^et al\.?$/.test(p));
  const authors = parts.map((p) => AUTHOR.exec(p.trim())?.[1]);
  let who: string;
  if (authors.length > 0 && authors[0]) {
    const named = authors.filter((a): a is string => Boolean(a));
    const more = head.includes('et al') || named.length > 2;
    who = more ? `${named[0]} et al.` : named.join(' & ');
  } else {
    who = head.length > 60 ? head.slice(0, 57).trimEnd() + '…' : head;
  }
  return year && !who.includes(year) ? `${who} ${year}` : who;
}

/**
 * Where a reader-facing source link may point: the DOI resolver, PubMed/PMC, or the publisher or
 * official body itself. Copies on other sites stay in the entry's note, never as its link.
 */
export const OFFICIAL_HOSTS = [
  'doi.org',
  'nih.gov',
  'fda.gov',
  'nhs.uk',
  'link.springer.com',
  'journals.lww.com',
  'nap.edu',
  'theros.org.uk',
  'mothertobaby.org',
  'spinesurgeons.org.uk',
  'scielo.isciii.es',
  'ed.ac.uk',
  'pao.org.uk',
  'endotext.org',
  'turkishjournalpmr.com',
  'labtestsonline.org',
  'bmj.com',
  'prolia.com',
];

export function isOfficialUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
