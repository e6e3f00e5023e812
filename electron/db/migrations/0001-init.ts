/**
 * Migration 1: the first workspace schema. Every table is STRICT so a wrong
 * type is refused by SQLite itself, not only by our code.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`
    -- Small key/value settings: locale, lastLocation.
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- The one identity of this workspace. The secret keys are sealed either by
    -- the OS keychain (Electron safeStorage blob) or as the age scrypt file of
    -- an identity folder's secret-keys.age (openable with \`age -d\`).
    CREATE TABLE identity (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      card TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      protection TEXT NOT NULL CHECK (protection IN ('safeStorage', 'passphrase')),
      sealed BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- The secretariat key trusted for each round, pinned on the first import.
    CREATE TABLE round_pins (
      round_id TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      card TEXT NOT NULL,
      pinned_at TEXT NOT NULL,
      -- The fingerprint this pin replaced when the reviewer accepted a signer change.
      replaced_fingerprint TEXT
    ) STRICT;

    -- Imported packages. The .rpkg stays encrypted in packages/; only the
    -- manifest and rubric (no dossier content) are kept here.
    CREATE TABLE packages (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      stored_path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      round_id TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      deadline TEXT NOT NULL,
      manifest TEXT NOT NULL,
      rubric TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      pledge_accepted_at TEXT
    ) STRICT;
    CREATE INDEX packages_by_sha256 ON packages (sha256);

    CREATE TABLE conflicts (
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('none', 'recused')),
      reason TEXT NOT NULL,
      declared_at TEXT NOT NULL,
      PRIMARY KEY (package_id, application_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE criterion_entries (
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      criterion_id TEXT NOT NULL,
      score REAL,
      comment TEXT NOT NULL DEFAULT '',
      evidence TEXT NOT NULL DEFAULT '[]',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (package_id, application_id, criterion_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE application_entries (
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      opinion TEXT NOT NULL DEFAULT '',
      recommendation TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (package_id, application_id)
    ) STRICT, WITHOUT ROWID;

    -- Every edit with its old and new value (JSON text), like ODK's audit log.
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      criterion_id TEXT,
      field TEXT NOT NULL CHECK (field IN ('score', 'comment', 'evidence', 'opinion', 'recommendation', 'conflict')),
      old_value TEXT,
      new_value TEXT,
      at TEXT NOT NULL,
      -- Set when the edit restored the old value of an earlier audit entry.
      restored_from INTEGER REFERENCES audit (id)
    ) STRICT;
    CREATE INDEX audit_by_application ON audit (package_id, application_id, id);
    CREATE INDEX audit_by_package ON audit (package_id, id);

    CREATE TABLE exports (
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      revision INTEGER NOT NULL CHECK (revision >= 1),
      at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
      -- The newest audit id the export includes: later edits mean "changed since export".
      last_audit_id INTEGER NOT NULL,
      PRIMARY KEY (package_id, revision)
    ) STRICT, WITHOUT ROWID;
  `);
}
