import type { SourceEntry } from '../core/knowledge/types';

export interface SourceListProps {
  sources: SourceEntry[];
  /** Prefix for each entry's anchor, so several lists can share a page. */
  idPrefix: string;
}

/** Numbered full citations, each with an anchor that inline citations link to. */
export function SourceList({ sources, idPrefix }: SourceListProps) {
  return (
    <ol class="sources">
      {sources.map((s) => (
        <li key={s.key} id={`${idPrefix}${s.key}`}>
          {s.citation}
          {s.note ? <span class="source-note"> {s.note}</span> : null}
          {s.url ? (
            <>
              {' '}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                Link
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
