/**
 * Opens a review package: decrypt and authenticate the whole age file, check
 * the ZIP's structure, the secretariat's signature over the manifest, every
 * file's SHA-256, and the manifest and rubric against their strict schemas.
 * Everything happens in memory; nothing is written anywhere.
 */
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { nth } from '../../shared/checked.ts';
import { Manifest, NS_PACKAGE, PACKAGE_SCHEMA_VERSION } from '../../shared/formats.ts';
import { indicatorProblem } from '../../shared/review/indicators.ts';
import { Rubric, RUBRIC_SCHEMA_VERSION } from '../../shared/rubric/model.ts';
import { upgradeRubric } from '../../shared/rubric/upgrade.ts';
import { openAgeFile, type Progress } from '../crypto/age/index.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint, sshsigVerify } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';
import { entryBytes, entryDigest, readZipDirectory, type ZipStats } from '../formats/zip.ts';
import { checkCard } from '../keys/card.ts';
import type { Identity } from '../keys/identity.ts';
import { MAX_MANIFEST_BYTES, MAX_PACKAGE_FILE, MAX_RUBRIC_BYTES, PACKAGE_LIMITS } from './limits.ts';

export interface OpenedPackage {
  manifest: Manifest;
  /** The package's rubrics by id, in the manifest's order. */
  rubrics: Map<string, Rubric>;
  /** The dossier files' package paths. */
  filePaths: string[];
  /**
   * One dossier file's bytes (a buffer of its own). Small files were kept
   * when the package was opened; large ones are decrypted again from the
   * `.rpkg` on each read and checked against the signed manifest's SHA-256
   * (E_HASH_MISMATCH, or E_IO if the file on disk is no longer the one that
   * was opened), so no large plaintext stays in memory between reads.
   */
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * SHA-256 of the `.rpkg` file, quoted in score bundles. It is not one of the
   * checks of opening, so it is computed on the first call (reading the file
   * again) and refused with E_IO if the file changed since it was opened.
   */
  packageSha256(): Promise<string>;
  packageSize: number;
  /** The signing secretariat's card fingerprint and SSH key fingerprint. */
  signer: { fingerprint: string; sshFingerprint: string };
  /** Follows the `.rpkg` to where it was renamed (E_IO if another file is there); later reads come from there. */
  moved(to: string): Promise<void>;
}

export interface OpenOptions {
  /** When given, the package must be signed by this card (a pinned key). */
  trustedSecretariat?: Card;
  onProgress?: Progress;
  /** Counts the bytes this open inflates (tests assert a bound on it). */
  stats?: ZipStats;
}

/**
 * Stored entries from this size on are hashed where they lie in the payload,
 * as it is authenticated, and read again when wanted; deflated ones this
 * large are streamed through inflate to be hashed and inflated again when
 * wanted; smaller ones are extracted and kept.
 */
const IN_PLACE_FROM = 256 * 1024;
/** An SSH signature is a few hundred bytes. */
const MAX_SIGNATURE_BYTES = 64 * 1024;

/**
 * Opens and fully checks a `.rpkg` file with the expert's identity: the ZIP
 * directory is read through chunks decrypted on demand, then every chunk of
 * the payload, the final one included, is authenticated on every core with
 * the large stored files' SHA-256s taken on the way, before anything is
 * parsed or inflated. Then the manifest and its signature alone are inflated
 * (under MAX_MANIFEST_BYTES) and the signature checked; only then the files
 * the signed manifest lists, each refused at the first byte past the size it
 * states. Only the manifest, the rubric and the small files are held.
 */
export async function openPackage(path: string, identity: Identity, opts: OpenOptions = {}): Promise<OpenedPackage> {
  const age = await openAgeFile(path, [{ identity: identity.ageIdentity }], { maxSize: MAX_PACKAGE_FILE });
  try {
    const dir = await readZipDirectory(age.plainLen, (position, length) => age.read(position, length), PACKAGE_LIMITS, opts.stats);
    // Large stored files are hashed where they lie while every chunk is authenticated; nothing is inflated here.
    const placed = [...dir.entries.values()].filter((e) => e.method === 0 && e.size >= IN_PLACE_FROM);
    const inPlace = new Map(placed.map((e) => [e.name, [e.dataStart, e.size] as [number, number]]));
    const digests = await age.scan(
      placed.map((e) => [e.dataStart, e.size]),
      opts.onProgress,
    );
    const placedHash = new Map(placed.map((e, i) => [e.name, nth(digests, i, 'digest')]));

    // The signed document first, and nothing else until its signature is checked.
    if (!dir.entries.has('manifest.json')) throw new ReviewDeskError('E_FILE_MISSING', { path: 'manifest.json' });
    if (!dir.entries.has('manifest.json.sig')) throw new ReviewDeskError('E_SIG_MISSING', { file: 'manifest.json.sig' });
    const manifestBytes = await entryBytes(dir, 'manifest.json', MAX_MANIFEST_BYTES);
    const sig = await entryBytes(dir, 'manifest.json.sig', MAX_SIGNATURE_BYTES);
    const signerKey = sshsigVerify(sig, NS_PACKAGE, manifestBytes, 'manifest.json');
    const manifest = parseStrict(manifestBytes, Manifest, 'manifest.json', {
      maxBytes: MAX_MANIFEST_BYTES,
      schemaVersion: PACKAGE_SCHEMA_VERSION,
    });
    const secretariat = checkCard(manifest.secretariat, 'manifest.json (secretariat)');
    if (formatSshPublicKey(signerKey) !== secretariat.sshPublicKey) {
      throw new ReviewDeskError('E_SIG_SIGNER', { file: 'manifest.json', fingerprint: sshFingerprint(signerKey) });
    }
    if (opts.trustedSecretariat && opts.trustedSecretariat.fingerprint !== secretariat.fingerprint) {
      throw new ReviewDeskError('E_SIG_SIGNER', { file: 'manifest.json', fingerprint: secretariat.fingerprint });
    }
    if (manifest.expert.fingerprint !== identity.card.fingerprint) {
      throw new ReviewDeskError('E_NOT_FOR_YOU', { expected: manifest.expert.fingerprint, actual: identity.card.fingerprint });
    }

    // An entry the manifest does not list was added after signing: the file is not what the secretariat sent, so it
    // is refused (never inflated), rather than opened with the addition silently ignored.
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const name of dir.entries.keys()) {
      if (name !== 'manifest.json' && name !== 'manifest.json.sig' && !listed.has(name))
        throw new ReviewDeskError('E_ZIP_UNLISTED', { path: name });
    }
    const kept = new Map<string, Buffer>();
    for (const f of manifest.files) {
      const e = dir.entries.get(f.path);
      if (!e) throw new ReviewDeskError('E_FILE_MISSING', { path: f.path });
      // Each listed file is read under the size the signed manifest states: the directory's own figure is only a claim.
      if (e.size !== f.size) throw new ReviewDeskError('E_HASH_MISMATCH', { path: f.path });
      let hex = placedHash.get(f.path);
      if (hex === undefined && e.method === 8 && e.size >= IN_PLACE_FROM) {
        // Large deflated files are streamed through inflate and hashed, not held; reading one inflates it again.
        hex = await entryDigest(dir, f.path, f.size);
      } else if (hex === undefined) {
        const data = await entryBytes(dir, f.path, f.size);
        hex = sha256Hex(data);
        kept.set(f.path, data);
      }
      if (hex !== f.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: f.path });
    }
    /** A rubric, refused before it is read when it is larger than its limit. */
    const bytesOf = async (name: string, maxBytes: number): Promise<Buffer | undefined> => {
      const e = dir.entries.get(name);
      if (e && e.size > maxBytes) throw new ReviewDeskError('E_ZIP_LIMIT', { what: name, value: e.size, limit: maxBytes });
      const range = inPlace.get(name);
      if (range) return age.read(range[0], range[1]);
      return kept.get(name) ?? (e ? entryBytes(dir, name, e.size) : undefined);
    };
    const rubrics = new Map<string, Rubric>();
    for (const ref of manifest.rubrics) {
      const bytes = await bytesOf(ref.path, MAX_RUBRIC_BYTES);
      // The manifest schema requires each rubric in `files`, and every listed file was found above.
      if (!bytes) throw new ReviewDeskError('E_FILE_MISSING', { path: ref.path });
      const rubric = parseStrict(bytes, Rubric, ref.path, {
        maxBytes: MAX_RUBRIC_BYTES,
        schemaVersion: RUBRIC_SCHEMA_VERSION,
        upgrade: upgradeRubric,
      });
      if (rubric.id !== ref.id || rubric.version !== ref.version) {
        throw new ReviewDeskError('E_SCHEMA', {
          file: ref.path,
          reason: `is ${rubric.id} v${rubric.version}, the manifest names ${ref.id} v${ref.version}`,
        });
      }
      rubrics.set(ref.id, rubric);
      kept.delete(ref.path);
    }
    // Seed 003: each application is reviewed 根据企业所申报的类别, so by a rubric that applies to its category.
    for (const a of manifest.applications) {
      const r = rubrics.get(a.rubricId);
      if (r && !r.appliesTo.includes(a.category)) {
        throw new ReviewDeskError('E_RUBRIC_CATEGORY', {
          application: a.id,
          category: a.category,
          rubric: r.id,
          appliesTo: r.appliesTo.join(', '),
        });
      }
      // The report's figures belong to rows of the application's own rubric; any other entry is refused by name.
      const problem = r && a.indicators && indicatorProblem(r, a.indicators);
      if (problem) throw new ReviewDeskError('E_SCHEMA', { file: 'manifest.json', reason: `application ${a.id}: ${problem}` });
    }
    const isRubric = (p: string): boolean => manifest.rubrics.some((r) => r.path === p);
    const filePaths = manifest.files.map((f) => f.path).filter((p) => !isRubric(p));
    return {
      manifest,
      rubrics,
      filePaths,
      async readFile(file) {
        const small = kept.get(file);
        // Bytes of their own: a view would carry (and structured clone would copy) the whole buffer behind it.
        if (small) return new Uint8Array(small);
        const e = dir.entries.get(file);
        const entry = listed.get(file);
        if (!e || !entry || isRubric(file)) {
          const application = manifest.applications.find((a) => a.files.includes(file))?.id ?? '';
          throw new ReviewDeskError('E_UNKNOWN_FILE', { application, path: file.slice(0, 200) });
        }
        const bytes = e.method === 8 ? await entryBytes(dir, file, entry.size) : await age.read(e.dataStart, e.size);
        if (sha256Hex(bytes) !== entry.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: file });
        // Read whole, the buffer is the file's own; a file that starts inside a chunk comes as a view, copied out.
        const own = bytes.byteOffset === 0 && bytes.length === bytes.buffer.byteLength;
        return own ? new Uint8Array(bytes.buffer as ArrayBuffer) : new Uint8Array(bytes);
      },
      packageSha256: () => age.fileSha256(),
      moved: (to) => age.moved(to),
      packageSize: age.fileSize,
      signer: { fingerprint: secretariat.fingerprint, sshFingerprint: sshFingerprint(signerKey) },
    };
  } finally {
    await age.close();
  }
}
