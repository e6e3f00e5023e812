/**
 * The photos of a score file the merge accepted, for the site-visit record (现场考察记录表). The merge keeps
 * no attachment bytes (its compact bundles list each photo's size and SHA-256 only); this opens the accepted
 * file again, checks it is that file (the same SHA-256, and a bundle.json whose signature verifies and whose
 * SHA-512 is the merged content), then inflates one photo at a time on request, checked against the size and
 * SHA-256 that the signed bundle.json lists, as verify does. Only the decrypted ZIP is held while it is open
 * (about the file's size); a photo's bytes are the caller's until it lets them go. Thumbnails are small JPEGs
 * made with sharp, never the photo itself.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import { ReviewDeskError } from '../../shared/errors.ts';
import type { ReviewVisitPhoto } from '../../shared/merge/model.ts';
import { VISIT_LIMITS } from '../../shared/visit/model.ts';
import { MAX_BUNDLE_FILE } from '../bundles/limits.ts';
import { signedBundleDocument } from '../bundles/verify.ts';
import { decryptBytes } from '../crypto/age/index.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint } from '../crypto/ssh.ts';
import { entryBytes } from '../formats/zip.ts';

/** The accepted file as the merge knew it. */
export interface AcceptedFile {
  /** Where it lies now. */
  path: string;
  fileSha256: string;
  contentSha512: string;
  /** The expert's SSH public key (the card's), which must have signed bundle.json. */
  sshPublicKey: string;
}

export interface AcceptedPhotos {
  /** One photo's bytes, checked against its listed size and SHA-256. */
  photo(p: Pick<ReviewVisitPhoto, 'path' | 'size' | 'sha256'>): Promise<Buffer>;
}

/** Opens the accepted file again and checks it is the one merged; throws a ReviewDeskError otherwise. */
export async function openAcceptedPhotos(file: AcceptedFile, ageIdentity: string): Promise<AcceptedPhotos> {
  const io = (e: NodeJS.ErrnoException): never => {
    throw new ReviewDeskError('E_IO', { path: file.path, reason: e.code ?? String(e) });
  };
  const size = (await stat(file.path).catch(io)).size;
  if (size > MAX_BUNDLE_FILE) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: MAX_BUNDLE_FILE });
  const { plaintext, fileSha256 } = await decryptBytes(await readFile(file.path).catch(io), [{ identity: ageIdentity }]);
  const changed = (): never => {
    throw new ReviewDeskError('E_IO', { path: file.path, reason: 'the file is not the one merged (it changed since)' });
  };
  if (fileSha256 !== file.fileSha256) changed();
  const { dir, json, signer, hashAlg, digest } = await signedBundleDocument(plaintext);
  if (formatSshPublicKey(signer) !== file.sshPublicKey)
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
  const sha512 = hashAlg === 'sha512' ? digest.toString('hex') : createHash('sha512').update(json).digest('hex');
  if (sha512 !== file.contentSha512) changed();
  return {
    async photo(p) {
      const e = dir.entries.get(p.path);
      if (!e) throw new ReviewDeskError('E_FILE_MISSING', { path: p.path });
      if (e.size !== p.size || p.size > VISIT_LIMITS.maxPhotoBytes) throw new ReviewDeskError('E_HASH_MISMATCH', { path: p.path });
      const bytes = await entryBytes(dir, p.path, p.size);
      if (sha256Hex(bytes) !== p.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: p.path });
      return bytes;
    },
  };
}

/** Longest side of a thumbnail on the sheet, in pixels (about 200 dpi at the printed size). */
export const SHEET_THUMB = 720;

/**
 * A small JPEG of a photo for print: turned by its EXIF orientation and then by the expert's rotation, at most
 * {@link SHEET_THUMB} pixels a side. Null when the photo does not decode (the sheet says so in its place).
 */
export function sheetThumbnail(bytes: Buffer, rotation: 0 | 90 | 180 | 270 = 0): Promise<Buffer | null> {
  return thumbnailJpeg(bytes, rotation, SHEET_THUMB, 70);
}

/**
 * A JPEG of at most `size` pixels a side, turned by the photo's EXIF orientation and then by `rotation`
 * (PNG transparency on white). Null when the photo does not decode.
 */
export async function thumbnailJpeg(bytes: Buffer, rotation: 0 | 90 | 180 | 270, size: number, quality: number): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { failOn: 'error', limitInputPixels: 200_000_000, autoOrient: true })
      .rotate(rotation)
      .resize(size, size, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality })
      .toBuffer();
  } catch {
    return null;
  }
}
