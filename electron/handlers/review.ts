/**
 * Conflict declarations, the reviewer's entries, and their audit history.
 * Everything here needs the confidentiality pledge first.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import { AdditionalRecommendations, type ReviewEdit, type Saved } from '../../shared/ipc/contract.ts';
import { EvidenceRef } from '../../shared/formats.ts';
import { getAudit, listAudit, type AuditRow } from '../db/review.ts';
import { applyEdit, applyInOrder, declareConflict, type Written } from '../review/edit.ts';
import { applicationData, applicationSummary, reviewState } from '../review/summary.ts';
import { packageMeta, requireApplication, requirePledge, type Context, type PackageMeta } from '../workspace/context.ts';
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
    case 'additionalRecommendations':
      return { field: 'additionalRecommendations', value: old === null ? [] : AdditionalRecommendations.parse(old) };
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
    return saved(ctx, meta, input.applicationId, applyInOrder(ctx, meta, input.applicationId, input.edit, input.order));
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
