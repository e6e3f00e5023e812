/**
 * Benchmark rows for checking score files: 2,000 bundle files (the demo
 * round's bundles, copied) checked in process with the worker threads warm,
 * against the stock route per file (`age -d`, `unzip`, `ssh-keygen -Y
 * verify`) in the same run. The CPU time over all threads is reported beside
 * the wall time: on a shared machine it is the steadier figure. Run alone with
 * `node electron/cli/run-ts.mjs test/bench/bundles-only.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkersReady, verifyBundleFiles } from '../../electron/bundles/verify.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';

/** One row of the benchmark table. */
export interface BenchRow {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

export async function benchBundles(root: string): Promise<BenchRow[]> {
  const results: BenchRow[] = [];
  const small = join(root, 'small');
  const s = await generateDemo({ out: small, experts: 5, applications: 4 });
  const files = Array.from({ length: 2000 }, (_, i) => {
    const f = join(small, `copy-${i}.rsb`);
    copyFileSync(s.bundles[i % s.bundles.length]!, f);
    return f;
  });
  const sec = await loadIdentity(join(small, 'secretariat'));
  // Warm-up: like the main thread's imports and JIT, the worker threads' start (loading the checking code)
  // is excluded; it is reported beside the result. An app starts them at launch.
  const poolStart = performance.now();
  await bundleWorkersReady();
  const poolMs = performance.now() - poolStart;
  await verifyBundleFiles(files.slice(0, 50), sec);
  // Best of three, as for opening the package: the machine is shared and noisy.
  let verifyMs = Infinity;
  let cpuMs = Infinity;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const verdicts = await verifyBundleFiles(files, sec);
    verifyMs = Math.min(verifyMs, performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
    if (!verdicts.every((v) => v.ok)) throw new Error('a benchmark bundle failed to verify');
  }
  const sample = files.slice(0, 40);
  const stockMs =
    sample.reduce((acc, f, i) => {
      const zip = join(root, `b${i}.zip`);
      const t0 = performance.now();
      execFileSync('age', ['-d', '-i', join(small, 'secretariat', 'age-identity.txt'), '-o', zip, f]);
      execFileSync('unzip', ['-o', '-q', zip, '-d', join(root, `b${i}`)]);
      execFileSync(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          join(small, 'allowed_signers'),
          '-I',
          s.experts[i % s.experts.length]!,
          '-n',
          'reviewdesk-scores',
          '-s',
          join(root, `b${i}`, 'bundle.json.sig'),
        ],
        {
          input: execFileSync('cat', [join(root, `b${i}`, 'bundle.json')]),
        },
      );
      return acc + performance.now() - t0;
    }, 0) / sample.length;
  results.push({
    what: 'check 2,000 score bundles (decrypt + signature + schema)',
    value: `${verifyMs.toFixed(0)} ms (${((verifyMs / 2000) * 1000).toFixed(0)} µs/file; CPU ${cpuMs.toFixed(0)} ms over all threads; worker threads started beforehand in ${poolMs.toFixed(0)} ms); stock route ${stockMs.toFixed(1)} ms/file ≈ ${((stockMs * 2000) / 1000).toFixed(1)} s`,
    target: '< 1 s',
    ok: verifyMs < 1000,
  });
  return results;
}
