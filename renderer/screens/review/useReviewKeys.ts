/**
 * The review screen's keyboard: J/K or ↑/↓ move, digits type a score
 * (renderer/lib/typed-score.ts), ←/→ step through the allowed scores, Delete
 * clears, Backspace takes back a typed digit, C focuses the comment, and
 * Ctrl+Enter goes to the next criterion from anywhere, a text field included.
 *
 * One window listener, registered once, reads what it acts on from a ref that
 * every render brings up to date before the browser can deliver the next key,
 * and the stored score from the store itself: keys pressed in quick succession
 * each act on the criterion, and the score, they were pressed at.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Criterion, allowedScores, isValidScore } from '../../../shared/rubric/model.ts';
import { useReviewStore } from '../../state/review.ts';
import { typeScoreKey } from '../../lib/typed-score.ts';

/** Where typed keys belong to the control itself (text fields, lists, dialogs). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && ['radio', 'checkbox', 'button'].includes(target.type)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('[role="listbox"], [role="dialog"]')
  );
}

/** Radio buttons and the like move with the arrow keys themselves. */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && ['radio', 'checkbox'].includes(target.type);
}

/** Digits typed on one criterion; null once nothing can follow. */
interface Typed {
  criterionId: string;
  buffer: string | null;
}

export interface ReviewKeys {
  /** The review's key in the store (`reviewKey(packageId, applicationId)`), to read the stored score. */
  reviewKey: string;
  /** The criterion on screen. */
  criterion: Criterion;
  /** Moves by `delta` criteria in the walk. */
  move: (delta: number) => void;
  setScore: (criterion: Criterion, value: number | null) => void;
  /** While true (the history drawer is open) only Ctrl+Enter is handled. */
  paused: boolean;
  /** The comment field C focuses. */
  commentRef: RefObject<HTMLTextAreaElement | null>;
}

/** Handles the review screen's keys; returns the digits being typed on the current criterion, if any. */
export function useReviewKeys({ reviewKey, criterion, move, setScore, paused, commentRef }: ReviewKeys): string | null {
  const [typed, setTypedState] = useState<Typed>({ criterionId: criterion.id, buffer: null });
  // A number being typed belongs to its criterion only (what it spelled is already stored): a new criterion starts
  // with none, from its first render on.
  if (typed.criterionId !== criterion.id) setTypedState({ criterionId: criterion.id, buffer: null });
  const typing = typed.criterionId === criterion.id ? typed.buffer : null;

  const latest = useRef({ reviewKey, criterion, move, setScore, paused, commentRef, typed });
  useLayoutEffect(() => {
    latest.current = { reviewKey, criterion, move, setScore, paused, commentRef, typed };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { reviewKey, criterion, move, setScore, paused, commentRef } = latest.current;
      const typing = latest.current.typed.criterionId === criterion.id ? latest.current.typed.buffer : null;
      // The store, not the last render: a second key in the same frame sees the score the first one stored.
      const score = useReviewStore.getState().reviews[reviewKey]?.criteria[criterion.id]?.score ?? null;
      const setTyped = (buffer: string | null): void => {
        const next = { criterionId: criterion.id, buffer };
        // Read back by the next key before React has re-rendered.
        latest.current.typed = next;
        setTypedState(next);
      };
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        if (document.activeElement instanceof HTMLElement && isEditable(document.activeElement)) document.activeElement.blur();
        move(1);
        return;
      }
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target) || paused) return;
      const values = allowedScores(criterion);
      const k = e.key;
      if (k.startsWith('Arrow') && ownsArrows(e.target)) return;
      if (k === 'j' || k === 'J' || k === 'ArrowDown') {
        e.preventDefault();
        move(1);
      } else if (k === 'k' || k === 'K' || k === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      } else if (k === 'ArrowRight' || k === 'ArrowLeft') {
        e.preventDefault();
        const up = k === 'ArrowRight';
        const next =
          score === null
            ? up
              ? values[0]
              : values[values.length - 1]
            : up
              ? values.find((v) => v > score + 1e-9)
              : [...values].reverse().find((v) => v < score - 1e-9);
        if (next !== undefined) setScore(criterion, next);
      } else if (/^[0-9.]$/.test(k)) {
        e.preventDefault();
        const result = typeScoreKey(values, typing, k, score);
        setTyped(result.buffer);
        if (result.store !== null) setScore(criterion, result.store);
      } else if (k === 'Delete' || k === 'Backspace') {
        if (typing) {
          e.preventDefault();
          const rest = typing.length > 1 ? typing.slice(0, -1) : null;
          setTyped(rest);
          // 10 back to 1 is a score again; 7.5 back to "7." leaves the 7.5 until the next key says otherwise.
          const v = rest === null ? NaN : Number(rest);
          if (rest !== null && !rest.endsWith('.') && isValidScore(criterion, v) && v !== score) setScore(criterion, v);
        } else if (score !== null && k === 'Delete') {
          e.preventDefault();
          setScore(criterion, null);
        }
      } else if (k === 'c' || k === 'C') {
        e.preventDefault();
        commentRef.current?.focus();
      } else if ((k === 'Escape' || k === 'Enter') && typing) {
        // Ends the number: the next digit starts a new one.
        setTyped(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return typing;
}
