/** `node electron/cli/run-ts.mjs test/bench/bombs-only.ts`: the benchmark's bomb section alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBombs } from './bombs.ts';

const root = mkdtempSync(join(tmpdir(), 'rd-bench-bombs-'));
try {
  const rows = await benchBombs(root);
  for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
