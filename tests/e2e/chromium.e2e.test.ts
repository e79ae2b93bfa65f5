import { launchChromium } from '../support/chromium';
import { mainSuite } from './main-suite';

mainSuite('Chromium', () => launchChromium());
