/**
 * Writes the reviewer's entries. Each change and its audit row commit in one
 * transaction; the caller acknowledges ("saved") only after it returned.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { EditOrder, ReviewEdit } from '../../shared/ipc/contract.ts';
import { isValidScore, outcomesFor } from '../../shared/rubric/model.ts';
import { photoPath } from '../../shared/visit/model.ts';
import { listPhotoRows } from '../db/visits.ts';
import {
  additionalOf,
  getApplicationRow,
  getConflict,
  getCriterionRow,
  insertAudit,
  putApplicationRow,
  putCriterionRow,
  setConflict,
} from '../db/review.ts';
import { auditedWrite } from '../workspace/audit.ts';
import { now, requireApplication, rubricOf, type Context, type PackageMeta } from '../workspace/context.ts';

export interface Written {
  savedAt: string;
  /** Null when the value was already there (nothing to write). */
  auditId: number | null;
}

/** Checks an edit against the rubric and the application's files before anything is written. */
function checkEdit(meta: PackageMeta, applicationId: string, edit: ReviewEdit, photoPaths: ReadonlySet<string> = new Set()): void {
  if (edit.field === 'opinion') return;
  if (edit.field === 'recommendation') {
    const application = requireApplication(meta, applicationId);
    // One main outcome per application, among those its rubric has for its category; additional outcomes are not this field.
    const allowed = outcomesFor(rubricOf(meta, applicationId).rubric, application.category).main;
    if (edit.value !== null && !allowed.some((r) => r.id === edit.value)) {
      throw new ReviewDeskError('E_INVALID_ENTRY', {
        reason: `recommendation ${edit.value} is not one of the rubric's outcomes for this application`,
      });
    }
    return;
  }
  if (edit.field === 'additionalRecommendations') {
    const application = requireApplication(meta, applicationId);
    const { rubric } = rubricOf(meta, applicationId);
    // Only the outcomes the rubric offers beside the main one for this application's category (支持争创国家级: enterprise type).
    const allowed = outcomesFor(rubric, application.category).additional;
    if (new Set(edit.value).size !== edit.value.length) {
      throw new ReviewDeskError('E_INVALID_ENTRY', { reason: '附加推荐意见重复 / an additional outcome is chosen twice' });
    }
    for (const id of edit.value) {
      if (!allowed.some((r) => r.id === id)) {
        const category = application.category === 'enterprise' ? '企业法人型' : '非企业法人型';
        throw new ReviewDeskError('E_INVALID_ENTRY', {
          reason:
            `${id} 不是评分细则 ${rubric.id} 为本申报（${category}）提供的附加推荐意见 / ` +
            `${id} is not an additional outcome that rubric ${rubric.id} offers for this ${application.category}-type application`,
        });
      }
    }
    return;
  }
  const criterion = rubricOf(meta, applicationId).criteria.get(edit.criterionId);
  if (!criterion) throw new ReviewDeskError('E_UNKNOWN_CRITERION', { id: edit.criterionId });
  if (edit.field === 'score' && edit.value !== null && !isValidScore(criterion, edit.value)) {
    throw new ReviewDeskError('E_INVALID_SCORE', { value: edit.value, criterion: edit.criterionId });
  }
  if (edit.field === 'evidence') {
    const files = new Set(requireApplication(meta, applicationId).files);
    for (const ref of edit.value) {
      if ('file' in ref && !files.has(ref.file))
        throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${ref.file} is not a file of ${applicationId}` });
      // Site-visit evidence names a checklist item of the application's rubric, or a photo of its visit.
      if ('siteVisitItem' in ref && !rubricOf(meta, applicationId).rubric.siteVisit.some((x) => x.id === ref.siteVisitItem))
        throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${ref.siteVisitItem} is not an item of the site-visit checklist` });
      if ('photo' in ref && !photoPaths.has(ref.photo)) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: ref.photo });
    }
  }
}

/** Refuses edits before the conflict declaration and after a recusal. */
function requireReviewable(ctx: Context, packageId: string, applicationId: string): void {
  const conflict = getConflict(ctx.db, packageId, applicationId);
  if (!conflict) throw new ReviewDeskError('E_CONFLICT_UNDECLARED', { application: applicationId });
  if (conflict.status === 'recused') throw new ReviewDeskError('E_RECUSED', { application: applicationId });
}

/** What is stored for the edited field: its old value for the audit (null: no row yet), and how to write the new one. */
interface Stored {
  oldValue: string | null;
  current: string;
  put(): void;
}

function storedField(ctx: Context, packageId: string, applicationId: string, edit: ReviewEdit, at: string): Stored {
  if (edit.field === 'opinion' || edit.field === 'recommendation' || edit.field === 'additionalRecommendations') {
    const row = getApplicationRow(ctx.db, packageId, applicationId) ?? {
      applicationId,
      opinion: '',
      recommendation: null,
      additionalRecommendations: '[]',
      updatedAt: at,
    };
    const current =
      edit.field === 'opinion'
        ? JSON.stringify(row.opinion)
        : edit.field === 'recommendation'
          ? JSON.stringify(row.recommendation)
          : JSON.stringify(additionalOf(row));
    const next =
      edit.field === 'additionalRecommendations' ? { additionalRecommendations: JSON.stringify(edit.value) } : { [edit.field]: edit.value };
    return {
      oldValue: current,
      current,
      put: () => putApplicationRow(ctx.db, packageId, { ...row, ...next, updatedAt: at }),
    };
  }
  const existing = getCriterionRow(ctx.db, packageId, applicationId, edit.criterionId);
  const row = existing ?? { applicationId, criterionId: edit.criterionId, score: null, comment: '', evidence: '[]', updatedAt: at };
  const values = { score: row.score, comment: row.comment, evidence: JSON.parse(row.evidence) as unknown };
  const current = JSON.stringify(values[edit.field]);
  const next =
    edit.field === 'score'
      ? { score: edit.value }
      : edit.field === 'comment'
        ? { comment: edit.value }
        : { evidence: JSON.stringify(edit.value) };
  return {
    oldValue: existing ? current : null,
    current,
    put: () => putCriterionRow(ctx.db, packageId, { ...row, ...next, updatedAt: at }),
  };
}

/**
 * Additional outcomes in the order the rubric lists them, so that one set is
 * stored (and exported) as one value whatever order it was ticked in; ids the
 * rubric does not know stay at the end, for checkEdit to refuse.
 */
function inOrder(meta: PackageMeta, applicationId: string, edit: ReviewEdit): ReviewEdit {
  if (edit.field !== 'additionalRecommendations') return edit;
  const order = rubricOf(meta, applicationId).rubric.recommendations.map((r) => r.id);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  return { ...edit, value: [...edit.value].sort((a, b) => rank(a) - rank(b)) };
}

/** Applies one edit with its audit row in a single transaction (see workspace/audit.ts). */
export function applyEdit(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  input: ReviewEdit,
  restoredFrom: number | null = null,
): Written {
  const edit = inOrder(meta, applicationId, input);
  const photos =
    edit.field === 'evidence'
      ? new Set(listPhotoRows(ctx.db, meta.row.id, applicationId).map((p) => photoPath(applicationId, p.photoId, p.mediaType)))
      : undefined;
  checkEdit(meta, applicationId, edit, photos);
  const packageId = meta.row.id;
  const at = now();
  const newValue = JSON.stringify(edit.value);
  const criterionId = 'criterionId' in edit ? edit.criterionId : null;
  const { auditId } = auditedWrite(ctx, {
    read: () => {
      requireReviewable(ctx, packageId, applicationId);
      return storedField(ctx, packageId, applicationId, edit, at);
    },
    unchanged: (stored) => stored.current === newValue,
    write: (stored) => stored.put(),
    audit: (stored) =>
      insertAudit(ctx.db, {
        packageId,
        applicationId,
        criterionId,
        field: edit.field,
        oldValue: stored.oldValue,
        newValue,
        at,
        restoredFrom,
      }),
  });
  return { savedAt: at, auditId };
}

/**
 * The newest edit applied per writer and field, per workspace. A page that is
 * unloading sends its waiting edits at once, beside one still on its way, so
 * two edits of one field can arrive in either order; the older one must not
 * overwrite the newer. Held in memory: the race only exists between requests
 * of one running process.
 */
const applied = new WeakMap<Context['store'], Map<string, number>>();
const APPLIED_LIMIT = 10_000;

function orderKey(packageId: string, applicationId: string, edit: ReviewEdit, order: EditOrder): string {
  return [order.writer, packageId, applicationId, edit.field, 'criterionId' in edit ? edit.criterionId : ''].join('\0');
}

/**
 * Writes `edit` unless a newer edit of the same field by the same writer was
 * already applied: then it is acknowledged without writing (what is stored is
 * the newer edit's).
 */
export function applyInOrder(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  edit: ReviewEdit,
  order: EditOrder | undefined,
): Written {
  if (!order) return applyEdit(ctx, meta, applicationId, edit);
  let seen = applied.get(ctx.store);
  if (!seen) applied.set(ctx.store, (seen = new Map()));
  const key = orderKey(meta.row.id, applicationId, edit, order);
  const last = seen.get(key);
  if (last !== undefined && last >= order.seq) return { savedAt: now(), auditId: null };
  // Synchronous from check to record: no other call runs in between.
  const written = applyEdit(ctx, meta, applicationId, edit);
  seen.delete(key);
  seen.set(key, order.seq);
  // Oldest first: a Map iterates in insertion order, and a key is re-inserted when it is written.
  if (seen.size > APPLIED_LIMIT) seen.delete(seen.keys().next().value as string);
  return written;
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
  const at = now();
  const { auditId } = auditedWrite(ctx, {
    read: () => {
      const old = getConflict(ctx.db, packageId, applicationId);
      if (old?.status === 'recused' && !(status === 'recused' && old.reason === text)) {
        throw new ReviewDeskError('E_RECUSED', { application: applicationId });
      }
      return old;
    },
    unchanged: (old) => old !== undefined && old.status === status && old.reason === text,
    write: () => setConflict(ctx.db, packageId, { applicationId, status, reason: text, declaredAt: at }),
    audit: (old) =>
      insertAudit(ctx.db, {
        packageId,
        applicationId,
        criterionId: null,
        field: 'conflict',
        oldValue: old ? JSON.stringify({ status: old.status, reason: old.reason }) : null,
        newValue: JSON.stringify({ status, reason: text }),
        at,
        restoredFrom: null,
      }),
  });
  return { savedAt: at, auditId };
}
