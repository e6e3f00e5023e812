// Child process of the benchmark: opens one package and reports time and peak RSS.
import { join } from 'node:path';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { openPackage } from '../../electron/packages/open.ts';

const [dir] = process.argv.slice(2);
const expert = await loadIdentity(join(dir!, 'experts', 'E01'));
const t = performance.now();
const pkg = await openPackage(join(dir!, 'packages', 'E01.rpkg'), expert);
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ ms, files: pkg.files.size, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
