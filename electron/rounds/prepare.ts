/**
 * Preparing a round in its folder, shared by `reviewdesk round …` and the secretariat's app: creating it,
 * screening conflicts, recording the secretariat's decisions, the draw and its record (`draw.json`, signed with
 * SSHSIG namespace `reviewdesk-draw` as `draw.json.sig`), replaying it, and adjusting the drawn assignment.
 * Every write replaces round.json atomically after checking the whole new file, so a refusal changes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { ROUND_SCHEMA_VERSION, RoundFile } from '../../shared/formats.ts';
import { pick } from '../../shared/i18n-text.ts';
import {
  DEFAULT_PANEL,
  DRAW_ALGORITHM,
  DRAW_FILE,
  DrawRecord,
  NS_DRAW,
  PanelSettings,
  type Adjustment,
  type ConflictDecision,
} from '../../shared/round/model.ts';
import type { Stage } from '../../shared/rubric/model.ts';
import { templateById } from '../../shared/rubric/templates/index.ts';
import { blockedPairs, byCodePoint, pairKey, screenConflicts, type ScreenResult } from '../../shared/round/screen.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshsigSign, sshsigVerifyDetailed } from '../crypto/ssh.ts';
import { canonicalJson, parseStrict } from '../formats/json.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import type { Identity } from '../keys/identity.ts';
import { draw, type DrawInput } from './draw.ts';
import { checkRound, loadRoundHead, type RoundHead } from './round.ts';

const bad = (reason: string): ReviewDeskError => new ReviewDeskError('E_ROUND', { reason });

/**
 * Writes round.json after checking it whole (and that it still loads with its cards and rubrics); a refusal
 * leaves the file as it was. With `known`, the head this round was made from, cards and rubrics it names
 * unchanged are not read again.
 */
export async function writeRound(dir: string, round: RoundFile, known?: RoundHead): Promise<RoundHead> {
  const checked = RoundFile.parse(round);
  const same =
    known !== undefined &&
    canonicalJson(known.round.rubrics) === canonicalJson(checked.rubrics) &&
    canonicalJson(known.round.experts.map((e) => [e.id, e.card])) === canonicalJson(checked.experts.map((e) => [e.id, e.card]));
  if (same) checkRound(checked, known.rubrics, known.cards);
  const path = join(dir, 'round.json');
  const before = existsSync(path) ? await readFile(path) : null;
  await writeFileAtomic(path, [Buffer.from(JSON.stringify(checked, null, 2) + '\n')]);
  if (same) return { ...known, round: checked };
  try {
    return await loadRoundHead(dir);
  } catch (e) {
    // Put the previous file back: a refusal changes nothing.
    if (before) await writeFileAtomic(path, [before]);
    else await rm(path, { force: true });
    throw e;
  }
}

export interface InitOptions {
  id: string;
  title: { 'zh-CN': string; en?: string };
  stage: Stage;
  deadline: string;
  /** Template id per category; default: the built-in templates of the stage. */
  rubrics?: Partial<Record<'enterprise' | 'non-enterprise', string>>;
  panel?: Partial<PanelSettings>;
}

/** The built-in templates for each stage and category. */
export const STAGE_TEMPLATES: Record<Stage, Record<'enterprise' | 'non-enterprise', string>> = {
  selection: { enterprise: 'mic-selection-enterprise', 'non-enterprise': 'mic-selection-nonenterprise' },
  annual: { enterprise: 'mic-annual-enterprise', 'non-enterprise': 'mic-annual-nonenterprise' },
  periodic: { enterprise: 'mic-periodic-enterprise', 'non-enterprise': 'mic-periodic-nonenterprise' },
};

/** Creates a round folder: round.json with no experts or applications yet, and the rubrics it names. */
export async function initRound(dir: string, o: InitOptions): Promise<RoundHead> {
  if (existsSync(join(dir, 'round.json'))) throw new ReviewDeskError('E_USAGE', { reason: `${dir} already holds a round.json` });
  const wanted = { ...STAGE_TEMPLATES[o.stage], ...o.rubrics };
  const rubrics: { id: string; path: string }[] = [];
  await mkdir(join(dir, 'rubrics'), { recursive: true });
  for (const id of new Set(Object.values(wanted))) {
    const r = templateById(id);
    if (!r) throw new ReviewDeskError('E_USAGE', { reason: `no rubric template ${id} (reviewdesk rubric templates lists them)` });
    await writeFileAtomic(join(dir, 'rubrics', `${id}.json`), [Buffer.from(JSON.stringify(r, null, 2) + '\n')]);
    rubrics.push({ id, path: `rubrics/${id}.json` });
  }
  await mkdir(join(dir, 'cards'), { recursive: true });
  await mkdir(join(dir, 'dossiers'), { recursive: true });
  const title = o.title.en ? { 'zh-CN': o.title['zh-CN'], en: o.title.en } : { 'zh-CN': o.title['zh-CN'], zhOnly: true as const };
  return writeRound(dir, {
    schemaVersion: ROUND_SCHEMA_VERSION,
    kind: 'reviewdesk-round',
    round: { id: o.id, title },
    deadline: o.deadline,
    stage: o.stage,
    panel: PanelSettings.parse(o.panel ?? {}),
    rubrics,
    experts: [],
    applications: [],
    assignments: {},
  });
}

/** Screens the round's pairs (shared/round/screen.ts) with its cards. */
export function screenRound(head: RoundHead): ScreenResult {
  return screenConflicts(head.round, head.cards);
}

/** Records the secretariat's decision on a flagged pair (or a conflict it found itself), with its reason. */
export async function decideConflict(dir: string, d: Omit<ConflictDecision, 'at'>, now = new Date()): Promise<RoundHead> {
  const head = await loadRoundHead(dir);
  if (!head.cards.has(d.expertId)) throw bad(`no expert ${d.expertId} in the pool`);
  if (!head.round.applications.some((a) => a.id === d.applicationId)) throw bad(`no application ${d.applicationId}`);
  if (
    d.decision === 'confirmed' &&
    (head.round.assignments[d.expertId] ?? []).includes(d.applicationId) &&
    head.round.issued?.[d.expertId]
  ) {
    // Already packed: the secretariat must take the application out of the assignment (and reissue) itself.
    throw new ReviewDeskError('E_CONFLICT_ASSIGNED', { expert: d.expertId, application: d.applicationId });
  }
  const decisions = [...(head.round.conflictDecisions ?? []), { ...d, at: now.toISOString() }];
  let assignments = head.round.assignments;
  if (d.decision === 'confirmed' && (assignments[d.expertId] ?? []).includes(d.applicationId)) {
    assignments = withoutPair(assignments, d.expertId, d.applicationId);
  }
  return writeRound(dir, { ...head.round, conflictDecisions: decisions, assignments }, head);
}

function withoutPair(a: Record<string, string[]>, expertId: string, applicationId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [e, apps] of Object.entries(a)) {
    const left = e === expertId ? apps.filter((x) => x !== applicationId) : apps;
    if (left.length) out[e] = left;
  }
  return out;
}

/** What the draw reads of a round, and the SHA-256 of each part's RFC 8785 JSON (the record's `inputs`). */
export function drawInputs(head: RoundHead, seed: string): { input: DrawInput; hashes: DrawRecord['inputs']; screen: ScreenResult } {
  const panel = head.round.panel ?? DEFAULT_PANEL;
  const screen = screenRound(head);
  const pool = head.round.experts
    .filter((e) => e.available !== false)
    .map((e) => {
      const card = head.cards.get(e.id);
      return {
        id: e.id,
        fingerprint: card?.fingerprint ?? '',
        fields: [...new Set([...(e.fields ?? []), ...(card?.fields ?? [])])].sort(byCodePoint),
        expertise: [...new Set(e.expertise ?? [])].sort(byCodePoint),
      };
    })
    .sort((a, b) => byCodePoint(a.id, b.id));
  const applications = head.round.applications
    .map((a) => ({
      id: a.id,
      field: a.field ? [...new Set(Object.values(a.field).filter((v): v is string => typeof v === 'string'))] : [],
    }))
    .sort((a, b) => byCodePoint(a.id, b.id));
  const blocked = blockedPairs(screen);
  const poolIds = new Set(pool.map((e) => e.id));
  const conflicts = [...blocked]
    .map((k) => k.split('\u0000') as [string, string])
    .filter(([e]) => poolIds.has(e))
    .sort((x, y) => byCodePoint(x[0], y[0]) || byCodePoint(x[1], y[1]));
  const hash = (v: unknown): string => sha256Hex(Buffer.from(canonicalJson(v)));
  return {
    input: {
      seed,
      experts: pool.map(({ id, fields, expertise }) => ({ id, fields, expertise })),
      applications,
      blocked,
      perApplication: panel.perApplication,
      reserves: panel.reserves,
      mix: panel.mix,
    },
    hashes: { pool: hash(pool), applications: hash(applications), conflicts: hash(conflicts) },
    screen,
  };
}

export interface DrawOptions {
  seed: string;
  perApplication?: number;
  reserves?: number;
  /** Draw with another seed although packages have been issued. */
  force?: boolean;
  /** Signs draw.json now; without it, `pack` signs it. */
  secretariat?: Identity;
  now?: Date;
}

export interface DrawResult {
  record: DrawRecord;
  screen: ScreenResult;
  signed: boolean;
  /** True when a record with this seed and the same inputs existed and the draw gave the same result. */
  unchanged: boolean;
  /** The round as written. */
  head: RoundHead;
}

/** Reads draw.json, if the round has one. */
export async function readDrawRecord(dir: string): Promise<DrawRecord | null> {
  const path = join(dir, DRAW_FILE);
  if (!existsSync(path)) return null;
  return parseStrict(await readFile(path), DrawRecord, DRAW_FILE, { maxBytes: 64 << 20, schemaVersion: 1 });
}

/** Screens, draws and writes the assignment, the reserves and the draw record. */
export async function drawRound(dir: string, o: DrawOptions): Promise<DrawResult> {
  const head0 = await loadRoundHead(dir);
  if (head0.round.applications.length === 0 || head0.round.experts.length === 0) throw bad('a draw needs applications and experts');
  const panel = PanelSettings.parse({
    ...(head0.round.panel ?? DEFAULT_PANEL),
    ...(o.perApplication !== undefined ? { perApplication: o.perApplication } : {}),
    ...(o.reserves !== undefined ? { reserves: o.reserves } : {}),
  });
  const head: RoundHead = { ...head0, round: { ...head0.round, panel } };
  const previous = await readDrawRecord(dir);
  const issued = Object.keys(head.round.issued ?? {}).length > 0;
  if (issued && previous?.seed !== o.seed && !o.force) {
    throw new ReviewDeskError('E_DRAW_ISSUED', { seed: previous?.seed ?? '—' });
  }
  const { input, hashes, screen } = drawInputs(head, o.seed);
  const out = draw(input);
  const now = o.now ?? new Date();
  const sameInputs =
    previous !== null &&
    previous.seed === o.seed &&
    previous.perApplication === panel.perApplication &&
    previous.reserves === panel.reserves &&
    canonicalJson(previous.mix) === canonicalJson(panel.mix) &&
    canonicalJson(previous.inputs) === canonicalJson(hashes);
  const unchanged =
    sameInputs &&
    canonicalJson(previous.assignments) === canonicalJson(out.assignments) &&
    canonicalJson(previous.reservesByApplication) === canonicalJson(out.reservesByApplication);
  const record: DrawRecord =
    unchanged && previous
      ? previous
      : {
          schemaVersion: 1,
          kind: 'reviewdesk-draw',
          algorithm: DRAW_ALGORITHM,
          round: head.round.round.id,
          seed: o.seed,
          drawnAt: now.toISOString(),
          perApplication: panel.perApplication,
          reserves: panel.reserves,
          mix: panel.mix,
          inputs: hashes,
          ...out,
        };
  // The same draw keeps the adjustments made after it; another draw starts from its own result.
  const adjustments = unchanged ? (head.round.adjustments ?? []) : [];
  const assignments = applyAdjustments(record.assignments, adjustments);
  const bytes = Buffer.from(JSON.stringify(DrawRecord.parse(record), null, 2) + '\n');
  if (!unchanged || !existsSync(join(dir, DRAW_FILE))) {
    await rm(join(dir, `${DRAW_FILE}.sig`), { force: true });
    await writeFileAtomic(join(dir, DRAW_FILE), [bytes]);
  }
  const after = await writeRound(dir, { ...head.round, assignments, reserves: record.reservesByApplication, adjustments }, head);
  let signed = existsSync(join(dir, `${DRAW_FILE}.sig`));
  if (o.secretariat) {
    await signDrawRecord(dir, o.secretariat);
    signed = true;
  }
  return { record, screen, signed, unchanged, head: after };
}

/** The drawn assignment with the recorded adjustments applied, in order. */
export function applyAdjustments(drawn: Record<string, string[]>, adjustments: readonly Adjustment[]): Record<string, string[]> {
  const sets = new Map(Object.entries(drawn).map(([e, apps]) => [e, new Set(apps)]));
  for (const a of adjustments) {
    const s = sets.get(a.expertId) ?? new Set<string>();
    if (a.action === 'add') s.add(a.applicationId);
    else s.delete(a.applicationId);
    sets.set(a.expertId, s);
  }
  const out: Record<string, string[]> = {};
  for (const e of [...sets.keys()].sort(byCodePoint)) {
    const apps = [...(sets.get(e) ?? [])].sort(byCodePoint);
    if (apps.length) out[e] = apps;
  }
  return out;
}

/** Signs draw.json as the secretariat (SSHSIG, namespace reviewdesk-draw), unless already signed by it. */
export async function signDrawRecord(dir: string, secretariat: Identity): Promise<boolean> {
  const path = join(dir, DRAW_FILE);
  if (!existsSync(path)) return false;
  const bytes = await readFile(path);
  const sigPath = `${path}.sig`;
  if (existsSync(sigPath)) {
    try {
      const { publicKey } = sshsigVerifyDetailed(await readFile(sigPath), NS_DRAW, bytes, `${DRAW_FILE}.sig`);
      if (Buffer.from(publicKey).equals(Buffer.from(secretariat.signing.publicKey))) return true;
    } catch {
      // A stale or damaged signature is replaced below.
    }
  }
  await writeFileAtomic(sigPath, [Buffer.from(sshsigSign(secretariat.signing, NS_DRAW, bytes))]);
  return true;
}

export interface ReplayResult {
  matches: boolean;
  seed: string;
  /** What differs: inputs (pool, applications, conflicts) or the result. */
  differences: string[];
  /** The signer's SSH public key line, if draw.json is signed and the signature verifies. */
  signedBy: string | null;
}

/** Re-runs the recorded draw from round.json and the recorded seed and compares. */
export async function replayDraw(dir: string): Promise<ReplayResult> {
  const record = await readDrawRecord(dir);
  if (!record) throw new ReviewDeskError('E_DRAW_NONE', { dir });
  const head0 = await loadRoundHead(dir);
  const panel = PanelSettings.parse({
    ...(head0.round.panel ?? DEFAULT_PANEL),
    perApplication: record.perApplication,
    reserves: record.reserves,
    mix: record.mix,
  });
  const { input, hashes } = drawInputs({ ...head0, round: { ...head0.round, panel } }, record.seed);
  const differences: string[] = [];
  for (const k of ['pool', 'applications', 'conflicts'] as const) if (hashes[k] !== record.inputs[k]) differences.push(`inputs.${k}`);
  try {
    const out = draw(input);
    if (canonicalJson(out.assignments) !== canonicalJson(record.assignments)) differences.push('assignments');
    if (canonicalJson(out.reservesByApplication) !== canonicalJson(record.reservesByApplication)) differences.push('reserves');
  } catch (e) {
    // The round as it stands cannot be drawn at all (too few experts now): that is a difference, not a failure.
    if (!(e instanceof ReviewDeskError)) throw e;
    differences.push(`draw refused: ${e.code}`);
  }
  let signedBy: string | null = null;
  const sigPath = join(dir, `${DRAW_FILE}.sig`);
  if (existsSync(sigPath)) {
    const { publicKey } = sshsigVerifyDetailed(await readFile(sigPath), NS_DRAW, await readFile(join(dir, DRAW_FILE)), `${DRAW_FILE}.sig`);
    signedBy = formatSshPublicKey(publicKey);
  }
  return { matches: differences.length === 0, seed: record.seed, differences, signedBy };
}

/** Adds or removes one pair of the drawn assignment, with its reason; a blocked pair is never added. */
export async function adjustAssignment(dir: string, a: Omit<Adjustment, 'at'>, now = new Date()): Promise<RoundHead> {
  const head = await loadRoundHead(dir);
  if (!head.cards.has(a.expertId)) throw bad(`no expert ${a.expertId} in the pool`);
  if (!head.round.applications.some((x) => x.id === a.applicationId)) throw bad(`no application ${a.applicationId}`);
  const has = (head.round.assignments[a.expertId] ?? []).includes(a.applicationId);
  if (a.action === 'add') {
    if (has) throw bad(`${a.expertId} already reviews ${a.applicationId}`);
    if (blockedPairs(screenRound(head)).has(pairKey(a.expertId, a.applicationId)))
      throw new ReviewDeskError('E_ASSIGNMENT_CONFLICT', { expert: a.expertId, application: a.applicationId });
  } else if (!has) throw bad(`${a.expertId} does not review ${a.applicationId}`);
  const adjustments = [...(head.round.adjustments ?? []), { ...a, at: now.toISOString() }];
  const assignments = applyAdjustments(head.round.assignments, [{ ...a, at: now.toISOString() }]);
  return writeRound(dir, { ...head.round, assignments, adjustments }, head);
}

/**
 * Before packing: the assignment must avoid every blocked pair, and where a draw record exists, equal its result
 * with the recorded adjustments applied (so a hand edit of round.json after the draw does not pass unrecorded).
 */
export async function checkAssignment(head: RoundHead): Promise<void> {
  const blocked = blockedPairs(screenRound(head));
  for (const [e, apps] of Object.entries(head.round.assignments))
    for (const a of apps) if (blocked.has(pairKey(e, a))) throw new ReviewDeskError('E_ASSIGNMENT_CONFLICT', { expert: e, application: a });
  const record = await readDrawRecord(head.dir);
  if (!record) return;
  const expected = applyAdjustments(record.assignments, head.round.adjustments ?? []);
  if (canonicalJson(expected) !== canonicalJson(applyAdjustments(head.round.assignments, [])))
    throw new ReviewDeskError('E_DRAW_MISMATCH', {});
}

/** A label for an application in messages: its id and name. */
export function applicationLabel(head: RoundHead, id: string): string {
  const a = head.round.applications.find((x) => x.id === id);
  return a ? `${id} ${pick(a.name, 'zh-CN')}` : id;
}
