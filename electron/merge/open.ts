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
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { Card } from '../../shared/card.ts';
import { ReviewDeskError, fromFileSystemError, isReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, Bundle } from '../../shared/formats.ts';
import { compactBundle, type Candidate, type ImportedBundle } from '../../shared/merge/model.ts';
import { MAX_BUNDLE_FILE, MAX_BUNDLE_JSON } from '../bundles/limits.ts';
import { openBundleBytes, signedBundleDocument } from '../bundles/verify.ts';
import { decryptBytes } from '../crypto/age/index.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint } from '../crypto/ssh.ts';
import { describeIssues } from '../formats/json.ts';
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
    rubric: Bundle.shape.rubric,
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
  if (version !== BUNDLE_SCHEMA_VERSION) {
    throw new ReviewDeskError('E_SCHEMA_VERSION', { file: 'bundle.json', version: String(version), supported: BUNDLE_SCHEMA_VERSION });
  }
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

async function openHead(file: string, data: Buffer, key: OpenKey): Promise<ImportedBundle> {
  const { plaintext, fileSha256 } = await decryptBytes(data, [{ identity: key.ageIdentity }]);
  // Only bundle.json and its signature are inflated; the attachments are the full open's (openBundleBytes).
  // The signature is checked before anything of bundle.json is held or parsed. Its own digest of bundle.json
  // doubles as the content hash (no second pass over megabytes).
  const { json, signer, hashAlg, digest } = await signedBundleDocument(plaintext);
  const { head, appVersion } = readHead(json);
  const card = checkCard(head.expert, 'bundle.json (expert)');
  if (head.expertFingerprint !== card.fingerprint) {
    throw new ReviewDeskError('E_SCHEMA', { file: 'bundle.json', reason: 'expertFingerprint: differs from the card' });
  }
  if (formatSshPublicKey(signer) !== card.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
  }
  return {
    file,
    fileSha256,
    contentSha512: hashAlg === 'sha512' ? digest.toString('hex') : createHash('sha512').update(json).digest('hex'),
    roundId: head.roundId,
    packageId: head.packageId,
    packageSha256: head.packageSha256,
    rubric: head.rubric,
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

/** Opens one file to the given depth. */
export async function openCandidate(file: string, key: OpenKey, depth: Depth, keepComments = false, known?: KnownHead): Promise<Candidate> {
  let fileSha256: string | null = null;
  try {
    const data = await readBundleFile(file);
    fileSha256 = sha256Hex(data);
    let bundle: ImportedBundle;
    if (depth === 'full') bundle = await openFull(file, data, key, keepComments, known);
    else {
      try {
        bundle = await openHead(file, data, key);
      } catch (e) {
        // A head that cannot be read gets the full check, whose error code is the precise one (E_NOT_CANONICAL, …).
        if (!isReviewDeskError(e, 'E_SCHEMA')) throw e;
        bundle = await openFull(file, data, key, keepComments);
      }
    }
    return { ok: true, bundle };
  } catch (e) {
    const err = isReviewDeskError(e)
      ? e
      : (fromFileSystemError(e) ?? new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) }));
    return { ok: false, file, fileSha256, code: err.code, params: err.params };
  }
}
