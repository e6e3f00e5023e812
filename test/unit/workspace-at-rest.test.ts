/**
 * What a workspace folder holds at rest, read byte by byte: after a review
 * session none of its comments, opinions, recusal reasons or applicant names
 * appear in any file (the database's -wal included, while open and after
 * close), no file is a plaintext SQLite database, files are 0600 and folders
 * 0700. Locked, the workspace serves the unlock and first-run screens and
 * nothing else; the keychain path opens by itself. A workspace from before
 * encryption is encrypted on its first unlock. Real files, real SQLCipher
 * pages, real age scrypt (the `age` CLI opens the key file).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/card.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { DATABASE_FILE, KEY_FILE, LOCK_FILE, openWorkspace, PREFERENCES_FILE, type Workspace } from '../../electron/workspace/open.ts';
import { unsealWorkspaceKey, type KeySeal } from '../../electron/workspace/store.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, realKeychain, testHost, type RoundFixture } from '../helpers/workspace.ts';
import { pick } from '../../shared/i18n-text.ts';

const root = tempDir('rd-at-rest-');
const PASS = 'at rest passphrase';
const OPTIONS = { scryptLogN: 10 };
const repo = join(import.meta.dirname, '../..');

/** Strings typed in the session (each unique enough that a hit cannot be chance). */
const TYPED = {
  comment: '评语甲乙丙-COMMENT-7f3a9c',
  replaced: '已被替换的旧评语-REPLACED-51be02',
  opinion: '综合意见：建议推荐-OPINION-c0ffee',
  recusal: '回避理由：曾任该单位顾问-RECUSAL-9d1e44',
};

async function code(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'no error',
    (e: unknown) => (isReviewDeskError(e) ? e.code : `not a ReviewDeskError: ${String(e)}`),
  );
}

/** Every file of the folder with its bytes. */
function files(dir: string): { name: string; bytes: Buffer }[] {
  return listTree(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
}

/** The confidential strings found in any file of `dir`, as "file: string". */
function leaks(dir: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const { name, bytes } of files(dir)) {
    for (const s of secrets) {
      for (const enc of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(s, enc))) found.push(`${name}: ${s} (${enc})`);
    }
  }
  return found;
}

function checkAtRest(dir: string, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(6);
  expect(leaks(dir, secrets)).toEqual([]);
  for (const { name, bytes } of files(dir)) expect(bytes.subarray(0, 16).toString('latin1'), name).not.toBe('SQLite format 3\0');
  for (const f of ['', ...listTree(dir)]) {
    const st = statSync(join(dir, f));
    expect((st.mode & 0o777).toString(8), `mode of ${f || '(folder)'}`).toBe(st.isDirectory() ? '700' : '600');
  }
}

/**
 * Turns an encrypted workspace back into one as ReviewDesk kept it before encryption: the same schema
 * and rows in a plaintext workspace.sqlite (0644), the identity and language only in the database, no
 * preferences, key or lock file.
 */
async function makePlaintext(dir: string, seal: KeySeal): Promise<void> {
  const key = await unsealWorkspaceKey(readFileSync(join(dir, KEY_FILE)), seal);
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = ''`);
  db.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'en') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  db.close();
  for (const f of [KEY_FILE, PREFERENCES_FILE, LOCK_FILE]) rmSync(join(dir, f));
  chmodSync(join(dir, DATABASE_FILE), 0o644);
  expect(readFileSync(join(dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
}

describe('a workspace at rest', () => {
  let fx: RoundFixture;
  let card: Card;
  let packageId = '';
  let names: string[] = [];
  const dataDir = join(root, 'ws');
  let ws: Workspace;

  beforeAll(async () => {
    fx = await demoRound(join(root, 'round'));
  }, 120_000);

  it('writes nothing confidential before first-run setup, and no database at all', async () => {
    ws = await openWorkspace(dataDir, testHost(), OPTIONS);
    await ws.invoke('settings:set', { locale: 'en' });
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, PREFERENCES_FILE), 'utf8'))).toEqual({ locale: 'en' });
    expect(await code(ws.invoke('package:get', { packageId: '6f1c2f3e-1111-4222-8333-944455556666' }))).toBe('E_NO_IDENTITY');
  });

  it('keeps no comment, opinion, recusal reason or applicant name readable in any file, during and after a session', async () => {
    const state = await ws.invoke('identity:create', { displayName: '静态专家', organisation: '某大学', fields: [], passphrase: PASS });
    card = (state.identity as { card: Card }).card;
    const pkg = await packageFor(fx, card, join(root, 'p.rpkg'));
    packageId = (await importTrusted(ws, 'p.rpkg', new Uint8Array(readFileSync(pkg.path)))).packageId;
    const detail = await ws.invoke('package:acceptPledge', { packageId });
    names = detail.applications.flatMap((a) => [a.name['zh-CN'], pick(a.name, 'en'), a.organisation['zh-CN'], pick(a.organisation, 'en')]);
    const criterion = detail.rubrics[0]!.dimensions[0]!.criteria[0]!.id;
    const [a1, a2] = detail.applications.map((a) => ({ packageId, applicationId: a.id }));
    await ws.invoke('review:declareConflict', { ...a1!, status: 'none', reason: '' });
    await ws.invoke('review:declareConflict', { ...a2!, status: 'recused', reason: TYPED.recusal });
    await ws.invoke('review:edit', { ...a1!, edit: { field: 'comment', criterionId: criterion, value: TYPED.replaced } });
    await ws.invoke('review:edit', { ...a1!, edit: { field: 'comment', criterionId: criterion, value: TYPED.comment } });
    await ws.invoke('review:edit', { ...a1!, edit: { field: 'opinion', value: TYPED.opinion } });
    await ws.invoke('bundle:export', { packageId, allowIncomplete: true });
    await ws.invoke('settings:set', { lastLocation: `#/packages/${packageId}/A001` });
    const secrets = [...Object.values(TYPED), ...names];

    // Open: the edits are in the -wal, not yet checkpointed into the database file.
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(true);
    expect(statSync(join(dataDir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
    checkAtRest(dataDir, secrets);
    ws.close();
    checkAtRest(dataDir, secrets);
    // The lock is an empty file; the preferences say whose workspace it is and nothing more.
    expect(statSync(join(dataDir, LOCK_FILE)).size).toBe(0);
    const prefs = JSON.parse(readFileSync(join(dataDir, PREFERENCES_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(prefs).sort()).toEqual(['identity', 'locale']);
    expect(prefs.identity).toMatchObject({ card, protection: 'passphrase' });
  }, 60_000);

  it('opens the key file with the passphrase through the stock age CLI, and the key opens the database', async () => {
    // age reads a passphrase from the terminal only: script(1) gives it one.
    const r = spawnSync('script', ['-qec', `age -d ${join(dataDir, KEY_FILE)}`, '/dev/null'], { input: `${PASS}\n`, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const hex = /\b([0-9a-f]{64})\b/.exec(r.stdout)?.[1];
    expect(hex).toBeDefined();
    const key = await unsealWorkspaceKey(readFileSync(join(dataDir, KEY_FILE)), {
      protection: 'passphrase',
      passphrase: PASS,
      scryptLogN: 10,
    });
    expect(key.toString('hex')).toBe(hex);
    const db = openDatabase(join(dataDir, DATABASE_FILE), { key });
    try {
      expect(db.prepare('SELECT opinion FROM application_entries WHERE opinion = ?').all(TYPED.opinion)).toHaveLength(1);
    } finally {
      db.close();
    }
    // Without the key, or with another, SQLite sees no database.
    const raw = new Database(join(dataDir, DATABASE_FILE));
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    raw.close();
    const wrong = Buffer.alloc(32, 7);
    expect(() => openDatabase(join(dataDir, DATABASE_FILE), { key: wrong })).toThrow(expect.objectContaining({ code: 'E_DB_KEY' }));
  });

  it('starts locked: serves the unlock screen and nothing else, refuses a wrong passphrase, opens with the right one', async () => {
    ws = await openWorkspace(dataDir, testHost(), OPTIONS);
    try {
      const state = await ws.invoke('app:state', {});
      expect(state).toMatchObject({ locale: 'en', lastLocation: null, packages: [], identity: { status: 'locked', card } });
      expect((await ws.invoke('settings:set', { locale: 'zh-CN' })).locale).toBe('zh-CN');
      expect((await ws.invoke('identity:card', {})).card).toEqual(card);
      const ref = { packageId, applicationId: 'A001' };
      const refused: [string, Promise<unknown>][] = [
        ['package:get', ws.invoke('package:get', { packageId })],
        ['review:get', ws.invoke('review:get', ref)],
        ['review:edit', ws.invoke('review:edit', { ...ref, edit: { field: 'opinion', value: 'x' } })],
        ['review:history', ws.invoke('review:history', { ...ref })],
        ['dossier:read', ws.invoke('dossier:read', { ...ref, path: 'dossiers/A001/x.pdf' })],
        ['bundle:validate', ws.invoke('bundle:validate', { packageId })],
        ['bundle:export', ws.invoke('bundle:export', { packageId })],
        ['merge:state', ws.invoke('merge:state', {})],
        ['settings:set lastLocation', ws.invoke('settings:set', { lastLocation: '#/x' })],
        ['identity:create', ws.invoke('identity:create', { displayName: '又一个', organisation: '', fields: [], passphrase: PASS })],
      ];
      for (const [what, p] of refused) expect(await code(p), what).toBe(what === 'identity:create' ? 'E_IDENTITY_EXISTS' : 'E_LOCKED');
      expect(await code(ws.invoke('identity:unlock', { passphrase: 'not the passphrase' }))).toBe('E_PASSPHRASE');
      expect(await code(ws.invoke('package:get', { packageId }))).toBe('E_LOCKED');
      const unlocked = await ws.invoke('identity:unlock', { passphrase: PASS });
      expect(unlocked).toMatchObject({ locale: 'zh-CN', lastLocation: `#/packages/${packageId}/A001`, identity: { status: 'unlocked' } });
      expect(unlocked.packages).toHaveLength(1);
      expect((await ws.invoke('review:get', ref)).opinion).toBe(TYPED.opinion);
    } finally {
      ws.close();
    }
  }, 60_000);

  const keychain = realKeychain();
  it('with a real keychain, opens the database at start by itself, encrypted all the same', async () => {
    const dir = join(root, 'keychain');
    const first = await openWorkspace(dir, testHost({ secrets: keychain }), OPTIONS);
    const state = await first.invoke('identity:create', { displayName: '钥匙串专家', organisation: '', fields: [], passphrase: null });
    const pkg = await packageFor(fx, (state.identity as { card: Card }).card, join(root, 'k.rpkg'));
    const id = (await importTrusted(first, 'k.rpkg', new Uint8Array(readFileSync(pkg.path)))).packageId;
    await first.invoke('package:acceptPledge', { packageId: id });
    await first.invoke('review:declareConflict', { packageId: id, applicationId: 'A001', status: 'none', reason: '' });
    await first.invoke('review:edit', { packageId: id, applicationId: 'A001', edit: { field: 'opinion', value: TYPED.opinion } });
    first.close();
    checkAtRest(dir, [...Object.values(TYPED).slice(2, 3), ...names]);

    const again = await openWorkspace(dir, testHost({ secrets: keychain }), OPTIONS);
    try {
      expect((await again.invoke('app:state', {})).identity).toMatchObject({ status: 'unlocked', protection: 'safeStorage' });
      expect((await again.invoke('review:get', { packageId: id, applicationId: 'A001' })).opinion).toBe(TYPED.opinion);
    } finally {
      again.close();
    }
    // Another keychain (another computer, another user) cannot: the workspace starts locked and says why on unlock.
    const elsewhere = await openWorkspace(dir, testHost({ secrets: realKeychain() }), OPTIONS);
    try {
      expect((await elsewhere.invoke('app:state', {})).identity).toMatchObject({ status: 'locked' });
      expect(await code(elsewhere.invoke('review:get', { packageId: id, applicationId: 'A001' }))).toBe('E_LOCKED');
      expect(await code(elsewhere.invoke('identity:unlock', { passphrase: '' }))).toBe('E_IDENTITY');
    } finally {
      elsewhere.close();
    }
  }, 60_000);

  it('encrypts a workspace from before encryption on its first unlock, its -wal included, and removes the plaintext', async () => {
    // A plaintext workspace as ReviewDesk kept it before: the same schema and rows, the identity and the
    // language in the database, no preferences or key file, 0644, and its last commits still in the -wal.
    const dir = join(root, 'legacy');
    execFileSync('cp', ['-r', dataDir, dir]);
    await makePlaintext(dir, { protection: 'passphrase', passphrase: PASS, scryptLogN: 10 });
    const late = '最后一条评语仍在WAL中-LATE-0a11ce';
    const child = [
      "const Database = require('better-sqlite3-multiple-ciphers');",
      `const db = new Database(${JSON.stringify(join(dir, DATABASE_FILE))});`,
      "db.pragma('journal_mode = WAL');",
      "db.prepare(\"INSERT INTO settings (key, value) VALUES ('locale', 'en') ON CONFLICT (key) DO UPDATE SET value = excluded.value\").run();",
      `db.prepare(${JSON.stringify("UPDATE application_entries SET opinion = ? WHERE opinion != ''")}).run(${JSON.stringify(late)});`,
      "process.kill(process.pid, 'SIGKILL');",
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', child], { cwd: repo });
    expect(r.signal, r.stderr.toString()).toBe('SIGKILL');
    expect(readFileSync(join(dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(readFileSync(join(dir, `${DATABASE_FILE}-wal`)).includes(Buffer.from(late))).toBe(true);

    const legacy = await openWorkspace(dir, testHost(), OPTIONS);
    try {
      // Before the unlock the plaintext is read for the identity and the language only, and left as it was.
      expect(await legacy.invoke('app:state', {})).toMatchObject({ locale: 'en', identity: { status: 'locked', card } });
      expect(readFileSync(join(dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(await code(legacy.invoke('identity:unlock', { passphrase: 'wrong passphrase' }))).toBe('E_PASSPHRASE');
      expect(existsSync(join(dir, KEY_FILE))).toBe(false);
      const unlocked = await legacy.invoke('identity:unlock', { passphrase: PASS });
      expect(unlocked.packages).toHaveLength(1);
      expect((await legacy.invoke('review:get', { packageId, applicationId: 'A001' })).opinion).toBe(late);
      expect(existsSync(join(dir, `${DATABASE_FILE}.encrypting`))).toBe(false);
      checkAtRest(dir, [...Object.values(TYPED), late, ...names]);
    } finally {
      legacy.close();
    }
    checkAtRest(dir, [...Object.values(TYPED), late, ...names]);
    // And it stays so: the next start is an ordinary locked start.
    const next = await openWorkspace(dir, testHost(), OPTIONS);
    try {
      await next.invoke('identity:unlock', { passphrase: PASS });
      expect((await next.invoke('review:get', { packageId, applicationId: 'A001' })).opinion).toBe(late);
    } finally {
      next.close();
    }
  }, 60_000);

  it('with the keychain, encrypts a workspace from before encryption at start, without asking anything', async () => {
    const dir = join(root, 'legacy-keychain');
    execFileSync('cp', ['-r', join(root, 'keychain'), dir]);
    await makePlaintext(dir, { protection: 'safeStorage', secrets: keychain });
    const ws = await openWorkspace(dir, testHost({ secrets: keychain }), OPTIONS);
    try {
      const state = await ws.invoke('app:state', {});
      expect(state).toMatchObject({ locale: 'en', identity: { status: 'unlocked', protection: 'safeStorage' } });
      expect(state.packages).toHaveLength(1);
      checkAtRest(dir, [TYPED.opinion, ...names]);
    } finally {
      ws.close();
    }
  }, 60_000);
});
