/**
 * One process per workspace folder. Opening a workspace creates
 * `workspace.lock` with the exclusive `wx` flag, holding who opened it; closing
 * removes it. Each process caches state (the unlocked identity, merge caches)
 * that a second writer on the same folder would silently invalidate, so a
 * second open is refused with E_WORKSPACE_LOCKED while the holder lives.
 *
 * A lock is stale, and taken over, when it was written on this computer by a
 * process that no longer runs (`process.kill(pid, 0)` says ESRCH, or on Linux
 * the process is a zombie: a crash, a SIGKILL), or by this very pid while this process does not hold the folder (a
 * pid reused after a restart, as in containers), or when it cannot be read and
 * is older than {@link GARBAGE_GRACE_MS}. A lock from another computer (a
 * shared or network folder) is never taken over: its process cannot be checked
 * from here. A lock whose pid was reused by an unrelated live process is
 * refused like a live one; its message names the pid, and deleting the file
 * clears it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReviewDeskError } from '../../shared/errors.ts';

/** The lock file inside a workspace folder. */
export const LOCK_FILE = 'workspace.lock';
/** An unreadable lock younger than this may still be being written; it is waited for, not taken over. */
export const GARBAGE_GRACE_MS = 5_000;
const POLL_MS = 100;
const GUARD_SUFFIX = '.takeover';

/** What `workspace.lock` holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  appVersion: string;
}

export interface WorkspaceLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file (once; later calls do nothing). */
  release(): void;
}

/** Folders (real paths) this process holds a lock on. */
const held = new Set<string>();

type Seen =
  { kind: 'missing' } | { kind: 'valid'; info: LockInfo; file: FileId; ageMs: number } | { kind: 'garbage'; file: FileId; ageMs: number };

/** What tells one lock file from another that replaced it: inode, modification time and content. */
interface FileId {
  ino: bigint;
  mtimeNs: bigint;
  bytes: Buffer;
}

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

function parseLock(bytes: Buffer): LockInfo | null {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<LockInfo> | null;
    if (!v || typeof v !== 'object') return null;
    if (!Number.isSafeInteger(v.pid) || v.pid! <= 0 || typeof v.hostname !== 'string' || !v.hostname) return null;
    return {
      pid: v.pid!,
      hostname: v.hostname,
      startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
      appVersion: typeof v.appVersion === 'string' ? v.appVersion : '',
    };
  } catch {
    return null;
  }
}

/** The lock file as it is now, read through one descriptor (content and inode of the same file). */
function readLock(path: string): Seen {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    const bytes = Buffer.alloc(Math.min(Number(st.size), 64 * 1024));
    const n = bytes.length ? readSync(fd, bytes, 0, bytes.length, 0) : 0;
    const content = bytes.subarray(0, n);
    const ageMs = Date.now() - Number(st.mtimeMs);
    const file: FileId = { ino: st.ino, mtimeNs: st.mtimeNs, bytes: content };
    const info = parseLock(content);
    return info ? { kind: 'valid', info, file, ageMs } : { kind: 'garbage', file, ageMs };
  } finally {
    closeSync(fd);
  }
}

/** Whether a process with this pid runs on this computer (EPERM: it runs, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return errnoCode(e) !== 'ESRCH';
  }
  return !isZombie(pid);
}

/** Linux: a killed process its parent has not reaped yet still answers kill(pid, 0), but runs no more. */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // `pid (comm) S …`: the state follows the last ')' (comm itself may hold parentheses).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Whether a readable lock still stands for a live holder. */
function isLive(info: LockInfo, key: string): boolean {
  if (info.hostname !== hostname()) return true;
  if (info.pid === process.pid) return held.has(key);
  return processAlive(info.pid);
}

/** Creates `path` exclusively (`wx`) holding `content`; false when it exists already. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } catch (e) {
    closeSync(fd);
    unlinkSync(path);
    throw e;
  }
  closeSync(fd);
  return true;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
  }
}

function sameFile(a: FileId, b: FileId): boolean {
  return a.ino === b.ino && a.mtimeNs === b.mtimeNs && a.bytes.equals(b.bytes);
}

/**
 * Removes the stale lock `seen`, and only it. Two processes may judge the same
 * lock stale at once; if both simply deleted "the lock" and created their own,
 * the slower one could delete the faster one's fresh lock. So a takeover
 * happens only under a short-lived guard file (`workspace.lock.takeover`,
 * created with `wx`), and under it the lock must still be the very file judged
 * stale (inode, modification time, content) to be removed: a live lock is
 * never touched. 'busy': another process holds the guard; look again shortly.
 */
function removeStale(path: string, seen: Exclude<Seen, { kind: 'missing' }>): 'removed' | 'changed' | 'busy' {
  const guard = `${path}${GUARD_SUFFIX}`;
  const token = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}\n`;
  if (!createExclusive(guard, token)) {
    // A guard is held for a moment; an old one was left by a process killed in the middle of a takeover.
    try {
      if (Date.now() - statSync(guard).mtimeMs > GARBAGE_GRACE_MS) unlinkQuietly(guard);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
    return 'busy';
  }
  try {
    const now = readLock(path);
    if (now.kind === 'missing' || !sameFile(now.file, seen.file)) return 'changed';
    unlinkQuietly(path);
    return 'removed';
  } finally {
    let mine = false;
    try {
      mine = readFileSync(guard, 'utf8') === token;
    } catch {
      // broken as stale by another process meanwhile: nothing of ours left to remove
    }
    if (mine) unlinkQuietly(guard);
  }
}

function refuse(info: LockInfo | null): ReviewDeskError {
  return new ReviewDeskError('E_WORKSPACE_LOCKED', { pid: info?.pid ?? '?', hostname: info?.hostname ?? '?' });
}

/**
 * Takes the single-writer lock on the (existing) folder `dataDir`.
 * E_WORKSPACE_LOCKED while another live process — or this one, through an
 * earlier open not yet closed — holds it.
 */
export async function acquireWorkspaceLock(dataDir: string, appVersion: string): Promise<WorkspaceLock> {
  const key = realpathSync(dataDir);
  const path = join(key, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), appVersion };
  const deadline = Date.now() + GARBAGE_GRACE_MS + 2_000;
  for (let round = 1; ; round++) {
    if (held.has(key)) throw refuse(readOrSelf(path, info));
    if (createExclusive(path, `${JSON.stringify(info)}\n`)) break;
    const seen = readLock(path);
    if (seen.kind === 'missing') continue; // released between our two looks
    if (seen.kind === 'valid' && isLive(seen.info, key)) throw refuse(seen.info);
    // Stale, or unreadable. A young unreadable lock may be being written this very moment: look again, do not take it.
    const young = seen.kind === 'garbage' && seen.ageMs < GARBAGE_GRACE_MS;
    const outcome = young ? 'busy' : removeStale(path, seen);
    // Give up rather than spin when racing processes keep replacing it, or it never becomes readable.
    const giveUp = outcome === 'busy' ? Date.now() > deadline : round > 1_000;
    if (giveUp) throw refuse(seen.kind === 'valid' ? seen.info : null);
    if (outcome === 'busy') await sleep(young ? POLL_MS : 10);
  }
  held.add(key);
  let released = false;
  return {
    path,
    info,
    release() {
      if (released) return;
      released = true;
      held.delete(key);
      // Only our own lock: never one that replaced it.
      const seen = readLock(path);
      if (seen.kind === 'valid' && sameHolder(seen.info, info)) unlinkQuietly(path);
    },
  };
}

function sameHolder(a: LockInfo, b: LockInfo): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

function readOrSelf(path: string, self: LockInfo): LockInfo {
  const seen = readLock(path);
  return seen.kind === 'valid' ? seen.info : self;
}
