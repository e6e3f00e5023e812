/**
 * Conflict declarations, the reviewer's entries, and their audit history.
 * Everything here needs the confidentiality pledge first.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { EditOrder, ReviewEdit, Saved } from '../../shared/ipc/contract.ts';
import { EvidenceRef } from '../../shared/formats.ts';
import { getAudit, listAudit, type AuditRow } from '../db/review.ts';
import { applyEdit, declareConflict, type Written } from '../review/edit.ts';
import { applicationData, applicationSummary, reviewState } from '../review/summary.ts';
import { now, packageMeta, requireApplication, requirePledge, type Context, type PackageMeta } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

/** The acknowledgement sent after the commit returned. */
function saved(ctx: Context, meta: PackageMeta, applicationId: string, w: Written): Saved {
  return {
    savedAt: w.savedAt,
    auditId: w.auditId,
    application: applicationSummary(meta, applicationId, applicationData(ctx, meta.row.id, applicationId), true),
  };
}

function reviewable(ctx: Context, packageId: string, applicationId: string): PackageMeta {
  const meta = packageMeta(ctx, packageId);
  requireApplication(meta, applicationId);
  requirePledge(ctx, packageId);
  return meta;
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

/** Writes `edit` unless a newer edit of the same field by the same writer was already applied (then null). */
function applyInOrder(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  edit: ReviewEdit,
  order: EditOrder | undefined,
): Written | null {
  if (!order) return applyEdit(ctx, meta, applicationId, edit);
  let seen = applied.get(ctx.store);
  if (!seen) applied.set(ctx.store, (seen = new Map()));
  const key = orderKey(meta.row.id, applicationId, edit, order);
  const last = seen.get(key);
  if (last !== undefined && last >= order.seq) return null;
  // Synchronous from check to record: no other call runs in between.
  const written = applyEdit(ctx, meta, applicationId, edit);
  seen.delete(key);
  seen.set(key, order.seq);
  // Oldest first: a Map iterates in insertion order, and a key is re-inserted when it is written.
  if (seen.size > APPLIED_LIMIT) seen.delete(seen.keys().next().value as string);
  return written;
}

/** The edit that puts an audit entry's old value back. */
function restoringEdit(entry: AuditRow): ReviewEdit {
  const old: unknown = entry.oldValue === null ? null : JSON.parse(entry.oldValue);
  const criterionId = entry.criterionId ?? '';
  switch (entry.field) {
    case 'score':
      return { field: 'score', criterionId, value: typeof old === 'number' ? old : null };
    case 'comment':
      return { field: 'comment', criterionId, value: typeof old === 'string' ? old : '' };
    case 'evidence':
      return { field: 'evidence', criterionId, value: old === null ? [] : EvidenceRef.array().parse(old) };
    case 'opinion':
      return { field: 'opinion', value: typeof old === 'string' ? old : '' };
    case 'recommendation':
      return { field: 'recommendation', value: typeof old === 'string' ? old : null };
    case 'conflict':
      // A declaration is not an entry to roll back: a recusal is final.
      throw new ReviewDeskError('E_INVALID_ENTRY', { reason: 'a conflict declaration cannot be restored' });
  }
}

export const reviewHandlers: Partial<HandlerTable<Context>> = {
  'review:declareConflict': (input, ctx) => {
    const meta = reviewable(ctx, input.packageId, input.applicationId);
    return saved(ctx, meta, input.applicationId, declareConflict(ctx, meta, input.applicationId, input.status, input.reason));
  },
  'review:get': (input, ctx) => {
    const meta = reviewable(ctx, input.packageId, input.applicationId);
    return reviewState(meta, input.applicationId, applicationData(ctx, input.packageId, input.applicationId));
  },
  'review:edit': (input, ctx) => {
    const meta = reviewable(ctx, input.packageId, input.applicationId);
    // Superseded on arrival (null): what is stored is the newer edit's; acknowledge without writing.
    const written = applyInOrder(ctx, meta, input.applicationId, input.edit, input.order) ?? { savedAt: now(), auditId: null };
    return saved(ctx, meta, input.applicationId, written);
  },
  'review:history': (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    if (input.applicationId !== undefined) requireApplication(meta, input.applicationId);
    requirePledge(ctx, input.packageId);
    return listAudit(ctx.db, input.packageId, input.applicationId, input.limit).map((a) => ({
      id: a.id,
      at: a.at,
      packageId: a.packageId,
      applicationId: a.applicationId,
      field: a.field,
      criterionId: a.criterionId,
      oldValue: a.oldValue,
      newValue: a.newValue,
    }));
  },
  'review:restore': (input, ctx) => {
    const entry = getAudit(ctx.db, input.auditId);
    if (!entry) throw new ReviewDeskError('E_UNKNOWN_AUDIT', { id: input.auditId });
    const meta = reviewable(ctx, entry.packageId, entry.applicationId);
    return saved(ctx, meta, entry.applicationId, applyEdit(ctx, meta, entry.applicationId, restoringEdit(entry), entry.id));
  },
};
