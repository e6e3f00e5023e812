/** `node electron/cli/run-ts.mjs test/bench/bundles-only.ts`: the benchmark's score-file rows alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBundles } from './bundles.ts';

const root = mkdtempSync(join(tmpdir(), 'rd-bench-bundles-'));
try {
  const { rows } = await benchBundles(root);
  for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
