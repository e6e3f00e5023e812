/**
 * The secretariat's site-visit channels through the handler table (`dispatch`), on a real demo round
 * (3 experts × 2 applications; E01 visited every application, E02 and E03 A001, E02 finding one checklist item
 * not met): merge:visits side by side, merge:visitPhoto read from the kept score file and checked against the
 * signed SHA-256 (thumbnails with sharp, cached), a consensus citing a photo (validated, audited, in the signed
 * result), and the refusals: an unknown photo, a kept file whose photo was changed, a citation that does not
 * stand. Also migration 0008-consensus-evidence.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type MergeVisits } from '../../shared/ipc/contract.ts';
import { BUNDLE_LIMITS } from '../../electron/bundles/limits.ts';
import { decryptBytes, encryptBytes } from '../../electron/crypto/age/index.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { migrate } from '../../electron/db/open.ts';
import { MIGRATIONS } from '../../electron/db/migrations/index.ts';
import { generateDemo, type DemoSummary } from '../../electron/demo/generate.ts';
import { readZip, zipToBuffer } from '../../electron/formats/zip.ts';
import { dispatch } from '../../electron/handlers/registry.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { photoCacheOf } from '../../electron/merge/workspace.ts';
import { adoptIdentity } from '../../electron/workspace/unlock.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const root = tempDir('rd-merge-visit-ch-');
const demoDir = join(root, 'demo');
const wsDir = join(root, 'ws');
const PASSPHRASE = 'secretariat passphrase';
let demo: DemoSummary;
let secretariat: Identity;
let ws: Workspace;

type Named = { fileName: string; bytes: Uint8Array<ArrayBuffer> };
const file = (path: string): Named => ({ fileName: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });

async function failure(channel: string, input: unknown): Promise<string> {
  const r = await dispatch(ws.handlers, channel, input, ws.ctx);
  return r.ok ? 'ok' : r.error.code;
}

let a1: MergeVisits;
const expert = (id: string): MergeVisits['experts'][number] => a1.experts.find((e) => e.expertId === id)!;

beforeAll(async () => {
  demo = await generateDemo({ out: demoDir, experts: 3, applications: 2, revisions: 1 });
  secretariat = await loadIdentity(join(demoDir, 'secretariat'));
  ws = await openWorkspace(wsDir, testHost(), { scryptLogN: 10 });
  await adoptIdentity(ws.ctx, secretariat, PASSPHRASE);
  await ws.invoke('merge:setLedger', {
    ledger: file(join(demoDir, 'packages', 'ledger.json')),
    signature: file(join(demoDir, 'packages', 'ledger.json.sig')),
  });
  await ws.invoke('merge:import', { files: demo.bundles.map(file) });
  return () => ws.close();
}, 120_000);

describe('merge:visits', () => {
  it("shows each expert's checklist results side by side, the item anyone failed flagged, with notes, opinions and photos", async () => {
    a1 = await ws.invoke('merge:visits', { applicationId: 'A001' });
    expect(CONTRACT['merge:visits'].output.parse(a1)).toBeTruthy();
    expect(a1.experts.map((e) => e.expertId)).toEqual(['E01', 'E02', 'E03']);
    const results = await ws.invoke('merge:results', {});
    const checklist = results.rubric.siteVisit;
    // The rubric's checklist in its order, with its titles and guidance.
    expect(a1.items.map((x) => x.id)).toEqual(checklist.map((c) => c.id));
    expect(a1.items[0]).toMatchObject({ title: checklist[0]!.title, guidance: checklist[0]!.guidance, inRubric: true });
    const flagged = a1.items.filter((x) => x.flagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ id: checklist.at(-1)!.id, meets: 2, fails: 1, na: 0, unanswered: 0 });
    const failed = expert('E02').items.find((x) => x.result === 'fails')!;
    expect(failed.id).toBe(flagged[0]!.id);
    expect(failed.note.trim()).not.toBe('');
    for (const e of a1.experts) {
      expect(e.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
      expect(e.visitedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.place).not.toBe('');
      expect(e.attendees.length).toBeGreaterThan(0);
      expect(e.opinion).not.toBe('');
      expect(e.items).toHaveLength(checklist.length);
    }
    // E01 took three photos of A001, each with its caption, times, items and criteria, and the signed digest.
    expect(expert('E01').photos).toHaveLength(3);
    for (const p of expert('E01').photos) {
      expect(p).toMatchObject({ mediaType: 'image/jpeg', rotation: 0, keptOriginal: false });
      expect(p.path).toMatch(/^attachments\/A001-P\d+\.jpg$/);
      expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(p.caption).not.toBe('');
      expect(p.takenAt).toBeTruthy();
      expect(p.itemIds.length + p.criterionIds.length).toBeGreaterThan(0);
    }
  });

  it('gives the checklist with no experts for an application nobody visited, and refuses an unknown application', async () => {
    // E02's and E03's visits were of A001 only; A002's visit is E01's alone.
    const a2 = await ws.invoke('merge:visits', { applicationId: 'A002' });
    expect(a2.experts.map((e) => e.expertId)).toEqual(['E01']);
    expect(a2.items.every((x) => !x.flagged)).toBe(true);
    expect(await failure('merge:visits', { applicationId: 'A999' })).toBe('E_NOT_FOUND');
  });
});

describe('merge:visitPhoto', () => {
  it('gives the photo as the score file holds it (its signed SHA-256), and a small upright JPEG thumbnail, cached', async () => {
    const e01 = expert('E01');
    const p = e01.photos[0]!;
    const ref = { applicationId: 'A001', expertFingerprint: e01.fingerprint, path: p.path };
    const full = await ws.invoke('merge:visitPhoto', { ...ref, variant: 'full' });
    expect(full.mediaType).toBe('image/jpeg');
    expect(full.bytes.length).toBe(p.size);
    expect(sha256Hex(full.bytes)).toBe(p.sha256);

    const opensBefore = photoCacheOf(ws.ctx)!.opens;
    const thumb = await ws.invoke('merge:visitPhoto', { ...ref, variant: 'thumbnail' });
    expect(thumb.mediaType).toBe('image/jpeg');
    expect([...thumb.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const meta = await sharp(thumb.bytes).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
    expect(thumb.bytes.length).toBeLessThan(full.bytes.length);
    // The file was opened once for every photo of the visit: the other thumbnails and this one again cost no open.
    for (const q of e01.photos) await ws.invoke('merge:visitPhoto', { ...ref, path: q.path, variant: 'thumbnail' });
    await ws.invoke('merge:visitPhoto', { ...ref, variant: 'full' });
    expect(photoCacheOf(ws.ctx)!.opens).toBe(opensBefore + 1);
  });

  it('refuses a photo that visit does not have, an expert without an accepted file, and a path that is not a photo path', async () => {
    const e01 = expert('E01');
    const e03 = expert('E03');
    const ref = { applicationId: 'A001', expertFingerprint: e01.fingerprint, variant: 'thumbnail' as const };
    expect(await failure('merge:visitPhoto', { ...ref, path: 'attachments/A001-P99.jpg' })).toBe('E_UNKNOWN_PHOTO');
    // Another application's photo, and another expert's, are not this visit's.
    const a2 = await ws.invoke('merge:visits', { applicationId: 'A002' });
    expect(await failure('merge:visitPhoto', { ...ref, path: a2.experts[0]!.photos[0]!.path })).toBe('E_UNKNOWN_PHOTO');
    const onlyE01 = e01.photos.map((p) => p.path).find((path) => !e03.photos.some((q) => q.path === path))!;
    expect(await failure('merge:visitPhoto', { ...ref, expertFingerprint: e03.fingerprint, path: onlyE01 })).toBe('E_UNKNOWN_PHOTO');
    expect(await failure('merge:visitPhoto', { ...ref, expertFingerprint: 'AAAA-AAAA-AAAA-AAAA', path: e01.photos[0]!.path })).toBe(
      'E_NOT_FOUND',
    );
    expect(await failure('merge:visitPhoto', { ...ref, path: '../bundles/x.rsb' })).toBe('E_INVALID_INPUT');
    expect(await failure('merge:visitPhoto', { ...ref, path: e01.photos[0]!.path, variant: 'original' })).toBe('E_INVALID_INPUT');
  });
});

describe('a consensus citing site-visit photos', () => {
  it('records each cited photo with its expert and signed SHA-256, audited, and the signed result carries it', async () => {
    const e01 = expert('E01');
    const e02 = expert('E02');
    const cite = [
      { expertFingerprint: e02.fingerprint, photo: e02.photos[0]!.path },
      { expertFingerprint: e01.fingerprint, photo: e01.photos[1]!.path },
    ];
    const base = { applicationId: 'A001', score: 80, text: '专家组认为现场管理制度尚不完善（见现场照片）。' };
    const c1 = await ws.invoke('merge:setConsensus', { ...base, evidence: cite });
    expect(c1.evidence).toEqual([
      { expertId: 'E02', expertFingerprint: e02.fingerprint, photo: e02.photos[0]!.path, sha256: e02.photos[0]!.sha256 },
      { expertId: 'E01', expertFingerprint: e01.fingerprint, photo: e01.photos[1]!.path, sha256: e01.photos[1]!.sha256 },
    ]);
    expect((await ws.invoke('merge:consensus', {})).find((c) => c.applicationId === 'A001')).toEqual(c1);
    // The same again records nothing new; another choice of photos is a change, with its audit row.
    await ws.invoke('merge:setConsensus', { ...base, evidence: cite });
    expect(await ws.invoke('merge:consensusHistory', { applicationId: 'A001' })).toHaveLength(1);
    const c2 = await ws.invoke('merge:setConsensus', { ...base, evidence: cite.slice(1) });
    const history = await ws.invoke('merge:consensusHistory', { applicationId: 'A001' });
    expect(history).toHaveLength(2);
    expect(history[0]!.oldValue!.evidence).toHaveLength(2);
    expect(history[0]!.newValue!.evidence).toEqual(c2.evidence);
    const results = await ws.invoke('merge:results', {});
    expect(results.result.applications.find((a) => a.applicationId === 'A001')!.consensus!.evidence).toEqual(c2.evidence);

    const [json] = (await ws.invoke('merge:export', { kind: 'result' })).files;
    const doc = JSON.parse(Buffer.from(json!.bytes).toString('utf8')) as {
      consensus: { applicationId: string; evidence?: unknown }[];
      results: { applications: { applicationId: string; consensus: { evidence?: unknown } | null }[] }[];
    };
    expect(doc.consensus.find((c) => c.applicationId === 'A001')!.evidence).toEqual(c2.evidence);
    const inResult = doc.results.flatMap((r) => r.applications).find((a) => a.applicationId === 'A001')!;
    expect(inResult.consensus!.evidence).toEqual(c2.evidence);

    // Citing none leaves the key out, as for a record made before photos could be cited.
    const c3 = await ws.invoke('merge:setConsensus', base);
    expect(c3).not.toHaveProperty('evidence');
    expect((await ws.invoke('merge:consensusHistory', { applicationId: 'A001' }))[0]!.newValue).not.toHaveProperty('evidence');
  });

  it('refuses a photo not in that expert’s accepted visit of that application (E_EVIDENCE_PHOTO), and one cited twice', async () => {
    const e01 = expert('E01');
    const a2 = await ws.invoke('merge:visits', { applicationId: 'A002' });
    const base = { applicationId: 'A001', score: 70, text: '' };
    const refused = async (evidence: unknown): Promise<string> => failure('merge:setConsensus', { ...base, evidence });
    expect(await refused([{ expertFingerprint: e01.fingerprint, photo: 'attachments/A001-P99.jpg' }])).toBe('E_EVIDENCE_PHOTO');
    // A002's photo cited on A001.
    expect(await refused([{ expertFingerprint: e01.fingerprint, photo: a2.experts[0]!.photos[0]!.path }])).toBe('E_EVIDENCE_PHOTO');
    // E01's photo under E03's key.
    const onlyE01 = e01.photos.map((p) => p.path).find((path) => !expert('E03').photos.some((q) => q.path === path))!;
    expect(await refused([{ expertFingerprint: expert('E03').fingerprint, photo: onlyE01 }])).toBe('E_EVIDENCE_PHOTO');
    expect(await refused([{ expertFingerprint: 'AAAA-AAAA-AAAA-AAAA', photo: e01.photos[0]!.path }])).toBe('E_EVIDENCE_PHOTO');
    const twice = { expertFingerprint: e01.fingerprint, photo: e01.photos[0]!.path };
    expect(await refused([twice, twice])).toBe('E_INVALID_ENTRY');
    expect(await refused([{ expertFingerprint: e01.fingerprint, photo: 'bundle.json' }])).toBe('E_INVALID_INPUT');
    const r = await dispatch(
      ws.handlers,
      'merge:setConsensus',
      { ...base, evidence: [{ expertFingerprint: e01.fingerprint, photo: 'attachments/A001-P99.jpg' }] },
      ws.ctx,
    );
    expect(!r.ok && r.error.message['zh-CN']).toContain('attachments/A001-P99.jpg');
    expect(!r.ok && r.error.message['zh-CN']).toContain('E01');
    // Nothing was recorded by any of them.
    expect((await ws.invoke('merge:consensus', {})).find((c) => c.applicationId === 'A001')!.score).toBe(80);
  });
});

describe('a kept score file whose photo was changed', () => {
  it('is refused when a photo is read from it (E_IO), and after a restart the file no longer counts (E_HASH_MISMATCH)', async () => {
    const e02 = expert('E02');
    const state = await ws.invoke('merge:state', {});
    const kept = state.files.find((f) => f.fileName === 'E02.rsb')!;
    const stored = join(wsDir, 'bundles', `${kept.sha256}.rsb`);
    // The same signed bundle.json and signature, one photo's bytes changed, encrypted again to the secretariat:
    // anyone can make such a file, since the secretariat's age recipient is public.
    const { plaintext } = await decryptBytes(readFileSync(stored), [{ identity: secretariat.ageIdentity }]);
    const entries = await readZip(plaintext, BUNDLE_LIMITS);
    const photo = e02.photos[0]!.path;
    const changed = Buffer.from(entries.get(photo)!);
    changed[changed.length >> 1]! ^= 0x01;
    entries.set(photo, changed);
    const zip = await zipToBuffer([...entries].map(([name, data]) => ({ name, data, compress: name === 'bundle.json' })));
    writeFileSync(stored, await encryptBytes(zip, { recipients: [secretariat.card.ageRecipient] }));

    const ref = { applicationId: 'A001', expertFingerprint: e02.fingerprint, path: photo };
    expect(await failure('merge:visitPhoto', { ...ref, variant: 'full' })).toBe('E_IO');
    expect(await failure('merge:visitPhoto', { ...ref, variant: 'thumbnail' })).toBe('E_IO');

    // Opened afresh, the file is checked in full: its photo no longer matches its signed digest.
    ws.close();
    ws = await openWorkspace(wsDir, testHost(), { scryptLogN: 10 });
    await ws.invoke('identity:unlock', { passphrase: PASSPHRASE });
    const after = await ws.invoke('merge:state', {});
    expect(after.files.find((f) => f.fileName === 'E02.rsb')).toMatchObject({ status: 'refused', code: 'E_HASH_MISMATCH' });
    // E02's earlier revision counts now, and it recorded no visit.
    expect((await ws.invoke('merge:visits', { applicationId: 'A001' })).experts.map((e) => e.expertId)).toEqual(['E01', 'E03']);
    expect(await failure('merge:visitPhoto', { ...ref, variant: 'thumbnail' })).toBe('E_UNKNOWN_PHOTO');
    expect(
      await failure('merge:setConsensus', {
        applicationId: 'A001',
        score: 70,
        text: '',
        evidence: [{ expertFingerprint: e02.fingerprint, photo }],
      }),
    ).toBe('E_EVIDENCE_PHOTO');
  });
});

describe('migration 0008-consensus-evidence', () => {
  it('gives every earlier record no citation ([]) and keeps the column a JSON array', () => {
    const db = new Database(join(root, 'm.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare(
      'INSERT INTO consensus (round_id, application_id, score, grade_id, recommendation, text, recorded_by, recorded_at, eligible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run('R1', 'A1', 80, null, null, '同意', 'sec', 't', 1);
    expect(migrate(db, MIGRATIONS.slice(0, 8))).toBe(8);
    expect(db.prepare("SELECT text, eligible, evidence FROM consensus WHERE application_id = 'A1'").get()).toEqual({
      text: '同意',
      eligible: 1,
      evidence: '[]',
    });
    const set = db.prepare("UPDATE consensus SET evidence = ? WHERE application_id = 'A1'");
    set.run('[{"expertId":"E01","expertFingerprint":"AAAA-AAAA-AAAA-AAAA","photo":"attachments/A1-P1.jpg","sha256":"00"}]');
    expect(() => set.run('{"photo":"x"}')).toThrow(/CHECK/);
    expect(() => set.run('not json')).toThrow(/CHECK/);
    expect(() => set.run(null)).toThrow(/NOT NULL/);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'consensus'").pluck().get()).toMatch(/\)\s*STRICT/);
    db.close();
  });
});

describe('reviewdesk merge --consensus', () => {
  const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
  const run = (consensus: unknown, out: string) => {
    writeFileSync(join(root, 'consensus.json'), JSON.stringify(consensus));
    return spawnSync(
      process.execPath,
      [
        bin,
        'merge',
        ...readdirSync(join(demoDir, 'bundles')).map((f) => join(demoDir, 'bundles', f)),
        '--secretariat',
        join(demoDir, 'secretariat'),
        '--round',
        join(demoDir, 'round'),
        '--consensus',
        join(root, 'consensus.json'),
        '--out',
        out,
        '--json',
      ],
      { encoding: 'utf8' },
    );
  };
  const record = (evidence: unknown[]) => [
    {
      applicationId: 'A001',
      score: 80,
      gradeId: null,
      recommendation: null,
      text: '见现场照片',
      evidence,
      recordedBy: '秘书',
      recordedAt: '2026-12-01T02:00:00.000Z',
    },
  ];

  it('carries a cited photo into result.json, and refuses one the counted visit does not hold as cited', () => {
    const p = expert('E01').photos[0]!;
    const citation = { expertId: 'E01', expertFingerprint: expert('E01').fingerprint, photo: p.path, sha256: p.sha256 };
    const ok = run(record([citation]), join(root, 'result.json'));
    expect(ok.status, ok.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(root, 'result.json'), 'utf8')) as { consensus: { evidence: unknown }[] };
    expect(doc.consensus[0]!.evidence).toEqual([citation]);

    const bad = run(record([{ ...citation, sha256: '0'.repeat(64) }]), join(root, 'bad.json'));
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('E_EVIDENCE_PHOTO');
    expect(readdirSync(root)).not.toContain('bad.json');
  });
});
