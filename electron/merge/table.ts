/** The summary table shared by the CSV, XLSX and PDF outputs: one row per application in rank order. */
import type { ApplicationResult, Cell, Method, PanelResult } from '../../shared/merge/aggregate.ts';
import { getOrThrow } from '../../shared/checked.ts';
import { scoredCriteria, type Rubric } from '../../shared/rubric/model.ts';
import { pick } from '../../shared/i18n-text.ts';

export type CellValue = string | number | null;

export const METHOD_LABEL: Record<Method, string> = {
  mean: '平均分 / mean',
  median: '中位数 / median',
  trimmed: '去掉最高最低后平均 / trimmed mean',
};

/** Rounds for display (outputs show 2 decimals; the signed result keeps full precision). */
export function round2(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}

export function methodText(r: PanelResult): string {
  const o = r.options;
  const m = o.method === 'trimmed' ? `${METHOD_LABEL.trimmed} (k=${o.trim.k}, ≥${o.trim.minRemaining})` : METHOD_LABEL[o.method];
  return o.normalise ? `${m}; z 分数标准化 / z-score normalised` : m;
}

export function ordered(r: PanelResult): ApplicationResult[] {
  const byId = new Map(r.applications.map((a) => [a.applicationId, a]));
  return r.ranking.map((id) => getOrThrow(byId, id, 'result of ranked application'));
}

export function summaryColumns(rubric: Rubric): string[] {
  return [
    '排名 Rank',
    '编号 ID',
    '申报项目 Application',
    '申报单位 Applicant',
    '类型 Category',
    '有效评分 Scored',
    '回避 Recused',
    '未完成 Incomplete',
    '得分 Score',
    '平均 Mean',
    '中位数 Median',
    '去极值平均 Trimmed',
    '标准差 SD',
    '极差 Range',
    '等级 Grade',
    '基本条件 Eligibility',
    '通过 Passes',
    '未达单项门槛 Below thresholds',
    '基本条件不符合 Eligibility conditions not met',
    ...rubricRecommendationColumns(rubric),
    '分歧项 Disagreement',
    ...scoredCriteria(rubric).map(({ criterion }) => `${criterion.id} ${criterion.title['zh-CN']}`),
    '共识分 Consensus score',
    '专家组意见 Consensus',
  ];
}

/**
 * How the sheets state eligibility: an expert's 不符合 flags an application and the panel decides (专家组认定);
 * until then it is ranked and printed as 待专家组认定.
 */
export const ELIGIBILITY: Record<ApplicationResult['gates']['eligibility'], string> = {
  met: '符合 Met',
  pending: '待专家组认定 Awaiting the panel’s decision',
  confirmed: '专家组认定符合 Met (panel decision)',
  ineligible: '专家组认定不符合 Not met (panel decision)',
};

function rubricRecommendationColumns(rubric: Rubric): string[] {
  return [...rubric.recommendations.map((r) => `推荐:${r.label['zh-CN']} ${pick(r.label, 'en')}`), '推荐:无 None'];
}

export function summaryRow(a: ApplicationResult, rubric: Rubric, expertName: (id: string) => string): CellValue[] {
  const t = a.total;
  return [
    a.rank,
    a.applicationId,
    a.name['zh-CN'],
    a.organisation['zh-CN'],
    a.category === 'enterprise' ? '企业法人型' : '非企业法人型',
    a.experts.complete.length,
    a.experts.recused.length,
    a.experts.inProgress.length + a.experts.missing.length,
    round2(t.value),
    round2(t.mean),
    round2(t.median),
    round2(t.trimmed),
    round2(t.sd),
    round2(t.range),
    a.grade ? `${a.grade.label['zh-CN']} ${pick(a.grade.label, 'en')}` : null,
    ELIGIBILITY[a.gates.eligibility],
    a.passes === null ? null : a.passes ? '是 yes' : '否 no',
    a.belowThresholds.join(' '),
    a.gates.failed.map((f) => `${expertName(f.expertId)}:${f.criterionId}${f.comment ? `（${f.comment}）` : ''}`).join('; '),
    ...rubric.recommendations.map((r) => a.recommendations[r.id] ?? 0),
    a.recommendations.none ?? 0,
    a.disagreement.join(' '),
    ...a.criteria.map((c) => round2(c.summary.value)),
    a.consensus?.score ?? null,
    a.consensus?.text ?? null,
  ];
}

export const CELL_LABEL: Record<Cell, string> = {
  scored: '已评',
  recused: '回避',
  'in-progress': '进行中',
  missing: '缺失',
  'not-assigned': '—',
};
