import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  Rubric,
  gradeFor,
  outcomesFor,
  provenanced,
  isValidScore,
  scaleRange,
  scoredCriteria,
  weightedTotal,
  type Criterion,
} from '../../shared/rubric/model.ts';
import type { LocalizedText } from '../../shared/i18n-text.ts';
import { RUBRIC_TEMPLATES, templateById } from '../../shared/rubric/templates/index.ts';
import { pick } from '../../shared/i18n-text.ts';
import { DOC_SHANGHAI } from '../../shared/rubric/templates/sources.ts';

/** Every localized text in a value, with its path, found by walking the object. */
function texts(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o['zh-CN'] === 'string' && typeof o.en === 'string') return [{ path, text: o as LocalizedText }];
  return Object.entries(o).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}

/** Titles and labels: the texts that must read differently in each language. */
function titles(r: Rubric): LocalizedText[] {
  const all = [...r.gates, ...r.dimensions.flatMap((d) => d.criteria)];
  return [
    r.title,
    ...r.dimensions.map((d) => d.title),
    ...all.map((c) => c.title),
    ...all.flatMap((c) => (c.scale.kind === 'levels' ? c.scale.levels.map((l) => l.label) : [])),
    ...r.gradeBands.map((b) => b.label),
    ...r.recommendations.map((x) => x.label),
    ...r.siteVisit.map((s) => s.title),
  ];
}

const CJK = /[\u4e00-\u9fff]/;

function maxScores(r: Rubric): Record<string, number> {
  return Object.fromEntries(scoredCriteria(r).map(({ criterion }) => [criterion.id, scaleRange(criterion.scale).max]));
}

describe('rubric templates', () => {
  it('has the three templates with distinct ids, found by id', () => {
    expect(RUBRIC_TEMPLATES.map((r) => r.id)).toEqual(['mic-selection-enterprise', 'mic-selection-nonenterprise', 'mic-assessment']);
    for (const r of RUBRIC_TEMPLATES) expect(templateById(r.id)).toBe(r);
    expect(templateById('no-such-rubric')).toBeUndefined();
  });

  describe.each(RUBRIC_TEMPLATES.map((r) => [r.id, r] as const))('%s', (_id, template) => {
    it('parses with Rubric.parse, unchanged (no defaults left to fill)', () => {
      const parsed = Rubric.parse(template);
      expect(parsed).toEqual(template);
    });

    it('has weights that sum to totalPoints', () => {
      const sum = scoredCriteria(template).reduce((s, { criterion }) => s + criterion.weight, 0);
      expect(sum).toBe(template.totalPoints);
      expect(template.totalPoints).toBe(100);
      expect(template.passThreshold).toBe(60);
    });

    it('has non-empty text in both languages everywhere, zh-CN in Chinese', () => {
      const found = texts(template);
      expect(found.length).toBeGreaterThan(50);
      for (const { path, text } of found) {
        expect(text['zh-CN'].trim(), path).not.toBe('');
        expect(pick(text, 'en').trim(), path).not.toBe('');
        expect(CJK.test(text['zh-CN']), `${path} zh-CN`).toBe(true);
        expect(CJK.test(pick(text, 'en')), `${path} en`).toBe(false);
      }
    });

    it('has titles and labels that differ between the languages', () => {
      for (const t of titles(template)) expect(t['zh-CN'], pick(t, 'en')).not.toBe(pick(t, 'en'));
    });

    it('has 4-8 gates, each pass/fail with no weight and a reason required on failure', () => {
      expect(template.gates.length).toBeGreaterThanOrEqual(4);
      expect(template.gates.length).toBeLessThanOrEqual(8);
      for (const g of template.gates) {
        expect(g.scale.kind).toBe('gate');
        expect(g.weight).toBe(0);
        expect(g.comment).toEqual({ required: 'belowThreshold', threshold: 1, minLength: 0 });
      }
    });

    it('has 4-6 dimensions with 12-20 criteria, mixing levels and points scales', () => {
      expect(template.dimensions.length).toBeGreaterThanOrEqual(4);
      expect(template.dimensions.length).toBeLessThanOrEqual(6);
      const criteria = scoredCriteria(template).map(({ criterion }) => criterion);
      expect(criteria.length).toBeGreaterThanOrEqual(12);
      expect(criteria.length).toBeLessThanOrEqual(20);
      const kinds = criteria.map((c) => c.scale);
      expect(kinds.some((s) => s.kind === 'levels')).toBe(true);
      expect(kinds.some((s) => s.kind === 'points' && s.max === 10 && s.step === 1)).toBe(true);
      expect(kinds.some((s) => s.kind === 'points' && s.max === 5 && s.step === 0.5)).toBe(true);
    });

    it('has level bands on the step grid, four levels 优良中差, covering the whole range', () => {
      for (const { criterion } of scoredCriteria(template)) {
        const s = criterion.scale;
        if (s.kind !== 'levels') continue;
        expect(s.levels.map((l) => l.label['zh-CN'])).toEqual(['优', '良', '中', '差']);
        for (const l of s.levels) {
          expect(isValidScore(criterion, l.min), `${criterion.id} ${l.id} min`).toBe(true);
          expect(isValidScore(criterion, l.max), `${criterion.id} ${l.id} max`).toBe(true);
        }
        const { min, max } = scaleRange(s);
        for (let v = min; v <= max; v += s.step) expect(isValidScore(criterion, v), `${criterion.id} ${v}`).toBe(true);
      }
    });

    it('has valid thresholds on about a third of the criteria, and a mix of comment rules', () => {
      const criteria: Criterion[] = scoredCriteria(template).map(({ criterion }) => criterion);
      const withThreshold = criteria.filter((c) => c.threshold !== undefined);
      expect(withThreshold.length).toBeGreaterThanOrEqual(Math.floor(criteria.length / 4));
      expect(withThreshold.length).toBeLessThanOrEqual(Math.ceil(criteria.length / 2));
      for (const c of withThreshold) expect(isValidScore(c, c.threshold!), c.id).toBe(true);
      const rules = criteria.map((c) => c.comment);
      expect(rules.some((r) => r.required === 'always' && r.minLength >= 10 && r.minLength <= 20)).toBe(true);
      expect(rules.some((r) => r.required === 'belowThreshold' && r.threshold !== undefined)).toBe(true);
      expect(rules.some((r) => r.required === 'optional' && r.minLength === 0)).toBe(true);
      for (const c of criteria) expect(c.guidance['zh-CN'].length, c.id).toBeGreaterThan(40);
    });

    it('scores totalPoints and grades excellent when every criterion is at its maximum', () => {
      const { total, complete } = weightedTotal(template, maxScores(template));
      expect(complete).toBe(true);
      expect(total).toBeCloseTo(template.totalPoints, 9);
      expect(gradeFor(template, total)?.id).toBe('excellent');
    });

    it('scores 0 and grades fail when every criterion is at its minimum', () => {
      const mins = Object.fromEntries(scoredCriteria(template).map(({ criterion }) => [criterion.id, scaleRange(criterion.scale).min]));
      const { total } = weightedTotal(template, mins);
      expect(total).toBe(0);
      expect(gradeFor(template, total)?.id).toBe('fail');
    });

    it('has the standard grade bands, recommendations, tie-break and site visit', () => {
      expect(template.gradeBands.map((b) => [b.id, b.label['zh-CN'], b.min])).toEqual([
        ['excellent', '优秀', 90],
        ['good', '良好', 75],
        ['pass', '合格', 60],
        ['fail', '不合格', 0],
      ]);
      const recs = template.recommendations.map((x) => x.id);
      if (template.stage === 'selection') expect(recs.slice(0, 3)).toEqual(['select', 'prepare', 'not-selected']);
      else expect(recs).toEqual(['continue', 'rectify', 'revoke']);
      expect(template.tieBreak.length).toBeGreaterThanOrEqual(2);
      expect(template.tieBreak.length).toBeLessThanOrEqual(4);
      expect(template.siteVisit.length).toBeGreaterThanOrEqual(6);
      expect(template.siteVisit.length).toBeLessThanOrEqual(12);
      expect(new Set(template.siteVisit.map((s) => s.id)).size).toBe(template.siteVisit.length);
    });
  });

  it('matches each template to its stage and type', () => {
    expect(templateById('mic-selection-enterprise')).toMatchObject({ stage: 'selection', appliesTo: ['enterprise'] });
    expect(templateById('mic-selection-nonenterprise')).toMatchObject({
      stage: 'selection',
      appliesTo: ['non-enterprise'],
    });
    const assessment = templateById('mic-assessment');
    expect(assessment).toMatchObject({ stage: 'annual', appliesTo: ['enterprise', 'non-enterprise'] });
    expect(assessment?.description['zh-CN']).toContain('三年定期考核');
  });
});

describe('template provenance', () => {
  const seed003 = readFileSync(join(import.meta.dirname, '../fixtures/seeds/003-shanghai-plan.txt'), 'utf8').replace(/\s+/g, '');

  it('every quote from the Shanghai plan is its text, word for word', () => {
    let quotes = 0;
    for (const t of RUBRIC_TEMPLATES) {
      for (const { at, element } of provenanced(t)) {
        if (element.source?.document !== DOC_SHANGHAI) continue;
        quotes++;
        expect(seed003.includes(element.source.quote.replace(/\s+/g, '')), `${t.id} ${at.join('.')}`).toBe(true);
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(10);
  });

  it('every element carries a source or is marked default, and every scored criterion with no source is default', () => {
    for (const t of RUBRIC_TEMPLATES) {
      for (const { at, element } of provenanced(t))
        expect(element.source !== undefined || element.default === true, `${t.id} ${at.join('.')}`).toBe(true);
      for (const { criterion: c } of scoredCriteria(t)) if (!c.source) expect(c.default, `${t.id} ${c.id}`).toBe(true);
    }
  });

  it('a seed quoted from outside the programme documents says so', () => {
    for (const t of RUBRIC_TEMPLATES)
      for (const { element } of provenanced(t))
        if (element.source && !element.source.document.startsWith('00')) expect(element.source.outsideSeeds).toBe(true);
  });

  it('the selection gates of each type quote the basic conditions of their own type', () => {
    const ent = templateById('mic-selection-enterprise')!;
    const non = templateById('mic-selection-nonenterprise')!;
    expect(ent.gates.find((g) => g.id === 'G1')?.source?.quote).toContain('股份制独立法人');
    expect(non.gates.find((g) => g.id === 'G1')?.source?.quote).toContain('非企业法人');
    for (const t of [ent, non]) expect(t.gates.find((g) => g.id === 'G5')?.guidance['zh-CN']).toMatch(/数字经济、绿色低碳/);
  });

  it('descriptions present no default as a programme rule, and no single expert vetoes', () => {
    for (const t of RUBRIC_TEMPLATES) {
      expect(t.description['zh-CN']).not.toContain('任一项不满足即不予推荐');
      expect(t.description['zh-CN']).toContain('默认值（组织单位可调整）');
      expect(t.scoring.default).toBe(true);
    }
    for (const t of RUBRIC_TEMPLATES.filter((x) => x.stage === 'selection')) expect(t.description['zh-CN']).toContain('待专家组认定');
  });

  it('selection outcomes are the programme words, and only the enterprise type may be supported for national status', () => {
    const ent = templateById('mic-selection-enterprise')!;
    const non = templateById('mic-selection-nonenterprise')!;
    for (const t of [ent, non]) {
      expect(outcomesFor(t, t.appliesTo[0]!).main.map((x) => x.label['zh-CN'])).toEqual(['通过遴选', '同意筹建', '不通过']);
      expect(t.recommendations.find((x) => x.id === 'prepare')?.source?.quote).toContain('筹建期为一年');
    }
    expect(outcomesFor(ent, 'enterprise').additional.map((x) => x.label['zh-CN'])).toEqual(['支持争创国家级']);
    expect(outcomesFor(non, 'non-enterprise').additional).toEqual([]);
  });
});
