/** What runs once the workspace database is open (at start with the keychain, else on unlock). */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listMergeFiles } from '../db/merge.ts';
import { listPackageRows } from '../db/packages.ts';
import { EXPORTS_DIR } from './bundle.ts';
import type { Context } from './context.ts';
import { BUNDLES_DIR } from './merge.ts';
import { PACKAGES_DIR } from './packages.ts';

/** Removes what a crash can leave behind: partial files and packages the database never recorded. */
export async function sweep(ctx: Context): Promise<void> {
  const kept = new Set([...listPackageRows(ctx.db).map((r) => r.storedPath), ...listMergeFiles(ctx.db).map((r) => r.storedPath)]);
  for (const sub of [PACKAGES_DIR, EXPORTS_DIR, BUNDLES_DIR]) {
    const names = await readdir(join(ctx.dataDir, sub)).catch(() => [] as string[]);
    for (const name of names) {
      const orphan =
        ((sub === PACKAGES_DIR && name.endsWith('.rpkg')) || (sub === BUNDLES_DIR && name.endsWith('.rsb'))) && !kept.has(`${sub}/${name}`);
      if (name.endsWith('.partial') || orphan) await rm(join(ctx.dataDir, sub, name), { force: true });
    }
  }
}
