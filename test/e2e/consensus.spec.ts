/**
 * The secretariat's consensus form keeps what the secretary typed or says why
 * not: an out-of-range score is refused with the reason (never clamped and
 * saved), and unsaved edits are not left behind without a question — not by a
 * link inside the app, not by a reload or a closed window.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareDemoSecretariat, type DemoSecretariat } from '../../electron/workspace/demo.ts';
import { noKeychain, type Host } from '../../electron/workspace/host.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { ConsensusForm } from './pages/merge.ts';

let root: string;
let ws: Workspace;
let server: BrowserHost | null = null;
let demo: DemoSecretariat;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(join(tmpdir(), 'rd-e2e-consensus-'));
  const host: Host = { secrets: noKeychain('browser'), appVersion: 'e2e', emit: (event, payload) => server?.emit(event, payload) };
  ws = await openWorkspace(join(root, 'data'), host, { scryptLogN: 12 });
  demo = (await prepareDemoSecretariat(ws.ctx))!;
  const files = readdirSync(demo.bundlesDir)
    .filter((n) => n.endsWith('.rsb'))
    .map((n) => ({ fileName: n, bytes: new Uint8Array(readFileSync(join(demo.bundlesDir, n))) }));
  await ws.invoke('merge:import', { files });
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

const consensusOf = async (applicationId: string) =>
  (await ws.invoke('merge:consensus', {})).find((c) => c.applicationId === applicationId) ?? null;

test('150 on a 100-point rubric is refused with the reason, not clamped and saved', async ({ page }) => {
  await page.goto(`${server!.url}#/merge/a/A001`);
  const form = new ConsensusForm(page);
  await form.score.click();
  await page.keyboard.type('150');
  await page.keyboard.press('Tab');
  // The field still says what was typed, and why it cannot be saved.
  await expect(form.score).toHaveValue('150');
  await expect(form.score).toHaveAttribute('data-invalid', 'true');
  await expect(form.scoreError()).toContainText('0 至 100');
  await expect(form.scoreError()).toContainText('150');
  await expect(form.save).toBeDisabled();
  await form.score.press('Enter');
  expect(await consensusOf('A001')).toBeNull();

  // Corrected, it saves exactly what was typed.
  await form.score.fill('95.5');
  await expect(form.scoreError()).toHaveCount(0);
  await form.save.click();
  await expect(form.saved).toBeVisible();
  expect((await consensusOf('A001'))?.score).toBe(95.5);
  await page.reload();
  await expect(form.score).toHaveValue('95.5');
});

test('leaving with unsaved edits asks first: stay keeps them, discard leaves; a reload or close triggers beforeunload', async ({
  page,
}) => {
  await page.goto(`${server!.url}#/merge/a/A002`);
  const form = new ConsensusForm(page);
  await form.text.click();
  await page.keyboard.type('专家组意见尚在讨论');

  // A link within the app: asked, and staying keeps the page and the edit.
  await page.getByTestId('detail-back').click();
  await expect(form.leaveDialog).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/merge/a/A002');
  await form.leaveStay.click();
  await expect(form.leaveDialog).toHaveCount(0);
  await expect(form.text).toHaveValue('专家组意见尚在讨论');
  expect(new URL(page.url()).hash).toBe('#/merge/a/A002');
  await expect(form.unsaved).toBeVisible();

  // Another application, by its address: asked again.
  await page.evaluate(() => (window.location.hash = '#/merge/a/A003'));
  await expect(form.leaveDialog).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/merge/a/A002');
  await form.leaveStay.click();
  await expect(form.text).toHaveValue('专家组意见尚在讨论');

  // A reload or a closed window: the browser's own question.
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(form.text).toHaveValue('专家组意见尚在讨论');

  // Discarding leaves, and nothing was saved.
  await page.getByTestId('detail-back').click();
  await form.leaveDiscard.click();
  await expect(page).toHaveURL(/#\/merge\/results$/);
  await expect(page.getByTestId('consensus')).toHaveCount(0);
  expect(await consensusOf('A002')).toBeNull();

  // With nothing unsaved, no question.
  await page.goto(`${server!.url}#/merge/a/A002`);
  await expect(form.text).toHaveValue('');
  await page.getByTestId('detail-back').click();
  await expect(page).toHaveURL(/#\/merge\/results$/);
});

test('a bundle arriving from outside while the form has unsaved edits keeps them', async ({ page }) => {
  await ws.invoke('merge:setConsensus', { applicationId: 'A004', score: 60, gradeId: null, recommendation: null, text: '初稿' });
  await page.goto(`${server!.url}#/merge/a/A004`);
  const form = new ConsensusForm(page);
  await expect(form.text).toHaveValue('初稿');
  await form.text.click();
  await page.keyboard.press('End');
  await page.keyboard.type('，补充意见');
  await expect(form.unsaved).toBeVisible();

  // A .rsb double-clicked outside the app reaches it through the file association: the merge data is read afresh.
  const reloaded = page.waitForResponse((r) => /\/api\/merge(:|%3A)consensus$/.test(r.url()));
  server!.emit('file:external', { kind: 'bundle', fileName: 'E09.rsb', ok: true });
  await reloaded;
  await expect(page.getByTestId('external-notices')).toBeVisible();
  await expect(form.text).toHaveValue('初稿，补充意见');
  await expect(form.unsaved).toBeVisible();
  expect((await consensusOf('A004'))?.text).toBe('初稿');
});

test('an expert’s 不符合 flags the application (待专家组认定, still ranked); the panel’s decision is what takes it out', async ({
  page,
}) => {
  await page.goto(`${server!.url}#/merge/results`);
  // A003's alliance failed G4 with three experts: flagged, not vetoed.
  await expect(page.getByTestId('pending-A003')).toBeVisible();
  await expect(page.getByTestId('result-row-A003')).toBeVisible();
  const before = (await ws.invoke('merge:results', {})).result.applications.find((a) => a.applicationId === 'A003')!;
  expect(before.gates.eligibility).toBe('pending');
  expect(before.rank).not.toBeNull();

  await page.goto(`${server!.url}#/merge/a/A003`);
  await expect(page.getByTestId('detail-pending')).toBeVisible();
  await expect(page.getByTestId('consensus-eligibility-hint')).toContainText('3 位专家认为不符合基本条件');
  await page.getByTestId('consensus-eligibility').getByText('不符合', { exact: true }).click();
  await page.getByTestId('consensus-text').fill('专家组认定：联盟未汇聚本领域国家级或省市级创新平台，不符合基本条件。');
  await page.getByTestId('consensus-save').click();
  await expect(page.getByTestId('consensus-saved')).toBeVisible();
  expect((await consensusOf('A003'))?.eligible).toBe(false);
  await expect(page.getByTestId('detail-pending')).toHaveCount(0);

  const after = (await ws.invoke('merge:results', {})).result.applications.find((a) => a.applicationId === 'A003')!;
  expect(after.gates).toMatchObject({ eligible: false, eligibility: 'ineligible' });
  expect(after.rank).toBeNull();
  await page.goto(`${server!.url}#/merge/results`);
  await expect(page.getByTestId('pending-A003')).toHaveCount(0);
  await expect(page.getByTestId('result-row-A003')).toContainText('不符合基本条件');
  await page.screenshot({ path: join('test-results', 'screens', 'zh-CN', 'merge-eligibility.png'), fullPage: true });
});
