/**
 * The operation-report figures of an indicator criterion: which entries a
 * rubric admits (the round and the package refuse the rest), and each row's
 * completion as the review screen shows it. Pure, for both sides.
 */
import type { IndicatorValue } from '../formats.ts';
import type { IndicatorRow, Rubric } from '../rubric/model.ts';

/**
 * The first entry the rubric does not admit, described for an error message: one naming a criterion the rubric
 * lacks or one without indicator rows, a row that criterion lacks, or a row given twice. Undefined when all fit.
 */
export function indicatorProblem(rubric: Rubric, entries: readonly IndicatorValue[]): string | undefined {
  const criteria = new Map([...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria)].map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const at = `indicators[${i}] (${e.criterionId}/${e.rowId})`;
    const c = criteria.get(e.criterionId);
    if (!c) return `${at} names criterion ${e.criterionId}, which rubric ${rubric.id} does not have`;
    if (!c.indicators) return `${at} names criterion ${e.criterionId} of rubric ${rubric.id}, which has no indicator rows`;
    if (!c.indicators.some((r) => r.id === e.rowId))
      return `${at} names row ${e.rowId}, which criterion ${e.criterionId} of rubric ${rubric.id} does not have`;
    const key = `${e.criterionId}\u0000${e.rowId}`;
    if (seen.has(key)) return `${at} gives row ${e.rowId} of ${e.criterionId} twice`;
    seen.add(key);
  }
  return undefined;
}

export interface RowCompletion {
  /** actual / target, or target / actual for a row where less is better; null when that is not computable. */
  ratio: number | null;
  /** Whether the target is met (actual ≥ target, or ≤ where less is better); null without both figures. */
  met: boolean | null;
}

/**
 * One row's completion rate (完成率). Not computable without both figures, or when the divisor is not positive
 * (a target of 0, or an actual of 0 where less is better): the rate is then "—", though met or not may still show.
 */
export function rowCompletion(
  row: Pick<IndicatorRow, 'lowerIsBetter'>,
  value: Pick<IndicatorValue, 'target' | 'actual'> | undefined,
): RowCompletion {
  const target = value?.target ?? null;
  const actual = value?.actual ?? null;
  if (target === null || actual === null) return { ratio: null, met: null };
  const lower = row.lowerIsBetter === true;
  const [num, den] = lower ? [target, actual] : [actual, target];
  const ratio = den > 0 && num >= 0 ? num / den : null;
  return { ratio, met: lower ? actual <= target : actual >= target };
}

/** The entry for one row of one criterion, if the application's report gives it. */
export function indicatorValue(
  entries: readonly IndicatorValue[] | undefined,
  criterionId: string,
  rowId: string,
): IndicatorValue | undefined {
  return entries?.find((e) => e.criterionId === criterionId && e.rowId === rowId);
}
