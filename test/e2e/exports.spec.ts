/**
 * Export files the records do not account for: when the workspace opens it
 * sets them aside (exports/set-aside/) and the packages screen says so, in
 * the interface language, until the reviewer dismisses it; the next export
 * does not reuse the revision the stray file carries.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, PASSPHRASE, test } from './fixtures.ts';

test('a stray signed file in exports/ is set aside on open, told in both languages, and its revision is not reused', async ({
  app,
  page,
}) => {
  const { packageId } = await app.seed({ pledge: true, conflicts: { A001: 'none' } });
  const r1 = await app.ws.invoke('bundle:export', { packageId, allowIncomplete: true });
  // What the old export left when killed between its file and its row: a whole r2 the database does not know.
  const stray = r1.fileName.replace(/-r1\.rsb$/, '-r2.rsb');
  copyFileSync(join(app.dataDir, 'exports', r1.fileName), join(app.dataDir, 'exports', stray));

  await app.restart();
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('unlock-submit').click();
  await app.open('#/packages');
  const notices = page.getByTestId('export-notices');
  await expect(notices).toContainText('有 1 个评分文件已移到一旁');
  await expect(page.getByTestId('export-notice')).toHaveText(`exports/set-aside/${stray}：没有导出记录 · 第 2 版`);
  expect(existsSync(join(app.dataDir, 'exports', 'set-aside', stray))).toBe(true);
  expect(existsSync(join(app.dataDir, 'exports', stray))).toBe(false);

  await app.ws.invoke('settings:set', { locale: 'en' });
  await page.reload();
  await expect(notices).toContainText('Score files set aside: 1');
  await expect(page.getByTestId('export-notice')).toHaveText(`exports/set-aside/${stray}: no export record names it · revision 2`);

  await page.getByTestId('export-notices-dismiss').click();
  await expect(notices).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('package-list')).toBeVisible();
  await expect(notices).toHaveCount(0);
  expect((await app.ws.invoke('bundle:export', { packageId, allowIncomplete: true })).revision).toBe(3);
});
