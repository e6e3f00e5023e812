/**
 * The annual evaluation's operation-report indicators: the schema of an entry, the refusals of a round and of a
 * package whose entries name a criterion or row the application's rubric lacks, the completion arithmetic, the
 * annual demo round (its packages opened with the real openPackage), and the figures withheld before the pledge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import { IndicatorValue, RoundFile, type Bundle } from '../../shared/formats.ts';
import { indicatorProblem, rowCompletion } from '../../shared/review/indicators.ts';
import { annualEnterprise, annualNonEnterprise } from '../../shared/rubric/templates/assessment.ts';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { openPackage } from '../../electron/packages/open.ts';
import { writePackage } from '../../electron/packages/pack.ts';
import { loadRound, loadRoundHead } from '../../electron/rounds/round.ts';
import { openWorkspace } from '../../electron/workspace/open.ts';
import { tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, testHost, type RoundFixture } from '../helpers/workspace.ts';

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return { code: e.code, params: e.params };
}

const root = tempDir('rd-annual-');
let fx: RoundFixture;
let roundJson: string;

beforeAll(async () => {
  fx = await demoRound(join(root, 'demo'), 2, 'annual');
  roundJson = readFileSync(join(fx.dir, 'round', 'round.json'), 'utf8');
}, 120_000);

/** round.json with the first application's indicators replaced, written back for loadRoundHead to read. */
function withIndicators(indicators: unknown, index = 0): void {
  const r = JSON.parse(roundJson) as { applications: Record<string, unknown>[] };
  r.applications[index]!.indicators = indicators;
  writeFileSync(join(fx.dir, 'round', 'round.json'), JSON.stringify(r, null, 2));
}
function restoreRound(): void {
  writeFileSync(join(fx.dir, 'round', 'round.json'), roundJson);
}

describe('an indicator entry', () => {
  const good = { criterionId: 'D7.1', rowId: 'rd-investment', target: 100, actual: 90 };
  it('is strict and bounded: finite figures or null, a short note, no other keys', () => {
    expect(IndicatorValue.safeParse(good).success).toBe(true);
    expect(IndicatorValue.safeParse({ ...good, target: null, actual: null, note: '未填报' }).success).toBe(true);
    expect(IndicatorValue.safeParse({ ...good, target: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, actual: Number.NaN }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, actual: 1e16 }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, target: '100' }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, note: '' }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, note: 'x'.repeat(1001) }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, unit: '万元' }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...good, rowId: '../x' }).success).toBe(false);
  });

  it('must name a criterion with indicator rows and one of its rows, once', () => {
    expect(indicatorProblem(annualEnterprise, [good])).toBeUndefined();
    expect(indicatorProblem(annualEnterprise, [{ ...good, criterionId: 'D9.9' }])).toMatch(
      /indicators\[0\].*criterion D9\.9.*does not have/,
    );
    expect(indicatorProblem(annualEnterprise, [{ ...good, criterionId: 'D7.2' }])).toMatch(/has no indicator rows/);
    expect(indicatorProblem(annualEnterprise, [good, { ...good, rowId: 'no-such-row' }])).toMatch(/indicators\[1\].*row no-such-row/);
    expect(indicatorProblem(annualEnterprise, [good, good])).toMatch(/twice/);
  });
});

describe('completion (完成率)', () => {
  it('is actual / target, target / actual where less is better, and not computable without both figures or a positive divisor', () => {
    expect(rowCompletion({}, { target: 12000, actual: 13150 })).toEqual({ ratio: 13150 / 12000, met: true });
    expect(rowCompletion({}, { target: 20, actual: 17 })).toEqual({ ratio: 0.85, met: false });
    expect(rowCompletion({ lowerIsBetter: true }, { target: 35, actual: 28 })).toEqual({ ratio: 1.25, met: true });
    expect(rowCompletion({ lowerIsBetter: true }, { target: 45, actual: 52.3 })).toMatchObject({ met: false });
    expect(rowCompletion({}, { target: 4, actual: null })).toEqual({ ratio: null, met: null });
    expect(rowCompletion({}, undefined)).toEqual({ ratio: null, met: null });
    expect(rowCompletion({}, { target: 0, actual: 3 })).toEqual({ ratio: null, met: true });
    expect(rowCompletion({ lowerIsBetter: true }, { target: 10, actual: 0 })).toEqual({ ratio: null, met: true });
  });
});

describe('the round refuses entries its rubrics do not have (E_ROUND)', () => {
  it.each([
    ['an unknown criterion', { criterionId: 'D9.1', rowId: 'rd-investment', target: 1, actual: 1 }, /criterion D9\.1/],
    ['a criterion without rows', { criterionId: 'D1.1', rowId: 'rd-investment', target: 1, actual: 1 }, /no indicator rows/],
    ['an unknown row', { criterionId: 'D7.1', rowId: 'revenue', target: 1, actual: 1 }, /row revenue/],
  ])('%s', async (_what, entry, reason) => {
    withIndicators([entry]);
    try {
      const e = await refusal(loadRoundHead(join(fx.dir, 'round')));
      expect(e.code).toBe('E_ROUND');
      expect(String(e.params.reason)).toMatch(/^application A001: indicators\[0\]/);
      expect(String(e.params.reason)).toMatch(reason);
    } finally {
      restoreRound();
    }
  });

  it('and a malformed entry fails the schema (E_SCHEMA)', async () => {
    withIndicators([{ criterionId: 'D7.1', rowId: 'rd-investment', target: 1, actual: 1, extra: true }]);
    try {
      expect((await refusal(loadRoundHead(join(fx.dir, 'round')))).code).toBe('E_SCHEMA');
    } finally {
      restoreRound();
    }
  });
});

describe('the annual demo round', () => {
  it('writes round.json with each centre scored against its type’s annual rubric, with its indicators', () => {
    const round = RoundFile.parse(JSON.parse(roundJson));
    expect(round.round).toEqual({
      id: 'SH-MIC-2026-ANNUAL',
      title: { 'zh-CN': '2026 年度上海市制造业创新中心年度评估（演示）', en: expect.any(String) as string },
    });
    expect(round.applications.map((a) => [a.id, a.category, a.rubricId])).toEqual([
      ['A001', 'enterprise', 'mic-annual-enterprise'],
      ['A002', 'non-enterprise', 'mic-annual-nonenterprise'],
    ]);
    for (const a of round.applications) {
      const rubric = a.category === 'enterprise' ? annualEnterprise : annualNonEnterprise;
      expect(indicatorProblem(rubric, a.indicators ?? [])).toBeUndefined();
      const rows = a.indicators ?? [];
      expect(rows).toHaveLength(13);
      const met = rows.map(
        (r) =>
          rowCompletion(
            rubric.dimensions
              .flatMap((d) => d.criteria)
              .find((c) => c.id === 'D7.1')!
              .indicators!.find((x) => x.id === r.rowId)!,
            r,
          ).met,
      );
      expect(met).toContain(true);
      expect(met).toContain(false);
    }
  });

  it('packs the indicators into every manifest, and openPackage opens them with the right rubric per category', async () => {
    const round = RoundFile.parse(JSON.parse(roundJson));
    const identity = await loadIdentity(join(fx.dir, 'experts', 'E01'));
    const opened = await openPackage(join(fx.dir, 'packages', 'E01.rpkg'), identity, { trustedSecretariat: fx.secretariat.card });
    expect(opened.manifest.round.id).toBe('SH-MIC-2026-ANNUAL');
    expect(opened.manifest.rubrics.map((r) => r.id)).toEqual(['mic-annual-enterprise', 'mic-annual-nonenterprise']);
    for (const a of opened.manifest.applications) {
      const rubric = opened.rubrics.get(a.rubricId)!;
      expect(rubric.stage).toBe('annual');
      expect(rubric.appliesTo).toEqual([a.category]);
      expect(a.indicators).toEqual(round.applications.find((x) => x.id === a.id)?.indicators);
      expect(opened.filePaths).toContain(`dossiers/${a.id}/年度运行发展报告.pdf`);
    }
    const pdf = await opened.readFile('dossiers/A001/年度运行发展报告.pdf');
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('writes completed, signed score bundles against the annual rubrics', async () => {
    for (const file of fx.demo.bundles) {
      const { bundle } = await openBundleBytes(readFileSync(file), fx.secretariat);
      const b: Bundle = bundle;
      expect(b.roundId).toBe('SH-MIC-2026-ANNUAL');
      for (const a of b.applications) {
        expect(a.status).toBe('complete');
        expect(a.rubric.id).toBe(a.applicationId === 'A001' ? 'mic-annual-enterprise' : 'mic-annual-nonenterprise');
        expect(a.scores.find((s) => s.criterionId === 'D7.1')?.score).not.toBeNull();
        expect(['excellent', 'good', 'pass', 'fail']).toContain(a.recommendation);
      }
    }
  });
});

describe('a package whose manifest names an unknown indicator row', () => {
  it('is refused on opening with E_SCHEMA, naming the entry', async () => {
    const loaded = await loadRound(join(fx.dir, 'round'));
    const app = loaded.round.applications.find((a) => a.id === 'A002')!;
    app.indicators = [...(app.indicators ?? []), { criterionId: 'D7.1', rowId: 'made-up', target: 1, actual: 2 }];
    const out = join(root, 'bad.rpkg');
    await writePackage(loaded, fx.secretariat, 'E01', out);
    const identity = await loadIdentity(join(fx.dir, 'experts', 'E01'));
    const e = await refusal(openPackage(out, identity));
    expect(e.code).toBe('E_SCHEMA');
    expect(e.params.file).toBe('manifest.json');
    expect(String(e.params.reason)).toMatch(/application A002: indicators\[13\] \(D7\.1\/made-up\) names row made-up/);
  });
});

describe('the package detail', () => {
  it('withholds the indicators before the pledge and carries them after', async () => {
    const ws = await openWorkspace(join(root, 'workspace'), testHost(), { scryptLogN: 10 });
    try {
      const state = await ws.invoke('identity:create', {
        displayName: '测试专家',
        organisation: '某大学',
        fields: [],
        passphrase: 'pass phrase 1',
      });
      if (state.identity.status === 'none') throw new Error('no identity');
      const pkg = await packageFor(fx, state.identity.card, join(root, 'mine.rpkg'));
      const { packageId } = await importTrusted(ws, 'E01.rpkg', new Uint8Array(readFileSync(pkg.path)));
      const before = await ws.invoke('package:get', { packageId });
      expect(before.manifest.applications.map((a) => a.indicators)).toEqual([undefined, undefined]);
      const after = await ws.invoke('package:acceptPledge', { packageId });
      expect(after.manifest.applications.map((a) => a.indicators?.length)).toEqual([13, 13]);
      expect(after.manifest.applications[0]?.indicators?.[0]).toEqual({
        criterionId: 'D7.1',
        rowId: 'rd-investment',
        target: 12000,
        actual: 13150,
      });
    } finally {
      ws.close();
    }
  });
});
