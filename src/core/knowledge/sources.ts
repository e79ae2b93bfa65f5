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
