/**
 * The panel's figures from the accepted bundles: completeness, per-criterion
 * and total scores (mean, median or trimmed mean, optionally on per-expert
 * z-scores), eligibility gates, thresholds, grades, ranking with the rubric's
 * tie-break order, recommendation tallies, disagreement and panel agreement.
 * Pure: the app and the CLI run the same code. docs/formats.md states every
 * rule; test/unit/merge-aggregate.test.ts works the figures out by hand.
 */
import { gradeFor, scaleRange, scoredCriteria, weightedPoints, type Criterion, type Rubric } from '../rubric/model.ts';
import type { Ledger, LedgerApplication } from './ledger.ts';
import type { ConsensusEntry, ImportedBundle, ReviewScores, Text } from './model.ts';
import type { Reconciled } from './reconcile.ts';
import { getOrThrow, nth } from '../checked.ts';
import { ReviewDeskError } from '../errors.ts';
import { icc1, kendallW, mean, populationSd } from './stats.ts';

export type Method = 'mean' | 'median' | 'trimmed';

export interface AggregateOptions {
  /** How experts' scores combine: mean (default), median, or trimmed mean. */
  method: Method;
  /** Trimmed mean: drop the k highest and k lowest, only when at least `minRemaining` scores stay; otherwise the mean is used and flagged. */
  trim: { k: number; minRemaining: number };
  /** Per-expert z-score normalisation per criterion, rescaled to the criterion's pooled mean and spread (Evalato style). */
  normalise: boolean;
  /** Count the scores of reviews still in progress in per-criterion figures (totals always need every criterion). */
  includeInProgress: boolean;
  /** Disagreement limits as fractions of the scale's range (criteria) or of the rubric's total points (experts). */
  limits: { criterionRange: number; criterionSd: number; expertDeviation: number };
}

export const DEFAULT_OPTIONS: AggregateOptions = {
  method: 'mean',
  trim: { k: 1, minRemaining: 3 },
  normalise: false,
  includeInProgress: false,
  limits: { criterionRange: 0.4, criterionSd: 0.2, expertDeviation: 0.1 },
};

export function withDefaults(o: Partial<AggregateOptions> = {}): AggregateOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...o,
    trim: { ...DEFAULT_OPTIONS.trim, ...o.trim },
    limits: { ...DEFAULT_OPTIONS.limits, ...o.limits },
  };
}

export type Cell = 'scored' | 'recused' | 'in-progress' | 'missing' | 'not-assigned';

export interface PanelExpert {
  expertId: string;
  fingerprint: string;
  displayName: string;
  organisation: string;
  assigned: string[];
}

/** What the aggregation reads: the rubric, who was issued what, and the accepted bundle per expert. */
export interface PanelInput {
  rubric: Rubric;
  round: { id: string; title: Text };
  experts: PanelExpert[];
  applications: LedgerApplication[];
  /** expertId → the accepted bundle (absent: none received). */
  bundles: Record<string, ImportedBundle | undefined>;
}

/**
 * The aggregation's input for the applications of one rubric: an expert's cells, an application's figures and
 * the ranking are of that rubric alone (different rubrics are never ranked on one scale).
 */
export function panelInput(ledger: Ledger, reconciled: Reconciled, rubricId: string): PanelInput {
  const entry = ledger.rubrics.find((r) => r.rubric.id === rubricId);
  if (!entry) throw new Error(`internal: the ledger has no rubric ${rubricId}`);
  const applications = ledger.applications.filter((a) => a.rubricId === rubricId);
  const ids = new Set(applications.map((a) => a.id));
  return {
    rubric: entry.rubric,
    round: ledger.round,
    experts: ledger.experts
      .filter((e) => e.applications.some((a) => ids.has(a)))
      .map((e) => ({
        expertId: e.expertId,
        fingerprint: e.card.fingerprint,
        displayName: e.card.displayName,
        organisation: e.card.organisation,
        assigned: e.applications.filter((a) => ids.has(a)),
      })),
    applications,
    bundles: reconciled.accepted,
  };
}

/** One rank across rubrics, asked for by the secretariat, only when every rubric has the same total. */
export interface CombinedRanking {
  totalPoints: number;
  /** Ranked applications of every group by total (ties by application id), each with its rubric. */
  ranking: { applicationId: string; rubricId: string; total: number; rank: number }[];
}

/** The merge of a round: one result per rubric, in the ledger's rubric order. */
export interface RoundResult {
  groups: PanelResult[];
  /** Present only when asked for (and possible). */
  combined: CombinedRanking | null;
}

/** Aggregates each rubric's applications on their own; `combined` also ranks them on one scale (E_COMBINED_RANKING unless the totals agree). */
export function aggregateRound(
  ledger: Ledger,
  reconciled: Reconciled,
  options: Partial<AggregateOptions> = {},
  consensus: readonly ConsensusEntry[] = [],
  combined = false,
): RoundResult {
  const groups = ledger.rubrics.map(({ rubric }) => aggregate(panelInput(ledger, reconciled, rubric.id), options, consensus));
  return { groups, combined: combined ? combinedRanking(groups) : null };
}

/** Ranks the ranked applications of every group by total on the shared scale (standard competition ranking). */
export function combinedRanking(groups: readonly PanelResult[]): CombinedRanking {
  const totals = [...new Set(groups.map((g) => g.rubric.totalPoints))];
  if (totals.length !== 1) {
    throw new ReviewDeskError('E_COMBINED_RANKING', {
      rubrics: groups.map((g) => g.rubric.id).join(', '),
      totals: groups.map((g) => `${g.rubric.id}: ${g.rubric.totalPoints}`).join(', '),
    });
  }
  const rows = groups
    .flatMap((g) =>
      g.applications
        .filter((a) => a.rank !== null && a.total.value !== null)
        .map((a) => ({ applicationId: a.applicationId, rubricId: g.rubric.id, total: a.total.value as number })),
    )
    .sort((a, b) => b.total - a.total || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0));
  const ranking = rows.map((r) => ({ ...r, rank: 1 + rows.findIndex((x) => Math.abs(x.total - r.total) < EPS) }));
  return { totalPoints: totals[0] as number, ranking };
}

/** How a set of scores combines under each method. */
export interface Summary {
  n: number;
  /** The figure under the chosen method (null: no score). */
  value: number | null;
  /** The method actually used: `mean` when trimming left too few scores. */
  used: Method | null;
  trimFellBack: boolean;
  mean: number | null;
  median: number | null;
  trimmed: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
}

export interface CriterionResult {
  criterionId: string;
  dimensionId: string;
  /** expertId → the score used (normalised when normalisation is on). */
  scores: Record<string, number>;
  summary: Summary;
  threshold: number | null;
  /** The combined score is below the criterion's threshold. */
  belowThreshold: boolean;
  /** Range or SD over the configured limits. */
  disagreement: boolean;
}

export interface ApplicationResult {
  applicationId: string;
  name: Text;
  organisation: Text;
  category: LedgerApplication['category'];
  experts: {
    assigned: string[];
    /** Experts whose scores count. */
    counted: string[];
    /** Experts with every criterion scored (they have a total). */
    complete: string[];
    recused: { expertId: string; reason: string }[];
    inProgress: string[];
    missing: string[];
  };
  /** expertId → that expert's weighted total (complete reviews only). */
  expertTotals: Record<string, number>;
  criteria: CriterionResult[];
  total: Summary;
  /** Eligibility gates: failed in any expert's review, with who and why. */
  /**
   * Basic conditions. An expert's 不符合 flags the application; the panel decides (its consensus record):
   * `met` no expert failed one; `pending` flagged, the panel has not decided (待专家组认定: still ranked);
   * `confirmed` the panel found it eligible; `ineligible` the panel found it not (not ranked, does not pass).
   * `eligible` is false only for `ineligible`.
   */
  gates: {
    eligible: boolean;
    eligibility: 'met' | 'pending' | 'confirmed' | 'ineligible';
    failed: { expertId: string; criterionId: string; comment: string }[];
  };
  /** Criteria whose combined score is below their threshold. */
  belowThresholds: string[];
  /** Total reaches the rubric's pass threshold, every criterion threshold is met, and no gate failed (null: no total). */
  passes: boolean | null;
  grade: { id: string; label: Text } | null;
  /** Competition rank (1, 2, 2, 4) among eligible applications with a total; null otherwise. */
  rank: number | null;
  /** Recommendation id → count among counted reviews; `none` for reviews without one. */
  recommendations: Record<string, number>;
  /** Criteria with disagreement over the limits. */
  disagreement: string[];
  /** The secretary's consensus record, shown beside the computed figures, never in place of them. */
  consensus: ConsensusEntry | null;
}

export interface ExpertResult {
  expertId: string;
  displayName: string;
  organisation: string;
  fingerprint: string;
  revision: number | null;
  cells: Record<string, Cell>;
  counts: Record<Cell, number>;
  /** Mean of (expert's total − mean of the other experts' totals) over applications both have. */
  deviation: { n: number; mean: number | null; meanAbsolute: number | null };
  /** Consistently far from the panel: |mean deviation| over the limit on at least two applications. */
  outlier: 'lenient' | 'harsh' | null;
}

export interface CriterionSpread {
  criterionId: string;
  dimensionId: string;
  title: Text;
  scale: { min: number; max: number };
  /** Applications where this criterion's range or SD passes the limits. */
  flagged: string[];
  meanRange: number | null;
  maxRange: number | null;
  meanSd: number | null;
}

export interface PanelResult {
  options: AggregateOptions;
  round: { id: string; title: Text };
  rubric: { id: string; version: number; totalPoints: number; passThreshold: number };
  experts: ExpertResult[];
  /** In the ledger's order. */
  applications: ApplicationResult[];
  /** Application ids by rank (ranked first, then unranked in ledger order). */
  ranking: string[];
  criteria: CriterionSpread[];
  agreement: {
    /** Kendall's W over the applications every participating expert scored completely (ties corrected). */
    kendallW: { value: number; experts: number; applications: number } | null;
    /** ICC(1) (one-way random, single rater) on expert totals; unbalanced groups via k₀. */
    icc: { form: 'ICC(1)'; value: number; applications: number; ratings: number; k0: number } | null;
  };
}

function summarise(xs: readonly number[], o: AggregateOptions): Summary {
  const n = xs.length;
  if (n === 0) {
    return {
      n,
      value: null,
      used: null,
      trimFellBack: false,
      mean: null,
      median: null,
      trimmed: null,
      min: null,
      max: null,
      range: null,
      sd: null,
    };
  }
  // One numeric sort serves the median, the trimmed mean, min and max.
  const s = Float64Array.from(xs).sort();
  let sum = 0;
  for (const x of s) sum += x;
  const m = sum / n;
  let ss = 0;
  for (const x of s) ss += (x - m) ** 2;
  const mid = n >> 1;
  const med = n % 2 ? nth(s, mid) : (nth(s, mid - 1) + nth(s, mid)) / 2;
  const k = o.trim.k;
  let trimmed: number | null = null;
  if (n - 2 * k >= Math.max(1, o.trim.minRemaining)) {
    let t = 0;
    for (const x of s.subarray(k, n - k)) t += x;
    trimmed = t / (n - 2 * k);
  }
  const min = nth(s, 0);
  const max = nth(s, n - 1);
  let value: number | null;
  let used: Method = o.method;
  let trimFellBack = false;
  if (o.method === 'median') value = med;
  else if (o.method === 'trimmed' && trimmed === null) {
    value = m;
    used = 'mean';
    trimFellBack = true;
  } else if (o.method === 'trimmed') value = trimmed;
  else value = m;
  return {
    n,
    value,
    used,
    trimFellBack,
    mean: m,
    median: med,
    trimmed,
    min,
    max,
    range: max - min,
    sd: n < 2 ? null : Math.sqrt(ss / (n - 1)),
  };
}

function cellOf(review: ReviewScores | undefined, criteria: Criterion[]): Cell {
  if (!review) return 'missing';
  if (review.status === 'recused') return 'recused';
  if (review.status === 'complete' && criteria.every((c) => typeof review.scores[c.id] === 'number')) return 'scored';
  return 'in-progress';
}

/** An expert's cell for an application of the round (`cells` holds one for each). */
export function cellAt(e: ExpertResult, applicationId: string): Cell {
  const cell = e.cells[applicationId];
  if (cell === undefined) throw new Error(`internal: no cell for ${e.expertId} × ${applicationId}`);
  return cell;
}

const EPS = 1e-9;

/** Runs the whole aggregation. `consensus` entries are attached to their applications, untouched. */
export function aggregate(
  input: PanelInput,
  options: Partial<AggregateOptions> = {},
  consensus: readonly ConsensusEntry[] = [],
): PanelResult {
  const o = withDefaults(options);
  const { rubric } = input;
  const all = scoredCriteria(rubric);
  const criteria = all.map((x) => x.criterion);
  const dimensionOf = new Map(all.map((x) => [x.criterion.id, x.dimension.id]));
  const appIds = input.applications.map((a) => a.id);

  // Completeness, and which reviews count.
  const reviewOf = new Map<string, Map<string, ReviewScores>>();
  const experts: ExpertResult[] = input.experts.map((e) => {
    const b = input.bundles[e.expertId];
    const byApp = new Map((b?.reviews ?? []).map((r) => [r.applicationId, r]));
    reviewOf.set(e.expertId, byApp);
    const assigned = new Set(e.assigned);
    const cells: Record<string, Cell> = {};
    const counts: Record<Cell, number> = { scored: 0, recused: 0, 'in-progress': 0, missing: 0, 'not-assigned': 0 };
    for (const a of appIds) {
      const c = assigned.has(a) ? cellOf(byApp.get(a), criteria) : 'not-assigned';
      cells[a] = c;
      counts[c]++;
    }
    return {
      expertId: e.expertId,
      displayName: e.displayName,
      organisation: e.organisation,
      fingerprint: e.fingerprint,
      revision: b?.revision ?? null,
      cells,
      counts,
      deviation: { n: 0, mean: null, meanAbsolute: null },
      outlier: null,
    };
  });
  const counts = (cell: Cell): boolean => cell === 'scored' || (o.includeInProgress && cell === 'in-progress');

  // Scores by criterion in dense tables, expert-major in ledger order: at[k][j·A + a] is expert j's score of
  // application a on criterion k, NaN where none counts. Maps of maps and [expert, score] pairs for the
  // 300,000 scores of a large panel cost more in allocation and collection than the figures themselves.
  const A = appIds.length;
  const E = experts.length;
  const reviewAt: (ReviewScores | undefined)[][] = experts.map((e) => {
    const byApp = reviewOf.get(e.expertId)!;
    return appIds.map((a) => byApp.get(a));
  });
  const at: Float64Array[] = criteria.map(() => new Float64Array(E * A).fill(NaN));
  experts.forEach((e, j) => {
    const reviews = reviewAt[j]!;
    for (let a = 0; a < A; a++) {
      if (!counts(e.cells[appIds[a]!]!)) continue;
      const scores = reviews[a]!.scores;
      for (let k = 0; k < criteria.length; k++) {
        const v = scores[criteria[k]!.id];
        if (typeof v === 'number') at[k]![j * A + a] = v;
      }
    }
  });
  // Optional z-score normalisation per expert and criterion, rescaled to the pooled mean and SD, clamped to the scale.
  if (o.normalise) {
    criteria.forEach((c, k) => {
      const t = at[k]!;
      const pooled: number[] = [];
      for (let i = 0; i < t.length; i++) if (!Number.isNaN(t[i]!)) pooled.push(t[i]!);
      const mu = mean(pooled) ?? 0;
      const sigma = populationSd(pooled) ?? 0;
      const { min, max } = scaleRange(c.scale);
      for (let j = 0; j < E; j++) {
        const xs: number[] = [];
        for (let a = 0; a < A; a++) if (!Number.isNaN(t[j * A + a]!)) xs.push(t[j * A + a]!);
        // One score says nothing about an expert's habits: it stays as given.
        if (xs.length < 2) continue;
        const muJ = mean(xs)!;
        const sdJ = populationSd(xs)!;
        for (let a = 0; a < A; a++) {
          const x = t[j * A + a]!;
          if (!Number.isNaN(x)) t[j * A + a] = Math.min(max, Math.max(min, mu + (sdJ > EPS ? (x - muJ) / sdJ : 0) * sigma));
        }
      }
    });
  }

  const consensusOf = new Map(consensus.map((c) => [c.applicationId, c]));
  const recIds = rubric.recommendations.map((r) => r.id);
  const applications: ApplicationResult[] = input.applications.map((app, appIndex) => {
    const ex = {
      assigned: [] as string[],
      counted: [] as string[],
      complete: [] as string[],
      recused: [] as { expertId: string; reason: string }[],
      inProgress: [] as string[],
      missing: [] as string[],
    };
    const recommendations: Record<string, number> = Object.fromEntries([...recIds, 'none'].map((r) => [r, 0]));
    const failed: ApplicationResult['gates']['failed'] = [];
    experts.forEach((e, j) => {
      const cell = e.cells[app.id]!;
      if (cell === 'not-assigned') return;
      ex.assigned.push(e.expertId);
      const r = reviewAt[j]![appIndex];
      if (cell === 'recused') ex.recused.push({ expertId: e.expertId, reason: r!.conflictReason });
      else if (cell === 'missing') ex.missing.push(e.expertId);
      else if (cell === 'in-progress') ex.inProgress.push(e.expertId);
      if (cell === 'scored') ex.complete.push(e.expertId);
      if (!counts(cell)) return;
      ex.counted.push(e.expertId);
      const rec = r!.recommendation;
      recommendations[rec !== null && rec in recommendations ? rec : 'none']!++;
      // Outcomes chosen beside the main one (支持争创国家级) are tallied under their own ids.
      for (const extra of r!.additionalRecommendations) if (extra in recommendations && extra !== rec) recommendations[extra]!++;
      for (const g of r!.gates) if (g.score === 0) failed.push({ expertId: e.expertId, criterionId: g.criterionId, comment: g.comment });
    });
    const criterionResults: CriterionResult[] = criteria.map((c, k) => {
      const t = at[k]!;
      const scores: Record<string, number> = {};
      const values: number[] = [];
      for (let j = 0; j < E; j++) {
        const v = t[j * A + appIndex]!;
        if (Number.isNaN(v)) continue;
        scores[experts[j]!.expertId] = v;
        values.push(v);
      }
      const summary = summarise(values, o);
      const { min, max } = scaleRange(c.scale);
      const span = max - min;
      const threshold = c.threshold ?? null;
      return {
        criterionId: c.id,
        dimensionId: getOrThrow(dimensionOf, c.id, 'dimension of criterion'),
        scores,
        summary,
        threshold,
        belowThreshold: threshold !== null && summary.value !== null && summary.value < threshold - EPS,
        disagreement: (summary.range ?? 0) > o.limits.criterionRange * span + EPS || (summary.sd ?? 0) > o.limits.criterionSd * span + EPS,
      };
    });
    const expertTotals: Record<string, number> = {};
    for (const expertId of ex.complete) {
      let t = 0;
      for (const [i, c] of criteria.entries()) {
        const v = nth(criterionResults, i, 'criterion result').scores[expertId];
        if (v === undefined) throw new Error(`internal: the complete review by ${expertId} of ${app.id} has no score for ${c.id}`);
        t += weightedPoints(c, v);
      }
      expertTotals[expertId] = t;
    }
    const total = summarise(Object.values(expertTotals), o);
    const decided = consensusOf.get(app.id)?.eligible ?? null;
    const eligibility = decided === false ? 'ineligible' : failed.length === 0 ? 'met' : decided === true ? 'confirmed' : 'pending';
    const eligible = eligibility !== 'ineligible';
    const belowThresholds = criterionResults.filter((c) => c.belowThreshold).map((c) => c.criterionId);
    const band = total.value === null ? undefined : gradeFor(rubric, total.value + EPS);
    return {
      applicationId: app.id,
      name: app.name,
      organisation: app.organisation,
      category: app.category,
      experts: ex,
      expertTotals,
      criteria: criterionResults,
      total,
      gates: { eligible, eligibility, failed },
      belowThresholds,
      passes: total.value === null ? null : eligible && belowThresholds.length === 0 && total.value >= rubric.passThreshold - EPS,
      grade: band ? { id: band.id, label: band.label } : null,
      rank: null,
      recommendations,
      disagreement: criterionResults.filter((c) => c.disagreement).map((c) => c.criterionId),
      consensus: consensusOf.get(app.id) ?? null,
    };
  });

  // Ranking: eligible applications with a total, by total, then the rubric's tie-break ids (criterion or dimension points).
  const tieKey = (a: ApplicationResult): number[] =>
    rubric.tieBreak.map((id) => {
      let s = 0;
      for (const [i, c] of criteria.entries()) {
        if (c.id !== id && dimensionOf.get(c.id) !== id) continue;
        const v = nth(a.criteria, i, 'criterion result').summary.value;
        s += v === null ? -Infinity : weightedPoints(c, v);
      }
      return s;
    });
  type Rankable = { r: ApplicationResult; total: number; k: number[] };
  const compare = (a: Rankable, b: Rankable): number => {
    const d = b.total - a.total;
    if (Math.abs(d) > EPS) return d;
    for (const [i, ak] of a.k.entries()) {
      const x = nth(b.k, i, 'tie-break key') - ak;
      if (Number.isNaN(x)) continue; // both missing
      if (Math.abs(x) > EPS) return x;
    }
    return 0;
  };
  const rankable = applications
    .flatMap((r): Rankable[] => (r.total.value !== null && r.gates.eligible ? [{ r, total: r.total.value, k: tieKey(r) }] : []))
    .sort((a, b) => compare(a, b) || (a.r.applicationId < b.r.applicationId ? -1 : 1));
  let previous: Rankable | undefined;
  for (const [i, x] of rankable.entries()) {
    x.r.rank = previous && compare(previous, x) === 0 ? previous.r.rank : i + 1;
    previous = x;
  }
  const ranking = [...rankable.map((x) => x.r.applicationId), ...applications.filter((a) => a.rank === null).map((a) => a.applicationId)];

  // Experts far from the panel: deviation of their total from the mean of the others' totals.
  const sums = applications.map((a) => {
    const v = Object.values(a.expertTotals);
    return { totals: a.expertTotals, sum: v.reduce((x, y) => x + y, 0), n: v.length };
  });
  for (const e of experts) {
    const devs: number[] = [];
    for (const { totals, sum, n } of sums) {
      const mine = totals[e.expertId];
      if (mine !== undefined && n > 1) devs.push(mine - (sum - mine) / (n - 1));
    }
    const m = mean(devs);
    e.deviation = { n: devs.length, mean: m, meanAbsolute: mean(devs.map(Math.abs)) };
    if (m !== null && devs.length >= 2 && Math.abs(m) > o.limits.expertDeviation * rubric.totalPoints + EPS)
      e.outlier = m > 0 ? 'lenient' : 'harsh';
  }

  const spreads: CriterionSpread[] = all.map(({ criterion: c, dimension }, i) => {
    const per = applications.map((a) => ({ applicationId: a.applicationId, result: nth(a.criteria, i, 'criterion result') }));
    // Spread needs two scores: a single score's range of 0 is no agreement.
    const ranges = per.flatMap(({ result: { summary } }) => (summary.n >= 2 && summary.range !== null ? [summary.range] : []));
    const sds = per.map((x) => x.result.summary.sd).filter((x): x is number => x !== null);
    return {
      criterionId: c.id,
      dimensionId: dimension.id,
      title: c.title,
      scale: scaleRange(c.scale),
      flagged: per.filter((x) => x.result.disagreement).map((x) => x.applicationId),
      meanRange: mean(ranges),
      maxRange: ranges.length ? Math.max(...ranges) : null,
      meanSd: mean(sds),
    };
  });

  // Agreement. Kendall's W needs a complete block: the applications every participating expert scored completely.
  const participants = experts.filter((e) => applications.some((a) => a.expertTotals[e.expertId] !== undefined)).map((e) => e.expertId);
  const common = applications.filter((a) => participants.every((id) => a.expertTotals[id] !== undefined));
  const totalOf = (a: ApplicationResult, expertId: string): number => {
    const v = a.expertTotals[expertId];
    if (v === undefined) throw new Error(`internal: ${a.applicationId} in the common block has no total by ${expertId}`);
    return v;
  };
  const w = kendallW(participants.map((id) => common.map((a) => totalOf(a, id))));
  const icc = icc1(applications.map((a) => Object.values(a.expertTotals)));

  return {
    options: o,
    round: input.round,
    rubric: { id: rubric.id, version: rubric.version, totalPoints: rubric.totalPoints, passThreshold: rubric.passThreshold },
    experts,
    applications,
    ranking,
    criteria: spreads,
    agreement: {
      kendallW: w === null ? null : { value: w, experts: participants.length, applications: common.length },
      icc: icc === null ? null : { form: 'ICC(1)', value: icc.icc, applications: icc.targets, ratings: icc.ratings, k0: icc.k0 },
    },
  };
}
