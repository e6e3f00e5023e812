/**
 * The handler table: every channel of the contract, implemented once by the
 * domain's handler file, and shared by every host (the Electron glue, the
 * browser host, the tests). Opening the workspace it runs against is
 * electron/workspace/open.ts.
 */
import type { Channel } from '../../shared/ipc/contract.ts';
import type { Context } from '../workspace/context.ts';
import { appHandlers } from './app.ts';
import { bundleHandlers } from './bundle.ts';
import { dossierHandlers } from './dossier.ts';
import { identityHandlers } from './identity.ts';
import { mergeHandlers } from './merge.ts';
import { packageHandlers } from './packages.ts';
import { defineHandlers, type HandlerTable } from './registry.ts';
import { reviewHandlers } from './review.ts';
import { roundHandlers } from './round.ts';
import { rubricHandlers } from './rubric.ts';
import { scoresheetHandlers } from './scoresheet.ts';
import { visitHandlers } from './visit.ts';

/** What a workspace serves before its database is open (first run, or locked): the unlock and first-run screens. */
const BEFORE_UNLOCK: ReadonlySet<Channel> = new Set<Channel>([
  'app:state',
  'settings:set',
  'identity:create',
  'identity:unlock',
  'identity:card',
]);

/** Every channel of the contract, implemented once; all but {@link BEFORE_UNLOCK} refused until the database is open. */
export function createHandlers(): HandlerTable<Context> {
  const table = defineHandlers<Context>(
    appHandlers,
    identityHandlers,
    packageHandlers,
    reviewHandlers,
    dossierHandlers,
    bundleHandlers,
    scoresheetHandlers,
    mergeHandlers,
    rubricHandlers,
    roundHandlers,
    visitHandlers,
  );
  const gated: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(table) as [Channel, (input: unknown, ctx: Context) => unknown][]) {
    gated[channel] = BEFORE_UNLOCK.has(channel)
      ? handler
      : (input: unknown, ctx: Context) => {
          void ctx.db; // E_NO_IDENTITY or E_LOCKED while the database is not open
          return handler(input, ctx);
        };
  }
  return gated as HandlerTable<Context>;
}
