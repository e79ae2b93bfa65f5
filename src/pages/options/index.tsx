/** Options page: the settings, saved as they change, in step with every other open surface. */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import cards from 'plao:knowledge/cards';
import { setSiteEnabled, setTermHidden, type Settings } from '../../core/settings';
import { t } from '../../ui/i18n';
import css from './options.css';
import { OptionsView, type OptionsActions, type OptionsState } from './OptionsView';
import { useStoredSettings } from '../settings-store';

const STATUS_SHOWN_MS = 4000;
const names = new Map(cards.map((c) => [c.id, c.name]));

function Options() {
  const { settings, invalid, save, reset } = useStoredSettings();
  // Once something was found unreadable, say so until the user resets, even after later saves.
  const [unreadable, setUnreadable] = useState<(keyof Settings)[]>([]);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [status, setStatus] = useState('');
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

  useEffect(() => {
    if (invalid.length) setUnreadable((seen) => [...new Set([...seen, ...invalid])]);
  }, [invalid]);

  /** Clears the live region first, so that "Saved" after "Saved" is announced again. */
  const announce = (message: string) => {
    timers.current.forEach(clearTimeout);
    setStatus('');
    timers.current = [setTimeout(() => setStatus(message), 50), setTimeout(() => setStatus(''), STATUS_SHOWN_MS)];
  };
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  const report = (done: Promise<void>, message: string) =>
    done.then(
      () => announce(message),
      (e: unknown) => announce(t('optionsSaveFailed', e instanceof Error ? e.message : String(e))),
    );

  const actions: OptionsActions = {
    onChange: (patch) => {
      if (settings) void report(save({ ...settings, ...patch }), t('optionsSaved'));
    },
    onRemoveSite: (host) => {
      if (settings) void report(save(setSiteEnabled(settings, host, true)), t('optionsSaved'));
    },
    onShowTerm: (id) => {
      if (settings) void report(save(setTermHidden(settings, id, false)), t('optionsSaved'));
    },
    // A term no longer in the glossary is still listed, by its id, so it can be shown again.
    termName: (id) => names.get(id) ?? id,
    onAskReset: () => setConfirmingReset(true),
    onCancelReset: () => setConfirmingReset(false),
    onConfirmReset: () => {
      setConfirmingReset(false);
      setUnreadable([]);
      void report(reset(), t('optionsResetDone'));
    },
  };
  const state: OptionsState = settings
    ? { status: 'ready', settings, unreadable, confirmingReset, saveStatus: status }
    : { status: 'loading' };
  return <OptionsView state={state} {...actions} />;
}

// A constructable sheet, adopted next to page.css: the page's own rules, shipped inside the bundle.
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
document.title = t('optionsPageTitle');
render(<Options />, document.getElementById('app')!);
