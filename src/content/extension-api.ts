/**
 * The extension API for the content script, without webextension-polyfill: that library is ~10 KB
 * in every frame of every page, and both browsers now offer promise-based APIs natively (Firefox's
 * `browser`, Chromium's MV3 `chrome`). Replies to messages use `sendResponse`, which both support
 * (Chromium does not accept a promise returned from a listener).
 */
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const ext: Browser = (g.browser ?? g.chrome)!;
