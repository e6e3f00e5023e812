/** `reviewdesk demo --stage annual`: the annual-evaluation round from the command line; any other stage is a usage error. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoundFile } from '../../shared/formats.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-cli-annual-');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('reviewdesk demo --stage', () => {
  it('annual writes the annual round of two centres with their indicators, packages and bundles', () => {
    const r = run(['demo', '--out', 'annual', '--stage', 'annual', '--experts', '2', '--no-workspace', '--json']);
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out) as { applications: string[]; packages: unknown[]; bundles: string[] };
    expect(summary.applications).toEqual(['A001', 'A002']);
    expect(summary.packages).toHaveLength(2);
    expect(summary.bundles).toHaveLength(2);
    const round = RoundFile.parse(JSON.parse(readFileSync(join(dir, 'annual/round/round.json'), 'utf8')));
    expect(round.round.id).toBe('SH-MIC-2026-ANNUAL');
    expect(round.applications.map((a) => [a.rubricId, a.indicators?.length])).toEqual([
      ['mic-annual-enterprise', 13],
      ['mic-annual-nonenterprise', 13],
    ]);
  });

  it('refuses a stage it does not know (exit 2)', () => {
    const r = run(['demo', '--out', 'other', '--stage', 'periodic']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_USAGE.*--stage must be selection or annual/);
  });
});
