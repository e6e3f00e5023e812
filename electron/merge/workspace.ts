/**
 * The secretariat's merge in the workspace: the round's signed ledger, the score
 * bundle files (kept encrypted in `bundles/<sha256>.rsb`, one per distinct
 * file), verdicts and figures recomputed from them on demand by the same
 * merge core as `reviewdesk merge`, the panel's consensus with its audit
 * trail, and the outputs returned as bytes for the renderer to save.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import type {
  CitationInput,
  ConsensusRecord,
  MergeFile,
  MergeOptions,
  MergeReview,
  MergeState,
  Output,
  ParsedInput,
} from '../../shared/ipc/contract.ts';
import {
  aggregate,
  aggregateRound,
  panelInput,
  withDefaults,
  type AggregateOptions,
  type Cell,
  type ExpertResult,
  type RoundResult,
} from '../../shared/merge/aggregate.ts';
import { outcomesFor } from '../../shared/rubric/model.ts';
import { nth } from '../../shared/checked.ts';
import { ledgerRubric, type Ledger } from '../../shared/merge/ledger.ts';
import type { ConsensusEntry, FullBundle, PhotoCitation } from '../../shared/merge/model.ts';
import { resolveCitation, siteVisitsByApplication, type ExpertVisit } from '../../shared/merge/visits.ts';
import type { Reconciled } from '../../shared/merge/reconcile.ts';
import { MAX_BUNDLE_FILE } from '../bundles/limits.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { StagedFile } from '../../shared/ipc/wire.ts';
import { sha256File, sha256Hex } from '../crypto/hash.ts';
import {
  getConsensus,
  getLedgerRow,
  insertConsensusAudit,
  insertMergeFile,
  listConsensus,
  listConsensusAudit,
  listMergeFiles,
  putConsensus,
  putLedgerRow,
  type LedgerRow,
  type MergeFileRow,
} from '../db/merge.ts';
import type { Identity } from '../keys/identity.ts';
import { resultCsv } from './csv.ts';
import { verifyLedgerBytes } from './ledger.ts';
import { importBundles } from './merge.ts';
import { resultPdf } from './pdf.ts';
import { buildResultDocument, signResult } from './result.ts';
import { resultWorkbook } from './xlsx.ts';
import { writeVisitSheets } from './visit-sheet.ts';
import { VisitPhotoCache } from './photo-cache.ts';
import type { AcceptedFile } from './visit-photos.ts';
import { now, requireUnlocked, type Context } from '../workspace/context.ts';
import { BUNDLES_DIR } from '../workspace/layout.ts';
import { auditedWrite } from '../workspace/audit.ts';
import { pick } from '../../shared/i18n-text.ts';

/** The unlocked identity, which must be a secretariat's. */
export function requireSecretariat(ctx: Context): Identity {
  const identity = requireUnlocked(ctx);
  if (identity.card.role !== 'secretariat') throw new ReviewDeskError('E_NOT_SECRETARIAT');
  return identity;
}

interface Verified {
  row: LedgerRow;
  ledger: Ledger;
}

/** What opening the kept files gave, for one ledger and one set of files. */
interface Opened {
  key: string;
  files: MergeFileRow[];
  /** Verdicts and accepted bundles named by the files' own names, not their storage paths. */
  reconciled: Reconciled;
  mergeFiles: MergeFile[];
}

const ledgers = new WeakMap<Context, Verified>();
const opened = new WeakMap<Context, Opened>();

/** The stored ledger, checked again against this secretariat (cached per ledger). */
function currentLedger(ctx: Context, identity: Identity): Verified | null {
  const row = getLedgerRow(ctx.db);
  if (!row) return null;
  const cached = ledgers.get(ctx);
  if (cached && cached.row.sha256 === row.sha256) return cached;
  const verified = { row, ledger: verifyLedgerBytes(row.json, row.sig, identity.card, row.fileName) };
  ledgers.set(ctx, verified);
  return verified;
}

function requireLedger(ctx: Context, identity: Identity): Verified {
  const v = currentLedger(ctx, identity);
  if (!v) throw new ReviewDeskError('E_NO_LEDGER');
  return v;
}

/**
 * Opens and reconciles every kept file (cached until the ledger or the set of
 * files changes). Verdicts do not depend on file order, so a file imported
 * again — already kept, same SHA-256 — changes nothing.
 */
async function openAll(ctx: Context, identity: Identity, v: Verified): Promise<Opened> {
  const files = listMergeFiles(ctx.db);
  const key = `${v.row.sha256}:${files.map((f) => f.sha256).join(',')}`;
  const cached = opened.get(ctx);
  if (cached?.key === key) return cached;
  const paths = files.map((f) => join(ctx.dataDir, f.storedPath));
  const imported = files.length
    ? await importBundles(paths, identity, v.ledger, { keepComments: true })
    : { reconciled: { verdicts: [], accepted: {}, pending: [] } as Reconciled };
  const named = files.map((f, i) => ({ path: nth(paths, i, 'path'), fileName: f.fileName }));
  const nameOf = new Map(named.map((n) => [n.path, n.fileName]));
  const name = (p: string): string => nameOf.get(p) ?? p;
  // The reasons quote the file that counts by its path; show the name the secretary dropped.
  const rename = (text: string): string => named.reduce((t, n) => t.split(n.path).join(n.fileName), text);
  const verdicts = imported.reconciled.verdicts.map((verdict) => ({
    ...verdict,
    file: name(verdict.file),
    by: verdict.by === null ? null : name(verdict.by),
    reason: { 'zh-CN': rename(verdict.reason['zh-CN']), en: rename(pick(verdict.reason, 'en')) },
  }));
  const accepted: Record<string, FullBundle> = Object.fromEntries(
    Object.entries(imported.reconciled.accepted).map(([id, b]) => [id, { ...b, file: name(b.file) }]),
  );
  const reconciled: Reconciled = { verdicts, accepted, pending: imported.reconciled.pending };
  const mergeFiles: MergeFile[] = files.map((f, i) => {
    const verdict = nth(verdicts, i, 'verdict');
    return {
      n: i + 1,
      fileName: f.fileName,
      sha256: f.sha256,
      size: f.size,
      importedAt: f.importedAt,
      status: verdict.status,
      code: verdict.code,
      reason: verdict.reason,
      expertId: verdict.expertId,
      revision: verdict.revision,
      by: verdict.by,
    };
  });
  const result: Opened = { key, files, reconciled, mergeFiles };
  opened.set(ctx, result);
  return result;
}

function consensusEntries(ctx: Context, roundId: string): ConsensusEntry[] {
  return listConsensus(ctx.db, roundId).map((c) => ({ ...c }));
}

function aggregateOptions(o: MergeOptions): Partial<AggregateOptions> {
  return {
    method: o.method,
    trim: { k: o.trimK, minRemaining: o.minRemaining },
    normalise: o.normalise,
    includeInProgress: o.includeInProgress,
  };
}

/** The figures of every rubric of the round: each rubric's applications aggregated and ranked on their own. */
function figures(ctx: Context, v: Verified, o: Opened, options: MergeOptions): RoundResult {
  return aggregateRound(v.ledger, o.reconciled, aggregateOptions(options), consensusEntries(ctx, v.ledger.round.id), options.combined);
}

/** Every expert of the round with their cells over every application (not-assigned outside their groups). */
function roundExperts(v: Verified, result: RoundResult): ExpertResult[] {
  const experts = new Map<string, ExpertResult>();
  for (const g of result.groups)
    for (const e of g.experts) {
      const known = experts.get(e.expertId);
      if (!known) experts.set(e.expertId, { ...e, cells: { ...e.cells }, counts: { ...e.counts } });
      else {
        Object.assign(known.cells, e.cells);
        for (const [k, n] of Object.entries(e.counts)) known.counts[k as Cell] += n;
      }
    }
  const apps = v.ledger.applications.map((a) => a.id);
  return v.ledger.experts.flatMap((le) => {
    const e = experts.get(le.expertId);
    if (!e) return [];
    for (const a of apps)
      if (!(a in e.cells)) {
        e.cells[a] = 'not-assigned';
        e.counts['not-assigned'] += 1;
      }
    return [e];
  });
}

/** The ledger, the kept files with their verdicts, and who has returned what (the matrix). */
export async function mergeState(ctx: Context): Promise<MergeState> {
  const identity = requireSecretariat(ctx);
  const v = currentLedger(ctx, identity);
  if (!v) return { ledger: null, files: [], matrix: null, consensusCount: 0 };
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const experts = roundExperts(v, aggregateRound(v.ledger, o.reconciled, withDefaults()));
  const counts = { scored: 0, recused: 0, 'in-progress': 0, missing: 0, 'not-assigned': 0 };
  for (const e of experts) for (const [cell, n] of Object.entries(e.counts)) counts[cell as keyof typeof counts] += n;
  const { ledger } = v;
  return {
    ledger: {
      fileName: v.row.fileName,
      sha256: v.row.sha256,
      importedAt: v.row.importedAt,
      round: ledger.round,
      rubrics: ledger.rubrics.map(({ rubric }) => ({
        id: rubric.id,
        version: rubric.version,
        title: rubric.title,
        totalPoints: rubric.totalPoints,
        passThreshold: rubric.passThreshold,
        scoringDefault: rubric.scoring.default === true,
        applications: ledger.applications.filter((a) => a.rubricId === rubric.id).length,
      })),
      createdAt: ledger.createdAt,
      experts: ledger.experts.length,
      applications: ledger.applications.length,
    },
    files: o.mergeFiles,
    matrix: {
      experts: experts.map((e) => ({
        expertId: e.expertId,
        displayName: e.displayName,
        organisation: e.organisation,
        fingerprint: e.fingerprint,
        revision: e.revision,
      })),
      applications: ledger.applications.map((a) => ({ id: a.id, name: a.name, organisation: a.organisation, rubricId: a.rubricId })),
      cells: Object.fromEntries(experts.map((e) => [e.expertId, e.cells])),
      counts,
    },
    consensusCount: listConsensus(ctx.db, ledger.round.id).length,
  };
}

/**
 * Sets the round's ledger from its bytes and signature; it must be signed by
 * this secretariat. The demo set-up calls it too.
 */
export async function setLedger(
  ctx: Context,
  input: { ledger: { fileName: string; bytes: Uint8Array }; signature: { fileName: string; bytes: Uint8Array } },
): Promise<MergeState> {
  const identity = requireSecretariat(ctx);
  const ledger = verifyLedgerBytes(input.ledger.bytes, input.signature.bytes, identity.card, input.ledger.fileName);
  putLedgerRow(ctx.db, {
    fileName: input.ledger.fileName,
    json: Buffer.from(input.ledger.bytes),
    sig: Buffer.from(input.signature.bytes),
    sha256: sha256Hex(input.ledger.bytes),
    roundId: ledger.round.id,
    importedAt: now(),
  });
  return mergeState(ctx);
}

/** Keeps score bundle files (by SHA-256; a file already kept is not written again). */
export async function importMergeFiles(
  ctx: Context,
  files: readonly { fileName: string; bytes: Uint8Array | StagedFile }[],
): Promise<MergeState> {
  const identity = requireSecretariat(ctx);
  requireLedger(ctx, identity);
  const sizeOf = (b: Uint8Array | StagedFile): number => (b instanceof StagedFile ? b.size : b.length);
  for (const f of files) {
    if (sizeOf(f.bytes) > MAX_BUNDLE_FILE) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: sizeOf(f.bytes), limit: MAX_BUNDLE_FILE });
  }
  await ctx.session.exclusive(async () => {
    const kept = new Set(listMergeFiles(ctx.db).map((f) => f.sha256));
    for (const f of files) {
      const staged = f.bytes instanceof StagedFile ? f.bytes : null;
      const sha256 = staged ? await sha256File(staged.path) : sha256Hex(f.bytes as Uint8Array);
      if (kept.has(sha256)) continue;
      const storedPath = `${BUNDLES_DIR}/${sha256}.rsb`;
      // The file first, then its row: a crash in between leaves an orphan the next start sweeps away.
      // A file the browser host streamed in (already flushed) moves into place; bytes in memory are written.
      if (staged) await rename(staged.path, join(ctx.dataDir, storedPath));
      else await writeFileAtomic(join(ctx.dataDir, storedPath), [f.bytes as Uint8Array]);
      const fileName = f.fileName.replace(/^.*[\\/]/, '').slice(0, 255) || `${sha256.slice(0, 12)}.rsb`;
      insertMergeFile(ctx.db, { sha256, fileName, size: sizeOf(f.bytes), storedPath, importedAt: now() });
      kept.add(sha256);
    }
  });
  return mergeState(ctx);
}

function reviewsByApplication(accepted: Record<string, FullBundle>): Record<string, MergeReview[]> {
  const out: Record<string, MergeReview[]> = {};
  for (const [expertId, bundle] of Object.entries(accepted).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const r of bundle.reviews) {
      (out[r.applicationId] ??= []).push({
        expertId,
        status: r.status,
        conflictReason: r.conflictReason,
        gates: r.gates,
        scores: r.scores,
        comments: r.comments ?? {},
        opinion: r.opinion,
        recommendation: r.recommendation,
        updatedAt: r.updatedAt,
      });
    }
  }
  return out;
}

const sameConsensus = (a: ConsensusRecord | null, b: ConsensusRecord): boolean =>
  a !== null &&
  a.score === b.score &&
  a.gradeId === b.gradeId &&
  a.recommendation === b.recommendation &&
  a.text === b.text &&
  a.eligible === b.eligible &&
  JSON.stringify(a.evidence ?? []) === JSON.stringify(b.evidence ?? []);

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** The figures under the chosen options, the rubric, and every accepted review by application. */
export async function mergeResults(ctx: Context, input: ParsedInput<'merge:results'>): Promise<Output<'merge:results'>> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  const { ledger } = v;
  const index = input.rubricId === undefined ? 0 : ledger.rubrics.findIndex((r) => r.rubric.id === input.rubricId);
  const entry = ledger.rubrics[index];
  if (!entry) throw new ReviewDeskError('E_NOT_FOUND', { what: 'rubric / 评分细则', id: input.rubricId ?? '' });
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const consensus = consensusEntries(ctx, ledger.round.id);
  // Asked for a ranking across rubrics (refused, E_COMBINED_RANKING, when their totals differ), every rubric is
  // aggregated once and the shown one taken from it; otherwise only the shown rubric is.
  const round = input.options.combined ? aggregateRound(ledger, o.reconciled, aggregateOptions(input.options), consensus, true) : null;
  const result =
    round?.groups[index] ?? aggregate(panelInput(ledger, o.reconciled, entry.rubric.id), aggregateOptions(input.options), consensus);
  const combined = round?.combined ?? null;
  const mine = new Set(result.applications.map((a) => a.applicationId));
  const reviews = Object.fromEntries(Object.entries(reviewsByApplication(o.reconciled.accepted)).filter(([id]) => mine.has(id)));
  return {
    result,
    rubric: entry.rubric,
    groups: ledger.rubrics.map(({ rubric }) => ({
      id: rubric.id,
      title: rubric.title,
      applications: ledger.applications.filter((a) => a.rubricId === rubric.id).length,
    })),
    combined,
    reviews,
  };
}

/** The round's consensus records. */
export function consensusList(ctx: Context): ConsensusRecord[] {
  const identity = requireSecretariat(ctx);
  return listConsensus(ctx.db, requireLedger(ctx, identity).ledger.round.id);
}

/**
 * Records the panel's consensus for one application, checked against the
 * rubric first (a score above its total is refused, never clamped), with its
 * audit row in the same transaction.
 */
export async function setConsensus(ctx: Context, input: ParsedInput<'merge:setConsensus'>): Promise<ConsensusRecord> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  const { ledger } = v;
  const application = ledger.applications.find((a) => a.id === input.applicationId);
  if (!application) {
    throw new ReviewDeskError('E_NOT_FOUND', { what: 'application / 申报', id: input.applicationId });
  }
  const rubric = ledgerRubric(ledger, application.id);
  if (input.score !== null && input.score > rubric.totalPoints) {
    throw new ReviewDeskError('E_INVALID_ENTRY', {
      reason: `the score ${input.score} is above the rubric's ${rubric.totalPoints} points`,
    });
  }
  if (input.gradeId !== null && !rubric.gradeBands.some((g) => g.id === input.gradeId)) {
    throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${input.gradeId} is not a grade of the rubric` });
  }
  if (input.recommendation !== null && !outcomesFor(rubric, application.category).main.some((r) => r.id === input.recommendation)) {
    throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${input.recommendation} is not a recommendation of the rubric` });
  }
  const evidence = await citations(ctx, identity, v, input.applicationId, input.evidence);
  const roundId = ledger.round.id;
  const next: ConsensusRecord = {
    applicationId: input.applicationId,
    score: input.score,
    gradeId: input.gradeId,
    recommendation: input.recommendation,
    text: input.text,
    eligible: input.eligible,
    ...(evidence.length ? { evidence } : {}),
    recordedBy: identity.card.displayName,
    recordedAt: now(),
  };
  const { old, auditId } = auditedWrite(ctx, {
    read: () => getConsensus(ctx.db, roundId, input.applicationId),
    unchanged: (old) => sameConsensus(old, next),
    write: () => putConsensus(ctx.db, roundId, next),
    audit: (old) =>
      insertConsensusAudit(ctx.db, {
        roundId,
        applicationId: input.applicationId,
        oldValue: old ? JSON.stringify(old) : null,
        newValue: JSON.stringify(next),
        recordedBy: next.recordedBy,
        at: next.recordedAt,
      }),
  });
  // Unchanged means a stored record equal to `next`: that one (with its original author and time) is returned.
  return auditId === null ? (old ?? next) : next;
}

/**
 * The photos a consensus cites, each resolved in the accepted visit of the application (the expert's id and
 * the photo's signed SHA-256 recorded with it); E_EVIDENCE_PHOTO for one that is not there.
 */
async function citations(
  ctx: Context,
  identity: Identity,
  v: Verified,
  applicationId: string,
  chosen: readonly CitationInput[],
): Promise<PhotoCitation[]> {
  if (!chosen.length) return [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const key = `${c.expertFingerprint} ${c.photo}`;
    if (seen.has(key)) throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `the photo ${c.photo} is cited twice` });
    seen.add(key);
  }
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const visits = siteVisitsByApplication(v.ledger, o.reconciled.accepted);
  return chosen.map((c) => {
    const found = resolveCitation(visits, applicationId, c);
    if (!found) {
      const expert = v.ledger.experts.find((e) => e.card.fingerprint === c.expertFingerprint)?.expertId;
      throw new ReviewDeskError('E_EVIDENCE_PHOTO', {
        photo: c.photo,
        expert: expert ? `${expert}（${c.expertFingerprint}）` : c.expertFingerprint,
        application: applicationId,
      });
    }
    return found;
  });
}

/** The consensus audit trail, newest first. */
export function consensusHistory(ctx: Context, input: ParsedInput<'merge:consensusHistory'>): Output<'merge:consensusHistory'> {
  const identity = requireSecretariat(ctx);
  const { ledger } = requireLedger(ctx, identity);
  return listConsensusAudit(ctx.db, ledger.round.id, input.applicationId, input.limit).map((a) => ({
    id: a.id,
    at: a.at,
    applicationId: a.applicationId,
    recordedBy: a.recordedBy,
    oldValue: a.oldValue === null ? null : (JSON.parse(a.oldValue) as ConsensusRecord),
    newValue: a.newValue === null ? null : (JSON.parse(a.newValue) as ConsensusRecord),
  }));
}

/** One output of the merge (XLSX, CSV, the PDF summary sheet, or the signed result.json with its signature), as bytes. */
export async function exportMerge(ctx: Context, input: ParsedInput<'merge:export'>): Promise<Output<'merge:export'>> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  if (!o.files.length) throw new ReviewDeskError('E_NO_BUNDLES');
  const result = figures(ctx, v, o, input.options);
  const { ledger } = v;
  const base = safeName(ledger.round.id);
  switch (input.kind) {
    case 'xlsx': {
      const bytes = await resultWorkbook({
        result,
        ledger,
        verdicts: o.reconciled.verdicts,
        accepted: o.reconciled.accepted,
      });
      return {
        files: [
          {
            fileName: `${base}-汇总.xlsx`,
            mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            bytes: new Uint8Array(bytes),
          },
        ],
      };
    }
    case 'csv':
      return {
        files: [{ fileName: `${base}-汇总.csv`, mediaType: 'text/csv', bytes: new Uint8Array(Buffer.from(resultCsv(result, ledger))) }],
      };
    case 'pdf':
      return {
        files: [
          {
            fileName: `${base}-专家组汇总表.pdf`,
            mediaType: 'application/pdf',
            bytes: new Uint8Array(await resultPdf({ result, ledger, secretariat: identity.card })),
          },
        ],
      };
    case 'result': {
      const doc = buildResultDocument(ledger, o.reconciled, result, identity.card, consensusEntries(ctx, ledger.round.id));
      const { json, sig } = signResult(doc, identity);
      return {
        files: [
          { fileName: `${base}-result.json`, mediaType: 'application/json', bytes: new Uint8Array(json) },
          { fileName: `${base}-result.json.sig`, mediaType: 'text/plain', bytes: new Uint8Array(Buffer.from(sig)) },
        ],
      };
    }
  }
}

/**
 * The 现场考察记录表 of one application by one expert (by card fingerprint), from the expert's accepted score
 * file as kept in the workspace: its photos are read from that file and checked against their signed SHA-256.
 */
export async function visitSheet(ctx: Context, input: ParsedInput<'merge:visitSheet'>): Promise<Output<'merge:visitSheet'>> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const expertId = Object.keys(o.reconciled.accepted).find(
    (id) => o.reconciled.accepted[id]!.expert.fingerprint === input.expertFingerprint,
  );
  const notFound = (): never => {
    throw new ReviewDeskError('E_NOT_FOUND', {
      what: '现场考察记录 / site visit',
      id: `${input.applicationId} ${input.expertFingerprint}`,
    });
  };
  if (expertId === undefined || !v.ledger.applications.some((a) => a.id === input.applicationId)) return notFound();
  // The accepted bundle names its file by the name the secretary dropped; it is kept by its SHA-256.
  const stored = new Map(o.files.map((f) => [f.sha256, join(ctx.dataDir, f.storedPath)]));
  let out: Output<'merge:visitSheet'> | null = null;
  await writeVisitSheets(
    v.ledger,
    o.reconciled.accepted,
    identity.ageIdentity,
    (b) => stored.get(b.fileSha256) ?? b.file,
    (fileName, pdf) => {
      out = { fileName, mediaType: 'application/pdf', bytes: new Uint8Array(pdf) };
      return Promise.resolve();
    },
    { applicationId: input.applicationId, expertId },
  );
  return out ?? notFound();
}

/** The accepted file of the expert with this card fingerprint, as openAcceptedPhotos checks it, and that expert's visit of the application. */
async function acceptedVisit(
  ctx: Context,
  input: { applicationId: string; expertFingerprint: string },
): Promise<{ identity: Identity; file: AcceptedFile; visit: ExpertVisit | null }> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const entry = Object.entries(o.reconciled.accepted).find(([, b]) => b.expert.fingerprint === input.expertFingerprint);
  if (!entry || !v.ledger.applications.some((a) => a.id === input.applicationId)) {
    throw new ReviewDeskError('E_NOT_FOUND', {
      what: '现场考察记录 / site visit',
      id: `${input.applicationId} ${input.expertFingerprint}`,
    });
  }
  const [, b] = entry;
  const stored = o.files.find((f) => f.sha256 === b.fileSha256);
  const visits = siteVisitsByApplication(v.ledger, { [entry[0]]: b });
  return {
    identity,
    file: {
      // The accepted bundle names its file by the name the secretary dropped; it is kept by its SHA-256.
      path: stored ? join(ctx.dataDir, stored.storedPath) : b.file,
      fileSha256: b.fileSha256,
      contentSha512: b.contentSha512,
      sshPublicKey: b.expert.sshPublicKey,
    },
    visit: visits[input.applicationId]?.experts[0] ?? null,
  };
}

/** One application's site visits from the accepted score files (no photo bytes: merge:visitPhoto gives those). */
export async function mergeVisits(ctx: Context, input: ParsedInput<'merge:visits'>): Promise<Output<'merge:visits'>> {
  const identity = requireSecretariat(ctx);
  const v = requireLedger(ctx, identity);
  if (!v.ledger.applications.some((a) => a.id === input.applicationId)) {
    throw new ReviewDeskError('E_NOT_FOUND', { what: 'application / 申报', id: input.applicationId });
  }
  const o = await ctx.session.exclusive(() => openAll(ctx, identity, v));
  const checklist = ledgerRubric(v.ledger, input.applicationId).siteVisit;
  const found = siteVisitsByApplication(v.ledger, o.reconciled.accepted)[input.applicationId];
  const guidance = new Map(checklist.map((c) => [c.id, c.guidance]));
  const items =
    found?.items ??
    checklist.map((c) => ({ id: c.id, title: c.title, inRubric: true, meets: 0, fails: 0, na: 0, unanswered: 0, flagged: false }));
  return {
    applicationId: input.applicationId,
    items: items.map((x) => ({ ...x, guidance: guidance.get(x.id) ?? null })),
    experts: (found?.experts ?? []).map((e) => ({
      expertId: e.expertId,
      name: e.name,
      organisation: e.organisation,
      fingerprint: e.fingerprint,
      revision: e.revision,
      fileSha256: e.fileSha256,
      visitedAt: e.visitedAt,
      place: e.place,
      attendees: e.attendees,
      items: e.items,
      notes: e.notes,
      opinion: e.opinion,
      photos: e.photos.map((p) => ({
        path: p.path,
        caption: p.caption,
        takenAt: p.takenAt,
        addedAt: p.addedAt,
        itemIds: p.itemIds,
        criterionIds: p.criterionIds,
        rotation: p.rotation ?? 0,
        keptOriginal: p.keptOriginal === true,
        size: p.size,
        mediaType: p.mediaType,
        sha256: p.sha256,
      })),
    })),
  };
}

const photoCaches = new WeakMap<Context, VisitPhotoCache>();

/**
 * One photo of an expert's visit of an application: the file as the expert's score file holds it, or a
 * thumbnail, read from the kept file and checked against the SHA-256 the signed bundle.json lists
 * (E_UNKNOWN_PHOTO for a photo that visit does not have; E_IO when the kept file is no longer the one merged).
 */
export async function visitPhoto(ctx: Context, input: ParsedInput<'merge:visitPhoto'>): Promise<Output<'merge:visitPhoto'>> {
  const { identity, file, visit } = await acceptedVisit(ctx, input);
  const photo = visit?.photos.find((p) => p.path === input.path);
  if (!visit || !photo) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: input.path });
  let cache = photoCaches.get(ctx);
  if (!cache) photoCaches.set(ctx, (cache = new VisitPhotoCache()));
  if (input.variant === 'thumbnail') {
    const thumb = await cache.thumbnail(file, photo, visit.photos, identity.ageIdentity);
    return { bytes: new Uint8Array(thumb), mediaType: 'image/jpeg' };
  }
  return { bytes: new Uint8Array(await cache.photo(file, photo, identity.ageIdentity)), mediaType: photo.mediaType };
}

/** The photo cache of a workspace (for the tests: how often a score file was opened). */
export function photoCacheOf(ctx: Context): VisitPhotoCache | undefined {
  return photoCaches.get(ctx);
}
