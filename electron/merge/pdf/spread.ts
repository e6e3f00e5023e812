/**
 * Figure 2 of the summary sheet: how far the experts disagree on each
 * criterion, as a share of its scale — mean range, mean SD, largest range,
 * against the disagreement limits; 26 criteria a page.
 */
import type { PanelResult } from '../../../shared/merge/aggregate.ts';
import { chartPage, frame, gridLines, plotArea, referenceLine } from './layout.ts';
import { ACCENT, INK, M, inSlices, type Sheet } from './sheet.ts';
import { pick } from '../../../shared/i18n-text.ts';

const PER_PAGE = 26;

function spreadPage(s: Sheet, result: PanelResult, list: PanelResult['criteria'], first: boolean): void {
  const { doc, zh, t } = s;
  const limits = result.options.limits;
  chartPage(
    s,
    first ? t('图 2  各评分项评分分歧', 'Figure 2  Spread per criterion') : t('图 2（续）', 'Figure 2 (continued)'),
    t(
      `以分值范围的百分比表示。浅色条：各项目极差的平均；深色条：标准差的平均；菱形：最大极差；竖虚线：分歧限值（极差 ${limits.criterionRange * 100}%，标准差 ${limits.criterionSd * 100}%）`,
      `As % of the scale. Light bar: mean range; dark bar: mean SD; diamond: largest range; dashed: limits (range ${limits.criterionRange * 100}%, SD ${limits.criterionSd * 100}%)`,
    ),
  );
  const p = plotArea(s, { labelW: 230, rightGap: 60, maxRowH: 18, reserve: 24, rows: list.length });
  const { x0, x1, top, rowH } = p;
  const xs = (v: number): number => x0 + (x1 - x0) * Math.min(1, v);
  gridLines(s, p, 1, 0.1, xs, (v) => `${Math.round(v * 100)}%`);
  list.forEach((c, i) => {
    const y = top + i * rowH;
    const span = c.scale.max - c.scale.min;
    doc
      .font('body')
      .fontSize(Math.min(8, rowH * 0.55))
      .fillColor(INK)
      .text(`${c.criterionId} ${zh ? c.title['zh-CN'] : pick(c.title, 'en')}`, M.l, y + rowH / 2 - 4, s.one(p.labelW - 8));
    const range = (c.meanRange ?? 0) / span;
    const sd = (c.meanSd ?? 0) / span;
    doc.rect(x0, y + rowH * 0.18, xs(range) - x0, rowH * 0.64).fill('#b7c9dc');
    doc.rect(x0, y + rowH * 0.36, xs(sd) - x0, rowH * 0.28).fill('#2f5d8a');
    if (c.maxRange !== null) {
      const mx = xs(c.maxRange / span);
      const cy = y + rowH / 2;
      const d = Math.min(3.5, rowH * 0.3);
      doc.polygon([mx, cy - d], [mx + d, cy], [mx, cy + d], [mx - d, cy]).fill(ACCENT);
    }
    if (c.flagged.length)
      doc
        .font('bold')
        .fontSize(7)
        .fillColor(ACCENT)
        .text(`${c.flagged.length} ${t('项', 'apps')}`, x1 + 6, y + rowH / 2 - 4, { width: 54, lineBreak: false });
  });
  referenceLine(s, p, xs(limits.criterionRange), 4, 0.8, ACCENT);
  referenceLine(s, p, xs(limits.criterionSd), 1.5, 0.8, ACCENT);
  frame(s, p);
}

export function drawSpread(s: Sheet, result: PanelResult): void {
  inSlices(result.criteria, PER_PAGE, (list, first) => spreadPage(s, result, list, first));
}
