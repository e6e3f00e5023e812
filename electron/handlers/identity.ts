/**
 * The reviewer's identity channels: created on first run, unlocked per
 * session (the sealing and the database's unlock are electron/workspace/unlock.ts),
 * and its public card exported.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import { createIdentity } from '../keys/identity.ts';
import { requireIdentityRow, type Context } from '../workspace/context.ts';
import { adoptIdentity, unlockWithKeychain, unlockWithPassphrase } from '../workspace/unlock.ts';
import { appState } from './app.ts';
import type { HandlerTable } from './registry.ts';

export const identityHandlers: Partial<HandlerTable<Context>> = {
  'identity:create': async (input, ctx) => {
    if (ctx.store.identity) throw new ReviewDeskError('E_IDENTITY_EXISTS');
    if (input.passphrase === null && !ctx.host.secrets.available) {
      throw new ReviewDeskError('E_PASSPHRASE_REQUIRED', { backend: ctx.host.secrets.backend });
    }
    const identity = await createIdentity({
      role: input.role,
      displayName: input.displayName,
      organisation: input.organisation,
      fields: input.fields,
    });
    await adoptIdentity(ctx, identity, input.passphrase);
    return appState(ctx);
  },
  'identity:unlock': async (input, ctx) => {
    const row = requireIdentityRow(ctx);
    if (!ctx.session.identity) {
      if (row.protection === 'safeStorage') await unlockWithKeychain(ctx, row);
      else await unlockWithPassphrase(ctx, row, input.passphrase);
    }
    return appState(ctx);
  },
  'identity:card': (_input, ctx) => {
    const { card } = requireIdentityRow(ctx);
    const safeName = card.displayName.replace(/[\\/:*?"<>|\s]+/g, '_');
    return { card, fileName: `${safeName}-${card.fingerprint}.card.json`, json: JSON.stringify(card, null, 2) + '\n' };
  },
};
