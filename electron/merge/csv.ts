/** The summary as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the Chinese text). */
import type { PanelResult } from '../../shared/merge/aggregate.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { ordered, summaryColumns, summaryRow, type CellValue } from './table.ts';

function field(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // A leading = + - @ would be read as a formula by spreadsheet programs.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultCsv(result: PanelResult, rubric: Rubric): string {
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));
  const rows = [summaryColumns(rubric), ...ordered(result).map((a) => summaryRow(a, rubric, (id) => names.get(id) ?? id))];
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
