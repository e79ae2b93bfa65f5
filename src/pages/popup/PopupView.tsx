export interface PopupTerm {
  id: string;
  name: string;
  count: number;
}

export type PopupState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; terms: PopupTerm[] };

export interface PopupViewProps {
  state: PopupState;
  glossaryHref: string;
}

export function PopupView({ state, glossaryHref }: PopupViewProps) {
  return (
    <main class="popup-main">
      <h1 class="popup-title">PLAO Lens</h1>
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">Terms on this page</h2>
        {state.status === 'loading' && <p class="muted">Looking…</p>}
        {state.status === 'unavailable' && <p class="muted">PLAO Lens cannot read this page.</p>}
        {state.status === 'ready' && state.terms.length === 0 && (
          <p class="muted">No bone-health terms found on this page.</p>
        )}
        {state.status === 'ready' && state.terms.length > 0 && (
          <ul class="page-terms">
            {state.terms.map((t) => (
              <li key={t.id} data-term={t.id}>
                <span class="page-term-name">{t.name}</span>{' '}
                <span class="page-term-count" aria-label={`${t.count} ${t.count === 1 ? 'time' : 'times'}`}>
                  ×{t.count}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href={glossaryHref} target="_blank" rel="noopener">
          Open the glossary
        </a>
      </p>
      <p class="disclaimer">Not medical advice. PLAO Lens explains terms; it does not diagnose.</p>
    </main>
  );
}
