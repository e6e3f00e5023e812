/** Imported packages, their exports and the per-round secretariat pins. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Card } from '../../shared/card.ts';
import { stmt } from './statements.ts';

export interface PackageRow {
  id: string;
  fileName: string;
  /** Relative to the workspace folder, e.g. `packages/<id>.rpkg`. */
  storedPath: string;
  sha256: string;
  size: number;
  roundId: string;
  signerFingerprint: string;
  deadline: string;
  /** manifest.json and rubric.json as JSON text. */
  manifest: string;
  rubric: string;
  importedAt: string;
  pledgeAcceptedAt: string | null;
}

const COLUMNS = `id, file_name AS fileName, stored_path AS storedPath, sha256, size, round_id AS roundId,
  signer_fingerprint AS signerFingerprint, deadline, manifest, rubric, imported_at AS importedAt,
  pledge_accepted_at AS pledgeAcceptedAt`;

export function getPackageRow(db: Database, id: string): PackageRow | undefined {
  return stmt<PackageRow>(db, `SELECT ${COLUMNS} FROM packages WHERE id = ?`).get(id);
}

export function findPackageBySha256(db: Database, sha256: string): PackageRow | undefined {
  return stmt<PackageRow>(db, `SELECT ${COLUMNS} FROM packages WHERE sha256 = ?`).get(sha256);
}

/** Every package, newest import first. */
export function listPackageRows(db: Database): PackageRow[] {
  return stmt<PackageRow>(db, `SELECT ${COLUMNS} FROM packages ORDER BY imported_at DESC, id`).all();
}

export function insertPackageRow(db: Database, r: PackageRow): void {
  stmt(
    db,
    `INSERT INTO packages (id, file_name, stored_path, sha256, size, round_id, signer_fingerprint, deadline, manifest, rubric,
       imported_at, pledge_accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.fileName,
    r.storedPath,
    r.sha256,
    r.size,
    r.roundId,
    r.signerFingerprint,
    r.deadline,
    r.manifest,
    r.rubric,
    r.importedAt,
    r.pledgeAcceptedAt,
  );
}

/** Records the pledge once; a second acceptance keeps the first time. */
export function acceptPledge(db: Database, id: string, at: string): void {
  stmt(db, 'UPDATE packages SET pledge_accepted_at = coalesce(pledge_accepted_at, ?) WHERE id = ?').run(at, id);
}

export function pledgeAcceptedAt(db: Database, id: string): string | null {
  return stmt<{ p: string | null }>(db, 'SELECT pledge_accepted_at AS p FROM packages WHERE id = ?').get(id)?.p ?? null;
}

export interface RoundPin {
  roundId: string;
  fingerprint: string;
  card: Card;
  pinnedAt: string;
  replacedFingerprint: string | null;
}

export function getRoundPin(db: Database, roundId: string): RoundPin | undefined {
  const r = stmt<{ fingerprint: string; card: string; pinned_at: string; replaced_fingerprint: string | null }>(
    db,
    'SELECT fingerprint, card, pinned_at, replaced_fingerprint FROM round_pins WHERE round_id = ?',
  ).get(roundId);
  return (
    r && {
      roundId,
      fingerprint: r.fingerprint,
      card: JSON.parse(r.card) as Card,
      pinnedAt: r.pinned_at,
      replacedFingerprint: r.replaced_fingerprint,
    }
  );
}

/** Pins (or, after an accepted signer change, re-pins) a round to a secretariat card. */
export function setRoundPin(db: Database, pin: RoundPin): void {
  stmt(
    db,
    `INSERT INTO round_pins (round_id, fingerprint, card, pinned_at, replaced_fingerprint) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id) DO UPDATE SET fingerprint = excluded.fingerprint, card = excluded.card,
       pinned_at = excluded.pinned_at, replaced_fingerprint = excluded.replaced_fingerprint`,
  ).run(pin.roundId, pin.fingerprint, JSON.stringify(pin.card), pin.pinnedAt, pin.replacedFingerprint);
}

export interface ExportRow {
  packageId: string;
  revision: number;
  at: string;
  fileName: string;
  sha256: string;
  size: number;
  complete: boolean;
  lastAuditId: number;
}

export function lastExport(db: Database, packageId: string): ExportRow | undefined {
  const r = stmt<Omit<ExportRow, 'complete'> & { complete: number }>(
    db,
    `SELECT package_id AS packageId, revision, at, file_name AS fileName, sha256, size, complete, last_audit_id AS lastAuditId
     FROM exports WHERE package_id = ? ORDER BY revision DESC LIMIT 1`,
  ).get(packageId);
  return r && { ...r, complete: r.complete === 1 };
}

export function insertExport(db: Database, e: ExportRow): void {
  stmt(
    db,
    'INSERT INTO exports (package_id, revision, at, file_name, sha256, size, complete, last_audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.packageId, e.revision, e.at, e.fileName, e.sha256, e.size, e.complete ? 1 : 0, e.lastAuditId);
}
