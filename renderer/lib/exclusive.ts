/**
 * One run at a time for an action the user starts with a click (export, print):
 * a second click while the first is still on its way — even before the store
 * says it is busy, while pending edits are being committed first — does
 * nothing, so a double click never seals two revisions.
 */
import { useCallback, useRef, useState } from 'react';

export function useExclusive(): [busy: boolean, run: (work: () => Promise<void>) => Promise<void>] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
