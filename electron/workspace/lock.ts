/**
 * One process per workspace folder. Each process caches state (the unlocked
 * identity, decrypted packages, merge caches) that a second writer on the
 * same folder would silently invalidate, so the lock is SQLite's own: an
 * empty SQLite file, `folder.lock`, whose EXCLUSIVE lock a connection takes
 * when the workspace opens and keeps until it closes (an exclusive
 * transaction that is never committed, so the file stays empty). A second
 * open — another process, or this one before close() — is refused with
 * E_WORKSPACE_LOCKED. The operating system drops the lock when the process
 * ends, however it ends (a crash, SIGKILL, a power cut), so no lock is ever
 * left stale and nothing has to guess whether its holder lives. The lock is a
 * file of its own because the encrypted database cannot be opened before the
 * reviewer unlocks it; once open, that database runs in EXCLUSIVE locking mode
 * too (electron/db/open.ts).
 *
 * `workspace.lock` only says who holds the folder, for that message; it
 * decides nothing. The holder writes it once the lock is its own and
 * removes it before letting go.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ReviewDeskError, isDiskFullError } from '../../shared/errors.ts';
import { diskFull } from '../faults/checkpoint.ts';
import { databaseError, LOCK_WAIT_MS } from '../db/open.ts';

/** Who holds a workspace folder (informational: the lock on {@link LOCK_FILE} decides). */
export const HOLDER_FILE = 'workspace.lock';

/** The empty SQLite file whose lock is the folder's. */
export const LOCK_FILE = 'folder.lock';

/**
 * Takes the folder's lock, held until the returned function is called or the
 * process ends; E_WORKSPACE_LOCKED (naming the recorded holder) while another
 * connection holds it.
 */
export function lockFolder(dataDir: string, nativeBinding?: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  closeSync(openSync(path, 'a', 0o600));
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: LOCK_WAIT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
    // The lock is all this file is for: its journal (should one ever be written) stays in memory.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db?.close();
    const err = databaseError(e, false);
    if (err.code === 'E_WORKSPACE_LOCKED') throw new ReviewDeskError('E_WORKSPACE_LOCKED', holderOf(dataDir), { cause: e });
    throw err;
  }
  const held = db;
  return () => {
    if (held.open) held.close();
  };
}

export interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
  appVersion: string;
}

/** Records this process as the holder of `dataDir`; the returned function removes the record if it is still ours. */
export function recordHolder(dataDir: string, appVersion: string): () => void {
  const path = join(dataDir, HOLDER_FILE);
  const text = `${JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), appVersion })}\n`;
  try {
    writeFileSync(path, text, { mode: 0o600 });
  } catch (e) {
    // A record cut short (a full disk) is removed: it would name nobody, and the open is refused anyway.
    rmSync(path, { force: true });
    if (isDiskFullError(e)) throw diskFull(e, 'open');
    throw e;
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
    } catch {
      // Already gone: nothing of ours to remove.
    }
  };
}

/** The holder named in `dataDir`'s record, for the refusal's message ('?' where it cannot be read). */
export function holderOf(dataDir: string): { pid: number | string; hostname: string } {
  try {
    const h = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Partial<Holder>;
    return {
      pid: typeof h.pid === 'number' && Number.isSafeInteger(h.pid) ? h.pid : '?',
      hostname: typeof h.hostname === 'string' && h.hostname ? h.hostname : '?',
    };
  } catch {
    return { pid: '?', hostname: '?' };
  }
}
