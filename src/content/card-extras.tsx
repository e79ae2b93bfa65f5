/**
 * What the card on a page offers beyond the explanation: how to say the name, "Add to my
 * questions" and "Don't highlight this term". Both actions are written by the background; in a
 * private window the card says that nothing is saved instead of offering them. Classes, not
 * hooks, to keep preact/hooks out of the content script.
 */
import { Component } from 'preact';
import type { TermCard } from '../core/knowledge/types';
import type { TermExtras } from '../core/messages';
import { t } from '../ui/i18n';
import { callBackground, ext as browser } from './extension-api';

/** A card as the content script keeps it: with its respelling, when it has one. */
export type ExplainedCard = TermCard & { extras?: TermExtras };

export function withExtras(card: TermCard | undefined, extras: TermExtras): ExplainedCard | undefined {
  return card && { ...card, extras };
}

/** The extras as the card's slots, for every surface that shows a card on the page. */
export const cardExtras = (card: TermCard, onHiding?: (said: string) => void) => ({
  afterName: <CardSayIt card={card} />,
  actions: <CardActions card={card} onHiding={onHiding} />,
});

/** The respelling; the Listen button is the glossary's (it would cost every page's script a kilobyte). */
export function CardSayIt({ card }: { card: TermCard }) {
  const say = (card as ExplainedCard).extras?.say;
  return say ? (
    <p class="term-say">
      <span class="term-say-label">{t('sayLabel')}</span> <b>{say.text}</b>{' '}
      <span class="term-say-label">({say.source})</span>
    </p>
  ) : null;
}

interface ActionsProps {
  card: TermCard;
  onHiding?: ((said: string) => void) | undefined;
}

export class CardActions extends Component<ActionsProps, { status?: string; added?: boolean }> {
  #add = async () => {
    const { card } = this.props;
    const reply = await callBackground({ type: 'addQuestions', id: card.id });
    this.setState({
      added: reply.saved,
      status: !reply.saved ? t('cardNotSaved') : reply.added ? t('cardAdded', card.name) : t('cardAlreadyAdded'),
    });
  };

  #hide = async () => {
    const { card, onHiding } = this.props;
    // When saved, every page drops the term's highlights and this card with its live region, maybe
    // before the reply comes: told first, what shows the card says it once the card is gone.
    onHiding?.(t('cardHidden', card.name));
    const reply = await callBackground({ type: 'hideTerm', id: card.id, hidden: true });
    if (reply.saved) return;
    onHiding?.('');
    this.setState({ status: t('cardNotSaved') });
  };

  override render() {
    if (browser.extension.inIncognitoContext)
      return (
        <p class="term-private" role="note">
          {t('cardPrivateNote')}
        </p>
      );
    return (
      <div>
        <p>
          <button type="button" class="term-add" onClick={() => void this.#add()}>
            {t('cardAddToQuestions')}
          </button>
          <button type="button" class="term-hide" onClick={() => void this.#hide()}>
            {t('cardDontHighlight')}
          </button>
        </p>
        <p class="term-status" role="status">
          {this.state.status}
        </p>
        {this.state.added && (
          <p>
            <button
              type="button"
              class="term-open-questions"
              onClick={() => void callBackground({ type: 'openQuestions' })}
            >
              {t('cardOpenQuestions')}
            </button>
          </p>
        )}
      </div>
    );
  }
}
