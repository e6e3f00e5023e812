/** `app:state` and `settings:set`: where the reviewer was, across restarts. */
import { LOCALES, type Locale } from '../../shared/i18n-text.ts';
import type { AppState, IdentityState } from '../../shared/ipc/contract.ts';
import { getIdentityRow } from '../db/identity.ts';
import { listUnseenSetAside } from '../db/exports.ts';
import { listPackageRows } from '../db/packages.ts';
import { EXPORTS_DIR, SET_ASIDE_DIR } from '../bundles/export.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { packageSummary } from '../review/summary.ts';
import { packageMeta, type Context } from './context.ts';
import type { HandlerTable } from './registry.ts';

/** Whether the identity exists and is unlocked in this session. */
export function identityState(ctx: Context): IdentityState {
  const row = getIdentityRow(ctx.db);
  if (!row) return { status: 'none' };
  return { status: ctx.session.identity ? 'unlocked' : 'locked', card: row.card, protection: row.protection };
}

/** The whole app state the renderer starts from. */
export function appState(ctx: Context): AppState {
  const stored = getSetting(ctx.db, 'locale');
  const locale: Locale = (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'zh-CN';
  return {
    locale,
    identity: identityState(ctx),
    safeStorage: { available: ctx.host.secrets.available, backend: ctx.host.secrets.backend },
    packages: listPackageRows(ctx.db).map((row) => packageSummary(ctx, packageMeta(ctx, row.id))),
    lastLocation: getSetting(ctx.db, 'lastLocation'),
    exportNotices: listUnseenSetAside(ctx.db).map((r) => ({
      fileName: r.fileName,
      storedPath: `${EXPORTS_DIR}/${SET_ASIDE_DIR}/${r.storedName}`,
      reason: r.reason,
      revision: r.revision,
      at: r.at,
    })),
  };
}

export const appHandlers: Partial<HandlerTable<Context>> = {
  'app:state': (_input, ctx) => appState(ctx),
  'settings:set': (input, ctx) => {
    ctx.db.transaction(() => {
      if (input.locale !== undefined) setSetting(ctx.db, 'locale', input.locale);
      if (input.lastLocation !== undefined) setSetting(ctx.db, 'lastLocation', input.lastLocation);
    })();
    return appState(ctx);
  },
};
