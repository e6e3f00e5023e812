/**
 * Screenshots of every main screen at 1280×800 in both languages, kept as
 * artifacts under test-results/screens/<locale>/<name>.png for review.
 */
import { expect, screen, test, type Locale } from './fixtures.ts';
import { FirstRunPage } from './pages/FirstRunPage.ts';
import { PackageHomePage } from './pages/PackageHomePage.ts';
import { PackagesPage } from './pages/PackagesPage.ts';
import { ReviewPage } from './pages/ReviewPage.ts';

for (const locale of ['zh-CN', 'en'] as const satisfies Locale[]) {
  test(`main screens in ${locale}`, async ({ app, page }, testInfo) => {
    expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
    await app.ws.invoke('settings:set', { locale });
    await app.open();
    await expect(new FirstRunPage(page).name).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await screen(page, testInfo, locale, 'first-run');

    const { packageId } = await app.seed({ pledge: false });
    await app.open('#/packages');
    await expect(new PackagesPage(page).card(packageId)).toBeVisible();
    await screen(page, testInfo, locale, 'packages');

    await page.goto(`${app.server.origin}/#/p/${packageId}`);
    await expect(new PackageHomePage(page).pledge).toBeVisible();
    await screen(page, testInfo, locale, 'pledge');

    await app.ws.invoke('package:acceptPledge', { packageId });
    await app.ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
    await app.ws.invoke('review:declareConflict', {
      packageId,
      applicationId: 'A002',
      status: 'recused',
      reason: '同一单位 / Same organisation',
    });
    const ref = { packageId, applicationId: 'A001' };
    for (const [criterionId, value] of [
      ['G1', 1],
      ['G2', 1],
      ['D1.1', 8],
      ['D2.2', 9],
      ['D3.3', 2],
    ] as const) {
      await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId, value } });
    }
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'comment', criterionId: 'D1.1', value: '近三年研发投入持续增长。' } });
    await app.ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: 'D1.1', value: 7 } });
    await page.reload();
    await expect(new PackageHomePage(page).application('A002')).toHaveAttribute('data-conflict', 'recused');
    await screen(page, testInfo, locale, 'package-home');

    await page.goto(`${app.server.origin}/#/p/${packageId}/a/A001/c/D2.2`);
    const review = new ReviewPage(page);
    await review.at('D2.2');
    await expect.poll(async () => Number(await review.viewer.getAttribute('data-pages'))).toBeGreaterThan(1);
    await expect(review.viewer).toHaveAttribute('data-rendering', 'false');
    await screen(page, testInfo, locale, 'review');

    await review.historyOpen.click();
    await expect(review.historyPanel.locator('[data-testid^="restore-"]').first()).toBeVisible();
    // Every row fits the drawer (long criterion titles once pushed the dates and buttons out of it).
    const drawer = (await review.historyPanel.boundingBox())!;
    for (const el of await review.historyPanel.locator('[data-testid^="restore-"]').all()) {
      const box = (await el.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(drawer.x + drawer.width);
    }
    await screen(page, testInfo, locale, 'history');

    await page.goto(`${app.server.origin}/#/p/${packageId}/finish/A001`);
    await expect(page.getByTestId('validation-summary')).toHaveAttribute('data-complete', 'false');
    await screen(page, testInfo, locale, 'finish');

    await page.goto(`${app.server.origin}/#/print/${packageId}`);
    await expect(page.getByTestId('sheet-A001')).toBeVisible();
    await screen(page, testInfo, locale, 'print');
  });
}
