import { launchFirefox } from '../support/firefox';
import { securitySuite } from './suite';

securitySuite('Firefox', launchFirefox);
