/**
 * Writes the reviewer's entries. Each change and its audit row commit in one
 * transaction; the caller acknowledges ("saved") only after it returned.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { ReviewEdit } from '../../shared/ipc/contract.ts';
import { isValidScore } from '../../shared/rubric/model.ts';
import {
  getApplicationRow,
  getConflict,
  getCriterionRow,
  insertAudit,
  putApplicationRow,
  putCriterionRow,
  setConflict,
  type AuditField,
} from '../db/review.ts';
import { checkpoint, diskFull } from '../faults/checkpoint.ts';
import { now, type Context, type PackageMeta } from '../handlers/context.ts';

export interface Written {
  savedAt: string;
  /** Null when the value was already there (nothing to write). */
  auditId: number | null;
}

/** Checks an edit against the rubric and the application's files before anything is written. */
function checkEdit(meta: PackageMeta, applicationId: string, edit: ReviewEdit): void {
  if (edit.field === 'opinion') return;
  if (edit.field === 'recommendation') {
    if (edit.value !== null && !meta.rubric.recommendations.some((r) => r.id === edit.value)) {
      throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `recommendation ${edit.value} is not one of the rubric's` });
    }
    return;
  }
  const criterion = meta.criteria.get(edit.criterionId);
  if (!criterion) throw new ReviewDeskError('E_UNKNOWN_CRITERION', { id: edit.criterionId });
  if (edit.field === 'score' && edit.value !== null && !isValidScore(criterion, edit.value)) {
    throw new ReviewDeskError('E_INVALID_SCORE', { value: edit.value, criterion: edit.criterionId });
  }
  if (edit.field === 'evidence') {
    const files = new Set(meta.applications.get(applicationId)!.files);
    for (const ref of edit.value) {
      if (!files.has(ref.file)) throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${ref.file} is not a file of ${applicationId}` });
    }
  }
}

/** Refuses edits before the conflict declaration and after a recusal. */
function requireReviewable(ctx: Context, packageId: string, applicationId: string): void {
  const conflict = getConflict(ctx.db, packageId, applicationId);
  if (!conflict) throw new ReviewDeskError('E_CONFLICT_UNDECLARED', { application: applicationId });
  if (conflict.status === 'recused') throw new ReviewDeskError('E_RECUSED', { application: applicationId });
}

/**
 * Runs a write transaction; a full disk (the WAL cannot grow) rolls it back
 * whole and is E_DISK_FULL, with the last committed value still in place.
 */
function commit(run: () => Written): Written {
  try {
    return run();
  } catch (e) {
    throw diskFull(e, 'edit');
  }
}

/** Applies one edit with its audit row in a single transaction. */
export function applyEdit(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  edit: ReviewEdit,
  restoredFrom: number | null = null,
): Written {
  checkEdit(meta, applicationId, edit);
  const packageId = meta.row.id;
  const write = ctx.db.transaction((): Written => {
    requireReviewable(ctx, packageId, applicationId);
    const at = now();
    const field: AuditField = edit.field;
    let criterionId: string | null = null;
    let oldValue: string | null;
    let newValue: string;
    if (edit.field === 'opinion' || edit.field === 'recommendation') {
      const row = getApplicationRow(ctx.db, packageId, applicationId) ?? {
        applicationId,
        opinion: '',
        recommendation: null,
        updatedAt: at,
      };
      oldValue = edit.field === 'opinion' ? JSON.stringify(row.opinion) : JSON.stringify(row.recommendation);
      newValue = JSON.stringify(edit.value);
      if (oldValue === newValue) return { savedAt: at, auditId: null };
      putApplicationRow(ctx.db, packageId, { ...row, [edit.field]: edit.value, updatedAt: at });
    } else {
      criterionId = edit.criterionId;
      const existing = getCriterionRow(ctx.db, packageId, applicationId, criterionId);
      const row = existing ?? { applicationId, criterionId, score: null, comment: '', evidence: '[]', updatedAt: at };
      const current = { score: row.score, comment: row.comment, evidence: JSON.parse(row.evidence) as unknown };
      oldValue = existing ? JSON.stringify(current[edit.field]) : null;
      newValue = JSON.stringify(edit.value);
      if ((oldValue ?? JSON.stringify(current[edit.field])) === newValue) return { savedAt: at, auditId: null };
      putCriterionRow(ctx.db, packageId, {
        ...row,
        ...(edit.field === 'score' ? { score: edit.value } : edit.field === 'comment' ? { comment: edit.value } : { evidence: newValue }),
        updatedAt: at,
      });
    }
    checkpoint('edit:entry-written');
    const auditId = insertAudit(ctx.db, { packageId, applicationId, criterionId, field, oldValue, newValue, at, restoredFrom });
    checkpoint('edit:audit-written');
    return { savedAt: at, auditId };
  });
  return commit(() => write.immediate());
}

/** Declares no conflict or a recusal. A recusal is final: it locks the application. */
export function declareConflict(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  status: 'none' | 'recused',
  reason: string,
): Written {
  const text = reason.trim();
  if (status === 'recused' && !text) throw new ReviewDeskError('E_RECUSAL_REASON');
  const packageId = meta.row.id;
  const write = ctx.db.transaction((): Written => {
    const at = now();
    const old = getConflict(ctx.db, packageId, applicationId);
    if (old && old.status === status && old.reason === text) return { savedAt: at, auditId: null };
    if (old?.status === 'recused') throw new ReviewDeskError('E_RECUSED', { application: applicationId });
    setConflict(ctx.db, packageId, { applicationId, status, reason: text, declaredAt: at });
    checkpoint('edit:entry-written');
    const auditId = insertAudit(ctx.db, {
      packageId,
      applicationId,
      criterionId: null,
      field: 'conflict',
      oldValue: old ? JSON.stringify({ status: old.status, reason: old.reason }) : null,
      newValue: JSON.stringify({ status, reason: text }),
      at,
      restoredFrom: null,
    });
    return { savedAt: at, auditId };
  });
  return commit(() => write.immediate());
}
