/**
 * `bundle:validate` and `bundle:export`: the reviewer's entries become a
 * signed, encrypted score bundle (`.rsb`) for the secretariat, with the next
 * revision number. A copy stays in the workspace's exports/ folder.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, type EvidenceRef, type ApplicationReview, type Bundle, type CriterionScore } from '../../shared/formats.ts';
import type { ValidationIssue } from '../../shared/ipc/contract.ts';
import type { z } from 'zod';
import { sealBundle } from '../bundles/write.ts';
import { writeFileAtomic } from '../crypto/age.ts';
import { insertExport, lastExport } from '../db/packages.ts';
import { listApplicationRows, listConflicts, listCriterionRows, maxAuditId, type CriterionRow } from '../db/review.ts';
import { applicationProgress } from '../../shared/review/progress.ts';
import { now, packageMeta, requirePledge, requireUnlocked, type Context, type PackageMeta } from './context.ts';
import type { HandlerTable } from './registry.ts';

export const EXPORTS_DIR = 'exports';

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
      const p = applicationProgress(meta.rubric, {
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
      const times = [conflict.declaredAt, entry?.updatedAt ?? '', ...[...rows.values()].map((r) => r.updatedAt)];
      applications.push({
        applicationId: app.id,
        conflict: declaration,
        status: p.complete ? 'complete' : 'in-progress',
        gates: inOrder(meta.rubric.gates),
        scores: inOrder(meta.rubric.dimensions.flatMap((d) => d.criteria)),
        opinion: entry?.opinion ?? '',
        recommendation: entry?.recommendation ?? null,
        updatedAt: times.reduce((a, b) => (a > b ? a : b)),
      });
    }
    return { applications, issues, lastAuditId: maxAuditId(ctx.db, id) };
  })();
}

/** File name of an exported bundle: round, expert, package and revision. */
function bundleFileName(meta: PackageMeta, revision: number): string {
  const m = meta.manifest;
  return `${m.round.id}-${m.expert.id}-${m.packageId.slice(0, 8)}-r${revision}.rsb`;
}

export const bundleHandlers: Partial<HandlerTable<Context>> = {
  'bundle:validate': (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    requirePledge(ctx, input.packageId);
    const { issues } = draft(ctx, meta);
    return { complete: issues.length === 0, issues };
  },
  'bundle:export': async (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    requirePledge(ctx, input.packageId);
    const identity = requireUnlocked(ctx);
    return ctx.session.exclusive(async () => {
      ctx.host.emit('progress', { operation: 'export', done: 0, total: 3 });
      const d = draft(ctx, meta);
      if (d.issues.length && !input.allowIncomplete) throw new ReviewDeskError('E_INCOMPLETE', { count: d.issues.length });
      const revision = (lastExport(ctx.db, meta.row.id)?.revision ?? 0) + 1;
      const m = meta.manifest;
      const bundle: Bundle = {
        schemaVersion: BUNDLE_SCHEMA_VERSION,
        kind: 'reviewdesk-scores',
        packageId: m.packageId,
        packageSha256: meta.row.sha256,
        roundId: m.round.id,
        rubric: { id: meta.rubric.id, version: meta.rubric.version },
        expertFingerprint: identity.card.fingerprint,
        expert: identity.card,
        revision,
        appVersion: ctx.host.appVersion.slice(0, 50),
        createdAt: now(),
        applications: d.applications,
        attachments: [],
      };
      const sealed = await sealBundle(bundle, identity, m.secretariat.ageRecipient);
      ctx.host.emit('progress', { operation: 'export', done: 1, total: 3 });
      const fileName = bundleFileName(meta, revision);
      const dir = join(ctx.dataDir, EXPORTS_DIR);
      await mkdir(dir, { recursive: true });
      // The file first, then the row: a crash in between only leaves a file the next export overwrites.
      const { sha256, size } = await writeFileAtomic(join(dir, fileName), [sealed]);
      ctx.host.emit('progress', { operation: 'export', done: 2, total: 3 });
      const complete = d.issues.length === 0;
      insertExport(ctx.db, {
        packageId: m.packageId,
        revision,
        at: bundle.createdAt,
        fileName,
        sha256,
        size,
        complete,
        lastAuditId: d.lastAuditId,
      });
      ctx.host.emit('progress', { operation: 'export', done: 3, total: 3 });
      return { revision, fileName, sha256, size, bytes: new Uint8Array(sealed), complete };
    });
  },
};
