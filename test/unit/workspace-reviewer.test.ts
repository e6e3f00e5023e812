/**
 * The whole reviewer path through the real handler table: first run, import,
 * refusals that change nothing, a signer change, the pledge, conflicts and a
 * recusal, audited edits and a restore, validation, export checked by the
 * secretariat's code and by stock age and ssh-keygen, then a restart.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/card.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import type { Bundle, Manifest } from '../../shared/formats.ts';
import { runningTotal } from '../../shared/review/total.ts';
import { scaleRange, type Rubric } from '../../shared/rubric/model.ts';
import { openBundleBytes, verifyBundleFiles } from '../../electron/bundles/verify.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { dispatch } from '../../electron/handlers/registry.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { demoRound, otherSecretariat, packageFor, realKeychain, testHost, type RoundFixture, type TestHost } from '../helpers/workspace.ts';

const root = tempDir('rd-reviewer-');
const dataDir = join(root, 'workspace');
const PASS = 'correct horse battery';
const OPTIONS = { scryptLogN: 10 };

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return { code: e.code, params: e.params };
}

/** Every byte in the workspace folder, to prove a refusal wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listTree(dir)
      .filter((f) => !f.startsWith('workspace.sqlite'))
      .map((f) => [f, existsSync(join(dir, f)) && !readdirSafe(join(dir, f)) ? sha256Hex(readFileSync(join(dir, f))) : 'dir']),
  );
}
function readdirSafe(p: string): boolean {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}

let fx: RoundFixture;
let host: TestHost;
let ws: Workspace;
let card: Card;
let pkgBytes: Uint8Array<ArrayBuffer>;
let packageId: string;

/** The score file `bundle:export` handed back whole (every score file without photos is). */
function inlineBytes(r: { bytes?: Uint8Array }): Uint8Array {
  if (!r.bytes) throw new Error('bundle:export did not hand back the bytes');
  return r.bytes;
}

describe('reviewer workspace', () => {
  beforeAll(async () => {
    fx = await demoRound(join(root, 'demo'));
    host = testHost({ print: true });
    ws = await openWorkspace(dataDir, host, OPTIONS);
  }, 120_000);

  it('first run: creates a passphrase-protected identity where the keychain is not real protection', async () => {
    expect((await ws.invoke('app:state', {})).identity).toEqual({ status: 'none' });
    expect(
      (await refusal(ws.invoke('identity:create', { displayName: '测试专家', organisation: '某大学', fields: [], passphrase: null }))).code,
    ).toBe('E_PASSPHRASE_REQUIRED');
    const state = await ws.invoke('identity:create', {
      displayName: '测试专家',
      organisation: '某大学',
      fields: ['集成电路'],
      passphrase: PASS,
    });
    expect(state.identity).toMatchObject({ status: 'unlocked', protection: 'passphrase' });
    card = (state.identity as { card: Card }).card;
    expect(card).toMatchObject({ role: 'expert', displayName: '测试专家', fields: ['集成电路'] });
    expect(card.demo).toBeUndefined();
    const exported = await ws.invoke('identity:card', {});
    expect(JSON.parse(exported.json)).toEqual(card);
    expect(exported.fileName).toBe(`测试专家-${card.fingerprint}.card.json`);
    expect((await refusal(ws.invoke('identity:create', { displayName: 'x', organisation: '', fields: [], passphrase: PASS }))).code).toBe(
      'E_IDENTITY_EXISTS',
    );
    // The stored secret keys are the stock age scrypt format: `age -d` with the passphrase would open them.
    const sealed = ws.ctx.db.prepare('SELECT sealed FROM identity').pluck().get() as Buffer;
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(sealed.includes(Buffer.from('AGE-SECRET-KEY'))).toBe(false);
  });

  it('refuses packages that are not for this identity or damaged, changing nothing', async () => {
    const before = snapshot(dataDir);
    const foreign = readFileSync(join(fx.dir, 'packages', 'E02.rpkg'));
    expect((await refusal(ws.invoke('package:import', { fileName: 'E02.rpkg', bytes: foreign }))).code).toBe('E_WRONG_KEY');
    const good = await packageFor(fx, card, join(root, 'mine.rpkg'));
    pkgBytes = new Uint8Array(readFileSync(good.path));
    const damaged = Buffer.from(pkgBytes);
    damaged[damaged.length - 100]! ^= 1;
    expect((await refusal(ws.invoke('package:import', { fileName: 'damaged.rpkg', bytes: damaged }))).code).toBe('E_AGE_PAYLOAD');
    const truncated = new Uint8Array(pkgBytes.subarray(0, pkgBytes.length - 70_000));
    expect((await refusal(ws.invoke('package:import', { fileName: 'cut.rpkg', bytes: truncated }))).code).toMatch(
      /E_AGE_(TRUNCATED|PAYLOAD)/,
    );
    expect(snapshot(dataDir)).toEqual(before);
    expect(ws.ctx.db.prepare('SELECT count(*) FROM packages').pluck().get()).toBe(0);
    expect(ws.ctx.db.prepare('SELECT count(*) FROM secretariat_pins').pluck().get()).toBe(0);
  });

  it('imports a package once its signer is accepted, keeping the original encrypted bytes and pinning the key; re-import is idempotent', async () => {
    host.events.length = 0;
    const held = await ws.invoke('package:import', { fileName: 'E01.rpkg', bytes: pkgBytes });
    if (held.status !== 'needsTrust') throw new Error('the first package of a secretariat was not held');
    expect(ws.ctx.db.prepare('SELECT count(*) FROM packages').pluck().get()).toBe(0);
    const summary = await ws.invoke('trust:accept', { pendingId: held.pending.pendingId });
    packageId = summary.packageId;
    expect(summary).toMatchObject({
      fileName: 'E01.rpkg',
      round: { id: 'SH-MIC-2026' },
      signer: { fingerprint: fx.secretariat.card.fingerprint },
      expert: { id: 'E01', displayName: '测试专家' },
      pledgeAcceptedAt: null,
      applications: 2,
      completeApplications: 0,
      lastExport: null,
      changedSinceExport: true,
    });
    const stored = readFileSync(join(dataDir, 'packages', `${packageId}.rpkg`));
    expect(stored.equals(pkgBytes)).toBe(true);
    expect(listTree(join(dataDir, 'packages'))).toEqual([`${packageId}.rpkg`]);
    const progress = host.events.filter((e) => e.event === 'progress').map((e) => e.payload as { done: number; total: number });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({ operation: 'import', done: pkgBytes.length, total: pkgBytes.length });

    const again = await ws.invoke('package:import', { fileName: 'copy of E01.rpkg', bytes: pkgBytes });
    if (again.status !== 'imported') throw new Error('a known package was held');
    expect(again.package.packageId).toBe(packageId);
    expect(again.package.fileName).toBe('E01.rpkg');
    expect(ws.ctx.db.prepare('SELECT count(*) FROM packages').pluck().get()).toBe(1);
  });

  it('refuses a package whose card claims the pinned organisation under another key, naming both keys, changing nothing', async () => {
    const impostor = await otherSecretariat(fx.secretariat.card.organisation);
    const other = await packageFor(fx, card, join(root, 'other.rpkg'), impostor);
    const bytes = readFileSync(other.path);
    const before = snapshot(dataDir);
    const r = await refusal(ws.invoke('package:import', { fileName: 'other.rpkg', bytes }));
    expect(r).toEqual({
      code: 'E_SECRETARIAT_KEY_CONFLICT',
      params: {
        organisation: fx.secretariat.card.organisation,
        pinned: fx.secretariat.card.fingerprint,
        actual: impostor.card.fingerprint,
      },
    });
    expect(snapshot(dataDir)).toEqual(before);
    expect(ws.ctx.db.prepare('SELECT count(*) FROM packages').pluck().get()).toBe(1);
    expect(ws.ctx.db.prepare('SELECT fingerprint FROM secretariat_pins').pluck().all()).toEqual([fx.secretariat.card.fingerprint]);
  });

  it('withholds dossiers and review data until the confidentiality pledge', async () => {
    const ref = { packageId, applicationId: 'A001' };
    const pre = await ws.invoke('package:get', { packageId });
    expect(pre.summary.pledgeAcceptedAt).toBeNull();
    expect(pre.applications.every((a) => a.files.length === 0)).toBe(true);
    expect(pre.manifest.files.map((f) => f.path)).toEqual([
      'rubrics/mic-selection-enterprise.json',
      'rubrics/mic-selection-nonenterprise.json',
    ]);
    for (const p of [
      ws.invoke('review:get', ref),
      ws.invoke('review:edit', { ...ref, edit: { field: 'opinion', value: 'x' } }),
      ws.invoke('review:declareConflict', { ...ref, status: 'none', reason: '' }),
      ws.invoke('dossier:read', { ...ref, path: pre.manifest.applications[0]!.files[0] ?? 'dossiers/A001/x.pdf' }),
      ws.invoke('review:history', { packageId }),
      ws.invoke('bundle:export', { packageId }),
    ]) {
      expect((await refusal(p)).code).toBe('E_PLEDGE_REQUIRED');
    }
    const detail = await ws.invoke('package:acceptPledge', { packageId });
    expect(detail.summary.pledgeAcceptedAt).not.toBeNull();
    expect(detail.applications[0]!.files.map((f) => f.path)).toEqual(['dossiers/A001/佐证材料.pdf', 'dossiers/A001/建设和运行方案.pdf']);
  });

  it('asks for a conflict declaration per application; a recusal needs a reason and locks the application', async () => {
    const a1 = { packageId, applicationId: 'A001' };
    const a2 = { packageId, applicationId: 'A002' };
    const path = 'dossiers/A001/建设和运行方案.pdf';
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'opinion', value: 'x' } }))).code).toBe('E_CONFLICT_UNDECLARED');
    expect((await refusal(ws.invoke('dossier:read', { ...a1, path }))).code).toBe('E_CONFLICT_UNDECLARED');
    expect((await ws.invoke('review:get', a1)).conflict).toBeNull();

    const none = await ws.invoke('review:declareConflict', { ...a1, status: 'none', reason: '' });
    expect(none.application.conflict).toMatchObject({ status: 'none' });
    expect(none.auditId).toEqual(expect.any(Number));
    const file = await ws.invoke('dossier:read', { ...a1, path });
    expect(file.mediaType).toBe('application/pdf');
    expect(Buffer.from(file.bytes).equals(readFileSync(join(fx.dir, 'round', path)))).toBe(true);
    expect(file.bytes.buffer.byteLength).toBe(file.bytes.length);
    expect((await refusal(ws.invoke('dossier:read', { ...a1, path: 'dossiers/A002/佐证材料.pdf' }))).code).toBe('E_UNKNOWN_FILE');

    expect((await refusal(ws.invoke('review:declareConflict', { ...a2, status: 'recused', reason: '   ' }))).code).toBe('E_RECUSAL_REASON');
    const recused = await ws.invoke('review:declareConflict', { ...a2, status: 'recused', reason: '同一单位 / same organisation' });
    expect(recused.application).toMatchObject({ conflict: { status: 'recused', reason: '同一单位 / same organisation' }, complete: false });
    expect((await refusal(ws.invoke('review:edit', { ...a2, edit: { field: 'opinion', value: 'x' } }))).code).toBe('E_RECUSED');
    expect((await refusal(ws.invoke('review:declareConflict', { ...a2, status: 'none', reason: '' }))).code).toBe('E_RECUSED');
    expect((await refusal(ws.invoke('dossier:read', { ...a2, path: 'dossiers/A002/佐证材料.pdf' }))).code).toBe('E_RECUSED');
  });

  it('saves audited edits, refuses invalid ones, lists history newest first and restores old values', async () => {
    const a1 = { packageId, applicationId: 'A001' };
    const detail = await ws.invoke('package:get', { packageId });
    const rubric = detail.rubrics.find((r) => r.id === detail.applications.find((a) => a.id === 'A001')!.rubricId)!;
    const first = rubric.dimensions[0]!.criteria[0]!;
    const gate = rubric.gates[0]!;
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: 1000 } }))).code).toBe(
      'E_INVALID_SCORE',
    );
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: gate.id, value: 0.5 } }))).code).toBe(
      'E_INVALID_SCORE',
    );
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: 'NOPE', value: 1 } }))).code).toBe(
      'E_UNKNOWN_CRITERION',
    );
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'recommendation', value: 'nope' } }))).code).toBe(
      'E_INVALID_ENTRY',
    );
    // An additional outcome (支持争创国家级) goes beside the main one, never in its place.
    expect(rubric.recommendations.find((r) => r.id === 'national-bid')).toMatchObject({ additional: true });
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: { field: 'recommendation', value: 'national-bid' } }))).code).toBe(
      'E_INVALID_ENTRY',
    );
    expect(
      (
        await refusal(
          ws.invoke('review:edit', {
            ...a1,
            edit: { field: 'evidence', criterionId: first.id, value: [{ file: 'dossiers/A002/佐证材料.pdf' }] },
          }),
        )
      ).code,
    ).toBe('E_INVALID_ENTRY');

    const { min, max } = scaleRange(first.scale);
    const s1 = await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: max } });
    expect(s1.application.progress.scored).toBe(1);
    expect(s1.application.total).toBeCloseTo(first.weight);
    // The screen's header applies the same shared function to the review it holds: the same total as the save's.
    expect(runningTotal(rubric, (await ws.invoke('review:get', a1)).criteria).total).toBe(s1.application.total);
    const s2 = await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: min } });
    await ws.invoke('review:edit', { ...a1, edit: { field: 'comment', criterionId: first.id, value: '第一条意见' } });
    await ws.invoke('review:edit', {
      ...a1,
      edit: { field: 'evidence', criterionId: first.id, value: [{ file: 'dossiers/A001/建设和运行方案.pdf', page: 3 }] },
    });
    // Writing the same value again is acknowledged without a new audit row.
    expect((await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: min } })).auditId).toBeNull();

    const history = await ws.invoke('review:history', { packageId, applicationId: 'A001' });
    expect(history.map((h) => h.field)).toEqual(['evidence', 'comment', 'score', 'score', 'conflict']);
    expect(history[2]).toMatchObject({ id: s2.auditId, criterionId: first.id, oldValue: String(max), newValue: String(min) });
    expect(history[3]).toMatchObject({ oldValue: null, newValue: String(max) });
    expect((await ws.invoke('review:history', { packageId, limit: 2 })).length).toBe(2);

    const restored = await ws.invoke('review:restore', { auditId: s2.auditId! });
    expect(restored.auditId).toBeGreaterThan(s2.auditId!);
    const state = await ws.invoke('review:get', a1);
    expect(state.criteria[first.id]).toMatchObject({
      score: max,
      comment: '第一条意见',
      evidence: [{ file: 'dossiers/A001/建设和运行方案.pdf', page: 3 }],
    });
    expect((await ws.invoke('review:history', { packageId, limit: 1 }))[0]).toMatchObject({
      field: 'score',
      oldValue: String(min),
      newValue: String(max),
    });
    const conflictEntry = history.at(-1)!;
    expect((await refusal(ws.invoke('review:restore', { auditId: conflictEntry.id }))).code).toBe('E_INVALID_ENTRY');
    // null clears a score.
    const cleared = await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: null } });
    expect(cleared.application.progress.scored).toBe(0);
    await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: first.id, value: max } });
  });

  it('records additional outcomes beside the main one: audited, restorable, only those the rubric offers for the category', async () => {
    const a1 = { packageId, applicationId: 'A001' };
    const detail = await ws.invoke('package:get', { packageId });
    const category = (id: string) => detail.applications.find((a) => a.id === id)!.category;
    expect([category('A001'), category('A002')]).toEqual(['enterprise', 'non-enterprise']);
    const extra = (value: string[]) => ({ field: 'additionalRecommendations' as const, value });
    expect((await ws.invoke('review:get', a1)).additionalRecommendations).toEqual([]);

    const chosen = await ws.invoke('review:edit', { ...a1, edit: extra(['national-bid']) });
    expect(chosen.auditId).not.toBeNull();
    expect(await ws.invoke('review:get', a1)).toMatchObject({ additionalRecommendations: ['national-bid'] });
    // The main outcome is its own field: choosing one leaves the additional ones as they are, and the other way round.
    expect((await ws.invoke('review:get', a1)).recommendation).toBeNull();
    expect((await ws.invoke('review:edit', { ...a1, edit: extra(['national-bid']) })).auditId).toBeNull();

    // Refused, changing nothing: an id the rubric does not offer beside the main outcome, a main outcome, a repeat.
    for (const value of [['nope'], ['select'], ['national-bid', 'nope']]) {
      const r = await refusal(ws.invoke('review:edit', { ...a1, edit: extra(value) }));
      expect(r.code, value.join()).toBe('E_INVALID_ENTRY');
    }
    const refused = await refusal(ws.invoke('review:edit', { ...a1, edit: extra(['nope']) }));
    expect(String(refused.params.reason)).toMatch(/不是评分细则 .*提供的附加推荐意见 \/ nope is not an additional outcome/);
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: extra(['national-bid', 'national-bid']) }))).code).toBe(
      'E_INVALID_INPUT',
    );
    // 支持争创国家级 is for the enterprise type only: A002 (non-enterprise) is refused it before anything else is looked at.
    const nonEnterprise = await refusal(ws.invoke('review:edit', { packageId, applicationId: 'A002', edit: extra(['national-bid']) }));
    expect(nonEnterprise.code).toBe('E_INVALID_ENTRY');
    expect(String(nonEnterprise.params.reason)).toMatch(/非企业法人型.*non-enterprise-type application/);
    expect((await ws.invoke('review:get', a1)).additionalRecommendations).toEqual(['national-bid']);

    const cleared = await ws.invoke('review:edit', { ...a1, edit: extra([]) });
    const history = await ws.invoke('review:history', { packageId, applicationId: 'A001', limit: 2 });
    expect(history).toMatchObject([
      { id: cleared.auditId, field: 'additionalRecommendations', criterionId: null, oldValue: '["national-bid"]', newValue: '[]' },
      { id: chosen.auditId, field: 'additionalRecommendations', criterionId: null, oldValue: '[]', newValue: '["national-bid"]' },
    ]);
    // Undo puts the old value back, as for the other fields.
    const restored = await ws.invoke('review:restore', { auditId: cleared.auditId! });
    expect((await ws.invoke('review:get', a1)).additionalRecommendations).toEqual(['national-bid']);
    await ws.invoke('review:restore', { auditId: restored.auditId! });
    expect((await ws.invoke('review:get', a1)).additionalRecommendations).toEqual([]);
  });

  it('keeps the newer of two edits of a field from one page whichever arrives first; other fields and other pages are not held back', async () => {
    const a1 = { packageId, applicationId: 'A001' };
    const rubric = (await ws.invoke('package:get', { packageId })).rubrics[0]!;
    const first = rubric.dimensions[0]!.criteria[0]!;
    const { min, max } = scaleRange(first.scale);
    const score = (value: number) => ({ field: 'score' as const, criterionId: first.id, value });
    const before = (await ws.invoke('review:get', a1)).criteria[first.id]!;
    // An unloading page sent seq 2 (min) beside seq 1 (max), and seq 2 arrived first.
    const newer = await ws.invoke('review:edit', { ...a1, edit: score(min), order: { writer: 'page-aaaa', seq: 2 } });
    expect(newer.auditId).not.toBeNull();
    const older = await ws.invoke('review:edit', { ...a1, edit: score(max), order: { writer: 'page-aaaa', seq: 1 } });
    expect(older.auditId).toBeNull();
    expect((await ws.invoke('review:get', a1)).criteria[first.id]!.score).toBe(min);
    // Another field of the same page, with a lower number, is its own order.
    const comment = await ws.invoke('review:edit', {
      ...a1,
      edit: { field: 'comment', criterionId: first.id, value: `${before.comment}。` },
      order: { writer: 'page-aaaa', seq: 1 },
    });
    expect(comment.auditId).not.toBeNull();
    // Another page (after a reload) starts its own numbering.
    const reloaded = await ws.invoke('review:edit', { ...a1, edit: score(max), order: { writer: 'page-bbbb', seq: 1 } });
    expect(reloaded.auditId).not.toBeNull();
    await ws.invoke('review:edit', { ...a1, edit: { field: 'comment', criterionId: first.id, value: before.comment } });
    expect((await ws.invoke('review:get', a1)).criteria[first.id]).toMatchObject({ score: max, comment: before.comment });
    expect((await refusal(ws.invoke('review:edit', { ...a1, edit: score(max), order: { writer: 'x', seq: 0 } }))).code).toBe(
      'E_INVALID_INPUT',
    );
  });

  it('validates, refuses an incomplete export unless allowed, and exports revisions that verify with the secretariat code and stock tools', async () => {
    const a1 = { packageId, applicationId: 'A001' };
    const v1 = await ws.invoke('bundle:validate', { packageId });
    expect(v1.complete).toBe(false);
    expect(new Set(v1.issues.map((i) => i.kind))).toEqual(
      new Set(['gateMissing', 'scoreMissing', 'opinionMissing', 'recommendationMissing']),
    );
    expect(v1.issues.every((i) => i.applicationId === 'A001')).toBe(true);
    const incomplete = await refusal(ws.invoke('bundle:export', { packageId }));
    expect(incomplete.code).toBe('E_INCOMPLETE');
    expect(incomplete.params.count).toBe(v1.issues.length);
    const r1 = await ws.invoke('bundle:export', { packageId, allowIncomplete: true });
    expect(r1).toMatchObject({ revision: 1, complete: false });
    // None chosen: the score file carries no additionalRecommendations at all, as before there were any.
    const draft = (await openBundleBytes(inlineBytes(r1), fx.secretariat)).bundle.applications;
    expect(draft.map((a) => 'additionalRecommendations' in a)).toEqual([false, false]);

    const rubric = (await ws.invoke('package:get', { packageId })).rubrics[0]!;
    const longComment = '论证充分，数据翔实，与申报材料第三章所列指标一致，具备较强的可行性。';
    for (const g of rubric.gates) await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: g.id, value: 1 } });
    for (const c of rubric.dimensions.flatMap((d) => d.criteria)) {
      await ws.invoke('review:edit', { ...a1, edit: { field: 'score', criterionId: c.id, value: scaleRange(c.scale).max } });
      await ws.invoke('review:edit', { ...a1, edit: { field: 'comment', criterionId: c.id, value: longComment } });
    }
    await ws.invoke('review:edit', { ...a1, edit: { field: 'opinion', value: '同意推荐。' } });
    await ws.invoke('review:edit', { ...a1, edit: { field: 'additionalRecommendations', value: ['national-bid'] } });
    const last = await ws.invoke('review:edit', { ...a1, edit: { field: 'recommendation', value: rubric.recommendations[0]!.id } });
    expect(last.application.complete).toBe(true);
    expect(last.application.total).toBeCloseTo(rubric.totalPoints);
    const shown = runningTotal(rubric, (await ws.invoke('review:get', a1)).criteria);
    expect(shown).toMatchObject({ total: last.application.total, complete: true, passes: true, failedGates: 0 });
    expect(shown.grade?.id).toBe('excellent');
    expect(await ws.invoke('bundle:validate', { packageId })).toEqual({ complete: true, issues: [] });

    host.events.length = 0;
    const r2 = await ws.invoke('bundle:export', { packageId });
    expect(r2).toMatchObject({ revision: 2, complete: true, size: inlineBytes(r2).length, sha256: sha256Hex(inlineBytes(r2)) });
    const lastProgress = host.events.filter((e) => e.event === 'progress').at(-1)?.payload as {
      operation: string;
      done: number;
      total: number;
    };
    expect(lastProgress).toMatchObject({ operation: 'export', done: lastProgress.total });
    const kept = join(dataDir, 'exports', r2.fileName);
    expect(readFileSync(kept).equals(Buffer.from(inlineBytes(r2)))).toBe(true);

    // The secretariat's own code accepts it, with the expert on the roster.
    const [verdict] = await verifyBundleFiles([kept], fx.secretariat, new Map([[card.fingerprint, card]]));
    expect(verdict).toMatchObject({ ok: true, revision: 2, packageId, applications: 2 });
    const { bundle } = await openBundleBytes(inlineBytes(r2), fx.secretariat);
    const b: Bundle = bundle;
    expect(b.packageSha256).toBe(sha256Hex(readFileSync(join(dataDir, 'packages', `${packageId}.rpkg`))));
    expect(b.appVersion).toBe('0.1.0-test');
    const [app1, app2] = b.applications;
    expect(app1).toMatchObject({
      applicationId: 'A001',
      status: 'complete',
      opinion: '同意推荐。',
      recommendation: rubric.recommendations[0]!.id,
      additionalRecommendations: ['national-bid'],
    });
    expect(app1!.scores.length).toBe(rubric.dimensions.flatMap((d) => d.criteria).length);
    expect(app1!.scores[0]!.evidence).toEqual([{ file: 'dossiers/A001/建设和运行方案.pdf', page: 3 }]);
    expect(app2).toMatchObject({
      applicationId: 'A002',
      status: 'recused',
      conflict: { status: 'recused', reason: '同一单位 / same organisation' },
      scores: [],
    });
    expect(app2).not.toHaveProperty('additionalRecommendations');

    // Stock tools: age decrypts it with the secretariat's key, ssh-keygen checks the expert's signature.
    const out = join(root, 'stock');
    mkdirSync(out, { recursive: true });
    execFileSync('age', ['-d', '-i', join(fx.dir, 'secretariat', 'age-identity.txt'), '-o', join(out, 'b.zip'), kept]);
    execFileSync('unzip', ['-o', '-q', join(out, 'b.zip'), '-d', out]);
    writeFileSync(join(out, 'allowed_signers'), `expert namespaces="reviewdesk-scores" ${card.sshPublicKey}\n`);
    const ok = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', join(out, 'allowed_signers'), '-I', 'expert', '-n', 'reviewdesk-scores', '-s', join(out, 'bundle.json.sig')],
      { input: readFileSync(join(out, 'bundle.json')) },
    ).toString();
    expect(ok).toMatch(/Good "reviewdesk-scores" signature for expert/);

    const summary = (await ws.invoke('app:state', {})).packages.find((p) => p.packageId === packageId)!;
    expect(summary).toMatchObject({
      completeApplications: 1,
      recusedApplications: 1,
      lastExport: { revision: 2, sha256: r2.sha256 },
      changedSinceExport: false,
    });
  });

  it('prints the score sheet through the host, and says so where the host cannot', async () => {
    const pdf = await ws.invoke('scoresheet:pdf', { packageId });
    expect(host.printed).toEqual([`#/print/${packageId}`]);
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    // The same workspace behind a host that cannot print (a second open of the folder would be refused).
    const plain = await dispatch(ws.handlers, 'scoresheet:pdf', { packageId }, { ...ws.ctx, host: testHost() });
    expect(!plain.ok && plain.error.code).toBe('E_UNSUPPORTED');
  });

  it('never writes dossier content to disk in plaintext', () => {
    const dossier = readFileSync(join(fx.dir, 'round', 'dossiers', 'A001', '建设和运行方案.pdf'));
    const probes = [0.25, 0.5, 0.75].map((f) => dossier.subarray(Math.floor(dossier.length * f), Math.floor(dossier.length * f) + 48));
    ws.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of listTree(dataDir)) {
      const p = join(dataDir, f);
      if (readdirSafe(p)) continue;
      const bytes = readFileSync(p);
      for (const probe of probes) expect(bytes.includes(probe), f).toBe(false);
    }
  });

  it('finds everything again after a restart: locked until the passphrase, then the same entries and exports', async () => {
    await ws.invoke('settings:set', { locale: 'en', lastLocation: `#/packages/${packageId}/A001` });
    const before = await ws.invoke('review:get', { packageId, applicationId: 'A001' });
    ws.close();
    ws = await openWorkspace(dataDir, host, OPTIONS);
    // Locked, only the plaintext preferences can be read: the language and whose workspace it is.
    const state = await ws.invoke('app:state', {});
    expect(state).toMatchObject({ locale: 'en', lastLocation: null, identity: { status: 'locked', protection: 'passphrase' } });
    expect(state.packages).toEqual([]);
    expect((await refusal(ws.invoke('settings:set', { lastLocation: '#/packages' }))).code).toBe('E_LOCKED');
    expect((await refusal(ws.invoke('dossier:read', { packageId, applicationId: 'A001', path: 'dossiers/A001/佐证材料.pdf' }))).code).toBe(
      'E_LOCKED',
    );
    expect((await refusal(ws.invoke('bundle:export', { packageId }))).code).toBe('E_LOCKED');
    expect((await refusal(ws.invoke('identity:unlock', { passphrase: 'wrong passphrase' }))).code).toBe('E_PASSPHRASE');
    const unlocked = await ws.invoke('identity:unlock', { passphrase: PASS });
    expect(unlocked).toMatchObject({ locale: 'en', lastLocation: `#/packages/${packageId}/A001`, identity: { status: 'unlocked', card } });
    expect(unlocked.packages).toHaveLength(1);
    expect(await ws.invoke('review:get', { packageId, applicationId: 'A001' })).toEqual(before);
    expect((await ws.invoke('dossier:read', { packageId, applicationId: 'A001', path: 'dossiers/A001/佐证材料.pdf' })).mediaType).toBe(
      'application/pdf',
    );
    const s = await ws.invoke('review:edit', {
      packageId,
      applicationId: 'A001',
      edit: { field: 'opinion', value: '同意推荐，建议加强国际合作。' },
    });
    expect(s.auditId).toEqual(expect.any(Number));
    const summary = (await ws.invoke('app:state', {})).packages.find((p) => p.packageId === packageId)!;
    expect(summary).toMatchObject({ lastExport: { revision: 2 }, changedSinceExport: true });
    expect((await ws.invoke('bundle:export', { packageId })).revision).toBe(3);

    // A package imported by ReviewDesk 1 holds a schema-1 manifest and one schema-1 rubric in the database: it still
    // opens, upgraded in memory (such a package carried one rubric for all its applications).
    const row = ws.ctx.db.prepare('SELECT rubric, manifest FROM packages WHERE id = ?').get(packageId) as {
      rubric: string;
      manifest: string;
    };
    const stored = (JSON.parse(row.rubric) as Rubric[])[0]!;
    const manifest = JSON.parse(row.manifest) as Manifest;
    const old = JSON.parse(
      JSON.stringify(stored, (k, v: unknown) => (k === 'source' || k === 'default' || k === 'scoring' ? undefined : v)),
    ) as Record<string, unknown>;
    const apps = manifest.applications.filter((a) => a.rubricId === stored.id);
    const { rubrics, ...rest } = manifest;
    const v1 = {
      ...rest,
      schemaVersion: 1,
      rubric: { path: 'rubric.json', id: stored.id, version: stored.version },
      applications: apps.map((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'rubricId'))),
      files: manifest.files
        .filter((f) => f.path === rubrics[0]!.path || apps.some((a) => a.files.includes(f.path)))
        .map((f) => (f.path === rubrics[0]!.path ? { ...f, path: 'rubric.json' } : f)),
    };
    ws.ctx.db
      .prepare('UPDATE packages SET rubric = ?, manifest = ? WHERE id = ?')
      .run(JSON.stringify({ ...old, schemaVersion: 1, appliesTo: 'enterprise' }), JSON.stringify(v1), packageId);
    ws.ctx.session.clear();
    ws.ctx.session.meta.clear();
    const read = await ws.invoke('package:get', { packageId });
    expect(read.rubrics).toHaveLength(1);
    expect(read.rubrics[0]).toMatchObject({ schemaVersion: 2, appliesTo: ['enterprise'], scoring: { default: true } });
    expect(read.rubrics[0]!.gates.map((g) => g.id)).toEqual(stored.gates.map((g) => g.id));
    expect(read.applications.map((a) => a.rubricId)).toEqual(apps.map(() => stored.id));
    expect(await ws.invoke('review:get', { packageId, applicationId: 'A001' })).toMatchObject({ applicationId: 'A001' });
    ws.close();
  });

  it('with a real keychain, needs no passphrase and unlocks by itself after a restart', async () => {
    const keychain = realKeychain();
    const dir = join(root, 'keychain-ws');
    const first = await openWorkspace(dir, testHost({ secrets: keychain }), OPTIONS);
    const created = await first.invoke('identity:create', { displayName: '钥匙串专家', organisation: '', fields: [], passphrase: null });
    expect(created.identity).toMatchObject({ status: 'unlocked', protection: 'safeStorage' });
    expect(created.safeStorage).toEqual({ available: true, backend: 'test-aes-gcm' });
    first.close();
    const again = await openWorkspace(dir, testHost({ secrets: keychain }), OPTIONS);
    expect((await again.invoke('app:state', {})).identity).toMatchObject({ status: 'unlocked', protection: 'safeStorage' });
    again.close();
    // Another machine's keychain cannot open the keys: the workspace starts locked.
    const elsewhere = await openWorkspace(dir, testHost({ secrets: realKeychain() }), OPTIONS);
    expect((await elsewhere.invoke('app:state', {})).identity).toMatchObject({ status: 'locked' });
    expect((await refusal(elsewhere.invoke('identity:unlock', { passphrase: '' }))).code).toBe('E_IDENTITY');
    elsewhere.close();
  });
});
