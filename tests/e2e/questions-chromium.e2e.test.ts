import { launchChromium } from '../support/chromium';
import { questionsSuite } from './questions-suite';

questionsSuite('Chromium', (dark) => launchChromium(dark ? { colorScheme: 'dark' } : {}));
