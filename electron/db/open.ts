/**
 * Opens a workspace database: WAL with synchronous=FULL (a commit that
 * returned survives a power cut), foreign keys on, and every pending
 * migration applied in one transaction. A database written by a newer
 * ReviewDesk is refused rather than guessed at.
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

/** Opens (creating if needed) the SQLite file at `path`, migrated to the latest version. */
export function openDatabase(path: string, nativeBinding?: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (e) {
    db?.close();
    if (isReviewDeskError(e)) throw e;
    throw new ReviewDeskError('E_DB', { reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
}

export { LATEST_VERSION };
