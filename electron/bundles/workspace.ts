/**
 * Validating and exporting in the workspace: the reviewer's entries become a
 * signed, encrypted score bundle (`.rsb`) for the secretariat, with the next
 * revision number. A copy stays in the workspace's exports/ folder; the file
 * and its record are one outcome (electron/bundles/export.ts).
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, type EvidenceRef, type ApplicationReview, type Bundle, type CriterionScore } from '../../shared/formats.ts';
import type { Output, ParsedInput, Validation, ValidationIssue } from '../../shared/ipc/contract.ts';
import type { z } from 'zod';
import { sealBundle } from './write.ts';
import { exportPrefix, writeExport } from './export.ts';
import { additionalOf, listApplicationRows, listConflicts, listCriterionRows, maxAuditId, type CriterionRow } from '../db/review.ts';
import { applicationProgress } from '../../shared/review/progress.ts';
import { now, packageMeta, requirePledge, requireUnlocked, rubricOf, type Context, type PackageMeta } from '../workspace/context.ts';

interface Draft {
  applications: ApplicationReview[];
  issues: ValidationIssue[];
  /** The newest audit id included. */
  lastAuditId: number;
}

function score(c: CriterionRow): CriterionScore {
  return {
    criterionId: c.criterionId,
    score: c.score,
    comment: c.comment,
    evidence: JSON.parse(c.evidence) as z.infer<typeof EvidenceRef>[],
    updatedAt: c.updatedAt,
  };
}

/**
 * The bundle's applications from the database, read in one transaction so the
 * export is a consistent snapshot. Undeclared applications are left out (there
 * is nothing to report and no declaration to sign); recused ones carry only
 * the recusal.
 */
function draft(ctx: Context, meta: PackageMeta): Draft {
  return ctx.db.transaction((): Draft => {
    const id = meta.row.id;
    const conflicts = new Map(listConflicts(ctx.db, id).map((c) => [c.applicationId, c]));
    const entries = new Map(listApplicationRows(ctx.db, id).map((a) => [a.applicationId, a]));
    const criteria = new Map<string, Map<string, CriterionRow>>();
    for (const c of listCriterionRows(ctx.db, id)) {
      const m = criteria.get(c.applicationId) ?? new Map<string, CriterionRow>();
      m.set(c.criterionId, c);
      criteria.set(c.applicationId, m);
    }
    const applications: ApplicationReview[] = [];
    const issues: ValidationIssue[] = [];
    for (const app of meta.manifest.applications) {
      const conflict = conflicts.get(app.id);
      const entry = entries.get(app.id);
      const rows = criteria.get(app.id) ?? new Map<string, CriterionRow>();
      const { rubric } = rubricOf(meta, app.id);
      const ref = { id: rubric.id, version: rubric.version };
      const p = applicationProgress(rubric, {
        applicationId: app.id,
        conflict: conflict ? { status: conflict.status } : null,
        criteria: rows,
        opinion: entry?.opinion ?? '',
        recommendation: entry?.recommendation ?? null,
      });
      issues.push(...p.issues);
      if (!conflict) continue;
      const declaration = { status: conflict.status, reason: conflict.reason, declaredAt: conflict.declaredAt };
      if (conflict.status === 'recused') {
        applications.push({
          applicationId: app.id,
          rubric: ref,
          conflict: declaration,
          status: 'recused',
          gates: [],
          scores: [],
          opinion: '',
          recommendation: null,
          updatedAt: conflict.declaredAt,
        });
        continue;
      }
      const inOrder = (list: { id: string }[]): CriterionScore[] =>
        list.flatMap((c) => {
          const row = rows.get(c.id);
          return row ? [score(row)] : [];
        });
      const additional = additionalOf(entry);
      const times = [conflict.declaredAt, entry?.updatedAt ?? '', ...[...rows.values()].map((r) => r.updatedAt)];
      applications.push({
        applicationId: app.id,
        rubric: ref,
        conflict: declaration,
        status: p.complete ? 'complete' : 'in-progress',
        gates: inOrder(rubric.gates),
        scores: inOrder(rubric.dimensions.flatMap((d) => d.criteria)),
        opinion: entry?.opinion ?? '',
        recommendation: entry?.recommendation ?? null,
        // Written only when chosen: a score file without any keeps the bytes (and the readers) it had before.
        ...(additional.length ? { additionalRecommendations: additional } : {}),
        updatedAt: times.reduce((a, b) => (a > b ? a : b)),
      });
    }
    return { applications, issues, lastAuditId: maxAuditId(ctx.db, id) };
  })();
}

/** What is missing before the bundle is complete. */
export function validateBundle(ctx: Context, input: ParsedInput<'bundle:validate'>): Validation {
  const meta = packageMeta(ctx, input.packageId);
  requirePledge(ctx, input.packageId);
  const { issues } = draft(ctx, meta);
  return { complete: issues.length === 0, issues };
}

/**
 * Seals the reviewer's entries into the next revision of the signed,
 * encrypted score bundle; refused while incomplete unless allowed.
 */
export async function exportBundle(ctx: Context, input: ParsedInput<'bundle:export'>): Promise<Output<'bundle:export'>> {
  const meta = packageMeta(ctx, input.packageId);
  requirePledge(ctx, input.packageId);
  const identity = requireUnlocked(ctx);
  return ctx.session.exclusive(async () => {
    ctx.host.emit('progress', { operation: 'export', done: 0, total: 3 });
    const d = draft(ctx, meta);
    if (d.issues.length && !input.allowIncomplete) throw new ReviewDeskError('E_INCOMPLETE', { count: d.issues.length });
    const m = meta.manifest;
    const createdAt = now();
    // The revision is filled in by writeExport, which reserves it before the file is written.
    const bundle: Omit<Bundle, 'revision'> = {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      kind: 'reviewdesk-scores',
      packageId: m.packageId,
      packageSha256: meta.row.sha256,
      roundId: m.round.id,
      rubrics: [...meta.rubrics.values()].map(({ rubric }) => ({ id: rubric.id, version: rubric.version })),
      expertFingerprint: identity.card.fingerprint,
      expert: identity.card,
      appVersion: ctx.host.appVersion.slice(0, 50),
      createdAt,
      applications: d.applications,
      attachments: [],
    };
    ctx.host.emit('progress', { operation: 'export', done: 1, total: 3 });
    const complete = d.issues.length === 0;
    const out = await writeExport(ctx.db, ctx.dataDir, {
      packageId: m.packageId,
      prefix: exportPrefix(m),
      at: createdAt,
      complete,
      lastAuditId: d.lastAuditId,
      seal: async (revision) => {
        const sealed = await sealBundle({ ...bundle, revision }, identity, m.secretariat.ageRecipient);
        ctx.host.emit('progress', { operation: 'export', done: 2, total: 3 });
        return sealed;
      },
    });
    ctx.host.emit('progress', { operation: 'export', done: 3, total: 3 });
    const { revision, fileName, sha256, size, bytes } = out;
    return { revision, fileName, sha256, size, bytes: new Uint8Array(bytes), complete };
  });
}
