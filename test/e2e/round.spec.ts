/**
 * A new secretariat prepares a round with no command line: the real renderer in Debian's Chromium against the
 * real handler table. Four experts make their identities in their own workspaces and send their cards; the
 * secretariat creates the round, imports the application list and the roster (XLSX files made here), sees the
 * flagged conflicts with their reasons, resolves one with a written reason, draws from a seed, builds the
 * packages, and saves one; that package then opens in its expert's workspace and holds exactly the drawn
 * applications, none of them conflicted. Screenshots of each tab in both languages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Card } from '../../shared/card.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { applicationListXlsx, expertRosterXlsx } from '../helpers/round-lists.ts';
import { importTrusted, testHost } from '../helpers/workspace.ts';
import { PASSPHRASE, downloaded, expect, screen, test } from './fixtures.ts';

const EXPERTS = [
  { name: '王建国', org: '华东先进制造研究院', type: '技术', fields: '集成电路' },
  { name: '李秀英', org: '东海集成电路设计有限公司', type: '产业', fields: '集成电路' },
  { name: '张伟', org: '上海理工科技大学', type: '技术', fields: '生物医药' },
  { name: '陈静', org: '浦江管理咨询有限公司', type: '管理', fields: '经济管理' },
];

test('a new secretariat creates a round, imports, resolves a conflict, draws and issues packages that open for the experts', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // The experts: each makes an identity in a workspace of their own and exports the card.
  const experts: { ws: Workspace; card: Card }[] = [];
  const cardsDir = app.scratch('cards');
  for (const [i, e] of EXPERTS.entries()) {
    const ws = await openWorkspace(app.scratch(`expert-${i}`), testHost(), { scryptLogN: 10 });
    const state = await ws.invoke('identity:create', {
      displayName: e.name,
      organisation: e.org,
      fields: [e.fields],
      passphrase: PASSPHRASE,
    });
    if (state.identity.status === 'none') throw new Error('no identity');
    const { json } = await ws.invoke('identity:card', {});
    writeFileSync(join(cardsDir, `${e.name}.json`), json);
    experts.push({ ws, card: state.identity.card });
  }
  try {
    // The secretariat's lists, as a secretary keeps them.
    const files = app.scratch('lists');
    writeFileSync(
      join(files, '申报清单.xlsx'),
      await applicationListXlsx([
        {
          编号: 'A001',
          申报单位: '上海申芯异构集成技术有限公司',
          名称: '上海市集成电路异构集成制造业创新中心',
          类别: '企业法人型',
          领域: '集成电路',
          股东: '东海集成电路设计股份有限公司；临港产业投资基金',
        },
        {
          编号: 'A002',
          申报单位: '上海高端医疗器械研究会',
          名称: '上海市高端医疗器械制造业创新中心',
          类别: '非企业法人型',
          领域: '生物医药',
          申请回避专家: '张伟（与本单位存在竞争关系）',
        },
        { 编号: 'A003', 申报单位: '上海智能机器人有限公司', 名称: '上海市智能机器人制造业创新中心', 类别: '企业法人型', 领域: '人工智能' },
      ]),
    );
    writeFileSync(
      join(files, '专家名单.xlsx'),
      await expertRosterXlsx(
        EXPERTS.map((e) => ({ 姓名: e.name, 工作单位: e.org, 专家类型: e.type, 领域: e.fields, 公钥卡片: `${e.name}.json` })),
      ),
    );
    const dossiers = app.scratch('申报材料');
    for (const id of ['A001', 'A002', 'A003']) {
      mkdirSync(join(dossiers, id));
      writeFileSync(join(dossiers, id, '建设方案.pdf'), `%PDF-1.4\n% ${id}\n`);
    }

    // A new secretariat, and its round screen.
    await app.ws.invoke('identity:create', {
      role: 'secretariat',
      displayName: '评审秘书处',
      organisation: '某市制造业创新中心评审委员会',
      fields: [],
      passphrase: PASSPHRASE,
    });
    await app.open('#/round');
    await expect(page.getByTestId('nav-round')).toBeVisible();
    await screen(page, testInfo, 'zh-CN', 'round-create');
    await page.getByTestId('round-title').fill('2026 年度制造业创新中心遴选');
    await page.getByTestId('round-id').fill('MIC-2026');
    await page.getByTestId('round-deadline').fill('2026-12-20 17:00');
    await page.getByTestId('round-create').click();

    // Applications: the list and the dossier folder.
    await expect(page.getByTestId('round-tab-applications')).toHaveAttribute('data-active', 'true');
    await page.getByTestId('round-app-list').setInputFiles(join(files, '申报清单.xlsx'));
    await page.getByTestId('round-app-dossiers').setInputFiles(dossiers);
    await page.getByTestId('round-app-import').click();
    await expect(page.getByTestId('round-report')).toHaveAttribute('data-applied', 'true');
    await expect(page.getByTestId('round-applications').locator('tbody tr')).toHaveCount(3);
    await screen(page, testInfo, 'zh-CN', 'round-applications');

    // The expert pool: roster and cards.
    await page.getByTestId('round-tab-experts').click();
    await page.getByTestId('round-expert-roster').setInputFiles(join(files, '专家名单.xlsx'));
    await page.getByTestId('round-expert-cards').setInputFiles(EXPERTS.map((e) => join(cardsDir, `${e.name}.json`)));
    await page.getByTestId('round-expert-import').click();
    await expect(page.getByTestId('round-experts').locator('tbody tr')).toHaveCount(4);
    await screen(page, testInfo, 'zh-CN', 'round-experts');

    // Conflicts: E02 works for a shareholder of A001; A002 asked to exclude E03.
    await page.getByTestId('round-tab-conflicts').click();
    const shareholder = page.getByTestId('round-conflict-E02-A001');
    await expect(shareholder).toContainText('所在单位为申报单位股东');
    await expect(shareholder).toContainText('东海集成电路设计股份有限公司');
    await expect(page.getByTestId('round-conflict-E03-A002')).toContainText('申报单位申请回避');
    await expect(page.getByTestId('round-conflict-E03-A002')).toContainText('与本单位存在竞争关系');
    await shareholder.getByTestId('round-conflict-confirm').click();
    await page.getByTestId('round-conflict-reason').fill('专家所在单位为申报单位股东，予以回避。');
    await page.getByTestId('round-conflict-save').click();
    await expect(shareholder).toContainText('已确认回避');
    await screen(page, testInfo, 'zh-CN', 'round-conflicts');

    // The draw from a recorded seed.
    await page.getByTestId('round-tab-draw').click();
    await expect(page.getByTestId('round-draw-pending')).toBeVisible(); // E03 × A002 is still pending: never drawn
    await page.getByTestId('round-seed').fill('20261201');
    await page.getByTestId('round-draw').click();
    await expect(page.getByTestId('round-draw-record')).toContainText('20261201');
    await expect(page.getByTestId('round-assigned-A001')).not.toContainText('E02');
    await expect(page.getByTestId('round-assigned-A002')).not.toContainText('E03');
    await screen(page, testInfo, 'zh-CN', 'round-draw');

    // Packages, with one progress bar, and the issue sheet.
    await page.getByTestId('round-tab-packages').click();
    await page.getByTestId('round-pack').click();
    await expect(page.getByTestId('round-packages').locator('tbody tr')).toHaveCount(4, { timeout: 60_000 });
    await screen(page, testInfo, 'zh-CN', 'round-packages');
    const sheet = await downloaded(page, app.scratch('out'), () => page.getByTestId('round-issue-sheet').click());
    expect(sheet.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const state = await app.ws.invoke('round:state', {});
    const assignments = state.round?.assignments ?? {};
    for (const [i, e] of experts.entries()) {
      const expertId = `E0${i + 1}`;
      const saved = await downloaded(page, app.scratch('out'), () => page.getByTestId(`round-save-${expertId}`).click());
      expect(saved.name).toBe(`${expertId}.rpkg`);
      // The expert opens it in their own workspace (trusting the secretariat's key, as the trust screen does).
      const summary = await importTrusted(e.ws, saved.name, new Uint8Array(saved.bytes));
      const detail = await e.ws.invoke('package:get', { packageId: summary.packageId });
      expect(detail.applications.map((a) => a.id).sort()).toEqual(assignments[expertId]);
    }
    expect(assignments['E02'] ?? []).not.toContain('A001');
    expect(assignments['E03'] ?? []).not.toContain('A002');

    // Returns: every package issued, no score file yet.
    await page.getByTestId('round-tab-returns').click();
    await expect(page.getByTestId('round-returns').locator('tbody tr')).toHaveCount(4);
    await expect(page.getByTestId('round-return-E01')).toContainText('未收到');
    await screen(page, testInfo, 'zh-CN', 'round-returns');

    // The same screens in English.
    await page.getByTestId('lang-switch').getByText('English').click();
    for (const tab of ['setup', 'applications', 'experts', 'conflicts', 'draw', 'packages', 'returns'] as const) {
      await page.getByTestId(`round-tab-${tab}`).click();
      await expect(page.getByTestId(`round-tab-${tab}`)).toHaveAttribute('data-active', 'true');
      await screen(page, testInfo, 'en', `round-${tab}`);
    }
    await expect(page.getByTestId('round-returns')).toContainText('Not received');
  } finally {
    for (const e of experts) e.ws.close();
  }
});

test('a refused list changes nothing and says which row and why', async ({ app, page }) => {
  await app.ws.invoke('identity:create', {
    role: 'secretariat',
    displayName: '评审秘书处',
    organisation: '某委员会',
    fields: [],
    passphrase: PASSPHRASE,
  });
  await app.ws.invoke('round:create', { id: 'R-1', title: '测试批次', stage: 'selection', deadline: '2026-12-20T17:00:00+08:00' });
  const list = join(app.scratch('lists'), 'bad.xlsx');
  writeFileSync(list, await applicationListXlsx([{ 申报单位: '甲公司', 名称: '甲中心', 类别: '国企' }]));
  await app.open('#/round/applications');
  await page.getByTestId('round-app-list').setInputFiles(list);
  await page.getByTestId('round-app-import').click();
  await expect(page.getByTestId('round-report')).toHaveAttribute('data-applied', 'false');
  await expect(page.getByTestId('round-report-problems')).toContainText('第 2 行「类别」为「国企」');
  await expect(page.getByTestId('round-applications').locator('tbody tr')).toHaveCount(0);
  await expectNoRound(page);
});

async function expectNoRound(page: Page): Promise<void> {
  await expect(page.getByTestId('round-tab-packages')).toBeDisabled();
}
