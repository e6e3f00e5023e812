/**
 * Child process of the disk-full test, run inside a private mount namespace
 * over a small tmpfs (`unshare -rm`, see disk-full.test.ts), so that a full
 * disk is a real one: ENOSPC from the kernel, SQLITE_FULL from SQLite.
 *
 *     node electron/cli/run-ts.mjs test/unit/disk-full-child.ts MOUNT
 *
 * Opens a workspace in MOUNT/fresh on a full disk; makes MOUNT/kept while
 * there is room, fills the disk, and opens it again. Prints one JSON line:
 * each open's outcome and what each folder holds afterwards.
 */
import { openSync, readdirSync, writeSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isReviewDeskError } from '../../shared/errors.ts';
import { noKeychain } from '../../electron/workspace/host.ts';
import { openWorkspace } from '../../electron/workspace/open.ts';

const mount = process.argv[2]!;
const host = { secrets: noKeychain(), emit: () => undefined, appVersion: 'disk-full-child' };

/** Fills the file system: one file written until ENOSPC. */
function fill(): string {
  const path = join(mount, 'filler');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  }
  // Fill the last few bytes too.
  try {
    for (;;) writeSync(fd, block.subarray(0, 1));
  } catch {
    // full to the byte
  }
  closeSync(fd);
  return path;
}

async function attempt(dir: string): Promise<{ code: string; message?: string; left: string[] }> {
  let code = 'ok';
  let message: string | undefined;
  try {
    (await openWorkspace(dir, host, { scryptLogN: 10 })).close();
  } catch (e) {
    code = isReviewDeskError(e) ? e.code : `raw ${String(e)}`;
    message = isReviewDeskError(e) ? e.message : undefined;
  }
  let left: string[];
  try {
    left = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    left = ['(no folder)'];
  }
  return { code, ...(message ? { message } : {}), left };
}

const kept = join(mount, 'kept');
// A workspace with an identity, so that its encrypted database exists before the disk fills.
const made = await openWorkspace(kept, host, { scryptLogN: 10 });
await made.invoke('identity:create', { displayName: '满盘', organisation: '', fields: [], passphrase: 'a long passphrase' });
made.close();
const ready = await attempt(kept);
const filler = fill();
const fresh = await attempt(join(mount, 'fresh'));
const reopened = await attempt(kept);
rmSync(filler);
const afterFreed = await attempt(kept);
process.stdout.write(`${JSON.stringify({ ready, fresh, reopened, afterFreed })}\n`);
