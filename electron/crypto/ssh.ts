/**
 * Ed25519 SSH keys and SSH signatures (OpenSSH PROTOCOL.sshsig), signed and
 * verified with libsodium. Every signature we make is accepted by
 * `ssh-keygen -Y verify`, and we accept what `ssh-keygen -Y sign` makes with an
 * Ed25519 key. Private key files (the stock OpenSSH format, via sshpk) are
 * electron/crypto/ssh-keyfile.ts: only loading or saving an identity needs
 * them, not the threads that verify bundles.
 */
import { createHash } from 'node:crypto';
import sodium from 'sodium-native';
import { ReviewDeskError } from '../../shared/errors.ts';

const MAGIC = Buffer.from('SSHSIG');
const KEY_TYPE = 'ssh-ed25519';

function sshString(data: Uint8Array | string): Buffer {
  const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

/** Reads SSH wire-format fields, refusing anything that runs past the end. */
class WireReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  bytes(n: number): Buffer {
    if (n < 0 || this.pos + n > this.buf.length) throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }
  string(): Buffer {
    return this.bytes(this.uint32());
  }
  done(): boolean {
    return this.pos === this.buf.length;
  }
}

/** An Ed25519 signing key pair: 32-byte public key, 64-byte libsodium secret key. */
export interface SigningKey {
  publicKey: Buffer;
  secretKey: Buffer;
}

export function generateSigningKey(): SigningKey {
  const publicKey = sodium.sodium_malloc(sodium.crypto_sign_PUBLICKEYBYTES);
  const secretKey = sodium.sodium_malloc(sodium.crypto_sign_SECRETKEYBYTES);
  sodium.crypto_sign_keypair(publicKey, secretKey);
  return { publicKey: Buffer.from(publicKey), secretKey };
}

function publicKeyBlob(publicKey: Uint8Array): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(publicKey)]);
}

/** `ssh-ed25519 AAAA…` (authorized_keys / allowed_signers form, no comment). */
export function formatSshPublicKey(publicKey: Uint8Array): string {
  return `${KEY_TYPE} ${publicKeyBlob(publicKey).toString('base64')}`;
}

/** Parses `ssh-ed25519 AAAA… [comment]` to the raw 32-byte key. */
export function parseSshPublicKey(line: string): Buffer {
  const [type, b64] = line.trim().split(/\s+/);
  if (type !== KEY_TYPE || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) throw new Error('not an ssh-ed25519 public key');
  const r = new WireReader(Buffer.from(b64, 'base64'));
  if (r.string().toString() !== KEY_TYPE) throw new Error('key type mismatch');
  const key = r.string();
  if (key.length !== 32 || !r.done()) throw new Error('bad ed25519 key length');
  return Buffer.from(key);
}

/** The OpenSSH fingerprint, as `ssh-keygen -l` prints it: `SHA256:…`. */
export function sshFingerprint(publicKey: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob(publicKey)).digest('base64').replace(/=+$/, '')}`;
}

function signedData(namespace: string, hashAlg: string, message: Uint8Array, digest?: Buffer): Buffer {
  digest ??= createHash(hashAlg === 'sha256' ? 'sha256' : 'sha512')
    .update(message)
    .digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(hashAlg), sshString(digest)]);
}

/** Signs `message` in `namespace`; returns the armored `-----BEGIN SSH SIGNATURE-----` text. */
export function sshsigSign(key: SigningKey, namespace: string, message: Uint8Array): string {
  const sig = Buffer.alloc(sodium.crypto_sign_BYTES);
  sodium.crypto_sign_detached(sig, signedData(namespace, 'sha512', message), key.secretKey);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([
    MAGIC,
    version,
    sshString(publicKeyBlob(key.publicKey)),
    sshString(namespace),
    sshString(''),
    sshString('sha512'),
    sshString(Buffer.concat([sshString(KEY_TYPE), sshString(sig)])),
  ]);
  const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

/**
 * Verifies an armored SSH signature over `message` in `namespace` and returns
 * the signer's raw public key. The caller decides whether that key is trusted.
 * Throws E_SIG_INVALID (with `file` for the message) on any failure.
 */
export function sshsigVerify(armored: string | Uint8Array, namespace: string, message: Uint8Array, file: string): Buffer {
  return sshsigVerifyDetailed(armored, namespace, message, file).publicKey;
}

/**
 * As sshsigVerify, also returning the message digest the signature covers
 * (SHA-512, or SHA-256 if the signer chose it), so a caller that needs a
 * content hash of a large message does not hash it twice.
 */
export function sshsigVerifyDetailed(
  armored: string | Uint8Array,
  namespace: string,
  message: Uint8Array,
  file: string,
): { publicKey: Buffer; hashAlg: 'sha256' | 'sha512'; digest: Buffer } {
  const parsed = parseSshsig(armored, namespace, file);
  const digest = createHash(parsed.hashAlg).update(message).digest();
  return { publicKey: sshsigVerifyDigest(parsed, digest, file), hashAlg: parsed.hashAlg, digest };
}

/** An armored SSH signature, parsed and checked for form (namespace, key type, hash), not yet verified. */
export interface ParsedSshsig {
  readonly publicKey: Buffer;
  readonly namespace: string;
  readonly hashAlg: 'sha256' | 'sha512';
  readonly signature: Buffer;
}

/**
 * Parses an armored SSH signature for `namespace`, so that a large message can
 * be hashed as it streams (with `hashAlg`) and checked with
 * {@link sshsigVerifyDigest} without being held. Throws E_SIG_INVALID.
 */
export function parseSshsig(armored: string | Uint8Array, namespace: string, file: string): ParsedSshsig {
  const fail = (reason: string): never => {
    throw new ReviewDeskError('E_SIG_INVALID', { file, reason });
  };
  const text = typeof armored === 'string' ? armored : Buffer.from(armored).toString('utf8');
  const m = /^-----BEGIN SSH SIGNATURE-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n-----END SSH SIGNATURE-----\r?\n?$/.exec(text);
  if (!m?.[1]) return fail('not an armored SSH signature');
  let publicKey: Buffer, ns: string, hashAlg: string, sigType: string, sig: Buffer;
  try {
    const r = new WireReader(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
    if (!r.bytes(6).equals(MAGIC)) return fail('bad magic');
    if (r.uint32() !== 1) return fail('unsupported version');
    const pkr = new WireReader(r.string());
    if (pkr.string().toString() !== KEY_TYPE) return fail('only ssh-ed25519 signatures are accepted');
    publicKey = Buffer.from(pkr.string());
    ns = r.string().toString('utf8');
    r.string(); // reserved
    hashAlg = r.string().toString();
    const sr = new WireReader(r.string());
    sigType = sr.string().toString();
    sig = Buffer.from(sr.string());
    if (!r.done() || !sr.done() || !pkr.done()) return fail('trailing data');
  } catch (e) {
    return fail(e instanceof Error ? e.message : 'malformed');
  }
  if (ns !== namespace) return fail(`namespace "${ns}", expected "${namespace}"`);
  if (hashAlg !== 'sha512' && hashAlg !== 'sha256') return fail(`hash ${hashAlg}`);
  if (sigType !== KEY_TYPE || sig.length !== 64 || publicKey.length !== 32) return fail('malformed ed25519 signature');
  return { publicKey, namespace: ns, hashAlg: hashAlg as 'sha256' | 'sha512', signature: sig };
}

/** Verifies a parsed signature against the message's digest (taken with its `hashAlg`); returns the signer's key. */
export function sshsigVerifyDigest(parsed: ParsedSshsig, digest: Buffer, file: string): Buffer {
  const data = signedData(parsed.namespace, parsed.hashAlg, new Uint8Array(0), digest);
  if (!sodium.crypto_sign_verify_detached(parsed.signature, data, parsed.publicKey))
    throw new ReviewDeskError('E_SIG_INVALID', { file, reason: 'signature does not match' });
  return parsed.publicKey;
}
