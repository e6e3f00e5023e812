/**
 * Opens a review package: decrypt and authenticate the whole age file, check
 * the ZIP's structure, the secretariat's signature over the manifest, every
 * file's SHA-256, and the manifest and rubric against their strict schemas.
 * Everything happens in memory; nothing is written anywhere.
 */
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { Manifest, NS_PACKAGE, PACKAGE_SCHEMA_VERSION } from '../../shared/formats.ts';
import { Rubric, RUBRIC_SCHEMA_VERSION } from '../../shared/rubric/model.ts';
import { decryptFileDeferred, type Progress } from '../crypto/age.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { sha256Many } from '../crypto/parallel.ts';
import { formatSshPublicKey, sshFingerprint, sshsigVerify } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';
import { readZip } from '../formats/zip.ts';
import { checkCard } from '../keys/card.ts';
import type { Identity } from '../keys/identity.ts';
import { MAX_MANIFEST_BYTES, MAX_PACKAGE_FILE, MAX_RUBRIC_BYTES, PACKAGE_LIMITS } from './limits.ts';

export interface OpenedPackage {
  manifest: Manifest;
  rubric: Rubric;
  /** Dossier files by package path (views into one in-memory buffer). */
  files: Map<string, Buffer>;
  /**
   * SHA-256 of the `.rpkg` file, quoted in score bundles. It is not one of the
   * checks of opening, so it is computed on the first call (reading the file
   * again) and refused with E_IO if the file changed since it was opened.
   */
  packageSha256(): Promise<string>;
  packageSize: number;
  /** The signing secretariat's card fingerprint and SSH key fingerprint. */
  signer: { fingerprint: string; sshFingerprint: string };
}

export interface OpenOptions {
  /** When given, the package must be signed by this card (a pinned key). */
  trustedSecretariat?: Card;
  onProgress?: Progress;
}

/** Checks an already decrypted package ZIP. */
async function checkPackageZip(
  zipBytes: Buffer,
  identity: Identity,
  opts: OpenOptions = {},
): Promise<Omit<OpenedPackage, 'packageSha256' | 'packageSize'>> {
  const entries = await readZip(zipBytes, PACKAGE_LIMITS);
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw new ReviewDeskError('E_FILE_MISSING', { path: 'manifest.json' });
  const sig = entries.get('manifest.json.sig');
  if (!sig) throw new ReviewDeskError('E_SIG_MISSING', { file: 'manifest.json.sig' });
  const manifest = parseStrict(manifestBytes, Manifest, 'manifest.json', {
    maxBytes: MAX_MANIFEST_BYTES,
    schemaVersion: PACKAGE_SCHEMA_VERSION,
  });
  const secretariat = checkCard(manifest.secretariat, 'manifest.json (secretariat)');

  const signerKey = sshsigVerify(sig, NS_PACKAGE, manifestBytes, 'manifest.json');
  if (formatSshPublicKey(signerKey) !== secretariat.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'manifest.json', fingerprint: sshFingerprint(signerKey) });
  }
  if (opts.trustedSecretariat && opts.trustedSecretariat.fingerprint !== secretariat.fingerprint) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'manifest.json', fingerprint: secretariat.fingerprint });
  }
  if (manifest.expert.fingerprint !== identity.card.fingerprint) {
    throw new ReviewDeskError('E_NOT_FOR_YOU', { expected: manifest.expert.fingerprint, actual: identity.card.fingerprint });
  }

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && name !== 'manifest.json.sig' && !listed.has(name))
      throw new ReviewDeskError('E_ZIP_UNLISTED', { path: name });
  }
  const present = manifest.files.flatMap((f) => entries.get(f.path) ?? []);
  const slot = new Map(present.map((data, i) => [data, i]));
  const hex = await sha256Many(present, sha256Hex);
  const files = new Map<string, Buffer>();
  for (const f of manifest.files) {
    const data = entries.get(f.path);
    if (!data) throw new ReviewDeskError('E_FILE_MISSING', { path: f.path });
    if (data.length !== f.size || hex[slot.get(data)!] !== f.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: f.path });
    files.set(f.path, data);
  }
  const rubric = parseStrict(files.get('rubric.json')!, Rubric, 'rubric.json', {
    maxBytes: MAX_RUBRIC_BYTES,
    schemaVersion: RUBRIC_SCHEMA_VERSION,
  });
  if (rubric.id !== manifest.rubric.id || rubric.version !== manifest.rubric.version) {
    throw new ReviewDeskError('E_SCHEMA', {
      file: 'rubric.json',
      reason: `is ${rubric.id} v${rubric.version}, the manifest names ${manifest.rubric.id} v${manifest.rubric.version}`,
    });
  }
  files.delete('rubric.json');
  return { manifest, rubric, files, signer: { fingerprint: secretariat.fingerprint, sshFingerprint: sshFingerprint(signerKey) } };
}

/** Opens and fully checks a `.rpkg` file with the expert's identity. */
export async function openPackage(path: string, identity: Identity, opts: OpenOptions = {}): Promise<OpenedPackage> {
  const { plaintext, fileSha256, fileSize } = await decryptFileDeferred(path, [{ identity: identity.ageIdentity }], {
    maxSize: MAX_PACKAGE_FILE,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const checked = await checkPackageZip(plaintext, identity, opts);
  return { ...checked, packageSha256: fileSha256, packageSize: fileSize };
}
