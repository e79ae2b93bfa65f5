/**
 * One content script per frame. After the extension is updated or reloaded, the old script may
 * still be alive in an open tab (Chromium leaves it running, orphaned; a second injection runs in
 * the same world): the newest run stops the one before it, so the page keeps one popover host,
 * one set of painted ranges and one set of listeners. As in 10ten Japanese Reader, the previous
 * run leaves its `stop` on the content script's own global, which the page's scripts cannot reach
 * (the content script runs in an isolated world).
 */

const KEY = '__plaoLensStop';

type Scope = Record<string, unknown>;

/**
 * Stops the run before this one, if any, and records `stop` as this run's. Returns `release`,
 * which this run calls when it stops by itself, so a later run does not stop it twice.
 */
export function takeOver(stop: () => void, scope: Scope = globalThis): () => void {
  const previous = scope[KEY];
  if (typeof previous === 'function') {
    try {
      (previous as () => void)();
    } catch {
      // An orphaned run may fail to remove its extension listeners; its page work is gone anyway.
    }
  }
  scope[KEY] = stop;
  return () => {
    if (scope[KEY] === stop) delete scope[KEY];
  };
}

/**
 * Whether this run's extension is gone (reloaded, updated or removed): Chromium then leaves the
 * script running with `runtime.id` undefined, and every message to the extension fails.
 */
export function isOrphaned(runtime: { id?: string } | undefined): boolean {
  try {
    return !runtime?.id;
  } catch {
    return true;
  }
}
