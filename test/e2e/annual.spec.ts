/**
 * The annual evaluation on the review screen: the annual demo round's package
 * (electron/demo/annual.ts), the enterprise centre at its indicator criterion
 * D7.1 shows the operation report's targets against actuals with completion
 * rates and met / not-met marks above the scoring control, in both languages;
 * the non-enterprise centre's unreported row shows "—".
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { demoRound, type RoundFixture } from '../helpers/workspace.ts';
import { expect, screen, test as base } from './fixtures.ts';
import { ReviewPage } from './pages/ReviewPage.ts';

const test = base.extend<object, { round: RoundFixture }>({
  round: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'rd-e2e-annual-'));
      try {
        await use(await demoRound(join(dir, 'demo'), 2, 'annual'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('the indicator criterion shows targets against actuals with completion, above the score', async ({ app, page }, testInfo) => {
  const { packageId } = await app.seed({ conflicts: { A001: 'none', A002: 'none' } });
  const detail = await app.ws.invoke('package:get', { packageId });
  expect(detail.summary.round.id).toBe('SH-MIC-2026-ANNUAL');

  await app.open(`#/p/${packageId}/a/A001/c/D7.1`);
  const review = new ReviewPage(page);
  await review.at('D7.1');
  const table = page.getByTestId('indicator-table');
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toHaveText(['指标', '单位', '目标值', '实际值', '完成率']);
  const row = (id: string) => table.getByTestId(`indicator-row-${id}`);
  const completion = (id: string) => table.getByTestId(`indicator-completion-${id}`);
  await expect(row('rd-investment')).toContainText('研发投入');
  await expect(row('rd-investment')).toContainText('万元');
  await expect(row('rd-investment')).toContainText('12,000');
  await expect(row('rd-investment')).toContainText('13,150');
  await expect(completion('rd-investment')).toHaveText('109.6%');
  await expect(row('rd-investment')).toHaveAttribute('data-met', 'true');
  await expect(row('rd-investment').getByTestId('indicator-met')).toBeVisible();
  await expect(completion('patents-granted')).toHaveText('85.0%');
  await expect(row('patents-granted')).toHaveAttribute('data-met', 'false');
  await expect(row('patents-granted').getByTestId('indicator-not-met')).toBeVisible();
  await expect(page.getByTestId('indicator-note-patents-granted')).toContainText('实质审查');
  // Less is better for the share of government funds: 35 % targeted, 28.5 % reached.
  await expect(row('government-share')).toContainText('越低越好');
  await expect(completion('government-share')).toHaveText('122.8%');
  await expect(row('government-share')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('indicator-summary')).toHaveText('已完成 10 项 · 未完成 3 项 · 无法核对 0 项');

  // The expert's judgement is the criterion's score and comment, as usual, below the table.
  await expect(review.scoreInput).toBeVisible();
  const tableBox = await table.boundingBox();
  const scoreBox = await review.scoreInput.boundingBox();
  expect(tableBox && scoreBox && tableBox.y + tableBox.height <= scoreBox.y).toBe(true);
  // The report's own table of indicators is on its third page.
  await page.getByTestId('pdf-next').click();
  await page.getByTestId('pdf-next').click();
  await expect(review.viewer).toHaveAttribute('data-rendering', 'false');
  await page.mouse.move(0, 400);
  await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screen(page, testInfo, 'zh-CN', 'annual-indicators');

  await app.ws.invoke('settings:set', { locale: 'en' });
  await page.reload();
  await review.at('D7.1');
  await expect(table.locator('thead th')).toHaveText(['Indicator', 'Unit', 'Target', 'Actual', 'Completion']);
  await expect(row('rd-investment')).toContainText('R&D investment');
  await expect(row('rd-investment')).toContainText('CNY 10,000');
  await expect(completion('rd-investment')).toHaveText('109.6%');
  await expect(row('government-share')).toContainText('lower is better');
  await expect(page.getByTestId('indicator-summary')).toHaveText('10 met · 3 not met · 0 not verifiable');
  // The table fits the panel beside the dossier: no sideways scrolling.
  const panel = page.getByTestId('criterion-panel');
  expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect((await table.boundingBox())!.width).toBeLessThanOrEqual((await panel.boundingBox())!.width);
  await expect(review.viewer).toHaveAttribute('data-rendering', 'false');
  await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screen(page, testInfo, 'en', 'annual-indicators');

  // The non-enterprise centre left one row unreported: no completion, no mark.
  await page.goto(`${app.server.origin}/#/p/${packageId}/a/A002/c/D7.1`);
  await review.at('D7.1');
  await expect(row('leading-talent')).toHaveAttribute('data-met', 'unknown');
  await expect(completion('leading-talent')).toHaveText('—');
  await expect(row('leading-talent')).toContainText('Not reported');
  await expect(row('government-share')).toHaveAttribute('data-met', 'false');
});
