import { launchChromium } from '../support/chromium';
import { phoneSuite } from './phone-suite';

for (const width of [360, 412])
  phoneSuite('Chromium', launchChromium, {
    tag: String(width),
    options: { phone: { width, height: width === 360 ? 740 : 839 } },
    fixtures: ['with-viewport', 'no-viewport'],
    pinch: width === 360,
    full: width === 360,
  });
