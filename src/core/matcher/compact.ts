/**
 * A compact text form of the compiled term table for the content script, which every frame of
 * every page loads: about a third smaller than its JSON. Keys and words never contain spaces,
 * tabs, pipes or newlines (they are single folded words), so those separate the parts.
 */
import type { Candidate, MatcherData } from './types';

export interface CompactMatcher {
  /** Term ids, space-separated (with the dictionary's words, below, as in `p`). */
  t: string;
  /**
   * Lines of "key key<TAB>candidate|candidate", a candidate being "term word word" ("~term" if
   * ambiguous); the term is left out when it is the previous candidate's and a word follows that
   * does not start with a digit (a quarter of the candidates: "back<TAB>47 pain after birth|pain after pregnancy").
   * Keys with the same candidates share a line (a term's one-word names: "alendronate risedronate<TAB>4").
   */
  p: string;
  /**
   * Lines of "term,term<TAB>word word": the context words that allow the same terms, together (most
   * words share their list with others: "13<TAB>nerve numbness bladder bowel saddle").
   */
  c: string;
  /**
   * Words written as "#" and a base-36 index into this space-separated list in `p`, `c` and the
   * parts of `t`'s ids: the glossary's most repeated words ("osteoporosis" 25 times, "fracture"
   * 20) take two bytes each there, 1.2 KB less in every frame.
   */
  w: string;
}

/** Up to 36 words, each saving at least this many bytes. */
const WORD_GAIN = 4;
/** A word of `p` or `c`, or a part of a term id ("bone-mineral-density"). */
const TOKEN = /[^ \t|\n,-]+/g;

/** The words worth a dictionary entry, most saving first, and `text` with them written as "#" + index. */
function withDictionary(text: string): { text: string; words: string[] } {
  const counts = new Map<string, number>();
  for (const w of text.match(TOKEN) ?? []) {
    if (w.includes('#')) throw new Error(`a glossary word cannot hold "#": ${w}`);
    // Term numbers and "~" stay as they are: the decoder tells a candidate's own term by them.
    if (!/^[0-9~]/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const gain = (w: string) => (w.length - 2) * counts.get(w)! - (w.length + 1);
  const words = [...counts.keys()]
    .filter((w) => gain(w) >= WORD_GAIN)
    .sort((a, b) => gain(b) - gain(a))
    .slice(0, 36);
  const index = new Map(words.map((w, i) => [w, '#' + i.toString(36)]));
  return { text: text.replace(TOKEN, (w) => index.get(w) ?? w), words };
}

export function encodeMatcher(data: MatcherData): CompactMatcher {
  const p = [...keysByValue(Object.entries(data.phrases).map(([key, list]) => [key, encodeCandidates(list)]))]
    .map(([cands, keys]) => `${keys.join(' ')}\t${cands}`)
    .join('\n');
  const c = [...keysByValue(Object.entries(data.context).map(([word, terms]) => [word, terms.join(',')]))]
    .map(([terms, words]) => `${terms}\t${words.join(' ')}`)
    .join('\n');
  // One dictionary for all three: no line is empty and ids hold no newline, so they split apart again.
  const { text, words } = withDictionary(`${p}\n\n${c}\n\n${data.terms.join(' ')}`);
  const [pp = '', cc = '', t = ''] = text.split('\n\n');
  return { t, p: pp, c: cc, w: words.join(' ') };
}

function encodeCandidates(list: Candidate[]): string {
  let last = '';
  return list
    .map(([term, flags, ...rest]) => {
      const head = `${flags === 1 ? '~' : ''}${term}`;
      const same = head === last && rest.length > 0 && !/^[0-9~]/.test(rest[0]!);
      last = head;
      return (same ? rest : [head, ...rest]).join(' ');
    })
    .join('|');
}

/** The keys of each encoded value, in the order the values first occur. */
function keysByValue(entries: [key: string, value: string][]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const keys = groups.get(value);
    if (keys) keys.push(key);
    else groups.set(value, [key]);
  }
  return groups;
}

/**
 * Runs in every frame with text, before the JIT has warmed up, so it splits with indexOf and
 * plain loops (no destructuring or spread, whose iterators are slow in cold code).
 */
export function decodeMatcher(c: CompactMatcher): MatcherData {
  const dict = c.w.split(' ');
  const expand = (s: string) => s.replace(/#(\w)/g, (_, k: string) => dict[parseInt(k, 36)]!);
  const phrases: Record<string, Candidate[]> = {};
  for (const line of c.p ? expand(c.p).split('\n') : []) {
    const tab = line.indexOf('\t');
    const list: Candidate[] = [];
    let term = 0;
    let flags = 0;
    for (const cand of line.slice(tab + 1).split('|')) {
      const words = cand.split(' ');
      const head = words[0]!;
      const c = head.charCodeAt(0);
      // A candidate starting with a word, not a term number, is the previous one's term.
      const own = c === 126 /* ~ */ || (c >= 48 && c <= 57);
      if (own) {
        flags = c === 126 ? 1 : 0;
        term = Number(flags ? head.slice(1) : head);
      }
      const candidate: Candidate = [term, flags];
      for (let k = own ? 1 : 0; k < words.length; k++) candidate.push(words[k]!);
      list.push(candidate);
    }
    // The keys of a line share one list: the matcher only reads it.
    for (const key of line.slice(0, tab).split(' ')) phrases[key] = list;
  }
  const context: Record<string, number[]> = {};
  for (const line of c.c ? expand(c.c).split('\n') : []) {
    const tab = line.indexOf('\t');
    const numbers: number[] = [];
    for (const t of line.slice(0, tab).split(',')) numbers.push(Number(t));
    // The words of a line share one list: the matcher only reads it.
    for (const word of line.slice(tab + 1).split(' ')) context[word] = numbers;
  }
  return { terms: c.t ? expand(c.t).split(' ') : [], phrases, context };
}
