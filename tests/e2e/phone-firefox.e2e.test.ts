import { launchFirefox } from '../support/firefox';
import { phoneSuite } from './phone-suite';

// At 360 and 412 px with touch; Gecko's phone layout (980 px and zoomed out without a viewport meta
// tag) in a 500 px window, the narrowest headless Firefox opens (see tests/support/firefox.ts).
for (const width of [360, 412])
  phoneSuite('Firefox', launchFirefox, {
    tag: String(width),
    options: { phone: { width, height: width === 360 ? 740 : 839 } },
    fixtures: ['with-viewport'],
    pinch: false,
    full: width === 360,
  });
phoneSuite('Firefox', launchFirefox, {
  tag: '500-meta',
  options: { phone: { width: 500, height: 900, metaViewport: true } },
  fixtures: ['with-viewport', 'no-viewport'],
  pinch: false,
  full: false,
});
