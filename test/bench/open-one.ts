// Child process of the benchmark: opens one package and reports time and peak RSS. With `warm`, the payload
// worker threads are started first, as the app does at launch, and their start-up is reported on its own.
import { join } from 'node:path';
import { payloadWorkersReady } from '../../electron/crypto/parallel.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { openPackage } from '../../electron/packages/open.ts';

const [dir, mode] = process.argv.slice(2);
const expert = await loadIdentity(join(dir!, 'experts', 'E01'));
const p = performance.now();
if (mode === 'warm') await payloadWorkersReady();
const poolMs = performance.now() - p;
const t = performance.now();
const pkg = await openPackage(join(dir!, 'packages', 'E01.rpkg'), expert);
const ms = performance.now() - t;
process.stdout.write(
  JSON.stringify({ ms, poolMs, files: pkg.filePaths.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n',
);
