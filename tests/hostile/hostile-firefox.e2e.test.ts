import { launchFirefox } from '../support/firefox';
import { hostileSuite } from './suite';

hostileSuite('Firefox', launchFirefox);
