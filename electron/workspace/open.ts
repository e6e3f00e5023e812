/**
 * Opening a workspace: the data folder's lock, its store, the handler table
 * bound to it. Hosts (the Electron glue, the browser host, the tests) do
 *
 *     const ws = await openWorkspace(dataDir, host);
 *     const envelope = await ws.call(channel, input); // never throws
 *     …
 *     ws.close();
 */
import { chmodSync, existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ReviewDeskError, isDiskFullError, isReviewDeskError, type ErrorCode } from '../../shared/errors.ts';
import { isKnownErrorCode, type Channel, type Envelope, type Input, type Output } from '../../shared/ipc/contract.ts';
import { diskFull } from '../faults/checkpoint.ts';
import { unlockWithKeychain } from './unlock.ts';
import { createHandlers } from '../handlers/index.ts';
import { dispatch, type HandlerTable } from '../handlers/registry.ts';
import { Session, type Context, type WorkspaceOptions } from './context.ts';
import type { Host } from './host.ts';
import { BUNDLES_DIR, EXPORTS_DIR, INCOMING_DIR, PACKAGES_DIR, PHOTOS_DIR } from './layout.ts';
import { HOLDER_FILE, LOCK_FILE, lockFolder, recordHolder } from './lock.ts';
import { WorkspaceStore } from './store.ts';

export type { Context, WorkspaceOptions } from './context.ts';
export { HOLDER_FILE, LOCK_FILE } from './lock.ts';
export { DATABASE_FILE, KEY_FILE, PREFERENCES_FILE } from './store.ts';
export { BUNDLES_DIR, EXPORTS_DIR, INCOMING_DIR, PACKAGES_DIR } from './layout.ts';

/** An open workspace: its context, the handler table, and shortcuts to call it. */
export interface Workspace {
  readonly ctx: Context;
  readonly handlers: HandlerTable<Context>;
  /** `dispatch` through the table: what the hosts wire to IPC or HTTP. Never throws. */
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Typed call that throws the ReviewDeskError of a failed envelope (for Node-side callers and tests). */
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Closes the database, forgets the unlocked keys and decrypted packages, and releases the folder's lock. */
  close(): void;
}

/**
 * Opens a context without the handler table (see {@link openWorkspace}). It
 * holds the folder's lock: `releaseHolder()`, close the database, then
 * `releaseLock()`.
 */
export async function createContext(opts: { dataDir: string; host: Host; options?: WorkspaceOptions }): Promise<Context> {
  // What this open creates, so that a refused open of a new workspace takes it away again.
  const created = !existsSync(opts.dataDir);
  try {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw refusedOpen(opts.dataDir, created, e);
  }
  // A folder made before encryption (or by hand) may be open to others; what it holds is not.
  // (Not ours to change when another user owns it: its files are still 0600.)
  try {
    chmodSync(opts.dataDir, 0o700);
  } catch {
    // EPERM: keep the folder's mode.
  }
  const binding = opts.options?.nativeBinding;
  let releaseLock: () => void;
  try {
    releaseLock = lockFolder(opts.dataDir, binding);
  } catch (e) {
    throw refusedOpen(opts.dataDir, created, e);
  }
  let releaseHolder = (): void => undefined;
  let store: WorkspaceStore | undefined;
  try {
    releaseHolder = recordHolder(opts.dataDir, opts.host.appVersion);
    store = new WorkspaceStore(opts.dataDir, binding);
    const s = store;
    const options: Context['options'] = {
      scryptLogN: opts.options?.scryptLogN ?? 18,
      openPackages: opts.options?.openPackages ?? 2,
    };
    const ctx: Context = {
      get db() {
        return s.db;
      },
      store: s,
      dataDir: opts.dataDir,
      host: opts.host,
      session: new Session(options.openPackages),
      options,
      releaseHolder,
      releaseLock,
    };
    for (const sub of [PACKAGES_DIR, EXPORTS_DIR, BUNDLES_DIR, INCOMING_DIR, PHOTOS_DIR])
      mkdirSync(join(opts.dataDir, sub), { recursive: true, mode: 0o700 });
    const row = store.identity;
    // Keychain-sealed keys (and with them the database) open by themselves; if the keychain refuses,
    // the app starts locked and says why on unlock.
    if (row?.protection === 'safeStorage' && opts.host.secrets.available) await unlockWithKeychain(ctx, row).catch(() => undefined);
    return ctx;
  } catch (e) {
    // Nothing half-done: a refused open leaves neither the database nor the lock held, nor a holder record.
    releaseHolder();
    store?.close();
    releaseLock();
    throw refusedOpen(opts.dataDir, created, e);
  }
}

/**
 * The error to throw for a refused open, after taking away what the open made
 * of a workspace folder that did not exist before (on a full disk it would
 * otherwise be there, half made, next time). A full disk is E_DISK_FULL, not
 * the file system's or SQLite's raw error.
 */
function refusedOpen(dataDir: string, created: boolean, e: unknown): unknown {
  if (created) {
    for (const f of [LOCK_FILE, HOLDER_FILE]) rmSync(join(dataDir, f), { force: true });
    for (const sub of [PACKAGES_DIR, EXPORTS_DIR, BUNDLES_DIR, INCOMING_DIR, PHOTOS_DIR]) rmEmptyDir(join(dataDir, sub));
    rmEmptyDir(dataDir);
  }
  return diskFull(isReviewDeskError(e, 'E_DB') && isDiskFullError(e.cause) ? e.cause : e, 'open');
}

function rmEmptyDir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Not there, or not empty: not ours to remove.
  }
}

/**
 * Opens (creating if needed) the workspace in `dataDir` (see
 * store.ts for what lies there at rest), `packages/` (the encrypted
 * `.rpkg` files) and `exports/` (the `.rsb` files), holding the folder's lock
 * until `close()`. The database opens here when the keychain seals the keys,
 * else on `identity:unlock` (or `identity:create` on first run).
 * Throws E_WORKSPACE_LOCKED while another process (or this one, not yet
 * closed) has the folder open, E_DB_NEWER for a database from a newer
 * ReviewDesk, E_DB when it cannot be opened.
 */
export async function openWorkspace(dataDir: string, host: Host, options?: WorkspaceOptions): Promise<Workspace> {
  const ctx = await createContext({ dataDir, host, ...(options ? { options } : {}) });
  const handlers = createHandlers();
  const call = (channel: unknown, input: unknown): Promise<Envelope<unknown>> => dispatch(handlers, channel, input, ctx);
  return {
    ctx,
    handlers,
    call,
    async invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const r = await call(channel, input);
      if (r.ok) return r.value as Output<C>;
      const code: ErrorCode = isKnownErrorCode(r.error.code) ? r.error.code : 'E_INTERNAL';
      throw new ReviewDeskError(code, r.error.params ?? { reason: r.error.message.en });
    },
    close() {
      ctx.session.clear();
      // The record first: once the database closes, the next holder may already be writing its own.
      ctx.releaseHolder();
      ctx.store.close();
      ctx.releaseLock();
    },
  };
}
