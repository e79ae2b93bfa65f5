/**
 * Turns the Markdown of terms and articles into a small, typed tree at build time. The extension
 * renders that tree with Preact components, so no HTML string from content ever reaches a page.
 * Anything outside the small allowed set is an error, reported with the reason.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Block, Inline } from './types';

/**
 * Expands a reference paragraph (`{{warning:id}}`, `{{meta:changes}}`) into blocks, or says why it
 * cannot. References keep one wording for things defined once elsewhere.
 */
export type Expand = (kind: string, id: string) => Block[] | string;

export interface MarkdownResult {
  blocks: Block[];
  cites: string[];
  links: string[];
  errors: string[];
}

const CITE = /\[@([A-Za-z0-9]+(?:\s*;\s*@[A-Za-z0-9]+)*)\]/g;
const ANCHOR = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;
const SEEK_CARE = /^\s*\[!SEEK-CARE\]\s*/;
const REF = /^\s*\{\{([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)\}\}\s*$/;

interface State extends MarkdownResult {
  expand: Expand | undefined;
}

export function parseMarkdown(source: string, expand?: Expand): MarkdownResult {
  const res: State = { blocks: [], cites: [], links: [], errors: [], expand };
  const root = fromMarkdown(source);
  res.blocks = blocks(root.children, res);
  const { blocks: b, cites, links, errors } = res;
  return { blocks: b, cites, links, errors };
}

function blocks(nodes: RootContent[], res: State): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const b = block(node, res);
    if (Array.isArray(b)) out.push(...b);
    else if (b) out.push(b);
  }
  return out;
}

function reference(node: RootContent, res: State): Block[] | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1 || node.children[0]?.type !== 'text') return undefined;
  const m = REF.exec(node.children[0].value);
  if (!m) return undefined;
  const r = res.expand?.(m[1]!, m[2]!) ?? `reference "{{${m[1]}:${m[2]}}}" cannot be used here`;
  if (typeof r === 'string') {
    res.errors.push(r);
    return [];
  }
  for (const b of r) if (b.t === 'warning') res.cites.push(...b.sources);
  return r;
}

function block(node: RootContent, res: State): Block | Block[] | undefined {
  const ref = reference(node, res);
  if (ref) return ref;
  switch (node.type) {
    case 'paragraph':
      return { t: 'p', c: inlines(node.children, res) };
    case 'heading': {
      if (node.depth !== 2 && node.depth !== 3) {
        res.errors.push(`heading level ${node.depth} is not allowed (use ## or ###)`);
        return undefined;
      }
      const c = inlines(node.children, res);
      const last = c[c.length - 1];
      const m = last?.t === 'text' ? ANCHOR.exec(last.v) : null;
      if (!m || last?.t !== 'text') {
        if (node.depth === 2) res.errors.push(`heading "${plain(c)}" has no {#anchor}`);
        return { t: 'h', level: node.depth, id: '', c };
      }
      last.v = last.v.slice(0, m.index);
      return { t: 'h', level: node.depth, id: m[1]!, c };
    }
    case 'list':
      return {
        t: node.ordered ? 'ol' : 'ul',
        items: node.children.map((li) => blocks(li.children, res)),
      };
    case 'blockquote': {
      const first = node.children[0];
      const firstText = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (firstText?.type === 'text' && SEEK_CARE.test(firstText.value)) {
        firstText.value = firstText.value.replace(SEEK_CARE, '');
        return { t: 'seekCare', c: blocks(node.children, res) };
      }
      return { t: 'quote', c: blocks(node.children, res) };
    }
    case 'definition':
      return undefined;
    default:
      res.errors.push(`Markdown "${node.type}" is not allowed`);
      return undefined;
  }
}

function inlines(nodes: PhrasingContent[], res: State): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value.includes('{{')) res.errors.push('a {{reference}} must be a paragraph of its own');
        splitCites(node.value, out, res);
        break;
      case 'emphasis':
        out.push({ t: 'em', c: inlines(node.children, res) });
        break;
      case 'strong':
        out.push({ t: 'strong', c: inlines(node.children, res) });
        break;
      case 'link':
        if (!/^(term:|guide:|https:\/\/)/.test(node.url))
          res.errors.push(`link "${node.url}" must start with term:, guide: or https://`);
        res.links.push(node.url);
        out.push({ t: 'link', href: node.url, c: inlines(node.children, res) });
        break;
      case 'break':
        out.push({ t: 'text', v: ' ' });
        break;
      default:
        res.errors.push(`Markdown "${(node as Nodes).type}" is not allowed inside text`);
    }
  }
  return out;
}

function splitCites(value: string, out: Inline[], res: MarkdownResult): void {
  let at = 0;
  for (const m of value.matchAll(CITE)) {
    if (m.index > at) out.push({ t: 'text', v: value.slice(at, m.index) });
    for (const key of m[1]!.split(/\s*;\s*@/)) {
      out.push({ t: 'cite', key });
      res.cites.push(key);
    }
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push({ t: 'text', v: value.slice(at) });
}

/** The text of inlines, without citations. */
export function plain(c: Inline[]): string {
  return c.map((i) => (i.t === 'text' ? i.v : i.t === 'cite' ? '' : plain(i.c))).join('');
}
