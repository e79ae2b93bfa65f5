// @vitest-environment happy-dom
/**
 * Where focus goes when the card that held it goes away (its term hidden, the page read anew), and
 * what a screen reader is told then; the page's elements are left as they were.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { focusBack } from '../../src/content/focus-back';

(globalThis as { __TEST__?: boolean }).__TEST__ = true;
const { ShadowHost } = await import('../../src/content/surface/shadow-host');

function page(html: string): Text {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if ((n as Text).data.includes('osteoporosis')) return n as Text;
  throw new Error('no term');
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('focus back', () => {
  test('to the element that had it before the card opened', () => {
    const term = page('<a href="#a" id="before">before</a><p>PLAO and osteoporosis</p>');
    const before = document.getElementById('before')!;
    focusBack(before, term);
    expect(document.activeElement).toBe(before);
  });

  test('that element gone: to the link the term is part of', () => {
    const term = page('<p><a href="#x" id="link">about osteoporosis</a></p>');
    const gone = document.createElement('button');
    focusBack(gone, term);
    expect(document.activeElement?.id).toBe('link');
  });

  test('nothing focusable around the term: the page is left as it was', () => {
    const term = page('<p id="p">Weak bones: <b>osteoporosis</b> after birth.</p>');
    const before = document.documentElement.outerHTML;
    focusBack(null, term);
    expect(document.activeElement).toBe(document.body);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('a term no longer in the page: focus is not moved', () => {
    const term = page('<p><a href="#x">osteoporosis</a></p>');
    term.parentElement!.parentElement!.remove();
    focusBack(null, term);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('the host says what happened before it goes', () => {
  test('an unseen status region gets the text once it exists, and the host is removed later', () => {
    vi.useFakeTimers();
    const host = new ShadowHost({ styles: '' });
    const { host: el, root } = host.attach();
    host.destroyAfterSaying('Osteoporosis is no longer highlighted.');
    expect(host.element).toBeUndefined();
    const region = root.querySelector('[role="status"]')!;
    expect(region.textContent).toBe('');
    expect(el.style.getPropertyValue('clip-path')).toBe('inset(50%)');
    vi.advanceTimersByTime(1000);
    expect(region.textContent).toBe('Osteoporosis is no longer highlighted.');
    expect(el.isConnected).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(el.isConnected).toBe(false);
  });
});
