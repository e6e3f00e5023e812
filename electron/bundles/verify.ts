/**
 * Opens and checks score bundles with the secretariat's identity: decrypt,
 * the ZIP directory, then bundle.json and its signature alone (inflated under
 * a cap), the expert's SSH signature (and, with a roster, that the signer is
 * a known expert) before bundle.json is parsed as canonical JSON against the
 * strict schema, and only then the attachments it lists.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError, fromFileSystemError, isReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, Bundle, NS_SCORES, type Bundle as BundleT } from '../../shared/formats.ts';
import { decryptBytes } from '../crypto/age/index.ts';
import { formatSshPublicKey, parseSshsig, sshFingerprint, sshsigVerifyDigest } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';
import { entryBytes, entryDigest, readZipDirectory, type ZipDirectory, type ZipStats } from '../formats/zip.ts';
import { checkCard } from '../keys/card.ts';
import type { Identity } from '../keys/identity.ts';
import { BUNDLE_LIMITS, MAX_BUNDLE_FILE, MAX_BUNDLE_JSON } from './limits.ts';
import { FROM_SOURCE, unpacked } from '../workers/locate.ts';

export interface OpenedBundle {
  bundle: BundleT;
  /** SHA-256 of the `.rsb` file. */
  fileSha256: string;
  /** Paths of the attachments, each checked against its size and SHA-256 in bundle.json (streamed, not held). */
  attachments: string[];
}

/** Known experts by card fingerprint (the round's roster). */
export type Roster = ReadonlyMap<string, Card>;

/** The SSH public keys of a roster's cards, for the signer check before bundle.json is parsed. */
export function rosterSshKeys(roster: Roster): ReadonlySet<string> {
  return new Set(Array.from(roster.values(), (c) => c.sshPublicKey));
}

/** An SSH signature is a few hundred bytes. */
const MAX_SIGNATURE_BYTES = 64 * 1024;
/** Up to this declared size bundle.json is inflated before its signature is checked; larger, it is streamed first. */
const INFLATE_BEFORE_CHECK = 4 * 1024 * 1024;

/** What {@link signedBundleDocument} read: the checked directory, bundle.json's exact bytes and who signed them. */
export interface SignedBundleDocument {
  dir: ZipDirectory;
  json: Buffer;
  /** The signer's raw ed25519 key (verified; whether it is trusted is the caller's). */
  signer: Buffer;
  /** The digest the signature covers: SHA-512 of bundle.json (or SHA-256 if the signer chose it). */
  hashAlg: 'sha256' | 'sha512';
  digest: Buffer;
}

/**
 * Reads a decrypted bundle's ZIP directory and checks bundle.json's signature
 * before holding anything: the signature is inflated (it is small), bundle.json
 * is streamed through the hash the signature names (under MAX_BUNDLE_JSON,
 * refused at the first byte past the size the directory declares) and the
 * signature verified against that digest; with a roster, a signer outside it is
 * refused there. Only then is bundle.json inflated and kept. A bundle without
 * them is refused before anything is inflated; a forged or foreign one holds
 * nothing of its bundle.json, so many such files checked at once stay small.
 */
export async function signedBundleDocument(
  plaintext: Buffer,
  opts: {
    stats?: ZipStats | undefined;
    roster?: Roster | undefined;
    /** rosterSshKeys(roster), when the caller checks many files against one roster. */
    rosterKeys?: ReadonlySet<string> | undefined;
  } = {},
): Promise<SignedBundleDocument> {
  const dir = await readZipDirectory(
    plaintext.length,
    (start, length) => plaintext.subarray(start, start + length),
    BUNDLE_LIMITS,
    opts.stats,
  );
  const entry = dir.entries.get('bundle.json');
  if (!entry) throw new ReviewDeskError('E_FILE_MISSING', { path: 'bundle.json' });
  if (!dir.entries.has('bundle.json.sig')) throw new ReviewDeskError('E_SIG_MISSING', { file: 'bundle.json.sig' });
  if (entry.size > MAX_BUNDLE_JSON)
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: 'bundle.json', value: entry.size, limit: MAX_BUNDLE_JSON });
  const parsed = parseSshsig(await entryBytes(dir, 'bundle.json.sig', MAX_SIGNATURE_BYTES), NS_SCORES, 'bundle.json');
  // A document that declares itself small is inflated once and hashed in memory (a few of them in flight cost
  // little); a large one is streamed through the hash first, so an unsigned one is never held at all.
  const small = entry.size <= INFLATE_BEFORE_CHECK;
  const held = small ? await entryBytes(dir, 'bundle.json', INFLATE_BEFORE_CHECK) : null;
  const digest = held
    ? createHash(parsed.hashAlg).update(held).digest()
    : Buffer.from(await entryDigest(dir, 'bundle.json', entry.size, parsed.hashAlg), 'hex');
  const signer = sshsigVerifyDigest(parsed, digest, 'bundle.json');
  if (opts.roster) {
    const keys = opts.rosterKeys ?? rosterSshKeys(opts.roster);
    if (!keys.has(formatSshPublicKey(signer))) {
      throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
    }
  }
  // Inflated again from the same authenticated plaintext held in memory, so these are the bytes just hashed.
  const json = held ?? (await entryBytes(dir, 'bundle.json', MAX_BUNDLE_JSON));
  return { dir, json, signer, hashAlg: parsed.hashAlg, digest };
}

/** Opens one bundle file's bytes; throws a ReviewDeskError on any problem. */
export async function openBundleBytes(
  data: Uint8Array,
  secretariat: Pick<Identity, 'ageIdentity'>,
  roster?: Roster,
  opts: { stats?: ZipStats; rosterKeys?: ReadonlySet<string> | undefined } = {},
): Promise<OpenedBundle> {
  if (data.length > MAX_BUNDLE_FILE) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: data.length, limit: MAX_BUNDLE_FILE });
  const { plaintext, fileSha256 } = await decryptBytes(data, [{ identity: secretariat.ageIdentity }]);
  // With a roster, a signer outside it is refused before bundle.json is held, let alone parsed.
  const { dir, json, signer } = await signedBundleDocument(plaintext, {
    stats: opts.stats,
    roster,
    rosterKeys: opts.rosterKeys,
  });
  const bundle = await checkSignedBundle({ dir, json, signer }, roster);
  return { bundle, fileSha256, attachments: bundle.attachments.map((a) => a.path) };
}

/**
 * What follows the signature for a bundle whose ZIP directory, `bundle.json`
 * and signer came out of {@link signedBundleDocument}: the strict canonical
 * parse, the card against the signer (and the roster), no entry the document
 * does not list, and every attachment against its signed digest. The merge's
 * second open of a file whose head it kept runs the same checks.
 */
export async function checkSignedBundle(doc: Pick<SignedBundleDocument, 'dir' | 'json' | 'signer'>, roster?: Roster): Promise<BundleT> {
  const { dir, json, signer } = doc;
  const signerKey = formatSshPublicKey(signer);
  const bundle = parseStrict(json, Bundle, 'bundle.json', {
    maxBytes: MAX_BUNDLE_JSON,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    canonical: true,
    older: 'E_SCHEMA_OLD_SCORES',
  });
  const card = checkCard(bundle.expert, 'bundle.json (expert)');
  if (signerKey !== card.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
  }
  if (roster) {
    const known = roster.get(card.fingerprint);
    if (!known || known.sshPublicKey !== card.sshPublicKey) {
      throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: card.fingerprint });
    }
  }
  // An entry bundle.json does not list was added after signing: refused, never inflated (see packages/open.ts).
  const listed = new Map(bundle.attachments.map((a) => [a.path, a]));
  for (const name of dir.entries.keys()) {
    if (name !== 'bundle.json' && name !== 'bundle.json.sig' && !listed.has(name))
      throw new ReviewDeskError('E_ZIP_UNLISTED', { path: name });
  }
  for (const a of bundle.attachments) {
    const e = dir.entries.get(a.path);
    if (!e) throw new ReviewDeskError('E_FILE_MISSING', { path: a.path });
    if (e.size !== a.size || (await entryDigest(dir, a.path, a.size)) !== a.sha256)
      throw new ReviewDeskError('E_HASH_MISMATCH', { path: a.path });
  }
  return bundle;
}

/** The outcome for one bundle file. */
export type BundleVerdict =
  | {
      file: string;
      ok: true;
      expert: { fingerprint: string; displayName: string };
      packageId: string;
      roundId: string;
      revision: number;
      applications: number;
      fileSha256: string;
    }
  | { file: string; ok: false; code: string; message: { 'zh-CN': string; en: string } };

/** A run of verifyBundleFiles as the worker threads see it. */
export interface BundleJob {
  id: number;
  paths: string[];
  ageIdentity: string;
  roster: Roster | undefined;
  /** One Int32: the next index to claim, shared by this thread and the workers. */
  next: SharedArrayBuffer;
}

/** Verdicts a worker thread sends back in one message (and the last, smaller batch when its claims run out). */
export const VERDICT_BATCH = 64;

/** One message from a worker thread: verdicts for the files at these indexes of the job's paths. */
export interface VerdictBatch {
  id: number;
  indexes: number[];
  verdicts: BundleVerdict[];
}

/** Files in flight per thread, so that file reads and X25519 on libuv's threadpool overlap parsing. */
const LANES = 8;
/** Below this many files, handing work to running workers costs more than it saves. */
const POOL_MIN_FILES = 16;
/**
 * Starting the workers (loading the checking code into each thread) costs as
 * much CPU as checking about a thousand bundles, so only a batch this large
 * starts them; smaller ones use them only if they are already running.
 */
const POOL_START_FILES = 1000;

/** Checks the files of a job that this thread claims, reporting each verdict as it is reached. */
export async function verifyClaimed(job: BundleJob, report: (index: number, verdict: BundleVerdict) => void): Promise<void> {
  const next = new Int32Array(job.next);
  const key = { ageIdentity: job.ageIdentity };
  // The same for every file of the job: built once here, not per file.
  const rosterKeys = job.roster ? rosterSshKeys(job.roster) : undefined;
  const lane = async (): Promise<void> => {
    for (let i = Atomics.add(next, 0, 1); i < job.paths.length; i = Atomics.add(next, 0, 1)) {
      report(i, await verifyOne(job.paths[i]!, key, job.roster, rosterKeys));
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, job.paths.length) }, lane));
}

let workers: Set<Worker> | undefined;
let workersReady: Promise<void> = Promise.resolve();
let jobsInFlight = 0;
let jobIds = 0;

/**
 * The bundle-checking worker threads, one per further core, started on first
 * use and kept (unreferenced) for the life of the process.
 */
function bundleWorkers(): Set<Worker> {
  if (workers) return workers;
  const pool = new Set<Worker>();
  const readiness: Promise<void>[] = [];
  for (let i = 0; i < Math.min(7, availableParallelism() - 1); i++) {
    const w = FROM_SOURCE
      ? new Worker(new URL('../workers/ts-worker.mjs', import.meta.url), {
          workerData: { module: new URL('./verify-worker.ts', import.meta.url).href },
        })
      : new Worker(unpacked(new URL('./verify-worker.js', import.meta.url)));
    if (jobsInFlight === 0) w.unref();
    readiness.push(new Promise((resolve) => (w.once('message', () => resolve()), w.once('exit', () => resolve()))));
    w.once('exit', () => {
      pool.delete(w);
      if (workers === pool) workers = undefined;
    });
    pool.add(w);
  }
  workersReady = Promise.all(readiness).then(() => undefined);
  return (workers = pool);
}

/**
 * Starts the bundle-checking worker threads and resolves once they can take
 * work. verifyBundleFiles never waits for them (this thread starts at once
 * and workers join when ready); this is for warming the pool ahead of time,
 * as an app does at launch: loading the checking code into a thread takes
 * far longer than checking a bundle.
 */
export function bundleWorkersReady(): Promise<void> {
  bundleWorkers();
  return workersReady;
}

/**
 * Checks bundle files and returns a verdict for each (never throws for a bad
 * file). Larger batches are shared between this thread and the worker
 * threads, each claiming the next unchecked file; the workers join as soon as
 * they are ready.
 */
export async function verifyBundleFiles(paths: string[], secretariat: Identity, roster?: Roster): Promise<BundleVerdict[]> {
  const out: BundleVerdict[] = new Array<BundleVerdict>(paths.length);
  const job: BundleJob = { id: ++jobIds, paths, ageIdentity: secretariat.ageIdentity, roster, next: new SharedArrayBuffer(4) };
  const usePool = paths.length >= (workers ? POOL_MIN_FILES : POOL_START_FILES);
  const pool = usePool ? [...bundleWorkers()] : [];
  let received = 0;
  let allIn = (): void => undefined;
  const complete = new Promise<void>((resolve) => (allIn = resolve));
  const record = (index: number, verdict: BundleVerdict): void => {
    out[index] = verdict;
    if (++received === paths.length) allIn();
  };
  const onMessage = (m: Partial<VerdictBatch>): void => {
    if (m.id !== job.id || !m.indexes || !m.verdicts) return;
    for (let k = 0; k < m.indexes.length; k++) record(m.indexes[k]!, m.verdicts[k]!);
  };
  let lost = (): void => undefined;
  const workerLost = new Promise<void>((resolve) => (lost = resolve));
  if (jobsInFlight++ === 0) for (const w of workers ?? []) w.ref();
  try {
    for (const w of pool) {
      w.on('message', onMessage);
      w.once('exit', lost);
      w.postMessage(job);
    }
    await verifyClaimed(job, record);
    if (received < paths.length) await Promise.race([complete, workerLost]);
    // A worker that died took its claimed files with it: check those here.
    for (let i = 0; i < paths.length; i++) if (!out[i]) out[i] = await verifyOne(paths[i]!, secretariat, roster);
    return out;
  } finally {
    for (const w of pool) {
      w.off('message', onMessage);
      w.off('exit', lost);
    }
    if (--jobsInFlight === 0) for (const w of workers ?? []) w.unref();
  }
}

async function verifyOne(
  file: string,
  secretariat: Pick<Identity, 'ageIdentity'>,
  roster?: Roster,
  rosterKeys?: ReadonlySet<string>,
): Promise<BundleVerdict> {
  try {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (e) {
      throw new ReviewDeskError('E_IO', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    const { bundle, fileSha256 } = await openBundleBytes(data, secretariat, roster, { rosterKeys });
    return {
      file,
      ok: true,
      expert: { fingerprint: bundle.expertFingerprint, displayName: bundle.expert.displayName },
      packageId: bundle.packageId,
      roundId: bundle.roundId,
      revision: bundle.revision,
      applications: bundle.applications.length,
      fileSha256,
    };
  } catch (e) {
    const err = isReviewDeskError(e)
      ? e
      : (fromFileSystemError(e) ?? new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) }));
    return { file, ok: false, code: err.code, message: err.toJSON().message };
  }
}
