import { launchChromium } from '../support/chromium';
import { hostileSuite } from './suite';

hostileSuite('Chromium', launchChromium);
