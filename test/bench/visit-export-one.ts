// Child process of the benchmark (test/bench/visits.ts): opens the workspace, unlocks it, exports the package's
// score file with its site-visit photos once, and reports the time of the export and the process's peak RSS.
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../electron/workspace/open.ts';
import { testHost } from '../helpers/workspace.ts';

const [wsDir, packageId, passphrase] = process.argv.slice(2);

/**
 * This process's peak resident memory: VmHWM, the high-water mark of its own address space. Not getrusage's
 * maxRSS, which Linux carries across exec from the parent that forked it (the benchmark, holding its photos).
 */
function peakRssBytes(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
const ws = await openWorkspace(wsDir!, testHost(), { scryptLogN: 10 });
try {
  await ws.invoke('identity:unlock', { passphrase: passphrase! });
  await ws.invoke('package:get', { packageId: packageId! });
  const beforeRssBytes = peakRssBytes();
  const t = performance.now();
  const r = await ws.invoke('bundle:export', { packageId: packageId!, allowIncomplete: true });
  const ms = performance.now() - t;
  if (r.bytes) throw new Error('a score file of this size should not come back whole');
  const count = ws.ctx.db.prepare('SELECT count(*) FROM visit_photos WHERE package_id = ?').pluck().get(packageId) as number;
  process.stdout.write(JSON.stringify({ ms, size: r.size, photos: count, maxRssBytes: peakRssBytes(), beforeRssBytes }) + '\n');
} finally {
  ws.close();
}
