/** `node electron/cli/run-ts.mjs test/bench/package-only.ts`: the benchmark's 200 MB package rows alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPackage } from './package.ts';

const root = mkdtempSync(join(tmpdir(), 'rd-bench-package-'));
try {
  const rows = await benchPackage(root);
  for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
