/** Colours and small lookups shared by the merge views. */
import type { Rubric } from '../../../shared/rubric/model.ts';
import { scoredCriteria } from '../../../shared/rubric/model.ts';
import { pick, type Locale } from '../../../shared/i18n-text.ts';
import { cyclic } from '../../../shared/checked.ts';

export const VERDICT_COLOR: Record<string, string> = {
  accepted: 'green',
  superseded: 'gray',
  duplicate: 'blue',
  refused: 'red',
  pending: 'yellow',
};

export const CELL_COLOR: Record<string, string> = {
  scored: 'green',
  recused: 'orange',
  'in-progress': 'yellow',
  missing: 'red',
  'not-assigned': 'gray',
};

export const CELLS = ['scored', 'recused', 'in-progress', 'missing', 'not-assigned'] as const;

/** Criteria of the rubric by id, with their dimension. */
export function criteriaById(rubric: Rubric): Map<string, ReturnType<typeof scoredCriteria>[number]> {
  return new Map(scoredCriteria(rubric).map((c) => [c.criterion.id, c]));
}

/** The criterion's title in `locale`, or its id when the rubric has no such criterion. */
export function criterionTitle(crit: ReturnType<typeof criteriaById>, id: string, locale: Locale): string {
  const c = crit.get(id);
  return c ? pick(c.criterion.title, locale) : id;
}

/** Two decimals at most, no trailing zeros; a dash for nothing. */
export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Stable palette for experts in the charts. */
export const EXPERT_COLORS = [
  'blue.7',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.7',
  'lime.7',
  'indigo.5',
  'pink.6',
  'yellow.7',
] as const;

/** The colour of the `i`-th expert, the palette repeating past its end. */
export function expertColor(i: number): string {
  return cyclic(EXPERT_COLORS, i, 'colour');
}
