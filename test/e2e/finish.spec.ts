/**
 * Finishing a package: the validation summary, an incomplete (draft) export,
 * the complete export after the opinion, the recommendation and the additional
 * outcome 支持争创国家级, each downloaded .rsb opened with the secretariat's key
 * by stock `age` and its signature checked by `ssh-keygen -Y verify`; and the
 * printable score sheet, which prints the additional outcome.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleRange } from '../../shared/rubric/model.ts';
import { downloaded, expect, test, verifyWithStockTools, type ReviewDeskApp } from './fixtures.ts';
import { FinishPage } from './pages/FinishPage.ts';
import { ReviewPage } from './pages/ReviewPage.ts';
import type { Page } from '@playwright/test';

const COMMENT = '论证充分，数据翔实，与申报材料第三章所列指标一致，具备较强的可行性。';

/** Every criterion of A001 scored at its maximum with a comment, through the handler table. */
async function scoreAll(app: ReviewDeskApp, packageId: string): Promise<void> {
  const ref = { packageId, applicationId: 'A001' };
  const rubric = (await app.ws.invoke('package:get', { packageId })).rubrics[0]!;
  for (const g of rubric.gates) await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: g.id, value: 1 } });
  for (const c of rubric.dimensions.flatMap((d) => d.criteria)) {
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: c.id, value: scaleRange(c.scale).max } });
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'comment', criterionId: c.id, value: COMMENT } });
  }
}

/** Each edit reaches the Node side only after 0.8 s (a busy disk, a loaded machine). */
async function slowEdits(page: Page): Promise<void> {
  await page.route(/\/api\/review(:|%3A)edit$/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

test('validates, exports a draft and then a complete bundle; both verify with age and ssh-keygen, the second with a higher revision', async ({
  app,
  page,
  round,
}) => {
  const { card, packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'recused' } });
  await scoreAll(app, packageId);
  const rubric = (await app.ws.invoke('package:get', { packageId })).rubrics[0]!;
  await app.open(`#/p/${packageId}/finish/A001`);
  const finish = new FinishPage(page);

  await expect(finish.validation).toHaveAttribute('data-complete', 'false');
  await expect.poll(() => finish.issueKinds()).toEqual(['opinionMissing', 'recommendationMissing']);
  await expect(finish.exportBundle).toBeDisabled();
  await finish.allowIncomplete.check();
  await expect(finish.exportBundle).toBeEnabled();

  const draft = await downloaded(page, app.scratch('draft'), () => finish.exportBundle.click());
  expect(draft.name).toMatch(/\.rsb$/);
  await expect(finish.exportRevision).toHaveText('1');
  await expect(finish.exportSha256).toHaveText(sha256(draft.bytes));
  expect(draft.bytes.equals(readFileSync(join(app.dataDir, 'exports', draft.name)))).toBe(true);
  const first = verifyWithStockTools(draft.path, round, card, app.scratch('draft-open'));
  expect(first.verdict).toMatch(/Good "reviewdesk-scores" signature for expert/);
  expect(first.bundle).toMatchObject({ kind: 'reviewdesk-scores', packageId, revision: 1, expertFingerprint: card.fingerprint });
  expect(first.bundle.applications.map((a) => [a.applicationId, a.status])).toEqual([
    ['A001', 'in-progress'],
    ['A002', 'recused'],
  ]);
  // No additional outcome chosen yet: the score file has no such key at all.
  expect(first.bundle.applications.map((a) => 'additionalRecommendations' in a)).toEqual([false, false]);

  // The opinion and recommendation complete the package.
  const opinion = '该中心定位清晰，关键共性技术布局合理，同意推荐。';
  await finish.opinion.fill(opinion);
  await finish.opinion.blur();
  const recommend = rubric.recommendations[0]!;
  await finish.chooseRecommendation(recommend.label['zh-CN']);
  await expect(finish.saveStatus).toHaveAttribute('data-state', 'saved');
  // Beside it, the enterprise-type applicant A001 may be supported in a bid for national status; the choice is optional.
  await expect(finish.validation).toHaveAttribute('data-complete', 'true');
  const nationalBid = finish.additionalOutcome('national-bid');
  await expect(finish.additional).toContainText('支持争创国家级');
  await expect(finish.additional).toContainText('建议支持其积极争创国家制造业创新中心。');
  await expect(nationalBid).not.toBeChecked();
  await nationalBid.check();
  await expect(finish.saveStatus).toHaveAttribute('data-state', 'saved');
  await expect(nationalBid).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('finish-additional.png'), fullPage: true });
  const stored = await app.ws.invoke('review:get', { packageId, applicationId: 'A001' });
  expect(stored).toMatchObject({ recommendation: recommend.id, additionalRecommendations: ['national-bid'] });
  const [audited] = await app.ws.invoke('review:history', { packageId, applicationId: 'A001', limit: 1 });
  expect(audited).toMatchObject({ field: 'additionalRecommendations', oldValue: '[]', newValue: '["national-bid"]' });
  await expect(finish.validation).toHaveAttribute('data-complete', 'true');
  await expect(finish.issues).toHaveCount(0);
  await expect(finish.allowIncomplete).toHaveCount(0);

  const final = await downloaded(page, app.scratch('final'), () => finish.exportBundle.click());
  await expect(finish.exportRevision).toHaveText('2');
  await expect(finish.exportSha256).toHaveText(sha256(final.bytes));
  expect(final.name).not.toBe(draft.name);
  const second = verifyWithStockTools(final.path, round, card, app.scratch('final-open'));
  expect(second.verdict).toMatch(/Good "reviewdesk-scores" signature for expert/);
  expect(second.bundle.revision).toBe(2);
  const [a1, a2] = second.bundle.applications;
  expect(a1).toMatchObject({
    applicationId: 'A001',
    status: 'complete',
    opinion,
    recommendation: recommend.id,
    additionalRecommendations: ['national-bid'],
  });
  expect(a1!.scores).toHaveLength(rubric.dimensions.flatMap((d) => d.criteria).length);
  expect(a2).toMatchObject({ applicationId: 'A002', status: 'recused', scores: [] });
  expect(a2).not.toHaveProperty('additionalRecommendations');
  const summary = (await app.ws.invoke('app:state', {})).packages[0]!;
  expect(summary).toMatchObject({ lastExport: { revision: 2, sha256: sha256(final.bytes) }, changedSinceExport: false });
});

test('the print route shows the score sheet, and it prints to PDF pages', async ({ app, page }) => {
  const { packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'recused' } });
  await scoreAll(app, packageId);
  const ref = { packageId, applicationId: 'A001' };
  await app.ws.invoke('review:edit', { ...ref, edit: { field: 'additionalRecommendations', value: ['national-bid'] } });
  // The print dialog the route opens by itself is counted, not shown: a real one would still be printing when the
  // test prints the page to PDF below (Chromium refuses a second print at once).
  await page.addInitScript(() => {
    const w = window as unknown as { printRequests: number };
    w.printRequests = 0;
    window.print = () => void (w.printRequests += 1);
  });
  await app.open(`#/p/${packageId}/finish/A001`);
  // Where the host cannot render PDF itself (the browser host), the button opens the print route.
  await page.getByTestId('print-scoresheet').click();
  await expect(page).toHaveURL(new RegExp(`#/print/${packageId}/auto$`));
  const sheet = page.getByTestId('score-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('sheet-A001')).toBeVisible();
  await expect(page.getByTestId('sheet-A002')).toHaveCount(0);
  await expect(sheet).toContainText('上海市先进封装与异构集成制造业创新中心');
  // The additional outcome chosen beside the main one is printed on the individual score sheet.
  await expect(page.getByTestId('sheet-additional-A001')).toHaveText('支持争创国家级');
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true');
  // …and asks for the print dialog once, after the sheet is ready.
  await expect.poll(() => page.evaluate(() => (window as unknown as { printRequests: number }).printRequests)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-now')).toBeHidden();
  await expect(sheet).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pdf.length).toBeGreaterThan(10_000);
});

test('an additional outcome shows in the history by its label, and restoring the old value ticks it again', async ({ app, page }) => {
  const { packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'recused' } });
  const ref = { packageId, applicationId: 'A001' };
  await app.ws.invoke('review:edit', { ...ref, edit: { field: 'additionalRecommendations', value: ['national-bid'] } });
  await app.open(`#/p/${packageId}/finish/A001`);
  const finish = new FinishPage(page);
  const nationalBid = finish.additionalOutcome('national-bid');
  await expect(nationalBid).toBeChecked();
  await nationalBid.uncheck();
  await expect(finish.saveStatus).toHaveAttribute('data-state', 'saved');
  const [cleared] = await app.ws.invoke('review:history', ref);
  expect(cleared).toMatchObject({ field: 'additionalRecommendations', oldValue: '["national-bid"]', newValue: '[]' });

  await app.open(`#/p/${packageId}/a/A001/c/D1.1`);
  const review = new ReviewPage(page);
  await review.historyOpen.click();
  await expect(review.historyPanel).toBeVisible();
  await expect(page.getByTestId(`history-${cleared!.id}`)).toContainText('附加推荐意见');
  await expect(page.getByTestId(`history-old-${cleared!.id}`)).toHaveText('支持争创国家级');
  await expect(page.getByTestId(`history-new-${cleared!.id}`)).toHaveText('（空）');
  await page.getByTestId(`restore-${cleared!.id}`).click();
  await expect.poll(async () => (await app.ws.invoke('review:get', ref)).additionalRecommendations).toEqual(['national-bid']);

  await app.open(`#/p/${packageId}/finish/A001`);
  await expect(finish.additionalOutcome('national-bid')).toBeChecked();
});

test('an opinion typed just before Export is in the exported bundle, even while its save is still on its way', async ({
  app,
  page,
  round,
}) => {
  const { card, packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'recused' } });
  await scoreAll(app, packageId);
  const rubric = (await app.ws.invoke('package:get', { packageId })).rubrics[0]!;
  const ref = { packageId, applicationId: 'A001' };
  await app.ws.invoke('review:edit', { ...ref, edit: { field: 'recommendation', value: rubric.recommendations[0]!.id } });
  await app.open(`#/p/${packageId}/finish/A001`);
  const finish = new FinishPage(page);
  await finish.allowIncomplete.check();
  // A slow answer (a busy disk, a loaded machine): each edit reaches the Node side only after a while.
  await slowEdits(page);
  const opinion = '同意推荐，建议加强产学研协同。';
  await finish.opinion.click();
  await page.keyboard.type(opinion);
  const exported = await downloaded(page, app.scratch('typed'), () => finish.exportBundle.click());
  const opened = verifyWithStockTools(exported.path, round, card, app.scratch('typed-open'));
  expect(opened.bundle.applications[0]).toMatchObject({ applicationId: 'A001', opinion });
});

test('a double click on Export seals one revision, not two, even while edits are still being committed', async ({ app, page }) => {
  const { packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'recused' } });
  await scoreAll(app, packageId);
  await app.open(`#/p/${packageId}/finish/A001`);
  const finish = new FinishPage(page);
  await finish.allowIncomplete.check();
  // The opinion's save is slow, so the first click waits for it: the window in which a second click used to start
  // a second export.
  await slowEdits(page);
  await finish.opinion.click();
  await page.keyboard.type('同意推荐。');
  await downloaded(page, app.scratch('double'), () => finish.exportBundle.dblclick());
  await expect(finish.exportRevision).toHaveText('1');
  await expect(finish.exportBundle).toBeEnabled();
  const summary = (await app.ws.invoke('app:state', {})).packages[0]!;
  expect(summary.lastExport?.revision).toBe(1);
  expect(readdirSync(join(app.dataDir, 'exports')).filter((f) => f.endsWith('.rsb'))).toHaveLength(1);
});
