/**
 * A round prepared from a secretary's own lists with the command line: `round init`, the application list and
 * the expert roster as real XLSX (and CSV) files with real cards and dossier folders, every refusal changing
 * nothing, a changed card refused until accepted, then screening, the draw and the packs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdentity, saveIdentity } from '../../electron/keys/identity.ts';
import { readApplicationList, readExpertRoster, splitList } from '../../electron/rounds/import-list.ts';
import { applicationListXlsx, expertRosterXlsx, listCsv } from '../helpers/round-lists.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-round-import-');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
const r = join(dir, 'r');
function run(args: string[]): { code: number; out: string; err: string } {
  const p = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: p.status ?? -1, out: p.stdout, err: p.stderr };
}

const EXPERTS = [
  { name: '王建国', org: '华东先进制造研究院', type: '技术', fields: '集成电路' },
  { name: '李秀英', org: '东海集成电路设计有限公司', type: '产业', fields: '集成电路' },
  { name: '张伟', org: '上海理工科技大学', type: '技术', fields: '生物医药' },
  { name: '陈静', org: '浦江管理咨询有限公司', type: '管理', fields: '经济管理' },
  { name: '刘洋', org: '长三角知识产权服务中心', type: '法律', fields: '知识产权' },
];
const applications: Record<string, string>[] = [
  {
    编号: 'A001',
    申报单位: '上海申芯异构集成技术有限公司',
    名称: '上海市集成电路异构集成制造业创新中心',
    类别: '企业法人型',
    领域: '集成电路',
    股东: '东海集成电路设计股份有限公司；临港产业投资基金（有限合伙）',
    申请回避专家: '刘洋（与本单位存在竞争关系）',
  },
  {
    编号: 'A002',
    申报单位: '上海高端医疗器械研究会',
    名称: '上海市高端医疗器械制造业创新中心',
    类别: '非企业法人型',
    领域: '生物医药',
    联盟成员: '上海理工科技大学、某检测所',
  },
  { 编号: 'A003', 申报单位: '上海智能机器人有限公司', 名称: '上海市智能机器人制造业创新中心', 类别: '企业法人型', 领域: '人工智能' },
];

beforeAll(async () => {
  const init = run([
    'round',
    'init',
    r,
    '--title',
    '2026 年度遴选（测试）',
    '--stage',
    'selection',
    '--deadline',
    '2026-12-20T17:00+08:00',
  ]);
  expect(init.code, init.err).toBe(0);
  await saveIdentity(
    join(dir, 'secretariat'),
    await createIdentity({ role: 'secretariat', displayName: '秘书处', organisation: '测试', demo: true }),
    null,
  );
  mkdirSync(join(dir, 'cards'));
  for (const [i, e] of EXPERTS.entries()) {
    const id = await createIdentity({ role: 'expert', displayName: e.name, organisation: e.org, fields: [e.fields], demo: true });
    await saveIdentity(join(dir, 'experts', `E${i + 1}`), id, null);
    writeFileSync(join(dir, 'cards', `${e.name}.json`), JSON.stringify(id.card));
  }
  for (const a of applications) {
    mkdirSync(join(dir, '申报材料', a['编号'] as string), { recursive: true });
    writeFileSync(join(dir, '申报材料', a['编号'] as string, '建设方案.pdf'), `%PDF-1.4 ${a['编号']}`);
  }
  writeFileSync(join(dir, '申报清单.xlsx'), await applicationListXlsx(applications));
  writeFileSync(
    join(dir, '专家名单.xlsx'),
    await expertRosterXlsx(
      EXPERTS.map((e, i) => ({
        姓名: e.name,
        工作单位: e.org,
        专家类型: e.type,
        领域: e.fields,
        曾任职单位: i === 0 ? '上海智能机器人有限公司（至2024）；某老厂（至2001）' : '',
        利益关系: i === 3 ? '近亲属：上海高端医疗器械研究会（配偶任职）' : '',
      })),
    ),
  );
}, 120_000);

describe('the lists', () => {
  it('split list cells at top level only and read Chinese and English headers', async () => {
    expect(splitList('某某（北京；上海）有限公司；乙公司、丙\n丁')).toEqual(['某某（北京；上海）有限公司', '乙公司', '丙', '丁']);
    const en = await readApplicationList(
      listCsv([{ Applicant: 'Foo Ltd', Name: 'Foo Centre', Category: 'enterprise', Shareholders: 'Bar Co;Baz (Holdings) Ltd' }]),
      'list.csv',
    );
    expect(en.problems).toEqual([]);
    expect(en.rows[0]).toMatchObject({
      organisation: 'Foo Ltd',
      category: 'enterprise',
      shareholders: ['Bar Co', 'Baz (Holdings) Ltd'],
      row: 2,
    });
  });

  it('report every bad row with its row, column and reason in both languages', async () => {
    const bad = await readApplicationList(
      await applicationListXlsx([
        { 申报单位: '甲公司', 名称: '甲中心', 类别: '国企' },
        { 申报单位: '乙公司', 名称: '', 类别: '企业法人型', 申请回避专家: '张三（甲）；李四（乙）；王五（丙）；赵六（丁）' },
        { 申报单位: '甲公司', 名称: '甲中心', 类别: '企业法人型', 申请回避专家: '孙七' },
      ]),
      'bad.xlsx',
    );
    const codes = bad.problems.map((p) => `${p.row}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:E_LIST_CATEGORY',
        '3:E_LIST_EMPTY_CELL',
        '3:E_LIST_TOO_MANY_EXCLUDED',
        '4:E_LIST_DUPLICATE',
        '4:E_LIST_EXCLUDED_REASON',
      ]),
    );
    expect(bad.problems.find((p) => p.code === 'E_LIST_CATEGORY')?.message['zh-CN']).toBe(
      '第 2 行「类别」为「国企」：应为 企业法人型 或 非企业法人型。',
    );
    const roster = await readExpertRoster(
      await expertRosterXlsx([{ 姓名: '甲', 工作单位: '乙', 专家类型: '医学', 曾任职单位: '某大学' }]),
      'r.xlsx',
    );
    expect(roster.problems.map((p) => p.code).sort()).toEqual(['E_LIST_EXPERTISE', 'E_LIST_YEAR']);
    const missing = await readExpertRoster(await expertRosterXlsx([{ 姓名: '甲' }]), 'r.xlsx');
    expect(missing.problems).toMatchObject([{ row: 0, code: 'E_LIST_MISSING_COLUMN' }]);
    expect((await readExpertRoster(Buffer.from('x'), 'r.pdf')).problems[0]?.code).toBe('E_LIST_FORMAT');
  });
});

describe('reviewdesk round import-applications / import-experts', () => {
  it('changes nothing when a row is refused', () => {
    writeFileSync(join(dir, 'bad.xlsx'), readFileSync(join(dir, '申报清单.xlsx')));
    const before = readFileSync(join(r, 'round.json'), 'utf8');
    const refused = run(['round', 'import-applications', r, join(dir, 'bad.xlsx'), '--dossiers', join(dir, 'nowhere')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('NOTHING IMPORTED');
    expect(readFileSync(join(r, 'round.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(r, 'dossiers'))).toEqual([]);
  });

  it('imports the applications with their dossiers and the experts with their cards', () => {
    const apps = run(['round', 'import-applications', r, join(dir, '申报清单.xlsx'), '--dossiers', join(dir, '申报材料'), '--json']);
    expect(apps.code, apps.out + apps.err).toBe(0);
    expect(JSON.parse(apps.out)).toMatchObject({ read: 3, added: ['A001', 'A002', 'A003'], problems: [], applied: true });
    expect(readdirSync(join(r, 'dossiers', 'A002'))).toEqual(['建设方案.pdf']);
    const experts = run(['round', 'import-experts', r, join(dir, '专家名单.xlsx'), '--cards', join(dir, 'cards'), '--json']);
    expect(experts.code, experts.out + experts.err).toBe(0);
    expect(JSON.parse(experts.out)).toMatchObject({ read: 5, added: ['E01', 'E02', 'E03', 'E04', 'E05'], applied: true });
    const round = JSON.parse(readFileSync(join(r, 'round.json'), 'utf8')) as {
      applications: { id: string; rubricId: string }[];
      experts: { id: string; expertise: string[]; formerOrganisations: unknown[] }[];
    };
    expect(round.applications.map((a) => a.rubricId)).toEqual([
      'mic-selection-enterprise',
      'mic-selection-nonenterprise',
      'mic-selection-enterprise',
    ]);
    expect(round.experts[0]).toMatchObject({
      expertise: ['technology'],
      formerOrganisations: [
        { name: '上海智能机器人有限公司', until: 2024 },
        { name: '某老厂', until: 2001 },
      ],
    });
  });

  it('refuses a changed card for a known expert until it is accepted after a phone call', async () => {
    const other = await createIdentity({ role: 'expert', displayName: '王建国', organisation: '华东先进制造研究院', fields: [] });
    mkdirSync(join(dir, 'cards2'));
    for (const f of readdirSync(join(dir, 'cards'))) writeFileSync(join(dir, 'cards2', f), readFileSync(join(dir, 'cards', f)));
    writeFileSync(join(dir, 'cards2', '王建国.json'), JSON.stringify(other.card));
    const roster = join(dir, '专家名单.xlsx');
    const refused = run(['round', 'import-experts', r, roster, '--cards', join(dir, 'cards2')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/E_CARD_CHANGED.*E01/);
    expect(readFileSync(join(r, 'cards', 'E01.json'), 'utf8')).not.toContain(other.card.fingerprint);
    const accepted = run(['round', 'import-experts', r, roster, '--cards', join(dir, 'cards2'), '--accept-changed-card', 'E01']);
    expect(accepted.code, accepted.out).toBe(0);
    expect(accepted.out).toContain('WARNING E_CARD_CHANGED');
    expect(readFileSync(join(r, 'cards', 'E01.json'), 'utf8')).toContain(other.card.fingerprint);
    // Back to the expert's real card, for the packs below.
    expect(run(['round', 'import-experts', r, roster, '--cards', join(dir, 'cards'), '--accept-changed-card', 'E01']).code).toBe(0);
  });

  it('screens the imported round, draws and packs it', () => {
    const screen = JSON.parse(run(['round', 'screen', r, '--json']).out) as {
      conflicts: { expertId: string; applicationId: string; reasons: string[] }[];
    };
    const pairs = screen.conflicts.map((c) => `${c.expertId}×${c.applicationId}:${c.reasons.join('+')}`).sort();
    expect(pairs).toEqual([
      'E01×A003:former-organisation',
      'E02×A001:shareholder',
      'E03×A002:alliance-member',
      'E04×A002:declared',
      'E05×A001:excluded-by-applicant',
    ]);
    const decided = run([
      'round',
      'decide',
      r,
      '--expert',
      'E03',
      '--application',
      'A002',
      '--decision',
      'overridden',
      '--reason',
      '一般会员单位，未参与申报',
    ]);
    expect(decided.code, decided.err).toBe(0);
    const drawn = JSON.parse(run(['round', 'draw', r, '--per-application', '3', '--seed', '42', '--json']).out) as {
      assignments: Record<string, string[]>;
    };
    const of = (a: string): string[] =>
      Object.entries(drawn.assignments)
        .filter(([, l]) => l.includes(a))
        .map(([e]) => e)
        .sort();
    expect(of('A001')).toEqual(['E01', 'E03', 'E04']);
    expect(of('A002')).not.toContain('E04');
    expect(of('A002')).toHaveLength(3);
    const sec = join(dir, 'secretariat');
    const packed = run(['pack', r, '--secretariat', sec, '--out', join(dir, 'out'), '--json']);
    expect(packed.code, packed.err).toBe(0);
    const ledger = JSON.parse(readFileSync(join(dir, 'out', 'ledger.json'), 'utf8')) as {
      experts: { expertId: string; applications: string[] }[];
    };
    expect(Object.fromEntries(ledger.experts.map((e) => [e.expertId, e.applications]))).toEqual(drawn.assignments);
  });
});
