import { launchChromium } from '../support/chromium';
import { cardSafetySuite } from './page-suites';

cardSafetySuite('Chromium', launchChromium);
