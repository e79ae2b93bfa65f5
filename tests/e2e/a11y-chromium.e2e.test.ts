import { launchChromium } from '../support/chromium';
import { a11ySuite } from './page-suites';

a11ySuite('Chromium', launchChromium);
