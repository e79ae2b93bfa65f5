/**
 * The extension API for the content script, without webextension-polyfill: that library is ~10 KB
 * in every frame of every page, and both browsers now offer promise-based APIs natively (Firefox's
 * `browser`, Chromium's MV3 `chrome`). Replies to messages use `sendResponse`, which both support
 * (Chromium does not accept a promise returned from a listener).
 */
import type { Browser } from 'webextension-polyfill';
import { backgroundReplyParsers, callWith, type BackgroundReplies, type ToBackground } from '../core/messages';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const ext: Browser = (g.browser ?? g.chrome)!;

/** A request to the background, answered with its parsed reply (never rejects). */
export const callBackground = callWith<ToBackground, BackgroundReplies>(backgroundReplyParsers, (msg) =>
  ext.runtime.sendMessage(msg),
);
