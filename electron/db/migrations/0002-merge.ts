/**
 * Migration 2: the secretariat's merge. The round's signed issue ledger, the
 * score bundle files kept (still encrypted) in `bundles/<sha256>.rsb`, and the
 * panel's consensus per application with its own audit trail — kept apart
 * from anything computed, which is always recomputed from the files.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`
    -- The one ledger of the merge: the exact bytes and signature as imported.
    CREATE TABLE merge_ledger (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      file_name TEXT NOT NULL,
      json BLOB NOT NULL,
      sig BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      round_id TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;

    -- Every distinct .rsb imported (by SHA-256: the same file twice is one row).
    CREATE TABLE merge_files (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      file_name TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      stored_path TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;

    -- The panel's consensus (专家组意见) per application of a round.
    CREATE TABLE consensus (
      round_id TEXT NOT NULL,
      application_id TEXT NOT NULL,
      score REAL,
      grade_id TEXT,
      recommendation TEXT,
      text TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (round_id, application_id)
    ) STRICT, WITHOUT ROWID;

    -- Every change of a consensus record, old and new value as JSON text.
    CREATE TABLE consensus_audit (
      id INTEGER PRIMARY KEY,
      round_id TEXT NOT NULL,
      application_id TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      recorded_by TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consensus_audit_by_application ON consensus_audit (round_id, application_id, id);
  `);
}
