import { describe, expect, test, vi } from 'vitest';
import { isOrphaned, takeOver } from '../../src/content/instance';

describe('one content script per frame', () => {
  test('a new run stops the run before it, once, and takes its place', () => {
    const scope: Record<string, unknown> = {};
    const first = vi.fn();
    const second = vi.fn();
    takeOver(first, scope);
    expect(first).not.toHaveBeenCalled();
    takeOver(second, scope);
    expect(first).toHaveBeenCalledOnce();
    expect(second).not.toHaveBeenCalled();
    const third = vi.fn();
    takeOver(third, scope);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
  });

  test('an old run that fails to stop does not stop the new one', () => {
    const scope: Record<string, unknown> = {};
    takeOver(() => {
      throw new Error('Extension context invalidated.');
    }, scope);
    const next = vi.fn();
    expect(() => takeOver(next, scope)).not.toThrow();
    takeOver(vi.fn(), scope);
    expect(next).toHaveBeenCalledOnce();
  });

  test('a run that stopped by itself is not stopped again, and does not unseat a newer run', () => {
    const scope: Record<string, unknown> = {};
    const first = vi.fn();
    const releaseFirst = takeOver(first, scope);
    releaseFirst();
    const second = vi.fn();
    takeOver(second, scope);
    expect(first).not.toHaveBeenCalled();
    releaseFirst(); // late: the second run stays in place
    takeOver(vi.fn(), scope);
    expect(second).toHaveBeenCalledOnce();
  });

  test('something else under the key (a page cannot reach it, but be safe) is ignored', () => {
    const scope: Record<string, unknown> = { __plaoLensStop: 'not a function' };
    expect(() => takeOver(vi.fn(), scope)).not.toThrow();
  });

  test('a run whose extension is gone knows it', () => {
    expect(isOrphaned({ id: 'abc' })).toBe(false);
    expect(isOrphaned({})).toBe(true);
    expect(isOrphaned(undefined)).toBe(true);
    const throwing = {
      get id(): string {
        throw new Error('Extension context invalidated.');
      },
    };
    expect(isOrphaned(throwing)).toBe(true);
  });
});
