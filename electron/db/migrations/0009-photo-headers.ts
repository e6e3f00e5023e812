/**
 * Migration 9: each site-visit photo records the SHA-256 of its age file's header and payload nonce (the bytes
 * before the first chunk), which binds the file to the one written (visits/photo-store.ts) without hashing
 * megabytes of plaintext at every read. Photos added before have none (NULL) and are still checked against the
 * SHA-256 of their plaintext.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(
    `ALTER TABLE visit_photos ADD COLUMN header_sha256 TEXT CHECK (header_sha256 IS NULL OR (length(header_sha256) = 64 AND header_sha256 NOT GLOB '*[^0-9a-f]*'));`,
  );
}
