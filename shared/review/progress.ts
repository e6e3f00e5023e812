/**
 * What a reviewer still has to do for one application, from the rubric and
 * the entries: the same rules drive the home screen's progress, the bundle's
 * `complete` / `in-progress` status and `bundle:validate`. The comment rule
 * and the running total it applies are shared/review/comment.ts and total.ts,
 * which the review screen applies to the same entries.
 */
import type { ValidationIssue } from '../ipc/contract.ts';
import { scoredCriteria, type Rubric } from '../rubric/model.ts';
import { commentProblem, textLength } from './comment.ts';
import { runningTotal } from './total.ts';

export interface EntryLike {
  score: number | null;
  comment: string;
}

export interface ApplicationEntries {
  applicationId: string;
  /** Null: no declaration yet. */
  conflict: { status: 'none' | 'recused' } | null;
  criteria: ReadonlyMap<string, EntryLike>;
  opinion: string;
  recommendation: string | null;
}

export interface ApplicationProgress {
  scored: number;
  total: number;
  missingComments: number;
  failedGates: number;
  /** Weighted total of the scores given so far. */
  points: number;
  issues: ValidationIssue[];
  /** Declared without conflict and nothing missing. A recused application is never complete. */
  complete: boolean;
}

const COMMENT_ISSUE = { missing: 'commentMissing', tooShort: 'commentTooShort' } as const satisfies Record<string, ValidationIssue['kind']>;

/** Progress, issues and completeness of one application. */
export function applicationProgress(rubric: Rubric, a: ApplicationEntries): ApplicationProgress {
  const issues: ValidationIssue[] = [];
  const add = (kind: ValidationIssue['kind'], criterionId: string | null = null): void => {
    issues.push({ applicationId: a.applicationId, criterionId, kind });
  };
  const criteria = [...rubric.gates, ...scoredCriteria(rubric).map((s) => s.criterion)];
  let scored = 0;
  let missingComments = 0;
  // Nothing can be entered before the declaration, and nothing is asked of a recused reviewer.
  if (a.conflict === null || a.conflict.status === 'recused') {
    if (a.conflict === null) add('conflictUndeclared');
    return { scored: 0, total: criteria.length, missingComments: 0, failedGates: 0, points: 0, issues, complete: false };
  }
  for (const c of criteria) {
    const e = a.criteria.get(c.id);
    const isGate = c.scale.kind === 'gate';
    if (!e || e.score === null) {
      add(isGate ? 'gateMissing' : 'scoreMissing', c.id);
      continue;
    }
    scored++;
    const problem = commentProblem(c, e.score, e.comment);
    if (problem) {
      missingComments++;
      add(COMMENT_ISSUE[problem.kind], c.id);
    }
  }
  if (textLength(a.opinion) === 0) add('opinionMissing');
  if (a.recommendation === null) add('recommendationMissing');
  const running = runningTotal(rubric, a.criteria);
  return {
    scored,
    total: criteria.length,
    missingComments,
    failedGates: running.failedGates,
    points: running.total,
    issues,
    complete: issues.length === 0,
  };
}
