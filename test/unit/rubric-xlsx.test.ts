import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_RUBRIC_XLSX_INFLATED, fromXlsx, toXlsx } from '../../electron/rubrics/xlsx.ts';
import { zipToBuffer } from '../../electron/formats/zip.ts';
import { RUBRIC_TEMPLATES } from '../../shared/rubric/templates/index.ts';
import type { Rubric } from '../../shared/rubric/model.ts';

const code = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );

describe('rubric workbook', () => {
  it.each(RUBRIC_TEMPLATES.map((r) => [r.id, r] as const))('round-trips template %s losslessly and deterministically', async (_id, r) => {
    const a = await toXlsx(r);
    expect(JSON.parse(JSON.stringify(await fromXlsx(a)))).toEqual(JSON.parse(JSON.stringify(r)));
    expect((await toXlsx(r)).equals(a)).toBe(true);
  });

  it('adds no time of writing: the same rubric written in two different seconds gives the same bytes', async () => {
    const r = RUBRIC_TEMPLATES[0]!;
    const a = await toXlsx(r);
    // A ZIP (MS-DOS) time has a two-second step.
    await new Promise((done) => setTimeout(done, 2100));
    expect((await toXlsx(r)).equals(a)).toBe(true);
  });

  it('keeps zhOnly texts zhOnly and absent optional fields absent', async () => {
    const t = structuredClone(RUBRIC_TEMPLATES[0]!) as Rubric;
    t.title = { 'zh-CN': '省级评分表', zhOnly: true };
    const c = t.dimensions[0]!.criteria[0]!;
    delete c.threshold;
    delete c.evidenceHint;
    c.guidance = { 'zh-CN': '仅中文', zhOnly: true };
    delete t.derivedFrom;
    const back = await fromXlsx(await toXlsx(t));
    expect(back.title).toEqual({ 'zh-CN': '省级评分表', zhOnly: true });
    expect(back.dimensions[0]!.criteria[0]!.guidance).toEqual({ 'zh-CN': '仅中文', zhOnly: true });
    expect('threshold' in back.dimensions[0]!.criteria[0]!).toBe(false);
    expect('evidenceHint' in back.dimensions[0]!.criteria[0]!).toBe(false);
    expect('derivedFrom' in back).toBe(false);
    expect(back).toEqual(t);
  });

  it('refuses an edited weight that breaks the total with E_RUBRIC_INVALID', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(RUBRIC_TEMPLATES[0]!)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('二级指标')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('分值 / points');
    const cell = ws.getRow(2).getCell(col);
    cell.value = Number(cell.value) + 7;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(fromXlsx(edited)).rejects.toMatchObject({ code: 'E_RUBRIC_INVALID', message: expect.stringContaining('totalPoints') });
    cell.value = 'many';
    expect(await code(fromXlsx(Buffer.from(await wb.xlsx.writeBuffer())))).toBe('E_RUBRIC_XLSX');
  });

  it('refuses a file that is not a workbook, and an oversized one', async () => {
    expect(await code(fromXlsx(Buffer.from('{"not":"xlsx"}')))).toBe('E_RUBRIC_XLSX');
    expect(await code(fromXlsx(Buffer.from('PK\x03\x04garbage')))).toBe('E_RUBRIC_XLSX');
    expect(await code(fromXlsx(new Uint8Array(5 << 20)))).toBe('E_FILE_TOO_LARGE');
  });

  it('refuses a ZIP bomb from its directory, before anything is inflated', async () => {
    // Under 1 MiB on disk, 65 MiB of zeros inside: over the limit of what a rubric workbook may hold.
    const bomb = await zipToBuffer([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(MAX_RUBRIC_XLSX_INFLATED + (1 << 20)), compress: true },
    ]);
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(fromXlsx(bomb)).rejects.toMatchObject({ code: 'E_RUBRIC_XLSX', message: expect.stringContaining('once inflated') });
  });
});
