/**
 * age encryption: a header built by the age-encryption library (see
 * header.ts), a fresh payload nonce, then the plaintext sealed chunk by chunk
 * through libsodium (see stream.ts), as a stream or in memory.
 */
import { randomBytes } from 'node:crypto';
import { makeHeader, type EncryptTo } from './header.ts';
import { NONCE_SIZE, payloadKey, StreamSealer } from './stream.ts';

/**
 * Encrypts a stream of plaintext pieces, yielding the age file's bytes. `consumed` is told of each piece once
 * the encryption is done with it (it keeps a copy of what it holds back), so that its buffer can be reused.
 */
export async function* encryptStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  to: EncryptTo,
  consumed?: (piece: Uint8Array) => void,
): AsyncGenerator<Buffer> {
  const { header, fileKey } = await makeHeader(to);
  const nonce = randomBytes(NONCE_SIZE);
  yield Buffer.concat([header, nonce]);
  const sealer = new StreamSealer(payloadKey(fileKey, nonce));
  for await (const piece of source) {
    const sealed = await sealer.push(piece);
    consumed?.(piece);
    for (const c of sealed) yield c;
  }
  yield sealer.finish();
}

/** Encrypts bytes in memory. */
export async function encryptBytes(data: Uint8Array, to: EncryptTo): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of encryptStream([data], to)) parts.push(p);
  return Buffer.concat(parts);
}
