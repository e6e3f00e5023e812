/**
 * The age header (C2SP age v1): recipient stanzas, X25519 / ML-KEM hybrid /
 * scrypt key wrapping and the header MAC, handled by the age-encryption
 * library. This module finds the header in a file, refuses what the library
 * should never be asked to compute (an scrypt work factor above the cap),
 * unwraps the file key with cached decrypters, maps the library's failures to
 * ReviewDesk error codes, and builds headers for encryption.
 */
import { webcrypto } from 'node:crypto';
import { Decrypter, Encrypter, type Recipient, type Stanza } from 'age-encryption';
import { bech32 } from '@scure/base';
import { ReviewDeskError } from '../../../shared/errors.ts';
import { NONCE_SIZE, TAG } from './stream.ts';

const INTRO = 'age-encryption.org/v1\n';
/** Headers larger than this are refused (a hybrid stanza is ~1.6 KiB). */
export const MAX_HEADER = 64 * 1024;
/** The highest scrypt work factor (log2 N) we will compute. */
export const SCRYPT_MAX_LOG_N = 20;

/** Splits the textual header off the front of an age file: returns its length. */
export function locateHeader(head: Buffer): number {
  if (head.length < INTRO.length || head.toString('latin1', 0, INTRO.length) !== INTRO) {
    throw new ReviewDeskError('E_AGE_HEADER', { reason: 'missing "age-encryption.org/v1" line' });
  }
  const macLine = head.indexOf('\n--- ', 0, 'latin1');
  if (macLine < 0) throw new ReviewDeskError('E_AGE_HEADER', { reason: 'no MAC line within the header size limit' });
  const end = head.indexOf('\n', macLine + 1, 'latin1');
  if (end < 0) throw new ReviewDeskError('E_AGE_HEADER', { reason: 'unterminated MAC line' });
  return end + 1;
}

/** Refuses scrypt stanzas with a work factor above the cap before any work is done. */
function checkScryptWorkFactor(header: Buffer): void {
  for (const line of header.toString('latin1').split('\n')) {
    const args = line.split(' ');
    if (args[0] === '->' && args[1] === 'scrypt') {
      const logN = Number(args[3]);
      if (!/^[1-9][0-9]?$/.test(args[3] ?? '')) {
        throw new ReviewDeskError('E_AGE_HEADER', { reason: 'malformed scrypt stanza' });
      }
      if (logN > SCRYPT_MAX_LOG_N) {
        throw new ReviewDeskError('E_SCRYPT_WORK_FACTOR', { logN, cap: SCRYPT_MAX_LOG_N });
      }
    }
  }
}

/** Identities to try: `AGE-SECRET-KEY-1…`, `AGE-SECRET-KEY-PQ-1…`, or a passphrase. */
export type DecryptKey = { identity: string } | { passphrase: string };

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const cryptoKeys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * X25519 identities go to the library as non-extractable WebCrypto keys
 * (native X25519) rather than strings (pure-JS curve arithmetic); cached per
 * identity for the life of the process.
 */
function x25519Key(identity: string): Promise<webcrypto.CryptoKey> {
  let key = cryptoKeys.get(identity);
  if (!key) {
    const { prefix, words } = bech32.decode(identity.toLowerCase() as `${string}1${string}`, 200);
    if (prefix !== 'age-secret-key-')
      throw new ReviewDeskError('E_IDENTITY', { path: 'age identity', reason: 'not an AGE-SECRET-KEY-1 identity' });
    const scalar = Buffer.from(bech32.fromWords(words));
    key = webcrypto.subtle.importKey('pkcs8', Buffer.concat([PKCS8_X25519_PREFIX, scalar]), { name: 'X25519' }, false, ['deriveBits']);
    cryptoKeys.set(identity, key);
  }
  return key;
}

const identityDecrypters = new Map<string, Promise<Decrypter>>();

async function makeDecrypter(keys: DecryptKey[]): Promise<Decrypter> {
  const d = new Decrypter();
  for (const k of keys) {
    if ('passphrase' in k) d.addPassphrase(k.passphrase);
    else if (k.identity.startsWith('AGE-SECRET-KEY-1')) d.addIdentity(await x25519Key(k.identity));
    else d.addIdentity(k.identity);
  }
  return d;
}

/**
 * A Decrypter holds no per-file state, and building one derives each
 * identity's public key (an X25519 or ML-KEM operation), so decrypters for
 * identities are cached like their keys; passphrases are never kept.
 */
function decrypterFor(keys: DecryptKey[]): Promise<Decrypter> {
  if (keys.some((k) => 'passphrase' in k)) return makeDecrypter(keys);
  const id = keys.map((k) => ('identity' in k ? k.identity : '')).join('\n');
  let d = identityDecrypters.get(id);
  if (!d) {
    d = makeDecrypter(keys);
    identityDecrypters.set(id, d);
    d.catch(() => identityDecrypters.delete(id));
  }
  return d;
}

/** Checks the header's MAC and returns the file key one of `keys` unwraps; a ReviewDesk error otherwise. */
export async function unwrapFileKey(header: Buffer, keys: DecryptKey[]): Promise<Uint8Array> {
  checkScryptWorkFactor(header);
  const d = await decrypterFor(keys);
  try {
    return await d.decryptHeader(header);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/no identity matched/.test(msg)) {
      throw new ReviewDeskError(keys.some((k) => 'passphrase' in k) ? 'E_PASSPHRASE' : 'E_WRONG_KEY', {}, { cause: e });
    }
    if (/invalid header HMAC/.test(msg)) throw new ReviewDeskError('E_AGE_HEADER_MAC', {}, { cause: e });
    if (/incorrect passphrase|failed to decrypt file key/i.test(msg)) throw new ReviewDeskError('E_PASSPHRASE', {}, { cause: e });
    throw new ReviewDeskError('E_AGE_HEADER', { reason: msg }, { cause: e });
  }
}

/** Captures the file key the library draws, so the payload can run through libsodium. */
class FileKeyTap implements Recipient {
  fileKey: Uint8Array | null = null;
  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    this.fileKey = fileKey;
    return [];
  }
}

/** Encryption target: recipients (`age1…`, `age1pq1…`) or one passphrase. */
export type EncryptTo = { recipients: string[] } | { passphrase: string; scryptLogN?: number };

/**
 * Builds an age header with the library and returns it with the file key.
 * The library encrypts an empty payload; its header is independent of the
 * payload, so we keep it and draw a fresh payload nonce ourselves.
 */
export async function makeHeader(to: EncryptTo): Promise<{ header: Buffer; fileKey: Uint8Array }> {
  const e = new Encrypter();
  const tap = new FileKeyTap();
  if ('passphrase' in to) {
    e.setPassphrase(to.passphrase);
    e.setScryptWorkFactor(to.scryptLogN ?? 18);
    const out = await e.encrypt(new Uint8Array(0));
    // Passphrase mode admits no extra recipient: recover the key by decrypting the header.
    const header = Buffer.from(out.subarray(0, out.length - NONCE_SIZE - TAG));
    const d = new Decrypter();
    d.addPassphrase(to.passphrase);
    return { header, fileKey: await d.decryptHeader(header) };
  }
  if (to.recipients.length === 0) throw new ReviewDeskError('E_USAGE', { reason: 'no recipients' });
  for (const r of to.recipients) e.addRecipient(r);
  e.addRecipient(tap);
  const out = await e.encrypt(new Uint8Array(0));
  if (!tap.fileKey) throw new ReviewDeskError('E_INTERNAL', { reason: 'file key not captured' });
  return { header: Buffer.from(out.subarray(0, out.length - NONCE_SIZE - TAG)), fileKey: tap.fileKey };
}
