/**
 * One process per workspace folder. Each process caches state (the unlocked
 * identity, decrypted packages, merge caches) that a second writer on the
 * same folder would silently invalidate, so the lock is SQLite's own: the
 * workspace database runs in EXCLUSIVE locking mode (electron/db/open.ts), its
 * connection takes the file lock when it opens and keeps it until it closes,
 * and a second open — another process, or this one before close() — is
 * refused with E_WORKSPACE_LOCKED. The operating system drops the lock when
 * the process ends, however it ends (a crash, SIGKILL, a power cut), so no
 * lock is ever left stale and nothing has to guess whether its holder lives.
 *
 * `workspace.lock` only says who holds the folder, for that message; it
 * decides nothing. The holder writes it once the database lock is its own and
 * removes it before letting go.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds a workspace folder (informational: the database lock decides). */
export const HOLDER_FILE = 'workspace.lock';

export interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
  appVersion: string;
}

/** Records this process as the holder of `dataDir`; the returned function removes the record if it is still ours. */
export function recordHolder(dataDir: string, appVersion: string): () => void {
  const path = join(dataDir, HOLDER_FILE);
  const text = `${JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), appVersion })}\n`;
  try {
    writeFileSync(path, text, { mode: 0o600 });
  } catch (e) {
    // On a full disk the file is created but stays empty: a record of nobody, left behind.
    rmSync(path, { force: true });
    throw e;
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
    } catch {
      // Already gone: nothing of ours to remove.
    }
  };
}

/** The holder named in `dataDir`'s record, for the refusal's message ('?' where it cannot be read). */
export function holderOf(dataDir: string): { pid: number | string; hostname: string } {
  try {
    const h = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Partial<Holder>;
    return {
      pid: Number.isSafeInteger(h.pid) ? h.pid! : '?',
      hostname: typeof h.hostname === 'string' && h.hostname ? h.hostname : '?',
    };
  } catch {
    return { pid: '?', hostname: '?' };
  }
}
