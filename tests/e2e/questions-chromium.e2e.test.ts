import { launchChromium } from '../support/chromium';
import { questionsSuite } from './page-suites';

questionsSuite('Chromium', launchChromium);
