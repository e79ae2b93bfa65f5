/**
 * Content script entry. Every frame of every page runs it, and most frames (ad slots, trackers,
 * `about:blank`) never hold reading text: such a frame only checks for text and waits, and sets
 * nothing up (no settings read, no matcher decoded) until text arrives. The rest is imported
 * statically: a dynamic import kept in the same file made esbuild wrap every module for lazy
 * evaluation, 1.8 KB more in every frame for about 0.4 ms less in a text-less one (see
 * docs/decisions.md).
 */
import { whenText } from './first-text';
import { start } from './start';

async function main(): Promise<void> {
  if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG documents: leave alone.
  const isTop = window === window.top;
  // The top frame starts at once: it answers the popup for the tab.
  if (!isTop) await whenText(document);
  await start(isTop);
}

void main();
