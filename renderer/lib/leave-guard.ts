/**
 * Asks before unsaved changes are left behind. The router lives in the hash,
 * and a hash change cannot be cancelled, only undone: while `dirty`, each
 * change is caught before the router reads it — a real one at `popstate`,
 * which the browser fires before `hashchange`; the router's own replace
 * navigations at their synthetic `hashchange`, whose listeners all run before
 * React re-renders — the address is put back, and the screen asks; leaving
 * replays the change. A reload or closed window gets the browser's own prompt
 * (`beforeunload`; in the desktop app, main.ts answers `will-prevent-unload`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LeaveGuard {
  /** Where the reviewer tried to go, while the question is open. */
  pending: string | null;
  stay(): void;
  leave(): void;
}

export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const [pending, setPending] = useState<string | null>(null);
  const bypass = useRef(false);

  useEffect(() => {
    if (!dirty) return undefined;
    // The router's own replace navigations dispatch a bare HashChangeEvent (no oldURL): remember where we are.
    let here = window.location.href;
    const onHash = (e: Event): void => {
      const there = window.location.href;
      if (bypass.current || there === here) {
        here = there;
        return;
      }
      e.stopImmediatePropagation();
      window.history.replaceState(window.history.state, '', here);
      setPending(there);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older engines (and Electron's will-prevent-unload) look at returnValue.
      e.returnValue = '';
    };
    window.addEventListener('popstate', onHash);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('popstate', onHash);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  const stay = useCallback(() => setPending(null), []);
  const leave = useCallback(() => {
    if (pending === null) return;
    bypass.current = true;
    setPending(null);
    window.history.replaceState(window.history.state, '', pending);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    bypass.current = false;
  }, [pending]);
  return { pending, stay, leave };
}
