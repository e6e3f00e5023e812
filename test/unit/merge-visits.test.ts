/**
 * Site visits on the secretariat's side, on a real demo round (3 experts × 2 applications; E01 visited every
 * application, E02 and E03 A001, E02 finding one checklist item not met): `reviewdesk merge --json` reports
 * each application's visits, the workbook's 现场考察 sheet lists every answer, and the 现场考察记录表 reads
 * as the expert who signs it reads it (pdftotext). The photos are read back from the accepted file and
 * checked against their signed SHA-256.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate.ts';
import { openAcceptedPhotos } from '../../electron/merge/visit-photos.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-merge-visits-');
const demo = join(dir, 'demo');
const sheets = join(dir, 'sheets');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');

interface Visit {
  expertId: string;
  name: string;
  visitedAt: string;
  place: string;
  attendees: { name: string; role: string }[];
  items: { id: string; result: 'meets' | 'fails' | 'na'; note: string }[];
  opinion: string;
  fileSha256: string;
  photos: { path: string; caption: string; takenAt: string | null; addedAt: string; itemIds: string[]; sha256: string; size: number }[];
}
interface MergeJson {
  groups: {
    applications: {
      applicationId: string;
      siteVisit?: {
        experts: Visit[];
        items: { id: string; title: { 'zh-CN': string }; meets: number; fails: number; na: number; flagged: boolean }[];
      };
    }[];
  }[];
  written: Record<string, string>;
  visitSheets?: string[];
}
let merged: MergeJson;
const apps = (): MergeJson['groups'][number]['applications'] => merged.groups.flatMap((g) => g.applications);

beforeAll(async () => {
  await generateDemo({ out: demo, experts: 3, applications: 2 });
  mkdirSync(sheets);
  const r = spawnSync(
    process.execPath,
    [
      bin,
      'merge',
      ...readdirSync(join(demo, 'bundles')).map((f) => join(demo, 'bundles', f)),
      '--secretariat',
      join(demo, 'secretariat'),
      '--round',
      join(demo, 'round'),
      '--xlsx',
      join(dir, 'm.xlsx'),
      '--visit-sheets',
      sheets,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  merged = JSON.parse(r.stdout) as MergeJson;
}, 120_000);

describe('reviewdesk merge --json', () => {
  it('reports every visit per application, with a summary per checklist item that flags a 不符合', () => {
    const a1 = apps().find((a) => a.applicationId === 'A001')!;
    const v = a1.siteVisit!;
    expect(v.experts.map((e) => e.expertId)).toEqual(['E01', 'E02', 'E03']);
    const e02 = v.experts.find((e) => e.expertId === 'E02')!;
    const failed = e02.items.filter((x) => x.result === 'fails');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.note.trim()).not.toBe('');
    expect(e02.visitedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e02.place).not.toBe('');
    expect(e02.attendees.length).toBeGreaterThan(0);
    for (const e of v.experts)
      for (const p of e.photos) {
        expect(p.path).toMatch(/^attachments\/A001-/);
        expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(p.size).toBeGreaterThan(0);
        expect(p.addedAt).toBeTruthy();
        expect(Array.isArray(p.itemIds)).toBe(true);
      }
    const item = v.items.find((x) => x.id === failed[0]!.id)!;
    expect(item).toMatchObject({ fails: 1, meets: 2, na: 0, flagged: true });
    expect(v.items.filter((x) => x.flagged)).toHaveLength(1);
    // Another application E01 alone visited: present, nothing flagged.
    const other = apps().find((a) => a.applicationId !== 'A001' && a.siteVisit);
    if (other) expect(other.siteVisit!.items.every((x) => !x.flagged && x.meets + x.fails + x.na === 1)).toBe(true);
  });

  it('leaves the siteVisit key out for an application nobody visited', async () => {
    // A merge of E02's and E03's files alone: E02 and E03 visited A001 only.
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'merge',
        join(demo, 'bundles', 'E02.rsb'),
        join(demo, 'bundles', 'E03.rsb'),
        '--secretariat',
        join(demo, 'secretariat'),
        '--round',
        join(demo, 'round'),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const list = (JSON.parse(r.stdout) as MergeJson).groups.flatMap((g) => g.applications);
    expect(list.filter((a) => a.siteVisit).map((a) => a.applicationId)).toEqual(['A001']);
    expect(list.some((a) => !('siteVisit' in a))).toBe(true);
  });
});

describe('the workbook', () => {
  it('has the 现场考察 sheet, one row per application × expert × item, the failed one filled, and the opinions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'm.xlsx'));
    const ws = wb.getWorksheet('现场考察 Site visits')!;
    expect(ws).toBeDefined();
    const rows = ws.getSheetValues().filter(Boolean).slice(1) as unknown[][];
    const expected = apps().reduce((n, a) => n + (a.siteVisit?.experts.reduce((k, e) => k + e.items.length, 0) ?? 0), 0);
    expect(rows).toHaveLength(expected);
    const fails = rows.filter((r) => r[7] === '不符合');
    expect(fails).toHaveLength(1);
    expect(fails[0]![1]).toBe('A001');
    expect(String(fails[0]![3])).toContain('E02');
    const at = rows.indexOf(fails[0]!) + 2;
    expect((ws.getRow(at).getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFF4CCCC');
    expect(rows.every((r) => ['符合', '不符合', '不适用'].includes(String(r[7])))).toBe(true);
    const op = wb.getWorksheet('现场考察意见 Site-visit opinions')!;
    const e02 = apps()
      .find((a) => a.applicationId === 'A001')!
      .siteVisit!.experts.find((e) => e.expertId === 'E02')!;
    expect((op.getSheetValues().filter(Boolean) as unknown[][]).some((r) => r[1] === 'A001' && r[8] === e02.opinion)).toBe(true);
  });
});

describe('现场考察记录表', () => {
  it('is written per application and visiting expert', () => {
    const want = apps().flatMap((a) => a.siteVisit?.experts.map((e) => `${a.applicationId}-${e.expertId}-现场考察记录表.pdf`) ?? []);
    expect(readdirSync(sheets).sort()).toEqual(want.sort());
    expect(merged.visitSheets).toHaveLength(want.length);
  });

  it('reads as the expert signs it: header, every item with its result and note, opinion, photos, signature lines', () => {
    const v = apps().find((a) => a.applicationId === 'A001')!.siteVisit!;
    const e02 = v.experts.find((e) => e.expertId === 'E02')!;
    const text = execFileSync('pdftotext', ['-layout', join(sheets, 'A001-E02-现场考察记录表.pdf'), '-']).toString();
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('现场考察记录表');
    expect(text).toContain(e02.name);
    expect(text).toContain(e02.visitedAt);
    for (const item of v.items) expect(flat).toContain(item.title['zh-CN'].replace(/\s+/g, ''));
    expect(text).toContain('不符合');
    expect(text).toContain('符合');
    const failed = e02.items.find((x) => x.result === 'fails')!;
    expect(flat).toContain(failed.note.replace(/\s+/g, ''));
    expect(flat).toContain(e02.opinion.replace(/\s+/g, ''));
    expect(text).toContain('现场考察意见');
    expect(text).toMatch(/专家签名：/);
    expect(text).toMatch(/日期：/);
    expect(text).toContain('北京时间');
    expect(text).not.toContain('UTC');
    for (const p of e02.photos) expect(text).toContain(p.path);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    // The photos are in it as images.
    const images = execFileSync('pdfimages', ['-list', join(sheets, 'A001-E02-现场考察记录表.pdf')]).toString();
    expect(images.trim().split('\n').length - 2).toBe(e02.photos.length);
  });
});

describe('the accepted file, opened again for its photos', () => {
  it('gives each photo checked against its signed SHA-256, and refuses another file or a wrong digest', async () => {
    const secretariat = await loadIdentity(join(demo, 'secretariat'));
    const e02 = apps()
      .find((a) => a.applicationId === 'A001')!
      .siteVisit!.experts.find((e) => e.expertId === 'E02')!;
    const verdicts = (merged as unknown as { verdicts: { file: string; expertId: string; contentSha512: string }[] }).verdicts;
    const v = verdicts.find((x) => x.expertId === 'E02')!;
    const card = readFileSync(join(demo, 'experts', 'E02', 'card.json'), 'utf8');
    const file = { path: v.file, fileSha256: e02.fileSha256, contentSha512: v.contentSha512, sshPublicKey: JSON.parse(card).sshPublicKey };
    const photos = await openAcceptedPhotos(file, secretariat.ageIdentity);
    const p = e02.photos[0]!;
    expect((await photos.photo(p)).length).toBe(p.size);
    await expect(photos.photo({ ...p, sha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
    await expect(openAcceptedPhotos({ ...file, path: join(demo, 'bundles', 'E03.rsb') }, secretariat.ageIdentity)).rejects.toMatchObject({
      code: 'E_IO',
    });
    await expect(openAcceptedPhotos({ ...file, contentSha512: '0'.repeat(128) }, secretariat.ageIdentity)).rejects.toMatchObject({
      code: 'E_IO',
    });
  });
});
