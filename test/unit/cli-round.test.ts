/**
 * The draw from outside, as issue "The secretariat prepares a round" asks it to be checked: the command line and
 * stock tools (age, unzip, ssh-keygen, pdftotext) on a round whose A001 has a shareholder one expert works for and
 * asks to exclude another. Those two are never drawn for A001 and are listed with their reasons; the same seed
 * gives the same assignment; every application gets N experts; every package holds exactly the drawn applications.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-cli-round-');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
const roundDir = join(dir, 'demo', 'round');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const json = <T>(r: { code: number; out: string; err: string }): T => {
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};

interface DrawOut {
  assignments: Record<string, string[]>;
  reserves: Record<string, string[]>;
  conflicts: { expertId: string; applicationId: string; reason: string; decision: string }[];
  signed: boolean;
}

const cardOf = (id: string): { organisation: string; sshPublicKey: string } =>
  JSON.parse(readFileSync(join(roundDir, 'cards', `${id}.json`), 'utf8')) as { organisation: string; sshPublicKey: string };

beforeAll(() => {
  expect(run(['demo', '--out', 'demo', '--no-workspace']).code).toBe(0);
  const path = join(roundDir, 'round.json');
  const round = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    applications: Record<string, unknown>[];
  };
  // E03's company, typed as the applicant's register has it (another legal-form ending, full-width brackets nowhere).
  const shareholder = cardOf('E03').organisation.replace(/有限公司$/, '股份有限公司');
  round.applications = round.applications.map((a) =>
    a['id'] === 'A001' ? { ...a, shareholders: ['临港产业投资基金', shareholder], excludedExperts: ['E05'] } : a,
  );
  delete round['assignments'];
  writeFileSync(path, JSON.stringify(round, null, 2));
}, 120_000);

describe('reviewdesk round draw, replay and pack', () => {
  let first: DrawOut;

  it('lists the shareholder and the exclusion of A001 as conflicts with their reasons', () => {
    const screen = json<{ conflicts: DrawOut['conflicts'] }>(run(['round', 'screen', roundDir, '--json']));
    const a001 = screen.conflicts.filter((c) => c.applicationId === 'A001');
    expect(a001.map((c) => c.expertId).sort()).toEqual(['E03', 'E05']);
    expect(a001.find((c) => c.expertId === 'E03')?.reason).toMatch(/^shareholder: .*股份有限公司/);
    expect(a001.find((c) => c.expertId === 'E05')?.reason).toMatch(/^excluded-by-applicant/);
    expect(a001.every((c) => c.decision === 'pending')).toBe(true);
  });

  it('refuses to redraw over issued packages without --force (E_DRAW_ISSUED), then draws N per application avoiding them', () => {
    const refused = run(['round', 'draw', roundDir, '--per-application', '3', '--seed', '20261201', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('E_DRAW_ISSUED');
    first = json<DrawOut>(run(['round', 'draw', roundDir, '--per-application', '3', '--seed', '20261201', '--force', '--json']));
    const perApp = new Map<string, string[]>();
    for (const [e, apps] of Object.entries(first.assignments)) for (const a of apps) perApp.set(a, [...(perApp.get(a) ?? []), e]);
    expect([...perApp.keys()].sort()).toEqual(['A001', 'A002', 'A003', 'A004']);
    for (const experts of perApp.values()) expect(experts).toHaveLength(3);
    expect(perApp.get('A001')?.sort()).toEqual(['E01', 'E02', 'E04']);
    // The demo's own planted decision: E04 confirmed as a conflict for A002.
    expect(perApp.get('A002')).not.toContain('E04');
    expect(first.conflicts.filter((c) => c.applicationId === 'A001').map((c) => c.expertId)).toEqual(['E03', 'E05']);
    expect(first.signed).toBe(false);
  });

  it('gives the same assignment for the same seed, and replays to it; another seed needs --force', () => {
    const again = json<DrawOut>(run(['round', 'draw', roundDir, '--per-application', '3', '--seed', '20261201', '--json']));
    expect(again.assignments).toEqual(first.assignments);
    expect(again.reserves).toEqual(first.reserves);
    const other = run(['round', 'draw', roundDir, '--seed', '99', '--json']);
    expect(other.code).toBe(1);
    expect(other.err).toContain('E_DRAW_ISSUED');
    const replay = run(['round', 'replay', roundDir]);
    expect(replay.code, replay.err).toBe(0);
    expect(replay.out).toMatch(/^OK /);
    // A changed pool no longer replays: the record's inputs name what changed.
    const copy = join(dir, 'tampered');
    cpSync(roundDir, copy, { recursive: true });
    const round = JSON.parse(readFileSync(join(copy, 'round.json'), 'utf8')) as { experts: Record<string, unknown>[] };
    round.experts[0] = { ...round.experts[0], available: false };
    writeFileSync(join(copy, 'round.json'), JSON.stringify(round));
    const bad = run(['round', 'replay', copy, '--json']);
    expect(bad.code, bad.out + bad.err).toBe(1);
    expect(bad.out).toContain('differences');
    expect((JSON.parse(bad.out) as { differences: string[] }).differences).toContain('inputs.pool');
  });

  it('packs exactly the drawn applications into each package (checked with age and unzip), signs the draw record, and supersedes the earlier packages', () => {
    const packed = json<{ packages: { expertId: string }[] }>(
      run(['pack', roundDir, '--secretariat', join(dir, 'demo', 'secretariat'), '--out', join(dir, 'issued'), '--json']),
    );
    expect(packed.packages.map((p) => p.expertId).sort()).toEqual(Object.keys(first.assignments).sort());
    for (const [expertId, apps] of Object.entries(first.assignments)) {
      const key = json<{ ageIdentity: string }>(run(['key', 'export-age', '--identity', join(dir, 'demo', 'experts', expertId), '--json']));
      writeFileSync(join(dir, `${expertId}.key`), key.ageIdentity + '\n');
      const zip = join(dir, `${expertId}.zip`);
      execFileSync('age', ['-d', '-i', join(dir, `${expertId}.key`), '-o', zip, join(dir, 'issued', `${expertId}.rpkg`)]);
      const entries = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
      const held = [...new Set(entries.filter((e) => e.startsWith('dossiers/')).map((e) => e.split('/')[1]))].sort();
      expect(held, expertId).toEqual(apps);
    }
    // The issue sheet names every expert's fingerprint, to be read over the phone (pdftotext).
    const sheet = execFileSync('pdftotext', ['-layout', join(dir, 'issued', '评审包发放单.pdf'), '-']).toString();
    for (const expertId of Object.keys(first.assignments)) {
      const fingerprint = (JSON.parse(readFileSync(join(roundDir, 'cards', `${expertId}.json`), 'utf8')) as { fingerprint: string })
        .fingerprint;
      expect(sheet).toContain(fingerprint);
      expect(sheet).toContain(`${expertId}.rpkg`);
    }
    expect(sheet).toContain('北京时间');
    // draw.json is signed by the secretariat, namespace reviewdesk-draw, checked by ssh-keygen.
    const signers = join(dir, 'signers');
    const secretariat = JSON.parse(readFileSync(join(dir, 'demo', 'secretariat', 'card.json'), 'utf8')) as { sshPublicKey: string };
    writeFileSync(signers, `secretariat namespaces="reviewdesk-draw" ${secretariat.sshPublicKey}\n`);
    const verify = spawnSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', signers, '-I', 'secretariat', '-n', 'reviewdesk-draw', '-s', join(roundDir, 'draw.json.sig')],
      { input: readFileSync(join(roundDir, 'draw.json')) },
    );
    expect(verify.status, verify.stderr.toString()).toBe(0);
    const ledger = JSON.parse(readFileSync(join(dir, 'issued', 'ledger.json'), 'utf8')) as {
      experts: { expertId: string; supersedes?: string }[];
    };
    const earlier = JSON.parse(readFileSync(join(dir, 'demo', 'packages', 'ledger.json'), 'utf8')) as {
      experts: { expertId: string; packageId: string }[];
    };
    for (const e of ledger.experts) expect(e.supersedes).toBe(earlier.experts.find((x) => x.expertId === e.expertId)?.packageId);
  });

  it('refuses to pack a pair added by hand to round.json (E_DRAW_MISMATCH) and an adjustment onto a conflict (E_ASSIGNMENT_CONFLICT)', () => {
    const onConflict = run(['round', 'assign', roundDir, '--expert', 'E03', '--add', 'A001', '--reason', 'test']);
    expect(onConflict.code).toBe(1);
    expect(onConflict.err).toContain('E_ASSIGNMENT_CONFLICT');
    const path = join(roundDir, 'round.json');
    const before = readFileSync(path);
    const round = JSON.parse(before.toString()) as { assignments: Record<string, string[]> };
    const [expert, apps] = Object.entries(round.assignments).find(([, a]) => a.length < 4) as [string, string[]];
    const missing = ['A001', 'A002', 'A003', 'A004'].find((a) => !apps.includes(a) && !(expert === 'E04' && a === 'A002'));
    round.assignments[expert] = [...apps, missing as string].sort();
    writeFileSync(path, JSON.stringify(round));
    const r = run(['pack', roundDir, '--secretariat', join(dir, 'demo', 'secretariat'), '--out', join(dir, 'again')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E_DRAW_MISMATCH');
    writeFileSync(path, before);
  });
});
