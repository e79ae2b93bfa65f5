/** Options page. */
import { render } from 'preact';

render(<div class="page" />, document.getElementById('app')!);
