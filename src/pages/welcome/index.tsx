/** Welcome page, opened once on install. */
import { render } from 'preact';
import { WelcomeView } from './WelcomeView';

render(<WelcomeView />, document.getElementById('app')!);
