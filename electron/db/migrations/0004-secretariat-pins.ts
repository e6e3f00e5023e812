/**
 * Migration 4: trust is pinned per secretariat, not per round. A secretariat
 * is known by its card's fingerprint (which binds both of its keys); the
 * organisation and name on its card are labels kept beside it as they were
 * when the expert accepted it. `organisation_key` is the organisation as it is
 * compared (see electron/packages/trust.ts), so another key claiming an
 * organisation already pinned is found by an index, not by scanning.
 *
 * The round pins of migration 1 were taken on first sight, without the expert
 * confirming anything: each distinct key becomes a pin marked `round-pin`, so
 * the pin list can say that it was never confirmed by phone. Nothing is
 * dropped, even two keys that claim one organisation: both stay, and a new
 * package naming that organisation is then refused until the expert removes
 * the wrong one.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { organisationKey } from '../../../shared/organisation.ts';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE secretariat_pins (
      fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 19),
      organisation TEXT NOT NULL,
      display_name TEXT NOT NULL,
      organisation_key TEXT NOT NULL,
      -- The card as it was accepted (JSON), for its keys.
      card TEXT NOT NULL,
      pinned_at TEXT NOT NULL,
      -- confirmed: the expert accepted it on the trust screen; demo: the demo set-up did;
      -- round-pin: carried over from a per-round pin taken on first sight.
      how TEXT NOT NULL CHECK (how IN ('confirmed', 'demo', 'round-pin'))
    ) STRICT;
    CREATE INDEX secretariat_pins_by_organisation ON secretariat_pins (organisation_key);
  `);
  const rows = db.prepare('SELECT fingerprint, card, pinned_at AS pinnedAt FROM round_pins ORDER BY pinned_at, round_id').all() as {
    fingerprint: string;
    card: string;
    pinnedAt: string;
  }[];
  const insert = db.prepare(
    `INSERT INTO secretariat_pins (fingerprint, organisation, display_name, organisation_key, card, pinned_at, how)
     VALUES (?, ?, ?, ?, ?, ?, 'round-pin') ON CONFLICT (fingerprint) DO NOTHING`,
  );
  for (const r of rows) {
    // Written by ReviewDesk itself from a checked card; only the two labels are read.
    const card = JSON.parse(r.card) as { organisation?: unknown; displayName?: unknown };
    const organisation = typeof card.organisation === 'string' ? card.organisation : '';
    const name = typeof card.displayName === 'string' ? card.displayName : '';
    // Oldest first, so a key pinned for several rounds keeps the time it was first seen.
    insert.run(r.fingerprint, organisation, name, organisationKey(organisation), r.card, r.pinnedAt);
  }
  db.exec('DROP TABLE round_pins');
}
