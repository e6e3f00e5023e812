/**
 * The review rules that the renderer and the Node side share (shared/rubric/
 * model.ts, shared/review/): the allowed scores and the score check agree, the
 * comment rule counts as a reader does and asks nothing before a score, and
 * the running total, grade and failed gates are one function whether the
 * entries come as the Node side's rows or as the screen's review state — the
 * very function behind the total every save reports.
 */
import { describe, expect, it } from 'vitest';
import { applicationProgress, type EntryLike } from '../../shared/review/progress.ts';
import { commentProblem, textLength } from '../../shared/review/comment.ts';
import { runningTotal } from '../../shared/review/total.ts';
import { Rubric, allowedScores, isValidScore, scaleRange, type Criterion } from '../../shared/rubric/model.ts';
import { RUBRIC_TEMPLATES } from '../../shared/rubric/templates/index.ts';
import { markUnsourced } from '../../shared/rubric/upgrade.ts';

const text = (s: string) => ({ 'zh-CN': s, en: s });

function criterion(id: string, over: Partial<Criterion>): Criterion {
  return {
    id,
    title: text(id),
    guidance: text(id),
    weight: 0,
    scale: { kind: 'points', min: 0, max: 10, step: 1 },
    comment: { required: 'optional', minLength: 0 },
    ...over,
  };
}

/** Two gates, and 100 points over three criteria on three kinds of scale. */
const rubric = Rubric.parse(
  markUnsourced({
    schemaVersion: 2,
    id: 'rules',
    version: 1,
    title: text('rules'),
    description: text('rules'),
    appliesTo: ['enterprise'],
    stage: 'selection',
    gates: [
      criterion('G1', { scale: { kind: 'gate' }, comment: { required: 'belowThreshold', threshold: 1, minLength: 0 } }),
      criterion('G2', { scale: { kind: 'gate' }, comment: { required: 'belowThreshold', threshold: 1, minLength: 0 } }),
    ],
    dimensions: [
      {
        id: 'D1',
        title: text('D1'),
        criteria: [
          // 0–10 in ones; a score below 6 needs ten characters of comment.
          criterion('C1', { weight: 50, comment: { required: 'belowThreshold', threshold: 6, minLength: 10 } }),
          // 0–5 in halves; always a comment, any length.
          criterion('C2', {
            weight: 30,
            scale: { kind: 'points', min: 0, max: 5, step: 0.5 },
            comment: { required: 'always', minLength: 0 },
          }),
          // Two bands with a gap (5 is no score) on 0–10 in ones.
          criterion('C3', {
            weight: 20,
            scale: {
              kind: 'levels',
              step: 1,
              levels: [
                { id: 'low', label: text('low'), descriptor: text('low'), min: 0, max: 4 },
                { id: 'high', label: text('high'), descriptor: text('high'), min: 6, max: 10 },
              ],
            },
          }),
        ],
      },
    ],
    totalPoints: 100,
    passThreshold: 60,
    gradeBands: [
      { id: 'excellent', label: text('excellent'), min: 90 },
      { id: 'pass', label: text('pass'), min: 60 },
      { id: 'fail', label: text('fail'), min: 0 },
    ],
    recommendations: [{ id: 'yes', label: text('yes') }],
    tieBreak: [],
    siteVisit: [],
  }),
);
const byId = new Map([...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria)].map((c) => [c.id, c]));
const c = (id: string): Criterion => byId.get(id)!;

describe('allowed scores', () => {
  it('lists each scale’s grid, gaps between level bands left out', () => {
    expect(allowedScores(c('G1'))).toEqual([0, 1]);
    expect(allowedScores(c('C1'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(allowedScores(c('C2'))).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(allowedScores(c('C3'))).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(isValidScore(c('C3'), 5)).toBe(false);
    expect(isValidScore(c('C2'), 2.25)).toBe(false);
  });

  it('is exactly what the score check accepts, for every criterion of every template', () => {
    for (const template of RUBRIC_TEMPLATES) {
      for (const k of [...template.gates, ...template.dimensions.flatMap((d) => d.criteria)]) {
        const allowed = allowedScores(k);
        expect(allowed.length, k.id).toBeGreaterThan(1);
        expect(
          [...allowed].sort((a, b) => a - b),
          k.id,
        ).toEqual(allowed);
        expect(new Set(allowed).size, k.id).toBe(allowed.length);
        for (const v of allowed) expect(isValidScore(k, v), `${k.id} ${v}`).toBe(true);
        // Every quarter point across the range and a little beyond: accepted exactly when listed.
        const { min, max } = scaleRange(k.scale);
        for (let v = min - 1; v <= max + 1; v += 0.25) expect(isValidScore(k, v), `${k.id} ${v}`).toBe(allowed.includes(v));
      }
    }
  });
});

describe('the comment rule', () => {
  it('counts characters as a reader does', () => {
    expect(textLength('  关键共性技术  ')).toBe(6);
    expect(textLength('𠀀𠀁')).toBe(2); // outside the BMP: two code points, four UTF-16 units
    expect(textLength(' \n ')).toBe(0);
  });

  it('asks nothing before a score, and then what the rule says for that score', () => {
    expect(commentProblem(c('C2'), null, '')).toBeNull();
    expect(commentProblem(c('C2'), 3, '')).toEqual({ kind: 'missing' });
    expect(commentProblem(c('C2'), 3, '好')).toBeNull();
    expect(commentProblem(c('C1'), 6, '')).toBeNull();
    expect(commentProblem(c('C1'), 5, '   ')).toEqual({ kind: 'missing' });
    expect(commentProblem(c('C1'), 5, '论证不够充分')).toEqual({ kind: 'tooShort', min: 10, have: 6 });
    expect(commentProblem(c('C1'), 5, '论证不够充分，缺少数据')).toBeNull();
    expect(commentProblem(c('G1'), 0, '')).toEqual({ kind: 'missing' });
    expect(commentProblem(c('G1'), 1, '')).toBeNull();
    expect(commentProblem(c('C3'), 0, '')).toBeNull();
  });

  it('is the rule behind the Node side’s issues', () => {
    const entries = new Map<string, EntryLike>([
      ['G1', { score: 0, comment: '' }],
      ['G2', { score: 1, comment: '' }],
      ['C1', { score: 5, comment: '论证不够充分' }],
      ['C2', { score: 3, comment: '' }],
      ['C3', { score: 7, comment: '' }],
    ]);
    const p = applicationProgress(rubric, {
      applicationId: 'A1',
      conflict: { status: 'none' },
      criteria: entries,
      opinion: '同意',
      recommendation: 'yes',
    });
    const issues = Object.fromEntries(p.issues.map((i) => [i.criterionId, i.kind]));
    expect(issues).toEqual({ G1: 'commentMissing', C1: 'commentTooShort', C2: 'commentMissing' });
    for (const [id, e] of entries) expect(id in issues, id).toBe(commentProblem(c(id), e.score, e.comment) !== null);
    expect(p.missingComments).toBe(3);
  });
});

describe('the running total', () => {
  it('leaves missing scores out, grades only a reached band, and counts failed gates', () => {
    const none = runningTotal(rubric, undefined);
    expect(none).toMatchObject({ total: 0, scored: 0, of: 3, complete: false, passes: false, failedGates: 0 });
    expect(none.grade?.id).toBe('fail');

    // C1 8/10 of 50 = 40, C2 5/5 of 30 = 30: 70 so far, a pass, not complete.
    const partial = runningTotal(rubric, { G1: { score: 0 }, C1: { score: 8 }, C2: { score: 5 }, C3: { score: null } });
    expect(partial).toMatchObject({ scored: 2, of: 3, complete: false, passes: true, failedGates: 1 });
    expect(partial.total).toBeCloseTo(70);
    expect(partial.grade?.id).toBe('pass');

    // With C3 at 10 (20 points): 90, excellent, complete.
    const full = runningTotal(rubric, { G1: { score: 1 }, G2: { score: 1 }, C1: { score: 8 }, C2: { score: 5 }, C3: { score: 10 } });
    expect(full).toMatchObject({ scored: 3, of: 3, complete: true, passes: true, failedGates: 0 });
    expect(full.total).toBeCloseTo(90);
    expect(full.grade?.id).toBe('excellent');

    const low = runningTotal(rubric, { C1: { score: 0 }, C2: { score: 0 }, C3: { score: 6 } });
    expect(low.total).toBeCloseTo(12);
    expect(low).toMatchObject({ complete: true, passes: false });
    expect(low.grade?.id).toBe('fail');
  });

  it('is the same for the Node side’s rows and the screen’s review state, and is the total each save reports', () => {
    const rows = new Map<string, EntryLike>([
      ['G2', { score: 0, comment: '不符合' }],
      ['C1', { score: 7, comment: '' }],
      ['C2', { score: 2.5, comment: '一般' }],
    ]);
    const state = Object.fromEntries([...rows].map(([id, e]) => [id, { ...e, evidence: [], updatedAt: '2026-01-01T00:00:00.000Z' }]));
    const fromRows = runningTotal(rubric, rows);
    expect(runningTotal(rubric, state)).toEqual(fromRows);
    expect(fromRows.total).toBeCloseTo(35 + 15);
    const p = applicationProgress(rubric, {
      applicationId: 'A1',
      conflict: { status: 'none' },
      criteria: rows,
      opinion: '',
      recommendation: null,
    });
    expect(p.points).toBe(fromRows.total);
    expect(p.failedGates).toBe(fromRows.failedGates);
    expect(p.failedGates).toBe(1);
  });
});
