/** The rubric as the review screen walks it: gates first, then each dimension's criteria. */
import type { CriterionState, ReviewState } from '../../shared/ipc/contract.ts';
import {
  type Criterion,
  type Dimension,
  type Rubric,
  commentRequired,
  gradeFor,
  isValidScore,
  scaleRange,
  weightedTotal,
} from '../../shared/rubric/model.ts';

export interface Step {
  criterion: Criterion;
  /** Null for gates. */
  dimension: Dimension | null;
  index: number;
}

export function walk(rubric: Rubric): Step[] {
  const steps: Step[] = [];
  for (const criterion of rubric.gates) steps.push({ criterion, dimension: null, index: steps.length });
  for (const dimension of rubric.dimensions)
    for (const criterion of dimension.criteria) steps.push({ criterion, dimension, index: steps.length });
  return steps;
}

/** Every score the criterion allows, ascending. */
export function allowedScores(criterion: Criterion): number[] {
  const s = criterion.scale;
  const out: number[] = [];
  const push = (min: number, max: number, step: number): void => {
    for (let k = 0; ; k++) {
      const v = Math.round((min + k * step) * 1e6) / 1e6;
      if (v > max + 1e-9) break;
      out.push(v);
    }
  };
  if (s.kind === 'gate') return [0, 1];
  if (s.kind === 'points') push(s.min, s.max, s.step);
  else for (const l of s.levels) push(l.min, l.max, s.step);
  return [...new Set(out)].filter((v) => isValidScore(criterion, v)).sort((a, b) => a - b);
}

export type CommentProblem = { kind: 'missing' } | { kind: 'tooShort'; min: number; have: number } | null;

/** Characters as a reader counts them (a CJK character is one). */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

/** What the comment rule still asks for, given the score. */
export function commentProblem(criterion: Criterion, score: number | null, comment: string): CommentProblem {
  if (!commentRequired(criterion, score ?? undefined)) return null;
  const have = textLength(comment);
  if (have === 0) return { kind: 'missing' };
  if (have < criterion.comment.minLength) return { kind: 'tooShort', min: criterion.comment.minLength, have };
  return null;
}

export type StepStatus = 'empty' | 'done' | 'needsComment' | 'failedGate' | 'belowThreshold';

export function stepStatus(criterion: Criterion, state: CriterionState | undefined): StepStatus {
  const score = state?.score ?? null;
  if (score === null) return 'empty';
  if (commentProblem(criterion, score, state?.comment ?? '')) return 'needsComment';
  if (criterion.scale.kind === 'gate' && score === 0) return 'failedGate';
  if (criterion.threshold !== undefined && score < criterion.threshold) return 'belowThreshold';
  return 'done';
}

/** The running weighted total and its grade, from the scores given so far. */
export function runningTotal(rubric: Rubric, review: ReviewState | undefined) {
  const scores: Record<string, number | undefined> = {};
  for (const [id, c] of Object.entries(review?.criteria ?? {})) if (c.score !== null) scores[id] = c.score;
  const t = weightedTotal(rubric, scores);
  const failedGates = rubric.gates.filter((g) => review?.criteria[g.id]?.score === 0).length;
  return { ...t, grade: gradeFor(rubric, t.total), failedGates, passes: t.total >= rubric.passThreshold };
}

export function rangeText(criterion: Criterion): string {
  const { min, max } = scaleRange(criterion.scale);
  return `${min}–${max}`;
}
