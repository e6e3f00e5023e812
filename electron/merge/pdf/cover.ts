/** The cover block of the summary sheet: round title, sheet title, and the rubric, method, panel, agreement and date lines. */
import type { PanelResult } from '../../../shared/merge/aggregate.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { methodText } from '../table.ts';
import { INK, M, MUTED, type Sheet } from './sheet.ts';
import { pick } from '../../../shared/i18n-text.ts';

/** A moment as YYYY-MM-DD HH:MM in China Standard Time (UTC+8, no daylight saving), as official sheets show it. */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function drawCover(s: Sheet, result: PanelResult, rubric: Rubric, secretariat: { displayName: string }, now: Date): void {
  const { doc, zh, t, W } = s;
  doc
    .font('body')
    .fontSize(11)
    .fillColor(MUTED)
    .text(zh ? result.round.title['zh-CN'] : pick(result.round.title, 'en'), M.l, M.t, { width: W, align: 'center' });
  doc
    .moveDown(0.2)
    .font('bold')
    .fontSize(22)
    .fillColor(INK)
    .text(zh ? '专家组汇总表' : 'Panel summary sheet', { width: W, align: 'center' });
  if (zh) doc.font('body').fontSize(10).fillColor(MUTED).text('Panel summary sheet', { width: W, align: 'center' });
  doc.moveDown(0.6);
  const w = result.agreement.kendallW;
  const icc = result.agreement.icc;
  const info: [string, string][] = [
    [t('评分细则', 'Rubric'), `${zh ? rubric.title['zh-CN'] : pick(rubric.title, 'en')}（${rubric.id} v${rubric.version}）`],
    [
      t('计分方法', 'Method'),
      `${methodText(result)}；${t('满分', 'out of')} ${rubric.totalPoints}，${t('合格线', 'pass mark')} ${rubric.passThreshold}${
        rubric.scoring.default
          ? t('；满分与合格线为默认值（组织单位可调整）', '; total and pass mark are defaults (set by the organiser)')
          : ''
      }`,
    ],
    [
      t('专家组', 'Panel'),
      `${result.experts.length} ${t('位专家', 'experts')}，${result.applications.length} ${t('个申报项目', 'applications')}，${result.experts.filter((e) => e.revision !== null).length} ${t('份有效评分文件', 'bundles counted')}`,
    ],
    [
      t('一致性', 'Agreement'),
      `Kendall's W = ${w ? `${w.value.toFixed(3)}（${w.experts}×${w.applications}）` : '—'}；ICC(1) = ${icc ? `${icc.value.toFixed(3)}（${icc.ratings} ${t('个总分', 'totals')}）` : '—'}`,
    ],
    [t('生成时间', 'Generated'), `${beijingMinute(now)} ${t('北京时间', 'China Standard Time')}，${secretariat.displayName}`],
  ];
  const y0 = doc.y;
  info.forEach(([k, v], i) => {
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(INK)
      .text(k, M.l, y0 + i * 14, { width: 110, lineBreak: false });
    doc
      .font('body')
      .fontSize(9)
      .text(v, M.l + 112, y0 + i * 14, s.one(W - 112));
  });
  doc.y = y0 + info.length * 14 + 10;
}
