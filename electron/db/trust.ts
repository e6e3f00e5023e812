/** The secretariat keys the expert trusts (`secretariat_pins`, migration 4), one row per key. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Card } from '../../shared/card.ts';
import { organisationKey } from '../../shared/organisation.ts';
import { stmt } from './statements.ts';

export type PinHow = 'confirmed' | 'demo' | 'round-pin';

export interface PinRow {
  fingerprint: string;
  organisation: string;
  displayName: string;
  card: Card;
  pinnedAt: string;
  how: PinHow;
  /** Imported packages signed by this key. */
  packages: number;
}

interface RawPin {
  fingerprint: string;
  organisation: string;
  displayName: string;
  card: string;
  pinnedAt: string;
  how: PinHow;
  packages: number;
}

const SELECT = `SELECT p.fingerprint, p.organisation, p.display_name AS displayName, p.card, p.pinned_at AS pinnedAt, p.how,
  (SELECT count(*) FROM packages k WHERE k.signer_fingerprint = p.fingerprint) AS packages FROM secretariat_pins p`;

const row = (r: RawPin): PinRow => ({ ...r, card: JSON.parse(r.card) as Card });

/** Every pin, oldest first. */
export function listPins(db: Database): PinRow[] {
  return stmt<RawPin>(db, `${SELECT} ORDER BY p.pinned_at, p.fingerprint`).all().map(row);
}

export function getPin(db: Database, fingerprint: string): PinRow | undefined {
  const r = stmt<RawPin>(db, `${SELECT} WHERE p.fingerprint = ?`).get(fingerprint);
  return r && row(r);
}

/** The pins whose organisation compares equal to `organisation` (none for an empty one). */
export function pinsOfOrganisation(db: Database, organisation: string): PinRow[] {
  const key = organisationKey(organisation);
  if (!key) return [];
  return stmt<RawPin>(db, `${SELECT} WHERE p.organisation_key = ? ORDER BY p.pinned_at`).all(key).map(row);
}

/** Pins a card's key with its labels as they are now; a key already pinned keeps its first pin. */
export function insertPin(db: Database, card: Card, how: PinHow, at: string): void {
  stmt(
    db,
    `INSERT INTO secretariat_pins (fingerprint, organisation, display_name, organisation_key, card, pinned_at, how)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
  ).run(card.fingerprint, card.organisation, card.displayName, organisationKey(card.organisation), JSON.stringify(card), at, how);
}

/** Whether a pin was there to remove. */
export function deletePin(db: Database, fingerprint: string): boolean {
  return stmt(db, 'DELETE FROM secretariat_pins WHERE fingerprint = ?').run(fingerprint).changes > 0;
}
