import { describe, expect, it } from 'vitest';
import { parseStrict } from '../../electron/formats/json.ts';
import { Rubric, RUBRIC_SCHEMA_VERSION, provenanced } from '../../shared/rubric/model.ts';
import { enterpriseSelection, annualEnterprise } from '../../shared/rubric/templates/index.ts';
import { upgradeRubric } from '../../shared/rubric/upgrade.ts';

/** A template as ReviewDesk 1 wrote it: schema 1, appliesTo a single word, no provenance. */
function asSchema1(r: Rubric, appliesTo: string): Record<string, unknown> {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !['source', 'default', 'scoring', 'sources', 'derivedFrom', 'consequence', 'additional', 'categories'].includes(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  const old = strip(r) as Record<string, unknown>;
  // Outcome descriptions came with schema 2; the rubric's own description was there before.
  for (const x of old.recommendations as Record<string, unknown>[]) delete x.description;
  return { ...old, schemaVersion: 1, appliesTo };
}

describe('rubrics of schema 1', () => {
  it('read as schema 2: appliesTo becomes a list and every element a default', () => {
    const up = Rubric.parse(upgradeRubric(asSchema1(enterpriseSelection, 'enterprise')));
    expect(up.schemaVersion).toBe(RUBRIC_SCHEMA_VERSION);
    expect(up.appliesTo).toEqual(['enterprise']);
    const elements = provenanced(up);
    expect(elements.length).toBeGreaterThan(20);
    expect(elements.every(({ element }) => element.default === true && element.source === undefined)).toBe(true);
    expect(up.gates.map((g) => g.id)).toEqual(enterpriseSelection.gates.map((g) => g.id));
  });

  it('an assessment rubric of schema 1 applies to both categories', () => {
    const up = Rubric.parse(upgradeRubric(asSchema1(annualEnterprise, 'assessment')));
    expect(up.appliesTo).toEqual(['enterprise', 'non-enterprise']);
  });

  it('parseStrict reads a schema-1 rubric file through the upgrade and still refuses an unknown version', () => {
    const bytes = Buffer.from(JSON.stringify(asSchema1(enterpriseSelection, 'enterprise')));
    const opts = { maxBytes: 1 << 20, schemaVersion: RUBRIC_SCHEMA_VERSION, upgrade: upgradeRubric };
    expect(parseStrict(bytes, Rubric, 'rubric.json', opts).appliesTo).toEqual(['enterprise']);
    expect(() => parseStrict(bytes, Rubric, 'rubric.json', { ...opts, upgrade: undefined })).toThrow(
      expect.objectContaining({ code: 'E_SCHEMA_OLD' }),
    );
    const future = Buffer.from(JSON.stringify({ ...enterpriseSelection, schemaVersion: 3 }));
    expect(() => parseStrict(future, Rubric, 'rubric.json', opts)).toThrow(expect.objectContaining({ code: 'E_SCHEMA_VERSION' }));
  });

  it('a schema-2 rubric with an element that has neither source nor default is refused', () => {
    const r = structuredClone(enterpriseSelection) as Rubric;
    const g = r.gates[0];
    if (!g) throw new Error('no gate');
    delete g.default;
    delete g.source;
    const parsed = Rubric.safeParse(r);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('neither a source nor default');
  });

  it('appliesTo must name categories once, and an outcome may not name a category the rubric does not apply to', () => {
    expect(Rubric.safeParse({ ...enterpriseSelection, appliesTo: ['enterprise', 'enterprise'] }).success).toBe(false);
    expect(Rubric.safeParse({ ...enterpriseSelection, appliesTo: ['assessment'] }).success).toBe(false);
    const recs = enterpriseSelection.recommendations.map((x, i) => (i === 0 ? { ...x, categories: ['non-enterprise' as const] } : x));
    expect(Rubric.safeParse({ ...enterpriseSelection, recommendations: recs }).success).toBe(false);
  });
});
