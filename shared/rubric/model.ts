import { z } from 'zod';
import { LocalizedText } from '../i18n-text.ts';

/** Identifiers used in rubrics, packages and bundles: short, ASCII, stable. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

const finite = z.number().finite();

/** The two kinds of centre (seed 003): enterprise legal person type and non-enterprise legal person type. */
export const ApplicationCategory = z.enum(['enterprise', 'non-enterprise']);
export type ApplicationCategory = z.infer<typeof ApplicationCategory>;

/** The three kinds of review a rubric serves: selection (遴选), annual evaluation (年度评估), three-year periodic assessment (三年定期考核). */
export const Stage = z.enum(['selection', 'annual', 'periodic']);
export type Stage = z.infer<typeof Stage>;

/**
 * Where an element comes from: the programme document and the line quoted
 * from it. `document` names a seed by its number and title (e.g. "003 上海市制造业创新中心建设工程实施方案"),
 * or a document outside the seeds (then `outsideSeeds: true`, e.g. MIIT's 2018
 * assessment rules 工信厅科〔2018〕37号). `note` says how the quote was
 * cleaned up where the seed text is garbled.
 */
export const Source = z
  .object({
    document: z.string().min(1).max(200),
    quote: z.string().min(1).max(4000),
    outsideSeeds: z.literal(true).optional(),
    note: LocalizedText.optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/**
 * Provenance, carried by every element of a rubric: `source` when its text
 * or rule is taken from a programme document; `default: true` when its
 * numbers (points, thresholds, band minimums) or the element itself come from
 * no document, so the organiser may change them (shown as 默认值（组织单位可调整）).
 * An element may carry both: the text from a seed, the points a default.
 */
const provenance = { source: Source.optional(), default: z.literal(true).optional() };
export type Provenance = { source?: Source; default?: true };

/** A numeric scale: min to max in steps (e.g. 0–5 in halves, 0–10 in ones). */
export const PointsScale = z.object({ kind: z.literal('points'), min: finite, max: finite, step: finite.positive() }).strict();

/** A level descriptor (e.g. 优 / 良 / 中 / 差) mapped to a band of points. */
export const Level = z
  .object({ id: Id, label: LocalizedText, descriptor: LocalizedText, min: finite, max: finite, ...provenance })
  .strict();

/** Level descriptors: the expert picks a level, then a score inside its band. */
export const LevelsScale = z.object({ kind: z.literal('levels'), step: finite.positive(), levels: z.array(Level).min(2).max(10) }).strict();

/** A pass/fail eligibility gate (基本条件). */
export const GateScale = z.object({ kind: z.literal('gate') }).strict();

export const Scale = z.discriminatedUnion('kind', [PointsScale, LevelsScale, GateScale]);
export type Scale = z.infer<typeof Scale>;

/** When a comment is required. */
export const CommentRule = z
  .object({
    required: z.enum(['always', 'optional', 'belowThreshold']),
    /** With `belowThreshold`: a score strictly below this needs a comment. */
    threshold: finite.optional(),
    minLength: z.number().int().min(0).max(2000).default(0),
  })
  .strict();

/**
 * One row of a quantitative indicator criterion: what the centre's annual
 * operation report states as target and actual (the values travel with the
 * application, `indicators` in the manifest), with its unit. The expert
 * judges the rows together and scores the criterion on its scale.
 */
export const IndicatorRow = z
  .object({
    id: Id,
    label: LocalizedText,
    unit: LocalizedText,
    /** Whether more is better (the default) or less (e.g. energy per unit). */
    lowerIsBetter: z.literal(true).optional(),
    ...provenance,
  })
  .strict();
export type IndicatorRow = z.infer<typeof IndicatorRow>;

/** One scored criterion (or gate). */
export const Criterion = z
  .object({
    id: Id,
    title: LocalizedText,
    guidance: LocalizedText,
    /** Points this criterion contributes to the total (0 for gates). */
    weight: finite.min(0),
    scale: Scale,
    comment: CommentRule,
    /** Minimum score for this criterion to pass (per-criterion threshold). */
    threshold: finite.optional(),
    /** What evidence in the dossier the expert should look at. */
    evidenceHint: LocalizedText.optional(),
    /** An indicator criterion: the expert scores against these rows of targets and actuals. */
    indicators: z.array(IndicatorRow).min(1).max(50).optional(),
    ...provenance,
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/** A dimension groups sub-criteria (e.g. 运行机制 → its criteria). */
export const Dimension = z
  .object({
    id: Id,
    title: LocalizedText,
    guidance: LocalizedText.optional(),
    criteria: z.array(Criterion).min(1).max(100),
    ...provenance,
  })
  .strict();
export type Dimension = z.infer<typeof Dimension>;

/**
 * Grade band, e.g. 优秀 ≥ 90. Bands are read from the highest `min` down.
 * `consequence` says what the grade entails (不合格: 限期整改一年, then an
 * on-site re-check).
 */
export const GradeBand = z
  .object({ id: Id, label: LocalizedText, min: finite, consequence: LocalizedText.optional(), ...provenance })
  .strict();
export type GradeBand = z.infer<typeof GradeBand>;

/**
 * An outcome the expert recommends, in the programme's words (通过遴选,
 * 同意筹建, …). Exactly one main outcome is chosen per application; an
 * `additional` one (支持争创国家级, 推荐申报国家级) may be chosen beside it.
 * `categories` limits it to some categories of the rubric's `appliesTo`.
 */
export const Recommendation = z
  .object({
    id: Id,
    label: LocalizedText,
    description: LocalizedText.optional(),
    additional: z.literal(true).optional(),
    categories: z.array(ApplicationCategory).min(1).max(2).optional(),
    ...provenance,
  })
  .strict();
export type Recommendation = z.infer<typeof Recommendation>;

export const SiteVisitItem = z.object({ id: Id, title: LocalizedText, guidance: LocalizedText, ...provenance }).strict();

export const RUBRIC_SCHEMA_VERSION = 2;

const RubricShape = z
  .object({
    schemaVersion: z.literal(RUBRIC_SCHEMA_VERSION),
    id: Id,
    version: z.number().int().min(1),
    title: LocalizedText,
    description: LocalizedText,
    /** The categories of application this rubric is for; a package refuses any other. */
    appliesTo: z.array(ApplicationCategory).min(1).max(2),
    stage: Stage,
    /** The template (or rubric) this one was made from, for the editor's diff. */
    derivedFrom: z
      .object({ id: Id, version: z.number().int().min(1) })
      .strict()
      .optional(),
    /** Where the rubric as a whole comes from (the documents it follows). */
    sources: z.array(Source).max(20).optional(),
    /** Eligibility conditions: pass/fail, separate from scored criteria. */
    gates: z.array(Criterion).max(50),
    dimensions: z.array(Dimension).min(1).max(30),
    totalPoints: finite.positive(),
    /** Overall threshold: a total below this does not pass. */
    passThreshold: finite.min(0),
    gradeBands: z.array(GradeBand).min(1).max(10),
    recommendations: z.array(Recommendation).min(1).max(10),
    /** Criterion or dimension ids that break ties in ranking, in priority order. */
    tieBreak: z.array(Id).max(50),
    siteVisit: z.array(SiteVisitItem).max(100),
    /** Provenance of `totalPoints`, `passThreshold` and `tieBreak`. */
    scoring: z.object(provenance).strict(),
  })
  .strict();

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** Checks that a value lies on the step grid starting at `origin`. */
export function onStep(value: number, origin: number, step: number): boolean {
  const k = (value - origin) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** A problem of internal consistency: what is wrong, and where. */
export interface ConsistencyProblem {
  message: string;
  path: (string | number)[];
}

/**
 * The consistency rules of a rubric whose shape is right: ids unique, every
 * element sourced or a default, gates as gates, scales sound, points adding
 * up to the total, tie-breaks naming known ids. `Rubric` applies them after
 * the shape; the rubric editor also runs them on a draft whose shape still
 * fails (an empty text), so that every problem shows at once.
 */
export function consistencyProblems(r: RubricShape): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const seen = new Set<string>();
  const issue = (message: string, path: (string | number)[]): void => {
    problems.push({ message, path });
  };
  const all = [...r.gates, ...r.dimensions.flatMap((d) => d.criteria)];
  const rows = all.flatMap((c) => c.indicators ?? []);
  for (const id of [...r.dimensions.map((d) => d.id), ...all.map((c) => c.id), ...rows.map((x) => x.id)]) {
    if (seen.has(id)) issue(`duplicate id ${id}`, ['id']);
    seen.add(id);
  }
  for (const list of [r.gradeBands, r.recommendations, r.siteVisit] as { id: string }[][]) {
    const local = new Set<string>();
    for (const x of list) {
      if (local.has(x.id)) issue(`duplicate id ${x.id}`, ['id']);
      local.add(x.id);
    }
  }
  if (new Set(r.appliesTo).size !== r.appliesTo.length) issue('appliesTo repeats a category', ['appliesTo']);
  for (const { at, element } of provenanced(r)) {
    if (!element.source && !element.default) issue('carries neither a source nor default: true', at);
  }
  r.recommendations.forEach((x, i) => {
    for (const c of x.categories ?? [])
      if (!r.appliesTo.includes(c)) issue(`names category ${c}, which the rubric does not apply to`, ['recommendations', i]);
  });
  if (!r.recommendations.some((x) => !x.additional)) issue('needs at least one main (not additional) outcome', ['recommendations']);
  r.gates.forEach((g, i) => {
    if (g.scale.kind !== 'gate') issue('gates must use the gate scale', ['gates', i, 'scale']);
    if (g.weight !== 0) issue('gates carry no weight', ['gates', i, 'weight']);
    if (g.indicators) issue('a gate has no indicator rows', ['gates', i, 'indicators']);
  });
  let weights = 0;
  r.dimensions.forEach((d, di) =>
    d.criteria.forEach((c, ci) => {
      const path = ['dimensions', di, 'criteria', ci];
      weights += c.weight;
      const s = c.scale;
      if (s.kind === 'gate') return issue('scored criteria cannot be gates', [...path, 'scale']);
      const { min, max } = scaleRange(s);
      if (!(max > min)) issue('scale max must exceed min', [...path, 'scale']);
      if (s.kind === 'points' && !onStep(s.max, s.min, s.step)) issue('max is off the step grid', [...path, 'scale']);
      if (s.kind === 'levels') {
        const sorted = [...s.levels].sort((a, b) => a.min - b.min);
        sorted.forEach((l, i) => {
          if (l.max < l.min) issue(`level ${l.id} band is empty`, [...path, 'scale']);
          const next = sorted[i + 1];
          if (next && next.min <= l.max) issue(`level ${l.id} overlaps ${next.id}`, [...path, 'scale']);
        });
      }
      if (c.comment.required === 'belowThreshold' && c.comment.threshold === undefined)
        issue('belowThreshold needs a threshold', [...path, 'comment']);
    }),
  );
  if (!near(weights, r.totalPoints)) issue(`weights sum to ${weights}, not ${r.totalPoints}`, ['totalPoints']);
  const ids = new Set(seen);
  r.tieBreak.forEach((t, i) => {
    if (!ids.has(t)) issue(`tie-break names unknown id ${t}`, ['tieBreak', i]);
  });
  return problems;
}

/** The rubric: validated structurally and for internal consistency. */
export const Rubric = RubricShape.superRefine((r, ctx) => {
  for (const { message, path } of consistencyProblems(r)) ctx.addIssue({ code: 'custom', message, path });
});
export type Rubric = z.infer<typeof Rubric>;

type RubricShape = z.infer<typeof RubricShape>;

/**
 * Every element that carries provenance, with its path: the scoring, each
 * dimension, criterion, gate, level, indicator row, grade band, outcome and
 * site-visit item.
 */
export function provenanced(r: RubricShape): { at: (string | number)[]; element: Provenance }[] {
  const out: { at: (string | number)[]; element: Provenance }[] = [{ at: ['scoring'], element: r.scoring }];
  const criterion = (c: Criterion, at: (string | number)[]): void => {
    out.push({ at, element: c });
    if (c.scale.kind === 'levels') c.scale.levels.forEach((l, i) => out.push({ at: [...at, 'scale', 'levels', i], element: l }));
    c.indicators?.forEach((x, i) => out.push({ at: [...at, 'indicators', i], element: x }));
  };
  r.gates.forEach((g, i) => criterion(g, ['gates', i]));
  r.dimensions.forEach((d, di) => {
    out.push({ at: ['dimensions', di], element: d });
    d.criteria.forEach((c, ci) => criterion(c, ['dimensions', di, 'criteria', ci]));
  });
  r.gradeBands.forEach((b, i) => out.push({ at: ['gradeBands', i], element: b }));
  r.recommendations.forEach((x, i) => out.push({ at: ['recommendations', i], element: x }));
  r.siteVisit.forEach((x, i) => out.push({ at: ['siteVisit', i], element: x }));
  return out;
}

/** Whether a rubric applies to an application of this category. */
export function appliesTo(rubric: Pick<Rubric, 'appliesTo'>, category: ApplicationCategory): boolean {
  return rubric.appliesTo.includes(category);
}

/** The outcomes an expert may choose for an application of this category: main and additional. */
export function outcomesFor(rubric: Rubric, category: ApplicationCategory): { main: Recommendation[]; additional: Recommendation[] } {
  const fits = (x: Recommendation): boolean => !x.categories || x.categories.includes(category);
  return {
    main: rubric.recommendations.filter((x) => !x.additional && fits(x)),
    additional: rubric.recommendations.filter((x) => x.additional && fits(x)),
  };
}

/** The lowest and highest score a scale allows. */
export function scaleRange(scale: Scale): { min: number; max: number } {
  switch (scale.kind) {
    case 'points':
      return { min: scale.min, max: scale.max };
    case 'levels':
      return {
        min: Math.min(...scale.levels.map((l) => l.min)),
        max: Math.max(...scale.levels.map((l) => l.max)),
      };
    case 'gate':
      return { min: 0, max: 1 };
  }
}

/** All scored criteria in rubric order, with their dimension. */
export function scoredCriteria(rubric: Rubric): { dimension: Dimension; criterion: Criterion }[] {
  return rubric.dimensions.flatMap((dimension) => dimension.criteria.map((criterion) => ({ dimension, criterion })));
}

/** Whether `value` is a score the criterion's scale allows. */
export function isValidScore(criterion: Criterion, value: number): boolean {
  const s = criterion.scale;
  if (!Number.isFinite(value)) return false;
  switch (s.kind) {
    case 'gate':
      return value === 0 || value === 1;
    case 'points':
      return value >= s.min && value <= s.max && onStep(value, s.min, s.step);
    case 'levels':
      return s.levels.some((l) => value >= l.min && value <= l.max && onStep(value, l.min, s.step));
  }
}

/**
 * Every score the criterion allows, ascending: the step grid of its scale
 * (each level's band, for levels) kept to what `isValidScore` accepts, so the
 * list and the check can never disagree.
 */
export function allowedScores(criterion: Criterion): number[] {
  const s = criterion.scale;
  if (s.kind === 'gate') return [0, 1];
  const out: number[] = [];
  const push = (min: number, max: number, step: number): void => {
    for (let k = 0; ; k++) {
      const v = Math.round((min + k * step) * 1e6) / 1e6;
      if (v > max + 1e-9) break;
      out.push(v);
    }
  };
  if (s.kind === 'points') push(s.min, s.max, s.step);
  else for (const l of s.levels) push(l.min, l.max, s.step);
  return [...new Set(out)].filter((v) => isValidScore(criterion, v)).sort((a, b) => a - b);
}

/** The level whose band holds the score, for level scales. */
export function levelFor(criterion: Criterion, value: number): z.infer<typeof Level> | undefined {
  const s = criterion.scale;
  return s.kind === 'levels' ? s.levels.find((l) => value >= l.min && value <= l.max) : undefined;
}

/** Whether a score needs a comment under the criterion's rule. */
export function commentRequired(criterion: Criterion, value: number | undefined): boolean {
  const rule = criterion.comment;
  if (rule.required === 'always') return true;
  if (rule.required === 'belowThreshold') return value !== undefined && value < (rule.threshold ?? -Infinity);
  return false;
}

/** A criterion's contribution to the total: weight × position on its scale. */
export function weightedPoints(criterion: Criterion, value: number): number {
  const { min, max } = scaleRange(criterion.scale);
  return (criterion.weight * (value - min)) / (max - min);
}

/**
 * The weighted total of the scores given so far, and whether every scored
 * criterion has a score. Missing scores are left out, never read as zero.
 */
export function weightedTotal(
  rubric: Rubric,
  scores: Readonly<Record<string, number | undefined>>,
): { total: number; scored: number; of: number; complete: boolean } {
  let total = 0;
  let scored = 0;
  const all = scoredCriteria(rubric);
  for (const { criterion } of all) {
    const v = scores[criterion.id];
    if (v === undefined) continue;
    total += weightedPoints(criterion, v);
    scored++;
  }
  return { total, scored, of: all.length, complete: scored === all.length };
}

/** The grade band a total falls in (highest band whose minimum it reaches). */
export function gradeFor(rubric: Rubric, total: number): GradeBand | undefined {
  return [...rubric.gradeBands].sort((a, b) => b.min - a.min).find((b) => total >= b.min);
}
