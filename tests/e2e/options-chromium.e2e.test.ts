import { launchChromium } from '../support/chromium';
import { optionsSuite } from './page-suites';

optionsSuite('Chromium', launchChromium);
