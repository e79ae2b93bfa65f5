/** The glossary page: every term with its full explanation; `glossary.html#term-id` deep-links. */
import { render } from 'preact';
import knowledge from 'plao:knowledge/full';
import { GlossaryView } from './GlossaryView';

render(<GlossaryView knowledge={knowledge} />, document.getElementById('app')!);
if (location.hash.length > 1) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
