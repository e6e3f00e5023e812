/** The workspace's one identity row: public card and sealed secret keys. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Card } from '../../shared/card.ts';
import { checkCard } from '../keys/card.ts';
import { stmt } from './statements.ts';

export type Protection = 'safeStorage' | 'passphrase';

export interface IdentityRow {
  card: Card;
  protection: Protection;
  /** safeStorage blob, or the bytes of an age scrypt `secret-keys.age`. */
  sealed: Buffer;
  createdAt: string;
}

export function getIdentityRow(db: Database): IdentityRow | null {
  const r = stmt<{ card: string; protection: Protection; sealed: Buffer; created_at: string }>(
    db,
    'SELECT card, protection, sealed, created_at FROM identity WHERE id = 1',
  ).get();
  if (!r) return null;
  return { card: checkCard(JSON.parse(r.card), 'workspace identity'), protection: r.protection, sealed: r.sealed, createdAt: r.created_at };
}

/** Inserts the identity; fails (constraint) if there already is one. */
export function insertIdentityRow(db: Database, row: IdentityRow): void {
  stmt(db, 'INSERT INTO identity (id, card, fingerprint, protection, sealed, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    JSON.stringify(row.card),
    row.card.fingerprint,
    row.protection,
    row.sealed,
    row.createdAt,
  );
}
