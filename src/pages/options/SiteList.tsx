import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n';

export interface SiteListProps {
  sites: readonly string[];
  onRemove: (host: string) => void;
}

/** The sites turned off, each with a Remove button. Focus stays in the list as entries go. */
export function SiteList({ sites, onRemove }: SiteListProps) {
  const box = useRef<HTMLDivElement>(null);
  // Which entry to focus once a removal has re-rendered the list (its button is gone by then).
  const focusAfterRemove = useRef<{ at: number; host: string } | undefined>(undefined);
  useEffect(() => {
    const pending = focusAfterRemove.current;
    // A render from an older storage change may still list the removed site: wait for the one without it.
    if (pending === undefined || !box.current || sites.includes(pending.host)) return;
    const { at } = pending;
    focusAfterRemove.current = undefined;
    const buttons = box.current.querySelectorAll<HTMLButtonElement>('button');
    (buttons[Math.min(at, buttons.length - 1)] ?? box.current.querySelector<HTMLElement>('.sites-empty'))?.focus();
  }, [sites]);

  return (
    <div class="sites" ref={box}>
      {sites.length === 0 ? (
        <p class="sites-empty hint" tabIndex={-1}>
          {t('optionsOffSitesEmpty')}
        </p>
      ) : (
        <ul class="site-list" aria-labelledby="off-sites-heading">
          {sites.map((host, i) => (
            <li key={host} data-host={host}>
              <span class="site-name">{host}</span>
              <button
                type="button"
                aria-label={t('optionsRemoveSiteLabel', host)}
                onClick={() => {
                  focusAfterRemove.current = { at: i, host };
                  onRemove(host);
                }}
              >
                {t('optionsRemoveSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
