/**
 * Preparing a round, measured as the secretariat runs it: the compiled `reviewdesk` as a child process, end to
 * end (spawn to exit), each figure beside a reference from the same run.
 *
 * - `round draw` on 500 experts × 300 applications: loading the round and its 500 cards, screening all 150,000
 *   pairs (each application with 5 shareholders and 40 alliance members, each expert with 2 former
 *   organisations), the draw of 3 + 1 reserve each, writing round.json and draw.json. Target: within 1 s.
 * - `pack` of 50 experts × 20 applications each, 2.5 MB of incompressible dossier per application (2.5 GB
 *   written), against `age -e` encrypting the same bytes (each expert's 20 dossiers through `cat`, as pack reads
 *   them) to the same recipients, timed interleaved. Targets: within 1.3 × age, peak RSS (/usr/bin/time) under 500 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUND_SCHEMA_VERSION, type RoundFile } from '../../shared/formats.ts';
import { enterpriseSelection } from '../../shared/rubric/templates/index.ts';
import { createIdentity, saveIdentity } from '../../electron/keys/identity.ts';
import { machineLoad, type Row } from './cli.ts';

const repo = join(import.meta.dirname, '../..');
const bin = join(repo, 'out/cli/reviewdesk.js');
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1] ?? NaN;

function timed(cmd: string, args: string[], cwd = repo): { ms: number; out: string; rssKb: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ').slice(0, 200)}: exit ${r.status}\n${r.stderr}`);
  const kb = Number(/maxrss-kb (\d+)/.exec(r.stderr)?.[1]);
  return { ms, out: r.stdout, rssKb: kb };
}

/** A round folder with `experts` cards and `apps` applications (dossiers only when `dossierBytes` > 0). */
export async function writeBenchRound(
  dir: string,
  o: {
    experts: number;
    apps: number;
    dossierBytes: number;
    screening?: boolean;
    assignments?: (experts: string[], apps: string[]) => Record<string, string[]>;
  },
): Promise<{ experts: string[]; recipients: Map<string, string> }> {
  mkdirSync(join(dir, 'cards'), { recursive: true });
  mkdirSync(join(dir, 'rubrics'), { recursive: true });
  writeFileSync(join(dir, 'rubrics', `${enterpriseSelection.id}.json`), JSON.stringify(enterpriseSelection));
  const fields = ['集成电路', '生物医药', '人工智能', '先进材料', '高端装备', '新能源'];
  const types = ['economics', 'technology', 'industry', 'management', 'law'] as const;
  const org = (i: number): string => `测试单位${i}（上海）有限公司`;
  const experts: RoundFile['experts'] = [];
  const recipients = new Map<string, string>();
  for (let i = 0; i < o.experts; i++) {
    const id = `E${String(i + 1).padStart(3, '0')}`;
    const identity = await createIdentity({
      role: 'expert',
      displayName: `专家${i + 1}`,
      organisation: org(i * 7),
      fields: [fields[i % 6] as string],
    });
    writeFileSync(join(dir, 'cards', `${id}.json`), JSON.stringify(identity.card));
    recipients.set(id, identity.card.ageRecipient);
    experts.push({
      id,
      card: `cards/${id}.json`,
      formerOrganisations: [
        { name: org(i * 11 + 3), until: 2024 },
        { name: org(i * 13 + 5), until: 2010 },
      ],
      expertise: [types[i % 5] as (typeof types)[number]],
    });
  }
  const applications: RoundFile['applications'] = [];
  for (let j = 0; j < o.apps; j++) {
    const id = `A${String(j + 1).padStart(3, '0')}`;
    if (o.dossierBytes > 0) {
      mkdirSync(join(dir, 'dossiers', id), { recursive: true });
      writeFileSync(join(dir, 'dossiers', id, '申报材料.pdf'), randomBytes(o.dossierBytes));
    } else mkdirSync(join(dir, 'dossiers', id), { recursive: true });
    applications.push({
      id,
      name: { 'zh-CN': `创新中心${j + 1}`, zhOnly: true },
      organisation: { 'zh-CN': `申报单位${j + 1}股份有限公司`, zhOnly: true },
      category: 'enterprise',
      field: { 'zh-CN': fields[j % 6] as string, zhOnly: true },
      rubricId: enterpriseSelection.id,
      dossier: `dossiers/${id}`,
      ...(o.screening === false
        ? {}
        : {
            shareholders: Array.from({ length: 5 }, (_, k) => org((j * 5 + k) * 17)),
            allianceMembers: Array.from({ length: 40 }, (_, k) => org(j * 40 + k + 100_000)),
          }),
    });
  }
  const ids = experts.map((e) => e.id);
  const round: RoundFile = {
    schemaVersion: ROUND_SCHEMA_VERSION,
    kind: 'reviewdesk-round',
    round: { id: 'BENCH', title: { 'zh-CN': '基准测试批次', zhOnly: true } },
    deadline: '2026-12-20T09:00:00Z',
    rubrics: [{ id: enterpriseSelection.id, path: `rubrics/${enterpriseSelection.id}.json` }],
    experts,
    applications,
    assignments:
      o.assignments?.(
        ids,
        applications.map((a) => a.id),
      ) ?? {},
  };
  writeFileSync(join(dir, 'round.json'), JSON.stringify(round));
  return { experts: ids, recipients };
}

export async function benchRoundDraw(root: string): Promise<Row> {
  const dir = join(root, 'draw-500x300');
  await writeBenchRound(dir, { experts: 500, apps: 300, dossierBytes: 0 });
  const runs: number[] = [];
  let out = '';
  for (let i = 0; i < 5; i++) {
    const r = timed(process.execPath, [bin, 'round', 'draw', dir, '--seed', `bench-${i % 2}`, '--force', '--json']);
    runs.push(r.ms);
    out = r.out;
  }
  const parsed = JSON.parse(out) as { assignments: Record<string, string[]>; conflicts: unknown[] };
  const drawn = Object.values(parsed.assignments).reduce((s, a) => s + a.length, 0);
  const node = median(Array.from({ length: 5 }, () => timed(process.execPath, ['-e', '0']).ms));
  return {
    what: `round draw 500 experts × 300 applications, end to end (${parsed.conflicts.length} conflicts screened out, ${drawn} pairs drawn)`,
    value: `${median(runs).toFixed(0)} ms median of 5 (best ${Math.min(...runs).toFixed(0)}); node -e 0 ${node.toFixed(0)} ms; ${machineLoad()}`,
    target: '≤ 1 s',
    ok: median(runs) <= 1000,
  };
}

export async function benchRoundPack(root: string): Promise<Row[]> {
  const dir = join(root, 'pack-50x20');
  const perApp = Math.round(2.5 * 1024 * 1024);
  // 50 experts × 20 applications each = 1,000 pairs over 334 applications, 3 experts each (one has 2).
  const apps = 334;
  const { experts, recipients } = await writeBenchRound(dir, {
    experts: 50,
    apps,
    dossierBytes: perApp,
    // Hand-written assignment: no shareholders or alliance members that could flag a pair.
    screening: false,
    assignments: (ids, appIds) => {
      const a: Record<string, string[]> = {};
      ids.forEach((e, i) => (a[e] = Array.from({ length: 20 }, (_, k) => appIds[(i * 20 + k) % appIds.length] as string).sort()));
      return a;
    },
  });
  const secretariat = await createIdentity({ role: 'secretariat', displayName: '秘书处', organisation: '基准', demo: true });
  await saveIdentity(join(root, 'secretariat'), secretariat, null);
  const round = JSON.parse(execFileSync('cat', [join(dir, 'round.json')]).toString()) as RoundFile;

  const stock = (): number => {
    const t = performance.now();
    for (const e of experts) {
      const files = (round.assignments[e] ?? []).map((a) => join(dir, 'dossiers', a, '申报材料.pdf'));
      execFileSync('sh', ['-c', `cat "$@" | age -e -r ${recipients.get(e)} -o ${join(root, 'stock.age')}`, 'sh', ...files]);
    }
    return performance.now() - t;
  };
  const ours: { ms: number; rssKb: number }[] = [];
  const ages: number[] = [];
  for (let i = 0; i < 2; i++) {
    ages.push(stock());
    ours.push(
      timed(process.execPath, [bin, 'pack', dir, '--secretariat', join(root, 'secretariat'), '--out', join(root, 'packs'), '--json']),
    );
  }
  ages.push(stock());
  const best = ours.reduce((a, b) => (b.ms < a.ms ? b : a));
  const age = Math.min(...ages);
  const written = 50 * 20 * perApp;
  const rss = Math.max(...ours.map((r) => r.rssKb)) * 1024;
  return [
    {
      what: `pack 50 experts × 20 applications × 2.5 MB (${(written / 1024 ** 3).toFixed(2)} GiB written), end to end`,
      value: `${(best.ms / 1000).toFixed(1)} s; age -e of the same bytes ${(age / 1000).toFixed(1)} s; ratio ${(best.ms / age).toFixed(2)} (best of 2 vs best of 3, interleaved; ${machineLoad()})`,
      target: '≤ 1.3 × age -e',
      ok: best.ms <= 1.3 * age,
    },
    {
      what: 'pack 50 × 20 × 2.5 MB, peak resident memory (/usr/bin/time)',
      value: `${(rss / 1024 / 1024).toFixed(0)} MiB`,
      target: '< 500 MB',
      ok: rss < 500e6,
    },
  ];
}
