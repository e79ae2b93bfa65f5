/**
 * Under a glossary entry's name: how to say it (with Listen where the device has its own voice)
 * and "Add to my questions". Adding goes through the background, which saves nothing from a
 * private window; here the button is replaced by a note there.
 */
import { useState } from 'preact/hooks';
import pronunciations from 'plao:extras/pronunciations';
import browser from 'webextension-polyfill';
import type { TermEntry } from '../../core/knowledge/types';
import { parseSavedReply, type ToBackground } from '../../core/messages';
import { t } from '../../ui/i18n';
import { SayIt } from '../../ui/SayIt';

export function TermExtras({ term }: { term: TermEntry }) {
  const [status, setStatus] = useState('');
  const say = pronunciations[term.id];
  const add = async () => {
    const msg: ToBackground = { type: 'addQuestions', id: term.id };
    const reply = parseSavedReply(await browser.runtime.sendMessage(msg).catch(() => undefined));
    setStatus(
      !reply.saved ? t('cardNotSaved') : reply.added ? t('glossaryAddedToQuestions', term.name) : t('cardAlreadyAdded'),
    );
  };
  return (
    <div class="entry-extras">
      {say && <SayIt name={term.name} say={say.say} source={say.source} />}
      {browser.extension.inIncognitoContext ? (
        <p class="muted" role="note">
          {t('cardPrivateNote')}
        </p>
      ) : (
        <p class="entry-add no-print">
          <button
            type="button"
            class="link-button add-question"
            aria-describedby={`${term.id}-name`}
            onClick={() => void add()}
          >
            {t('glossaryAddToQuestions')}
          </button>{' '}
          <span role="status" class="muted">
            {status}
            {status && !status.startsWith(t('cardNotSaved')) && (
              <>
                {' '}
                <a href="questions.html">{t('cardOpenQuestions')}</a>
              </>
            )}
          </span>
        </p>
      )}
    </div>
  );
}
