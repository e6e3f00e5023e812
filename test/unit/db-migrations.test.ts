/** The workspace database: one test per migration, and the refusals around them. */
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import { migrate, openDatabase } from '../../electron/db/open.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations/index.ts';
import { openWorkspace } from '../../electron/handlers/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const dir = tempDir('rd-db-');
const MERGE_TABLES = ['consensus', 'consensus_audit', 'merge_files', 'merge_ledger'];
let n = 0;
const fresh = (): string => join(dir, `db-${++n}.sqlite`);

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isReviewDeskError(e) ? e.code : `not a ReviewDeskError: ${String(e)}`;
  }
  return 'no error';
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001-init creates strict tables with keys, checks and indexes; WAL, synchronous=FULL, foreign keys on', () => {
    const db = openDatabase(fresh());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
        name: string;
        sql: string;
      }[];
      expect(tables.map((t) => t.name).filter((n) => !MERGE_TABLES.includes(n))).toEqual([
        'application_entries',
        'audit',
        'conflicts',
        'criterion_entries',
        'exports',
        'identity',
        'packages',
        'round_pins',
        'settings',
      ]);
      for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
      // STRICT: a wrong type is refused by SQLite itself.
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', x'00')").run()).toThrow(/cannot store BLOB/);
      // One identity only.
      expect(() =>
        db
          .prepare(
            "INSERT INTO identity (id, card, fingerprint, protection, sealed, created_at) VALUES (2, '{}', 'f', 'passphrase', x'00', 't')",
          )
          .run(),
      ).toThrow(/CHECK/);
      // Entries need their package.
      expect(() =>
        db
          .prepare("INSERT INTO conflicts (package_id, application_id, status, reason, declared_at) VALUES ('nope', 'A1', 'none', '', 't')")
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(() =>
        db.prepare("INSERT INTO audit (package_id, application_id, field, at) VALUES ('nope', 'A1', 'colour', 't')").run(),
      ).toThrow(/CHECK|FOREIGN KEY/);
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['audit_by_application', 'audit_by_package', 'packages_by_sha256']));
    } finally {
      db.close();
    }
  });

  it('0002-merge adds the merge tables (strict), one ledger only, one row per bundle file, consensus keyed by round and application', () => {
    const path = fresh();
    const v1 = new Database(path);
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'en')").run();
    expect(migrate(v1, MIGRATIONS)).toBe(2);
    // Data from version 1 survives the upgrade.
    expect(v1.prepare("SELECT value FROM settings WHERE key = 'locale'").pluck().get()).toBe('en');
    const tables = v1
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN (" + MERGE_TABLES.map(() => '?').join(',') + ')')
      .all(...MERGE_TABLES) as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual([...MERGE_TABLES].sort());
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    const ledger = v1.prepare(
      'INSERT INTO merge_ledger (id, file_name, json, sig, sha256, round_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    ledger.run(1, 'ledger.json', Buffer.from('{}'), Buffer.from('sig'), 'a'.repeat(64), 'R1', 't');
    expect(() => ledger.run(2, 'ledger.json', Buffer.from('{}'), Buffer.from('sig'), 'a'.repeat(64), 'R1', 't')).toThrow(/CHECK/);
    const file = v1.prepare('INSERT INTO merge_files (sha256, file_name, size, stored_path, imported_at) VALUES (?, ?, ?, ?, ?)');
    file.run('b'.repeat(64), 'E01.rsb', 10, 'bundles/x.rsb', 't');
    expect(() => file.run('b'.repeat(64), 'copy.rsb', 10, 'bundles/x.rsb', 't')).toThrow(/UNIQUE/);
    expect(() => file.run('short', 'x.rsb', 10, 'bundles/x.rsb', 't')).toThrow(/CHECK/);
    expect(() => file.run('c'.repeat(64), 'x.rsb', 'ten', 'bundles/x.rsb', 't')).toThrow(/cannot store TEXT/);
    const consensus = v1.prepare(
      'INSERT INTO consensus (round_id, application_id, score, grade_id, recommendation, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    consensus.run('R1', 'A1', 80, null, null, '同意', 'sec', 't');
    expect(() => consensus.run('R1', 'A1', 81, null, null, '', 'sec', 't')).toThrow(/UNIQUE|PRIMARY/);
    const indexes = v1.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toContain('consensus_audit_by_application');
    v1.close();
  });

  it('opening again is a no-op, and a failing migration leaves the database as it was', () => {
    const path = fresh();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer ReviewDesk (E_DB_NEWER) without touching it, and a file that is not a database (E_DB)', async () => {
    const path = fresh();
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(code(() => openDatabase(path))).toBe('E_DB_NEWER');
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();

    const ws = join(dir, 'newer-ws');
    (await openWorkspace(ws, testHost())).close();
    const db = new Database(join(ws, 'workspace.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const err = await openWorkspace(ws, testHost()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isReviewDeskError(err, 'E_DB_NEWER')).toBe(true);
    expect((err as Error).message).toMatch(`newer ReviewDesk (version ${LATEST_VERSION + 1}; this one supports up to ${LATEST_VERSION})`);

    const junk = fresh();
    writeFileSync(junk, 'this is not a database, just text that is long enough to look like a header '.repeat(20));
    expect(code(() => openDatabase(junk))).toBe('E_DB');
  });
});
