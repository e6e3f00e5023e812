/** Writes a signed, encrypted score bundle (`.rsb`). */
import { Bundle, NS_SCORES, type Bundle as BundleT } from '../../shared/formats.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { encryptBytes } from '../crypto/age/index.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { sshsigSign } from '../crypto/ssh.ts';
import { canonicalJson, describeIssues } from '../formats/json.ts';
import { zipToBuffer, worthCompressing, type ZipInput } from '../formats/zip.ts';
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
