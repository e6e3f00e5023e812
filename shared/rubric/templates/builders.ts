/** Building blocks of the rubric templates: scales, the gate shape and the grade bands (what the two selection templates share is in `selection-shared.ts`). */
import type { LocalizedText } from '../../i18n-text.ts';
import type { Criterion, GradeBand, Source } from '../model.ts';

type Scale = Criterion['scale'];

/** 0–10 in whole points. */
export function points10(): Scale {
  return { kind: 'points', min: 0, max: 10, step: 1 };
}

/** 0–5 in half points (EU Horizon style). */
export function points5(): Scale {
  return { kind: 'points', min: 0, max: 5, step: 0.5 };
}

/**
 * 优 / 良 / 中 / 差 on 0–10 in half points, with non-overlapping bands:
 * 优 8–10, 良 6–7.5, 中 4–5.5, 差 0–3.5. Descriptors are per criterion;
 * the bands are defaults (no programme document fixes them).
 */
export function fourLevels(excellent: LocalizedText, good: LocalizedText, fair: LocalizedText, poor: LocalizedText): Scale {
  return {
    kind: 'levels',
    step: 0.5,
    levels: [
      { id: 'excellent', label: { 'zh-CN': '优', en: 'Excellent' }, descriptor: excellent, min: 8, max: 10, default: true },
      { id: 'good', label: { 'zh-CN': '良', en: 'Good' }, descriptor: good, min: 6, max: 7.5, default: true },
      { id: 'fair', label: { 'zh-CN': '中', en: 'Fair' }, descriptor: fair, min: 4, max: 5.5, default: true },
      { id: 'poor', label: { 'zh-CN': '差', en: 'Poor' }, descriptor: poor, min: 0, max: 3.5, default: true },
    ],
  };
}

/** A basic condition (基本条件): pass/fail, no weight; a failed gate needs a reason. */
export function gate(g: Pick<Criterion, 'id' | 'title' | 'guidance' | 'evidenceHint' | 'source' | 'default'>): Criterion {
  return {
    ...g,
    weight: 0,
    scale: { kind: 'gate' },
    comment: { required: 'belowThreshold', threshold: 1, minLength: 0 },
  };
}

/**
 * The grades of MIIT's assessment rules: 优秀 / 良好 / 合格 / 不合格 (excellent /
 * good / pass / fail). The minimums 90 / 75 / 60 are defaults: no programme
 * document fixes them. With `source`, each band names where its grade comes
 * from; with `failConsequence`, the fail band says what failing entails.
 * A fresh list on each call.
 */
export function gradeBands(o: { source?: Source; failConsequence?: LocalizedText } = {}): GradeBand[] {
  const band = (id: string, zh: string, en: string, min: number): GradeBand => ({
    id,
    label: { 'zh-CN': zh, en },
    min,
    ...(o.source ? { source: structuredClone(o.source) } : {}),
    default: true,
  });
  return [
    band('excellent', '优秀', 'Excellent', 90),
    band('good', '良好', 'Good', 75),
    band('pass', '合格', 'Pass', 60),
    { ...band('fail', '不合格', 'Fail', 0), ...(o.failConsequence ? { consequence: o.failConsequence } : {}) },
  ];
}
