/** Keyboard commands (rebindable in the browser's shortcut settings): next and previous term. */
import browser, { type Tabs } from 'webextension-polyfill';
import { callTab } from './calls';

/** Firefox for Android has no keyboard commands: there the popup's term list takes their place. */
export function handleCommands(): void {
  if (!browser.commands?.onCommand) return;
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    const direction = command === 'next-term' ? 1 : command === 'previous-term' ? -1 : 0;
    if (!direction) return;
    void step(direction, tab?.id);
  });
}

async function step(direction: 1 | -1, tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await callTab(id)({ type: 'stepTerm', direction });
}
