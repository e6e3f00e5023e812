/**
 * The rubric as the review screen walks it: gates first, then each
 * dimension's criteria, and each criterion's status in the tree. The rules
 * these apply (allowed scores, the comment rule, totals and grade) live in
 * shared/ and are the Node side's own.
 */
import type { CriterionState, PackageDetail } from '../../shared/ipc/contract.ts';
import { commentProblem } from '../../shared/review/comment.ts';
import { type Criterion, type Dimension, type Rubric, scaleRange } from '../../shared/rubric/model.ts';

export interface Step {
  criterion: Criterion;
  /** Null for gates. */
  dimension: Dimension | null;
  index: number;
}

/** Never empty: the rubric schema asks for at least one dimension with at least one criterion. */
export type Steps = [Step, ...Step[]];

export function walk(rubric: Rubric): Steps {
  const steps: Step[] = [];
  for (const criterion of rubric.gates) steps.push({ criterion, dimension: null, index: steps.length });
  for (const dimension of rubric.dimensions)
    for (const criterion of dimension.criteria) steps.push({ criterion, dimension, index: steps.length });
  const [first, ...rest] = steps;
  if (!first) throw new Error(`rubric ${rubric.id} has no criteria`);
  return [first, ...rest];
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

export function rangeText(criterion: Criterion): string {
  const { min, max } = scaleRange(criterion.scale);
  return `${min}–${max}`;
}

/**
 * The rubric an application of the package is scored against: its category's (each application names it). The
 * package detail is checked by the contract, which holds every rubric its applications name.
 */
export function rubricFor(detail: PackageDetail, applicationId: string): Rubric {
  const app = detail.applications.find((a) => a.id === applicationId);
  // An unknown application (a stale address) gets the first rubric so the screen can say it is not found; a known
  // one never falls back to another category's rubric.
  const rubric = app ? detail.rubrics.find((r) => r.id === app.rubricId) : detail.rubrics[0];
  if (!rubric) throw new Error(`internal: no rubric ${app?.rubricId ?? ''} for ${applicationId}`);
  return rubric;
}
