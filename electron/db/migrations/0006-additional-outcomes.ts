/**
 * Migration 6: additional outcomes. Beside the one main outcome an expert may
 * choose outcomes the rubric marks `additional` (支持争创国家级 for an
 * enterprise-type applicant): kept per application as a JSON array of their
 * ids, `[]` for the rows written before. Their edits are audited like the
 * other fields, so the audit table is rebuilt to let its field check name the
 * new field (SQLite cannot change a CHECK in place); every row keeps its id,
 * which exports.last_audit_id and restored_from refer to.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE application_entries ADD COLUMN additional_recommendations TEXT NOT NULL DEFAULT '[]'
      CHECK (json_valid(additional_recommendations) AND json_type(additional_recommendations) = 'array');

    CREATE TABLE audit_new (
      id INTEGER PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
      application_id TEXT NOT NULL,
      criterion_id TEXT,
      field TEXT NOT NULL CHECK (field IN ('score', 'comment', 'evidence', 'opinion', 'recommendation', 'additionalRecommendations', 'conflict')),
      old_value TEXT,
      new_value TEXT,
      at TEXT NOT NULL,
      -- Set when the edit restored the old value of an earlier audit entry.
      restored_from INTEGER REFERENCES audit_new (id)
    ) STRICT;
    INSERT INTO audit_new (id, package_id, application_id, criterion_id, field, old_value, new_value, at, restored_from)
      SELECT id, package_id, application_id, criterion_id, field, old_value, new_value, at, restored_from FROM audit ORDER BY id;
    DROP TABLE audit;
    -- Renaming also renames the self-reference of restored_from.
    ALTER TABLE audit_new RENAME TO audit;
    CREATE INDEX audit_by_application ON audit (package_id, application_id, id);
    CREATE INDEX audit_by_package ON audit (package_id, id);
  `);
}
