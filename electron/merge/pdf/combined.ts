/**
 * The ranking across rubrics, printed only when the secretariat asked for it (every rubric then has the same
 * total): one row per ranked application with the rubric it was scored against. Each rubric's own section,
 * with its figures and flags, comes first.
 */
import type { CombinedRanking, PanelResult } from '../../../shared/merge/aggregate.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { drawTable, fillLastColumn } from './layout.ts';
import { INK, M, MUTED, RULE, fmt, type Align, type Sheet } from './sheet.ts';

interface Row {
  rank: number;
  id: string;
  name: string;
  rubric: string;
  total: number;
}

export function drawCombined(
  s: Sheet,
  combined: CombinedRanking,
  groups: readonly PanelResult[],
  rubricTitle: (id: string) => string,
): void {
  const { doc, zh, t, W } = s;
  const names = new Map(
    groups.flatMap((g) => g.applications.map((a) => [a.applicationId, zh ? a.name['zh-CN'] : pick(a.name, 'en')] as const)),
  );
  const rows: Row[] = combined.ranking.map((r) => ({
    rank: r.rank,
    id: r.applicationId,
    name: names.get(r.applicationId) ?? r.applicationId,
    rubric: rubricTitle(r.rubricId),
    total: r.total,
  }));
  const cols: { title: string; w: number; align?: Align; get: (r: Row) => string }[] = [
    { title: t('排名', 'Rank'), w: 40, align: 'center', get: (r) => String(r.rank) },
    { title: t('编号', 'ID'), w: 50, get: (r) => r.id },
    { title: t('申报项目', 'Application'), w: 300, get: (r) => r.name },
    { title: t('评分细则', 'Rubric'), w: 260, get: (r) => r.rubric },
    { title: t('得分', 'Score'), w: 0, align: 'right', get: (r) => fmt(r.total) },
  ];
  fillLastColumn(cols, W);
  doc.addPage();
  s.heading(t('合并排名（应秘书处要求）', 'Combined ranking (at the secretariat’s request)'));
  doc
    .font('body')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      t(
        `各评分细则满分均为 ${combined.totalPoints} 分，按得分合并排名；各评分细则的评审结果以其各自部分为准。`,
        `Every rubric is out of ${combined.totalPoints}; ranked together by score. Each rubric's own section stands as its result.`,
      ),
      M.l,
      doc.y,
      { width: W },
    );
  doc.moveDown(0.6);
  drawTable(
    s,
    {
      columns: cols,
      headerHeight: 18,
      headerCell: (c, x, y) => {
        doc
          .font('bold')
          .fontSize(8)
          .fillColor(INK)
          .text(c.title, x + 3, y + 5, { width: c.w - 6, align: c.align ?? 'left', lineBreak: false });
      },
      rowHeight: 18,
      cell: (r, c, x, y) => {
        doc.font('body').fontSize(8.5).fillColor(INK);
        doc.text(c.get(r), x + 3, y + 5, s.one(c.w - 6, c.align));
      },
      rowAfter: (_r, _i, y) => {
        doc
          .moveTo(M.l, y + 18)
          .lineTo(M.l + W, y + 18)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
      },
    },
    rows,
  );
}
