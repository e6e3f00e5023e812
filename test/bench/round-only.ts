/** `node electron/cli/run-ts.mjs test/bench/round-only.ts`: the round preparation rows alone (draw, pack). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledCli } from './cli.ts';
import { benchRoundDraw, benchRoundPack } from './round.ts';

const root = mkdtempSync(join(tmpdir(), 'rd-bench-round-'));
try {
  buildCompiledCli();
  const rows = [await benchRoundDraw(root), ...(process.argv.includes('--draw-only') ? [] : await benchRoundPack(root))];
  for (const r of rows) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
