import { describe, expect, it } from 'vitest';
import { Rubric, appliesTo, outcomesFor, provenanced } from '../../shared/rubric/model.ts';
import { enterpriseSelection } from '../../shared/rubric/templates/index.ts';
import { pick } from '../../shared/i18n-text.ts';

/** The enterprise template with two more outcomes: one additional, one only for the enterprise category. */
function withOutcomes(): Rubric {
  return Rubric.parse({
    ...enterpriseSelection,
    appliesTo: ['enterprise', 'non-enterprise'],
    recommendations: [
      ...enterpriseSelection.recommendations,
      {
        id: 'national',
        label: { 'zh-CN': '支持争创国家级', en: 'Support a bid for national status' },
        additional: true,
        categories: ['enterprise'],
        default: true,
      },
      { id: 'later', label: { 'zh-CN': '另行评审', en: 'Review again later' }, categories: ['non-enterprise'], default: true },
    ],
  });
}

describe('rubric model, schema 2', () => {
  it('outcomes: one main outcome among those for the category, additional ones apart', () => {
    const r = withOutcomes();
    const ent = outcomesFor(r, 'enterprise');
    const non = outcomesFor(r, 'non-enterprise');
    expect(ent.additional.map((x) => x.id)).toEqual(['national-bid', 'national']);
    expect(non.additional).toEqual([]);
    expect(ent.main.map((x) => x.id)).not.toContain('later');
    expect(non.main.map((x) => x.id)).toContain('later');
    expect(ent.main.some((x) => x.additional)).toBe(false);
  });

  it('a rubric needs at least one main outcome', () => {
    const only = enterpriseSelection.recommendations.map((x) => ({ ...x, additional: true as const }));
    const r = Rubric.safeParse({ ...enterpriseSelection, recommendations: only });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('main (not additional) outcome');
  });

  it('appliesTo is checked per category', () => {
    expect(appliesTo(enterpriseSelection, 'enterprise')).toBe(true);
    expect(appliesTo(enterpriseSelection, 'non-enterprise')).toBe(false);
  });

  it('a text may be Chinese only when it says so, and then reads in Chinese in English', () => {
    const title = { 'zh-CN': '山西省制造业创新中心遴选评审', zhOnly: true as const };
    const r = Rubric.parse({ ...enterpriseSelection, title });
    expect(pick(r.title, 'en')).toBe('山西省制造业创新中心遴选评审');
    expect(Rubric.safeParse({ ...enterpriseSelection, title: { 'zh-CN': '只有中文' } }).success).toBe(false);
  });

  it('indicator rows: ids unique across the rubric, never on a gate', () => {
    const c = enterpriseSelection.dimensions[0]?.criteria[0];
    if (!c) throw new Error('no criterion');
    const row = {
      id: 'I1',
      label: { 'zh-CN': '研发投入', en: 'R&D spending' },
      unit: { 'zh-CN': '万元', en: '10k yuan' },
      default: true as const,
    };
    const dims = (rows: unknown[]) => [
      {
        ...enterpriseSelection.dimensions[0],
        criteria: [{ ...c, indicators: rows }, ...(enterpriseSelection.dimensions[0]?.criteria.slice(1) ?? [])],
      },
      ...enterpriseSelection.dimensions.slice(1),
    ];
    const ok = Rubric.safeParse({ ...enterpriseSelection, dimensions: dims([row]) });
    expect(ok.success).toBe(true);
    expect(provenanced(ok.data!).some(({ at }) => at.includes('indicators'))).toBe(true);
    expect(Rubric.safeParse({ ...enterpriseSelection, dimensions: dims([row, row]) }).success).toBe(false);
    expect(Rubric.safeParse({ ...enterpriseSelection, dimensions: dims([{ ...row, id: c.id }]) }).success).toBe(false);
    const gates = enterpriseSelection.gates.map((g, i) => (i === 0 ? { ...g, indicators: [row] } : g));
    expect(Rubric.safeParse({ ...enterpriseSelection, gates }).success).toBe(false);
  });
});
