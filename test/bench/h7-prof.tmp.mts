import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../electron/demo/generate.ts';
import { fillExpertWorkspace } from '../../electron/demo/workspace.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { readFileSync } from 'node:fs';
const out = '/tmp/h7-prof-out'; rmSync(out, { recursive: true, force: true });
let t = performance.now();
await generateDemo({ out });
console.log('demo', (performance.now() - t).toFixed(0));
const sec = await loadIdentity(join(out, 'secretariat'));
const { bundle } = await openBundleBytes(readFileSync(join(out, 'bundles/E01.rsb')), sec);
for (const logN of [18, 15]) {
  const dir = join(out, 'ws' + logN);
  t = performance.now();
  await fillExpertWorkspace({ dir, identity: await loadIdentity(join(out, 'experts/E01')), packageFile: join(out, 'packages/E01.rpkg'), reviews: bundle.applications, options: { scryptLogN: logN } });
  console.log('ws', logN, (performance.now() - t).toFixed(0));
}
