/**
 * The age header (C2SP age v1): recipient stanzas, X25519 / ML-KEM hybrid /
 * scrypt key wrapping and the header MAC. This module finds the header in a
 * file, refuses what should never be computed (an scrypt work factor above
 * the cap), unwraps the file key, maps failures to ReviewDesk error codes, and
 * builds headers for encryption (through the age-encryption library).
 *
 * Decrypting with X25519 identities only (every score bundle and package)
 * runs natively: the header parsed as the library parses it, the stanza
 * unwrapped with libsodium's X25519 and ChaCha20-Poly1305 and node's HMAC,
 * and the header MAC checked the same way — a few tens of microseconds where
 * the library's streams, WebCrypto key objects and pure-JS hashes take
 * several hundred, which dominated checking a small score file. Passphrases
 * and hybrid (ML-KEM) identities go through the library.
 * test/unit/age-cctv.test.ts holds both paths to the C2SP vectors.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Decrypter, Encrypter, Stanza, type Recipient } from 'age-encryption';
import { base64nopad, bech32 } from '@scure/base';
import sodium from 'sodium-native';
import { ReviewDeskError } from '../../../shared/errors.ts';
import { hkdf32, NONCE_SIZE, TAG } from './stream.ts';

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

const ZERO_SALT = Buffer.alloc(32);
const X25519_LABEL = 'age-encryption.org/v1/X25519';

/** libsodium's IETF ChaCha20-Poly1305, for stanza bodies (missing from sodium-native's published types). */
const aead = sodium as unknown as {
  crypto_aead_chacha20poly1305_ietf_decrypt(m: Buffer, nsec: null, c: Buffer, ad: null, npub: Buffer, k: Buffer): number;
  crypto_aead_chacha20poly1305_ietf_encrypt(c: Buffer, m: Buffer, ad: null, nsec: null, npub: Buffer, k: Buffer): number;
};
const ZERO_NONCE = Buffer.alloc(12);

/** A native X25519 identity: the scalar (in libsodium's guarded memory) and its public key. */
interface X25519Native {
  scalar: Buffer;
  recipient: Buffer;
}

const nativeIdentities = new Map<string, X25519Native>();

function x25519Native(identity: string): X25519Native {
  let id = nativeIdentities.get(identity);
  if (!id) {
    const { prefix, words } = bech32.decode(identity.toLowerCase() as `${string}1${string}`, 200);
    const bytes = bech32.fromWords(words);
    if (prefix !== 'age-secret-key-' || bytes.length !== 32)
      throw new ReviewDeskError('E_IDENTITY', { path: 'age identity', reason: 'not an AGE-SECRET-KEY-1 identity' });
    const scalar = sodium.sodium_malloc(32);
    scalar.set(bytes);
    const recipient = Buffer.alloc(32);
    sodium.crypto_scalarmult_base(recipient, scalar);
    id = { scalar, recipient };
    nativeIdentities.set(identity, id);
  }
  return id;
}

/** The ASCII line (bytes 32–126) of `header` from `start` to the next newline, or null if none follows. */
function headerLine(header: Buffer, start: number): { line: string; next: number } | null {
  const end = header.indexOf(10, start);
  if (end < 0) return null;
  for (let i = start; i < end; i++) {
    const b = header[i]!;
    if (b < 32 || b > 126) throw new Error('invalid non-ASCII byte in header');
  }
  return { line: header.toString('latin1', start, end), next: end + 1 };
}

/**
 * Parses a header exactly as age-encryption's parseHeader does (format.js):
 * the version line; stanzas of `->` and non-empty arguments with canonical
 * unpadded base64 body lines of at most 48 bytes, the last one shorter; the
 * `--- ` MAC line. Throws the library's messages.
 */
function parseHeader(header: Buffer): { stanzas: { args: string[]; body: Uint8Array }[]; headerNoMAC: Buffer; mac: Uint8Array } {
  let at = headerLine(header, 0);
  if (at?.line !== 'age-encryption.org/v1') throw new Error('invalid version ' + (at?.line ?? 'line'));
  const stanzas: { args: string[]; body: Uint8Array }[] = [];
  for (;;) {
    const start = at.next;
    at = headerLine(header, start);
    if (at === null) throw new Error('invalid stanza');
    const args = at.line.split(' ');
    if (args.length < 2 || args.shift() !== '->') {
      if (!at.line.startsWith('--- ')) throw new Error('invalid header');
      const mac = base64nopad.decode(at.line.slice(4));
      return { stanzas, headerNoMAC: header.subarray(0, start + 3), mac };
    }
    for (const arg of args) if (arg.length === 0) throw new Error('invalid stanza');
    const lines: Uint8Array[] = [];
    for (;;) {
      at = headerLine(header, at.next);
      if (at === null) throw new Error('invalid stanza');
      const line = base64nopad.decode(at.line);
      if (line.length > 48) throw new Error('invalid stanza');
      lines.push(line);
      if (line.length < 48) break;
    }
    stanzas.push({ args, body: Buffer.concat(lines) });
  }
}

/** X25519 recipient stanzas unwrapped as age-encryption's X25519Identity does, natively; null if none is ours. */
function unwrapX25519(stanzas: { args: string[]; body: Uint8Array }[], ids: X25519Native[]): Buffer | null {
  for (const id of ids) {
    for (const s of stanzas) {
      if (s.args[0] !== 'X25519') continue;
      if (s.args.length !== 2) throw new Error('invalid X25519 stanza');
      const share = base64nopad.decode(s.args[1]!);
      if (share.length !== 32) throw new Error('invalid X25519 stanza');
      const secret = Buffer.alloc(32);
      try {
        // libsodium refuses a low-order share (an all-zero shared secret), as the age spec requires.
        sodium.crypto_scalarmult(secret, id.scalar, Buffer.from(share));
      } catch {
        throw new Error('invalid X25519 shared secret');
      }
      const key = hkdf32(secret, Buffer.concat([share, id.recipient]), X25519_LABEL);
      if (s.body.length !== 32) throw new Error('invalid stanza');
      const fileKey = Buffer.alloc(16);
      try {
        aead.crypto_aead_chacha20poly1305_ietf_decrypt(fileKey, null, Buffer.from(s.body), null, ZERO_NONCE, key);
        return fileKey;
      } catch {
        // Not wrapped to this identity: try the next stanza.
      }
    }
  }
  return null;
}

/** decryptHeader of age-encryption for X25519 identities, natively; the same checks in the same order, the same messages. */
function decryptHeaderX25519(header: Buffer, ids: X25519Native[]): Buffer {
  const h = parseHeader(header);
  const fileKey = unwrapX25519(h.stanzas, ids);
  if (fileKey === null) throw Error("no identity matched any of the file's recipients");
  const mac = createHmac('sha256', hkdf32(fileKey, ZERO_SALT, 'header'))
    .update(h.headerNoMAC)
    .digest();
  if (h.mac.length !== mac.length || !timingSafeEqual(h.mac, mac)) throw Error('invalid header HMAC');
  return fileKey;
}

function makeDecrypter(keys: DecryptKey[]): Decrypter {
  const d = new Decrypter();
  for (const k of keys) {
    if ('passphrase' in k) d.addPassphrase(k.passphrase);
    else if (k.identity.startsWith('AGE-SECRET-KEY-1')) {
      // Beside a passphrase or a hybrid identity, an X25519 one still unwraps natively.
      const id = x25519Native(k.identity);
      d.addIdentity({ unwrapFileKey: (stanzas: Stanza[]) => unwrapX25519(stanzas, [id]) });
    } else d.addIdentity(k.identity);
  }
  return d;
}

const identityDecrypters = new Map<string, Decrypter>();

/**
 * A Decrypter holds no per-file state, and building one derives each
 * identity's public key (an X25519 or ML-KEM operation), so decrypters for
 * identities are cached like their keys; passphrases are never kept.
 */
function decrypterFor(keys: DecryptKey[]): Decrypter {
  if (keys.some((k) => 'passphrase' in k)) return makeDecrypter(keys);
  const id = keys.map((k) => ('identity' in k ? k.identity : '')).join('\n');
  let d = identityDecrypters.get(id);
  if (!d) {
    d = makeDecrypter(keys);
    identityDecrypters.set(id, d);
  }
  return d;
}

/** Checks the header's MAC and returns the file key one of `keys` unwraps; a ReviewDesk error otherwise. */
export async function unwrapFileKey(header: Buffer, keys: DecryptKey[]): Promise<Uint8Array> {
  checkScryptWorkFactor(header);
  // Identities are decoded (E_IDENTITY for a malformed one) before the header is looked at.
  const native = keys.every((k) => 'identity' in k && k.identity.startsWith('AGE-SECRET-KEY-1'))
    ? keys.map((k) => x25519Native((k as { identity: string }).identity))
    : null;
  const d = native ? null : decrypterFor(keys);
  try {
    return native ? decryptHeaderX25519(header, native) : await d!.decryptHeader(header);
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

/**
 * An X25519 recipient (`age1…`) whose stanza is made natively, as age-encryption's X25519Recipient makes it
 * (C2SP age, "X25519 recipient stanza"): an ephemeral share, the shared secret (libsodium refuses a low-order
 * recipient), the wrap key by HKDF-SHA-256 over share ‖ recipient, the file key sealed under a zero nonce.
 * The library's WebCrypto X25519 took ~5 ms a file, which dominated writing many small files (each photo).
 * The library still builds the header and its MAC around the stanza.
 */
class X25519NativeRecipient implements Recipient {
  constructor(private readonly recipient: Buffer) {}
  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = sodium.sodium_malloc(32);
    sodium.randombytes_buf(ephemeral);
    const share = Buffer.alloc(32);
    sodium.crypto_scalarmult_base(share, ephemeral);
    const secret = sodium.sodium_malloc(32);
    try {
      sodium.crypto_scalarmult(secret, ephemeral, this.recipient);
    } catch (e) {
      throw new ReviewDeskError('E_USAGE', { reason: 'the recipient is a low-order point' }, { cause: e });
    }
    const key = hkdf32(secret, Buffer.concat([share, this.recipient]), X25519_LABEL);
    const body = Buffer.alloc(fileKey.length + TAG);
    aead.crypto_aead_chacha20poly1305_ietf_encrypt(body, Buffer.from(fileKey), null, null, ZERO_NONCE, key);
    sodium.sodium_memzero(ephemeral);
    sodium.sodium_memzero(secret);
    key.fill(0);
    return [new Stanza(['X25519', base64nopad.encode(share)], body)];
  }
}

/** The native recipient for an `age1…` string; null when it does not decode (the library then refuses it as before). */
function x25519Recipient(recipient: string): X25519NativeRecipient | null {
  try {
    const { prefix, words } = bech32.decode(recipient.toLowerCase() as `${string}1${string}`, 200);
    const bytes = bech32.fromWords(words);
    return prefix === 'age' && bytes.length === 32 ? new X25519NativeRecipient(Buffer.from(bytes)) : null;
  } catch {
    return null;
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
  for (const r of to.recipients) e.addRecipient(r.startsWith('age1') && !r.startsWith('age1pq1') ? (x25519Recipient(r) ?? r) : r);
  e.addRecipient(tap);
  const out = await e.encrypt(new Uint8Array(0));
  if (!tap.fileKey) throw new ReviewDeskError('E_INTERNAL', { reason: 'file key not captured' });
  return { header: Buffer.from(out.subarray(0, out.length - NONCE_SIZE - TAG)), fileKey: tap.fileKey };
}
