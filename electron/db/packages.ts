/** Imported packages and their exports. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
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

/** The newest committed export (a reservation is not an export yet). */
export function lastExport(db: Database, packageId: string): ExportRow | undefined {
  const r = stmt<Omit<ExportRow, 'complete'> & { complete: number }>(
    db,
    `SELECT package_id AS packageId, revision, at, file_name AS fileName, sha256, size, complete, last_audit_id AS lastAuditId
     FROM exports WHERE package_id = ? AND state = 'done' ORDER BY revision DESC LIMIT 1`,
  ).get(packageId);
  return r && { ...r, complete: r.complete === 1 };
}
