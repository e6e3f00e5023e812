/**
 * Prepares a workspace for trying ReviewDesk on the bundled demo round
 * (`npm start`, `npm run start:browser`) when it has no identity yet: the demo
 * round is generated beside the workspace folder, into `<dataDir>-demo-round` (it
 * holds the demo's plaintext dossiers and unprotected demo keys, which have no
 * place in a workspace that is ciphertext at rest), its expert E01 becomes the
 * workspace identity, its secretariat's key is trusted, and E01's package is imported. The identity's card says
 * `"demo": true`; its keys are sealed by the host's keychain where that really
 * protects them, else by the passphrase {@link DEMO_PASSPHRASE}.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemo } from '../demo/generate.ts';
import { readCard } from '../keys/card.ts';
import { loadIdentity } from '../keys/identity.ts';
import { DEMO_PASSPHRASE } from '../demo/workspace.ts';
import { trustSecretariat } from '../packages/trust.ts';
import { now, type Context } from './context.ts';
import { adoptIdentity } from './unlock.ts';
import { setLedger } from '../merge/workspace.ts';
import { importPackage } from '../packages/workspace.ts';

export { DEMO_PASSPHRASE } from '../demo/workspace.ts';

/** Where the demo round of a workspace is generated: beside the workspace folder, never inside it. */
export function demoRoundDir(ctx: Context): string {
  return `${ctx.dataDir.replace(/[\\/]+$/, '')}-demo-round`;
}

export interface DemoWorkspace {
  /** The generated demo round (secretariat, experts, packages, bundles). */
  demoDir: string;
  expertId: 'E01';
  fingerprint: string;
  /** Null when the keys are sealed by the keychain. */
  passphrase: string | null;
  /** The imported package, or null with `importPackage: false`. */
  packageId: string | null;
  /** E01's package file, for trying the import screen. */
  packageFile: string;
}

/**
 * Sets up the demo in an open workspace that has no identity yet; does nothing
 * (returns null) when it has one. Leaves the identity unlocked for this session.
 */
export async function prepareDemoWorkspace(ctx: Context, opts: { importPackage?: boolean } = {}): Promise<DemoWorkspace | null> {
  if (ctx.store.identity) return null;
  const demoDir = demoRoundDir(ctx);
  if (!existsSync(join(demoDir, 'experts', 'E01', 'card.json')) || !existsSync(join(demoDir, 'packages', 'E01.rpkg'))) {
    await generateDemo({ out: demoDir });
  }
  const identity = await loadIdentity(join(demoDir, 'experts', 'E01'));
  const passphrase = ctx.host.secrets.available ? null : DEMO_PASSPHRASE;
  await adoptIdentity(ctx, identity, passphrase);
  const packageFile = join(demoDir, 'packages', 'E01.rpkg');
  let packageId: string | null = null;
  if (opts.importPackage !== false) {
    // As if the expert had phoned the demo secretariat and confirmed its fingerprint: the demo opens on an
    // imported package, not on the trust question (which any other secretariat's first package still asks).
    const secretariat = await readCard(join(demoDir, 'secretariat', 'card.json'));
    trustSecretariat(ctx.db, secretariat, 'demo', now());
    const result = await importPackage(ctx, { fileName: 'E01.rpkg', bytes: new Uint8Array(await readFile(packageFile)) });
    if (result.status !== 'imported') throw new Error('the demo package is not signed by the demo secretariat');
    packageId = result.package.packageId;
  }
  return { demoDir, expertId: 'E01', fingerprint: identity.card.fingerprint, passphrase, packageId, packageFile };
}

export interface DemoSecretariat {
  /** The generated demo round. */
  demoDir: string;
  fingerprint: string;
  /** Null when the keys are sealed by the keychain. */
  passphrase: string | null;
  /** The round's score bundles (final and earlier revisions) to drop into the merge screen. */
  bundlesDir: string;
}

/**
 * Sets up a secretariat workspace on the demo round when the workspace has no
 * identity yet (returns null when it has one): the round is generated into
 * `<dataDir>-demo-round` with one earlier revision per expert (so the merge
 * shows superseded files), its secretariat becomes the workspace identity and
 * its signed ledger is imported. The bundles are left for the secretary to
 * drop in. Leaves the identity unlocked for this session.
 */
export async function prepareDemoSecretariat(ctx: Context): Promise<DemoSecretariat | null> {
  if (ctx.store.identity) return null;
  const demoDir = demoRoundDir(ctx);
  if (!existsSync(join(demoDir, 'secretariat', 'card.json')) || !existsSync(join(demoDir, 'packages', 'ledger.json.sig'))) {
    await generateDemo({ out: demoDir, revisions: 1 });
  }
  const identity = await loadIdentity(join(demoDir, 'secretariat'));
  const passphrase = ctx.host.secrets.available ? null : DEMO_PASSPHRASE;
  await adoptIdentity(ctx, identity, passphrase);
  const ledgerFile = join(demoDir, 'packages', 'ledger.json');
  await setLedger(ctx, {
    ledger: { fileName: 'ledger.json', bytes: new Uint8Array(await readFile(ledgerFile)) },
    signature: { fileName: 'ledger.json.sig', bytes: new Uint8Array(await readFile(`${ledgerFile}.sig`)) },
  });
  return { demoDir, fingerprint: identity.card.fingerprint, passphrase, bundlesDir: join(demoDir, 'bundles') };
}
