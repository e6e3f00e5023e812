/** The secretariat's merge tables: the ledger, the bundle files kept, the consensus and its audit trail. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConsensusRecord } from '../../shared/ipc/contract.ts';
import { stmt } from './statements.ts';

export interface LedgerRow {
  fileName: string;
  json: Buffer;
  sig: Buffer;
  sha256: string;
  roundId: string;
  importedAt: string;
}

export interface MergeFileRow {
  id: number;
  sha256: string;
  fileName: string;
  size: number;
  storedPath: string;
  importedAt: string;
}

export function getLedgerRow(db: Database): LedgerRow | null {
  const r = stmt<{ file_name: string; json: Buffer; sig: Buffer; sha256: string; round_id: string; imported_at: string }>(
    db,
    'SELECT file_name, json, sig, sha256, round_id, imported_at FROM merge_ledger WHERE id = 1',
  ).get();
  return r ? { fileName: r.file_name, json: r.json, sig: r.sig, sha256: r.sha256, roundId: r.round_id, importedAt: r.imported_at } : null;
}

export function putLedgerRow(db: Database, row: LedgerRow): void {
  stmt(
    db,
    `INSERT INTO merge_ledger (id, file_name, json, sig, sha256, round_id, imported_at) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, json = excluded.json, sig = excluded.sig,
       sha256 = excluded.sha256, round_id = excluded.round_id, imported_at = excluded.imported_at`,
  ).run(row.fileName, row.json, row.sig, row.sha256, row.roundId, row.importedAt);
}

/** Every kept file, in import order. */
export function listMergeFiles(db: Database): MergeFileRow[] {
  return stmt<{ id: number; sha256: string; file_name: string; size: number; stored_path: string; imported_at: string }>(
    db,
    'SELECT id, sha256, file_name, size, stored_path, imported_at FROM merge_files ORDER BY id',
  )
    .all()
    .map((r) => ({
      id: r.id,
      sha256: r.sha256,
      fileName: r.file_name,
      size: r.size,
      storedPath: r.stored_path,
      importedAt: r.imported_at,
    }));
}

/** Records a kept file; false when a file with that SHA-256 is already there (nothing changes). */
export function insertMergeFile(db: Database, row: Omit<MergeFileRow, 'id'>): boolean {
  const r = stmt(
    db,
    'INSERT INTO merge_files (sha256, file_name, size, stored_path, imported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  ).run(row.sha256, row.fileName, row.size, row.storedPath, row.importedAt);
  return r.changes === 1;
}

type ConsensusDbRow = {
  application_id: string;
  score: number | null;
  grade_id: string | null;
  recommendation: string | null;
  text: string;
  recorded_by: string;
  recorded_at: string;
  eligible: number | null;
  evidence: string;
};

const toRecord = (r: ConsensusDbRow): ConsensusRecord => ({
  applicationId: r.application_id,
  score: r.score,
  gradeId: r.grade_id,
  recommendation: r.recommendation,
  text: r.text,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  eligible: r.eligible === null ? null : r.eligible === 1,
  // Written by putConsensus from checked citations only (the column's CHECK keeps it a JSON array).
  ...evidenceOf(r.evidence),
});

function evidenceOf(json: string): Pick<ConsensusRecord, 'evidence'> {
  const list = JSON.parse(json) as NonNullable<ConsensusRecord['evidence']>;
  return list.length ? { evidence: list } : {};
}

export function listConsensus(db: Database, roundId: string): ConsensusRecord[] {
  return stmt<ConsensusDbRow>(
    db,
    'SELECT application_id, score, grade_id, recommendation, text, recorded_by, recorded_at, eligible, evidence FROM consensus WHERE round_id = ? ORDER BY application_id',
  )
    .all(roundId)
    .map(toRecord);
}

export function getConsensus(db: Database, roundId: string, applicationId: string): ConsensusRecord | null {
  const r = stmt<ConsensusDbRow>(
    db,
    'SELECT application_id, score, grade_id, recommendation, text, recorded_by, recorded_at, eligible, evidence FROM consensus WHERE round_id = ? AND application_id = ?',
  ).get(roundId, applicationId);
  return r ? toRecord(r) : null;
}

export function putConsensus(db: Database, roundId: string, c: ConsensusRecord): void {
  stmt(
    db,
    `INSERT INTO consensus (round_id, application_id, score, grade_id, recommendation, text, recorded_by, recorded_at, eligible, evidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id, application_id) DO UPDATE SET score = excluded.score, grade_id = excluded.grade_id,
       recommendation = excluded.recommendation, text = excluded.text, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
       eligible = excluded.eligible, evidence = excluded.evidence`,
  ).run(
    roundId,
    c.applicationId,
    c.score,
    c.gradeId,
    c.recommendation,
    c.text,
    c.recordedBy,
    c.recordedAt,
    c.eligible === null ? null : c.eligible ? 1 : 0,
    JSON.stringify(c.evidence ?? []),
  );
}

export function insertConsensusAudit(
  db: Database,
  a: { roundId: string; applicationId: string; oldValue: string | null; newValue: string | null; recordedBy: string; at: string },
): number {
  return Number(
    stmt(db, 'INSERT INTO consensus_audit (round_id, application_id, old_value, new_value, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      a.roundId,
      a.applicationId,
      a.oldValue,
      a.newValue,
      a.recordedBy,
      a.at,
    ).lastInsertRowid,
  );
}

export interface ConsensusAuditRow {
  id: number;
  applicationId: string;
  oldValue: string | null;
  newValue: string | null;
  recordedBy: string;
  at: string;
}

export function listConsensusAudit(db: Database, roundId: string, applicationId: string | undefined, limit: number): ConsensusAuditRow[] {
  const rows = (
    applicationId === undefined
      ? stmt(
          db,
          'SELECT id, application_id, old_value, new_value, recorded_by, at FROM consensus_audit WHERE round_id = ? ORDER BY id DESC LIMIT ?',
        ).all(roundId, limit)
      : stmt(
          db,
          'SELECT id, application_id, old_value, new_value, recorded_by, at FROM consensus_audit WHERE round_id = ? AND application_id = ? ORDER BY id DESC LIMIT ?',
        ).all(roundId, applicationId, limit)
  ) as { id: number; application_id: string; old_value: string | null; new_value: string | null; recorded_by: string; at: string }[];
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    oldValue: r.old_value,
    newValue: r.new_value,
    recordedBy: r.recorded_by,
    at: r.at,
  }));
}
