/**
 * Read models for the screens: application and package summaries, the review
 * state of one application, and the package detail. Computed from the
 * database on each call, so they are never stale.
 */
import type { ApplicationSummary, PackageDetail, PackageSummary, ReviewState } from '../../shared/ipc/contract.ts';
import type { EvidenceRef } from '../../shared/formats.ts';
import type { z } from 'zod';
import { getOrThrow } from '../../shared/checked.ts';
import { applicationProgress, type ApplicationEntries } from '../../shared/review/progress.ts';
import { lastExport, pledgeAcceptedAt } from '../db/packages.ts';
import {
  additionalOf,
  getApplicationRow,
  getConflict,
  listApplicationRows,
  listConflicts,
  listCriterionRows,
  maxAuditId,
  type ApplicationRow,
  type ConflictRow,
  type CriterionRow,
} from '../db/review.ts';
import { requireApplication, rubricOf, type Context, type PackageMeta } from '../workspace/context.ts';

export interface ApplicationData {
  conflict: ConflictRow | undefined;
  criteria: CriterionRow[];
  application: ApplicationRow | undefined;
}

/** Everything stored for one application. */
export function applicationData(ctx: Context, packageId: string, applicationId: string): ApplicationData {
  return {
    conflict: getConflict(ctx.db, packageId, applicationId),
    criteria: listCriterionRows(ctx.db, packageId, applicationId),
    application: getApplicationRow(ctx.db, packageId, applicationId),
  };
}

function entries(applicationId: string, d: ApplicationData): ApplicationEntries {
  return {
    applicationId,
    conflict: d.conflict ? { status: d.conflict.status } : null,
    criteria: new Map(d.criteria.map((c) => [c.criterionId, c])),
    opinion: d.application?.opinion ?? '',
    recommendation: d.application?.recommendation ?? null,
  };
}

/** Progress and issues of one application. */
export function progressOf(meta: PackageMeta, applicationId: string, d: ApplicationData): ReturnType<typeof applicationProgress> {
  return applicationProgress(rubricOf(meta, applicationId).rubric, entries(applicationId, d));
}

/** The home screen's line for one application. Before the pledge the dossier list is withheld. */
export function applicationSummary(meta: PackageMeta, applicationId: string, d: ApplicationData, pledged: boolean): ApplicationSummary {
  const app = requireApplication(meta, applicationId);
  const files = new Map(meta.manifest.files.map((f) => [f.path, f]));
  const p = progressOf(meta, applicationId, d);
  return {
    id: app.id,
    name: app.name,
    organisation: app.organisation,
    category: app.category,
    rubricId: app.rubricId,
    ...(app.field ? { field: app.field } : {}),
    files: pledged
      ? app.files.map((path) => {
          // The manifest schema (shared/formats.ts) refuses an application file that `files` does not list.
          const f = getOrThrow(files, path, 'manifest entry of dossier file');
          return { path, size: f.size, mediaType: f.mediaType };
        })
      : [],
    conflict: d.conflict ? { status: d.conflict.status, reason: d.conflict.reason, declaredAt: d.conflict.declaredAt } : null,
    progress: { scored: p.scored, total: p.total, missingComments: p.missingComments, failedGates: p.failedGates },
    total: p.points,
    complete: p.complete,
  };
}

/** Every application's summary, with one query per table. */
export function applicationSummaries(ctx: Context, meta: PackageMeta, pledged: boolean): ApplicationSummary[] {
  const id = meta.row.id;
  const conflicts = new Map(listConflicts(ctx.db, id).map((c) => [c.applicationId, c]));
  const apps = new Map(listApplicationRows(ctx.db, id).map((a) => [a.applicationId, a]));
  const criteria = new Map<string, CriterionRow[]>();
  for (const c of listCriterionRows(ctx.db, id)) {
    const list = criteria.get(c.applicationId) ?? [];
    list.push(c);
    criteria.set(c.applicationId, list);
  }
  return meta.manifest.applications.map((a) =>
    applicationSummary(
      meta,
      a.id,
      { conflict: conflicts.get(a.id), criteria: criteria.get(a.id) ?? [], application: apps.get(a.id) },
      pledged,
    ),
  );
}

/** The package's line on the home screen. */
export function packageSummary(ctx: Context, meta: PackageMeta, apps?: ApplicationSummary[]): PackageSummary {
  const { row, manifest } = meta;
  const pledge = pledgeAcceptedAt(ctx.db, row.id);
  const list = apps ?? applicationSummaries(ctx, meta, pledge !== null);
  const last = lastExport(ctx.db, row.id);
  return {
    packageId: row.id,
    fileName: row.fileName,
    round: manifest.round,
    deadline: manifest.deadline,
    importedAt: row.importedAt,
    signer: {
      fingerprint: manifest.secretariat.fingerprint,
      displayName: manifest.secretariat.displayName,
      organisation: manifest.secretariat.organisation,
    },
    expert: { id: manifest.expert.id, displayName: manifest.expert.displayName },
    rubrics: [...meta.rubrics.values()].map(({ rubric }) => ({ id: rubric.id, version: rubric.version, title: rubric.title })),
    pledgeAcceptedAt: pledge,
    applications: list.length,
    completeApplications: list.filter((a) => a.complete).length,
    recusedApplications: list.filter((a) => a.conflict?.status === 'recused').length,
    lastExport: last ? { revision: last.revision, at: last.at, sha256: last.sha256 } : null,
    changedSinceExport: !last || maxAuditId(ctx.db, row.id) > last.lastAuditId,
  };
}

/** The manifest as shown before the pledge: no dossier file list and no operation-report figures (review content both). */
function withheldManifest(meta: PackageMeta): PackageDetail['manifest'] {
  const m = meta.manifest;
  return {
    ...m,
    applications: m.applications.map((a) => {
      const withheld = { ...a, files: [] };
      delete withheld.indicators;
      return withheld;
    }),
    files: m.files.filter((f) => m.rubrics.some((r) => r.path === f.path)),
  };
}

/** The package screen: summary, manifest, rubric and every application. */
export function packageDetail(ctx: Context, meta: PackageMeta): PackageDetail {
  const pledged = pledgeAcceptedAt(ctx.db, meta.row.id) !== null;
  const applications = applicationSummaries(ctx, meta, pledged);
  return {
    summary: packageSummary(ctx, meta, applications),
    manifest: pledged ? meta.manifest : withheldManifest(meta),
    rubrics: [...meta.rubrics.values()].map(({ rubric }) => rubric),
    applications,
  };
}

/** What the reviewer entered for one application. */
export function reviewState(meta: PackageMeta, applicationId: string, d: ApplicationData): ReviewState {
  const times = [d.conflict?.declaredAt, d.application?.updatedAt, ...d.criteria.map((c) => c.updatedAt)].filter(
    (t): t is string => t !== undefined,
  );
  return {
    packageId: meta.row.id,
    applicationId,
    conflict: d.conflict ? { status: d.conflict.status, reason: d.conflict.reason, declaredAt: d.conflict.declaredAt } : null,
    criteria: Object.fromEntries(
      d.criteria.map((c) => [
        c.criterionId,
        { score: c.score, comment: c.comment, evidence: JSON.parse(c.evidence) as z.infer<typeof EvidenceRef>[], updatedAt: c.updatedAt },
      ]),
    ),
    opinion: d.application?.opinion ?? '',
    recommendation: d.application?.recommendation ?? null,
    additionalRecommendations: additionalOf(d.application),
    updatedAt: times.length ? times.reduce((a, b) => (a > b ? a : b)) : null,
  };
}
