/**
 * The aggregation against figures worked out by hand. Rubric (test/helpers/panel.ts):
 * total = 6·C1 + 4·C2 (C1 0–10 whole points, threshold 5; C2 0–10 in halves), pass 60,
 * grades 90/75/60, ties broken by D2 (= 4·C2).
 */
import { describe, expect, it } from 'vitest';
import { aggregate, type PanelResult } from '../../shared/merge/aggregate.ts';
import { icc1, kendallW, median, sampleSd, trimmedMean } from '../../shared/merge/stats.ts';
import { panel, recusal, review } from '../helpers/panel.ts';

const app = (r: PanelResult, id: string) => r.applications.find((a) => a.applicationId === id)!;
const crit = (r: PanelResult, appId: string, c: string) => app(r, appId).criteria.find((x) => x.criterionId === c)!;

/**
 * P1: X1 (8, 7) = 76, X2 (9, 8) = 86, X3 (7, 6) = 66, X4 recused.
 * P2: X1 (6, 9) = 72, X2 (5, —) in progress, X3 (7, 7.5) = 72, X4 (4, 5) = 44.
 * P3: X1 (5, 5) = 50 and fails gate G1, X2 (6, 6) = 60, X3 nothing, X4 (6, 6.5) = 62.
 * X5 was assigned P1 only and sent nothing.
 */
const scenario = panel(
  [
    {
      id: 'X1',
      assigned: ['P1', 'P2', 'P3'],
      reviews: [
        review('P1', 8, 7, { recommendation: 'yes' }),
        review('P2', 6, 9, { recommendation: 'yes' }),
        review('P3', 5, 5, { gate: 0, gateComment: '联盟缺少高校' }),
      ],
    },
    {
      id: 'X2',
      assigned: ['P1', 'P2', 'P3'],
      reviews: [review('P1', 9, 8, { recommendation: 'yes' }), review('P2', 5, null, { recommendation: 'yes' }), review('P3', 6, 6)],
    },
    {
      id: 'X3',
      assigned: ['P1', 'P2', 'P3'],
      reviews: [review('P1', 7, 6, { recommendation: 'no' }), review('P2', 7, 7.5, { recommendation: 'no' })],
    },
    { id: 'X4', assigned: ['P1', 'P2', 'P3'], reviews: [recusal('P1'), review('P2', 4, 5), review('P3', 6, 6.5)] },
    { id: 'X5', assigned: ['P1'] },
  ],
  ['P1', 'P2', 'P3'],
);

describe('statistics', () => {
  it('median, trimmed mean and sample SD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(trimmedMean([1, 2, 3, 4, 100], 1, 3)).toBe(3);
    expect(trimmedMean([1, 2, 3, 4], 1, 3)).toBeNull(); // 2 would remain
    expect(sampleSd([8, 9, 7])).toBe(1);
    expect(sampleSd([5])).toBeNull();
  });
  it("Kendall's W: full agreement 1, reversed 0, ties corrected", () => {
    expect(
      kendallW([
        [1, 2, 3],
        [10, 20, 30],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      kendallW([
        [10, 20, 30],
        [30, 20, 10],
      ]),
    ).toBeCloseTo(0, 12);
    // Ranks (1 = best): A 1.5 1.5 3, B 1 2 3; sums 2.5 3.5 6, mean 4, S = 6.5; T_A = 2³−2 = 6.
    // W = 12·6.5 / (2²·(27−3) − 2·6) = 78 / 84.
    expect(
      kendallW([
        [3, 3, 1],
        [3, 2, 1],
      ]),
    ).toBeCloseTo(78 / 84, 12);
    expect(kendallW([[1, 2, 3]])).toBeNull();
  });
  it('ICC(1) with unequal group sizes uses k0', () => {
    // Groups [1,3] [5,7,9]: N 5, grand 5; SSB = 2·9 + 3·4 = 30 (MSB 30); SSW = 2 + 8 = 10 (MSW 10/3);
    // k0 = (5 − 13/5)/1 = 2.4; ICC = (30 − 10/3)/(30 + 1.4·10/3) = (80/3)/(104/3) = 80/104.
    const r = icc1([[1, 3], [5, 7, 9], []])!;
    expect(r.k0).toBeCloseTo(2.4, 12);
    expect(r.icc).toBeCloseTo(80 / 104, 12);
    expect(icc1([[1], [2]])).toBeNull(); // no within-group variance to estimate
  });
});

describe('aggregation, by hand', () => {
  const r = aggregate(scenario);

  it('completeness matrix: scored, recused, in progress, missing, not assigned', () => {
    const cells = Object.fromEntries(r.experts.map((e) => [e.expertId, e.cells]));
    expect(cells.X1).toEqual({ P1: 'scored', P2: 'scored', P3: 'scored' });
    expect(cells.X2).toEqual({ P1: 'scored', P2: 'in-progress', P3: 'scored' });
    expect(cells.X3).toEqual({ P1: 'scored', P2: 'scored', P3: 'missing' });
    expect(cells.X4).toEqual({ P1: 'recused', P2: 'scored', P3: 'scored' });
    expect(cells.X5).toEqual({ P1: 'missing', P2: 'not-assigned', P3: 'not-assigned' });
    expect(r.experts.find((e) => e.expertId === 'X5')!.counts).toEqual({
      scored: 0,
      recused: 0,
      'in-progress': 0,
      missing: 1,
      'not-assigned': 2,
    });
    expect(app(r, 'P1').experts.recused).toEqual([{ expertId: 'X4', reason: '同一单位' }]);
  });

  it('totals: mean of expert totals; recused, missing and incomplete experts left out, never zero', () => {
    expect(app(r, 'P1').expertTotals).toEqual({ X1: 76, X2: 86, X3: 66 });
    expect(app(r, 'P1').total).toMatchObject({ n: 3, value: 76, mean: 76, median: 76, min: 66, max: 86, range: 20, sd: 10 });
    expect(app(r, 'P2').expertTotals).toEqual({ X1: 72, X3: 72, X4: 44 });
    expect(app(r, 'P2').total.value).toBeCloseTo(188 / 3, 12);
    expect(app(r, 'P2').total.median).toBe(72);
    expect(app(r, 'P3').total.value).toBeCloseTo(172 / 3, 12);
  });

  it('per criterion: the scores given, in-progress reviews only when asked', () => {
    expect(crit(r, 'P1', 'C1').summary).toMatchObject({ n: 3, mean: 8, median: 8, sd: 1, range: 2 });
    expect(crit(r, 'P2', 'C1').summary.mean).toBeCloseTo(17 / 3, 12); // 6, 7, 4
    const inc = aggregate(scenario, { includeInProgress: true });
    expect(crit(inc, 'P2', 'C1').summary.mean).toBe(5.5); // 6, 5, 7, 4
    expect(crit(inc, 'P2', 'C2').summary).toMatchObject({ n: 3 }); // X2's missing C2 is not a zero
    expect(crit(inc, 'P2', 'C2').summary.mean).toBeCloseTo(21.5 / 3, 12);
    expect(app(inc, 'P2').total.n).toBe(3); // an incomplete review has no total
  });

  it('gates, thresholds, grades and passing', () => {
    // One expert's 不符合 flags P3 for the panel (待专家组认定); it vetoes nothing by itself.
    expect(app(r, 'P3').gates).toEqual({
      eligible: true,
      eligibility: 'pending',
      failed: [{ expertId: 'X1', criterionId: 'G1', comment: '联盟缺少高校' }],
    });
    expect(app(r, 'P1').gates).toMatchObject({ eligible: true, eligibility: 'met', failed: [] });
    expect(app(r, 'P1')).toMatchObject({ passes: true, belowThresholds: [], grade: { id: 'good' } });
    expect(app(r, 'P2')).toMatchObject({ passes: true, grade: { id: 'pass' } }); // C1 5.67 ≥ 5, total 62.67 ≥ 60
    expect(app(r, 'P3')).toMatchObject({ passes: false, grade: { id: 'fail' } });
  });

  it('a flagged application is ranked until the panel decides; the panel decision is what makes it ineligible', () => {
    expect(r.ranking).toEqual(['P1', 'P2', 'P3']);
    expect([app(r, 'P1').rank, app(r, 'P2').rank, app(r, 'P3').rank]).toEqual([1, 2, 3]);
    const decision = (eligible: boolean) => ({
      applicationId: 'P3',
      score: null,
      gradeId: null,
      recommendation: null,
      text: '专家组认定',
      eligible,
      recordedBy: '秘书',
      recordedAt: '2026-01-02T00:00:00Z',
    });
    const out = aggregate(scenario, {}, [decision(false)]);
    expect(app(out, 'P3').gates).toMatchObject({ eligible: false, eligibility: 'ineligible' });
    expect(app(out, 'P3')).toMatchObject({ rank: null, passes: false });
    expect(out.ranking).toEqual(['P1', 'P2', 'P3']);
    const kept = aggregate(scenario, {}, [decision(true)]);
    expect(app(kept, 'P3').gates).toMatchObject({ eligible: true, eligibility: 'confirmed' });
    expect(app(kept, 'P3').rank).toBe(3);
    // The panel may also find an application without any failed gate ineligible.
    expect(app(aggregate(scenario, {}, [{ ...decision(false), applicationId: 'P1' }]), 'P1').gates.eligibility).toBe('ineligible');
  });

  it('recommendation tallies count the counted reviews', () => {
    expect(app(r, 'P1').recommendations).toEqual({ yes: 2, no: 1, none: 0 });
    expect(app(r, 'P2').recommendations).toEqual({ yes: 1, no: 1, none: 1 }); // X2 in progress is not counted
  });

  it('disagreement: P2 C2 (9, 7.5, 5) has SD 2.02 > 0.2 × 10', () => {
    expect(sampleSd([9, 7.5, 5])).toBeCloseTo(2.0207, 4);
    expect(app(r, 'P2').disagreement).toEqual(['C2']);
    expect(app(r, 'P1').disagreement).toEqual([]);
    expect(r.criteria.find((c) => c.criterionId === 'C2')!.flagged).toEqual(['P2']);
  });

  it('an expert consistently far from the panel: X4 is −28 on P2 and +7 on P3, mean −10.5 beyond 10', () => {
    const x4 = r.experts.find((e) => e.expertId === 'X4')!;
    expect(x4.deviation).toEqual({ n: 2, mean: -10.5, meanAbsolute: 17.5 });
    expect(x4.outlier).toBe('harsh');
    const x1 = r.experts.find((e) => e.expertId === 'X1')!;
    expect(x1.deviation.mean).toBeCloseTo(1, 12); // 0, +14, −11
    expect(x1.outlier).toBeNull();
  });

  it('agreement: ICC(1) by hand; W needs applications every expert scored', () => {
    // Groups [76,86,66] [72,72,44] [50,60,62]: MSB 832/3, MSW 1208/9, k0 3 → ICC = 1288/4912.
    expect(r.agreement.icc!.value).toBeCloseTo(1288 / 4912, 12);
    expect(r.agreement.icc!.k0).toBe(3);
    expect(r.agreement.kendallW).toBeNull();
  });

  it('median and trimmed methods; trimming falls back to the mean with too few scores', () => {
    expect(app(aggregate(scenario, { method: 'median' }), 'P2').total.value).toBe(72);
    const t = app(aggregate(scenario, { method: 'trimmed' }), 'P1').total;
    expect(t).toMatchObject({ value: 76, used: 'mean', trimFellBack: true, trimmed: null });
    const t1 = app(aggregate(scenario, { method: 'trimmed', trim: { k: 1, minRemaining: 1 } }), 'P2').total;
    expect(t1).toMatchObject({ value: 72, used: 'trimmed', trimFellBack: false });
  });

  it('consensus is attached beside the computed figures, which it never replaces', () => {
    const c = {
      applicationId: 'P2',
      score: 70,
      gradeId: null,
      recommendation: 'yes',
      text: '一致同意推荐',
      eligible: null,
      recordedBy: '秘书',
      recordedAt: '2026-01-02T00:00:00Z',
    };
    const withC = aggregate(scenario, {}, [c]);
    expect(app(withC, 'P2').consensus).toEqual(c);
    expect(app(withC, 'P2').total.value).toBeCloseTo(188 / 3, 12);
    expect(app(withC, 'P1').consensus).toBeNull();
  });
});

describe('edge cases, by hand', () => {
  it('a single expert; ties broken by D2, then shared ranks', () => {
    // Q1 (5, 10) = 30 + 40; Q2 (10, 2.5) = 60 + 10; Q3 as Q1: all 70. D2 points: 40, 10, 40.
    const r = aggregate(
      panel(
        [{ id: 'X1', assigned: ['Q1', 'Q2', 'Q3'], reviews: [review('Q1', 5, 10), review('Q2', 10, 2.5), review('Q3', 5, 10)] }],
        ['Q1', 'Q2', 'Q3'],
      ),
    );
    expect(r.applications.map((a) => a.total.value)).toEqual([70, 70, 70]);
    expect(r.applications.map((a) => a.rank)).toEqual([1, 3, 1]);
    expect(r.ranking).toEqual(['Q1', 'Q3', 'Q2']);
    expect(app(r, 'Q1').total).toMatchObject({ n: 1, sd: null, median: 70, range: 0 });
    expect(r.agreement).toEqual({ kendallW: null, icc: null });
  });

  it('trimmed mean over five totals 50, 60, 70, 80, 100', () => {
    const ids = ['X1', 'X2', 'X3', 'X4', 'X5'];
    const pairs = [5, 6, 7, 8, 10];
    const p = panel(
      ids.map((id, i) => ({ id, assigned: ['P'], reviews: [review('P', pairs[i]!, pairs[i]!)] })),
      ['P'],
    );
    expect(app(aggregate(p), 'P').total.value).toBe(72);
    expect(app(aggregate(p, { method: 'trimmed' }), 'P').total).toMatchObject({ value: 70, used: 'trimmed' });
    expect(crit(aggregate(p, { method: 'trimmed' }), 'P', 'C1').summary.value).toBe(7);
    expect(app(aggregate(p, { method: 'trimmed', trim: { k: 2, minRemaining: 1 } }), 'P').total.value).toBe(70);
    expect(app(aggregate(p, { method: 'trimmed', trim: { k: 2, minRemaining: 3 } }), 'P').total).toMatchObject({
      value: 72,
      trimFellBack: true,
    });
  });

  it('z-score normalisation removes a harsh expert’s offset, rescaled to the pooled mean and SD', () => {
    // C1 and C2: X1 gives 8 and 6, X2 gives 4 and 2. Pooled mean 5, population SD √5; each expert's z is ±1.
    const p = panel(
      [
        { id: 'X1', assigned: ['P1', 'P2'], reviews: [review('P1', 8, 8), review('P2', 6, 6)] },
        { id: 'X2', assigned: ['P1', 'P2'], reviews: [review('P1', 4, 4), review('P2', 2, 2)] },
      ],
      ['P1', 'P2'],
    );
    const r = aggregate(p, { normalise: true });
    const hi = 5 + Math.sqrt(5);
    expect(crit(r, 'P1', 'C1').scores.X1).toBeCloseTo(hi, 12);
    expect(crit(r, 'P1', 'C1').scores.X2).toBeCloseTo(hi, 12);
    expect(app(r, 'P1').total.value).toBeCloseTo(10 * hi, 10);
    expect(app(r, 'P2').total.value).toBeCloseTo(10 * (5 - Math.sqrt(5)), 10);
    expect(app(r, 'P1').total.sd).toBeCloseTo(0, 10);
    // Without normalisation the two experts are 40 points apart.
    expect(app(aggregate(p), 'P1').total.range).toBe(40);
  });

  it('normalisation leaves an expert with a single score as given', () => {
    const p = panel(
      [
        { id: 'X1', assigned: ['P1', 'P2'], reviews: [review('P1', 8, 8), review('P2', 6, 6)] },
        { id: 'X2', assigned: ['P1'], reviews: [review('P1', 3, 3)] },
      ],
      ['P1', 'P2'],
    );
    expect(crit(aggregate(p, { normalise: true }), 'P1', 'C1').scores.X2).toBe(3);
  });

  it("Kendall's W over the applications every participating expert scored", () => {
    const p = panel(
      [
        { id: 'X1', assigned: ['P1', 'P2', 'P3'], reviews: [review('P1', 9, 9), review('P2', 6, 6), review('P3', 3, 3)] },
        { id: 'X2', assigned: ['P1', 'P2', 'P3'], reviews: [review('P1', 8, 8), review('P2', 8, 8), review('P3', 2, 2)] },
      ],
      ['P1', 'P2', 'P3'],
    );
    expect(aggregate(p).agreement.kendallW).toMatchObject({ experts: 2, applications: 3 });
    expect(aggregate(p).agreement.kendallW!.value).toBeCloseTo(78 / 84, 12);
  });
});
