/**
 * A text field's draft, saved when the writer pauses or leaves the field, on
 * unmount, and whenever the page is left (see lib/flush.ts and lib/leave.ts).
 * The pause only spares the audit one edit per keystroke: nothing waits on it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFlushOnLeave } from './flush.ts';

const PAUSE_MS = 800;

export function useSavedDraft(
  value: string,
  onSave: (text: string) => void,
  onDirty: () => void,
): { draft: string; change: (text: string) => void; flush: () => void } {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(value);
  // Read by flush, which may run before React has re-rendered with the last keystroke.
  const latest = useRef({ draft, onSave });
  useLayoutEffect(() => {
    latest.current.onSave = onSave;
  });

  // Follow the stored value (after a restore) unless the writer is typing.
  useEffect(() => {
    if (timer.current === null) {
      setDraft(value);
      latest.current.draft = value;
    }
    saved.current = value;
  }, [value]);

  const flush = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (latest.current.draft !== saved.current) {
      saved.current = latest.current.draft;
      latest.current.onSave(latest.current.draft);
    }
  };
  // Leaving (the parent keys the field by what it edits), a reload or a close saves what was typed.
  useFlushOnLeave(flush);

  const change = (text: string): void => {
    setDraft(text);
    latest.current.draft = text;
    onDirty();
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, PAUSE_MS);
  };
  return { draft, change, flush };
}
