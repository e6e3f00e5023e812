/**
 * Opens a workspace database: WAL with synchronous=FULL (a commit that
 * returned survives a power cut), foreign keys on, and every pending
 * migration applied in one transaction. A database written by a newer
 * ReviewDesk is refused rather than guessed at. The connection holds the
 * file's lock from open to close (EXCLUSIVE locking mode), which is what keeps
 * a workspace to one process (electron/handlers/workspace-lock.ts).
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

/** Brings the schema up to `migrations`' last version; refuses a newer database. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const run = db.transaction(() => {
    // Read inside the (immediate) transaction so two processes cannot both migrate.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new ReviewDeskError('E_DB_NEWER', { found: current, supported: latest });
    for (const m of migrations) {
      if (m.version <= current) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    return latest;
  });
  return run.immediate();
}

/** How long an open waits for another connection's lock before it is refused with E_WORKSPACE_LOCKED. */
const LOCK_WAIT_MS = 250;

/**
 * Opens (creating if needed) the SQLite file at `path`, migrated to the
 * latest version, and holds its lock until closed: E_WORKSPACE_LOCKED while
 * another connection (another process, or this one) holds it.
 */
export function openDatabase(path: string, nativeBinding?: string): Db {
  let db: Db | undefined;
  try {
    // A short wait only: a holder that is just closing lets go at once, one that works in the folder never does.
    db = new Database(path, { timeout: LOCK_WAIT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
    // Set before the first access, so that WAL runs without a shared-memory index and the lock is never shared.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The migration's immediate transaction takes the write lock, held from here until close.
    migrate(db);
    return db;
  } catch (e) {
    db?.close();
    if (isReviewDeskError(e)) throw e;
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY')
      throw new ReviewDeskError('E_WORKSPACE_LOCKED', { pid: '?', hostname: '?' }, { cause: e });
    throw new ReviewDeskError('E_DB', { reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
}

export { LATEST_VERSION };
