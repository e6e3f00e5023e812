/**
 * Figure 1 of the summary sheet: each application's experts' totals as dots
 * on the rubric's scale, the panel score as a bar, the pass mark dashed, the
 * grade bands shaded; 24 applications a page, in rank order.
 */
import type { ApplicationResult, PanelResult } from '../../../shared/merge/aggregate.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { ordered } from '../table.ts';
import { chartPage, frame, gridLines, plotArea, referenceLine } from './layout.ts';
import { ACCENT, INK, M, MUTED, fmt, inSlices, type Sheet } from './sheet.ts';
import { pick } from '../../../shared/i18n-text.ts';

const BAND_FILL: Record<string, string> = { excellent: '#e3efe0', good: '#eef4e4', pass: '#fbf5e0', fail: '#f8e5e3' };
const PER_PAGE = 24;

function distributionPage(s: Sheet, rubric: Rubric, apps: ApplicationResult[], first: boolean): void {
  const { doc, zh, t } = s;
  chartPage(
    s,
    first ? t('图 1  各申报项目得分分布', 'Figure 1  Score distribution per application') : t('图 1（续）', 'Figure 1 (continued)'),
    t(
      '圆点：各专家总分；竖线：专家组得分；虚线：合格线；底色：等级区间',
      "dots: each expert's total; bar: panel score; dashed: pass mark; shading: grade bands",
    ),
  );
  const p = plotArea(s, { labelW: 190, rightGap: 10, maxRowH: 20, reserve: 30, rows: apps.length });
  const { x0, x1, top, rowH, hgt } = p;
  const xs = (v: number): number => x0 + ((x1 - x0) * v) / rubric.totalPoints;
  const bands = [...rubric.gradeBands].sort((a, b) => a.min - b.min);
  bands.forEach((b, i) => {
    const hi = bands[i + 1]?.min ?? rubric.totalPoints;
    doc.rect(xs(b.min), top, xs(hi) - xs(b.min), hgt).fill(BAND_FILL[b.id] ?? '#f3f3f3');
    doc
      .font('body')
      .fontSize(7)
      .fillColor(MUTED)
      .text(zh ? b.label['zh-CN'] : pick(b.label, 'en'), xs(b.min), top + hgt + 14, { width: xs(hi) - xs(b.min), align: 'center' });
  });
  gridLines(s, p, rubric.totalPoints, rubric.totalPoints / 10, xs, (v) => fmt(v, 0));
  referenceLine(s, p, xs(rubric.passThreshold), 3, 0.9, ACCENT);
  apps.forEach((a, i) => {
    const cy = top + i * rowH + rowH / 2;
    doc
      .font('body')
      .fontSize(Math.min(8, rowH * 0.6))
      .fillColor(INK)
      .text(
        `${a.applicationId} ${zh ? a.name['zh-CN'] : pick(a.name, 'en')}`,
        M.l,
        cy - Math.min(8, rowH * 0.6) * 0.6,
        s.one(p.labelW - 8),
      );
    doc.moveTo(x0, cy).lineTo(x1, cy).lineWidth(0.2).strokeColor('#dde1e6').stroke();
    const r = Math.max(1.2, Math.min(2.6, rowH * 0.16));
    for (const v of Object.values(a.expertTotals)) doc.circle(xs(v), cy, r).fillOpacity(0.55).fill('#2f5d8a').fillOpacity(1);
    if (a.total.value !== null) {
      doc
        .moveTo(xs(a.total.value), cy - rowH * 0.42)
        .lineTo(xs(a.total.value), cy + rowH * 0.42)
        .lineWidth(1.8)
        .strokeColor(ACCENT)
        .stroke();
    }
  });
  frame(s, p);
  doc.y = top + hgt + 30;
}

export function drawDistribution(s: Sheet, result: PanelResult, rubric: Rubric): void {
  inSlices(ordered(result), PER_PAGE, (apps, first) => distributionPage(s, rubric, apps, first));
}
