/**
 * Validating and exporting in the workspace: the reviewer's entries become a
 * signed, encrypted score bundle (`.rsb`) for the secretariat, with the next
 * revision number. A copy stays in the workspace's exports/ folder; the file
 * and its record are one outcome (electron/bundles/export.ts).
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { listExportRecords } from '../db/exports.ts';
import { EXPORTS_DIR } from '../workspace/layout.ts';
import { BUNDLE_SCHEMA_VERSION, type EvidenceRef, type ApplicationReview, type Bundle, type CriterionScore } from '../../shared/formats.ts';
import type { Output, ParsedInput, Validation, ValidationIssue } from '../../shared/ipc/contract.ts';
import type { z } from 'zod';
import { sealBundle, sealBundleStream } from './write.ts';
import { exportPhotoReader, exportVisits, type ExportPhoto } from '../visits/workspace.ts';
import { visitGaps } from '../../shared/visit/model.ts';
import { exportPrefix, writeExport } from './export.ts';
import { additionalOf, listApplicationRows, listConflicts, listCriterionRows, maxAuditId, type CriterionRow } from '../db/review.ts';
import { applicationProgress } from '../../shared/review/progress.ts';
import { now, packageMeta, requirePledge, requireUnlocked, rubricOf, type Context, type PackageMeta } from '../workspace/context.ts';

interface Draft {
  applications: ApplicationReview[];
  /** The visits' photos, in the order of their applications. */
  photos: ExportPhoto[];
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
    const { visits, photos } = exportVisits(ctx, meta);
    const sent: ExportPhoto[] = [];
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
      const visit = visits.get(app.id);
      const times = [conflict.declaredAt, entry?.updatedAt ?? '', ...[...rows.values()].map((r) => r.updatedAt)];
      // Evidence may cite only what the visit holds (a photo removed or an answer cleared drops its references).
      const cited = (c: CriterionScore): CriterionScore => ({
        ...c,
        evidence: c.evidence.filter((e) =>
          'photo' in e
            ? !!visit?.photos.some((x) => x.path === e.photo)
            : 'siteVisitItem' in e
              ? !!visit?.items.some((x) => x.id === e.siteVisitItem)
              : true,
        ),
      });
      if (visit) {
        sent.push(...photos.filter((x) => x.applicationId === app.id));
        const gaps = visitGaps(rubric.siteVisit, visit);
        for (const item of gaps.unanswered) issues.push({ applicationId: app.id, criterionId: item, kind: 'siteVisitItemMissing' });
        for (const item of gaps.failsWithoutNote) issues.push({ applicationId: app.id, criterionId: item, kind: 'siteVisitNoteMissing' });
        if (gaps.opinionMissing) issues.push({ applicationId: app.id, criterionId: null, kind: 'siteVisitOpinionMissing' });
      }
      applications.push({
        applicationId: app.id,
        rubric: ref,
        conflict: declaration,
        status: p.complete ? 'complete' : 'in-progress',
        gates: inOrder(rubric.gates).map(cited),
        scores: inOrder(rubric.dimensions.flatMap((d) => d.criteria)).map(cited),
        ...(visit ? { siteVisit: visit } : {}),
        opinion: entry?.opinion ?? '',
        recommendation: entry?.recommendation ?? null,
        // Written only when chosen: a score file without any keeps the bytes (and the readers) it had before.
        ...(additional.length ? { additionalRecommendations: additional } : {}),
        updatedAt: times.reduce((a, b) => (a > b ? a : b)),
      });
    }
    return { applications, photos: sent, issues, lastAuditId: maxAuditId(ctx.db, id) };
  })();
}

/** The largest score file handed back whole by bundle:export. */
export const INLINE_EXPORT_BYTES = 64 << 20;

/** One part of an exported score file (the file in exports/, named by its record). */
export async function readExport(ctx: Context, input: ParsedInput<'bundle:readExport'>): Promise<Output<'bundle:readExport'>> {
  packageMeta(ctx, input.packageId);
  requirePledge(ctx, input.packageId);
  const r = listExportRecords(ctx.db).find((x) => x.packageId === input.packageId && x.revision === input.revision && x.state === 'done');
  if (!r) throw new ReviewDeskError('E_NOT_FOUND', { what: '评分文件版本 / score file revision ', id: String(input.revision) });
  const fh = await open(join(ctx.dataDir, EXPORTS_DIR, r.fileName), 'r');
  try {
    const length = Math.max(0, Math.min(input.length, r.size - input.offset));
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, input.offset);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, bytesRead), size: r.size };
  } finally {
    await fh.close();
  }
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
    const complete = d.issues.length === 0;
    // Progress by bytes: the ZIP's plaintext (the photos are most of it) as it goes into the encryption.
    const total = d.photos.reduce((n, p) => n + p.size, 0) + 64 * 1024;
    ctx.host.emit('progress', { operation: 'export', done: 0, total });
    const out = await writeExport(ctx.db, ctx.dataDir, {
      packageId: m.packageId,
      prefix: exportPrefix(m),
      at: createdAt,
      complete,
      lastAuditId: d.lastAuditId,
      seal: async (revision) => {
        const whole = { ...bundle, revision };
        if (!d.photos.length) return sealBundle(whole, identity, m.secretariat.ageRecipient);
        // With photos, streamed: one photo in memory at a time, decrypted from the workspace and encrypted again.
        let last = 0;
        const photos = exportPhotoReader(ctx, d.photos);
        return sealBundleStream(
          whole,
          identity,
          m.secretariat.ageRecipient,
          d.photos.map((p, i) => ({ ...p, read: () => photos.read(i) })),
          {
            onBytes: (n) => {
              if (n - last < 4 << 20) return;
              last = n;
              ctx.host.emit('progress', { operation: 'export', done: Math.min(n, total), total });
            },
            consumed: photos.consumed,
          },
        );
      },
    });
    ctx.host.emit('progress', { operation: 'export', done: total, total });
    const { revision, fileName, sha256, size, bytes } = out;
    // A score file up to INLINE_EXPORT_BYTES comes back with the answer; a larger one by bundle:readExport, in parts.
    const inline = bytes ?? (size <= INLINE_EXPORT_BYTES ? await readFile(out.path) : null);
    return { revision, fileName, sha256, size, ...(inline ? { bytes: new Uint8Array(inline) } : {}), complete };
  });
}
