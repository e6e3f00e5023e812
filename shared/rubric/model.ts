import { z } from 'zod';
import { LocalizedText } from '../i18n-text.ts';

/** Identifiers used in rubrics, packages and bundles: short, ASCII, stable. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

const finite = z.number().finite();

/** A numeric scale: min to max in steps (e.g. 0–5 in halves, 0–10 in ones). */
export const PointsScale = z.object({ kind: z.literal('points'), min: finite, max: finite, step: finite.positive() }).strict();

/** A level descriptor (e.g. 优 / 良 / 中 / 差) mapped to a band of points. */
export const Level = z.object({ id: Id, label: LocalizedText, descriptor: LocalizedText, min: finite, max: finite }).strict();

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
  })
  .strict();
export type Dimension = z.infer<typeof Dimension>;

/** Grade band, e.g. 优秀 ≥ 90. Bands are read from the highest `min` down. */
export const GradeBand = z.object({ id: Id, label: LocalizedText, min: finite }).strict();
export type GradeBand = z.infer<typeof GradeBand>;

export const Recommendation = z.object({ id: Id, label: LocalizedText }).strict();

export const SiteVisitItem = z.object({ id: Id, title: LocalizedText, guidance: LocalizedText }).strict();

export const RUBRIC_SCHEMA_VERSION = 1;

const RubricShape = z
  .object({
    schemaVersion: z.literal(RUBRIC_SCHEMA_VERSION),
    id: Id,
    version: z.number().int().min(1),
    title: LocalizedText,
    description: LocalizedText,
    /** Which applications this rubric is for. */
    appliesTo: z.enum(['enterprise', 'non-enterprise', 'assessment']),
    stage: z.enum(['selection', 'annual', 'periodic']),
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

/** The rubric: validated structurally and for internal consistency. */
export const Rubric = RubricShape.superRefine((r, ctx) => {
  const seen = new Set<string>();
  const issue = (message: string, path: (string | number)[]): void => {
    ctx.addIssue({ code: 'custom', message, path });
  };
  const all = [...r.gates, ...r.dimensions.flatMap((d) => d.criteria)];
  for (const id of [...r.dimensions.map((d) => d.id), ...all.map((c) => c.id)]) {
    if (seen.has(id)) issue(`duplicate id ${id}`, ['id']);
    seen.add(id);
  }
  r.gates.forEach((g, i) => {
    if (g.scale.kind !== 'gate') issue('gates must use the gate scale', ['gates', i, 'scale']);
    if (g.weight !== 0) issue('gates carry no weight', ['gates', i, 'weight']);
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
});
export type Rubric = z.infer<typeof Rubric>;

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
