// @vitest-environment happy-dom
/** The first sign that someone uses the page, which readies the card ahead of the first hover. */
import { expect, test, vi } from 'vitest';
import { onFirstIntent } from '../../src/content/hover';

const move = (movementX: number) => dispatchEvent(new MouseEvent('pointermove', { movementX }));

test('a pointer that moves, a touch or a key: once', () => {
  for (const sign of [
    () => move(3),
    () => dispatchEvent(new Event('touchstart')),
    () => dispatchEvent(new KeyboardEvent('keydown')),
  ]) {
    const run = vi.fn();
    onFirstIntent(new AbortController().signal, run);
    sign();
    sign();
    move(2);
    expect(run).toHaveBeenCalledOnce();
  }
});

test('nothing after the end', () => {
  const run = vi.fn();
  const life = new AbortController();
  onFirstIntent(life.signal, run);
  life.abort();
  move(4);
  expect(run).not.toHaveBeenCalled();
});
