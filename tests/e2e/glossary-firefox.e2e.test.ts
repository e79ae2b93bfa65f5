import { launchFirefox } from '../support/firefox';
import { glossarySuite } from './page-suites';

glossarySuite('Firefox', launchFirefox);
