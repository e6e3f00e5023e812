/**
 * `bundle:validate`, `bundle:export` (electron/bundles/workspace.ts does the
 * work) and the notices about export files set aside.
 */
import { exportBundle, readExport, validateBundle } from '../bundles/workspace.ts';
import { markSetAsideSeen } from '../db/exports.ts';
import { now, type Context } from '../workspace/context.ts';
import { appState } from './app.ts';
import type { HandlerTable } from './registry.ts';

export const bundleHandlers: Partial<HandlerTable<Context>> = {
  'bundle:dismissNotices': (_input, ctx) => {
    markSetAsideSeen(ctx.db, now());
    return appState(ctx);
  },
  'bundle:validate': (input, ctx) => validateBundle(ctx, input),
  'bundle:export': (input, ctx) => exportBundle(ctx, input),
  'bundle:readExport': (input, ctx) => readExport(ctx, input),
};
