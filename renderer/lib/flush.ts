/**
 * What is being typed and not yet saved (a comment between pauses, an exact
 * score not yet confirmed) registers here, so that leaving — a reload, the
 * tab going to the background, the desktop window closing — can hand it all
 * to the store first, wherever on screen it is.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

const flushers = new Set<() => void>();

/** Adds a flush; returns its removal. */
export function registerFlush(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Hands every unsaved draft to the store (each flush is a no-op when there is nothing new). */
export function flushDrafts(): void {
  for (const flush of [...flushers]) {
    try {
      flush();
    } catch (e) {
      // One broken field must not keep the others from being saved.
      console.error('flush failed', e);
    }
  }
}

/** Registers `flush` (always its latest version) while the component is mounted, and runs it on unmount. */
export function useFlushOnLeave(flush: () => void): void {
  const latest = useRef(flush);
  // Brought up to date as each render commits, before the browser can deliver the next event that could flush.
  useLayoutEffect(() => {
    latest.current = flush;
  });
  useEffect(() => {
    const run = (): void => latest.current();
    const remove = registerFlush(run);
    return () => {
      remove();
      run();
    };
  }, []);
}
