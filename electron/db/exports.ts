/**
 * Export records and their reservations, and the files set aside on open.
 * A row in state `reserved` names the exact bytes (SHA-256, size) its file
 * must hold; `done` means the record is committed.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from './statements.ts';
import type { ExportRow } from './packages.ts';

export type ExportState = 'reserved' | 'done';

export interface ExportRecord extends ExportRow {
  state: ExportState;
}

const COLUMNS = `package_id AS packageId, revision, at, file_name AS fileName, sha256, size, complete,
  last_audit_id AS lastAuditId, state`;

type Raw = Omit<ExportRecord, 'complete'> & { complete: number };
const row = (r: Raw): ExportRecord => ({ ...r, complete: r.complete === 1 });

/** Reserves a revision before its file is written. */
export function reserveExport(db: Database, e: ExportRow): void {
  stmt(
    db,
    `INSERT INTO exports (package_id, revision, at, file_name, sha256, size, complete, last_audit_id, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reserved')`,
  ).run(e.packageId, e.revision, e.at, e.fileName, e.sha256, e.size, e.complete ? 1 : 0, e.lastAuditId);
}

/** Commits a reservation: its file is complete and synced. */
export function completeExport(db: Database, packageId: string, revision: number): void {
  stmt(db, "UPDATE exports SET state = 'done' WHERE package_id = ? AND revision = ? AND state = 'reserved'").run(packageId, revision);
}

/** Drops a reservation whose file was never completed (no file carries its revision). */
export function dropReservation(db: Database, packageId: string, revision: number): void {
  stmt(db, "DELETE FROM exports WHERE package_id = ? AND revision = ? AND state = 'reserved'").run(packageId, revision);
}

/** Takes back a committed export whose file could not be put in place (before it was handed out). */
export function undoExport(db: Database, packageId: string, revision: number): void {
  stmt(db, 'DELETE FROM exports WHERE package_id = ? AND revision = ?').run(packageId, revision);
}

/** Every export row, reservations included. */
export function listExportRecords(db: Database): ExportRecord[] {
  return stmt<Raw>(db, `SELECT ${COLUMNS} FROM exports ORDER BY package_id, revision`).all().map(row);
}

/** The highest revision this package has used: recorded, reserved or carried by a file set aside. */
export function highestRevision(db: Database, packageId: string): number {
  return (
    stmt<{ r: number }>(
      db,
      `SELECT max(coalesce((SELECT max(revision) FROM exports WHERE package_id = ?), 0),
                coalesce((SELECT max(revision) FROM export_set_aside WHERE package_id = ?), 0)) AS r`,
    ).get(packageId, packageId)?.r ?? 0
  ); // an aggregate without GROUP BY: always one row
}

export type SetAsideReason = 'unrecorded' | 'mismatch';

export interface SetAsideRow {
  id: number;
  fileName: string;
  storedName: string;
  packageId: string | null;
  revision: number | null;
  sha256: string;
  size: number;
  reason: SetAsideReason;
  at: string;
  seenAt: string | null;
}

export function insertSetAside(db: Database, r: Omit<SetAsideRow, 'id' | 'seenAt'>): void {
  stmt(
    db,
    `INSERT INTO export_set_aside (file_name, stored_name, package_id, revision, sha256, size, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.fileName, r.storedName, r.packageId, r.revision, r.sha256, r.size, r.reason, r.at);
}

/** Files set aside that the reviewer has not yet been told about (or has not dismissed). */
export function listUnseenSetAside(db: Database): SetAsideRow[] {
  return stmt<SetAsideRow>(
    db,
    `SELECT id, file_name AS fileName, stored_name AS storedName, package_id AS packageId, revision, sha256, size, reason, at,
       seen_at AS seenAt FROM export_set_aside WHERE seen_at IS NULL ORDER BY id`,
  ).all();
}

export function markSetAsideSeen(db: Database, at: string): void {
  stmt(db, 'UPDATE export_set_aside SET seen_at = ? WHERE seen_at IS NULL').run(at);
}

/** Whether a stored name in exports/set-aside/ is already taken by a record. */
export function setAsideNameTaken(db: Database, storedName: string): boolean {
  return stmt(db, 'SELECT 1 FROM export_set_aside WHERE stored_name = ?').get(storedName) !== undefined;
}

/** Every stored name in exports/set-aside/ that a record accounts for. */
export function setAsideStoredNames(db: Database): Set<string> {
  return new Set(
    stmt<{ n: string }>(db, 'SELECT stored_name AS n FROM export_set_aside')
      .all()
      .map((r) => r.n),
  );
}
