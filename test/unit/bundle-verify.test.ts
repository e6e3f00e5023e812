/**
 * verifyBundleFiles shares large batches between this thread and worker
 * threads: every file must get the verdict it gets when checked on its own.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkersReady, verifyBundleFiles, type Roster } from '../../electron/bundles/verify.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';

const root = tempDir('rd-verify-');
let files: string[] = [];
let secretariat: Identity;
let roster: Roster;

beforeAll(async () => {
  const demo = await generateDemo({ out: join(root, 'demo'), experts: 2, applications: 2 });
  secretariat = await loadIdentity(join(root, 'demo', 'secretariat'));
  const e01 = await loadIdentity(join(root, 'demo', 'experts', 'E01'));
  roster = new Map([[e01.card.fingerprint, e01.card]]);
  files = Array.from({ length: 90 }, (_, i) => {
    const f = join(root, `copy-${i}.rsb`);
    const good = demo.bundles[i % demo.bundles.length]!;
    if (i % 17 === 5) writeFileSync(f, readFileSync(good).subarray(0, 3000));
    else if (i % 17 === 9) writeFileSync(f, 'not age');
    else copyFileSync(good, f);
    return f;
  });
  files.push(join(root, 'missing.rsb'));
  await bundleWorkersReady();
}, 120_000);

describe('checking many bundle files', () => {
  it('gives each file the verdict it gets alone', async () => {
    const together = await verifyBundleFiles(files, secretariat, roster);
    const alone = await Promise.all(files.map(async (f) => (await verifyBundleFiles([f], secretariat, roster))[0]));
    expect(together).toEqual(alone);
    const codes = new Set(together.map((v) => (v.ok ? 'ok' : v.code)));
    expect(codes).toEqual(new Set(['ok', 'E_SIG_SIGNER', 'E_AGE_PAYLOAD', 'E_AGE_HEADER', 'E_IO']));
  });
});
