/**
 * What a workspace folder keeps at rest, and what may be read of it before
 * the reviewer unlocks it.
 *
 * - `workspace.sqlite` (and its `-wal`): every score, comment, opinion and
 *   recusal, encrypted under the workspace key (electron/db/open.ts). It is
 *   created only when the identity is, so nothing confidential is ever
 *   written before there is a key to write it under.
 * - `workspace.key`: that key, a random 256 bits, sealed the way the
 *   identity's secret keys are — by the OS keychain (safeStorage) where it
 *   really protects data, else by the passphrase with age's scrypt
 *   encryption, so `age -d workspace.key` opens it with the passphrase.
 * - `preferences.json`: the little the unlock and first-run screens need —
 *   the language and the identity's public card with its sealed secret keys —
 *   and nothing confidential.
 * - `folder.lock`: an empty SQLite file whose EXCLUSIVE lock this process
 *   holds from open to close (lock.ts), since the database itself
 *   cannot be opened before unlock.
 *
 * Files are 0600 and folders 0700. A workspace from before encryption (a
 * plaintext `workspace.sqlite`) has its identity and language copied to the
 * preferences when it opens, and is encrypted on its first unlock.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { Card } from '../../shared/card.ts';
import { ReviewDeskError, isDiskFullError, isReviewDeskError } from '../../shared/errors.ts';
import type { Locale as LocaleName } from '../../shared/i18n-text.ts';
import { Locale, Protection } from '../../shared/ipc/contract.ts';
import { decryptBytes, encryptBytes } from '../crypto/age/index.ts';
import { getIdentityRow, insertIdentityRow, type IdentityRow } from '../db/identity.ts';
import { LATEST_VERSION } from '../db/migrations/index.ts';
import { connect, databaseError, encryptCopy, isPlaintextDatabase, KEY_BYTES, openDatabase } from '../db/open.ts';
import { checkCard } from '../keys/card.ts';
import type { SecretStore } from './host.ts';

export const DATABASE_FILE = 'workspace.sqlite';
export const KEY_FILE = 'workspace.key';
export const PREFERENCES_FILE = 'preferences.json';

const Preferences = z.object({
  locale: Locale.optional(),
  identity: z.object({ card: Card, protection: Protection, sealed: z.base64(), createdAt: z.string() }).strict().optional(),
});
type Preferences = z.infer<typeof Preferences>;

/**
 * Writes `bytes` to `path` (0600) through a temporary file, fsync and rename:
 * the old content or the new, never half; E_DISK_FULL with nothing left behind.
 */
export function writePrivateFileAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.partial`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (isDiskFullError(e)) throw new ReviewDeskError('E_DISK_FULL', { what: basename(path) }, { cause: e });
    throw e;
  }
}

function readPreferences(dataDir: string): Preferences {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PREFERENCES_FILE), 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return {};
    throw new ReviewDeskError('E_PREFERENCES', { reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  try {
    const prefs = Preferences.parse(JSON.parse(text));
    if (prefs.identity) checkCard(prefs.identity.card, PREFERENCES_FILE);
    return prefs;
  } catch (e) {
    if (isReviewDeskError(e)) throw new ReviewDeskError('E_PREFERENCES', { reason: e.localized('en') }, { cause: e });
    throw new ReviewDeskError('E_PREFERENCES', { reason: e instanceof Error ? e.message.slice(0, 200) : String(e) }, { cause: e });
  }
}

/** How the key is to be sealed or opened: the identity's protection, with its passphrase or the host's keychain. */
export type KeySeal =
  { protection: 'passphrase'; passphrase: string; scryptLogN: number } | { protection: 'safeStorage'; secrets: SecretStore };

/** The text sealed in `workspace.key`: a comment line for whoever opens it with `age -d`, then the key in hex. */
function keyText(key: Buffer, fingerprint: string): string {
  return `# ReviewDesk workspace key of ${fingerprint}: SQLCipher 4 raw key of workspace.sqlite (PRAGMA key = "x'<key>'")\n${key.toString('hex')}\n`;
}

export async function sealWorkspaceKey(key: Buffer, fingerprint: string, seal: KeySeal): Promise<Buffer> {
  const text = keyText(key, fingerprint);
  if (seal.protection === 'safeStorage') return seal.secrets.encrypt(text);
  return encryptBytes(Buffer.from(text), { passphrase: seal.passphrase, scryptLogN: seal.scryptLogN });
}

/** Opens `workspace.key` bytes; E_PASSPHRASE for a wrong passphrase, E_IDENTITY when the keychain refuses. */
export async function unsealWorkspaceKey(sealed: Buffer, seal: KeySeal): Promise<Buffer> {
  let text: string;
  if (seal.protection === 'safeStorage') {
    try {
      text = seal.secrets.decrypt(sealed);
    } catch (e) {
      throw new ReviewDeskError(
        'E_IDENTITY',
        { path: KEY_FILE, reason: `the system keychain cannot open the workspace key (${e instanceof Error ? e.message : String(e)})` },
        { cause: e },
      );
    }
  } else {
    text = (await decryptBytes(sealed, [{ passphrase: seal.passphrase }])).plaintext.toString('utf8');
  }
  const hex = text.split('\n').find((l) => /^[0-9a-f]{64}$/.test(l));
  if (!hex) throw new ReviewDeskError('E_IDENTITY', { path: KEY_FILE, reason: 'the workspace key is incomplete' });
  return Buffer.from(hex, 'hex');
}

/** The workspace folder's files and, once unlocked, its database connection. */
export class WorkspaceStore {
  private prefs: Preferences;
  private database: Db | null = null;

  constructor(
    readonly dataDir: string,
    private readonly nativeBinding?: string,
  ) {
    this.prefs = readPreferences(dataDir);
    // What an encryption cut short leaves: a partial copy of the plaintext, never the workspace itself.
    for (const suffix of ['', '-journal']) rmSync(`${this.path(DATABASE_FILE)}.encrypting${suffix}`, { force: true });
    this.adoptPlaintextWorkspace();
  }

  private path(name: string): string {
    return join(this.dataDir, name);
  }

  /** Whether the database is open (the identity unlocked, or with the keychain, opened at start). */
  get isOpen(): boolean {
    return this.database !== null;
  }

  /** The database; E_NO_IDENTITY before first-run setup, E_LOCKED until unlock. */
  get db(): Db {
    if (this.database) return this.database;
    throw new ReviewDeskError(this.prefs.identity ? 'E_LOCKED' : 'E_NO_IDENTITY');
  }

  get locale(): LocaleName | undefined {
    return this.prefs.locale;
  }

  setLocale(locale: LocaleName): void {
    this.save({ ...this.prefs, locale });
  }

  /** The identity's public card and sealed secret keys, or null before first-run setup. */
  get identity(): IdentityRow | null {
    const i = this.prefs.identity;
    return i ? { card: i.card, protection: i.protection, sealed: Buffer.from(i.sealed, 'base64'), createdAt: i.createdAt } : null;
  }

  private save(prefs: Preferences): void {
    writePrivateFileAtomic(this.path(PREFERENCES_FILE), `${JSON.stringify(prefs, null, 2)}\n`);
    this.prefs = prefs;
  }

  /**
   * A plaintext `workspace.sqlite` (from before encryption) whose identity the
   * preferences do not know yet: its card, sealed keys and language are
   * copied there, so the unlock screen can show them; nothing else is read.
   */
  private adoptPlaintextWorkspace(): void {
    const file = this.path(DATABASE_FILE);
    if (this.prefs.identity || !isPlaintextDatabase(file)) return;
    let db: Db | undefined;
    try {
      db = connect(file, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION) throw new ReviewDeskError('E_DB_NEWER', { found: version, supported: LATEST_VERSION });
      if (version < 1) return;
      const row = getIdentityRow(db);
      const locale = Locale.safeParse(
        (db.prepare("SELECT value FROM settings WHERE key = 'locale'").get() as { value: string } | undefined)?.value,
      );
      if (!row && !locale.success) return;
      this.save({
        ...this.prefs,
        ...(locale.success && !this.prefs.locale ? { locale: locale.data } : {}),
        ...(row
          ? {
              identity: {
                card: row.card,
                protection: row.protection,
                sealed: row.sealed.toString('base64'),
                createdAt: row.createdAt,
              },
            }
          : {}),
      });
    } catch (e) {
      throw databaseError(e, false);
    } finally {
      db?.close();
    }
  }

  /**
   * Opens the database with the key sealed in `workspace.key` (a key made
   * and sealed now when a plaintext workspace is met for the first time,
   * which is then encrypted). The identity must already be known.
   */
  async unlock(seal: KeySeal): Promise<void> {
    if (this.database) return;
    const identity = this.identity;
    if (!identity) throw new ReviewDeskError('E_NO_IDENTITY');
    const keyFile = this.path(KEY_FILE);
    let key: Buffer;
    if (existsSync(keyFile)) {
      key = await unsealWorkspaceKey(readFileSync(keyFile), seal);
    } else if (isPlaintextDatabase(this.path(DATABASE_FILE))) {
      key = randomBytes(KEY_BYTES);
      writePrivateFileAtomic(keyFile, await sealWorkspaceKey(key, identity.card.fingerprint, seal));
    } else {
      throw new ReviewDeskError('E_IDENTITY', { path: KEY_FILE, reason: 'the workspace key is missing' });
    }
    this.database = this.openKeyed(key);
  }

  /**
   * First run: a new key, sealed as `seal` says, and a new encrypted database
   * holding `row`; the preferences name the identity last, so an interrupted
   * setup is a first run again.
   */
  async create(row: IdentityRow, seal: KeySeal): Promise<void> {
    if (this.prefs.identity) throw new ReviewDeskError('E_IDENTITY_EXISTS');
    const key = randomBytes(KEY_BYTES);
    writePrivateFileAtomic(this.path(KEY_FILE), await sealWorkspaceKey(key, row.card.fingerprint, seal));
    const file = this.path(DATABASE_FILE);
    // An encrypted database without an identity in the preferences is what an interrupted setup leaves:
    // its key was just replaced, so it can never be opened again. Kept aside, never deleted.
    if (existsSync(file) && !isPlaintextDatabase(file)) {
      const aside = this.path(`${DATABASE_FILE}.interrupted-${Date.now()}`);
      renameSync(file, aside);
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    }
    const db = this.openKeyed(key);
    try {
      if (!getIdentityRow(db)) insertIdentityRow(db, row);
      this.save({
        ...this.prefs,
        identity: { card: row.card, protection: row.protection, sealed: row.sealed.toString('base64'), createdAt: row.createdAt },
      });
    } catch (e) {
      db.close();
      throw e;
    }
    this.database = db;
  }

  /** Opens the encrypted database, encrypting a plaintext one first. */
  private openKeyed(key: Buffer): Db {
    const file = this.path(DATABASE_FILE);
    const binding = this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
    if (isPlaintextDatabase(file)) this.encryptInPlace(file, key);
    return openDatabase(file, { key, ...binding });
  }

  /**
   * Encrypts the plaintext database at `file`: an encrypted copy beside it,
   * switched in by rename (the old file or the new, whatever happens), then
   * the old one's WAL and shared-memory files removed.
   */
  private encryptInPlace(file: string, key: Buffer): void {
    const tmp = `${file}.encrypting`;
    for (const suffix of ['', '-journal']) rmSync(tmp + suffix, { force: true });
    try {
      encryptCopy(file, tmp, key, this.nativeBinding);
      const fd = openSync(tmp, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    } catch (e) {
      for (const suffix of ['', '-journal']) rmSync(tmp + suffix, { force: true });
      throw databaseError(e, false);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    const dir = openSync(this.dataDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }

  /** Closes the database (twice is harmless). */
  close(): void {
    if (this.database?.open) this.database.close();
    this.database = null;
  }
}
