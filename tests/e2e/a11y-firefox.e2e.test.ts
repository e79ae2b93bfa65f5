import { launchFirefox } from '../support/firefox';
import { a11ySuite } from './page-suites';

a11ySuite('Firefox', launchFirefox);
