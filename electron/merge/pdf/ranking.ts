/** Section 1 of the summary sheet: every application by rank, one row each, with its scores, grade, eligibility and recommendations. */
import type { ApplicationResult, PanelResult } from '../../../shared/merge/aggregate.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { ordered } from '../table.ts';
import { drawTable, fillLastColumn } from './layout.ts';
import { ACCENT, INK, M, MUTED, RULE, fmt, type Align, type Sheet } from './sheet.ts';
import { pick } from '../../../shared/i18n-text.ts';

interface RankColumn {
  title: [string, string];
  w: number;
  align?: Align;
  get: (a: ApplicationResult) => string;
  /** A second, smaller line under the first. */
  sub?: (a: ApplicationResult) => string;
}

export function drawRanking(s: Sheet, result: PanelResult, rubric: Rubric): void {
  const { doc, zh, t, W } = s;
  const cols: RankColumn[] = [
    { title: ['排名', 'Rank'], w: 40, align: 'center', get: (a) => (a.rank === null ? '—' : String(a.rank)) },
    { title: ['编号', 'ID'], w: 44, get: (a) => a.applicationId },
    {
      title: ['申报项目 / 申报单位', 'Application / applicant'],
      w: 196,
      get: (a) => (zh ? a.name['zh-CN'] : pick(a.name, 'en')),
      sub: (a) => (zh ? a.organisation['zh-CN'] : pick(a.organisation, 'en')),
    },
    { title: ['评分人数', 'Scored'], w: 50, align: 'center', get: (a) => `${a.experts.complete.length}/${a.experts.assigned.length}` },
    { title: ['得分', 'Score'], w: 46, align: 'right', get: (a) => fmt(a.total.value) },
    { title: ['最高', 'Max'], w: 38, align: 'right', get: (a) => fmt(a.total.max) },
    { title: ['最低', 'Min'], w: 38, align: 'right', get: (a) => fmt(a.total.min) },
    { title: ['标准差', 'SD'], w: 40, align: 'right', get: (a) => fmt(a.total.sd) },
    {
      title: ['等级', 'Grade'],
      w: 48,
      align: 'center',
      get: (a) => (a.grade ? (zh ? a.grade.label['zh-CN'] : pick(a.grade.label, 'en')) : '—'),
    },
    {
      title: ['基本条件', 'Eligibility'],
      w: 72,
      align: 'center',
      get: (a) =>
        zh
          ? { met: '符合', pending: '待专家组认定', confirmed: '专家组认定符合', ineligible: '专家组认定不符合' }[a.gates.eligibility]
          : { met: 'met', pending: 'panel to decide', confirmed: 'met (panel)', ineligible: 'not met (panel)' }[a.gates.eligibility],
    },
    {
      title: ['推荐意见', 'Recommendations'],
      w: 100,
      get: (a) =>
        rubric.recommendations
          .filter((r) => (a.recommendations[r.id] ?? 0) > 0)
          .map((r) => `${zh ? r.label['zh-CN'] : pick(r.label, 'en')} ${a.recommendations[r.id]}`)
          .join('，') || '—',
    },
    { title: ['共识分', 'Consensus'], w: 0, align: 'right', get: (a) => (a.consensus?.score == null ? '—' : fmt(a.consensus.score)) },
  ];
  fillLastColumn(cols, W);
  s.heading(t('一、评审结果（按排名）', '1. Results by rank'));
  drawTable(
    s,
    {
      columns: cols,
      headerHeight: 26,
      headerCell: (c, x, y) => {
        const [z, en] = c.title;
        const o = { width: c.w - 6, align: c.align ?? 'left', lineBreak: false } as const;
        if (zh) {
          doc
            .font('bold')
            .fontSize(8)
            .fillColor(INK)
            .text(z, x + 3, y + 4, o);
          doc
            .font('body')
            .fontSize(6.5)
            .fillColor(MUTED)
            .text(en, x + 3, y + 15, o);
        } else
          doc
            .font('bold')
            .fontSize(7.5)
            .fillColor(INK)
            .text(en, x + 3, y + 9, o);
      },
      rowHeight: 24,
      rowBackground: (a, i, y) => {
        if (i % 2) doc.rect(M.l, y, W, 24).fill('#f6f7f9');
        if (!a.gates.eligible || a.passes === false) doc.rect(M.l, y, 2.5, 24).fill(ACCENT);
      },
      cell: (a, c, x, y) => {
        doc.font('body').fontSize(8.5).fillColor(INK);
        doc.text(c.get(a), x + 3, c.sub ? y + 3 : y + 8, s.one(c.w - 6, c.align));
        if (c.sub)
          doc
            .fontSize(7)
            .fillColor(MUTED)
            .text(c.sub(a), x + 3, y + 13.5, s.one(c.w - 6));
      },
      rowAfter: (_a, _i, y) => {
        doc
          .moveTo(M.l, y + 24)
          .lineTo(M.l + W, y + 24)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
      },
    },
    ordered(result),
  );
  doc.moveDown(0.8);
}
