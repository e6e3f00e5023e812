/**
 * The command line as a user runs it: the compiled `reviewdesk` (package.json's bin, built here first by
 * electron/cli/bundle.mjs so that it is the current sources), each run a child process timed end to end
 * from spawn to exit: process start, module loading, unsealing the identity, worker threads, the work,
 * the output. Each figure is set against a reference measured in the same run, because the machine is
 * shared: `node -e 0` for start-up, the stock route (test/bench/stock.ts) for checking and merging, each
 * timed between the command's runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { demoSigner, stockVerify } from './stock.ts';

export type Row = { what: string; value: string; target: string; ok: boolean };

const repo = join(import.meta.dirname, '../..');
const bin = join(repo, 'out/cli/reviewdesk.js');
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;

/** Builds out/cli from the current sources. */
export function buildCompiledCli(): void {
  execFileSync(process.execPath, [join(repo, 'electron/cli/bundle.mjs')], { stdio: 'inherit' });
}

/** One run of a command as a child process: wall milliseconds from spawn to exit, and its stdout. */
function timed(args: string[], cwd = repo): { ms: number; out: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ').slice(0, 200)}: exit ${r.status}\n${r.stderr}`);
  return { ms, out: r.stdout };
}

/** How busy the machine was: the load average against its cores, printed beside the figures. */
export function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
}

/** `reviewdesk --help` against `node -e 0`, medians of interleaved runs. */
export function benchCliHelp(runs = 15): Row {
  const node: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timed(['-e', '0']).ms);
    help.push(timed([bin, '--help']).ms);
  }
  const ratio = median(help) / median(node);
  return {
    what: 'reviewdesk --help, end to end (compiled command)',
    value: `${median(help).toFixed(0)} ms; node -e 0 ${median(node).toFixed(0)} ms; ratio ${ratio.toFixed(2)} (medians of ${runs}, ${machineLoad()})`,
    target: '≤ 4 × node -e 0',
    ok: ratio <= 4,
  };
}

/**
 * Runs the command three times with a third of the stock-route files between runs, so that both see the same
 * load on a shared machine (it varies by 2× within a minute); returns the best run and the stock total.
 */
function interleaved(
  run: () => number,
  stockFiles: string[],
  stockOne: (file: string, i: number) => number,
): { best: number; stock: number } {
  let best = Infinity;
  let stock = 0;
  for (let round = 0; round < 3; round++) {
    stockFiles.forEach((f, i) => {
      if (i % 3 === round) stock += stockOne(f, i);
    });
    best = Math.min(best, run());
  }
  return { best, stock };
}

/** `reviewdesk verify-bundle` on the given files (best of three runs), against the stock route over 45 of them. */
export function benchCliVerify(demo: string, files: string[], signerOf: (file: string) => string, work: string): Row {
  const keys = { ageIdentity: join(demo, 'secretariat', 'age-identity.txt'), allowedSigners: join(demo, 'allowed_signers') };
  const sample = files.slice(0, 45);
  const { best, stock: stockTotal } = interleaved(
    () => {
      const r = timed([bin, 'verify-bundle', ...files, '--secretariat', join(demo, 'secretariat'), '--json']);
      const v = JSON.parse(r.out) as { ok: boolean; verdicts: unknown[] };
      if (!v.ok || v.verdicts.length !== files.length) throw new Error('a benchmark bundle failed to verify from the command line');
      return r.ms;
    },
    sample,
    (f, i) => stockVerify(f, signerOf(f), keys, join(work, `cli-stock-${i}`)),
  );
  const stock = stockTotal / sample.length;
  const perFile = best / files.length;
  const speedup = stock / perFile;
  return {
    what: `reviewdesk verify-bundle on ${files.length.toLocaleString('en')} score files, end to end`,
    value: `${best.toFixed(0)} ms (${(perFile * 1000).toFixed(0)} µs/file); stock route ${stock.toFixed(1)} ms/file ≈ ${((stock * files.length) / 1000).toFixed(1)} s; ${speedup.toFixed(0)} × faster per file (${machineLoad()})`,
    target: '≤ 1 s, ≥ 40 × the stock route',
    ok: best <= 1000 && speedup >= 40,
  };
}

/** `reviewdesk merge` of a demo round's bundles (best of three runs), against the stock route over the same files. */
export function benchCliMerge(demo: string, files: string[], work: string, label: string): Row {
  const keys = { ageIdentity: join(demo, 'secretariat', 'age-identity.txt'), allowedSigners: join(demo, 'allowed_signers') };
  const { best, stock } = interleaved(
    () => {
      const r = timed([bin, 'merge', ...files, '--secretariat', join(demo, 'secretariat'), '--round', join(demo, 'round'), '--json']);
      if (!(JSON.parse(r.out) as { ok: boolean }).ok) throw new Error('the benchmark merge failed from the command line');
      return r.ms;
    },
    files,
    (f, i) => stockVerify(f, demoSigner(f), keys, join(work, `cli-stock-${i}`)),
  );
  const ratio = best / stock;
  return {
    what: `reviewdesk merge ${label}: ${files.length} files, end to end`,
    value: `${best.toFixed(0)} ms; stock route (age -d, unzip, ssh-keygen -Y verify) ${stock.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (${machineLoad()})`,
    target: '≤ 3 s, ≤ 0.2 × the stock route',
    ok: best <= 3000 && ratio <= 0.2,
  };
}
