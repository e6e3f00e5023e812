/**
 * The secretariat sees the panel's site visits (现场考察) and cites a photo in the consensus, end to end: the
 * real renderer in Debian's Chromium against the real handler table, served by the browser host started in this
 * process on a demo secretariat workspace (prepareDemoSecretariat: the demo round, its signed ledger). The
 * secretary imports the demo score files (E01–E03 recorded visits; E02 found one checklist item not met), opens
 * the application with the flagged item, sees every expert's 符合 / 不符合 / 不适用 side by side with the flag,
 * opens a photo's full view (zoom, rotate), cites it with 引用此照片, saves the consensus (its citation recorded
 * with the photo's signed SHA-256 and shown in the change log), and downloads an expert's 现场考察记录表.
 * Screenshots at 1280×800 in both languages land in test-results/screens/. Any request leaving 127.0.0.1 fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MergeVisits } from '../../shared/ipc/contract.ts';
import { prepareDemoSecretariat, type DemoSecretariat } from '../../electron/workspace/demo.ts';
import { noKeychain, type Host } from '../../electron/workspace/host.ts';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { ConsensusForm, MergePage } from './pages/merge.ts';

const SCREENS = resolve('test-results', 'screens');
let root: string;
let ws: Workspace;
let server: BrowserHost | null = null;
let demo: DemoSecretariat;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(resolve('out', 'renderer', 'index.html'))) throw new Error('build the renderer first: npm run build:renderer');
  root = mkdtempSync(join(tmpdir(), 'rd-e2e-merge-visits-'));
  const host: Host = { secrets: noKeychain('browser'), appVersion: 'e2e', emit: (event, payload) => server?.emit(event, payload) };
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

function guardNetwork(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(req.url())) outside.push(req.url());
  });
  void page.route(/^(?!http:\/\/127\.0\.0\.1[:/]|blob:|data:)/, (route) => route.abort());
  return outside;
}

async function shot(page: Page, locale: 'zh-CN' | 'en', name: string): Promise<void> {
  mkdirSync(join(SCREENS, locale), { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENS, locale, `merge-${name}.png`), animations: 'disabled' });
}

test('the secretariat sees each expert’s site visit side by side, opens a photo and cites it in the consensus', async ({ page }) => {
  test.setTimeout(180_000);
  const outside = guardNetwork(page);
  const merge = new MergePage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server!.url);
  await expect(page.getByTestId('ledger-verified')).toBeVisible();

  // The demo score files, as the experts sent them.
  const bundles = readdirSync(demo.bundlesDir)
    .filter((n) => n.endsWith('.rsb'))
    .sort()
    .map((n) => join(demo.bundlesDir, n));
  await merge.chooseFiles(bundles);
  await expect(merge.verdicts('accepted')).toHaveCount(5);

  // The application whose visit an expert found wanting (the demo's E02 fails one item of its first application).
  const state = await ws.invoke('merge:state', {});
  let visits: MergeVisits | null = null;
  for (const a of state.matrix!.applications) {
    const v = await ws.invoke('merge:visits', { applicationId: a.id });
    if (v.items.some((x) => x.flagged)) visits = v;
  }
  expect(visits, 'an application with a flagged checklist item').not.toBeNull();
  const v = visits!;
  const id = v.applicationId;
  const flagged = v.items.find((x) => x.flagged)!;
  const failer = v.experts.find((e) => e.items.some((x) => x.id === flagged.id && x.result === 'fails'))!;
  expect(failer.expertId).toBe('E02');
  expect(v.experts.length).toBeGreaterThanOrEqual(2);

  await page.goto(`${server!.url}#/merge/a/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('detail-title')).toContainText(id);
  const section = page.getByTestId('site-visits');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('detail-visit-flags')).toContainText('现场考察 1 项不符合');
  await expect(page.getByTestId('visits-flagged')).toContainText('现场考察 1 项不符合');

  // One row per checklist item, one column per visiting expert; the item E02 failed is flagged.
  const table = page.getByTestId('visit-checklist');
  await expect(table.locator('tbody tr')).toHaveCount(v.items.length);
  for (const e of v.experts) await expect(table.locator('thead')).toContainText(`${e.expertId} ${e.name}`);
  const row = page.getByTestId(`visit-item-${flagged.id}`);
  await expect(row).toHaveAttribute('data-flagged', 'true');
  await expect(page.getByTestId(`visit-flag-${flagged.id}`)).toHaveText('有专家认为不符合');
  await expect(table.locator('tr[data-flagged="true"]')).toHaveCount(1);
  const failCell = page.getByTestId(`visit-answer-${flagged.id}-E02`);
  await expect(failCell).toHaveAttribute('data-result', 'fails');
  await expect(failCell).toContainText('不符合');
  await expect(failCell).toContainText(failer.items.find((x) => x.id === flagged.id)!.note.slice(0, 12));
  for (const e of v.experts.filter((x) => x.expertId !== 'E02')) {
    await expect(page.getByTestId(`visit-answer-${flagged.id}-${e.expertId}`)).toHaveAttribute('data-result', 'meets');
  }
  // Each expert's record: date, opinion, photos as thumbnails read from the score file.
  for (const e of v.experts) {
    await expect(page.getByTestId(`visit-date-${e.expertId}`)).toHaveText(e.visitedAt);
    await expect(page.getByTestId(`visit-opinion-${e.expertId}`)).toContainText(e.opinion.slice(0, 10));
  }
  const withPhotos = v.experts.find((e) => e.photos.length > 0)!;
  const thumb = page.getByTestId(`visit-thumb-${withPhotos.expertId}-1`);
  await thumb.scrollIntoViewIfNeeded();
  await expect(thumb).toHaveAttribute('data-loaded', 'true');
  await expect(thumb.locator('img')).toHaveJSProperty('complete', true);
  expect(await thumb.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByTestId('visit-checklist').scrollIntoViewIfNeeded();
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'zh-CN', 'visits');
  await page.getByTestId(`visit-expert-${withPhotos.expertId}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'zh-CN', 'visits-photos');

  // The full view: zoom in and out, rotate, then cite it.
  await thumb.click();
  const viewer = page.getByTestId('photo-viewer');
  const image = page.getByTestId('viewer-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('viewer-info')).toContainText(withPhotos.photos[0]!.caption);
  await expect(page.getByTestId('viewer-info')).toContainText('北京时间');
  const before = Number(await image.getAttribute('data-scale'));
  await page.getByTestId('viewer-zoom-in').click();
  await expect.poll(async () => Number(await image.getAttribute('data-scale'))).toBeGreaterThan(before);
  await page.getByTestId('viewer-zoom-out').click();
  await expect.poll(async () => Number(await image.getAttribute('data-scale'))).toBeCloseTo(before, 3);
  await page.getByTestId('viewer-rotate-right').click();
  await expect(image).toHaveAttribute('data-rotation', '90');
  await page.getByTestId('viewer-rotate-left').click();
  await expect(image).toHaveAttribute('data-rotation', '0');
  await page.getByTestId('viewer-cite').click();
  await expect(page.getByTestId('viewer-cite')).toHaveAttribute('data-cited', 'true');
  await expect(page.getByTestId('viewer-cited')).toBeVisible();
  await shot(page, 'zh-CN', 'visit-photo');
  await page.keyboard.press('Escape');
  await expect(image).toHaveCount(0);
  await expect(viewer).toBeHidden();

  // The consensus cites it; saved, the record names the photo by its signed SHA-256 and the log says so.
  const form = new ConsensusForm(page);
  await expect(page.getByTestId(`consensus-cited-${withPhotos.expertId}-1`)).toBeVisible();
  await expect(form.unsaved).toBeVisible();
  await form.text.fill('专家组认为该中心部分管理制度尚未建立（见现场照片），建议限期完善。');
  await form.save.click();
  await expect(form.saved).toBeVisible();
  const record = (await ws.invoke('merge:consensus', {})).find((c) => c.applicationId === id)!;
  expect(record.evidence).toEqual([
    {
      expertId: withPhotos.expertId,
      expertFingerprint: withPhotos.fingerprint,
      photo: withPhotos.photos[0]!.path,
      sha256: withPhotos.photos[0]!.sha256,
    },
  ]);
  const history = page.getByTestId('consensus-history');
  await expect(history.locator('[data-testid^="history-cited-"]')).toContainText(withPhotos.photos[0]!.path.replace('attachments/', ''));
  await expect(page.getByTestId(`visit-photo-${withPhotos.expertId}-1`).getByTestId('photo-cited')).toBeVisible();
  await page.getByTestId('consensus').scrollIntoViewIfNeeded();
  await shot(page, 'zh-CN', 'visits-consensus');

  // An expert's printed 现场考察记录表.
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('visit-sheet-E02').click()]);
  expect(sheet.suggestedFilename()).toBe(`${id}-E02-现场考察记录表.pdf`);
  const sheetPath = join(root, 'sheet.pdf');
  await sheet.saveAs(sheetPath);
  expect(readFileSync(sheetPath).subarray(0, 5).toString()).toBe('%PDF-');

  // The same in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(section).toContainText('Site visit');
  await expect(page.getByTestId(`visit-flag-${flagged.id}`)).toHaveText('Failed by an expert');
  await expect(page.getByTestId('visits-flagged')).toHaveText('Site visit: 1 item failed');
  await expect(failCell).toContainText('Fails');
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'en', 'visits');
  await page.getByTestId(`visit-expert-${withPhotos.expertId}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'en', 'visits-photos');
  await thumb.click();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('viewer-cite')).toHaveText('Stop citing');
  await expect(page.getByTestId('viewer-info')).toContainText('China Standard Time');
  await shot(page, 'en', 'visit-photo');
  await page.keyboard.press('Escape');

  expect(outside, 'requests that left 127.0.0.1').toEqual([]);
});
