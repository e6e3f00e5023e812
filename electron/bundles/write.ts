/** Writes a signed, encrypted score bundle (`.rsb`). */
import { Bundle, NS_SCORES, type Bundle as BundleT } from '../../shared/formats.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { encryptBytes, encryptStream } from '../crypto/age/index.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { sshsigSign } from '../crypto/ssh.ts';
import { canonicalJson, describeIssues } from '../formats/json.ts';
import { writeZip, zipToBuffer, worthCompressing, type ZipInput } from '../formats/zip.ts';
import type { Identity } from '../keys/identity.ts';

export interface BundleAttachment {
  /** `attachments/<name>` */
  path: string;
  mediaType: string;
  data: Buffer;
}

/**
 * Seals a bundle: validates it, writes bundle.json as RFC 8785 canonical JSON,
 * signs it (SSHSIG, namespace reviewdesk-scores), zips it with the
 * attachments and encrypts the ZIP to the secretariat's recipient.
 */
export async function sealBundle(
  bundle: BundleT,
  expert: Identity,
  secretariatRecipient: string,
  attachments: BundleAttachment[] = [],
): Promise<Buffer> {
  const withHashes: BundleT = {
    ...bundle,
    attachments: attachments.map((a) => ({ path: a.path, size: a.data.length, mediaType: a.mediaType, sha256: sha256Hex(a.data) })),
  };
  const checked = Bundle.safeParse(withHashes);
  if (!checked.success) {
    throw new ReviewDeskError('E_SCHEMA', {
      file: 'bundle.json',
      reason: describeIssues(checked.error),
    });
  }
  if (checked.data.expertFingerprint !== expert.card.fingerprint) {
    throw new ReviewDeskError('E_IDENTITY', { path: expert.card.displayName, reason: 'the bundle names another expert' });
  }
  const json = Buffer.from(canonicalJson(checked.data), 'utf8');
  const entries: ZipInput[] = [
    { name: 'bundle.json', data: json, compress: true },
    { name: 'bundle.json.sig', data: Buffer.from(sshsigSign(expert.signing, NS_SCORES, json)), compress: false },
    ...attachments.map((a) => ({ name: a.path, data: a.data, compress: worthCompressing(a.mediaType) })),
  ];
  return encryptBytes(await zipToBuffer(entries), { recipients: [secretariatRecipient] });
}

/** A photo to seal without holding it: recorded size and hash, its bytes read when the ZIP reaches it. */
export interface StreamedAttachment {
  path: string;
  mediaType: string;
  size: number;
  sha256: string;
  read(): Buffer | Promise<Buffer>;
}

/** What {@link sealBundleStream} reports as it goes. */
export interface StreamOptions {
  /** How many plaintext bytes have gone into the ZIP. */
  onBytes?: (n: number) => void;
  /** Each piece of the ZIP's plaintext, once the encryption is done with it (an attachment's buffer is then free). */
  consumed?: (piece: Uint8Array) => void;
}

/**
 * Seals a bundle as a stream: the same bytes {@link sealBundle} would make in memory (bundle.json, its
 * signature, then the attachments in order), with one attachment in memory at a time. The attachments'
 * sizes and hashes go into bundle.json up front (from the workspace's record); each one read is checked
 * against its size.
 */
export async function* sealBundleStream(
  bundle: BundleT,
  expert: Identity,
  secretariatRecipient: string,
  attachments: readonly StreamedAttachment[],
  { onBytes, consumed }: StreamOptions = {},
): AsyncGenerator<Buffer> {
  const withHashes: BundleT = {
    ...bundle,
    attachments: attachments.map((a) => ({ path: a.path, size: a.size, mediaType: a.mediaType, sha256: a.sha256 })),
  };
  const checked = Bundle.safeParse(withHashes);
  if (!checked.success) throw new ReviewDeskError('E_SCHEMA', { file: 'bundle.json', reason: describeIssues(checked.error) });
  if (checked.data.expertFingerprint !== expert.card.fingerprint)
    throw new ReviewDeskError('E_IDENTITY', { path: expert.card.displayName, reason: 'the bundle names another expert' });
  const json = Buffer.from(canonicalJson(checked.data), 'utf8');
  const entries: ZipInput[] = [
    { name: 'bundle.json', data: json, compress: true },
    { name: 'bundle.json.sig', data: Buffer.from(sshsigSign(expert.signing, NS_SCORES, json)), compress: false },
    ...attachments.map((a) => ({
      name: a.path,
      compress: worthCompressing(a.mediaType),
      size: a.size,
      stream: async () => {
        const data = await a.read();
        if (data.length !== a.size) throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${a.path} changed since it was added` });
        return data;
      },
    })),
  ];
  let fed = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const piece of writeZip(entries)) {
      fed += piece.length;
      onBytes?.(fed);
      yield piece;
      // The encryption asks for the next piece only once it has sealed this one (or copied what it keeps).
      consumed?.(piece);
    }
  }
  yield* encryptStream(counted(), { recipients: [secretariatRecipient] });
}

/** Seals a bundle and writes it atomically. */
export async function writeBundle(
  path: string,
  bundle: BundleT,
  expert: Identity,
  secretariatRecipient: string,
  attachments: BundleAttachment[] = [],
): Promise<{ sha256: string; size: number }> {
  return writeFileAtomic(path, [await sealBundle(bundle, expert, secretariatRecipient, attachments)]);
}
