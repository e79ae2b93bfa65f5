// @vitest-environment happy-dom
/**
 * The content script's small renderer (what `preact` is in its bundle): the same DOM as Preact for
 * the card components, listeners, class components whose `setState` keeps the elements that stay
 * (and focus on them), and no raw HTML.
 */
import { h, render as preactRender } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { TermCard as Card } from '../../src/core/knowledge/types';
import { Component, h as domH, jsx, render } from '../../src/content/surface/dom-render';
import { TermCard } from '../../src/ui/TermCard';

const card: Card = {
  id: 'bone-mineral-density',
  name: 'Bone mineral density',
  category: 'tests',
  short: 'How much mineral is in a bone & how strong it is <b>.',
  sourceLine: 'NHS',
  reviewed: '2026-01-01',
  guide: { article: 'tests', section: 'dxa' },
  seekCare: true,
  safety: 'Safe while breastfeeding.',
  warnings: [
    { id: 'sudden-pain', level: 'emergency', text: 'Sudden severe back pain.', judgement: true, sources: [] },
    { id: 'height', level: 'next-appointment', text: 'Losing height.', judgement: false, sources: [] },
  ],
};

describe('the card', () => {
  test('comes out as Preact renders it', () => {
    for (const c of [card, { ...card, warnings: undefined, safety: undefined, pregnancy: 'In pregnancy too.' }]) {
      const props = { card: c, guideHref: 'chrome-extension://x/pages/guide.html?article=tests#dxa', nameId: 'n' };
      const a = document.createElement('div');
      const b = document.createElement('div');
      preactRender(h(TermCard, props), a);
      render(jsx(TermCard as never, props), b);
      expect(b.innerHTML).toBe(a.innerHTML);
    }
  });

  test('a second render keeps the elements that stay, and null empties the root', () => {
    const root = document.createElement('div');
    render(jsx(TermCard as never, { card, guideHref: '#' }), root);
    const link = root.querySelector('a');
    render(jsx(TermCard as never, { card: { ...card, name: 'BMD' }, guideHref: '#' }), root);
    expect(root.querySelector('a')).toBe(link);
    expect(root.querySelector('.term-name')!.textContent).toBe('BMD');
    render(null, root);
    expect(root.childNodes.length).toBe(0);
  });
});

test("h takes children as arguments (the content script's JSX), with the same DOM as Preact's h", () => {
  const tree = (make: typeof h) =>
    make(
      'div',
      { class: 'x', role: 'note' },
      make('b', null, 'one'),
      ' ',
      make('span', { 'aria-hidden': 'true' }, 'a', 2, null, false, ['b', make('i', null, 'c')]),
      make('p', null),
      make('em', { children: 'its own' }),
    );
  const a = document.createElement('div');
  const b = document.createElement('div');
  preactRender(tree(h), a);
  render(tree(domH as unknown as typeof h), b);
  expect(b.innerHTML).toBe(a.innerHTML);
  expect(b.querySelector('em')!.textContent).toBe('its own');
});

test('listeners follow the latest render', () => {
  const root = document.createElement('div');
  const first = vi.fn();
  const second = vi.fn();
  render(jsx('button', { type: 'button', onClick: first, children: 'Go' }), root);
  render(jsx('button', { type: 'button', onClick: second, children: 'Go' }), root);
  root.querySelector('button')!.click();
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledOnce();
});

test('attributes as Preact writes them: aria-* keeps false, other false ones are left out', () => {
  const root = document.createElement('div');
  render(jsx('div', { 'aria-hidden': false, hidden: false, tabIndex: -1, class: 'x', role: 'note' }), root);
  expect(root.innerHTML).toBe('<div aria-hidden="false" tabindex="-1" class="x" role="note"></div>');
});

class Counter extends Component<{ label: string }, { n?: number }> {
  override render() {
    return jsx('p', {
      children: [
        jsx('button', {
          type: 'button',
          onClick: () => this.setState({ n: (this.state.n ?? 0) + 1 }),
          children: 'Add',
        }),
        jsx('span', { role: 'status', children: this.state.n ? `${this.props.label} ${this.state.n}` : null }),
      ],
    });
  }
}

test('setState updates the component in place, keeping focus on its button', () => {
  document.body.innerHTML = '';
  render(
    jsx('div', { children: [jsx('h2', { children: 'Title' }), jsx(Counter as never, { label: 'added' })] }),
    document.body,
  );
  const button = document.querySelector('button')!;
  button.focus();
  button.click();
  button.click();
  expect(document.querySelector('button')).toBe(button);
  expect(document.activeElement).toBe(button);
  expect(document.querySelector('[role=status]')!.textContent).toBe('added 2');
  // A new render gives the component's place to a new one; the old one no longer writes there.
  render(
    jsx('div', { children: [jsx('h2', { children: 'Title' }), jsx(Counter as never, { label: 'again' })] }),
    document.body,
  );
  expect(document.querySelector('[role=status]')!.textContent).toBe('');
  button.click();
  expect(document.querySelector('[role=status]')!.textContent).toBe('again 1');
});

test('raw HTML is not allowed', () => {
  expect(() =>
    render(jsx('div', { dangerouslySetInnerHTML: { __html: '<img>' } }), document.createElement('div')),
  ).toThrow();
});
