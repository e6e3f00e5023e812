/**
 * Migration 8: the panel's consensus can cite site-visit photos. Each record keeps the photos it cites as a
 * JSON array of {expertId, expertFingerprint, photo, sha256} (the photo's path in that expert's score file
 * and its signed SHA-256); existing records cite none (`[]`). The audit rows already keep whole records as
 * JSON, so they carry the citations with no change of their own.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(
    `ALTER TABLE consensus ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence) AND json_type(evidence) = 'array');`,
  );
}
