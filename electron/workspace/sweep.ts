/** What runs once the workspace database is open (at start with the keychain, else on unlock). */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exportPrefix, reconcileExports } from '../bundles/export.ts';
import { listMergeFiles } from '../db/merge.ts';
import { listPackageRows } from '../db/packages.ts';
import { sweepPhotos } from '../visits/workspace.ts';
import { now, packageMeta, type Context } from './context.ts';
import { BUNDLES_DIR, INCOMING_DIR, PACKAGES_DIR } from './layout.ts';

/**
 * Removes what a crash can leave behind: partial files and packages the
 * database never recorded, photo files no row names; exports/ is reconciled with its records, and what
 * that sets aside is told to the reviewer (app:state's exportNotices).
 */
export async function sweep(ctx: Context): Promise<void> {
  const owners = listPackageRows(ctx.db).map((row) => ({ packageId: row.id, prefix: exportPrefix(packageMeta(ctx, row.id).manifest) }));
  await reconcileExports(ctx.db, ctx.dataDir, owners, now());
  const kept = new Set([...listPackageRows(ctx.db).map((r) => r.storedPath), ...listMergeFiles(ctx.db).map((r) => r.storedPath)]);
  for (const sub of [PACKAGES_DIR, BUNDLES_DIR, INCOMING_DIR]) {
    const names = await readdir(join(ctx.dataDir, sub)).catch(() => [] as string[]);
    for (const name of names) {
      const orphan =
        ((sub === PACKAGES_DIR && name.endsWith('.rpkg')) || (sub === BUNDLES_DIR && name.endsWith('.rsb'))) && !kept.has(`${sub}/${name}`);
      if (name.endsWith('.partial') || orphan) await rm(join(ctx.dataDir, sub, name), { force: true });
    }
  }
  // Site-visit photo files no row names (written before a crash, or left by an interrupted removal).
  await sweepPhotos(ctx);
}
