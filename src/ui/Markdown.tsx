import type { ComponentChildren } from 'preact';
import { knowledgeHref } from '../core/addresses';
import type { Block, Inline } from '../core/knowledge/types';
import { t } from './i18n';
import { WarningSign } from './WarningSign';

export interface MarkdownProps {
  blocks: Block[];
  /** Where a citation points (an anchor in the page's source list). */
  citeHref: (key: string) => string;
  /** The display number of a cited source. */
  citeNumber: (key: string) => number;
}

/** Renders compiled Markdown; content never becomes an HTML string. */
export function Markdown({ blocks, citeHref, citeNumber }: MarkdownProps) {
  const cite = (key: string, n: number) => (
    <sup key={n} class="cite">
      <a href={citeHref(key)} aria-label={t('sourceNumber', String(citeNumber(key)))}>
        [{citeNumber(key)}]
      </a>
    </sup>
  );
  const inl = (c: Inline[]): ComponentChildren =>
    c.map((i, n) => {
      switch (i.t) {
        case 'text':
          return i.v;
        case 'em':
          return <em key={n}>{inl(i.c)}</em>;
        case 'strong':
          return <strong key={n}>{inl(i.c)}</strong>;
        case 'link': {
          const external = i.href.startsWith('https://');
          return (
            <a
              key={n}
              href={knowledgeHref(i.href)}
              {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              {inl(i.c)}
            </a>
          );
        }
        case 'cite':
          return cite(i.key, n);
      }
    });
  const blk = (b: Block, n: number): ComponentChildren => {
    switch (b.t) {
      case 'p':
        return <p key={n}>{inl(b.c)}</p>;
      case 'h':
        return b.level === 2 ? (
          <h2 key={n} id={b.id || undefined}>
            {inl(b.c)}
          </h2>
        ) : (
          <h3 key={n} id={b.id || undefined}>
            {inl(b.c)}
          </h3>
        );
      case 'ul':
      case 'ol': {
        const items = b.items.map((item, k) => <li key={k}>{item.map(blk)}</li>);
        return b.t === 'ul' ? <ul key={n}>{items}</ul> : <ol key={n}>{items}</ol>;
      }
      case 'quote':
        return <blockquote key={n}>{b.c.map(blk)}</blockquote>;
      case 'seekCare':
        return (
          <div key={n} class="seek-care-box" role="note" aria-label={t('seekCareNow')}>
            <p class="seek-care-title">{t('seekCareNow')}</p>
            {b.c.map(blk)}
          </div>
        );
      case 'warning':
        return <WarningSign key={n} warning={b} cites={b.sources.map((k, j) => cite(k, j))} />;
    }
  };
  return <>{blocks.map(blk)}</>;
}
