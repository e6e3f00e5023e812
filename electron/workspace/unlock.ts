/**
 * Unlocking a workspace: the identity stored and sealed (first run), or its
 * keychain-sealed keys opened at start; then the database opens and what a
 * crash left is swept. The identity handlers and the workspace's open use it.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { IdentityRow } from '../db/identity.ts';
import { matchCard, parseSecretText, sealSecretKeys, secretText, unsealSecretKeys, type Identity } from '../keys/identity.ts';
import { now, type Context } from './context.ts';
import { sweep } from './sweep.ts';
import type { KeySeal } from './store.ts';

/**
 * Stores an identity in the workspace and unlocks it for the session. With a
 * passphrase the keys are sealed with age scrypt; without one they are sealed
 * by the host's keychain, which must really protect them. The workspace key
 * is made now and sealed the same way, and the encrypted database created.
 */
export async function adoptIdentity(ctx: Context, identity: Identity, passphrase: string | null): Promise<void> {
  if (ctx.store.identity) throw new ReviewDeskError('E_IDENTITY_EXISTS');
  let row: IdentityRow;
  let seal: KeySeal;
  if (passphrase !== null) {
    row = {
      card: identity.card,
      protection: 'passphrase',
      sealed: await sealSecretKeys(identity, passphrase, ctx.options.scryptLogN),
      createdAt: now(),
    };
    seal = { protection: 'passphrase', passphrase, scryptLogN: ctx.options.scryptLogN };
  } else {
    const secrets = ctx.host.secrets;
    if (!secrets.available) throw new ReviewDeskError('E_PASSPHRASE_REQUIRED', { backend: secrets.backend });
    row = { card: identity.card, protection: 'safeStorage', sealed: secrets.encrypt(secretText(identity)), createdAt: now() };
    seal = { protection: 'safeStorage', secrets };
  }
  await ctx.store.create(row, seal);
  ctx.session.identity = identity;
}

/** Opens keychain-sealed keys and the workspace database without asking anything (at start and on unlock). */
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
  const identity = await matchCard(row.card, parseSecretText(text), 'safeStorage');
  await openDatabaseOf(ctx, { protection: 'safeStorage', secrets: ctx.host.secrets });
  ctx.session.identity = identity;
}

/** Opens the database with the sealed workspace key, then clears what a crash left. */
async function openDatabaseOf(ctx: Context, seal: KeySeal): Promise<void> {
  if (ctx.store.isOpen) return;
  await ctx.store.unlock(seal);
  await sweep(ctx);
}

/** Opens passphrase-sealed keys, then the database with the same passphrase. */
export async function unlockWithPassphrase(ctx: Context, row: IdentityRow, passphrase: string): Promise<void> {
  // The secret keys first: they tell a wrong passphrase from a damaged key file.
  const identity = await unsealSecretKeys(row.card, row.sealed, passphrase, 'workspace');
  await openDatabaseOf(ctx, { protection: 'passphrase', passphrase, scryptLogN: ctx.options.scryptLogN });
  ctx.session.identity = identity;
}
