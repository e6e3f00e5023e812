/**
 * Opens score bundle files for the merge, in two depths:
 *
 * - `head`: decrypt, check the ZIP, verify the expert's SSH signature over the
 *   exact bytes of bundle.json against the card it carries, and read the
 *   top-level fields (revision, round, package, rubric, card) — enough to
 *   reconcile. The signature covers the whole file, so what is read is what
 *   the expert signed.
 * - `full`: everything `openBundleBytes` checks (canonical JSON, the strict
 *   schema, attachments), then the compact form for aggregation.
 *
 * The merge opens every file by its head and fully only the files that could
 * count (electron/merge/merge.ts). Neither throws for a bad file: it becomes
 * a refused candidate with its error code.
 *
 * A head read can be kept ({@link HeldHeads}): the decrypted ZIP (about the
 * file's size) and the signer its signature verified. The full open of the
 * same file then starts from there instead of reading, decrypting, inflating,
 * hashing and verifying it again; it does the rest of `openBundleBytes`'s
 * checks on bundle.json inflated again from that same authenticated
 * plaintext, so on the very bytes whose digest the signature covers.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { Card } from '../../shared/card.ts';
import { ReviewDeskError, fromFileSystemError, isReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, Bundle } from '../../shared/formats.ts';
import { compactBundle, type Candidate, type ImportedBundle } from '../../shared/merge/model.ts';
import { MAX_BUNDLE_FILE, MAX_BUNDLE_JSON } from '../bundles/limits.ts';
import { checkSignedBundle, openBundleBytes, signedBundleDocument, type SignedBundleDocument } from '../bundles/verify.ts';
import { decryptBytes } from '../crypto/age/index.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint } from '../crypto/ssh.ts';
import { describeIssues, schemaVersionError } from '../formats/json.ts';
import { entryBytes } from '../formats/zip.ts';
import { checkCard } from '../keys/card.ts';
import type { Identity } from '../keys/identity.ts';

/** What opening needs of the secretariat: its card and age secret key (never its signing key). */
export interface OpenKey {
  card: Card;
  ageIdentity: string;
}

export type Depth = 'head' | 'full';

/** The top-level fields after `applications` in canonical bundle.json (keys sort: appVersion, applications, attachments, …). */
const Head = z
  .object({
    attachments: Bundle.shape.attachments,
    createdAt: Bundle.shape.createdAt,
    expert: Card,
    expertFingerprint: Bundle.shape.expertFingerprint,
    kind: Bundle.shape.kind,
    packageId: Bundle.shape.packageId,
    packageSha256: Bundle.shape.packageSha256,
    revision: Bundle.shape.revision,
    roundId: Bundle.shape.roundId,
    rubrics: Bundle.shape.rubrics,
    schemaVersion: Bundle.shape.schemaVersion,
  })
  .strict();

const TAIL = Buffer.from('],"attachments":[');
const APP_VERSION = /^\{"appVersion":("(?:[^"\\]|\\.){0,200}"),"applications":\[/;

/** Reads the head of a canonical bundle.json without parsing its (large) applications. */
function readHead(json: Buffer): { head: z.infer<typeof Head>; appVersion: string } {
  const bad = (reason: string): never => {
    throw new ReviewDeskError('E_SCHEMA', { file: 'bundle.json', reason });
  };
  if (json.length > MAX_BUNDLE_JSON)
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: 'bundle.json', value: json.length, limit: MAX_BUNDLE_JSON });
  // Inside a JSON string a quote is always escaped, so this byte sequence only occurs as structure.
  const at = json.lastIndexOf(TAIL);
  const start = APP_VERSION.exec(json.subarray(0, 300).toString('utf8'));
  if (at < 0 || !start) return bad('not a canonical score bundle (top-level fields not found)');
  let value: unknown;
  try {
    value = JSON.parse('{' + json.subarray(at + 2).toString('utf8'));
  } catch {
    return bad('not JSON');
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== BUNDLE_SCHEMA_VERSION) throw schemaVersionError('bundle.json', version, BUNDLE_SCHEMA_VERSION, 'E_SCHEMA_OLD_SCORES');
  const r = Head.safeParse(value);
  if (!r.success) return bad(describeIssues(r.error));
  return { head: r.data, appVersion: JSON.parse(start[1]!) as string };
}

async function readBundleFile(file: string): Promise<Buffer> {
  const size = await stat(file).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => {
      throw new ReviewDeskError('E_IO', { path: file, reason: e.code ?? String(e) });
    },
  );
  if (size > MAX_BUNDLE_FILE) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: MAX_BUNDLE_FILE });
  return readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new ReviewDeskError('E_IO', { path: file, reason: e.code ?? String(e) });
  });
}

/** A head read kept for the full open of the same file: its checked ZIP directory (over the decrypted bytes) and verified signer. */
interface HeldHead {
  fileSha256: string;
  contentSha512: string;
  doc: Pick<SignedBundleDocument, 'dir' | 'signer'>;
}

/**
 * Head reads kept by file path, for the full open of the same file that may follow (one per worker, or one
 * per pool opening in its own thread). Each holds the decrypted ZIP, about the size of the file (bundle.json
 * itself is inflated again, not held). A full open takes its entry out.
 */
export class HeldHeads {
  private readonly byFile = new Map<string, HeldHead>();
  keep(file: string, head: HeldHead): void {
    this.byFile.set(file, head);
  }
  take(file: string): HeldHead | undefined {
    const h = this.byFile.get(file);
    this.byFile.delete(file);
    return h;
  }
  get size(): number {
    return this.byFile.size;
  }
}

async function openHead(file: string, data: Buffer, key: OpenKey, held?: HeldHeads): Promise<ImportedBundle> {
  const { plaintext, fileSha256 } = await decryptBytes(data, [{ identity: key.ageIdentity }]);
  // Only bundle.json and its signature are inflated; the attachments are the full open's (openBundleBytes).
  // The signature is checked before anything of bundle.json is held or parsed. Its own digest of bundle.json
  // doubles as the content hash (no second pass over megabytes).
  const { dir, json, signer, hashAlg, digest } = await signedBundleDocument(plaintext);
  const { head, appVersion } = readHead(json);
  const card = checkCard(head.expert, 'bundle.json (expert)');
  if (head.expertFingerprint !== card.fingerprint) {
    throw new ReviewDeskError('E_SCHEMA', { file: 'bundle.json', reason: 'expertFingerprint: differs from the card' });
  }
  if (formatSshPublicKey(signer) !== card.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
  }
  const contentSha512 = hashAlg === 'sha512' ? digest.toString('hex') : createHash('sha512').update(json).digest('hex');
  held?.keep(file, { fileSha256, contentSha512, doc: { dir, signer } });
  return {
    file,
    fileSha256,
    contentSha512,
    roundId: head.roundId,
    packageId: head.packageId,
    packageSha256: head.packageSha256,
    rubrics: head.rubrics,
    expert: card,
    revision: head.revision,
    createdAt: head.createdAt,
    appVersion,
    attachments: head.attachments.length,
    reviews: null,
  };
}

/** What the head read of the same file, so the full open need not read it again. */
export interface KnownHead {
  fileSha256: string;
  contentSha512: string;
}

/**
 * The checks of `openBundleBytes` (electron/bundles/verify.ts) that follow the signature, on a head read kept
 * from the same file: bundle.json inflated again from the same decrypted bytes (so the bytes the signature's
 * digest was computed over), canonical JSON against the strict schema, the card against the signer, no entry
 * the document does not list, and every attachment's size and SHA-256. Keep in step with `openBundleBytes`.
 */
async function openFullFromHead(file: string, h: HeldHead, keepComments: boolean): Promise<ImportedBundle> {
  const { dir, signer } = h.doc;
  // The head read checked this entry's CRC and the signature over its SHA-512; the same bytes inflate the same.
  const json = await entryBytes(dir, 'bundle.json', MAX_BUNDLE_JSON, { again: true });
  const bundle = await checkSignedBundle({ dir, json, signer });
  return compactBundle(bundle, { file, fileSha256: h.fileSha256, contentSha512: h.contentSha512 }, keepComments);
}

async function openFull(file: string, data: Buffer, key: OpenKey, keepComments: boolean, known?: KnownHead): Promise<ImportedBundle> {
  // openBundleBytes reads only the age key; the signing key stays with the caller.
  const { bundle, fileSha256 } = await openBundleBytes(data, { card: key.card, ageIdentity: key.ageIdentity } as Identity);
  let contentSha512: string;
  if (known) {
    // The same bytes as the head read: the content hash carries over.
    if (known.fileSha256 !== fileSha256)
      throw new ReviewDeskError('E_IO', { path: file, reason: 'the file changed while it was being imported' });
    contentSha512 = known.contentSha512;
  } else {
    contentSha512 = (await openHead(file, data, key)).contentSha512;
  }
  return compactBundle(bundle, { file, fileSha256, contentSha512 }, keepComments);
}

/**
 * Opens one file to the given depth. With `held`, a head read is kept there and a full open of a file whose
 * head it holds (the same `known` head) starts from it rather than from the file.
 */
export async function openCandidate(
  file: string,
  key: OpenKey,
  depth: Depth,
  keepComments = false,
  known?: KnownHead,
  held?: HeldHeads,
): Promise<Candidate> {
  let data: Buffer | null = null;
  let fileSha256: string | null = null;
  try {
    if (depth === 'full') {
      const h = held?.take(file);
      if (h && known && h.fileSha256 === known.fileSha256 && h.contentSha512 === known.contentSha512) {
        fileSha256 = h.fileSha256;
        return { ok: true, bundle: await openFullFromHead(file, h, keepComments) };
      }
    }
    data = await readBundleFile(file);
    let bundle: ImportedBundle;
    if (depth === 'full') bundle = await openFull(file, data, key, keepComments, known);
    else {
      try {
        bundle = await openHead(file, data, key, held);
      } catch (e) {
        // A head that cannot be read gets the full check, whose error code is the precise one (E_NOT_CANONICAL, …).
        if (!isReviewDeskError(e, 'E_SCHEMA')) throw e;
        bundle = await openFull(file, data, key, keepComments);
      }
    }
    return { ok: true, bundle };
  } catch (e) {
    // The file's hash names a refused file too (decryption hashes it on the way; a refusal before that, here).
    if (data) fileSha256 = sha256Hex(data);
    const err = isReviewDeskError(e)
      ? e
      : (fromFileSystemError(e) ?? new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) }));
    return { ok: false, file, fileSha256, code: err.code, params: err.params };
  }
}
