/** The summary as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the Chinese text). */
import type { PanelResult, RoundResult } from '../../shared/merge/aggregate.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import { pick } from '../../shared/i18n-text.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { ordered, summaryColumns, summaryRow, type CellValue } from './table.ts';

function field(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // A leading = + - @ would be read as a formula by spreadsheet programs.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function groupRows(result: PanelResult, rubric: Rubric): CellValue[][] {
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));
  return [summaryColumns(rubric), ...ordered(result).map((a) => summaryRow(a, rubric, (id) => names.get(id) ?? id))];
}

/**
 * The summary of every rubric: one table, or, for a round of several rubrics, one block per rubric (a line
 * naming it, its table, a blank line), since their columns differ and their ranks are their own.
 */
export function resultCsv(result: RoundResult, ledger: Ledger): string {
  const rows =
    result.groups.length === 1
      ? groupRows(result.groups[0]!, ledger.rubrics[0]!.rubric)
      : result.groups.flatMap((g, i) => {
          const rubric = ledger.rubrics[i]!.rubric;
          return [
            [`评分细则 Rubric: ${rubric.title['zh-CN']} / ${pick(rubric.title, 'en')} (${rubric.id} v${rubric.version})`],
            ...groupRows(g, rubric),
            [],
          ];
        });
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
