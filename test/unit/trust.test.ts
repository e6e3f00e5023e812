/**
 * Trust that is earned: a secretariat's key is trusted only once the expert
 * accepts it, per key and not per round; until then nothing of its package is
 * kept or shown; a card claiming an organisation already trusted under another
 * key is refused with both fingerprints; pins can be listed and removed.
 * Real workspaces, real packages from the demo generator and the packer.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/card.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import { organisationKey } from '../../shared/organisation.ts';
import { decryptedPackages } from '../../electron/packages/workspace.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import type { Identity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';
import { demoRound, otherSecretariat, packageFor, testHost, type RoundFixture } from '../helpers/workspace.ts';

const root = tempDir('rd-trust-');
let fx: RoundFixture;
let ws: Workspace;
let card: Card;
let n = 0;

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown>; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return { code: e.code, params: e.params, message: e.localized('zh-CN') + '\n' + e.localized('en') };
}

/** A fresh package for the workspace identity, signed by `by`. */
async function pkg(by: Identity = fx.secretariat): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(readFileSync((await packageFor(fx, card, join(root, `p${++n}.rpkg`), by)).path));
}

const packagesDir = (): string[] => readdirSync(join(ws.ctx.dataDir, 'packages')).sort();
const count = (table: string): unknown => ws.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('trust in secretariat keys', () => {
  beforeAll(async () => {
    fx = await demoRound(join(root, 'demo'));
    ws = await openWorkspace(join(root, 'ws'), testHost(), { scryptLogN: 10 });
    const state = await ws.invoke('identity:create', {
      displayName: '专家',
      organisation: '',
      fields: [],
      passphrase: 'a long passphrase',
    });
    if (state.identity.status === 'none') throw new Error('no identity');
    card = state.identity.card;
  }, 120_000);

  it('compares organisations as a person reads them: width, spacing and case aside; an empty one names none', () => {
    expect(organisationKey('Ｓｈａｎｇｈａｉ  创新中心（演示）')).toBe(organisationKey('shanghai创新中心(演示)'));
    expect(organisationKey('某大学')).not.toBe(organisationKey('某大学 二'));
    expect(organisationKey(' \t ')).toBe('');
  });

  it('holds the first package of an unknown key unopened: only the fingerprint and the card labels come back', async () => {
    const bytes = await pkg();
    const r = await ws.invoke('package:import', { fileName: '评审包.rpkg', bytes });
    expect(r).toEqual({
      status: 'needsTrust',
      pending: {
        pendingId: expect.stringMatching(/^[0-9a-f]{32}$/),
        fileName: '评审包.rpkg',
        fingerprint: fx.secretariat.card.fingerprint,
        organisation: fx.secretariat.card.organisation,
        displayName: fx.secretariat.card.displayName,
      },
    });
    // Nothing kept, listed or pinned; on disk only the received file, still encrypted, as a partial copy.
    expect(count('packages')).toBe(0);
    expect(count('secretariat_pins')).toBe(0);
    expect((await ws.invoke('app:state', {})).packages).toEqual([]);
    expect(await ws.invoke('trust:list', {})).toEqual([]);
    const files = packagesDir();
    expect(files).toEqual([expect.stringMatching(/^\.incoming-[0-9a-f]{16}\.partial$/)]);
    expect(Buffer.from(readFileSync(join(ws.ctx.dataDir, 'packages', files[0]!))).equals(Buffer.from(bytes))).toBe(true);
    expect(
      readFileSync(join(ws.ctx.dataDir, 'packages', files[0]!))
        .subarray(0, 21)
        .toString(),
    ).toBe('age-encryption.org/v1');
    // Nor is anything decrypted held in memory while the question waits.
    expect(decryptedPackages(ws.ctx).size).toBe(0);
    expect(ws.ctx.session.meta.size).toBe(0);

    // Refused: the file goes, and the decision cannot be taken twice.
    if (r.status !== 'needsTrust') throw new Error('unreachable');
    expect(await ws.invoke('trust:refuse', { pendingId: r.pending.pendingId })).toEqual({});
    expect(packagesDir()).toEqual([]);
    expect((await refusal(ws.invoke('trust:accept', { pendingId: r.pending.pendingId }))).code).toBe('E_TRUST_PENDING_GONE');
    expect(count('packages')).toBe(0);
  });

  it('never asks about a forged package: a signature that is not the card key is refused before the question', async () => {
    const impostor = await otherSecretariat();
    // The trusted-looking card, signed with another key.
    const forged = await pkg({ ...impostor, card: fx.secretariat.card });
    expect((await refusal(ws.invoke('package:import', { fileName: 'forged.rpkg', bytes: forged }))).code).toBe('E_SIG_SIGNER');
    expect(ws.ctx.session.pending.size).toBe(0);
    expect(packagesDir()).toEqual([]);
  });

  it('accepting checks the held copy in full again: one changed byte is refused, and nothing stays', async () => {
    const r = await ws.invoke('package:import', { fileName: 'E01.rpkg', bytes: await pkg() });
    if (r.status !== 'needsTrust') throw new Error('not held');
    const [held] = packagesDir();
    const path = join(ws.ctx.dataDir, 'packages', held!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(path, bytes);
    expect((await refusal(ws.invoke('trust:accept', { pendingId: r.pending.pendingId }))).code).toBe('E_AGE_PAYLOAD');
    expect(packagesDir()).toEqual([]);
    expect(count('packages')).toBe(0);
    expect(count('secretariat_pins')).toBe(0);
  });

  it('accepting trusts the key (not the round): later packages of that key import at once, a new key asks again', async () => {
    const r = await ws.invoke('package:import', { fileName: 'E01.rpkg', bytes: await pkg() });
    if (r.status !== 'needsTrust') throw new Error('not held');
    const summary = await ws.invoke('trust:accept', { pendingId: r.pending.pendingId });
    expect(summary.signer.fingerprint).toBe(fx.secretariat.card.fingerprint);
    expect(packagesDir()).toEqual([`${summary.packageId}.rpkg`]);
    const [pin] = await ws.invoke('trust:list', {});
    expect(pin).toEqual({
      fingerprint: fx.secretariat.card.fingerprint,
      organisation: fx.secretariat.card.organisation,
      displayName: fx.secretariat.card.displayName,
      pinnedAt: expect.any(String),
      how: 'confirmed',
      packages: 1,
    });

    const second = await ws.invoke('package:import', { fileName: 'E01-v2.rpkg', bytes: await pkg() });
    expect(second).toMatchObject({ status: 'imported', package: { signer: { fingerprint: fx.secretariat.card.fingerprint } } });
    expect((await ws.invoke('trust:list', {}))[0]!.packages).toBe(2);

    // Another secretariat (another organisation) signing the same round id is not waved through by the round: it asks.
    const other = await otherSecretariat('另一个组织单位');
    const third = await ws.invoke('package:import', { fileName: 'other.rpkg', bytes: await pkg(other) });
    expect(third).toMatchObject({ status: 'needsTrust', pending: { fingerprint: other.card.fingerprint, organisation: '另一个组织单位' } });
    if (third.status === 'needsTrust') await ws.invoke('trust:refuse', { pendingId: third.pending.pendingId });
  });

  it('refuses another key claiming a trusted organisation (however it is spaced), with both fingerprints in both languages', async () => {
    const org = fx.secretariat.card.organisation;
    expect(org.length).toBeGreaterThan(1);
    const spaced = `  ${org.slice(0, 1)} ${org.slice(1)}`.replace(/[A-Za-z]/g, (c) => c.toUpperCase());
    const impostor = await otherSecretariat(spaced);
    const before = packagesDir();
    const r = await refusal(ws.invoke('package:import', { fileName: 'impostor.rpkg', bytes: await pkg(impostor) }));
    expect(r.code).toBe('E_SECRETARIAT_KEY_CONFLICT');
    expect(r.params).toEqual({ organisation: spaced.trim(), pinned: fx.secretariat.card.fingerprint, actual: impostor.card.fingerprint });
    for (const line of r.message.split('\n')) {
      expect(line).toContain(fx.secretariat.card.fingerprint);
      expect(line).toContain(impostor.card.fingerprint);
    }
    expect(packagesDir()).toEqual(before);
    expect(ws.ctx.session.pending.size).toBe(0);
    expect(count('packages')).toBe(2);
    expect(count('secretariat_pins')).toBe(1);
  });

  it('two unknown keys of one organisation waiting at once: the second acceptance is refused, and its file goes', async () => {
    const a = await otherSecretariat('同名单位');
    const b = await otherSecretariat('同名单位');
    const ra = await ws.invoke('package:import', { fileName: 'a.rpkg', bytes: await pkg(a) });
    const rb = await ws.invoke('package:import', { fileName: 'b.rpkg', bytes: await pkg(b) });
    if (ra.status !== 'needsTrust' || rb.status !== 'needsTrust') throw new Error('not held');
    expect(packagesDir().filter((f) => f.endsWith('.partial'))).toHaveLength(2);
    await ws.invoke('trust:accept', { pendingId: ra.pending.pendingId });
    const r = await refusal(ws.invoke('trust:accept', { pendingId: rb.pending.pendingId }));
    expect(r).toMatchObject({ code: 'E_SECRETARIAT_KEY_CONFLICT', params: { pinned: a.card.fingerprint, actual: b.card.fingerprint } });
    expect(packagesDir().filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect((await ws.invoke('trust:list', {})).map((p) => p.fingerprint)).toEqual([fx.secretariat.card.fingerprint, a.card.fingerprint]);
  });

  it('removing a pin keeps its packages; the next package of that key asks again', async () => {
    const list = await ws.invoke('trust:remove', { fingerprint: fx.secretariat.card.fingerprint });
    expect(list.map((p) => p.fingerprint)).not.toContain(fx.secretariat.card.fingerprint);
    const state = await ws.invoke('app:state', {});
    expect(state.packages.filter((p) => p.signer.fingerprint === fx.secretariat.card.fingerprint)).toHaveLength(2);
    const pkgId = state.packages.find((p) => p.signer.fingerprint === fx.secretariat.card.fingerprint)!.packageId;
    expect((await ws.invoke('package:get', { packageId: pkgId })).summary.packageId).toBe(pkgId);
    const again = await ws.invoke('package:import', { fileName: 'E01-v3.rpkg', bytes: await pkg() });
    expect(again.status).toBe('needsTrust');
    if (again.status === 'needsTrust') await ws.invoke('trust:refuse', { pendingId: again.pending.pendingId });
  });

  it('a held package does not outlive the session: a restart drops it and sweeps its file', async () => {
    const r = await ws.invoke('package:import', { fileName: 'E01-v4.rpkg', bytes: await pkg() });
    if (r.status !== 'needsTrust') throw new Error('not held');
    ws.close();
    ws = await openWorkspace(join(root, 'ws'), testHost(), { scryptLogN: 10 });
    await ws.invoke('identity:unlock', { passphrase: 'a long passphrase' });
    expect(packagesDir().filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect((await refusal(ws.invoke('trust:accept', { pendingId: r.pending.pendingId }))).code).toBe('E_TRUST_PENDING_GONE');
    ws.close();
  });
});
