import { launchChromium } from '../support/chromium';
import { securitySuite } from './suite';

securitySuite('Chromium', launchChromium);
