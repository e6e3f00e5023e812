/**
 * Identity folders: `card.json` (public) plus the secret keys, either
 * protected — `secret-keys.age`, age passphrase encryption (scrypt) of the
 * stock AGE-SECRET-KEY line and the OpenSSH private key, openable with
 * `age -d` — or, for the demo only, unprotected `age-identity.txt` and
 * `ssh_ed25519` files usable directly with `age -i` and `ssh-keygen -Y sign -f`.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Card } from '../../shared/card.ts';
import { CARD_SCHEMA_VERSION, CardPerson, isOneLine } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { decryptBytes, decryptFile, encryptBytes } from '../crypto/age/index.ts';
import { formatOpenSshPrivateKey, parseOpenSshPrivateKey } from '../crypto/ssh-keyfile.ts';
import { formatSshPublicKey, generateSigningKey, type SigningKey } from '../crypto/ssh.ts';
import { cardFingerprint, readCard } from './card.ts';
import { describeIssues } from '../formats/json.ts';

export const CARD_FILE = 'card.json';
export const PROTECTED_FILE = 'secret-keys.age';
export const DEMO_AGE_FILE = 'age-identity.txt';
export const DEMO_SSH_FILE = 'ssh_ed25519';

/** An unlocked identity: the public card and both secret keys. */
export interface Identity {
  card: Card;
  /** `AGE-SECRET-KEY-1…` or `AGE-SECRET-KEY-PQ-1…`. */
  ageIdentity: string;
  signing: SigningKey;
}

export interface NewIdentity {
  role: Card['role'];
  displayName: string;
  organisation: string;
  fields?: string[];
  /** ML-KEM-768 + X25519 hybrid (post-quantum) age key instead of X25519. */
  postQuantum?: boolean;
  demo?: boolean;
}

/** Generates a new identity in memory. */
export async function createIdentity(opts: NewIdentity): Promise<Identity> {
  // What the person typed, checked before any key is made: one line of text each (see CardPerson).
  const typed = [opts.displayName, opts.organisation, ...(opts.fields ?? [])];
  if (!typed.every(isOneLine)) throw new ReviewDeskError('E_CARD_TEXT');
  const person = CardPerson.safeParse({ displayName: opts.displayName, organisation: opts.organisation, fields: opts.fields ?? [] });
  if (!person.success) throw new ReviewDeskError('E_INVALID_INPUT', { reason: describeIssues(person.error) });
  const ageIdentity = opts.postQuantum ? await generateHybridIdentity() : await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  const signing = generateSigningKey();
  const sshPublicKey = formatSshPublicKey(signing.publicKey);
  const card: Card = {
    schemaVersion: CARD_SCHEMA_VERSION,
    kind: 'reviewdesk-card',
    role: opts.role,
    displayName: person.data.displayName,
    organisation: person.data.organisation,
    fields: person.data.fields,
    ageRecipient,
    sshPublicKey,
    fingerprint: cardFingerprint(sshPublicKey, ageRecipient),
    createdAt: new Date().toISOString(),
    ...(opts.demo ? { demo: true } : {}),
  };
  return { card, ageIdentity, signing };
}

/** The text sealed in `secret-keys.age`: the age secret key line and the OpenSSH private key. */
export function secretText(id: Identity): string {
  return [
    `# ReviewDesk secret keys of ${id.card.displayName} (fingerprint ${id.card.fingerprint})`,
    `# created ${id.card.createdAt}; public key: ${id.card.ageRecipient.slice(0, 60)}`,
    id.ageIdentity,
    formatOpenSshPrivateKey(id.signing, id.card.fingerprint).trimEnd(),
    '',
  ].join('\n');
}

/** Parses the text of `secret-keys.age` (or the demo files) back into the secret keys. */
export function parseSecretText(text: string): { ageIdentity: string; signing: SigningKey } {
  const age = text.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'));
  const pem = /-----BEGIN OPENSSH PRIVATE KEY-----[\s\S]+?-----END OPENSSH PRIVATE KEY-----/.exec(text)?.[0];
  if (!age || !pem) throw new Error('secret keys are incomplete');
  return { ageIdentity: age.trim(), signing: parseOpenSshPrivateKey(pem + '\n') };
}

/**
 * Writes an identity folder. With a passphrase the secret keys are sealed with
 * age's scrypt passphrase encryption; without one (demo only) they are written
 * in the clear and the card is marked `demo`.
 */
export async function saveIdentity(dir: string, id: Identity, passphrase: string | null, scryptLogN = 18): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (await exists(join(dir, CARD_FILE))) {
    throw new ReviewDeskError('E_IDENTITY', { path: dir, reason: 'already holds an identity; refusing to overwrite it' });
  }
  if (passphrase === null) {
    if (!id.card.demo) throw new ReviewDeskError('E_USAGE', { reason: 'only demo identities may be stored without a passphrase' });
    await writeFile(
      join(dir, DEMO_AGE_FILE),
      `# DEMO ONLY: unprotected secret key, never use it for a real round.\n# ${id.card.displayName} (${id.card.fingerprint})\n# public key: ${id.card.ageRecipient}\n${id.ageIdentity}\n`,
      { mode: 0o600 },
    );
    await writeFile(join(dir, DEMO_SSH_FILE), formatOpenSshPrivateKey(id.signing, `${id.card.fingerprint} DEMO ONLY`), { mode: 0o600 });
  } else {
    await writeFile(join(dir, PROTECTED_FILE), await sealSecretKeys(id, passphrase, scryptLogN), { mode: 0o600 });
  }
  await writeFile(join(dir, CARD_FILE), JSON.stringify(id.card, null, 2) + '\n');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Whether the folder's secret keys are passphrase-protected. */
export async function isProtected(dir: string): Promise<boolean> {
  return exists(join(dir, PROTECTED_FILE));
}

/**
 * Loads and unlocks an identity folder. `passphrase` is asked for lazily (only
 * when the folder is protected). The secret keys must match the card.
 */
export async function loadIdentity(dir: string, passphrase?: () => Promise<string>): Promise<Identity> {
  const card = await readCard(join(dir, CARD_FILE)).catch((e: unknown) => {
    if (e instanceof ReviewDeskError && e.code === 'E_IO')
      throw new ReviewDeskError('E_IDENTITY', { path: dir, reason: `no ${CARD_FILE}` });
    throw e;
  });
  let secrets: { ageIdentity: string; signing: SigningKey };
  try {
    if (await isProtected(dir)) {
      if (!passphrase) throw new ReviewDeskError('E_PASSPHRASE');
      const { plaintext: plain } = await decryptFile(join(dir, PROTECTED_FILE), [{ passphrase: await passphrase() }]);
      secrets = parseSecretText(plain.toString('utf8'));
    } else if (await exists(join(dir, DEMO_AGE_FILE))) {
      secrets = parseSecretText((await readFile(join(dir, DEMO_AGE_FILE), 'utf8')) + (await readFile(join(dir, DEMO_SSH_FILE), 'utf8')));
    } else {
      throw new ReviewDeskError('E_IDENTITY', { path: dir, reason: `no ${PROTECTED_FILE} or ${DEMO_AGE_FILE}` });
    }
  } catch (e) {
    if (e instanceof ReviewDeskError) throw e;
    throw new ReviewDeskError('E_IDENTITY', { path: dir, reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  return matchCard(card, secrets, dir);
}

/** Joins secret keys to their card, refusing keys that are not the card's. */
export async function matchCard(card: Card, secrets: { ageIdentity: string; signing: SigningKey }, where: string): Promise<Identity> {
  // A damaged key line is the folder's problem, not ours.
  const recipient = await identityToRecipient(secrets.ageIdentity).catch((e: unknown) => {
    throw new ReviewDeskError('E_IDENTITY', {
      path: where,
      reason: `the age secret key is damaged (${e instanceof Error ? e.message : String(e)})`,
    });
  });
  if (recipient !== card.ageRecipient) {
    throw new ReviewDeskError('E_IDENTITY', { path: where, reason: 'the age secret key does not match card.json' });
  }
  if (formatSshPublicKey(secrets.signing.publicKey) !== card.sshPublicKey) {
    throw new ReviewDeskError('E_IDENTITY', { path: where, reason: 'the signing key does not match card.json' });
  }
  return { card, ...secrets };
}

/**
 * The bytes of a `secret-keys.age` file: the secret keys, age
 * passphrase-encrypted (scrypt). The desktop app keeps the same bytes in its
 * database, so `age -d` opens either.
 */
export async function sealSecretKeys(id: Identity, passphrase: string, scryptLogN = 18): Promise<Buffer> {
  if (passphrase.length < 8) throw new ReviewDeskError('E_USAGE', { reason: 'the passphrase needs at least 8 characters' });
  return encryptBytes(Buffer.from(secretText(id)), { passphrase, scryptLogN });
}

/** Opens `secret-keys.age` bytes with the passphrase (E_PASSPHRASE when wrong) and checks them against the card. */
export async function unsealSecretKeys(card: Card, sealed: Uint8Array, passphrase: string, where: string): Promise<Identity> {
  let text: string;
  try {
    text = (await decryptBytes(sealed, [{ passphrase }])).plaintext.toString('utf8');
  } catch (e) {
    if (e instanceof ReviewDeskError) throw e;
    throw new ReviewDeskError('E_IDENTITY', { path: where, reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  return matchCard(card, parseKeys(text, where), where);
}

function parseKeys(text: string, where: string): { ageIdentity: string; signing: SigningKey } {
  try {
    return parseSecretText(text);
  } catch (e) {
    throw new ReviewDeskError('E_IDENTITY', { path: where, reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
}
