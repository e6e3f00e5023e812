/**
 * Migration 7: site visits (现场考察). Per application a visit (date, place, attendees, notes, the visit's
 * opinion), its checklist answers, and its photos' records with their thumbnails; each photo's bytes are an
 * age file in photos/ that its row names (electron/visits/photo-store.ts), so listing a visit never reads them.
 * Each change has a row in visit_audit (the review audit's field CHECK names review fields only; a table of
 * its own keeps that one's ids and rows untouched).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE site_visits (
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      visited_at TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      attendees TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
      notes TEXT NOT NULL DEFAULT '',
      opinion TEXT NOT NULL DEFAULT '',
      -- The number the next photo gets (P1, P2, …): never reused, so a removed photo's path is never another's.
      next_photo INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (package_id, application_id)
    ) STRICT;

    CREATE TABLE visit_items (
      package_id TEXT NOT NULL,
      application_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      result TEXT NOT NULL CHECK (result IN ('meets', 'fails', 'na')),
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (package_id, application_id, item_id),
      FOREIGN KEY (package_id, application_id) REFERENCES site_visits (package_id, application_id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE visit_photos (
      package_id TEXT NOT NULL,
      application_id TEXT NOT NULL,
      photo_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      caption TEXT NOT NULL DEFAULT '',
      taken_at TEXT,
      added_at TEXT NOT NULL,
      item_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(item_ids) AND json_type(item_ids) = 'array'),
      criterion_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(criterion_ids) AND json_type(criterion_ids) = 'array'),
      rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
      kept_original INTEGER NOT NULL DEFAULT 0 CHECK (kept_original IN (0, 1)),
      had_location INTEGER NOT NULL DEFAULT 0 CHECK (had_location IN (0, 1)),
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      thumbnail BLOB NOT NULL,
      -- The photo's bytes: an age file in photos/ encrypted to the workspace identity (visits/photo-store.ts).
      file TEXT NOT NULL UNIQUE,
      PRIMARY KEY (package_id, application_id, photo_id),
      FOREIGN KEY (package_id, application_id) REFERENCES site_visits (package_id, application_id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE visit_audit (
      id INTEGER PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      field TEXT NOT NULL CHECK (field IN ('visitedAt', 'place', 'attendees', 'notes', 'opinion', 'item', 'photoAdded', 'photo', 'photoRemoved')),
      -- The checklist item or photo the change is about.
      target TEXT,
      old_value TEXT,
      new_value TEXT,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX visit_audit_by_application ON visit_audit (package_id, application_id, id);
  `);
}
