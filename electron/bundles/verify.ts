/**
 * Opens and checks score bundles with the secretariat's identity: decrypt,
 * ZIP structure, canonical JSON against the strict schema, the expert's SSH
 * signature, and (when a roster is given) that the signer is a known expert.
 */
import { readFile } from 'node:fs/promises';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import { BUNDLE_SCHEMA_VERSION, Bundle, NS_SCORES, type Bundle as BundleT } from '../../shared/formats.ts';
import { decryptBytes } from '../crypto/age.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint, sshsigVerify } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';
import { readZip } from '../formats/zip.ts';
import { checkCard } from '../keys/card.ts';
import type { Identity } from '../keys/identity.ts';
import { BUNDLE_LIMITS, MAX_BUNDLE_FILE, MAX_BUNDLE_JSON } from './limits.ts';

export interface OpenedBundle {
  bundle: BundleT;
  /** SHA-256 of the `.rsb` file. */
  fileSha256: string;
  attachments: Map<string, Buffer>;
}

/** Known experts by card fingerprint (the round's roster). */
export type Roster = ReadonlyMap<string, Card>;

/** Opens one bundle file's bytes; throws a ReviewDeskError on any problem. */
export async function openBundleBytes(data: Uint8Array, secretariat: Identity, roster?: Roster): Promise<OpenedBundle> {
  if (data.length > MAX_BUNDLE_FILE) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: data.length, limit: MAX_BUNDLE_FILE });
  const { plaintext, fileSha256 } = await decryptBytes(data, [{ identity: secretariat.ageIdentity }]);
  const entries = await readZip(plaintext, BUNDLE_LIMITS);
  const json = entries.get('bundle.json');
  if (!json) throw new ReviewDeskError('E_FILE_MISSING', { path: 'bundle.json' });
  const sig = entries.get('bundle.json.sig');
  if (!sig) throw new ReviewDeskError('E_SIG_MISSING', { file: 'bundle.json.sig' });
  const bundle = parseStrict(json, Bundle, 'bundle.json', {
    maxBytes: MAX_BUNDLE_JSON,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    canonical: true,
  });
  const card = checkCard(bundle.expert, 'bundle.json (expert)');
  const signer = sshsigVerify(sig, NS_SCORES, json, 'bundle.json');
  if (formatSshPublicKey(signer) !== card.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: sshFingerprint(signer) });
  }
  if (roster) {
    const known = roster.get(card.fingerprint);
    if (!known || known.sshPublicKey !== card.sshPublicKey) {
      throw new ReviewDeskError('E_SIG_SIGNER', { file: 'bundle.json', fingerprint: card.fingerprint });
    }
  }
  const listed = new Map(bundle.attachments.map((a) => [a.path, a]));
  const attachments = new Map<string, Buffer>();
  for (const [name, bytes] of entries) {
    if (name === 'bundle.json' || name === 'bundle.json.sig') continue;
    const a = listed.get(name);
    if (!a) throw new ReviewDeskError('E_ZIP_UNLISTED', { path: name });
    if (bytes.length !== a.size || sha256Hex(bytes) !== a.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: name });
    attachments.set(name, bytes);
  }
  for (const a of bundle.attachments) if (!attachments.has(a.path)) throw new ReviewDeskError('E_FILE_MISSING', { path: a.path });
  return { bundle, fileSha256, attachments };
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

/** Checks bundle files and returns a verdict for each (never throws for a bad file). */
export async function verifyBundleFiles(paths: string[], secretariat: Identity, roster?: Roster): Promise<BundleVerdict[]> {
  const out: BundleVerdict[] = new Array<BundleVerdict>(paths.length);
  // Several files in flight overlap file reads and WebCrypto's threadpool work with parsing.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < paths.length; i = next++) out[i] = await verifyOne(paths[i]!, secretariat, roster);
  };
  await Promise.all(Array.from({ length: Math.min(8, paths.length) }, worker));
  return out;
}

async function verifyOne(file: string, secretariat: Identity, roster?: Roster): Promise<BundleVerdict> {
  try {
    const data = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new ReviewDeskError('E_IO', { path: file, reason: e.code ?? String(e) });
    });
    const { bundle, fileSha256 } = await openBundleBytes(data, secretariat, roster);
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
    const err = isReviewDeskError(e) ? e : new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) });
    return { file, ok: false, code: err.code, message: err.toJSON().message };
  }
}
