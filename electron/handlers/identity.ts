/**
 * The reviewer's identity: created on first run, its secret keys sealed by the
 * OS keychain (safeStorage) or by a passphrase (the age scrypt format of
 * `secret-keys.age`), unlocked per session, and its public card exported.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import { getIdentityRow, insertIdentityRow, type IdentityRow } from '../db/identity.ts';
import {
  createIdentity,
  matchCard,
  parseSecretText,
  sealSecretKeys,
  secretText,
  unsealSecretKeys,
  type Identity,
} from '../keys/identity.ts';
import { appState } from './app.ts';
import { now, requireIdentityRow, type Context } from './context.ts';
import type { HandlerTable } from './registry.ts';

/**
 * Stores an identity in the workspace and unlocks it for the session. With a
 * passphrase the keys are sealed with age scrypt; without one they are sealed
 * by the host's keychain, which must really protect them.
 */
export async function adoptIdentity(ctx: Context, identity: Identity, passphrase: string | null): Promise<void> {
  if (getIdentityRow(ctx.db)) throw new ReviewDeskError('E_IDENTITY_EXISTS');
  let row: IdentityRow;
  if (passphrase !== null) {
    row = {
      card: identity.card,
      protection: 'passphrase',
      sealed: await sealSecretKeys(identity, passphrase, ctx.options.scryptLogN),
      createdAt: now(),
    };
  } else {
    const secrets = ctx.host.secrets;
    if (!secrets.available) throw new ReviewDeskError('E_PASSPHRASE_REQUIRED', { backend: secrets.backend });
    row = { card: identity.card, protection: 'safeStorage', sealed: secrets.encrypt(secretText(identity)), createdAt: now() };
  }
  insertIdentityRow(ctx.db, row);
  ctx.session.identity = identity;
}

/** Opens keychain-sealed keys without asking anything (at start and on unlock). */
export async function unlockWithKeychain(ctx: Context, row: IdentityRow): Promise<void> {
  let text: string;
  try {
    text = ctx.host.secrets.decrypt(row.sealed);
  } catch (e) {
    throw new ReviewDeskError(
      'E_IDENTITY',
      { path: 'safeStorage', reason: `the system keychain cannot open the keys (${e instanceof Error ? e.message : String(e)})` },
      { cause: e },
    );
  }
  ctx.session.identity = await matchCard(row.card, parseSecretText(text), 'safeStorage');
}

export const identityHandlers: Partial<HandlerTable<Context>> = {
  'identity:create': async (input, ctx) => {
    if (getIdentityRow(ctx.db)) throw new ReviewDeskError('E_IDENTITY_EXISTS');
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
      else ctx.session.identity = await unsealSecretKeys(row.card, row.sealed, input.passphrase, 'workspace');
    }
    return appState(ctx);
  },
  'identity:card': (_input, ctx) => {
    const { card } = requireIdentityRow(ctx);
    const safeName = card.displayName.replace(/[\\/:*?"<>|\s]+/g, '_');
    return { card, fileName: `${safeName}-${card.fingerprint}.card.json`, json: JSON.stringify(card, null, 2) + '\n' };
  },
};
