/** The workspace database: one test per migration, and the refusals around them. */
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import { migrate, openDatabase } from '../../electron/db/open.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations/index.ts';
import { openWorkspace } from '../../electron/workspace/open.ts';
import { createIdentity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const dir = tempDir('rd-db-');
const MERGE_TABLES = ['consensus', 'consensus_audit', 'merge_files', 'merge_ledger'];
const VISIT_TABLES = ['site_visits', 'visit_audit', 'visit_items', 'visit_photos'];
const LATER_TABLES = [...MERGE_TABLES, 'export_set_aside', ...VISIT_TABLES];
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
      expect(tables.map((t) => t.name).filter((n) => !LATER_TABLES.includes(n))).toEqual([
        'application_entries',
        'audit',
        'conflicts',
        'criterion_entries',
        'exports',
        'identity',
        'packages',
        'secretariat_pins',
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
    expect(migrate(v1, MIGRATIONS.slice(0, 2))).toBe(2);
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

  it('0003-exports gives exports a state (old rows are done), and keeps set-aside files with their reason, strict', () => {
    const path = fresh();
    const v2 = new Database(path);
    migrate(v2, MIGRATIONS.slice(0, 2));
    v2.prepare(
      `INSERT INTO packages (id, file_name, stored_path, sha256, size, round_id, signer_fingerprint, deadline, manifest, rubric, imported_at)
       VALUES ('p1', 'p.rpkg', 'packages/p1.rpkg', ?, 1, 'R1', 'f', 't', '{}', '{}', 't')`,
    ).run('a'.repeat(64));
    const insert = (state?: string): void => {
      v2.prepare(
        `INSERT INTO exports (package_id, revision, at, file_name, sha256, size, complete, last_audit_id${state ? ', state' : ''})
         VALUES ('p1', ?, 't', 'f.rsb', ?, 10, 1, 0${state ? ', ?' : ''})`,
      ).run(...[state ? 2 : 1, 'b'.repeat(64), ...(state ? [state] : [])]);
    };
    insert();
    expect(migrate(v2, MIGRATIONS.slice(0, 3))).toBe(3);
    // A row from before the migration was inserted after its file was complete.
    expect(v2.prepare("SELECT state FROM exports WHERE package_id = 'p1' AND revision = 1").pluck().get()).toBe('done');
    insert('reserved');
    expect(() => v2.prepare("UPDATE exports SET state = 'maybe' WHERE revision = 2").run()).toThrow(/CHECK/);
    const sql = v2.prepare("SELECT sql FROM sqlite_schema WHERE name = 'export_set_aside'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT/);
    const aside = v2.prepare(
      'INSERT INTO export_set_aside (file_name, stored_name, package_id, revision, sha256, size, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    aside.run('x-r3.rsb', 'x-r3.rsb', 'p1', 3, 'c'.repeat(64), 5, 'unrecorded', 't');
    expect(() => aside.run('x-r3.rsb', 'x-r3.rsb', 'p1', 3, 'c'.repeat(64), 5, 'unrecorded', 't')).toThrow(/UNIQUE/);
    expect(() => aside.run('y.rsb', 'y.rsb', null, null, 'c'.repeat(64), 5, 'lost', 't')).toThrow(/CHECK/);
    expect(() => aside.run('y.rsb', 'y.rsb', 'nope', null, 'c'.repeat(64), 5, 'unrecorded', 't')).toThrow(/FOREIGN KEY|constraint/);
    expect(() => aside.run('y.rsb', 'y.rsb', null, 0, 'c'.repeat(64), 5, 'unrecorded', 't')).toThrow(/CHECK/);
    expect(() => aside.run('y.rsb', 'y.rsb', null, null, 'c'.repeat(64), 'five', 'unrecorded', 't')).toThrow(/cannot store TEXT/);
    v2.close();
  });

  it('0004-secretariat-pins moves the round pins into one pin per key (oldest time, marked round-pin) and drops round_pins', async () => {
    const a = (await createIdentity({ role: 'secretariat', displayName: '秘书处甲', organisation: '某 创新中心', demo: true })).card;
    const b = (await createIdentity({ role: 'secretariat', displayName: '秘书处乙', organisation: '某创新中心', demo: true })).card;
    const c = (await createIdentity({ role: 'secretariat', displayName: '秘书处丙', organisation: '', demo: true })).card;
    const v2 = new Database(fresh());
    migrate(v2, MIGRATIONS.slice(0, 2));
    const pin = v2.prepare('INSERT INTO round_pins (round_id, fingerprint, card, pinned_at, replaced_fingerprint) VALUES (?, ?, ?, ?, ?)');
    // One key pinned for two rounds, another key for a third round claiming the same organisation, and a card without one.
    pin.run('R2', a.fingerprint, JSON.stringify(a), '2026-03-02T00:00:00.000Z', null);
    pin.run('R1', a.fingerprint, JSON.stringify(a), '2026-03-01T00:00:00.000Z', null);
    pin.run('R3', b.fingerprint, JSON.stringify(b), '2026-03-03T00:00:00.000Z', a.fingerprint);
    pin.run('R4', c.fingerprint, JSON.stringify(c), '2026-03-04T00:00:00.000Z', null);
    expect(migrate(v2, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(v2.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'round_pins'").pluck().get()).toBe(0);
    const rows = v2
      .prepare(
        'SELECT fingerprint, organisation, display_name AS name, organisation_key AS key, pinned_at AS at, how FROM secretariat_pins ORDER BY pinned_at',
      )
      .all();
    expect(rows).toEqual([
      {
        fingerprint: a.fingerprint,
        organisation: '某 创新中心',
        name: '秘书处甲',
        key: '某创新中心',
        at: '2026-03-01T00:00:00.000Z',
        how: 'round-pin',
      },
      {
        fingerprint: b.fingerprint,
        organisation: '某创新中心',
        name: '秘书处乙',
        key: '某创新中心',
        at: '2026-03-03T00:00:00.000Z',
        how: 'round-pin',
      },
      { fingerprint: c.fingerprint, organisation: '', name: '秘书处丙', key: '', at: '2026-03-04T00:00:00.000Z', how: 'round-pin' },
    ]);
    const table = v2.prepare("SELECT sql FROM sqlite_schema WHERE name = 'secretariat_pins'").pluck().get() as string;
    expect(table).toMatch(/\)\s*STRICT/);
    const insert = v2.prepare(
      "INSERT INTO secretariat_pins (fingerprint, organisation, display_name, organisation_key, card, pinned_at, how) VALUES (?, '', '', '', '{}', 't', ?)",
    );
    expect(() => insert.run(a.fingerprint, 'confirmed')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('AAAA-BBBB-CCCC-DDDD', 'trusted')).toThrow(/CHECK/);
    expect(v2.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").pluck().all()).toContain(
      'secretariat_pins_by_organisation',
    );
    v2.close();
  });

  it('0005-consensus-eligibility adds the panel decision on eligibility: old records undecided (NULL), only 0 or 1 stored', () => {
    const path = fresh();
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      'INSERT INTO consensus (round_id, application_id, score, grade_id, recommendation, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run('R1', 'A1', 80, null, null, '同意', 'sec', 't');
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toBe(5);
    expect(db.prepare("SELECT text, eligible FROM consensus WHERE application_id = 'A1'").get()).toEqual({ text: '同意', eligible: null });
    const put = db.prepare(
      'INSERT INTO consensus (round_id, application_id, score, grade_id, recommendation, text, recorded_by, recorded_at, eligible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    put.run('R1', 'A2', null, null, null, '', 'sec', 't', 0);
    expect(() => put.run('R1', 'A3', null, null, null, '', 'sec', 't', 2)).toThrow(/CHECK/);
    expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get('consensus')).toMatch(/STRICT/);
    db.close();
  });

  it('0006-additional-outcomes keeps every entry (none chosen: []) and audit row with its id, and audits the new field', () => {
    const v4 = new Database(fresh());
    v4.pragma('foreign_keys = ON');
    migrate(v4, MIGRATIONS.slice(0, 5));
    v4.prepare(
      `INSERT INTO packages (id, file_name, stored_path, sha256, size, round_id, signer_fingerprint, deadline, manifest, rubric, imported_at)
       VALUES ('p1', 'p.rpkg', 'packages/p1.rpkg', ?, 1, 'R1', 'f', 't', '{}', '{}', 't')`,
    ).run('a'.repeat(64));
    v4.prepare(
      "INSERT INTO application_entries (package_id, application_id, opinion, recommendation, updated_at) VALUES ('p1', 'A001', '同意', 'select', 't1')",
    ).run();
    const audit = v4.prepare(
      'INSERT INTO audit (id, package_id, application_id, criterion_id, field, old_value, new_value, at, restored_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    audit.run(7, 'p1', 'A001', 'D1.1', 'score', null, '5', 't1', null);
    audit.run(8, 'p1', 'A001', 'D1.1', 'score', '5', '3', 't2', null);
    audit.run(9, 'p1', 'A001', 'D1.1', 'score', '3', '5', 't3', 7);
    expect(() => audit.run(10, 'p1', 'A001', null, 'additionalRecommendations', '[]', '["national-bid"]', 't', null)).toThrow(/CHECK/);
    const before = v4.prepare('SELECT * FROM audit ORDER BY id').all();

    expect(migrate(v4, MIGRATIONS.slice(0, 6))).toBe(6);
    // The entry of version 5 survives with no additional outcome, and every audit row with its id and restore link.
    expect(v4.prepare('SELECT opinion, recommendation, additional_recommendations AS extra FROM application_entries').get()).toEqual({
      opinion: '同意',
      recommendation: 'select',
      extra: '[]',
    });
    expect(v4.prepare('SELECT * FROM audit ORDER BY id').all()).toEqual(before);
    audit.run(10, 'p1', 'A001', null, 'additionalRecommendations', '[]', '["national-bid"]', 't4', null);
    expect(() => audit.run(11, 'p1', 'A001', null, 'colour', null, '1', 't', null)).toThrow(/CHECK/);
    expect(() => audit.run(11, 'p1', 'A001', null, 'score', null, '1', 't', 99)).toThrow(/FOREIGN KEY/);
    expect(() => audit.run(11, 'nope', 'A001', null, 'score', null, '1', 't', null)).toThrow(/FOREIGN KEY/);
    // The column holds a JSON array, as strictly as the table's other columns hold their types.
    const extra = v4.prepare("UPDATE application_entries SET additional_recommendations = ? WHERE application_id = 'A001'");
    extra.run('["national-bid"]');
    expect(() => extra.run('national-bid')).toThrow(/CHECK/);
    expect(() => extra.run('{"id":"national-bid"}')).toThrow(/CHECK/);
    expect(() => extra.run(null)).toThrow(/NOT NULL/);
    for (const name of ['audit', 'application_entries']) {
      const sql = v4.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;
      expect(sql, name).toMatch(/\)\s*STRICT/);
    }
    expect(v4.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit'").pluck().get()).toMatch(/REFERENCES "?audit"? \(id\)/);
    expect(v4.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit' ORDER BY name").pluck().all()).toEqual([
      'audit_by_application',
      'audit_by_package',
    ]);
    expect(v4.pragma('foreign_key_check')).toEqual([]);
    // Deleting the package still takes its entries and audit rows with it.
    v4.prepare("DELETE FROM packages WHERE id = 'p1'").run();
    expect(v4.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(0);
    v4.close();
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
