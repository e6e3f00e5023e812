/**
 * The comment rule of a criterion, given its score: whether a comment is
 * required (`commentRequired` in the rubric model) and how long it must be,
 * counted as a reader counts. One source for the review screen's live check,
 * the criterion tree's status, and the Node side's progress, bundle status
 * and `bundle:validate` (shared/review/progress.ts).
 */
import { commentRequired, type Criterion } from '../rubric/model.ts';

/** Characters as a person counts them (code points, so 汉字 count once), ignoring surrounding space. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

export type CommentProblem = { kind: 'missing' } | { kind: 'tooShort'; min: number; have: number } | null;

/**
 * What the comment rule still asks for. Nothing is asked before a score is
 * given: the rule may depend on the score (`belowThreshold`).
 */
export function commentProblem(criterion: Criterion, score: number | null, comment: string): CommentProblem {
  if (score === null || !commentRequired(criterion, score)) return null;
  const have = textLength(comment);
  if (have === 0) return { kind: 'missing' };
  if (have < criterion.comment.minLength) return { kind: 'tooShort', min: criterion.comment.minLength, have };
  return null;
}
