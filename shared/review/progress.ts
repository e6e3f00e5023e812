/**
 * What a reviewer still has to do for one application, from the rubric and
 * the entries: the same rules drive the home screen's progress, the bundle's
 * `complete` / `in-progress` status and `bundle:validate`. Pure, so the
 * renderer can use it too.
 */
import type { ValidationIssue } from '../ipc/contract.ts';
import { commentRequired, scoredCriteria, weightedTotal, type Criterion, type Rubric } from '../rubric/model.ts';

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

/** Characters as a person counts them (code points, so 汉字 count once). */
function length(text: string): number {
  return [...text.trim()].length;
}

function commentIssue(c: Criterion, e: EntryLike): ValidationIssue['kind'] | null {
  if (e.score === null || !commentRequired(c, e.score)) return null;
  const n = length(e.comment);
  if (n === 0) return 'commentMissing';
  return n < c.comment.minLength ? 'commentTooShort' : null;
}

/** Progress, issues and completeness of one application. */
export function applicationProgress(rubric: Rubric, a: ApplicationEntries): ApplicationProgress {
  const issues: ValidationIssue[] = [];
  const add = (kind: ValidationIssue['kind'], criterionId: string | null = null): void => {
    issues.push({ applicationId: a.applicationId, criterionId, kind });
  };
  const criteria = [...rubric.gates, ...scoredCriteria(rubric).map((s) => s.criterion)];
  let scored = 0;
  let missingComments = 0;
  let failedGates = 0;
  const scores: Record<string, number> = {};
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
    if (isGate && e.score === 0) failedGates++;
    if (!isGate) scores[c.id] = e.score;
    const problem = commentIssue(c, e);
    if (problem) {
      missingComments++;
      add(problem, c.id);
    }
  }
  if (length(a.opinion) === 0) add('opinionMissing');
  if (a.recommendation === null) add('recommendationMissing');
  return {
    scored,
    total: criteria.length,
    missingComments,
    failedGates,
    points: weightedTotal(rubric, scores).total,
    issues,
    complete: issues.length === 0,
  };
}
