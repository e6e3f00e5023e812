/**
 * `npm run bench`: speed and memory targets of the foundation, each measured
 * against the stock tools in the same run. Prints a table; exits non-zero when
 * a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../electron/demo/generate.ts';
import { benchApp } from './app.ts';
import { benchBombs } from './bombs.ts';
import { benchBundles, type BenchRow } from './bundles.ts';
import { benchCliHelp, benchCliMerge, benchCliVerify, buildCompiledCli } from './cli.ts';
import { benchPackage } from './package.ts';
import { benchRoundDraw, benchRoundPack } from './round.ts';
import { demoSigner, stockVerify } from './stock.ts';
import { benchUi } from './ui.ts';
import { benchVisits } from './visits.ts';

const root = mkdtempSync(join(tmpdir(), 'rd-bench-'));
const results: BenchRow[] = [];
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MiB`;

try {
  // 1. A 200 MB package opened against `age -d` of the same file (test/bench/package.ts).
  results.push(...(await benchPackage(root)));

  // 2. 2,000 score bundle files checked in process, against the stock route (test/bench/bundles.ts).
  const bundles = await benchBundles(root);
  results.push(...bundles.rows);

  // The command line as a user runs it (test/bench/cli.ts): the compiled command, start-up and the same 2,000 files.
  buildCompiledCli();
  results.push(benchCliHelp());
  results.push(benchCliVerify(bundles.demo, bundles.files, bundles.signerOf, root));

  // Preparing a round (test/bench/round.ts): the draw on 500 × 300, packing 2.5 GB against age -e.
  results.push(await benchRoundDraw(root));
  results.push(...(await benchRoundPack(root)));
  rmSync(join(root, 'pack-50x20'), { recursive: true, force: true });
  rmSync(join(root, 'packs'), { recursive: true, force: true });

  // 3. The reviewer's app: saving edits and opening a 40-application package (test/bench/app.ts).
  results.push(...(await benchApp(root)));
  // The same, seen from the screen: the real renderer in Chromium (test/bench/ui.ts).
  results.push(...(await benchUi()));

  // Site visits (test/bench/visits.ts): 20 photos of 8 MB taken in, and a score file with 50 of them exported in a
  // process of its own against age -e of the same bytes, with that process's peak memory.
  results.push(...(await benchVisits(root)));
  rmSync(join(root, 'visits'), { recursive: true, force: true });

  // 4. The secretariat's merge: import, verify, reconcile and aggregate 50 experts × 200 applications with two earlier
  //    revisions per expert (150 files, 10,000 current reviews, 300,000 scores with comments), then 100 × 400.
  type MergeRun = {
    ms: number;
    cpuMs: number;
    timings: { open: number; aggregate: number };
    files: number;
    fullyOpened: number;
    scores: number;
    maxRssBytes: number;
  };
  const mergeRun = (dir: string): MergeRun => {
    const r = spawnSync(process.execPath, ['electron/cli/run-ts.mjs', 'test/bench/merge-one.ts', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as MergeRun;
  };
  const bestOf = (dir: string, n: number): MergeRun =>
    Array.from({ length: n }, () => mergeRun(dir)).reduce((a, b) => (b.ms < a.ms ? b : a));
  const m50 = join(root, 'm50');
  const g50 = performance.now();
  await generateDemo({ out: m50, experts: 50, applications: 200, revisions: 2 });
  const gen50 = performance.now() - g50;
  const r50 = bestOf(m50, 3);
  const peak50 = Math.max(r50.maxRssBytes, mergeRun(m50).maxRssBytes);
  // The stock-tool route for the same files, before any aggregation: age -d, unzip, ssh-keygen -Y verify.
  const files50 = s50Files(m50);
  const m50Keys = { ageIdentity: join(m50, 'secretariat', 'age-identity.txt'), allowedSigners: join(m50, 'allowed_signers') };
  const stock50 = files50.reduce((acc, f, i) => acc + stockVerify(f, demoSigner(f), m50Keys, join(root, `stock-${i}`)), 0);
  results.push({
    what: `merge 50 × 200: ${r50.files} files, ${r50.scores.toLocaleString('en')} scores (open ${r50.fullyOpened} fully, the rest by head)`,
    value: `${r50.ms.toFixed(0)} ms = open/verify/reconcile ${r50.timings.open.toFixed(0)} + aggregate ${r50.timings.aggregate.toFixed(0)} (CPU ${r50.cpuMs.toFixed(0)} ms over all threads); peak RSS ${mb(peak50)}; stock route (age -d, unzip, ssh-keygen -Y verify) ${stock50.toFixed(0)} ms, ratio ${(r50.timings.open / stock50).toFixed(2)}; demo generated in ${(gen50 / 1000).toFixed(0)} s`,
    target: '< 3 s, < 1 GiB',
    ok: r50.ms < 3000 && peak50 < 1024 ** 3,
  });
  results.push(benchCliMerge(m50, files50, root, '50 × 200 (2 earlier revisions per expert)'));
  rmSync(m50, { recursive: true, force: true });
  const m100 = join(root, 'm100');
  await generateDemo({ out: m100, experts: 100, applications: 400, revisions: 2 });
  const r100 = bestOf(m100, 2);
  results.push({
    what: `merge 100 × 400: ${r100.files} files, ${r100.scores.toLocaleString('en')} scores`,
    value: `${r100.ms.toFixed(0)} ms = open ${r100.timings.open.toFixed(0)} + aggregate ${r100.timings.aggregate.toFixed(0)} (CPU ${r100.cpuMs.toFixed(0)} ms); ${(r100.ms / r50.ms).toFixed(2)} × the 50 × 200 merge (CPU ${(r100.cpuMs / r50.cpuMs).toFixed(2)} ×); peak RSS ${mb(r100.maxRssBytes)}`,
    target: '≤ 4.4 × 50 × 200',
    ok: r100.ms <= 4.4 * r50.ms,
  });

  // 5. ZIP bombs refused by the CLI, each in a process of its own: peak memory (test/bench/bombs.ts).
  results.push(...(await benchBombs(root)));
} finally {
  rmSync(root, { recursive: true, force: true });
}

function s50Files(dir: string): string[] {
  return readdirSync(join(dir, 'bundles'))
    .filter((f) => f.endsWith('.rsb'))
    .map((f) => join(dir, 'bundles', f));
}

for (const r of results) console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.what}\n      ${r.value}   (target ${r.target})`);
if (results.some((r) => !r.ok)) process.exitCode = 1;
