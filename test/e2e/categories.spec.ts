/**
 * Seed 003: each application is reviewed 根据企业所申报的类别. The demo package holds A001 (enterprise type) and A002
 * (non-enterprise type), each with its own rubric: the expert sees each application's own basic conditions and
 * criteria, scores one of each, and the exported score file (opened with stock `age`, its signature checked by
 * `ssh-keygen`) names each application's rubric. The secretariat's side (each rubric ranked on its own) is in
 * merge.spec.ts.
 */
import { pick } from '../../shared/i18n-text.ts';
import { scaleRange, type Rubric } from '../../shared/rubric/model.ts';
import { downloaded, expect, test, verifyWithStockTools, type ReviewDeskApp } from './fixtures.ts';
import { FinishPage } from './pages/FinishPage.ts';
import { ReviewPage } from './pages/ReviewPage.ts';

const COMMENT = '论证充分，数据翔实，与申报材料所列指标一致，具备较强的可行性。';

/** Every criterion but the first gate, through the handler table, at its maximum with a comment; and an opinion and outcome. */
async function scoreRest(app: ReviewDeskApp, packageId: string, applicationId: string, rubric: Rubric): Promise<void> {
  const ref = { packageId, applicationId };
  for (const g of rubric.gates.slice(1))
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: g.id, value: 1 } });
  for (const c of rubric.dimensions.flatMap((d) => d.criteria)) {
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: c.id, value: scaleRange(c.scale).max } });
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'comment', criterionId: c.id, value: COMMENT } });
  }
  await app.ws.invoke('review:edit', { ...ref, edit: { field: 'opinion', value: '定位清晰，同意推荐。' } });
  await app.ws.invoke('review:edit', { ...ref, edit: { field: 'recommendation', value: rubric.recommendations[0]!.id } });
}

test('each application is scored against the rubric of its declared category, and the score file says which', async ({
  app,
  page,
  round,
}) => {
  const { card, packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'none' } });
  const detail = await app.ws.invoke('package:get', { packageId });
  const rubricOf = (id: string): Rubric => {
    const a = detail.applications.find((x) => x.id === id)!;
    return detail.rubrics.find((r) => r.id === a.rubricId)!;
  };
  const enterprise = rubricOf('A001');
  const nonEnterprise = rubricOf('A002');
  expect([enterprise.id, enterprise.appliesTo]).toEqual(['mic-selection-enterprise', ['enterprise']]);
  expect([nonEnterprise.id, nonEnterprise.appliesTo]).toEqual(['mic-selection-nonenterprise', ['non-enterprise']]);
  // The two rubrics' first basic conditions differ: a company registered in the last three years, or a registered non-enterprise legal person.
  expect(pick(enterprise.gates[0]!.title, 'zh-CN')).not.toBe(pick(nonEnterprise.gates[0]!.title, 'zh-CN'));

  const review = new ReviewPage(page);
  for (const [applicationId, rubric] of [
    ['A001', enterprise],
    ['A002', nonEnterprise],
  ] as const) {
    await app.open(`#/p/${packageId}/a/${applicationId}`);
    await review.at('G1');
    await expect(review.title).toContainText(pick(rubric.gates[0]!.title, 'zh-CN'));
    // The tree lists this rubric's gates and criteria, and no other's.
    const ids = [...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria)].map((c) => c.id);
    await expect(review.tree.locator('[data-testid^="criterion-"][data-status]')).toHaveCount(ids.length);
    // The expert scores the first basic condition from the keyboard (1 = 符合).
    await review.blur();
    await page.keyboard.press('1');
    await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
    expect((await app.ws.invoke('review:get', { packageId, applicationId })).criteria.G1?.score).toBe(1);
    await scoreRest(app, packageId, applicationId, rubric);
  }

  await app.open(`#/p/${packageId}/finish`);
  const finish = new FinishPage(page);
  await expect(finish.validation).toHaveAttribute('data-complete', 'true');
  const file = await downloaded(page, app.scratch('export'), () => finish.exportBundle.click());
  const { bundle, verdict } = verifyWithStockTools(file.path, round, card, app.scratch('open'));
  expect(verdict).toMatch(/Good "reviewdesk-scores" signature for expert/);
  expect(bundle.rubrics.map((r) => r.id)).toEqual(['mic-selection-enterprise', 'mic-selection-nonenterprise']);
  expect(bundle.applications.map((a) => [a.applicationId, a.rubric.id, a.status])).toEqual([
    ['A001', 'mic-selection-enterprise', 'complete'],
    ['A002', 'mic-selection-nonenterprise', 'complete'],
  ]);
  // Each application's scores are its own rubric's criteria.
  for (const a of bundle.applications) {
    const rubric = a.applicationId === 'A001' ? enterprise : nonEnterprise;
    expect(a.scores.map((s) => s.criterionId)).toEqual(rubric.dimensions.flatMap((d) => d.criteria).map((c) => c.id));
  }
});
