/**
 * What a hostile page can learn about the popover (release build: closed shadow root): not its
 * text, not through the host's markup, styles, attributes, events or focus, not by patching the
 * DOM's prototypes before the extension runs, and not by claiming the host's element name.
 */
import { expect } from 'vitest';
import type { Driver, TestPage } from '../support/driver';
import type { FixtureServer } from '../support/server';
import { sendToTab, tabIdOf, termCard } from '../support/extension';
import { hoverTerm, openPainted, waitForPopover, waitForPopoverClosed } from '../support/page';
import { fixture, settle } from './support';

interface EventSeen {
  type: string;
  target: string;
  text: string;
  /** The event's path, as the page sees it, holds a node inside a shadow root. */
  fromShadow: boolean;
}

/**
 * Listens, in the capture phase on window and document, to every event the page knows a handler
 * for (`on…` properties) and a few more, and keeps what a page could read from each.
 */
function listenToEverything(): number {
  const seen: EventSeen[] = [];
  (window as unknown as { seenEvents: EventSeen[] }).seenEvents = seen;
  const names = new Set([
    'DOMContentLoaded',
    'readystatechange',
    'visibilitychange',
    'focusin',
    'focusout',
    'toggle',
    'beforetoggle',
    'message',
    'selectionchange',
    'selectstart',
    'scrollend',
    'slotchange',
    'transitionrun',
    'transitionstart',
    'transitionend',
    'animationstart',
    'animationend',
    'plao-lens',
  ]);
  for (const target of [window, document, document.documentElement]) {
    // for…in: the on… handlers are inherited properties.
    for (const key in target as object) if (key.startsWith('on')) names.add(key.slice(2));
  }
  const describe = (v: unknown): string =>
    v instanceof Element ? `<${v.localName}>` : v instanceof Node ? v.nodeName : v === window ? 'window' : '';
  const fields = [
    'detail',
    'data',
    'key',
    'code',
    'newState',
    'oldState',
    'inputType',
    'animationName',
    'propertyName',
    'pseudoElement',
    'origin',
    'state',
  ];
  const record = (e: Event) => {
    const parts: string[] = [];
    const any = e as unknown as Record<string, unknown>;
    for (const k of fields) {
      const v = any[k];
      if (v === undefined || v === null || v === '') continue;
      try {
        parts.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
      } catch {
        parts.push(`${k}=${Object.prototype.toString.call(v)}`);
      }
    }
    const transfer = (any.clipboardData ?? any.dataTransfer) as DataTransfer | undefined;
    if (transfer) parts.push(`transfer=${transfer.getData('text/plain')}`);
    if (any.relatedTarget) parts.push(`related=${describe(any.relatedTarget)}`);
    const path = e.composedPath();
    seen.push({
      type: e.type,
      target: describe(e.target),
      text: parts.join(' '),
      fromShadow: path.some((n) => n instanceof Node && n.getRootNode() instanceof ShadowRoot),
    });
  };
  for (const name of names) {
    window.addEventListener(name, record, true);
    document.addEventListener(name, record, true);
  }
  return names.size;
}

interface Readable {
  shadowRoot: string;
  textContent: string | null;
  innerHTML: string;
  innerText: string;
  html: string;
  childNodes: number;
  attributes: string[];
  style: string;
  pseudo: string;
  pageText: string;
  selected: string;
  active: string | undefined;
}

/** Everything about the host and the popover a page script can read. */
function whatThePageCanRead(): Readable | null {
  const host = document.querySelector<HTMLElement>('plao-lens');
  if (!host) return null;
  const cs = getComputedStyle(host);
  const style = [...cs].map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  const pseudo = ['::before', '::after', '::marker', '::backdrop']
    .map((p) => getComputedStyle(host, p).getPropertyValue('content'))
    .join(' ');
  const sel = getSelection()!;
  sel.selectAllChildren(document.documentElement);
  const selected = sel.toString();
  sel.removeAllRanges();
  const getHTML = (host as unknown as { getHTML?: (o: object) => string }).getHTML;
  return {
    shadowRoot: host.shadowRoot === null ? 'null' : 'a shadow root',
    textContent: host.textContent,
    innerHTML: host.innerHTML,
    innerText: host.innerText,
    html: getHTML?.call(host, { serializableShadowRoots: true }) ?? '',
    childNodes: host.childNodes.length,
    attributes: host.getAttributeNames(),
    style,
    pseudo,
    pageText: document.documentElement.innerText,
    selected,
    active: document.activeElement?.localName,
  };
}

/** Strings only the popover holds for a term: its explanation, source line, links and labels. */
async function secretsOf(driver: Driver, id: string): Promise<string[]> {
  const card = await termCard(driver, id);
  expect(card, `the background's card for ${id}`).toBeDefined();
  const guide = card!.guide as { article: string; section: string };
  return [
    String(card!.short).slice(0, 40),
    String(card!.sourceLine),
    'Read the full guidance',
    'Not medical advice',
    `article=${guide.article}`,
    guide.section,
  ];
}

function expectNothingLeaks(read: Readable | null, secrets: string[], when: string): void {
  expect(read, `the host ${when}`).not.toBeNull();
  const r = read!;
  expect(r.shadowRoot, `host.shadowRoot ${when}`).toBe('null');
  expect(
    {
      textContent: r.textContent,
      innerHTML: r.innerHTML,
      innerText: r.innerText,
      html: r.html,
      childNodes: r.childNodes,
    },
    when,
  ).toEqual({ textContent: '', innerHTML: '', innerText: '', html: '', childNodes: 0 });
  for (const a of r.attributes) expect(['style', 'popover', 'data-style'], `host attribute ${when}`).toContain(a);
  for (const [what, text] of Object.entries({
    'computed style': r.style,
    'pseudo-element content': r.pseudo,
    'page innerText': r.pageText,
    'select-all text': r.selected,
  })) {
    for (const s of secrets) expect(text.includes(s), `${what} ${when} holds "${s}"`).toBe(false);
  }
}

async function hostCentre(page: TestPage): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('plao-lens')!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
}

export async function pageCannotReadThePopover(driver: Driver, server: FixtureServer): Promise<void> {
  const url = fixture(server, 'seed-article.html');
  const page = await openPainted(driver, url, 10);
  const secrets = await secretsOf(driver, 'plao');
  const listened = await page.evaluate(listenToEverything);
  expect(listened).toBeGreaterThan(50);

  // The pointer path: hover, then move into the popover (the page sees pointer events on the host).
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  await page.screenshot('security-release-popover');
  const inside = await hostCentre(page);
  await page.mouseMove(inside.x, inside.y);
  await settle(300);
  const hovered = await page.evaluate(whatThePageCanRead);
  expectNothingLeaks(hovered, secrets, 'with the popover open under the pointer');
  expect(hovered!.active, 'document.activeElement after a hover').not.toBe('plao-lens');
  await page.mouseMove(2, 2);
  await waitForPopoverClosed(page);

  // The keyboard path: focus moves inside, and the page sees only that the host has it.
  const tabId = await tabIdOf(driver, url);
  expect(await sendToTab(driver, tabId, { type: 'revealTerm', id: 'plao' })).toEqual({ found: true });
  await waitForPopover(page);
  const focused = await page.evaluate(whatThePageCanRead);
  expectNothingLeaks(focused, secrets, 'with focus inside the popover');
  expect(focused!.active, 'document.activeElement with focus inside').toBe('plao-lens');
  await page.press('Tab');
  await page.press('Escape');
  await waitForPopoverClosed(page);
  expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('plao-lens');

  const events = await page.evaluate(() => (window as unknown as { seenEvents: EventSeen[] }).seenEvents);
  expect(
    events.some((e) => e.target === '<plao-lens>'),
    'the page saw events on the host',
  ).toBe(true);
  expect(events.filter((e) => e.fromShadow)).toEqual([]);
  for (const e of events) {
    for (const s of secrets) expect(e.text.includes(s), `a ${e.type} event carries "${s}"`).toBe(false);
  }
  const types = new Set(events.map((e) => e.type));
  console.log(`${driver.name}: the page saw ${events.length} events of ${types.size} types`);
  await page.close();
}

interface Caught {
  name: string;
  self: string;
  args: string[];
  result: string;
}

/**
 * A page that wrapped attachShadow, createElement, appendChild, setAttribute, showPopover,
 * replaceSync, style.setProperty, addEventListener and the shadowRoot getter before the extension
 * ran catches none of the extension's calls (content scripts have their own view of the DOM's
 * prototypes); and defining <plao-lens> once the host exists hands it no root.
 */
export async function patchedPrototypesCatchNothing(driver: Driver, server: FixtureServer): Promise<void> {
  const url = fixture(server, 'security/hostile-prototypes.html');
  const page = await openPainted(driver, url, 3);
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  await page.mouseMove(2, 2);
  await waitForPopoverClosed(page);
  const tabId = await tabIdOf(driver, url);
  expect(await sendToTab(driver, tabId, { type: 'revealTerm', id: 'dxa-scan' })).toEqual({ found: true });
  await waitForPopover(page);
  await page.press('Escape');
  await waitForPopoverClosed(page);
  const caught = await page.evaluate(() =>
    (window as unknown as { caught: Caught[] }).caught.filter(
      // The test driver's own listeners (Playwright's hit-target check) are not the extension's.
      (c) => !/playwright|hitTargetInterceptor/i.test(JSON.stringify(c)),
    ),
  );
  expect(caught).toEqual([]);
  expect(await page.evaluate(() => String((window as unknown as { caughtRoot?: unknown }).caughtRoot))).toBe(
    'undefined',
  );

  // Too late to matter: the host is upgraded to the page's class, but its root was attached before.
  const upgraded = await page.evaluate(() => {
    const kept: ElementInternals[] = [];
    (window as unknown as { lateInternals: ElementInternals[] }).lateInternals = kept;
    customElements.define(
      'plao-lens',
      class extends HTMLElement {
        constructor() {
          super();
          kept.push(this.attachInternals());
        }
      },
    );
    return kept.length;
  });
  expect(upgraded).toBe(1);
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  expect(
    await page.evaluate(() =>
      (window as unknown as { lateInternals: ElementInternals[] }).lateInternals.map((i) =>
        i.shadowRoot === null ? 'null' : 'a shadow root',
      ),
    ),
  ).toEqual(['null']);
  await page.close();
}

/**
 * A page that defines <plao-lens> as its own custom element before the extension runs holds the
 * host from its constructor; ElementInternals.shadowRoot then hands it even a closed root.
 */
export async function pageDefinedHostNameGetsNoRoot(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, fixture(server, 'security/hostile-custom-element.html'), 3);
  await hoverTerm(page, 'PLAO');
  await settle(1500); // whether or not a popover opens on such a page
  const leaked = await page.evaluate(
    () => (window as unknown as { leakedRoot(): ShadowRoot | null }).leakedRoot()?.textContent ?? null,
  );
  await page.close();
  expect(leaked, 'what the page read through ElementInternals.shadowRoot').toBeNull();
}

/** Which of `probes` the page's window.find() finds (the browser's find-in-page, from script). */
function findOnPage(probes: string[]): string[] {
  const find = (window as unknown as { find?: (s: string, ...flags: boolean[]) => boolean }).find;
  return probes.filter((p) => {
    const hit = find?.call(window, p, false, false, true) ?? false;
    getSelection()?.removeAllRanges();
    return hit;
  });
}

/**
 * window.find() searches the flat tree, closed shadow roots included: a page that knows the cards'
 * texts (they ship in the extension) can probe for each while the popover is open.
 */
export async function findCannotProbeThePopover(driver: Driver, server: FixtureServer): Promise<void> {
  const page = await openPainted(driver, fixture(server, 'seed-article.html'), 10);
  const secrets = await secretsOf(driver, 'plao');
  expect(await page.evaluate(findOnPage, ['osteoporosis']), 'window.find works here').toEqual(['osteoporosis']);
  await hoverTerm(page, 'PLAO');
  await waitForPopover(page);
  const found = await page.evaluate(findOnPage, secrets);
  await page.close();
  expect(found, "the popover's text found by the page's window.find").toEqual([]);
}
