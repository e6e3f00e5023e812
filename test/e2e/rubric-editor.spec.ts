/**
 * The secretariat's rubric editor, end to end: the real renderer in Debian's
 * Chromium against the real handler table behind the browser host, on a
 * fresh secretariat workspace. Starts from a built-in template, changes a
 * criterion's points so the total no longer adds up, sees the problem (with
 * its place, in both languages), fixes it, sees the diff list both changes,
 * previews the expert's view, and exports rubric.json, which parseStrict and
 * the Rubric schema accept. Any request leaving 127.0.0.1 fails the test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseStrict } from '../../electron/formats/json.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { noKeychain, type Host } from '../../electron/workspace/host.ts';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { RUBRIC_SCHEMA_VERSION, Rubric } from '../../shared/rubric/model.ts';
import { enterpriseSelection } from '../../shared/rubric/templates/index.ts';

const SCREENS = resolve('test-results', 'screens');
let root: string;
let ws: Workspace;
let server: BrowserHost | null = null;

test.beforeAll(async () => {
  if (!existsSync(resolve('out', 'renderer', 'index.html'))) throw new Error('build the renderer first: npx vite build');
  root = mkdtempSync(join(tmpdir(), 'rd-e2e-rubric-'));
  const host: Host = { secrets: noKeychain('browser'), appVersion: 'e2e', emit: (event, payload) => server?.emit(event, payload) };
  ws = await openWorkspace(join(root, 'data'), host, { scryptLogN: 10 });
  await ws.invoke('identity:create', {
    role: 'secretariat',
    displayName: '评审秘书处',
    organisation: '上海市经济和信息化委员会',
    fields: [],
    passphrase: 'correct horse battery staple',
  });
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
  await page.screenshot({ path: join(SCREENS, locale, `rubric-${name}.png`), fullPage: false });
}

test('secretariat edits a rubric from a template, fixes the total, sees the diff and exports rubric.json', async ({ page }) => {
  test.setTimeout(120_000);
  const outside = guardNetwork(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server!.url);

  // The merge stays the home; the rubric editor sits beside it.
  await expect(page.getByTestId('nav-merge')).toBeVisible();
  await page.getByTestId('nav-rubrics').click();
  await expect(page).toHaveURL(/#\/rubrics$/);
  const template = page.getByTestId(`template-${enterpriseSelection.id}`);
  await expect(template).toContainText('制造业创新中心遴选评审（企业法人型）');
  await expect(template).toContainText('遴选');
  await expect(template).toContainText('企业法人型');
  await shot(page, 'zh-CN', 'start');

  await page.getByTestId(`start-${enterpriseSelection.id}`).click();
  await expect(page).toHaveURL(/#\/rubrics\/edit$/);
  await expect(page.getByTestId('rubric-valid')).toBeVisible();
  await expect(page.getByTestId('points-sum')).toHaveAttribute('data-adds', 'true');

  // D1.1 from 5 to 8 points: the total no longer adds up.
  const [first, second] = enterpriseSelection.dimensions[0]!.criteria as [Rubric['gates'][number], Rubric['gates'][number]];
  await page.getByTestId(`tree-criterion-${first.id}`).click();
  await expect(page.getByTestId('criterion-form')).toHaveAttribute('data-id', first.id);
  // The points are a default, marked as the review screen marks them.
  await expect(page.getByTestId('criterion-form').getByTestId('editor-default-mark').first()).toHaveText('默认值（组织单位可调整）');
  const weight = page.getByTestId('criterion-weight');
  await weight.fill(String(first.weight + 3));
  const problems = page.getByTestId('rubric-problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByTestId('rubric-problem')).toHaveCount(1);
  const problem = problems.getByTestId('rubric-problem').first();
  await expect(problem).toHaveAttribute('data-path', 'totalPoints');
  await expect(problem).toContainText('总分：各项分值合计 103，与总分 100 不符');
  await expect(problem).toContainText('total points: the points available add up to 103, not the total of 100');
  await expect(page.getByTestId('points-sum')).toHaveAttribute('data-adds', 'false');
  await expect(page.getByTestId('rubric-export-json')).toBeDisabled();
  await shot(page, 'zh-CN', 'edit-invalid');

  // The same problem in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(problem).toContainText('total points: the points available add up to 103, not the total of 100');
  await shot(page, 'en', 'edit-invalid');
  await page.getByTestId('lang-switch').getByText('中文').click();

  // Fixed by taking the 3 points from D1.2.
  await page.getByTestId(`tree-criterion-${second.id}`).click();
  await expect(page.getByTestId('criterion-form')).toHaveAttribute('data-id', second.id);
  await page.getByTestId('criterion-weight').fill(String(second.weight - 3));
  await expect(page.getByTestId('rubric-valid')).toBeVisible();
  await expect(page.getByTestId('points-sum')).toHaveAttribute('data-adds', 'true');
  await expect(page.getByTestId('rubric-export-json')).toBeEnabled();

  // A criterion scored on level descriptors shows each level with its band; the grades show their minimums as defaults.
  await page.getByTestId('level-excellent').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('descriptor-excellent-zh')).not.toHaveValue('');
  await shot(page, 'zh-CN', 'edit-levels');
  await page.getByTestId('tree-gradeBands').click();
  await expect(page.getByTestId('bands-form').getByTestId('editor-default-mark').first()).toBeVisible();
  await shot(page, 'zh-CN', 'edit-grades');

  // The diff against the template lists both changes, by id and field.
  await page.getByTestId('tab-rubric-diff').click();
  const entries = page.getByTestId('diff-entry');
  await expect(entries).toHaveCount(2);
  await expect(page.locator(`[data-testid="diff-entry"][data-id="${first.id}"][data-field="weight"]`)).toContainText(`${first.weight}`);
  await expect(page.locator(`[data-testid="diff-entry"][data-id="${first.id}"][data-field="weight"]`)).toContainText(`${first.weight + 3}`);
  await expect(page.locator(`[data-testid="diff-entry"][data-id="${second.id}"][data-field="weight"]`)).toContainText('修改');
  await shot(page, 'zh-CN', 'diff');

  // The expert's view: the review screen's own components, showing the new points.
  await page.getByTestId('tab-rubric-preview').click();
  await expect(page.getByTestId('criterion-tree')).toBeVisible();
  await page.getByTestId('criterion-tree').getByText(first.id, { exact: false }).first().click();
  await expect(page.getByTestId('criterion-panel')).toHaveAttribute('data-criterion', first.id);
  await expect(page.getByTestId('criterion-panel')).toContainText(`分值 ${first.weight + 3}`);
  await shot(page, 'zh-CN', 'preview');

  // rubric.json, as the browser downloads it: parseStrict and the schema accept it.
  const download = page.waitForEvent('download');
  await page.getByTestId('rubric-export-json').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`rubric-${enterpriseSelection.id}-v1.json`);
  const saved = join(root, file.suggestedFilename());
  await file.saveAs(saved);
  const rubric = parseStrict(readFileSync(saved), Rubric, 'rubric.json', { maxBytes: 2 << 20, schemaVersion: RUBRIC_SCHEMA_VERSION });
  expect(rubric.derivedFrom).toEqual({ id: enterpriseSelection.id, version: enterpriseSelection.version });
  expect(rubric.dimensions[0]!.criteria[0]!.weight).toBe(first.weight + 3);
  expect(rubric.dimensions[0]!.criteria[1]!.weight).toBe(second.weight - 3);

  // And the XLSX export downloads too.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('rubric-export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(`rubric-${enterpriseSelection.id}-v1.xlsx`);
  const savedXlsx = join(root, xlsx.suggestedFilename());
  await xlsx.saveAs(savedXlsx);

  // The exported file imports again, still compared with the template it names.
  await page.getByTestId('rubric-file-input').setInputFiles(saved);
  await expect(page.getByTestId('rubric-subtitle')).toContainText(file.suggestedFilename());
  await expect(page).toHaveURL(/#\/rubrics\/edit$/);
  await expect(page.getByTestId('rubric-valid')).toBeVisible();
  await page.getByTestId('tab-rubric-diff').click();
  await expect(page.getByTestId('diff-entry')).toHaveCount(2);

  // The workbook dropped anywhere on the editor imports too, and still names its template.
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const { DataTransfer: DT } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const dt = new DT();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return dt;
    },
    { name: xlsx.suggestedFilename(), data: readFileSync(savedXlsx).toString('base64') },
  );
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('rubric-subtitle')).toContainText(xlsx.suggestedFilename());
  await expect(page.getByTestId('rubric-valid')).toBeVisible();
  await page.getByTestId('tab-rubric-diff').click();
  await expect(page.getByTestId('diff-entry')).toHaveCount(2);

  // The merge is still where it was.
  await page.getByTestId('nav-merge').click();
  await expect(page).toHaveURL(/#\/merge$/);
  await expect(page.getByTestId('tab-import')).toBeVisible();
  expect(outside).toEqual([]);
});
