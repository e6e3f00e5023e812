import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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
import { RUBRIC_TEMPLATES, enterpriseSelection, templateById } from '../../shared/rubric/templates/index.ts';
import { pick } from '../../shared/i18n-text.ts';
import { DOC_MIIT_2016, DOC_SHANGHAI, DOC_SHANXI } from '../../shared/rubric/templates/sources.ts';

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
  it('has the seven templates with distinct ids, found by id', () => {
    expect(RUBRIC_TEMPLATES.map((r) => r.id)).toEqual([
      'mic-selection-enterprise',
      'mic-selection-nonenterprise',
      'sx-selection-enterprise',
      'mic-annual-enterprise',
      'mic-annual-nonenterprise',
      'mic-periodic-enterprise',
      'mic-periodic-nonenterprise',
    ]);
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

    it('has 4-7 dimensions with 12-20 criteria, mixing levels and points scales', () => {
      expect(template.dimensions.length).toBeGreaterThanOrEqual(4);
      expect(template.dimensions.length).toBeLessThanOrEqual(7);
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
      else expect(recs).toEqual(['excellent', 'good', 'pass', 'fail', 'recommend-national']);
      expect(template.tieBreak.length).toBeGreaterThanOrEqual(2);
      expect(template.tieBreak.length).toBeLessThanOrEqual(4);
      expect(template.siteVisit.length).toBeGreaterThanOrEqual(6);
      expect(template.siteVisit.length).toBeLessThanOrEqual(12);
      expect(new Set(template.siteVisit.map((s) => s.id)).size).toBe(template.siteVisit.length);
    });
  });

  it('matches each template to its stage and type: selection, annual and periodic for both types', () => {
    const expected = [
      ['mic-selection-enterprise', 'selection', 'enterprise'],
      ['mic-selection-nonenterprise', 'selection', 'non-enterprise'],
      ['sx-selection-enterprise', 'selection', 'enterprise'],
      ['mic-annual-enterprise', 'annual', 'enterprise'],
      ['mic-annual-nonenterprise', 'annual', 'non-enterprise'],
      ['mic-periodic-enterprise', 'periodic', 'enterprise'],
      ['mic-periodic-nonenterprise', 'periodic', 'non-enterprise'],
    ] as const;
    for (const [id, stage, category] of expected) expect(templateById(id), id).toMatchObject({ stage, appliesTo: [category] });
    expect(templateById('mic-annual-enterprise')?.description['zh-CN']).toContain('年度评估');
    expect(templateById('mic-periodic-nonenterprise')?.description['zh-CN']).toContain('三年定期考核');
  });
});

describe('template provenance', () => {
  const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/seeds', name), 'utf8');
  /** Seed 004 as quoted: the mojibake's pinyin after characters (創(chuàng)) taken out, as each quote's note says. */
  const cleaned004 = fixture('004-shanxi-plan.txt').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
  const seeds: Record<string, string> = {
    [DOC_SHANGHAI]: fixture('003-shanghai-plan.txt'),
    [DOC_MIIT_2016]: fixture('001-miit-2016-guidance.txt'),
    [DOC_SHANXI]: cleaned004,
  };
  const flat = (t: string): string => t.replace(/\s+/g, '');

  it('every quote from a seed is its text, word for word (004 with its mojibake taken out)', () => {
    const quotes: Record<string, number> = {};
    for (const t of RUBRIC_TEMPLATES) {
      const all = [
        ...provenanced(t).map(({ at, element }) => ({ at: at.join('.'), source: element.source })),
        ...(t.sources ?? []).map((source, i) => ({ at: `sources.${i}`, source })),
      ];
      for (const { at, source } of all) {
        if (!source || source.outsideSeeds) continue;
        const seed = seeds[source.document];
        expect(seed, `${t.id} ${at}: unknown document ${source.document}`).toBeDefined();
        quotes[source.document] = (quotes[source.document] ?? 0) + 1;
        expect(flat(seed!).includes(flat(source.quote)), `${t.id} ${at}`).toBe(true);
      }
    }
    expect(quotes[DOC_SHANGHAI]).toBeGreaterThanOrEqual(100);
    expect(quotes[DOC_MIIT_2016]).toBeGreaterThanOrEqual(10);
    expect(quotes[DOC_SHANXI]).toBeGreaterThanOrEqual(3);
  });

  it('a quote of seed 004 says in its note that it was cleaned up', () => {
    for (const t of RUBRIC_TEMPLATES)
      for (const { element } of provenanced(t))
        if (element.source?.document === DOC_SHANXI) expect(element.source.note?.['zh-CN']).toContain('乱码');
  });

  it('every scored criterion quotes the seed line its wording comes from, its points a default', () => {
    for (const t of RUBRIC_TEMPLATES)
      for (const { criterion: c } of scoredCriteria(t)) {
        expect(c.source, `${t.id} ${c.id}`).toBeDefined();
        expect(c.default, `${t.id} ${c.id}`).toBe(true);
      }
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

describe('assessment templates', () => {
  const ids = ['mic-annual-enterprise', 'mic-annual-nonenterprise', 'mic-periodic-enterprise', 'mic-periodic-nonenterprise'];
  const assessments = ids.map((id) => templateById(id)!);
  const dim = (t: Rubric, id: string): number => t.dimensions.find((d) => d.id === id)!.criteria.reduce((s, c) => s + c.weight, 0);
  const crit = (t: Rubric, id: string): Criterion => scoredCriteria(t).find(({ criterion }) => criterion.id === id)!.criterion;

  it('share their criteria: same ids and titles for D1–D6, in both periods and types', () => {
    const shape = (t: Rubric) => t.dimensions.slice(0, 6).map((d) => [d.id, d.title['zh-CN'], d.criteria.map((c) => c.id)]);
    for (const t of assessments) expect(shape(t)).toEqual(shape(assessments[0]!));
  });

  it("carry 003's emphasis for each type as weights, each emphasised dimension quoting it", () => {
    for (const period of ['annual', 'periodic']) {
      const ent = templateById(`mic-${period}-enterprise`)!;
      const non = templateById(`mic-${period}-nonenterprise`)!;
      // Enterprise: key common technology R&D, transfer and industrialisation, standards, management, self-sustaining income.
      for (const id of ['D1', 'D2', 'D7']) expect(dim(ent, id), `${period} ${id}`).toBeGreaterThan(dim(non, id));
      for (const id of ['D1.1', 'D1.3', 'D2.1', 'D2.3'])
        expect(crit(ent, id).weight, `${period} ${id}`).toBeGreaterThan(crit(non, id).weight);
      // Non-enterprise: support to the industry, technical services, collaborative innovation, international cooperation.
      for (const id of ['D3', 'D5', 'D6']) expect(dim(non, id), `${period} ${id}`).toBeGreaterThan(dim(ent, id));
      expect(crit(non, 'D3.1').weight).toBeGreaterThan(crit(ent, 'D3.1').weight);
      for (const id of ['D1', 'D2']) expect(ent.dimensions.find((d) => d.id === id)?.source?.quote).toContain('企业法人型)侧重考评');
      for (const id of ['D3', 'D5', 'D6'])
        expect(non.dimensions.find((d) => d.id === id)?.source?.quote).toContain('非企业法人型)侧重考评');
      for (const t of [ent, non]) for (const d of t.dimensions) expect(d.default, `${t.id} ${d.id}`).toBe(true);
      expect(ent.dimensions.find((d) => d.id === 'D7')?.criteria.some((c) => c.title['zh-CN'] === '现代企业管理制度')).toBe(true);
    }
  });

  it('each has an indicator criterion, its rows quoting the seed wording or marked default', () => {
    for (const t of assessments) {
      const withRows = scoredCriteria(t).filter(({ criterion }) => criterion.indicators);
      expect(withRows.length, t.id).toBeGreaterThanOrEqual(1);
      const rows = withRows.flatMap(({ criterion }) => criterion.indicators!);
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows) expect(r.source !== undefined || r.default === true, `${t.id} ${r.id}`).toBe(true);
      expect(rows.some((r) => r.source)).toBe(true);
      expect(rows.filter((r) => r.lowerIsBetter).map((r) => r.id)).toEqual(['government-share']);
      for (const id of ['rd-investment', 'patents-granted', 'standards', 'results-transferred', 'service-income', 'rd-staff'])
        expect(rows.map((r) => r.id)).toContain(id);
    }
  });

  it('grade by the MIIT 2018 rules (outside the seeds), fail entailing a year to rectify and an on-site re-check', () => {
    for (const t of assessments) {
      const main = outcomesFor(t, t.appliesTo[0]!).main;
      expect(main.map((x) => x.label['zh-CN'])).toEqual(['优秀', '良好', '合格', '不合格']);
      for (const x of main)
        expect(x.source).toMatchObject({ outsideSeeds: true, document: expect.stringContaining('工信厅科〔2018〕37号') });
      const fail = main.find((x) => x.id === 'fail')!;
      expect(fail.description?.['zh-CN']).toContain('限期整改（一年）');
      expect(fail.description?.['zh-CN']).toContain('整改期满后现场复核');
      const band = t.gradeBands.find((b) => b.id === 'fail')!;
      expect(band.consequence?.['zh-CN']).toBe('限期整改（一年），整改期满后现场复核');
      for (const b of t.gradeBands) expect(b).toMatchObject({ default: true, source: { outsideSeeds: true } });
    }
  });

  it("add the recommendation to the national programme, quoting 003's line on the results", () => {
    for (const t of assessments) {
      const { additional } = outcomesFor(t, t.appliesTo[0]!);
      expect(additional.map((x) => [x.id, x.label['zh-CN']])).toEqual([['recommend-national', '推荐申报国家级']]);
      expect(additional[0]?.source?.quote).toContain('评估考核结果将作为市级制造业创新中心推荐申报国家级制造业创新中心');
    }
  });

  it('periodic covers three years and the goals of the construction plan; annual the year', () => {
    for (const category of ['enterprise', 'nonenterprise']) {
      const annual = templateById(`mic-annual-${category}`)!;
      const periodic = templateById(`mic-periodic-${category}`)!;
      expect(periodic.description['zh-CN']).toMatch(/三年.*整个建设期.*建设方案/);
      expect(crit(periodic, 'D7.1').title['zh-CN']).toBe('三年定量指标完成情况');
      expect(crit(annual, 'D7.1').title['zh-CN']).toBe('年度定量指标完成情况');
      expect(crit(periodic, 'D7.2').title['zh-CN']).toBe('建设方案任务完成情况');
      expect(crit(periodic, 'D7.2').source?.quote).toContain('建设方案提出的建设目标');
      expect(scoredCriteria(annual).some(({ criterion }) => criterion.title['zh-CN'] === '建设方案任务完成情况')).toBe(false);
      expect(crit(periodic, 'D1.2').guidance['zh-CN']).toContain('三年考核期内');
      expect(crit(annual, 'D1.2').guidance['zh-CN']).toContain('评估年度内');
    }
  });
});

describe('the Shanxi selection variant (data)', () => {
  const sx = templateById('sx-selection-enterprise')!;

  it('is the enterprise template plus a few data changes: G1, G5 and the national bid follow seed 004', () => {
    expect(sx.derivedFrom).toEqual({ id: enterpriseSelection.id, version: enterpriseSelection.version });
    const back = structuredClone(sx) as Rubric;
    back.id = enterpriseSelection.id;
    back.title = enterpriseSelection.title;
    back.description = enterpriseSelection.description;
    delete back.derivedFrom;
    delete back.sources;
    const changed: string[] = [];
    back.gates = back.gates.map((g, i) => {
      if (isDeepStrictEqual(g, enterpriseSelection.gates[i])) return g;
      changed.push(g.id);
      expect(g.source?.document).toBe(DOC_SHANXI);
      return enterpriseSelection.gates[i]!;
    });
    back.recommendations = back.recommendations.map((x, i) => {
      if (isDeepStrictEqual(x, enterpriseSelection.recommendations[i])) return x;
      changed.push(x.id);
      expect(x.source?.document).toBe(DOC_SHANXI);
      return enterpriseSelection.recommendations[i]!;
    });
    expect(changed).toEqual(['G1', 'G5', 'national-bid']);
    expect(back).toEqual(enterpriseSelection);
    expect(sx.sources?.map((s) => s.document)).toEqual([DOC_SHANXI]);
  });

  it('validates as JSON on its own, and its company-form gate quotes 004', () => {
    const file = readFileSync(join(import.meta.dirname, '../../shared/rubric/templates/shanxi-selection-enterprise.json'), 'utf8');
    expect(Rubric.parse(JSON.parse(file))).toEqual(sx);
    expect(sx.gates.find((g) => g.id === 'G1')?.source?.quote).toContain('股份公司制');
    expect(sx.gates.find((g) => g.id === 'G5')?.guidance['zh-CN']).toContain('先进不锈钢');
  });
});
