/**
 * The secretariat's round in the app: one round folder inside the workspace (`round/`, the same format as a
 * folder `reviewdesk round` prepares) and the packages built from it (`round-packages/`). Each channel calls
 * the same functions as the command line (prepare.ts, importing.ts, pack.ts); writes run one at a time.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport, RoundState } from '../../shared/ipc/contract.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { FileName } from '../../shared/formats.ts';
import { StagedFile } from '../../shared/ipc/wire.ts';
import { LEDGER_FILE } from '../../shared/merge/ledger.ts';
import { DEFAULT_PANEL, DRAW_FILE, type Expertise } from '../../shared/round/model.ts';
import type { Stage } from '../../shared/rubric/model.ts';
import { Id } from '../../shared/rubric/model.ts';
import { requireSecretariat, setLedger } from '../merge/workspace.ts';
import { packRound } from '../packages/pack.ts';
import type { Context } from '../workspace/context.ts';
import { MAX_LIST_BYTES } from './import-list.ts';
import { importApplications, importExperts } from './importing.ts';
import { issueSheetInput, issueSheetPdf, ISSUE_SHEET_FILE } from './issue-sheet.ts';
import { adjustAssignment, decideConflict, drawRound, initRound, readDrawRecord, screenRound } from './prepare.ts';
import { loadRound, loadRoundHead, type RoundHead } from './round.ts';

const ROUND_DIR = 'round';
const PACKAGES_DIR = 'round-packages';
const SHEET_FILE = ISSUE_SHEET_FILE;

const roundDir = (ctx: Context): string => join(ctx.dataDir, ROUND_DIR);
const packagesDir = (ctx: Context): string => join(ctx.dataDir, PACKAGES_DIR);

function requireRound(ctx: Context): string {
  requireSecretariat(ctx);
  const dir = roundDir(ctx);
  if (!existsSync(join(dir, 'round.json'))) throw new ReviewDeskError('E_NO_ROUND');
  return dir;
}

/** The round as the screens show it. */
export async function roundState(ctx: Context): Promise<RoundState> {
  requireSecretariat(ctx);
  const dir = roundDir(ctx);
  if (!existsSync(join(dir, 'round.json'))) return { round: null };
  const head = await loadRoundHead(dir);
  return { round: await describe(ctx, head) };
}

async function describe(ctx: Context, head: RoundHead): Promise<NonNullable<RoundState['round']>> {
  const r = head.round;
  const screen = screenRound(head);
  const record = await readDrawRecord(head.dir);
  const files = async (dossier: string): Promise<number> =>
    (await readdir(join(head.dir, dossier)).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).length;
  const ledgerPath = join(packagesDir(ctx), LEDGER_FILE);
  const packages = existsSync(ledgerPath)
    ? (
        JSON.parse(await readFile(ledgerPath, 'utf8')) as {
          experts: { expertId: string; packageId: string; packageSha256: string; packageSize: number }[];
        }
      ).experts.map((e) => ({
        expertId: e.expertId,
        fileName: `${e.expertId}.rpkg`,
        size: e.packageSize,
        sha256: e.packageSha256,
        packageId: e.packageId,
      }))
    : [];
  return {
    id: r.round.id,
    title: r.round.title,
    stage: r.stage ?? null,
    deadline: r.deadline,
    panel: r.panel ?? DEFAULT_PANEL,
    rubrics: r.rubrics.map(({ id }) => {
      const rubric = head.rubrics.get(id)?.rubric;
      return {
        id,
        version: rubric?.version ?? 1,
        title: rubric?.title ?? { 'zh-CN': id, zhOnly: true as const },
        appliesTo: [...(rubric?.appliesTo ?? [])],
      };
    }),
    applications: await Promise.all(
      r.applications.map(async (a) => ({
        id: a.id,
        name: a.name,
        organisation: a.organisation,
        category: a.category,
        field: a.field ?? null,
        rubricId: a.rubricId,
        files: await files(a.dossier),
        shareholders: a.shareholders ?? [],
        allianceMembers: a.allianceMembers ?? [],
        excludedExperts: (a.excludedExperts ?? []).map((x) =>
          typeof x === 'string' ? { expert: x, reason: '' } : { expert: x.name ?? x.id ?? '', reason: x.reason },
        ),
        contact: a.contact ?? null,
      })),
    ),
    experts: r.experts.map((e) => {
      const card = head.cards.get(e.id);
      return {
        id: e.id,
        name: e.name ?? card?.displayName ?? e.id,
        organisation: e.organisation ?? card?.organisation ?? '',
        fingerprint: card?.fingerprint ?? 'AAAA-AAAA-AAAA-AAAA',
        fields: [...new Set([...(e.fields ?? []), ...(card?.fields ?? [])])],
        expertise: (e.expertise ?? []) as Expertise[],
        available: e.available !== false,
        formerOrganisations: e.formerOrganisations ?? [],
        relationships: (e.relationships ?? []).map((x) => ({
          kind: x.kind,
          target: x.organisation ?? x.applicationId ?? '',
          note: x.note ?? '',
        })),
      };
    }),
    conflicts: screen.flagged.map((p) => ({
      expertId: p.expertId,
      applicationId: p.applicationId,
      findings: p.findings,
      decision: p.decision ? { decision: p.decision.decision, reason: p.decision.reason, at: p.decision.at } : null,
    })),
    unmatchedExclusions: screen.unmatchedExclusions,
    draw: record
      ? {
          seed: record.seed,
          drawnAt: record.drawnAt,
          algorithm: record.algorithm,
          signed: existsSync(join(head.dir, `${DRAW_FILE}.sig`)),
          perApplication: record.perApplication,
          reserves: record.reserves,
          shortfalls: record.shortfalls,
          inputs: record.inputs,
        }
      : null,
    assignments: r.assignments,
    reserves: r.reserves ?? {},
    adjustments: r.adjustments ?? [],
    issued: r.issued ?? {},
    packages,
  };
}

export async function createRound(
  ctx: Context,
  o: {
    id: string;
    title: string;
    titleEn?: string | undefined;
    stage: Stage;
    deadline: string;
    perApplication: number;
    reserves: number;
    mix: Partial<Record<Expertise, number>>;
  },
): Promise<RoundState> {
  requireSecretariat(ctx);
  const dir = roundDir(ctx);
  if (existsSync(join(dir, 'round.json'))) throw new ReviewDeskError('E_ROUND_EXISTS');
  await ctx.session.exclusive(async () => {
    // A half-made folder from an interrupted create holds no round.json: start it again.
    await rm(dir, { recursive: true, force: true });
    await initRound(dir, {
      id: o.id,
      title: { 'zh-CN': o.title, ...(o.titleEn ? { en: o.titleEn } : {}) },
      stage: o.stage,
      deadline: new Date(o.deadline).toISOString(),
      panel: { perApplication: o.perApplication, reserves: o.reserves, mix: o.mix },
    });
  });
  return roundState(ctx);
}

/** `<folder>/<file>`, or `<top>/<folder>/<file>` as a browser gives a picked folder's files. */
function dossierPath(path: string, dropTop: boolean): [string, string] {
  const parts = path.split(/[\\/]/u).filter(Boolean);
  const rest = dropTop ? parts.slice(1) : parts;
  const [folder, file] = rest;
  if (rest.length !== 2 || !folder || !file || !FileName.safeParse(folder).success || !FileName.safeParse(file).success)
    throw new ReviewDeskError('E_INVALID_INPUT', { reason: `dossier file ${path}: expected <application folder>/<file>` });
  return [folder, file];
}

export async function importApplicationsInto(
  ctx: Context,
  input: {
    list: { fileName: string; bytes: Uint8Array | StagedFile };
    dossiers: readonly { path: string; bytes: Uint8Array | StagedFile }[];
  },
): Promise<{ report: ImportReport; state: RoundState }> {
  const dir = requireRound(ctx);
  const report = await ctx.session.exclusive(async () => {
    const depth = new Set(input.dossiers.map((d) => d.path.split(/[\\/]/u).filter(Boolean).length));
    const dropTop = depth.size === 1 && depth.has(3);
    const temp = join(ctx.dataDir, 'incoming', `dossiers-${randomBytes(6).toString('hex')}`);
    try {
      if (input.dossiers.length) {
        for (const d of input.dossiers) {
          const [folder, file] = dossierPath(d.path, dropTop);
          await mkdir(join(temp, folder), { recursive: true, mode: 0o700 });
          if (d.bytes instanceof StagedFile) await rename(d.bytes.path, join(temp, folder, file));
          else await writeFile(join(temp, folder, file), d.bytes, { mode: 0o600 });
        }
      }
      if (input.list.bytes instanceof StagedFile && input.list.bytes.size > MAX_LIST_BYTES)
        throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: input.list.bytes.size, limit: MAX_LIST_BYTES });
      const list = input.list.bytes instanceof StagedFile ? await readFile(input.list.bytes.path) : input.list.bytes;
      return await importApplications(dir, { fileName: input.list.fileName, bytes: list }, input.dossiers.length ? temp : null);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });
  return { report, state: await roundState(ctx) };
}

export async function importExpertsInto(
  ctx: Context,
  input: {
    roster: { fileName: string; bytes: Uint8Array };
    cards: readonly { fileName: string; bytes: Uint8Array }[];
    acceptChangedCards: readonly string[];
  },
): Promise<{ report: ImportReport; state: RoundState }> {
  const dir = requireRound(ctx);
  const r = await ctx.session.exclusive(() => importExperts(dir, input.roster, [...input.cards], input.acceptChangedCards));
  const report: ImportReport = {
    read: r.read,
    added: r.added,
    updated: r.updated,
    problems: r.problems,
    warnings: r.warnings,
    applied: r.applied,
  };
  return { report, state: await roundState(ctx) };
}

export async function decide(
  ctx: Context,
  d: { expertId: string; applicationId: string; decision: 'confirmed' | 'overridden'; reason: string },
): Promise<RoundState> {
  const dir = requireRound(ctx);
  await ctx.session.exclusive(() => decideConflict(dir, d));
  return roundState(ctx);
}

export async function drawIn(ctx: Context, o: { seed: string; force: boolean }): Promise<RoundState> {
  const dir = requireRound(ctx);
  const secretariat = requireSecretariat(ctx);
  await ctx.session.exclusive(() => drawRound(dir, { seed: o.seed, force: o.force, secretariat }));
  return roundState(ctx);
}

export async function adjust(
  ctx: Context,
  a: { action: 'add' | 'remove'; expertId: string; applicationId: string; reason: string },
): Promise<RoundState> {
  const dir = requireRound(ctx);
  await ctx.session.exclusive(() => adjustAssignment(dir, a));
  return roundState(ctx);
}

/** Builds every package into a fresh folder, then swaps it in; the merge's ledger becomes the new one. */
export async function packIn(ctx: Context): Promise<RoundState> {
  const dir = requireRound(ctx);
  const secretariat = requireSecretariat(ctx);
  await ctx.session.exclusive(async () => {
    const round = await loadRound(dir);
    const fresh = join(ctx.dataDir, `${PACKAGES_DIR}.${randomBytes(4).toString('hex')}.partial`);
    try {
      ctx.host.emit('progress', { operation: 'pack', done: 0, total: Object.keys(round.round.assignments).length });
      const results = await packRound(round, secretariat, fresh, (done, total) =>
        ctx.host.emit('progress', { operation: 'pack', done, total }),
      );
      const after = await loadRoundHead(dir);
      await writeFile(join(fresh, SHEET_FILE), await issueSheetPdf(issueSheetInput(after, secretariat.card, results)));
      const old = packagesDir(ctx);
      const trash = `${old}.${randomBytes(4).toString('hex')}.old`;
      if (existsSync(old)) await rename(old, trash);
      await rename(fresh, old);
      await rm(trash, { recursive: true, force: true });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
  // The merge checks returned score files against this ledger from now on.
  const ledgerPath = join(packagesDir(ctx), LEDGER_FILE);
  await setLedger(ctx, {
    ledger: { fileName: LEDGER_FILE, bytes: await readFile(ledgerPath) },
    signature: { fileName: `${LEDGER_FILE}.sig`, bytes: await readFile(`${ledgerPath}.sig`) },
  });
  return roundState(ctx);
}

export async function packageFile(ctx: Context, expertId: string): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  requireRound(ctx);
  const id = Id.parse(expertId);
  const path = join(packagesDir(ctx), `${id}.rpkg`);
  if (!existsSync(path)) throw new ReviewDeskError('E_NOT_FOUND', { what: '评审包 / package', id });
  return { fileName: `${id}.rpkg`, bytes: new Uint8Array(await readFile(path)) };
}

export async function issueSheet(ctx: Context): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  requireRound(ctx);
  const path = join(packagesDir(ctx), SHEET_FILE);
  if (!existsSync(path)) throw new ReviewDeskError('E_NOT_FOUND', { what: '发放单 / issue sheet', id: SHEET_FILE });
  return { fileName: SHEET_FILE, bytes: new Uint8Array(await readFile(path)) };
}
