/**
 * The stock OpenSSH private key file (`-----BEGIN OPENSSH PRIVATE KEY-----`)
 * for Ed25519 keys, written and read through sshpk. Apart from
 * electron/crypto/ssh.ts so that code that only verifies signatures (the
 * merge's and verify-bundle's worker threads) does not load sshpk; identity
 * files (electron/keys/identity.ts) are the one user.
 */
import sodium from 'sodium-native';
import sshpk from 'sshpk';
import type { SigningKey } from './ssh.ts';

/** The stock OpenSSH private key file (`-----BEGIN OPENSSH PRIVATE KEY-----`), unencrypted. */
export function formatOpenSshPrivateKey(key: SigningKey, comment = ''): string {
  const seed = Buffer.from(key.secretKey.subarray(0, 32));
  const pk = new sshpk.PrivateKey({
    type: 'ed25519',
    parts: [
      { name: 'A', data: Buffer.from(key.publicKey) },
      { name: 'k', data: seed },
    ],
  } as unknown as sshpk.PrivateKey);
  pk.comment = comment;
  return pk.toString('openssh');
}

/** Reads an unencrypted OpenSSH Ed25519 private key file. */
export function parseOpenSshPrivateKey(pem: string): SigningKey {
  const pk = sshpk.parsePrivateKey(pem, 'openssh');
  if (pk.type !== 'ed25519') throw new Error(`expected an ed25519 key, got ${pk.type}`);
  const parts = (pk as unknown as { part: Record<string, { data: Buffer }> }).part;
  const seed = parts.k?.data;
  if (!seed) throw new Error('ed25519 key has no seed');
  const publicKey = Buffer.alloc(32);
  const secretKey = sodium.sodium_malloc(64);
  sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed.subarray(seed.length - 32));
  return { publicKey, secretKey };
}
