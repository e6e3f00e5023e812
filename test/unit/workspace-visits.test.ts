/**
 * Site visits in the expert's workspace through the real handler table, on a real encrypted SQLite workspace
 * with real keys and a package packed by the project's own code: audited, acknowledged edits; 不符合 without
 * its note among the gaps; photos taken in (refused files listed, the others added), linked as evidence and
 * removed with their references; then a score file with photos checked by the secretariat's own verifier and
 * from outside with stock tools only (age -d, unzip -t, sha256 of each attachment, ssh-keygen -Y
 * check-novalidate). Last, the per-application photo limit.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/card.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import { NS_SCORES, type Bundle, type EvidenceRef } from '../../shared/formats.ts';
import type { VisitEdit, VisitState } from '../../shared/ipc/contract.ts';
import { VISIT_LIMITS } from '../../shared/visit/model.ts';
import { openBundleBytes, verifyBundleFiles } from '../../electron/bundles/verify.ts';
import { encryptBytes } from '../../electron/crypto/age/index.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { READ_AHEAD, exportPhotoReader, exportVisits } from '../../electron/visits/workspace.ts';
import { packageMeta } from '../../electron/workspace/context.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { cameraJpeg, cameraPng, jpegScan } from '../helpers/photos.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, testHost, type RoundFixture, type TestHost } from '../helpers/workspace.ts';

const root = tempDir('rd-visits-');
const dataDir = join(root, 'workspace');

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return { code: e.code, params: e.params };
}

let fx: RoundFixture;
let host: TestHost;
let ws: Workspace;
let card: Card;
let packageId: string;
let a1: { packageId: string; applicationId: string };
let checklist: VisitState['checklist'];
let criteria: string[];
const photos: Record<string, Buffer> = {};

const auditRows = (applicationId = 'A001'): { field: string; target: string | null; old_value: string | null; new_value: string }[] =>
  ws.ctx.db
    .prepare('SELECT field, target, old_value, new_value FROM visit_audit WHERE package_id = ? AND application_id = ? ORDER BY id')
    .all(packageId, applicationId) as never;

describe('site visits in the workspace', () => {
  beforeAll(async () => {
    fx = await demoRound(join(root, 'demo'));
    host = testHost();
    ws = await openWorkspace(dataDir, host, { scryptLogN: 10 });
    const state = await ws.invoke('identity:create', {
      displayName: '考察专家',
      organisation: '某研究院',
      fields: [],
      passphrase: 'visit test passphrase',
    });
    card = (state.identity as { card: Card }).card;
    const pkg = await packageFor(fx, card, join(root, 'mine.rpkg'));
    packageId = (await importTrusted(ws, 'E01.rpkg', new Uint8Array(readFileSync(pkg.path)))).packageId;
    a1 = { packageId, applicationId: 'A001' };
    const detail = await ws.invoke('package:acceptPledge', { packageId });
    const rubricId = detail.applications.find((a) => a.id === 'A001')!.rubricId;
    const rubric = detail.rubrics.find((r) => r.id === rubricId)!;
    criteria = rubric.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
    expect(rubric.siteVisit.length).toBeGreaterThan(2);
    photos.jpg = await cameraJpeg({ seed: 11, width: 1200, height: 900, icc: true });
    photos.jpg2 = await cameraJpeg({ seed: 12 });
    photos.png = await cameraPng({ seed: 13 });
  }, 180_000);

  it('needs the conflict declaration first, then starts with no visit and every checklist item unanswered', async () => {
    expect((await refusal(ws.invoke('visit:get', a1))).code).toBe('E_CONFLICT_UNDECLARED');
    expect((await refusal(ws.invoke('visit:edit', { ...a1, edit: { field: 'place', value: 'x' } }))).code).toBe('E_CONFLICT_UNDECLARED');
    for (const applicationId of ['A001', 'A002'])
      await ws.invoke('review:declareConflict', { packageId, applicationId, status: 'none', reason: '' });
    const s = await ws.invoke('visit:get', a1);
    checklist = s.checklist;
    expect(s).toMatchObject({ visit: null, photos: [], savedAt: null, auditId: null, refused: [] });
    expect(s.gaps).toEqual({ unanswered: checklist.map((c) => c.id), failsWithoutNote: [], opinionMissing: true, placeMissing: true });
    expect(auditRows()).toEqual([]);
  });

  it('saves each change with its own audit row and acknowledges it (savedAt, auditId); the same value again writes nothing', async () => {
    const edits = [
      { field: 'visitedAt', value: '2026-11-20' },
      { field: 'place', value: '申报单位中试基地' },
      { field: 'attendees', value: [{ name: '王建国', role: '总经理' }] },
      { field: 'notes', value: '查看了中试线和检测中心。' },
      { field: 'opinion', value: '现场情况与申报材料一致。' },
    ] satisfies VisitEdit[];
    let last = 0;
    for (const [k, edit] of edits.entries()) {
      const before = Date.now();
      const s = await ws.invoke('visit:edit', { ...a1, edit });
      expect(s.auditId, edit.field).toEqual(expect.any(Number));
      expect(s.auditId!).toBeGreaterThan(last);
      last = s.auditId!;
      expect(Date.parse(s.savedAt!)).toBeGreaterThanOrEqual(before - 1000);
      expect(s.visit!.updatedAt).toBe(s.savedAt);
      const rows = auditRows();
      expect(rows).toHaveLength(k + 1);
      expect(rows.at(-1)).toMatchObject({ field: edit.field, new_value: JSON.stringify(edit.value) });
    }
    const s = await ws.invoke('visit:get', a1);
    expect(s.visit).toMatchObject({
      visitedAt: '2026-11-20',
      place: '申报单位中试基地',
      attendees: [{ name: '王建国', role: '总经理' }],
      opinion: '现场情况与申报材料一致。',
    });
    expect(s.gaps).toMatchObject({ opinionMissing: false, placeMissing: false });
    // Unchanged: acknowledged without a save or a row.
    const same = await ws.invoke('visit:edit', { ...a1, edit: { field: 'place', value: '申报单位中试基地' } });
    expect(same).toMatchObject({ savedAt: null, auditId: null });
    expect(auditRows()).toHaveLength(edits.length);
    // A changed value records the old one beside the new.
    await ws.invoke('visit:edit', { ...a1, edit: { field: 'place', value: '申报单位中试基地及检测中心' } });
    expect(auditRows().at(-1)).toMatchObject({
      field: 'place',
      old_value: JSON.stringify('申报单位中试基地'),
      new_value: JSON.stringify('申报单位中试基地及检测中心'),
    });
    expect(
      (await refusal(ws.invoke('visit:edit', { ...a1, edit: { field: 'item', itemId: 'NOPE', result: 'meets', note: '' } }))).code,
    ).toBe('E_INVALID_ENTRY');
  });

  it('answers the checklist item by item; 不符合 without a note is reported in the gaps and by bundle:validate until it has one', async () => {
    const [first, second, ...rest] = checklist;
    const n = auditRows().length;
    const s1 = await ws.invoke('visit:edit', { ...a1, edit: { field: 'item', itemId: first!.id, result: 'meets', note: '与材料一致。' } });
    expect(s1.auditId).toEqual(expect.any(Number));
    expect(auditRows().at(-1)).toMatchObject({ field: 'item', target: first!.id, old_value: null });
    const s2 = await ws.invoke('visit:edit', { ...a1, edit: { field: 'item', itemId: second!.id, result: 'fails', note: '  ' } });
    expect(s2.gaps.failsWithoutNote).toEqual([second!.id]);
    expect(s2.gaps.unanswered).toEqual(rest.map((x) => x.id));
    expect(auditRows()).toHaveLength(n + 2);
    const v = await ws.invoke('bundle:validate', { packageId });
    expect(v.issues).toContainEqual({ applicationId: 'A001', criterionId: second!.id, kind: 'siteVisitNoteMissing' });
    for (const x of rest) expect(v.issues).toContainEqual({ applicationId: 'A001', criterionId: x.id, kind: 'siteVisitItemMissing' });

    const s3 = await ws.invoke('visit:edit', {
      ...a1,
      edit: { field: 'item', itemId: second!.id, result: 'fails', note: '未见相关制度文件。' },
    });
    expect(s3.gaps.failsWithoutNote).toEqual([]);
    expect(auditRows().at(-1)).toMatchObject({
      target: second!.id,
      old_value: JSON.stringify({ result: 'fails', note: '  ' }),
      new_value: JSON.stringify({ result: 'fails', note: '未见相关制度文件。' }),
    });
    for (const x of rest) await ws.invoke('visit:edit', { ...a1, edit: { field: 'item', itemId: x.id, result: 'na', note: '' } });
    const done = await ws.invoke('visit:get', a1);
    expect(done.gaps).toEqual({ unanswered: [], failsWithoutNote: [], opinionMissing: false, placeMissing: false });
    expect(done.visit!.items.map((x) => x.id)).toEqual(checklist.map((c) => c.id));
    const issues = (await ws.invoke('bundle:validate', { packageId })).issues.filter((i) => i.kind.startsWith('siteVisit'));
    expect(issues.filter((i) => i.applicationId === 'A001')).toEqual([]);
  });

  it('adds photos: a refused file is listed with its code while the others are added, audited, stripped and thumbnailed', async () => {
    const cut = photos.jpg2!.subarray(0, Math.floor(photos.jpg2!.length * 0.6));
    const n = auditRows().length;
    const s = await ws.invoke('visit:addPhotos', {
      ...a1,
      files: [
        { fileName: 'IMG_0001.jpg', bytes: new Uint8Array(photos.jpg!) },
        { fileName: '会议纪要.docx', bytes: new Uint8Array(Buffer.from('PK\x03\x04 not a photo', 'latin1')) },
        { fileName: 'IMG_0002.jpg', bytes: new Uint8Array(cut) },
        { fileName: 'screen.png', bytes: new Uint8Array(photos.png!) },
      ],
    });
    expect(s.refused.map((r) => [r.fileName, r.code])).toEqual([
      ['会议纪要.docx', 'E_PHOTO_TYPE'],
      ['IMG_0002.jpg', 'E_PHOTO_CORRUPT'],
    ]);
    for (const r of s.refused) for (const text of [r.message.en, r.message['zh-CN']]) expect(text).toContain(r.fileName);
    expect(s.photos.map((p) => [p.id, p.path, p.mediaType])).toEqual([
      ['P1', 'attachments/A001-P1.jpg', 'image/jpeg'],
      ['P2', 'attachments/A001-P2.png', 'image/png'],
    ]);
    expect(s.auditId).toEqual(expect.any(Number));
    expect(s.savedAt).not.toBeNull();
    expect(
      auditRows()
        .slice(n)
        .map((r) => [r.field, r.target]),
    ).toEqual([
      ['photoAdded', 'P1'],
      ['photoAdded', 'P2'],
    ]);
    const p1 = s.photos[0]!;
    expect(p1).toMatchObject({ takenAt: '2026-11-20T10:15:00+08:00', hadLocation: true, keptOriginal: false, width: 1200, height: 900 });
    const full = await ws.invoke('visit:photo', { ...a1, photoId: 'P1', variant: 'full' });
    const stored = Buffer.from(full.bytes);
    expect(full.mediaType).toBe('image/jpeg');
    expect(stored.length).toBe(p1.size);
    expect(sha256Hex(stored)).toBe(p1.sha256);
    expect(jpegScan(stored).equals(jpegScan(photos.jpg!))).toBe(true);
    expect(await exifr.gps(stored).catch(() => undefined)).toBeUndefined();
    const thumb = await ws.invoke('visit:photo', { ...a1, photoId: 'P1', variant: 'thumbnail' });
    expect(thumb.mediaType).toBe('image/jpeg');
    expect((await sharp(Buffer.from(thumb.bytes)).metadata()).width).toBeLessThanOrEqual(320);

    // The expert keeps one original with its location, for the record.
    const kept = await ws.invoke('visit:addPhotos', {
      ...a1,
      files: [{ fileName: 'IMG_0003.jpg', bytes: new Uint8Array(photos.jpg2!) }],
      keepOriginal: true,
    });
    expect(kept.photos.at(-1)).toMatchObject({ id: 'P3', keptOriginal: true, hadLocation: true, sha256: sha256Hex(photos.jpg2!) });
    // A call where every file is refused saves nothing.
    const none = await ws.invoke('visit:addPhotos', { ...a1, files: [{ fileName: 'x.txt', bytes: new Uint8Array(Buffer.from('x')) }] });
    expect(none).toMatchObject({ savedAt: null, auditId: null, refused: [{ fileName: 'x.txt', code: 'E_PHOTO_TYPE' }] });
    expect(none.photos).toHaveLength(3);
  });

  it('links photos to checklist items and criteria, as evidence both ways; removing a photo drops the references to it', async () => {
    const [first, second] = checklist;
    const e1 = await ws.invoke('visit:editPhoto', {
      ...a1,
      photoId: 'P1',
      caption: '中试线全景',
      itemIds: [first!.id],
      criterionIds: [criteria[0]!],
    });
    expect(e1.auditId).toEqual(expect.any(Number));
    expect(e1.photos[0]).toMatchObject({ caption: '中试线全景', itemIds: [first!.id], criterionIds: [criteria[0]] });
    expect(auditRows().at(-1)).toMatchObject({ field: 'photo', target: 'P1' });
    await ws.invoke('visit:editPhoto', { ...a1, photoId: 'P2', caption: '服务台账', itemIds: [second!.id], criterionIds: [criteria[0]!] });
    expect((await refusal(ws.invoke('visit:editPhoto', { ...a1, photoId: 'P2', criterionIds: ['NOPE'] }))).code).toBe(
      'E_UNKNOWN_CRITERION',
    );
    expect((await refusal(ws.invoke('visit:editPhoto', { ...a1, photoId: 'P9', caption: 'x' }))).code).toBe('E_UNKNOWN_PHOTO');

    const evidence: EvidenceRef[] = [
      { file: 'dossiers/A001/建设和运行方案.pdf', page: 2 },
      { photo: 'attachments/A001-P1.jpg' },
      { photo: 'attachments/A001-P2.png' },
      { siteVisitItem: first!.id },
    ];
    await ws.invoke('review:edit', { ...a1, edit: { field: 'evidence', criterionId: criteria[0]!, value: evidence } });
    await ws.invoke('review:edit', {
      ...a1,
      edit: { field: 'evidence', criterionId: criteria[1]!, value: [{ photo: 'attachments/A001-P2.png' }] },
    });
    expect((await ws.invoke('review:get', a1)).criteria[criteria[0]!]!.evidence).toEqual(evidence);
    // Evidence names only photos of this visit and items of this checklist; a refusal writes nothing.
    const cite = (value: EvidenceRef[]): Promise<unknown> =>
      ws.invoke('review:edit', { ...a1, edit: { field: 'evidence', criterionId: criteria[0]!, value } });
    expect((await refusal(cite([{ photo: 'attachments/A001-P99.jpg' }]))).code).toBe('E_UNKNOWN_PHOTO');
    expect((await refusal(cite([{ photo: 'attachments/A002-P1.jpg' }]))).code).toBe('E_UNKNOWN_PHOTO');
    expect((await refusal(cite([{ siteVisitItem: 'NOPE' }]))).code).toBe('E_INVALID_ENTRY');
    expect((await ws.invoke('review:get', a1)).criteria[criteria[0]!]!.evidence).toEqual(evidence);

    const audit = ws.ctx.db.prepare('SELECT count(*) FROM audit WHERE package_id = ?').pluck();
    const before = audit.get(packageId) as number;
    const r = await ws.invoke('visit:removePhoto', { ...a1, photoId: 'P2' });
    expect(r.auditId).toEqual(expect.any(Number));
    expect(r.photos.map((p) => p.id)).toEqual(['P1', 'P3']);
    expect(auditRows().at(-1)).toMatchObject({ field: 'photoRemoved', target: 'P2' });
    const after = (await ws.invoke('review:get', a1)).criteria;
    expect(after[criteria[0]!]!.evidence).toEqual(evidence.filter((e) => !('photo' in e && e.photo === 'attachments/A001-P2.png')));
    expect(after[criteria[1]!]!.evidence).toEqual([]);
    // Each criterion whose evidence changed has its own audited evidence edit.
    expect(audit.get(packageId)).toBe(before + 2);
    expect((await refusal(ws.invoke('visit:photo', { ...a1, photoId: 'P2', variant: 'full' }))).code).toBe('E_UNKNOWN_PHOTO');
    // The next photo gets a new number: a removed photo's path is never another's.
    const again = await ws.invoke('visit:addPhotos', { ...a1, files: [{ fileName: 'again.png', bytes: new Uint8Array(photos.png!) }] });
    expect(again.photos.at(-1)!.path).toBe('attachments/A001-P4.png');
  });

  it('keeps photos and notes encrypted on disk: no photo bytes and no note in any file of the workspace', () => {
    const scan = jpegScan(photos.jpg!);
    const probes = [scan.subarray(1000, 1064), scan.subarray(scan.length >> 1, (scan.length >> 1) + 64), Buffer.from('未见相关制度文件')];
    ws.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of listTree(dataDir)) {
      const p = join(dataDir, f);
      if (!statSync(p).isFile()) continue;
      const bytes = readFileSync(p);
      for (const probe of probes) expect(bytes.includes(probe), f).toBe(false);
    }
  });

  it('exports a score file whose photos verify with the secretariat code and, from outside, with age, unzip, sha256 and ssh-keygen', async () => {
    host.events.length = 0;
    const r = await ws.invoke('bundle:export', { packageId, allowIncomplete: true });
    const file = join(dataDir, 'exports', r.fileName);
    const progress = host.events.filter((e) => e.event === 'progress').map((e) => e.payload as { done: number; total: number });
    expect(progress.at(-1)).toMatchObject({ operation: 'export' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    const state = await ws.invoke('visit:get', a1);
    expect(progress.at(-1)!.total).toBeGreaterThan(state.photos.reduce((n, p) => n + p.size, 0));

    // The project's own verifier, with the expert on the roster.
    const [verdict] = await verifyBundleFiles([file], fx.secretariat, new Map([[card.fingerprint, card]]));
    expect(verdict).toMatchObject({ ok: true, packageId });
    const opened = await openBundleBytes(readFileSync(file), fx.secretariat);
    const b: Bundle = opened.bundle;
    const app = b.applications.find((a) => a.applicationId === 'A001')!;
    const v = app.siteVisit!;
    expect(v).toMatchObject({ visitedAt: '2026-11-20', place: '申报单位中试基地及检测中心', opinion: '现场情况与申报材料一致。' });
    expect(v.items.map((x) => x.id)).toEqual(checklist.map((c) => c.id));
    expect(v.photos.map((p) => p.path)).toEqual(state.photos.map((p) => p.path));
    expect(v.photos[0]).toMatchObject({ caption: '中试线全景', takenAt: '2026-11-20T10:15:00+08:00', itemIds: [checklist[0]!.id] });
    expect(v.photos.find((p) => p.path.endsWith('P3.jpg'))).toMatchObject({ keptOriginal: true });
    expect(v.photos[0]).not.toHaveProperty('keptOriginal');
    expect(opened.attachments).toEqual(v.photos.map((p) => p.path));
    expect(app.scores.find((s) => s.criterionId === criteria[0])!.evidence).toContainEqual({ photo: 'attachments/A001-P1.jpg' });
    // A002 was declared but never visited: no siteVisit key at all.
    expect(b.applications.find((a) => a.applicationId === 'A002')).not.toHaveProperty('siteVisit');

    // From outside: stock age decrypts it with the secretariat's key, unzip tests and lists it.
    const out = join(root, 'stock');
    mkdirSync(out, { recursive: true });
    execFileSync('age', ['-d', '-i', join(fx.dir, 'secretariat', 'age-identity.txt'), '-o', join(out, 'b.zip'), file]);
    expect(execFileSync('unzip', ['-t', join(out, 'b.zip')]).toString()).toMatch(/No errors detected/);
    execFileSync('unzip', ['-o', '-q', join(out, 'b.zip'), '-d', out]);
    const json = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8')) as Bundle;
    // Every photo is a ZIP entry at its photos[].path, listed in attachments[] with its size, media type and SHA-256.
    expect(json.attachments.map((a) => a.path).sort()).toEqual(v.photos.map((p) => p.path).sort());
    expect(readdirSync(join(out, 'attachments')).sort()).toEqual(v.photos.map((p) => p.path.slice('attachments/'.length)).sort());
    for (const a of json.attachments) {
      const onDisk = readFileSync(join(out, a.path));
      expect(onDisk.length, a.path).toBe(a.size);
      expect(
        execFileSync('sha256sum', [join(out, a.path)])
          .toString()
          .split(' ')[0],
        a.path,
      ).toBe(a.sha256);
      expect(a.mediaType).toBe(a.path.endsWith('.png') ? 'image/png' : 'image/jpeg');
      const inWorkspace = state.photos.find((p) => p.path === a.path)!;
      expect(a.sha256).toBe(inWorkspace.sha256);
    }
    // The stripped photo is what was signed: no location in it; the kept original is the camera's file.
    expect(await exifr.gps(readFileSync(join(out, 'attachments/A001-P1.jpg'))).catch(() => undefined)).toBeUndefined();
    expect(readFileSync(join(out, 'attachments/A001-P3.jpg')).equals(photos.jpg2!)).toBe(true);
    // ssh-keygen checks the signature over bundle.json (which lists the photos' hashes) in the scores namespace…
    const check = (data: Buffer) =>
      execFileSync('ssh-keygen', ['-Y', 'check-novalidate', '-n', NS_SCORES, '-s', join(out, 'bundle.json.sig')], {
        input: data,
        stdio: ['pipe', 'pipe', 'pipe'],
      }).toString();
    expect(check(readFileSync(join(out, 'bundle.json')))).toMatch(/Good "reviewdesk-scores" signature with ED25519 key/);
    // …by the expert's key, and a bundle.json with one photo's hash changed does not pass.
    writeFileSync(join(out, 'allowed_signers'), `expert namespaces="${NS_SCORES}" ${card.sshPublicKey}\n`);
    execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', join(out, 'allowed_signers'), '-I', 'expert', '-n', NS_SCORES, '-s', join(out, 'bundle.json.sig')],
      { input: readFileSync(join(out, 'bundle.json')), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const tampered = readFileSync(join(out, 'bundle.json'), 'utf8').replace(json.attachments[0]!.sha256, '0'.repeat(64));
    expect(() => check(Buffer.from(tampered))).toThrow();
  });

  it("reads the export's photos ahead into reused buffers: the recorded bytes, whether or not each is reported consumed", async () => {
    const { photos: listed } = exportVisits(ws.ctx, packageMeta(ws.ctx, packageId));
    expect(listed.length).toBeGreaterThan(1);
    // More photos than read-ahead buffers, so that buffers are read into again; alternating in runs of the
    // read-ahead, so that a buffer is always read into with another photo than it held (an overwrite shows).
    const many = Array.from({ length: 4 * READ_AHEAD }, (_, i) => listed[Math.floor(i / READ_AHEAD) % 2]!);
    const check = (b: Buffer, i: number): void => expect(sha256Hex(b), `photo ${i}`).toBe(many[i]!.sha256);
    // As the export uses it: each photo reported consumed once used, so its buffer takes the photo after next.
    const reader = exportPhotoReader(ws.ctx, many);
    const seen = new Set<ArrayBufferLike>();
    for (let i = 0; i < many.length; i++) {
      const b = await reader.read(i);
      check(b, i);
      seen.add(b.buffer);
      reader.consumed(b);
    }
    // Read ahead into the same few buffers, not a new one per photo.
    expect(seen.size).toBeLessThan(many.length);
    expect([...seen].every((x) => x instanceof SharedArrayBuffer)).toBe(true);
    // Never reported consumed: every photo handed out stays intact while the later ones are read elsewhere.
    const held = exportPhotoReader(ws.ctx, many);
    const kept: Buffer[] = [];
    for (let i = 0; i < many.length; i++) kept.push(await held.read(i));
    kept.forEach(check);
    // Out of order is the caller's mistake, refused.
    const again = exportPhotoReader(ws.ctx, many);
    expect((await refusal(again.read(1))).code).toBe('E_INTERNAL');
  });

  it('knows a photo file by its header: another sealing or its header over other chunks is refused; without a header, by its hash', async () => {
    const [p] = exportVisits(ws.ctx, packageMeta(ws.ctx, packageId)).photos;
    const path = join(dataDir, 'photos', p!.file);
    const original = readFileSync(path);
    const read = async (x: typeof p): Promise<string> => sha256Hex(await exportPhotoReader(ws.ctx, [x!]).read(0));
    expect(p!.headerSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await read(p)).toBe(p!.sha256);
    const plain = Buffer.from(await exportPhotoReader(ws.ctx, [p!]).read(0));
    // The bytes before the first chunk: the header and the 16-byte payload nonce.
    const prefix = (f: Buffer): number => f.indexOf('\n', f.indexOf('\n--- ') + 1) + 1 + 16;
    try {
      // The same photo sealed again to the workspace's own recipient (a public key): another header.
      const resealed = await encryptBytes(plain, { recipients: [card.ageRecipient] });
      writeFileSync(path, resealed);
      expect((await refusal(read(p))).code).toBe('E_INVALID_ENTRY');
      // Its own header and nonce over the chunks of another file of the same size: they do not authenticate.
      const other = await encryptBytes(randomBytes(plain.length), { recipients: [card.ageRecipient] });
      writeFileSync(path, Buffer.concat([original.subarray(0, prefix(original)), other.subarray(prefix(other))]));
      const spliced = await refusal(read(p));
      expect(spliced.code).toBe('E_INVALID_ENTRY');
      // A photo added before its header was recorded is known by the hash of its plaintext: the same photo
      // sealed again reads, another one of its size does not.
      const legacy = { ...p!, headerSha256: null };
      writeFileSync(path, resealed);
      expect(await read(legacy)).toBe(p!.sha256);
      writeFileSync(path, other);
      expect((await refusal(read(legacy))).code).toBe('E_INVALID_ENTRY');
    } finally {
      writeFileSync(path, original);
    }
    expect(await read(p)).toBe(p!.sha256);
  });

  it('prints the 现场考察记录表 from the workspace (visit:sheet): the draft stamped as such, read back with pdftotext', async () => {
    const files = listTree(dataDir).filter((f) => !f.startsWith('workspace.sqlite'));
    const sheet = await ws.invoke('visit:sheet', a1);
    expect(sheet.fileName).toBe('A001-E01-现场考察记录表.pdf');
    expect(sheet.mediaType).toBe('application/pdf');
    expect(Buffer.from(sheet.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    // Made in memory: nothing new in the workspace folder.
    expect(listTree(dataDir).filter((f) => !f.startsWith('workspace.sqlite'))).toEqual(files);
    const pdf = join(root, 'sheet.pdf');
    writeFileSync(pdf, sheet.bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const flat = text.replace(/\s+/g, '');
    const state = await ws.invoke('visit:get', a1);
    expect(text).toContain('现场考察记录表');
    // Stamped as the expert's draft, with the times it was saved and printed, in Beijing time.
    expect(flat).toContain('专家草稿');
    expect(flat).toContain('（草稿）');
    const bj = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', '');
    expect(flat).toContain(`最后保存${bj(state.visit!.updatedAt)}（北京时间）`);
    expect(flat).toMatch(/打印\d{4}-\d{2}-\d{2}\d{2}:\d{2}（北京时间）/);
    expect(flat).toContain('尚未随评分文件签名提交');
    expect(text).not.toContain('UTC');
    // Who, when, where and with whom.
    expect(flat).toContain('考察专家：考察专家（E01），某研究院');
    expect(flat).toContain('2026-11-20');
    expect(flat).toContain('申报单位中试基地及检测中心');
    expect(flat).toContain('王建国（总经理）');
    // Every checklist item by name, with its result and note.
    for (const c of checklist) expect(flat).toContain(c.title['zh-CN'].replace(/\s+/g, ''));
    expect(flat).toContain('不符合');
    expect(flat).toContain('不适用');
    expect(flat).toContain('未见相关制度文件。');
    expect(flat).toContain(`共${checklist.length}项：符合1项，不符合1项，不适用${checklist.length - 2}项。`);
    // The notes, the opinion, the photos with their captions, and the lines to sign and date.
    expect(flat).toContain('二、考察情况记录');
    expect(flat).toContain('查看了中试线和检测中心。');
    expect(flat).toContain('三、现场考察意见');
    expect(flat).toContain('现场情况与申报材料一致。');
    expect(flat).toContain(`四、现场照片（${state.photos.length}张）`);
    expect(flat).toContain('中试线全景');
    for (const p of state.photos) expect(text).toContain(p.path);
    expect(text).toMatch(/专家签名：/);
    expect(text).toMatch(/日期：/);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    const images = execFileSync('pdfimages', ['-list', pdf]).toString();
    expect(images.trim().split('\n').length - 2).toBe(state.photos.length);

    // An application with nothing recorded has no record to print; one not declared cannot be printed either.
    expect((await refusal(ws.invoke('visit:sheet', { packageId, applicationId: 'A002' }))).code).toBe('E_NOT_FOUND');
  });

  it('refuses photos over the count per application (E_PHOTO_LIMIT), adding none of that call', async () => {
    const a2 = { packageId, applicationId: 'A002' };
    await ws.invoke('visit:edit', { ...a2, edit: { field: 'place', value: '第二家单位' } });
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const files = (n: number, from: number) =>
      Array.from({ length: n }, (_, k) => ({ fileName: `t${from + k}.jpg`, bytes: new Uint8Array(tiny) }));
    const max = VISIT_LIMITS.maxPhotosPerApplication;
    let s = await ws.invoke('visit:get', a2);
    for (let i = 0; i < max; i += 50) s = await ws.invoke('visit:addPhotos', { ...a2, files: files(Math.min(50, max - i), i) });
    expect(s.photos).toHaveLength(max);
    const rows = auditRows('A002').length;
    const r = await refusal(ws.invoke('visit:addPhotos', { ...a2, files: files(2, max) }));
    expect(r.code).toBe('E_PHOTO_LIMIT');
    expect(String(r.params.reason)).toContain(String(max));
    expect((await ws.invoke('visit:get', a2)).photos).toHaveLength(max);
    expect(auditRows('A002')).toHaveLength(rows);
    // Removing one makes room for one.
    await ws.invoke('visit:removePhoto', { ...a2, photoId: 'P1' });
    expect((await ws.invoke('visit:addPhotos', { ...a2, files: files(1, 999) })).photos).toHaveLength(max);
    ws.close();
  });
});
