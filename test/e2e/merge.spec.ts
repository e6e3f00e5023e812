/**
 * The secretariat's merge, end to end: the real renderer in Debian's Chromium
 * against the real handler table, served by the browser host started in this
 * process on a demo secretariat workspace (prepareDemoSecretariat: the demo
 * round with one earlier revision per expert, its signed ledger imported).
 * Imports the round's bundles (file input and drag-and-drop), sees superseded
 * and refused files, checks that re-importing changes nothing, records a
 * consensus, exports XLSX and PDF (read back with exceljs, rendered with
 * pdftoppm), and screenshots every merge screen in both languages. Any
 * request leaving 127.0.0.1 fails the test.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { prepareDemoSecretariat, type DemoSecretariat } from '../../electron/workspace/demo.ts';
import { noKeychain, type Host } from '../../electron/workspace/host.ts';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { MergePage } from './pages/merge.ts';

const SCREENS = resolve('test-results', 'screens');
let root: string;
let ws: Workspace;
let server: BrowserHost | null = null;
let demo: DemoSecretariat;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(resolve('out', 'renderer', 'index.html'))) throw new Error('build the renderer first: npx vite build');
  root = mkdtempSync(join(tmpdir(), 'rd-e2e-merge-'));
  const host: Host = {
    secrets: noKeychain('browser'),
    appVersion: 'e2e',
    emit: (event, payload) => server?.emit(event, payload),
  };
  ws = await openWorkspace(join(root, 'data'), host, { scryptLogN: 12 });
  demo = (await prepareDemoSecretariat(ws.ctx))!;
  server = await startBrowserHost({
    rendererDir: resolve('out', 'renderer'),
    dispatch: (channel, input) => ws.call(channel, input),
    stageDir: join(root, 'data', INCOMING_DIR),
  });
});

test.afterAll(async () => {
  await server?.close();
  ws?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Fails on any request that leaves the loopback host. */
function guardNetwork(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(url)) outside.push(url);
  });
  void page.route(/^(?!http:\/\/127\.0\.0\.1[:/]|blob:|data:)/, (route) => route.abort());
  return outside;
}

async function shot(page: Page, locale: 'zh-CN' | 'en', name: string): Promise<void> {
  mkdirSync(join(SCREENS, locale), { recursive: true });
  // Let chart animations settle.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENS, locale, `merge-${name}.png`), fullPage: false });
}

test('secretariat merges the panel’s bundles, records a consensus and exports', async ({ page }) => {
  test.setTimeout(180_000);
  const outside = guardNetwork(page);
  const merge = new MergePage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server!.url);

  // A secretariat lands in the merge; the ledger is there and verified.
  await expect(page.getByTestId('nav-merge')).toBeVisible();
  await expect(page.getByTestId('ledger-verified')).toBeVisible();
  await expect(page.getByTestId('merge-round')).toContainText('SH-MIC-2026');
  await shot(page, 'zh-CN', 'import-empty');

  // Every bundle of the round: finals and earlier revisions.
  const bundles = readdirSync(demo.bundlesDir)
    .filter((n) => n.endsWith('.rsb'))
    .sort()
    .map((n) => join(demo.bundlesDir, n));
  expect(bundles).toHaveLength(10);
  await merge.chooseFiles(bundles);
  await expect(merge.verdicts()).toHaveCount(10);
  await expect(merge.verdicts('accepted')).toHaveCount(5);
  await expect(merge.verdicts('superseded')).toHaveCount(5);
  await expect(merge.verdictOf('E01.rev1.rsb')).toHaveAttribute('data-status', 'superseded');
  await expect(merge.verdictOf('E01.rsb')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('last-import')).toContainText('10');

  // A damaged copy dropped on the zone is refused with its code; a second copy of a known file changes nothing.
  const tampered = Buffer.from(readFileSync(join(demo.bundlesDir, 'E03.rsb')));
  tampered[tampered.length - 50]! ^= 0x01;
  await merge.dropFiles([
    { name: 'E03-damaged.rsb', bytes: tampered },
    { name: 'E02-copy.rsb', bytes: readFileSync(join(demo.bundlesDir, 'E02.rsb')) },
  ]);
  await expect(merge.verdicts()).toHaveCount(11);
  await expect(merge.verdictOf('E03-damaged.rsb')).toHaveAttribute('data-status', 'refused');
  await expect(page.locator('[data-testid^="file-row-"]').filter({ hasText: 'E03-damaged.rsb' })).toContainText('E_AGE_');

  // Re-importing the same files changes nothing.
  const before = await page.getByTestId('verdicts').innerText();
  await merge.chooseFiles(bundles);
  await expect(page.getByTestId('last-import')).toContainText('0');
  expect(await page.getByTestId('verdicts').innerText()).toBe(before);
  await expect(merge.verdicts()).toHaveCount(11);
  await shot(page, 'zh-CN', 'import');

  // Completeness matrix.
  await merge.open('matrix');
  await expect(page.getByTestId('matrix')).toBeVisible();
  await expect(page.locator('[data-testid^="matrix-cell-"]')).toHaveCount(5 * 4);
  await expect(page.getByTestId('matrix-count-missing')).toHaveAttribute('data-count', '0');
  await shot(page, 'zh-CN', 'matrix');

  // Results: sortable, filterable, options, agreement.
  await merge.open('results');
  const rows = page.locator('[data-testid^="result-row-"]');
  // Two rubrics in the round: the enterprise applications (A001, A003) are ranked on their own, then the non-enterprise ones.
  await expect(page.getByTestId('merge-rubric')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('result-row-A001')).toBeVisible();
  await expect(page.getByTestId('result-row-A003')).toBeVisible();
  await page.getByTestId('merge-rubric').getByText('非企业法人型', { exact: false }).click();
  await expect(page.getByTestId('result-row-A002')).toBeVisible();
  await expect(page.getByTestId('result-row-A004')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('kendall-w')).toBeVisible();
  await expect(page.getByTestId('icc')).toBeVisible();
  await page.getByTestId('sort-total').click();
  const totals = await page.locator('[data-testid^="result-total-"]').allInnerTexts();
  const numeric = totals.map((s) => Number.parseFloat(s)).filter((x) => !Number.isNaN(x));
  expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  await page.getByTestId('results-search').fill('A002');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('results-search').fill('');
  await page.getByTestId('agg-method').getByText('中位数').click();
  await expect(page.getByTestId('agg-method').locator('input[value="median"]')).toBeChecked();
  await page.getByTestId('agg-method').getByText('平均值').click();
  await shot(page, 'zh-CN', 'results');

  await merge.open('charts');
  await expect(page.getByTestId('chart-distribution').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shot(page, 'zh-CN', 'charts');

  // One application: every expert's scores and comments, then the consensus.
  await merge.open('results');
  const firstId = (await rows.first().getAttribute('data-testid'))!.replace('result-row-', '');
  await rows.first().click();
  await expect(page.getByTestId('detail-title')).toContainText(firstId);
  await expect(page.getByTestId('detail-scores')).toBeVisible();
  await page.getByTestId('consensus-score').fill('86.5');
  await page.getByTestId('consensus-text').fill('专家组一致同意推荐该中心；李专家对产业化收入的可持续性保留意见。');
  await page.getByTestId('consensus-save').click();
  await expect(page.getByTestId('consensus-saved')).toBeVisible();
  await expect(page.getByTestId('consensus-history').locator('[data-testid^="history-"]')).toHaveCount(1);
  await page.getByTestId('consensus-score').fill('87');
  await page.getByTestId('consensus-save').click();
  await expect(page.getByTestId('consensus-history').locator('[data-testid^="history-"]')).toHaveCount(2);
  await page.getByTestId('detail-title').scrollIntoViewIfNeeded();
  await shot(page, 'zh-CN', 'application');

  await page.getByTestId('detail-back').click();
  await expect(page.getByTestId(`result-row-${firstId}`)).toContainText('87');
  await merge.open('history');
  await expect(page.getByTestId('consensus-history').locator('[data-testid^="history-"]')).toHaveCount(2);
  await shot(page, 'zh-CN', 'history');

  // Exports: the workbook read back, the panel summary rendered.
  await merge.open('results');
  const [xlsx] = await merge.download('export-xlsx');
  expect(xlsx!.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = join(root, xlsx!.suggestedFilename());
  await xlsx!.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['1·汇总 Summary', '1·完整性 Completeness', '1·分歧 Disagreement']);
  expect(wb.worksheets.map((w) => w.name)).toContain('2·汇总 Summary');
  expect(wb.getWorksheet('文件 Files')!.rowCount).toBe(1 + 11);

  const [pdf] = await merge.download('export-pdf');
  expect(pdf!.suggestedFilename()).toMatch(/专家组汇总表\.pdf$/);
  const pdfPath = join(root, 'summary.pdf');
  await pdf!.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(root, 'summary')]);
  const png = readdirSync(root).find((n) => n.startsWith('summary') && n.endsWith('.png'));
  expect(png).toBeTruthy();
  expect(statSync(join(root, png!)).size).toBeGreaterThan(5_000);
  mkdirSync(join(SCREENS, 'zh-CN'), { recursive: true });
  copyFileSync(join(root, png!), join(SCREENS, 'zh-CN', 'merge-pdf-page1.png'));

  const signed = await merge.download('export-result');
  expect(signed.map((d) => d.suggestedFilename()).sort()).toEqual(['SH-MIC-2026-result.json', 'SH-MIC-2026-result.json.sig']);

  // The same screens in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await merge.open('import');
  await expect(page.getByTestId('tab-import')).toContainText('Import and check');
  await shot(page, 'en', 'import');
  await merge.open('matrix');
  await shot(page, 'en', 'matrix');
  await merge.open('results');
  await expect(rows).toHaveCount(2);
  await shot(page, 'en', 'results');
  await merge.open('charts');
  await shot(page, 'en', 'charts');
  await merge.open('history');
  await shot(page, 'en', 'history');
  await page.goto(`${server!.url.split('#')[0]}#/merge/a/${encodeURIComponent(firstId)}`);
  await expect(page.getByTestId('detail-title')).toContainText(firstId);
  await shot(page, 'en', 'application');

  expect(outside, 'requests that left 127.0.0.1').toEqual([]);
});
