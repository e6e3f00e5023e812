/** A text field's draft, saved when the writer pauses or leaves the field, and on unmount. */
import { useEffect, useRef, useState } from 'react';

const PAUSE_MS = 800;

export function useSavedDraft(
  value: string,
  onSave: (text: string) => void,
  onDirty: () => void,
): { draft: string; change: (text: string) => void; flush: () => void } {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(value);
  const latest = useRef({ draft, onSave });
  latest.current = { draft, onSave };

  // Follow the stored value (after a restore) unless the writer is typing.
  useEffect(() => {
    if (timer.current === null) setDraft(value);
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
  // Leaving (the parent keys the field by what it edits) saves what was typed.
  useEffect(() => () => flush(), []);

  const change = (text: string): void => {
    setDraft(text);
    onDirty();
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, PAUSE_MS);
  };
  return { draft, change, flush };
}
