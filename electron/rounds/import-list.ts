/**
 * Reads the lists a secretary keeps — the application list and the expert roster, as XLSX (first sheet, first
 * row the headers) or CSV (UTF-8) — into typed rows, with every problem found: the row, the column as written,
 * a stable code and a sentence in both languages. Headers are matched in Chinese or English. The caller
 * (importing.ts) changes nothing when any problem is found. Workbooks are checked for ZIP bombs before exceljs
 * inflates them (electron/rubrics/xlsx.ts), and every cell is one line of bounded length.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isOneLine } from '../../shared/card.ts';
import type { Expertise, RelationshipKind } from '../../shared/round/model.ts';
import { zipDeclaredSizeProblem } from '../formats/zip.ts';

export type { Expertise, RelationshipKind };

export interface ImportProblem {
  /** 1-based sheet row (the header row is 1); 0 for the file or its headers. */
  row: number;
  column?: string;
  code: string;
  message: { 'zh-CN': string; en: string };
  /** The expert or application the problem is about, where it names one. */
  subject?: string;
}

export interface ApplicationRow {
  row: number;
  id?: string;
  organisation: string;
  organisationEn?: string;
  name: string;
  nameEn?: string;
  category: 'enterprise' | 'non-enterprise';
  field?: string;
  shareholders: string[];
  allianceMembers: string[];
  excludedExperts: { name: string; reason: string }[];
  contact?: string;
  dossier?: string;
}

export interface ExpertRow {
  row: number;
  id?: string;
  name: string;
  organisation: string;
  formerOrganisations: { name: string; until: number }[];
  fields: string[];
  expertise: Expertise[];
  available: boolean;
  relationships: { kind: RelationshipKind; organisation?: string; applicationId?: string; note?: string }[];
  card?: string;
}

export interface ListResult<R> {
  rows: R[];
  problems: ImportProblem[];
}

export const MAX_LIST_BYTES = 8 << 20;
export const MAX_LIST_ROWS = 5000;
const MAX_INFLATED = 64 << 20;

interface Column {
  key: string;
  zh: string;
  required: boolean;
  /** Headers accepted, compared trimmed and in lower case. */
  names: string[];
}

const col = (key: string, zh: string, required: boolean, ...names: string[]): Column => ({
  key,
  zh,
  required,
  names: [zh, ...names].map((n) => n.toLowerCase()),
});

/** The application list's columns. */
export const APPLICATION_COLUMNS: readonly Column[] = [
  col('id', '编号', false, 'id', '申报编号'),
  col('organisation', '申报单位', true, 'applicant', 'organisation', 'organization'),
  col('organisationEn', '申报单位（英文）', false, '申报单位(英文)', 'applicant (en)'),
  col('name', '名称', true, '创新中心名称', '中心名称', 'name'),
  col('nameEn', '名称（英文）', false, '名称(英文)', 'name (en)'),
  col('category', '类别', true, '法人类型', '组建类型', 'category', 'type'),
  col('field', '领域', false, '所属领域', 'field'),
  col('shareholders', '股东', false, '股东单位', 'shareholders'),
  col('allianceMembers', '联盟成员', false, '联盟成员单位', 'alliance members'),
  col('excludedExperts', '申请回避专家', false, '回避专家', 'excluded experts'),
  col('contact', '联系人', false, '联系方式', 'contact'),
  col('dossier', '材料目录', false, '申报材料目录', 'dossier folder', 'dossier'),
];

/** The expert roster's columns. */
export const EXPERT_COLUMNS: readonly Column[] = [
  col('id', '编号', false, 'id', '专家编号'),
  col('name', '姓名', true, 'name'),
  col('organisation', '工作单位', true, '单位', 'organisation', 'organization'),
  col('formerOrganisations', '曾任职单位', false, '曾工作单位', 'former organisations', 'former organizations'),
  col('fields', '领域', false, '专业领域', 'fields'),
  col('expertise', '专家类型', true, '类型', 'expertise'),
  col('available', '可参加', false, '是否可参加', 'available'),
  col('relationships', '利益关系', false, '声明的利益关系', 'declared relationships', 'relationships'),
  col('card', '公钥卡片', false, '卡片', 'card'),
];

const CATEGORY: Record<string, ApplicationRow['category']> = {
  企业法人型: 'enterprise',
  企业: 'enterprise',
  enterprise: 'enterprise',
  非企业法人型: 'non-enterprise',
  非企业: 'non-enterprise',
  'non-enterprise': 'non-enterprise',
};
const EXPERTISE: Record<string, Expertise> = {
  经济: 'economics',
  技术: 'technology',
  产业: 'industry',
  管理: 'management',
  法律: 'law',
  economics: 'economics',
  technology: 'technology',
  industry: 'industry',
  management: 'management',
  law: 'law',
};
const RELATIONSHIP: Record<string, RelationshipKind> = {
  近亲属: 'near-relative',
  竞争申报: 'competing',
  竞争: 'competing',
  合作: 'collaboration',
  经济利益: 'financial',
  其他: 'other',
  'near-relative': 'near-relative',
  'near relative': 'near-relative',
  competing: 'competing',
  collaboration: 'collaboration',
  financial: 'financial',
  other: 'other',
};
const YES = new Set(['', '是', 'yes', 'y', '1', '✓', '√', 'true']);
const NO = new Set(['否', 'no', 'n', '0', '×', 'false']);

/** Splits a list cell on ；; 、 ， , and new lines, never inside brackets (「某某（北京）有限公司」 stays one name). */
export function splitList(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of cell) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[；;、，,\n\r]/u.test(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

type Cells = Map<string, string>;

/** The sheet as header → text rows, or a problem. */
async function readTable(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ headers: string[]; rows: { row: number; cells: string[] }[] } | ImportProblem> {
  const fail = (code: string, zh: string, en: string): ImportProblem => ({ row: 0, code, message: { 'zh-CN': zh, en } });
  if (bytes.length > MAX_LIST_BYTES)
    return fail(
      'E_LIST_TOO_LARGE',
      `${fileName} 过大（${bytes.length} 字节，上限 ${MAX_LIST_BYTES} 字节）。`,
      `${fileName} is too large (${bytes.length} bytes, limit ${MAX_LIST_BYTES}).`,
    );
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bomb = buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b ? 'not a ZIP file' : zipDeclaredSizeProblem(buf, MAX_INFLATED, 400);
    if (bomb)
      return fail(
        'E_LIST_FORMAT',
        `${fileName} 不是可读的 XLSX 工作簿（${bomb}）。`,
        `${fileName} is not a readable XLSX workbook (${bomb}).`,
      );
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch (e) {
      const why = e instanceof Error ? e.message.slice(0, 200) : 'unreadable';
      return fail(
        'E_LIST_FORMAT',
        `${fileName} 不是可读的 XLSX 工作簿（${why}）。`,
        `${fileName} is not a readable XLSX workbook (${why}).`,
      );
    }
    const ws = wb.worksheets[0];
    if (!ws) return fail('E_LIST_FORMAT', `${fileName} 中没有工作表。`, `${fileName} has no worksheet.`);
    const text = (v: ExcelJS.CellValue): string => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'object') {
        if ('richText' in v) return v.richText.map((t) => t.text).join('');
        if ('text' in v && typeof v.text === 'string') return v.text;
        if ('result' in v) return String(v.result ?? '');
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        return '';
      }
      return String(v);
    };
    const all: { row: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const values = r.values as ExcelJS.CellValue[];
      all.push({ row: n, cells: values.slice(1).map(text) });
    });
    const [head, ...rows] = all;
    return { headers: (head?.cells ?? []).map((h) => h.trim()), rows };
  }
  if (lower.endsWith('.csv')) {
    let textContent: string;
    try {
      textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail(
        'E_LIST_FORMAT',
        `${fileName} 不是 UTF-8 编码的 CSV，请在表格软件中另存为「CSV UTF-8」。`,
        `${fileName} is not UTF-8 CSV; save it as "CSV UTF-8" from the spreadsheet program.`,
      );
    }
    let records: string[][];
    try {
      records = parseCsv(textContent, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (e) {
      const why = e instanceof Error ? e.message.slice(0, 200) : 'unreadable';
      return fail('E_LIST_FORMAT', `${fileName} 不是可读的 CSV（${why}）。`, `${fileName} is not readable CSV (${why}).`);
    }
    const [head, ...rows] = records;
    return { headers: (head ?? []).map((h) => h.trim()), rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
  }
  return fail('E_LIST_FORMAT', `${fileName}：只能导入 .xlsx 或 .csv 文件。`, `${fileName}: only .xlsx or .csv files can be imported.`);
}

/** Reads a table and maps its headers onto `columns`; problems for missing required columns and bad cells. */
async function readRows(
  bytes: Uint8Array,
  fileName: string,
  columns: readonly Column[],
): Promise<{ rows: { row: number; cells: Cells }[]; problems: ImportProblem[]; header: (key: string) => string }> {
  const table = await readTable(bytes, fileName);
  if ('code' in table) return { rows: [], problems: [table], header: (k) => k };
  const problems: ImportProblem[] = [];
  const at = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const c = columns.find((x) => x.names.includes(h.toLowerCase()));
    if (c && !at.has(c.key)) at.set(c.key, i);
  });
  const header = (key: string): string => {
    const i = at.get(key);
    return i !== undefined ? (table.headers[i] ?? key) : (columns.find((c) => c.key === key)?.zh ?? key);
  };
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  if (missing.length) {
    const names = missing.map((c) => c.zh).join('、');
    problems.push({
      row: 0,
      code: 'E_LIST_MISSING_COLUMN',
      message: {
        'zh-CN': `${fileName} 缺少必填列：${names}（第 1 行应为表头）。`,
        en: `${fileName} lacks the required column(s) ${names} (row 1 must hold the headers).`,
      },
    });
    return { rows: [], problems, header };
  }
  const data = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_LIST_ROWS) {
    problems.push({
      row: 0,
      code: 'E_LIST_TOO_LARGE',
      message: {
        'zh-CN': `${fileName} 有 ${data.length} 行，上限 ${MAX_LIST_ROWS} 行。`,
        en: `${fileName} has ${data.length} rows; the limit is ${MAX_LIST_ROWS}.`,
      },
    });
    return { rows: [], problems, header };
  }
  const rows = data.map((r) => {
    const cells: Cells = new Map();
    for (const [key, i] of at) {
      const v = (r.cells[i] ?? '').trim();
      const limit =
        key === 'shareholders' ||
        key === 'allianceMembers' ||
        key === 'relationships' ||
        key === 'excludedExperts' ||
        key === 'formerOrganisations'
          ? 100_000
          : 1000;
      // A list cell may hold new lines between its items; every other cell is one line.
      const lines =
        key === 'shareholders' ||
        key === 'allianceMembers' ||
        key === 'relationships' ||
        key === 'excludedExperts' ||
        key === 'formerOrganisations' ||
        key === 'fields'
          ? v.split(/\r?\n/u)
          : [v];
      if (v.length > limit || !lines.every(isOneLine)) {
        problems.push({
          row: r.row,
          column: header(key),
          code: 'E_LIST_CELL',
          message: {
            'zh-CN': `第 ${r.row} 行「${header(key)}」含控制字符或过长（上限 ${limit} 字），请改为一行普通文字。`,
            en: `Row ${r.row}, "${header(key)}": control characters or too long (limit ${limit}); make it plain text on one line.`,
          },
        });
        cells.set(key, '');
      } else cells.set(key, v);
    }
    return { row: r.row, cells };
  });
  return { rows, problems, header };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NAME_LIMIT = 200;

function requireCell(r: { row: number; cells: Cells }, key: string, header: (k: string) => string, problems: ImportProblem[]): string {
  const v = r.cells.get(key) ?? '';
  if (!v) {
    problems.push({
      row: r.row,
      column: header(key),
      code: 'E_LIST_EMPTY_CELL',
      message: {
        'zh-CN': `第 ${r.row} 行「${header(key)}」为空，此列必填。`,
        en: `Row ${r.row}, "${header(key)}" is empty; the column is required.`,
      },
    });
  } else if (v.length > NAME_LIMIT) {
    problems.push({
      row: r.row,
      column: header(key),
      code: 'E_LIST_CELL',
      message: {
        'zh-CN': `第 ${r.row} 行「${header(key)}」超过 ${NAME_LIMIT} 字。`,
        en: `Row ${r.row}, "${header(key)}" is longer than ${NAME_LIMIT} characters.`,
      },
    });
  }
  return v;
}

function optionalId(r: { row: number; cells: Cells }, header: (k: string) => string, problems: ImportProblem[]): string | undefined {
  const v = r.cells.get('id') ?? '';
  if (!v) return undefined;
  if (!ID.test(v) || v.length > 64) {
    problems.push({
      row: r.row,
      column: header('id'),
      code: 'E_LIST_ID',
      message: {
        'zh-CN': `第 ${r.row} 行「${header('id')}」为「${v}」：编号只能含字母、数字、点、横线和下划线（如 A001）。`,
        en: `Row ${r.row}, "${header('id')}" is "${v}": an id holds letters, digits, dot, dash and underscore only (e.g. A001).`,
      },
    });
    return undefined;
  }
  return v;
}

/** `某人（理由）`, `某人:理由`, `某人：理由` → name and reason. */
function nameWithNote(item: string): { name: string; note: string } {
  const m = /^(.+?)\s*[（(]\s*(.+?)\s*[）)]\s*$/u.exec(item) ?? /^(.+?)\s*[:：]\s*(.+)$/u.exec(item);
  return m ? { name: (m[1] ?? '').trim(), note: (m[2] ?? '').trim() } : { name: item.trim(), note: '' };
}

/** A row repeating an earlier one (by id, or by its natural key): E_LIST_DUPLICATE on the later row. */
function noteDuplicate(problems: ImportProblem[], seen: Map<string, number>, row: number, key: string, what: string): void {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, row);
    return;
  }
  problems.push({
    row,
    code: 'E_LIST_DUPLICATE',
    message: { 'zh-CN': `第 ${row} 行与第 ${first} 行重复（${what}）。`, en: `Row ${row} repeats row ${first} (${what}).` },
  });
}

export async function readApplicationList(bytes: Uint8Array, fileName: string): Promise<ListResult<ApplicationRow>> {
  const { rows, problems, header } = await readRows(bytes, fileName, APPLICATION_COLUMNS);
  const out: ApplicationRow[] = [];
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const r of rows) {
    const organisation = requireCell(r, 'organisation', header, problems);
    const name = requireCell(r, 'name', header, problems);
    const rawCategory = requireCell(r, 'category', header, problems);
    const category = CATEGORY[rawCategory.toLowerCase()];
    if (rawCategory && !category)
      problems.push({
        row: r.row,
        column: header('category'),
        code: 'E_LIST_CATEGORY',
        message: {
          'zh-CN': `第 ${r.row} 行「${header('category')}」为「${rawCategory}」：应为 企业法人型 或 非企业法人型。`,
          en: `Row ${r.row}, "${header('category')}" is "${rawCategory}": it must be 企业法人型 (enterprise) or 非企业法人型 (non-enterprise).`,
        },
      });
    const id = optionalId(r, header, problems);
    const excluded = splitList(r.cells.get('excludedExperts') ?? '').map(nameWithNote);
    if (excluded.length > 3)
      problems.push({
        row: r.row,
        column: header('excludedExperts'),
        code: 'E_LIST_TOO_MANY_EXCLUDED',
        message: {
          'zh-CN': `第 ${r.row} 行申请回避 ${excluded.length} 名专家：每个申报单位最多申请回避 3 名。`,
          en: `Row ${r.row} asks to exclude ${excluded.length} experts; an applicant may ask to exclude at most 3.`,
        },
      });
    for (const x of excluded)
      if (!x.note)
        problems.push({
          row: r.row,
          column: header('excludedExperts'),
          code: 'E_LIST_EXCLUDED_REASON',
          message: {
            'zh-CN': `第 ${r.row} 行申请回避「${x.name}」未写理由，请写成「${x.name}（理由）」。`,
            en: `Row ${r.row} asks to exclude "${x.name}" without a reason; write it as "${x.name}（reason）".`,
          },
        });
    const dup = (map: Map<string, number>, k: string, what: string): void => noteDuplicate(problems, map, r.row, k, what);
    if (id) dup(ids, id, id);
    if (organisation && name) dup(keys, `${organisation}\u0000${name}`, `${organisation} ${name}`);
    const opt = (k: string): string | undefined => r.cells.get(k) || undefined;
    out.push({
      row: r.row,
      ...(id ? { id } : {}),
      organisation,
      ...(opt('organisationEn') ? { organisationEn: opt('organisationEn') as string } : {}),
      name,
      ...(opt('nameEn') ? { nameEn: opt('nameEn') as string } : {}),
      category: category ?? 'enterprise',
      ...(opt('field') ? { field: opt('field') as string } : {}),
      shareholders: splitList(r.cells.get('shareholders') ?? ''),
      allianceMembers: splitList(r.cells.get('allianceMembers') ?? ''),
      excludedExperts: excluded.map((x) => ({ name: x.name, reason: x.note })),
      ...(opt('contact') ? { contact: opt('contact') as string } : {}),
      ...(opt('dossier') ? { dossier: opt('dossier') as string } : {}),
    });
  }
  return { rows: out, problems };
}

/** `某大学（至2021）`, `某大学(2021)`, `某大学 至2021年`, `某大学 until 2021`. */
function formerOrganisation(item: string): { name: string; until: number } | null {
  const m = /^(.+?)\s*[（(]?\s*(?:至|until|to)?\s*(\d{4})\s*年?\s*[）)]?\s*$/iu.exec(item);
  if (!m) return null;
  return { name: (m[1] ?? '').trim(), until: Number(m[2]) };
}

export async function readExpertRoster(bytes: Uint8Array, fileName: string): Promise<ListResult<ExpertRow>> {
  const { rows, problems, header } = await readRows(bytes, fileName, EXPERT_COLUMNS);
  const out: ExpertRow[] = [];
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const r of rows) {
    const name = requireCell(r, 'name', header, problems);
    const organisation = requireCell(r, 'organisation', header, problems);
    const id = optionalId(r, header, problems);
    const rawExpertise = requireCell(r, 'expertise', header, problems);
    const expertise: Expertise[] = [];
    for (const t of splitList(rawExpertise.replace(/\s+/gu, '、'))) {
      const e = EXPERTISE[t.toLowerCase()];
      if (e) {
        if (!expertise.includes(e)) expertise.push(e);
      } else
        problems.push({
          row: r.row,
          column: header('expertise'),
          code: 'E_LIST_EXPERTISE',
          message: {
            'zh-CN': `第 ${r.row} 行「${header('expertise')}」中的「${t}」不是专家类型：应为 经济、技术、产业、管理、法律 之一。`,
            en: `Row ${r.row}, "${header('expertise')}": "${t}" is not an expertise type; use 经济, 技术, 产业, 管理 or 法律 (economics, technology, industry, management, law).`,
          },
        });
    }
    const formerOrganisations: ExpertRow['formerOrganisations'] = [];
    for (const item of splitList(r.cells.get('formerOrganisations') ?? '')) {
      const f = formerOrganisation(item);
      if (f && f.name) formerOrganisations.push(f);
      else
        problems.push({
          row: r.row,
          column: header('formerOrganisations'),
          code: 'E_LIST_YEAR',
          message: {
            'zh-CN': `第 ${r.row} 行「${header('formerOrganisations')}」中的「${item}」缺少离任年份，请写成「${item}（至2021）」：利益冲突筛查需要它。`,
            en: `Row ${r.row}, "${header('formerOrganisations')}": "${item}" lacks the year the expert left; write "${item} (2021)". Conflict screening needs it.`,
          },
        });
    }
    const availableText = (r.cells.get('available') ?? '').toLowerCase();
    const available = YES.has(availableText) ? true : NO.has(availableText) ? false : null;
    if (available === null)
      problems.push({
        row: r.row,
        column: header('available'),
        code: 'E_LIST_AVAILABLE',
        message: {
          'zh-CN': `第 ${r.row} 行「${header('available')}」为「${r.cells.get('available')}」：应为 是 或 否。`,
          en: `Row ${r.row}, "${header('available')}" is "${r.cells.get('available')}": use 是 (yes) or 否 (no).`,
        },
      });
    const relationships: ExpertRow['relationships'] = [];
    for (const item of splitList(r.cells.get('relationships') ?? '')) {
      const m = /^([^:：]+)[:：]\s*(.+)$/u.exec(item);
      const kind = m ? RELATIONSHIP[(m[1] ?? '').trim().toLowerCase()] : undefined;
      if (!m || !kind) {
        problems.push({
          row: r.row,
          column: header('relationships'),
          code: 'E_LIST_RELATIONSHIP',
          message: {
            'zh-CN': `第 ${r.row} 行「${header('relationships')}」中的「${item}」应写成「关系：对象」，关系为 近亲属、竞争申报、合作、经济利益 或 其他。`,
            en: `Row ${r.row}, "${header('relationships')}": write "${item}" as "kind: target", kind one of near-relative, competing, collaboration, financial, other.`,
          },
        });
        continue;
      }
      const { name: target, note } = nameWithNote(m[2] ?? '');
      const isApp = /^[A-Za-z]+[0-9]+$/u.test(target);
      relationships.push({ kind, ...(isApp ? { applicationId: target } : { organisation: target }), ...(note ? { note } : {}) });
    }
    const dup = (map: Map<string, number>, k: string, what: string): void => noteDuplicate(problems, map, r.row, k, what);
    if (id) dup(ids, id, id);
    if (name && organisation) dup(keys, `${name}\u0000${organisation}`, `${name} ${organisation}`);
    const card = r.cells.get('card') || undefined;
    out.push({
      row: r.row,
      ...(id ? { id } : {}),
      name,
      organisation,
      formerOrganisations,
      fields: splitList(r.cells.get('fields') ?? ''),
      expertise,
      available: available ?? true,
      relationships,
      ...(card ? { card } : {}),
    });
  }
  return { rows: out, problems };
}
