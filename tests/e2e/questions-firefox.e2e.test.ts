import { launchFirefox } from '../support/firefox';
import { questionsSuite } from './page-suites';

questionsSuite('Firefox', launchFirefox);
