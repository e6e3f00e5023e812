/**
 * Migration 5: the panel decides eligibility. An expert's 不符合 on a basic
 * condition flags the application; no single expert vetoes it. The
 * secretary records the panel's decision beside the consensus: 1 eligible,
 * 0 not eligible, NULL not decided (the application is then ranked and
 * printed with the flag 待专家组认定). Existing records are undecided.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function up(db: Database): void {
  db.exec(`ALTER TABLE consensus ADD COLUMN eligible INTEGER CHECK (eligible IN (0, 1));`);
}
