/**
 * Sections 2 and 3 of the summary sheet: what the panel must look at (failed
 * gates, criteria below threshold, untrimmed means, recusals, incomplete
 * scoring, strong disagreement, outlying experts), and the consensus the
 * secretary recorded.
 */
import type { PanelResult } from '../../../shared/merge/aggregate.ts';
import { fmt, type Sheet } from './sheet.ts';

/** At most this many flags are printed; the rest are counted (the workbook has them all). */
const MAX_FLAGS = 60;

/** One line per flag, in application order, then the panel-wide ones. */
export function flagLines(s: Pick<Sheet, 't'>, result: PanelResult): string[] {
  const { t } = s;
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));
  const flags: string[] = [];
  for (const a of result.applications) {
    // One line per gate and reason, naming every expert who gave it.
    const groups = new Map<string, { criterionId: string; comment: string; who: string[] }>();
    for (const f of a.gates.failed) {
      const k = `${f.criterionId}\u0000${f.comment}`;
      const g = groups.get(k) ?? { criterionId: f.criterionId, comment: f.comment, who: [] };
      g.who.push(`${names.get(f.expertId) ?? f.expertId}（${f.expertId}）`);
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      flags.push(
        `${a.applicationId} ${t('基本条件不符合', 'eligibility condition not met')} ${g.criterionId}：${g.who.join('、')}${g.comment ? ` — ${g.comment}` : ''}`,
      );
    }
    if (a.gates.eligibility === 'pending')
      flags.push(
        `${a.applicationId} ${t('待专家组认定：有专家认为不符合基本条件，认定前照常排名', 'awaiting the panel’s decision on eligibility; ranked as usual until then')}`,
      );
    else if (a.gates.eligibility === 'ineligible')
      flags.push(`${a.applicationId} ${t('专家组认定不符合基本条件，不参与排名', 'not eligible by the panel’s decision; not ranked')}`);
    else if (a.gates.eligibility === 'confirmed')
      flags.push(`${a.applicationId} ${t('专家组认定符合基本条件', 'eligible by the panel’s decision')}`);
    if (a.belowThresholds.length)
      flags.push(`${a.applicationId} ${t('单项未达门槛', 'below criterion threshold')}：${a.belowThresholds.join('、')}`);
    if (a.total.trimFellBack)
      flags.push(`${a.applicationId} ${t('有效评分人数不足，未去掉最高最低分，按平均分计', 'too few scores to trim; mean used')}`);
    for (const r of a.experts.recused)
      flags.push(`${a.applicationId} ${t('回避', 'recusal')}：${names.get(r.expertId) ?? r.expertId} — ${r.reason}`);
    if (a.experts.missing.length || a.experts.inProgress.length)
      flags.push(
        `${a.applicationId} ${t('评分未完成', 'incomplete')}：${[...a.experts.missing, ...a.experts.inProgress].map((id) => names.get(id) ?? id).join('、')}`,
      );
  }
  const flaggedCriteria = result.criteria.filter((c) => c.flagged.length);
  if (flaggedCriteria.length)
    flags.push(
      `${t('评分分歧较大', 'Strong disagreement')}：${flaggedCriteria.map((c) => `${c.criterionId}（${c.flagged.length}）`).join('、')}`,
    );
  for (const e of result.experts.filter((x) => x.outlier)) {
    flags.push(
      `${t('专家评分持续偏离专家组', 'Expert consistently off the panel')}：${e.displayName}（${e.expertId}）${e.outlier === 'lenient' ? t('偏宽', 'lenient') : t('偏严', 'harsh')} ${fmt(e.deviation.mean)}`,
    );
  }
  if (!flags.length) flags.push(t('无', 'None'));
  return flags;
}

export function drawFlags(s: Sheet, result: PanelResult): void {
  const { t } = s;
  s.ensure(60);
  s.heading(t('二、需要专家组注意的事项', "2. For the panel's attention"));
  const flags = flagLines(s, result);
  const shown = flags.slice(0, MAX_FLAGS);
  shown.forEach((f) => s.bullet(f));
  if (flags.length > shown.length)
    s.bullet(t(`另有 ${flags.length - shown.length} 条，见工作簿`, `${flags.length - shown.length} more in the workbook`));
}

export function drawConsensus(s: Sheet, result: PanelResult): void {
  const { doc, t } = s;
  const consensus = result.applications.flatMap((a) => (a.consensus ? [{ a, c: a.consensus }] : []));
  if (!consensus.length) return;
  doc.moveDown(0.5);
  s.ensure(40);
  s.heading(t('三、专家组意见（秘书记录）', '3. Consensus (recorded by the secretary)'));
  for (const { a, c } of consensus) {
    s.bullet(
      `${a.applicationId}${c.score === null ? '' : ` ${t('共识分', 'score')} ${fmt(c.score)}`}：${c.text}（${c.recordedBy}，${c.recordedAt.slice(0, 10)}）${
        c.evidence?.length
          ? t('引用现场照片：', ' Site-visit photos cited: ') +
            c.evidence.map((e) => `${e.expertId} ${e.photo.replace(/^attachments\//, '')}`).join(t('、', ', '))
          : ''
      }`,
    );
  }
}
