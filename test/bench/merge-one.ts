// Child process of the benchmark: merges a demo round's bundles and reports time per stage and peak RSS.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { readLedger } from '../../electron/merge/ledger.ts';
import { mergeBundles } from '../../electron/merge/merge.ts';

const [dir, workers] = process.argv.slice(2);
const secretariat = await loadIdentity(join(dir!, 'secretariat'));
const ledger = await readLedger(join(dir!, 'packages', 'ledger.json'), secretariat.card);
const files = readdirSync(join(dir!, 'bundles'))
  .filter((f) => f.endsWith('.rsb'))
  .map((f) => join(dir!, 'bundles', f));
const cpu0 = process.cpuUsage();
const t = performance.now();
const out = await mergeBundles(files, secretariat, ledger, workers === undefined ? {} : { workers: Number(workers) });
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
// CPU time of the whole process, worker threads included: what the merge costs whatever else runs on the machine.
const cpuMs = (cpu.user + cpu.system) / 1000;
const statuses: Record<string, number> = {};
for (const v of out.reconciled.verdicts) statuses[v.status] = (statuses[v.status] ?? 0) + 1;
const scores = Object.values(out.reconciled.accepted).reduce(
  (s, b) => s + b.reviews.reduce((t2, r) => t2 + Object.keys(r.scores).length, 0),
  0,
);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs,
    timings: out.timings,
    files: files.length,
    fullyOpened: out.fullyOpened,
    statuses,
    scores,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
);
