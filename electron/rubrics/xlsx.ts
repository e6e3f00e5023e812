/**
 * A rubric as a workbook a secretary edits in Excel or WPS, and back. The
 * texts (Chinese and English), points, thresholds and band minimums are
 * plain cells; what has no natural cell form (scales' levels, comment rules,
 * indicator rows, sources) is JSON in the last column 其余（JSON）. The round
 * trip is lossless: an empty cell is an absent field, never "" or null.
 */
import ExcelJS from 'exceljs';
import { ReviewDeskError } from '../../shared/errors.ts';
import { zipDeclaredSizeProblem } from '../formats/zip.ts';
import type { LocalizedText } from '../../shared/i18n-text.ts';
import { Rubric } from '../../shared/rubric/model.ts';

/** Largest workbook read (bytes), and most rows on any sheet. */
export const MAX_RUBRIC_XLSX_BYTES = 4 << 20;
export const MAX_RUBRIC_XLSX_ROWS = 2000;

type Col = { header: string; key: string; kind: 'id' | 'text' | 'optText' | 'num' | 'optNum' | 'str' };
type Obj = Record<string, unknown>;

const REST = '其余（JSON）/ rest';
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const text = (key: string, zh: string, en: string, optional = false): Col[] => [
  { header: `${zh}`, key, kind: optional ? 'optText' : 'text' },
  { header: `${en} (English)`, key: `${key}#en`, kind: optional ? 'optText' : 'text' },
];

const CRITERION: Col[] = [
  { header: '二级指标ID / id', key: 'id', kind: 'id' },
  ...text('title', '二级指标', 'Criterion'),
  { header: '分值 / points', key: 'weight', kind: 'num' },
  ...text('guidance', '评分标准', 'Guidance'),
  { header: '阈值 / threshold', key: 'threshold', kind: 'optNum' },
  ...text('evidenceHint', '证据提示', 'Evidence hint', true),
];

const SHEETS = {
  rubric: { name: '评分细则', cols: [] as Col[] },
  dimensions: {
    name: '一级指标',
    cols: [
      { header: '一级指标ID / id', key: 'id', kind: 'id' },
      ...text('title', '一级指标', 'Dimension'),
      ...text('guidance', '说明', 'Guidance', true),
    ] as Col[],
  },
  criteria: { name: '二级指标', cols: [{ header: '一级指标ID / dimension', key: '@dim', kind: 'id' }, ...CRITERION] as Col[] },
  gates: { name: '基本条件', cols: CRITERION },
  gradeBands: {
    name: '等级',
    cols: [
      { header: '等级ID / id', key: 'id', kind: 'id' },
      ...text('label', '等级', 'Grade'),
      { header: '最低分 / min', key: 'min', kind: 'num' },
      ...text('consequence', '后果', 'Consequence', true),
    ] as Col[],
  },
  recommendations: {
    name: '结论',
    cols: [
      { header: '结论ID / id', key: 'id', kind: 'id' },
      ...text('label', '结论', 'Outcome'),
      ...text('description', '说明', 'Description', true),
    ] as Col[],
  },
  siteVisit: {
    name: '现场考察',
    cols: [
      { header: '考察项ID / id', key: 'id', kind: 'id' },
      ...text('title', '考察项', 'Item'),
      ...text('guidance', '考察要点', 'Guidance'),
    ] as Col[],
  },
};

function omit(o: object, key: string): Obj {
  const copy: Obj = { ...(o as Obj) };
  delete copy[key];
  return copy;
}

function toCells(o: Obj, cols: Col[]): { cells: (string | number | null)[]; rest: Obj } {
  const rest: Obj = { ...o };
  const cells: (string | number | null)[] = [];
  for (const c of cols) {
    if (c.key.endsWith('#en')) continue;
    const v = o[c.key];
    if (c.kind === 'text' || c.kind === 'optText') {
      const t = v as LocalizedText | undefined;
      if (t === undefined) cells.push(null, null);
      else cells.push(t['zh-CN'], 'en' in t ? t.en : null);
    } else cells.push(v === undefined ? null : (v as string | number));
    delete rest[c.key];
  }
  return { cells, rest };
}

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Obj[]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([...cols.map((c) => c.header), REST]).font = { bold: true };
  for (const r of rows) {
    const { cells, rest } = toCells(r, cols);
    ws.addRow([...cells, Object.keys(rest).length ? JSON.stringify(rest) : null]);
  }
  ws.columns.forEach((c) => (c.width = 24));
}

/** 2000-01-01 00:00 as a ZIP (MS-DOS) date and time. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * ExcelJS's ZIP writer stamps every entry with the time it was added: the same workbook written twice would
 * differ in those bytes. This sets each entry's time, in its central directory record and its local header, to
 * {@link FIXED_DATE}, walking the directory the writer just made (its entries carry no extra timestamp fields).
 */
function withFixedZipTimes(zip: Buffer): Buffer {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('internal: the workbook writer made no ZIP directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('internal: the workbook writer made a damaged ZIP directory');
    zip.writeUInt16LE(DOS_TIME, p + 12);
    zip.writeUInt16LE(DOS_DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('internal: the workbook writer made a damaged ZIP entry');
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** The rubric as an XLSX workbook; the same rubric gives the same bytes. */
export async function toXlsx(r: Rubric): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReviewDesk';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const { gates, dimensions, gradeBands, recommendations, siteVisit, title, totalPoints, passThreshold, ...top } = r;
  const ws = wb.addWorksheet(SHEETS.rubric.name);
  ws.addRow(['字段 / field', '值 / value']).font = { bold: true };
  ws.addRow(['title', title['zh-CN']]);
  ws.addRow(['title#en', 'en' in title ? title.en : null]);
  ws.addRow(['totalPoints', totalPoints]);
  ws.addRow(['passThreshold', passThreshold]);
  for (const [k, v] of Object.entries(top)) ws.addRow([k, JSON.stringify(v)]);
  ws.columns.forEach((c) => (c.width = 30));
  addSheet(
    wb,
    SHEETS.dimensions.name,
    SHEETS.dimensions.cols,
    dimensions.map((d) => omit(d, 'criteria')),
  );
  addSheet(
    wb,
    SHEETS.criteria.name,
    SHEETS.criteria.cols,
    dimensions.flatMap((d) => d.criteria.map((c) => ({ '@dim': d.id, ...c }))),
  );
  addSheet(wb, SHEETS.gates.name, SHEETS.gates.cols, gates);
  addSheet(wb, SHEETS.gradeBands.name, SHEETS.gradeBands.cols, gradeBands);
  addSheet(wb, SHEETS.recommendations.name, SHEETS.recommendations.cols, recommendations);
  addSheet(wb, SHEETS.siteVisit.name, SHEETS.siteVisit.cols, siteVisit);
  return withFixedZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

function bad(sheet: string, row: number, column: string, reason: string): ReviewDeskError {
  return new ReviewDeskError('E_RUBRIC_XLSX', { sheet, row, column, reason });
}

function cellValue(v: ExcelJS.CellValue): string | number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('') || undefined;
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text) || undefined;
  return String(v as unknown as string);
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw bad(name, 0, '-', 'the sheet is missing / 缺少该工作表');
  if (ws.rowCount > MAX_RUBRIC_XLSX_ROWS) throw bad(name, ws.rowCount, '-', `more than ${MAX_RUBRIC_XLSX_ROWS} rows`);
  return ws;
}

function json(sheet: string, row: number, column: string, raw: string | number | undefined): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw bad(sheet, row, column, 'expected JSON text');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw bad(sheet, row, column, 'not valid JSON / 不是有效的 JSON');
  }
}

function readSheet(wb: ExcelJS.Workbook, name: string, cols: Col[]): Obj[] {
  const ws = sheetOf(wb, name);
  const headers = [...cols.map((c) => c.header), REST];
  headers.forEach((h, i) => {
    if (cellValue(ws.getRow(1).getCell(i + 1).value) !== h) throw bad(name, 1, h, 'the header row was changed / 表头被修改');
  });
  const out: Obj[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const vals = headers.map((_, i) => cellValue(row.getCell(i + 1).value));
    if (vals.every((v) => v === undefined)) continue;
    const restRaw = json(name, n, REST, vals[headers.length - 1]);
    if (restRaw !== undefined && (typeof restRaw !== 'object' || restRaw === null || Array.isArray(restRaw)))
      throw bad(name, n, REST, 'expected a JSON object');
    const o: Obj = {};
    cols.forEach((c, i) => {
      const v = vals[i];
      if (c.key.endsWith('#en')) return;
      if (c.kind === 'text' || c.kind === 'optText') {
        const en = vals[i + 1];
        if (v === undefined) {
          if (c.kind === 'text') throw bad(name, n, c.header, 'must not be empty / 不能为空');
          if (en !== undefined) throw bad(name, n, c.header, 'English without Chinese / 有英文但缺中文');
          return;
        }
        o[c.key] = en === undefined ? { 'zh-CN': String(v), zhOnly: true } : { 'zh-CN': String(v), en: String(en) };
      } else if (c.kind === 'num' || c.kind === 'optNum') {
        if (v === undefined) {
          if (c.kind === 'num') throw bad(name, n, c.header, 'must not be empty / 不能为空');
          return;
        }
        const x = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(x)) throw bad(name, n, c.header, 'not a number / 不是数字');
        o[c.key] = x;
      } else {
        if (v === undefined) throw bad(name, n, c.header, 'must not be empty / 不能为空');
        o[c.key] = String(v);
      }
    });
    Object.assign(o, restRaw as Obj | undefined);
    out.push(o);
  }
  return out;
}

/** What a rubric workbook may hold once inflated, in all and per entry, and how many entries. */
export const MAX_RUBRIC_XLSX_INFLATED = 64 << 20;
const MAX_RUBRIC_XLSX_ENTRIES = 200;

/**
 * Reads the ZIP's central directory before exceljs inflates anything: a
 * workbook that declares more than the limits (a ZIP bomb), uses ZIP64, or
 * whose directory cannot be found is refused. A lying declared size is then
 * caught by the inflater's own checks of each entry's size and CRC.
 */
function checkDeclaredSizes(zip: Buffer): void {
  const problem = zipDeclaredSizeProblem(zip, MAX_RUBRIC_XLSX_INFLATED, MAX_RUBRIC_XLSX_ENTRIES);
  if (problem) throw bad('-', 0, '-', `not an XLSX workbook / 不是 XLSX 工作簿 (${problem})`);
}

/** Reads a workbook written by `toXlsx` (and edited); refuses with E_RUBRIC_XLSX or E_RUBRIC_INVALID. */
export async function fromXlsx(bytes: Uint8Array): Promise<Rubric> {
  if (bytes.length > MAX_RUBRIC_XLSX_BYTES)
    throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: bytes.length, limit: MAX_RUBRIC_XLSX_BYTES });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw bad('-', 0, '-', 'not an XLSX workbook / 不是 XLSX 工作簿');
  checkDeclaredSizes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw bad('-', 0, '-', `not an XLSX workbook / 不是 XLSX 工作簿 (${e instanceof Error ? e.message.slice(0, 200) : 'unreadable'})`);
  }
  const name = SHEETS.rubric.name;
  const ws = sheetOf(wb, name);
  const top: Obj = {};
  let title: { zh?: string; en?: string } = {};
  for (let n = 2; n <= ws.rowCount; n++) {
    const k = cellValue(ws.getRow(n).getCell(1).value);
    const v = cellValue(ws.getRow(n).getCell(2).value);
    if (k === undefined) continue;
    if (k === 'title') title = { ...title, zh: v === undefined ? undefined : String(v) };
    else if (k === 'title#en') title = { ...title, en: v === undefined ? undefined : String(v) };
    else if (k === 'totalPoints' || k === 'passThreshold') {
      const x = typeof v === 'number' ? v : Number(v);
      if (v === undefined || !Number.isFinite(x)) throw bad(name, n, '值 / value', `${k} must be a number`);
      top[k] = x;
    } else top[String(k)] = json(name, n, '值 / value', v);
  }
  if (!title.zh) throw bad(name, 0, 'title', 'the title is missing / 缺少标题');
  const criteria = readSheet(wb, SHEETS.criteria.name, SHEETS.criteria.cols);
  const dimensions = readSheet(wb, SHEETS.dimensions.name, SHEETS.dimensions.cols).map((d) => ({
    ...d,
    criteria: criteria.filter((c) => c['@dim'] === d.id).map((c) => omit(c, '@dim')),
  })) as Obj[];
  const known = new Set(dimensions.map((d) => d.id));
  const stray = criteria.findIndex((c) => !known.has(c['@dim']));
  if (stray >= 0) throw bad(SHEETS.criteria.name, stray + 2, SHEETS.criteria.cols[0]!.header, 'names no dimension on 一级指标');
  const candidate = {
    ...top,
    title: title.en === undefined ? { 'zh-CN': title.zh, zhOnly: true } : { 'zh-CN': title.zh, en: title.en },
    gates: readSheet(wb, SHEETS.gates.name, SHEETS.gates.cols),
    dimensions,
    gradeBands: readSheet(wb, SHEETS.gradeBands.name, SHEETS.gradeBands.cols),
    recommendations: readSheet(wb, SHEETS.recommendations.name, SHEETS.recommendations.cols),
    siteVisit: readSheet(wb, SHEETS.siteVisit.name, SHEETS.siteVisit.cols),
  };
  const parsed = Rubric.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${i.path.join('.') || '(rubric)'}: ${i.message}`)
      .join('; ');
    throw new ReviewDeskError('E_RUBRIC_INVALID', { issues });
  }
  return parsed.data;
}
