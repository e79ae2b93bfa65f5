/** The extension pages' typed calls to a tab's content script. */
import browser from 'webextension-polyfill';
import { tabCaller } from '../core/messages';

export const callTab = tabCaller((tabId, msg, options) => browser.tabs.sendMessage(tabId, msg, options));
