import { launchFirefox } from '../support/firefox';
import { optionsSuite } from './page-suites';

optionsSuite('Firefox', launchFirefox);
