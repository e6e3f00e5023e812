/**
 * The reviewer's entries (conflict declarations, criterion entries, opinion,
 * recommendation and additional outcomes) and the audit log. Callers wrap a
 * change and its audit row in one `db.transaction`.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from './statements.ts';

export interface ConflictRow {
  applicationId: string;
  status: 'none' | 'recused';
  reason: string;
  declaredAt: string;
}

export function getConflict(db: Database, packageId: string, applicationId: string): ConflictRow | undefined {
  return stmt<ConflictRow>(
    db,
    `SELECT application_id AS applicationId, status, reason, declared_at AS declaredAt
     FROM conflicts WHERE package_id = ? AND application_id = ?`,
  ).get(packageId, applicationId);
}

export function listConflicts(db: Database, packageId: string): ConflictRow[] {
  return stmt<ConflictRow>(
    db,
    'SELECT application_id AS applicationId, status, reason, declared_at AS declaredAt FROM conflicts WHERE package_id = ?',
  ).all(packageId);
}

export function setConflict(db: Database, packageId: string, c: ConflictRow): void {
  stmt(
    db,
    `INSERT INTO conflicts (package_id, application_id, status, reason, declared_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (package_id, application_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       declared_at = excluded.declared_at`,
  ).run(packageId, c.applicationId, c.status, c.reason, c.declaredAt);
}

export interface CriterionRow {
  applicationId: string;
  criterionId: string;
  score: number | null;
  comment: string;
  /** JSON text of the evidence references. */
  evidence: string;
  updatedAt: string;
}

const CRITERION_COLUMNS = 'application_id AS applicationId, criterion_id AS criterionId, score, comment, evidence, updated_at AS updatedAt';

export function getCriterionRow(db: Database, packageId: string, applicationId: string, criterionId: string): CriterionRow | undefined {
  return stmt<CriterionRow>(
    db,
    `SELECT ${CRITERION_COLUMNS} FROM criterion_entries WHERE package_id = ? AND application_id = ? AND criterion_id = ?`,
  ).get(packageId, applicationId, criterionId);
}

export function listCriterionRows(db: Database, packageId: string, applicationId?: string): CriterionRow[] {
  return applicationId === undefined
    ? stmt<CriterionRow>(db, `SELECT ${CRITERION_COLUMNS} FROM criterion_entries WHERE package_id = ?`).all(packageId)
    : stmt<CriterionRow>(db, `SELECT ${CRITERION_COLUMNS} FROM criterion_entries WHERE package_id = ? AND application_id = ?`).all(
        packageId,
        applicationId,
      );
}

export function putCriterionRow(db: Database, packageId: string, r: CriterionRow): void {
  stmt(
    db,
    `INSERT INTO criterion_entries (package_id, application_id, criterion_id, score, comment, evidence, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (package_id, application_id, criterion_id) DO UPDATE SET score = excluded.score,
       comment = excluded.comment, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  ).run(packageId, r.applicationId, r.criterionId, r.score, r.comment, r.evidence, r.updatedAt);
}

export interface ApplicationRow {
  applicationId: string;
  opinion: string;
  recommendation: string | null;
  /** JSON text of the additional outcomes' ids (e.g. ["national-bid"]), `[]` when none. */
  additionalRecommendations: string;
  updatedAt: string;
}

const APPLICATION_COLUMNS =
  'application_id AS applicationId, opinion, recommendation, additional_recommendations AS additionalRecommendations, updated_at AS updatedAt';

/** The additional outcomes stored for an application (none without a row). */
export function additionalOf(row: Pick<ApplicationRow, 'additionalRecommendations'> | undefined): string[] {
  // Written by putApplicationRow from a checked edit; the column's CHECK keeps it a JSON array.
  return row ? (JSON.parse(row.additionalRecommendations) as string[]) : [];
}

export function getApplicationRow(db: Database, packageId: string, applicationId: string): ApplicationRow | undefined {
  return stmt<ApplicationRow>(db, `SELECT ${APPLICATION_COLUMNS} FROM application_entries WHERE package_id = ? AND application_id = ?`).get(
    packageId,
    applicationId,
  );
}

export function listApplicationRows(db: Database, packageId: string): ApplicationRow[] {
  return stmt<ApplicationRow>(db, `SELECT ${APPLICATION_COLUMNS} FROM application_entries WHERE package_id = ?`).all(packageId);
}

export function putApplicationRow(db: Database, packageId: string, r: ApplicationRow): void {
  stmt(
    db,
    `INSERT INTO application_entries (package_id, application_id, opinion, recommendation, additional_recommendations, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (package_id, application_id) DO UPDATE SET opinion = excluded.opinion,
       recommendation = excluded.recommendation, additional_recommendations = excluded.additional_recommendations,
       updated_at = excluded.updated_at`,
  ).run(packageId, r.applicationId, r.opinion, r.recommendation, r.additionalRecommendations, r.updatedAt);
}

export type AuditField = 'score' | 'comment' | 'evidence' | 'opinion' | 'recommendation' | 'additionalRecommendations' | 'conflict';

export interface AuditRow {
  id: number;
  packageId: string;
  applicationId: string;
  criterionId: string | null;
  field: AuditField;
  oldValue: string | null;
  newValue: string | null;
  at: string;
  restoredFrom: number | null;
}

const AUDIT_COLUMNS = `id, package_id AS packageId, application_id AS applicationId, criterion_id AS criterionId, field,
  old_value AS oldValue, new_value AS newValue, at, restored_from AS restoredFrom`;

/** Appends an audit row and returns its id. */
export function insertAudit(db: Database, a: Omit<AuditRow, 'id'>): number {
  const r = stmt(
    db,
    `INSERT INTO audit (package_id, application_id, criterion_id, field, old_value, new_value, at, restored_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.packageId, a.applicationId, a.criterionId, a.field, a.oldValue, a.newValue, a.at, a.restoredFrom);
  return Number(r.lastInsertRowid);
}

export function getAudit(db: Database, id: number): AuditRow | undefined {
  return stmt<AuditRow>(db, `SELECT ${AUDIT_COLUMNS} FROM audit WHERE id = ?`).get(id);
}

/** Audit entries of a package (or one application), newest first. */
export function listAudit(db: Database, packageId: string, applicationId: string | undefined, limit: number): AuditRow[] {
  return applicationId === undefined
    ? stmt<AuditRow>(db, `SELECT ${AUDIT_COLUMNS} FROM audit WHERE package_id = ? ORDER BY id DESC LIMIT ?`).all(packageId, limit)
    : stmt<AuditRow>(db, `SELECT ${AUDIT_COLUMNS} FROM audit WHERE package_id = ? AND application_id = ? ORDER BY id DESC LIMIT ?`).all(
        packageId,
        applicationId,
        limit,
      );
}

/** The newest audit id of a package (0 when none). */
export function maxAuditId(db: Database, packageId: string): number {
  return stmt<{ m: number | null }>(db, 'SELECT max(id) AS m FROM audit WHERE package_id = ?').get(packageId)?.m ?? 0;
}
