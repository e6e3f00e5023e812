/**
 * `node electron/cli/run-ts.mjs test/bench/cli-only.ts [help] [verify] [merge]`: the benchmark's command-line
 * rows alone (all three when none is named), on data of their own and with the stock route measured in the
 * same run, as `npm run bench` does.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../electron/demo/generate.ts';
import { benchCliHelp, benchCliMerge, benchCliVerify, buildCompiledCli, type Row } from './cli.ts';

const asked = process.argv.slice(2);
const want = (s: string): boolean => asked.length === 0 || asked.includes(s);
const root = mkdtempSync(join(tmpdir(), 'rd-bench-cli-'));
const rows: Row[] = [];
try {
  buildCompiledCli();
  if (want('help')) rows.push(benchCliHelp());
  if (want('verify')) {
    const small = join(root, 'small');
    const s = await generateDemo({ out: small, experts: 5, applications: 4, workspace: false });
    const signers = new Map<string, string>();
    const files = Array.from({ length: 2000 }, (_, i) => {
      const f = join(small, `copy-${i}.rsb`);
      copyFileSync(s.bundles[i % s.bundles.length]!, f);
      signers.set(f, s.experts[i % s.experts.length]!);
      return f;
    });
    rows.push(benchCliVerify(small, files, (f) => signers.get(f)!, root));
  }
  if (want('merge')) {
    const m50 = join(root, 'm50');
    await generateDemo({ out: m50, experts: 50, applications: 200, revisions: 2, workspace: false });
    const files = readdirSync(join(m50, 'bundles'))
      .filter((f) => f.endsWith('.rsb'))
      .map((f) => join(m50, 'bundles', f));
    rows.push(benchCliMerge(m50, files, root, '50 × 200 (2 earlier revisions per expert)'));
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
