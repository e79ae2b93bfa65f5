import { launchFirefox } from '../support/firefox';
import { questionsSuite } from './questions-suite';

questionsSuite('Firefox', () => launchFirefox());
