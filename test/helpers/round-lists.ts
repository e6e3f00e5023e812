/** Lists as a secretary keeps them: real XLSX workbooks (exceljs) and CSV files, from header → value records. */
import ExcelJS from 'exceljs';

async function xlsx(rows: Record<string, string>[], sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: Record<string, string>[]): Buffer {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const q = (v: string): string => (/[",\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
  return Buffer.from(
    '\ufeff' + [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))].map((l) => l.map(q).join(',')).join('\r\n') + '\r\n',
  );
}

export const applicationListXlsx = (rows: Record<string, string>[]): Promise<Buffer> => xlsx(rows, '申报清单');
export const expertRosterXlsx = (rows: Record<string, string>[]): Promise<Buffer> => xlsx(rows, '专家名单');
export const listCsv = csv;
