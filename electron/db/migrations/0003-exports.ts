/**
 * Migration 3: exports that cannot fork. A revision is reserved (with the
 * SHA-256 of the exact sealed bytes) before its file is written, so a crash
 * at any step leaves a row that says what the file must be; files found in
 * exports/ that no record accounts for are set aside, and their revisions are
 * never handed out again.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`
    -- Rows written before this migration were inserted after their file was complete.
    ALTER TABLE exports ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('reserved', 'done'));
    CREATE INDEX exports_reserved ON exports (state) WHERE state = 'reserved';

    -- Files moved out of exports/ into exports/set-aside/ on open, with why.
    CREATE TABLE export_set_aside (
      id INTEGER PRIMARY KEY,
      -- The name it had in exports/ and the one it has in exports/set-aside/.
      file_name TEXT NOT NULL,
      stored_name TEXT NOT NULL UNIQUE,
      -- Read from the file name when it names a package of this workspace: the revision stays burned.
      package_id TEXT REFERENCES packages (id) ON DELETE CASCADE,
      revision INTEGER CHECK (revision >= 1),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      reason TEXT NOT NULL CHECK (reason IN ('unrecorded', 'mismatch')),
      at TEXT NOT NULL,
      -- When the reviewer dismissed the notice; the row (and the revision it burns) stays.
      seen_at TEXT
    ) STRICT;
  `);
}
