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
// Dark: the sheet and its close button follow the reader's colour scheme.
phoneSuite('Chromium', launchChromium, {
  tag: '360-dark',
  options: { phone: { width: 360, height: 740 }, colorScheme: 'dark' },
  fixtures: ['with-viewport'],
  pinch: false,
  full: false,
});
