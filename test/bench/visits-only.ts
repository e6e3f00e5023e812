/**
 * `node electron/cli/run-ts.mjs test/bench/visits-only.ts [--photos N] [--intake N]`: the site-visit rows
 * alone (test/bench/visits.ts), by default 20 photos added and 50 exported; smaller numbers for a quick check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchVisits } from './visits.ts';

const arg = (name: string): number | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const root = mkdtempSync(join(tmpdir(), 'rd-bench-visits-'));
try {
  const rows = await benchVisits(root, { photos: arg('--photos'), intake: arg('--intake') });
  for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  // RD_BENCH_KEEP=1 keeps the workspace and photos, to profile the export on them.
  if (process.env.RD_BENCH_KEEP) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
