/** Building blocks of the rubric templates: scales, the gate shape and the grade bands (what the two selection templates share is in `selection-shared.ts`). */
import type { LocalizedText } from '../../i18n-text.ts';
import type { Criterion } from '../model.ts';

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
 * 优 8–10, 良 6–7.5, 中 4–5.5, 差 0–3.5. Descriptors are per criterion.
 */
export function fourLevels(excellent: LocalizedText, good: LocalizedText, fair: LocalizedText, poor: LocalizedText): Scale {
  return {
    kind: 'levels',
    step: 0.5,
    levels: [
      { id: 'excellent', label: { 'zh-CN': '优', en: 'Excellent' }, descriptor: excellent, min: 8, max: 10 },
      { id: 'good', label: { 'zh-CN': '良', en: 'Good' }, descriptor: good, min: 6, max: 7.5 },
      { id: 'fair', label: { 'zh-CN': '中', en: 'Fair' }, descriptor: fair, min: 4, max: 5.5 },
      { id: 'poor', label: { 'zh-CN': '差', en: 'Poor' }, descriptor: poor, min: 0, max: 3.5 },
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

/** The grades of MIIT's assessment rules: 优秀 / 良好 / 合格 / 不合格 (excellent / good / pass / fail). */
export const GRADE_BANDS = [
  { id: 'excellent', label: { 'zh-CN': '优秀', en: 'Excellent' }, min: 90 },
  { id: 'good', label: { 'zh-CN': '良好', en: 'Good' }, min: 75 },
  { id: 'pass', label: { 'zh-CN': '合格', en: 'Pass' }, min: 60 },
  { id: 'fail', label: { 'zh-CN': '不合格', en: 'Fail' }, min: 0 },
];
