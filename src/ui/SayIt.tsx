/**
 * How to say a hard name: a respelling ("bis-FOS-fuh-nayt") and, where the device has a voice of
 * its own, a Listen button. Only a local voice (`localService`) is used, so the word is never sent
 * to a speech service; where there is none, there is no button. A class, not hooks: the popover
 * ships in every page's content script, where preact/hooks would cost 2.5 KB.
 */
import { Component } from 'preact';
import { t } from './i18n';

export interface SayItProps {
  /** The name as written, which the voice reads. */
  name: string;
  say: string;
  /** Short name of the source of the respelling. */
  source: string;
}

function localVoice(): SpeechSynthesisVoice | undefined {
  const voices = globalThis.speechSynthesis?.getVoices() ?? [];
  return voices.find((v) => v.localService && v.lang.toLowerCase().startsWith('en'));
}

export class SayIt extends Component<SayItProps, { voice?: SpeechSynthesisVoice | undefined }> {
  // The browser lists its voices late: look again when it says they changed.
  #update = () => this.setState({ voice: localVoice() });

  override componentDidMount(): void {
    this.#update();
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.#update);
  }

  override componentWillUnmount(): void {
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.#update);
  }

  #listen = () => {
    const { voice } = this.state;
    if (!voice) return;
    const u = new SpeechSynthesisUtterance(this.props.name);
    u.voice = voice;
    u.lang = voice.lang;
    speechSynthesis.cancel();
    speechSynthesis.speak(u);
  };

  override render({ name, say, source }: SayItProps) {
    return (
      <p class="term-say">
        <span class="term-say-label">{t('sayLabel')}</span> <b>{say}</b> <span class="term-say-label">({source})</span>
        {this.state.voice && (
          <button type="button" class="term-say-listen" onClick={this.#listen} aria-label={t('sayListenLabel', name)}>
            {t('sayListen')}
          </button>
        )}
      </p>
    );
  }
}
