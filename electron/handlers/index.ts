/**
 * The Node side of the reviewer's app: the handler table and the workspace it
 * runs against. Hosts (the Electron glue, the browser host, the tests) do
 *
 *     const ws = await openWorkspace(dataDir, host);
 *     const envelope = await dispatch(ws.handlers, channel, input, ws.ctx); // or ws.call(channel, input)
 *     …
 *     ws.close();
 */
import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError, isDiskFullError, isReviewDeskError, type ErrorCode } from '../../shared/errors.ts';
import { isKnownErrorCode, type Channel, type Envelope, type Input, type Output } from '../../shared/ipc/contract.ts';
import { getIdentityRow } from '../db/identity.ts';
import { openDatabase } from '../db/open.ts';
import { listMergeFiles } from '../db/merge.ts';
import { listPackageRows } from '../db/packages.ts';
import { appHandlers } from './app.ts';
import { exportPrefix, reconcileExports } from '../bundles/export.ts';
import { bundleHandlers, EXPORTS_DIR } from './bundle.ts';
import { now, packageMeta, Session, type Context, type WorkspaceOptions } from './context.ts';
import { dossierHandlers } from './dossier.ts';
import type { Host } from './host.ts';
import { identityHandlers, unlockWithKeychain } from './identity.ts';
import { BUNDLES_DIR, mergeHandlers } from './merge.ts';
import { packageHandlers, PACKAGES_DIR } from './packages.ts';
import { defineHandlers, dispatch, type HandlerTable } from './registry.ts';
import { reviewHandlers } from './review.ts';
import { scoresheetHandlers } from './scoresheet.ts';
import { diskFull } from '../faults/checkpoint.ts';
import { HOLDER_FILE, holderOf, recordHolder } from './workspace-lock.ts';

export type { Context, WorkspaceOptions } from './context.ts';
export { HOLDER_FILE } from './workspace-lock.ts';

/** The database file inside a workspace folder. */
export const DATABASE_FILE = 'workspace.sqlite';
/** Where the browser host streams the files of an import as they arrive (`*.partial`, swept at open). */
export const INCOMING_DIR = 'incoming';

/** Every channel of the contract, implemented once. */
export function createHandlers(): HandlerTable<Context> {
  return defineHandlers<Context>(
    appHandlers,
    identityHandlers,
    packageHandlers,
    reviewHandlers,
    dossierHandlers,
    bundleHandlers,
    scoresheetHandlers,
    mergeHandlers,
  );
}

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
 * Removes what a crash can leave behind: partial files and packages the
 * database never recorded; exports/ is reconciled with its records, and what
 * that sets aside is told to the reviewer (app:state's exportNotices).
 */
async function sweep(ctx: Context): Promise<void> {
  const owners = listPackageRows(ctx.db).map((row) => ({ packageId: row.id, prefix: exportPrefix(packageMeta(ctx, row.id).manifest) }));
  await reconcileExports(ctx.db, ctx.dataDir, owners, now());
  const kept = new Set([...listPackageRows(ctx.db).map((r) => r.storedPath), ...listMergeFiles(ctx.db).map((r) => r.storedPath)]);
  for (const sub of [PACKAGES_DIR, BUNDLES_DIR, INCOMING_DIR]) {
    const names = await readdir(join(ctx.dataDir, sub)).catch(() => [] as string[]);
    for (const name of names) {
      const orphan =
        ((sub === PACKAGES_DIR && name.endsWith('.rpkg')) || (sub === BUNDLES_DIR && name.endsWith('.rsb'))) && !kept.has(`${sub}/${name}`);
      if (name.endsWith('.partial') || orphan) await rm(join(ctx.dataDir, sub, name), { force: true });
    }
  }
}

/**
 * Opens a context without the handler table (see {@link openWorkspace}). Its
 * database holds the folder's lock: `releaseHolder()`, then close the database.
 */
export async function createContext(opts: { dataDir: string; host: Host; options?: WorkspaceOptions }): Promise<Context> {
  // What this open creates, so that a refused open of a new workspace takes it away again.
  const created = { dir: !existsSync(opts.dataDir), db: !existsSync(join(opts.dataDir, DATABASE_FILE)) };
  let db: Context['db'];
  try {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    db = openDatabase(join(opts.dataDir, DATABASE_FILE), opts.options?.nativeBinding);
  } catch (e) {
    // Say who holds the folder, from the record the holder keeps beside its lock.
    if (isReviewDeskError(e, 'E_WORKSPACE_LOCKED')) throw new ReviewDeskError('E_WORKSPACE_LOCKED', holderOf(opts.dataDir), { cause: e });
    throw refusedOpen(opts.dataDir, created, e);
  }
  let releaseHolder = (): void => undefined;
  try {
    try {
      releaseHolder = recordHolder(opts.dataDir, opts.host.appVersion);
    } catch (e) {
      // A full disk can leave the record created but empty: it would name no one, so it goes.
      rmSync(join(opts.dataDir, HOLDER_FILE), { force: true });
      throw e;
    }
    const options: Context['options'] = { scryptLogN: 18, openPackages: 2, ...opts.options };
    const ctx: Context = { db, dataDir: opts.dataDir, host: opts.host, session: new Session(options.openPackages), options, releaseHolder };
    for (const sub of [PACKAGES_DIR, EXPORTS_DIR, BUNDLES_DIR]) mkdirSync(join(opts.dataDir, sub), { recursive: true, mode: 0o700 });
    await sweep(ctx);
    const row = getIdentityRow(db);
    // Keychain-sealed keys open by themselves; if the keychain refuses, the app starts locked and says why on unlock.
    if (row?.protection === 'safeStorage' && opts.host.secrets.available) await unlockWithKeychain(ctx, row).catch(() => undefined);
    return ctx;
  } catch (e) {
    // Nothing half-done: a refused open leaves neither the database (and with it the lock) open nor a holder record.
    releaseHolder();
    db.close();
    throw refusedOpen(opts.dataDir, created, e);
  }
}

/**
 * The error to throw for a refused open, after taking away what the open made
 * of a workspace that did not exist before (a half-written database on a full
 * disk would otherwise be there next time). A full disk is E_DISK_FULL, not
 * the file system's or SQLite's raw error.
 */
function refusedOpen(dataDir: string, created: { dir: boolean; db: boolean }, e: unknown): unknown {
  if (created.db) {
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`]) {
      rmSync(join(dataDir, f), { force: true });
    }
    for (const sub of [PACKAGES_DIR, EXPORTS_DIR, BUNDLES_DIR, INCOMING_DIR]) rmEmptyDir(join(dataDir, sub));
    if (created.dir) rmEmptyDir(dataDir);
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
 * Opens (creating if needed) the workspace in `dataDir`: `workspace.sqlite`,
 * `packages/` (the encrypted `.rpkg` files) and `exports/` (the `.rsb` files),
 * holding the folder's lock until `close()`.
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
      if (ctx.db.open) ctx.db.close();
    },
  };
}
