/**
 * Opens a workspace database: WAL with synchronous=FULL (a commit that
 * returned survives a power cut), foreign keys on, and every pending
 * migration applied in one transaction. A database written by a newer
 * ReviewDesk is refused rather than guessed at.
 *
 * A workspace database is encrypted (SQLite3 Multiple Ciphers, SQLCipher 4
 * format) under a random 256-bit key given raw, so no key derivation runs on
 * open. Every page, the first one included, is ciphertext, and so is every
 * page written to the WAL; temporary tables and indexes stay in memory. The
 * connection runs in EXCLUSIVE locking mode, so WAL needs no shared-memory
 * index (no -shm file) and no other connection can read along.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { ReviewDeskError, isDiskFullError, isReviewDeskError } from '../../shared/errors.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

/** Bytes of a workspace key. */
export const KEY_BYTES = 32;

/** How every plaintext SQLite file begins (an encrypted one begins with its random salt). */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Brings the schema up to `migrations`' last version; refuses a newer database. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
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
export const LOCK_WAIT_MS = 250;

export interface OpenOptions {
  /** The workspace key; without one the file is plain SQLite (migration tests, and reading a workspace made before encryption). */
  key?: Buffer;
  /** Path of an Electron-ABI better_sqlite3.node (the desktop app); the Node build otherwise. */
  nativeBinding?: string;
}

/** Whether the file at `path` is a plaintext SQLite database (false for a missing, empty or encrypted file). */
export function isPlaintextDatabase(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates the file with mode 0600 before SQLite opens it: SQLite gives its
 * -wal and -journal files the database file's mode, so they are 0600 too.
 */
function createPrivate(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
}

/**
 * A connection to the file at `path`, keyed when `key` is given: nothing read
 * yet, so a wrong key shows on the first statement (SQLITE_NOTADB).
 */
export function connect(path: string, opts: OpenOptions = {}): Db {
  createPrivate(path);
  // A short wait only: a holder that is just closing lets go at once, one that works in the folder never does.
  const db = new Database(path, { timeout: LOCK_WAIT_MS, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    if (opts.key) {
      if (opts.key.length !== KEY_BYTES) throw new Error(`a workspace key has ${KEY_BYTES} bytes`);
      // SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page), readable by the stock sqlcipher tools with the same raw key.
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      // x'…' is a raw key: the page key itself, with no passphrase KDF.
      db.pragma(`key = "x'${opts.key.toString('hex')}'"`);
    }
    // Sorts, temporary indexes and tables never spill to a plaintext temporary file.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens (creating if needed) the SQLite file at `path`, migrated to the
 * latest version, and holds its lock until closed: E_WORKSPACE_LOCKED while
 * another connection (another process, or this one) holds it, E_DB_KEY when
 * the key does not open it.
 */
export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = connect(path, opts);
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
    throw databaseError(e, opts.key !== undefined);
  }
}

/** The refusal for a failed open. */
export function databaseError(e: unknown, keyed: boolean): ReviewDeskError {
  if (isReviewDeskError(e)) return e;
  if (isDiskFullError(e)) return new ReviewDeskError('E_DISK_FULL', { what: 'workspace.sqlite' }, { cause: e });
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY') return new ReviewDeskError('E_WORKSPACE_LOCKED', { pid: '?', hostname: '?' }, { cause: e });
  if (keyed && code === 'SQLITE_NOTADB') return new ReviewDeskError('E_DB_KEY', {}, { cause: e });
  return new ReviewDeskError('E_DB', { reason: e instanceof Error ? e.message : String(e) }, { cause: e });
}

/**
 * Turns the plaintext database at `plain` into an encrypted one at `out`
 * under `key`: its WAL folded in, the file copied, then every page
 * rewritten encrypted by the driver's rekey. VACUUM INTO leaves out the free pages, which can hold replaced text. `plain` itself is left as it was, for the caller to switch and remove.
 */
export function encryptCopy(plain: string, out: string, key: Buffer, nativeBinding?: string): void {
  const src = connect(plain, nativeBinding ? { nativeBinding } : {});
  // VACUUM INTO writes into an empty file as it finds it, so the copy is 0600 from its first byte.
  createPrivate(out);
  try {
    src.pragma('wal_checkpoint(TRUNCATE)');
    // Back to a rollback journal: the whole database is now in the one file, and the -wal is gone.
    src.pragma('journal_mode = DELETE');
    src.prepare(`VACUUM INTO ?`).run(out);
  } finally {
    src.close();
  }
  const dst = connect(out, nativeBinding ? { nativeBinding } : {});
  try {
    dst.pragma(`cipher = 'sqlcipher'`);
    dst.pragma('legacy = 4');
    // Rekeying a plain database encrypts it in place (a plaintext database cannot be rekeyed in WAL mode: VACUUM INTO left it in DELETE).
    dst.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    dst.close();
  }
}

export { LATEST_VERSION };
