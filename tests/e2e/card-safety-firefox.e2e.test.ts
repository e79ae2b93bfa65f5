import { launchFirefox } from '../support/firefox';
import { cardSafetySuite } from './page-suites';

cardSafetySuite('Firefox', launchFirefox);
