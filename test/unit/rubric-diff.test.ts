/** The rubric editor's diff against its template, its edits and its check of a draft: pure shared code. */
import { describe, expect, it } from 'vitest';
import { diffRubrics } from '../../shared/rubric/diff.ts';
import { addCriterion, fromTemplate, moveCriterion, pointsSum, removeAt, setIn } from '../../shared/rubric/edit.ts';
import { Rubric } from '../../shared/rubric/model.ts';
import { RUBRIC_TEMPLATES, enterpriseSelection } from '../../shared/rubric/templates/index.ts';
import { checkRubricDraft, describePath } from '../../shared/rubric/validate.ts';

const base = (): Rubric => fromTemplate(enterpriseSelection);

describe('rubric diff', () => {
  it('finds nothing between a template and a rubric started from it', () => {
    for (const t of RUBRIC_TEMPLATES) expect(diffRubrics(t, fromTemplate(t))).toEqual([]);
  });

  it('lists a changed weight and title by id and field', () => {
    const r = base();
    const c = r.dimensions[0]!.criteria[0]!;
    let next = setIn(r, ['dimensions', 0, 'criteria', 0, 'weight'], c.weight + 5);
    next = setIn(next, ['dimensions', 0, 'criteria', 0, 'title', 'en'], 'Renamed');
    next = setIn(next, ['passThreshold'], 65);
    expect(diffRubrics(enterpriseSelection, next)).toEqual([
      { change: 'changed', kind: 'rubric', id: r.id, field: 'passThreshold', before: 60, after: 65 },
      { change: 'changed', kind: 'criterion', id: c.id, field: 'title', before: c.title, after: { ...c.title, en: 'Renamed' } },
      { change: 'changed', kind: 'criterion', id: c.id, field: 'weight', before: c.weight, after: c.weight + 5 },
    ]);
    // The template itself was not touched.
    expect(enterpriseSelection.dimensions[0]!.criteria[0]!.weight).toBe(c.weight);
  });

  it('lists added and removed elements, and a moved criterion once', () => {
    const r = base();
    const d0 = r.dimensions[0]!;
    let next = addCriterion(r, 0);
    const added = next.dimensions[0]!.criteria.at(-1)!;
    next = removeAt(next, ['gradeBands'], 0);
    next = moveCriterion(next, 0, 0, 1);
    const entries = diffRubrics(enterpriseSelection, next);
    expect(entries).toContainEqual({ change: 'added', kind: 'criterion', id: added.id });
    expect(added.default).toBe(true);
    expect(entries).toContainEqual({ change: 'removed', kind: 'gradeBand', id: enterpriseSelection.gradeBands[0]!.id });
    const moves = entries.filter((e) => e.field === 'position');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ kind: 'criterion', before: 1, after: 2 });
    expect([d0.criteria[0]!.id, d0.criteria[1]!.id]).toContain(moves[0]!.id);
  });

  it('reports a criterion moved into another group as a change of dimension', () => {
    const r = base();
    const last = r.dimensions[0]!.criteria.length - 1;
    const id = r.dimensions[0]!.criteria[last]!.id;
    const next = moveCriterion(r, 0, last, 1);
    expect(next.dimensions[1]!.criteria[0]!.id).toBe(id);
    expect(diffRubrics(enterpriseSelection, next)).toEqual([
      { change: 'changed', kind: 'criterion', id, field: 'dimension', before: r.dimensions[0]!.id, after: r.dimensions[1]!.id },
    ]);
  });

  it('diffs level descriptors by id under their criterion', () => {
    const r = base();
    const at = r.dimensions.flatMap((d, di) => d.criteria.map((c, ci) => ({ c, di, ci }))).find(({ c }) => c.scale.kind === 'levels')!;
    const next = setIn(r, ['dimensions', at.di, 'criteria', at.ci, 'scale', 'levels', 0, 'min'], 8.5);
    expect(diffRubrics(enterpriseSelection, next)).toEqual([
      { change: 'changed', kind: 'level', id: 'excellent', parent: at.c.id, field: 'min', before: 8, after: 8.5 },
    ]);
  });
});

describe('rubric draft check', () => {
  it('accepts every template', () => {
    for (const t of RUBRIC_TEMPLATES) expect(checkRubricDraft(fromTemplate(t))).toMatchObject({ ok: true, problems: [] });
  });

  it('names a total that no longer adds up, in both languages', () => {
    const r = base();
    const next = setIn(r, ['dimensions', 0, 'criteria', 0, 'weight'], r.dimensions[0]!.criteria[0]!.weight + 3);
    const check = checkRubricDraft(next);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      {
        path: ['totalPoints'],
        where: { 'zh-CN': '总分', en: 'total points' },
        message: {
          'zh-CN': `各项分值合计 ${pointsSum(next)}，与总分 ${r.totalPoints} 不符`,
          en: `the points available add up to ${pointsSum(next)}, not the total of ${r.totalPoints}`,
        },
      },
    ]);
  });

  it('lists shape and consistency problems together, each with its place', () => {
    const r = base();
    const d = r.dimensions[0]!;
    let next = setIn(r, ['dimensions', 0, 'criteria', 0, 'title'], { 'zh-CN': '只有中文' });
    next = setIn(next, ['dimensions', 0, 'criteria', 1, 'guidance', 'zh-CN'], '');
    next = setIn(next, ['dimensions', 0, 'criteria', 1, 'weight'], d.criteria[1]!.weight + 1);
    next = setIn(next, ['dimensions', 1, 'criteria', 0, 'id'], d.criteria[0]!.id);
    next = setIn(next, ['gradeBands', 0, 'default'], undefined);
    next = setIn(next, ['gradeBands', 0, 'source'], undefined);
    const check = checkRubricDraft(next);
    expect(check.ok).toBe(false);
    const byPath = Object.fromEntries(check.problems.map((p) => [p.path.join('.'), p]));
    expect(byPath['dimensions.0.criteria.0.title']?.message.en).toMatch(/English, or the mark "Chinese only"/);
    expect(byPath['dimensions.0.criteria.0.title']?.where).toEqual({
      'zh-CN': `一级指标 ${d.id} › 二级指标 ${d.criteria[0]!.id} › 名称`,
      en: `Criterion group ${d.id} › Criterion ${d.criteria[0]!.id} › title`,
    });
    expect(byPath['dimensions.0.criteria.1.guidance.zh-CN']?.message['zh-CN']).toBe('不能为空');
    expect(byPath.totalPoints?.message.en).toMatch(/add up to/);
    expect(byPath['dimensions.1.criteria.0.id']?.message['zh-CN']).toContain('重复');
    expect(byPath['gradeBands.0']?.message['zh-CN']).toContain('默认值（组织单位可调整）');
    // And Chinese-only, when marked so, is fine.
    const zhOnly = setIn(r, ['dimensions', 0, 'criteria', 0, 'title'], { 'zh-CN': '只有中文', zhOnly: true });
    expect(checkRubricDraft(zhOnly).ok).toBe(true);
  });

  it('describes level paths under their criterion', () => {
    const r = base();
    const di = r.dimensions.findIndex((d) => d.criteria.some((c) => c.scale.kind === 'levels'));
    const ci = r.dimensions[di]!.criteria.findIndex((c) => c.scale.kind === 'levels');
    const c = r.dimensions[di]!.criteria[ci]!;
    expect(describePath(r, ['dimensions', di, 'criteria', ci, 'scale', 'levels', 1, 'descriptor']).en).toBe(
      `Criterion group ${r.dimensions[di]!.id} › Criterion ${c.id} › Level good › descriptor`,
    );
  });

  it('accepts what the model accepts, and only that', () => {
    const r = base();
    expect(Rubric.safeParse(r).success).toBe(true);
    const broken = setIn(r, ['totalPoints'], Number.NaN);
    expect(Rubric.safeParse(broken).success).toBe(false);
    expect(checkRubricDraft(broken).problems.map((p) => p.path.join('.'))).toContain('totalPoints');
  });
});
