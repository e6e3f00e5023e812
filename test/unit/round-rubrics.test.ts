/**
 * A round of several rubrics (schema 2): round.json names them and each application its own; `reviewdesk pack`
 * refuses an application given a rubric that does not apply to its category, a rubric nobody uses, a file whose
 * rubric id is not the one named, and a round of ReviewDesk 1 with a message that says what to change. The
 * merge ranks each rubric on its own, and across rubrics only on request and only when their totals agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate.ts';
import { loadRoundHead } from '../../electron/rounds/round.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import type { RoundFile } from '../../shared/formats.ts';
import { aggregate, combinedRanking } from '../../shared/merge/aggregate.ts';
import { panel, review } from '../helpers/panel.ts';
import { tempDir } from '../helpers/tmp.ts';

const root = tempDir('rd-round-rubrics-');
const roundDir = join(root, 'demo', 'round');
let original: RoundFile;

async function refusal(change: (r: RoundFile) => RoundFile): Promise<{ code: string; message: string }> {
  writeFileSync(join(roundDir, 'round.json'), JSON.stringify(change(structuredClone(original))));
  try {
    await loadRoundHead(roundDir);
    return { code: 'no error', message: '' };
  } catch (e) {
    return isReviewDeskError(e) ? { code: e.code, message: e.message } : { code: `not a ReviewDeskError: ${String(e)}`, message: '' };
  } finally {
    writeFileSync(join(roundDir, 'round.json'), JSON.stringify(original));
  }
}

beforeAll(async () => {
  await generateDemo({ out: join(root, 'demo'), experts: 2, applications: 2 });
  original = JSON.parse(readFileSync(join(roundDir, 'round.json'), 'utf8')) as RoundFile;
}, 60_000);

describe('round folder of schema 2', () => {
  it('names both selection rubrics, each application its category’s', async () => {
    expect(original.rubrics).toEqual([
      { id: 'mic-selection-enterprise', path: 'rubrics/mic-selection-enterprise.json' },
      { id: 'mic-selection-nonenterprise', path: 'rubrics/mic-selection-nonenterprise.json' },
    ]);
    expect(original.applications.map((a) => [a.id, a.category, a.rubricId])).toEqual([
      ['A001', 'enterprise', 'mic-selection-enterprise'],
      ['A002', 'non-enterprise', 'mic-selection-nonenterprise'],
    ]);
    const head = await loadRoundHead(roundDir);
    expect([...head.rubrics.values()].map(({ rubric }) => [rubric.id, rubric.appliesTo])).toEqual([
      ['mic-selection-enterprise', ['enterprise']],
      ['mic-selection-nonenterprise', ['non-enterprise']],
    ]);
  });

  it('refuses a non-enterprise applicant given the enterprise rubric (E_RUBRIC_CATEGORY), in both languages', async () => {
    const r = await refusal((x) => ({
      ...x,
      rubrics: x.rubrics.slice(0, 1),
      applications: x.applications.map((a) => ({ ...a, rubricId: 'mic-selection-enterprise' })),
    }));
    expect(r.code).toBe('E_RUBRIC_CATEGORY');
    expect(r.message).toContain('A002');
  });

  it('refuses an unknown rubric and a file holding another rubric (E_ROUND), and accepts a rubric nobody uses yet', async () => {
    expect((await refusal((x) => ({ ...x, applications: x.applications.map((a) => ({ ...a, rubricId: 'nope' })) }))).code).toBe('E_ROUND');
    expect(
      (await refusal((x) => ({ ...x, rubrics: [...x.rubrics, { id: 'mic-annual-enterprise', path: x.rubrics[0]!.path }] }))).code,
    ).toBe('E_ROUND');
    const unused = await refusal((x) => ({
      ...x,
      applications: x.applications.slice(0, 1),
      assignments: { E01: ['A001'], E02: ['A001'] },
    }));
    // A round names a rubric per category before any application of that category is imported: allowed
    // (packages and the ledger carry only the rubrics in use; pack.ts).
    expect(unused.code).toBe('no error');
    const swapped = await refusal((x) => ({ ...x, rubrics: x.rubrics.map((r, i) => ({ ...r, path: x.rubrics[1 - i]!.path })) }));
    expect(swapped.code).toBe('E_ROUND');
  });

  it('refuses a round.json of ReviewDesk 1 saying what to change (E_ROUND_OLD), and a newer one (E_SCHEMA_VERSION)', async () => {
    const old = await refusal((x) => ({ ...x, schemaVersion: 1 as 2 }));
    expect(old.code).toBe('E_ROUND_OLD');
    expect(old.message).toContain('rubricId');
    expect((await refusal((x) => ({ ...x, schemaVersion: 3 as 2 }))).code).toBe('E_SCHEMA_VERSION');
  });
});

describe('a load round', () => {
  it('uses one rubric for both categories, every element a default, and packs', async () => {
    const out = join(root, 'load');
    const demo = await generateDemo({ out, experts: 2, applications: 6 });
    expect(demo.packages).toHaveLength(2);
    const head = await loadRoundHead(join(out, 'round'));
    const [only] = [...head.rubrics.values()];
    expect(head.rubrics.size).toBe(1);
    expect(only!.rubric).toMatchObject({ id: 'mic-load-30', appliesTo: ['enterprise', 'non-enterprise'] });
    expect(only!.rubric.dimensions.every((d) => d.default === true && d.criteria.every((c) => c.default === true))).toBe(true);
  }, 60_000);
});

describe('ranking across rubrics', () => {
  const one = aggregate(
    panel(
      [
        { id: 'X1', assigned: ['P1', 'P2'], reviews: [review('P1', 8, 9), review('P2', 5, 5)] },
        { id: 'X2', assigned: ['P1', 'P2'], reviews: [review('P1', 7, 9), review('P2', 6, 4)] },
      ],
      ['P1', 'P2'],
    ),
  );
  const other = {
    ...one,
    rubric: { ...one.rubric, id: 'other' },
    applications: one.applications.map((a) => ({ ...a, applicationId: `Q${a.applicationId}` })),
  };

  it('is one scale only when the totals agree', () => {
    const c = combinedRanking([one, other]);
    expect(c.totalPoints).toBe(one.rubric.totalPoints);
    expect(c.ranking.map((r) => [r.applicationId, r.rubricId, r.rank])).toEqual([
      ['P1', one.rubric.id, 1],
      ['QP1', 'other', 1],
      ['P2', one.rubric.id, 3],
      ['QP2', 'other', 3],
    ]);
  });

  it('is refused when the totals differ (E_COMBINED_RANKING)', () => {
    const halved = { ...other, rubric: { ...other.rubric, totalPoints: 50 } };
    expect(() => combinedRanking([one, halved])).toThrow(expect.objectContaining({ code: 'E_COMBINED_RANKING' }));
  });
});
