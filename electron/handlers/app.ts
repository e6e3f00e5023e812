/** `app:state` and `settings:set`: the language (in the plaintext preferences) and where the reviewer was (in the database). */
import type { AppState, IdentityState } from '../../shared/ipc/contract.ts';
import { listUnseenSetAside } from '../db/exports.ts';
import { listPackageRows } from '../db/packages.ts';
import { EXPORTS_DIR, SET_ASIDE_DIR } from '../bundles/export.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { packageSummary } from '../review/summary.ts';
import { packageMeta, type Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

/** Whether the identity exists and is unlocked in this session. */
export function identityState(ctx: Context): IdentityState {
  const row = ctx.store.identity;
  if (!row) return { status: 'none' };
  return { status: ctx.session.identity ? 'unlocked' : 'locked', card: row.card, protection: row.protection };
}

/** The whole app state the renderer starts from; while locked, only what the preferences hold. */
export function appState(ctx: Context): AppState {
  const open = ctx.store.isOpen;
  return {
    locale: ctx.store.locale ?? 'zh-CN',
    identity: identityState(ctx),
    safeStorage: { available: ctx.host.secrets.available, backend: ctx.host.secrets.backend },
    packages: open ? listPackageRows(ctx.db).map((row) => packageSummary(ctx, packageMeta(ctx, row.id))) : [],
    lastLocation: open ? getSetting(ctx.db, 'lastLocation') : null,
    exportNotices: open
      ? listUnseenSetAside(ctx.db).map((r) => ({
          fileName: r.fileName,
          storedPath: `${EXPORTS_DIR}/${SET_ASIDE_DIR}/${r.storedName}`,
          reason: r.reason,
          revision: r.revision,
          at: r.at,
        }))
      : [],
  };
}

export const appHandlers: Partial<HandlerTable<Context>> = {
  'app:state': (_input, ctx) => appState(ctx),
  'settings:set': (input, ctx) => {
    // The location is the database's (E_LOCKED until unlock): refused before anything changes.
    const db = input.lastLocation !== undefined ? ctx.db : null;
    if (input.locale !== undefined) ctx.store.setLocale(input.locale);
    if (db && input.lastLocation !== undefined) setSetting(db, 'lastLocation', input.lastLocation);
    return appState(ctx);
  },
};
