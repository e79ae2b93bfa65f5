import { launchFirefox } from '../support/firefox';
import { mainSuite } from './main-suite';

mainSuite('Firefox', () => launchFirefox());
