/**
 * Content script entry. Every frame of every page runs it, and most frames (ad slots, trackers,
 * `about:blank`) never hold reading text: such a frame only checks for text and waits. The rest of
 * the script is imported dynamically, which esbuild keeps in this one file but evaluates only on
 * that import, so a frame without text never runs the top level of any other module.
 */
import { whenText } from './first-text';

async function main(): Promise<void> {
  if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG documents: leave alone.
  const isTop = window === window.top;
  // The top frame starts at once: it answers the popup for the tab.
  if (!isTop) await whenText(document);
  const { start } = await import('./start');
  await start(isTop);
}

void main();
