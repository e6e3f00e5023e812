/**
 * Site visits in the workspace database (migration 7): the visit, its checklist answers, its photos (record
 * and thumbnail apart from the bytes) and their audit rows. Callers wrap a change and its audit row in one
 * transaction (electron/workspace/audit.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from './statements.ts';

export interface VisitRow {
  applicationId: string;
  visitedAt: string;
  place: string;
  /** JSON array of {name, role}. */
  attendees: string;
  notes: string;
  opinion: string;
  nextPhoto: number;
  updatedAt: string;
}

const VISIT_COLUMNS = `application_id AS applicationId, visited_at AS visitedAt, place, attendees, notes, opinion,
  next_photo AS nextPhoto, updated_at AS updatedAt`;

export function getVisitRow(db: Database, packageId: string, applicationId: string): VisitRow | undefined {
  return stmt<VisitRow>(db, `SELECT ${VISIT_COLUMNS} FROM site_visits WHERE package_id = ? AND application_id = ?`).get(
    packageId,
    applicationId,
  );
}

export function listVisitRows(db: Database, packageId: string): VisitRow[] {
  return stmt<VisitRow>(db, `SELECT ${VISIT_COLUMNS} FROM site_visits WHERE package_id = ?`).all(packageId);
}

export function putVisitRow(db: Database, packageId: string, r: VisitRow): void {
  stmt(
    db,
    `INSERT INTO site_visits (package_id, application_id, visited_at, place, attendees, notes, opinion, next_photo, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (package_id, application_id) DO UPDATE SET visited_at = excluded.visited_at, place = excluded.place,
       attendees = excluded.attendees, notes = excluded.notes, opinion = excluded.opinion, next_photo = excluded.next_photo,
       updated_at = excluded.updated_at`,
  ).run(packageId, r.applicationId, r.visitedAt, r.place, r.attendees, r.notes, r.opinion, r.nextPhoto, r.updatedAt);
}

export interface ItemRow {
  itemId: string;
  result: 'meets' | 'fails' | 'na';
  note: string;
  updatedAt: string;
}

export function listItemRows(db: Database, packageId: string, applicationId: string): ItemRow[] {
  return stmt<ItemRow>(
    db,
    `SELECT item_id AS itemId, result, note, updated_at AS updatedAt FROM visit_items WHERE package_id = ? AND application_id = ?`,
  ).all(packageId, applicationId);
}

export function putItemRow(db: Database, packageId: string, applicationId: string, r: ItemRow): void {
  stmt(
    db,
    `INSERT INTO visit_items (package_id, application_id, item_id, result, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (package_id, application_id, item_id) DO UPDATE SET result = excluded.result, note = excluded.note,
       updated_at = excluded.updated_at`,
  ).run(packageId, applicationId, r.itemId, r.result, r.note, r.updatedAt);
}

export function deleteItemRow(db: Database, packageId: string, applicationId: string, itemId: string): void {
  stmt(db, 'DELETE FROM visit_items WHERE package_id = ? AND application_id = ? AND item_id = ?').run(packageId, applicationId, itemId);
}

export interface PhotoRow {
  photoId: string;
  seq: number;
  mediaType: 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  caption: string;
  takenAt: string | null;
  addedAt: string;
  /** JSON arrays of ids. */
  itemIds: string;
  criterionIds: string;
  rotation: 0 | 90 | 180 | 270;
  keptOriginal: 0 | 1;
  hadLocation: 0 | 1;
  width: number;
  height: number;
  /** The photo's age file in photos/ (visits/photo-store.ts). */
  file: string;
  /** SHA-256 of that file's header and payload nonce; null for a photo added before it was recorded. */
  headerSha256: string | null;
}

const PHOTO_COLUMNS = `photo_id AS photoId, seq, media_type AS mediaType, size, sha256, caption, taken_at AS takenAt,
  added_at AS addedAt, item_ids AS itemIds, criterion_ids AS criterionIds, rotation, kept_original AS keptOriginal,
  had_location AS hadLocation, width, height, file, header_sha256 AS headerSha256`;

/** A visit's photos, in the order they were added. */
export function listPhotoRows(db: Database, packageId: string, applicationId: string): PhotoRow[] {
  return stmt<PhotoRow>(db, `SELECT ${PHOTO_COLUMNS} FROM visit_photos WHERE package_id = ? AND application_id = ? ORDER BY seq`).all(
    packageId,
    applicationId,
  );
}

export function getPhotoRow(db: Database, packageId: string, applicationId: string, photoId: string): PhotoRow | undefined {
  return stmt<PhotoRow>(db, `SELECT ${PHOTO_COLUMNS} FROM visit_photos WHERE package_id = ? AND application_id = ? AND photo_id = ?`).get(
    packageId,
    applicationId,
    photoId,
  );
}

export function insertPhoto(db: Database, packageId: string, applicationId: string, r: PhotoRow, thumbnail: Buffer): void {
  stmt(
    db,
    `INSERT INTO visit_photos (package_id, application_id, photo_id, seq, media_type, size, sha256, caption, taken_at, added_at,
       item_ids, criterion_ids, rotation, kept_original, had_location, width, height, thumbnail, file, header_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    packageId,
    applicationId,
    r.photoId,
    r.seq,
    r.mediaType,
    r.size,
    r.sha256,
    r.caption,
    r.takenAt,
    r.addedAt,
    r.itemIds,
    r.criterionIds,
    r.rotation,
    r.keptOriginal,
    r.hadLocation,
    r.width,
    r.height,
    thumbnail,
    r.file,
    r.headerSha256,
  );
}

/** Caption, links and rotation: the parts of a photo's record the expert edits. */
export function updatePhoto(
  db: Database,
  packageId: string,
  applicationId: string,
  r: Pick<PhotoRow, 'photoId' | 'caption' | 'itemIds' | 'criterionIds' | 'rotation'>,
): void {
  stmt(
    db,
    `UPDATE visit_photos SET caption = ?, item_ids = ?, criterion_ids = ?, rotation = ?
     WHERE package_id = ? AND application_id = ? AND photo_id = ?`,
  ).run(r.caption, r.itemIds, r.criterionIds, r.rotation, packageId, applicationId, r.photoId);
}

export function deletePhoto(db: Database, packageId: string, applicationId: string, photoId: string): void {
  stmt(db, 'DELETE FROM visit_photos WHERE package_id = ? AND application_id = ? AND photo_id = ?').run(packageId, applicationId, photoId);
}

export function photoThumbnail(db: Database, packageId: string, applicationId: string, photoId: string): Buffer | undefined {
  return stmt<{ thumbnail: Buffer }>(
    db,
    'SELECT thumbnail FROM visit_photos WHERE package_id = ? AND application_id = ? AND photo_id = ?',
  ).get(packageId, applicationId, photoId)?.thumbnail;
}

/** Every photo file the database names (what the sweep at open keeps). */
export function photoFiles(db: Database): Set<string> {
  return new Set(
    stmt<{ file: string }>(db, 'SELECT file FROM visit_photos')
      .all()
      .map((r) => r.file),
  );
}

/** The number and bytes of a package's photos (for the score file's limits). */
export function photoTotals(db: Database, packageId: string): { count: number; bytes: number } {
  const r = stmt<{ count: number; bytes: number | null }>(
    db,
    'SELECT count(*) AS count, sum(size) AS bytes FROM visit_photos WHERE package_id = ?',
  ).get(packageId);
  return { count: r?.count ?? 0, bytes: r?.bytes ?? 0 };
}

export type VisitAuditField = 'visitedAt' | 'place' | 'attendees' | 'notes' | 'opinion' | 'item' | 'photoAdded' | 'photo' | 'photoRemoved';

export function insertVisitAudit(
  db: Database,
  a: {
    packageId: string;
    applicationId: string;
    field: VisitAuditField;
    target: string | null;
    oldValue: string | null;
    newValue: string | null;
    at: string;
  },
): number {
  const r = stmt(
    db,
    `INSERT INTO visit_audit (package_id, application_id, field, target, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.packageId, a.applicationId, a.field, a.target, a.oldValue, a.newValue, a.at);
  return Number(r.lastInsertRowid);
}

export function countVisitAudit(db: Database, packageId: string, applicationId: string): number {
  return (
    stmt<{ n: number }>(db, 'SELECT count(*) AS n FROM visit_audit WHERE package_id = ? AND application_id = ?').get(
      packageId,
      applicationId,
    )?.n ?? 0
  );
}
