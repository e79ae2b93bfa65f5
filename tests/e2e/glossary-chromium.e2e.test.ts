import { launchChromium } from '../support/chromium';
import { glossarySuite } from './page-suites';

glossarySuite('Chromium', launchChromium);
