/**
 * The issue ledger beside the packages (`ledger.json` + `ledger.json.sig`):
 * written by `packRound`, read by the merge. Format: docs/formats.md.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import { LEDGER_SCHEMA_VERSION, Ledger, NS_LEDGER } from '../../shared/merge/ledger.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint, sshsigSign, sshsigVerify } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';
import type { Identity } from '../keys/identity.ts';
import type { PackResult } from '../packages/pack.ts';
import type { LoadedRound } from '../rounds/round.ts';

export const LEDGER_FILE = 'ledger.json';

/** The ledger for packages just written. */
export function buildLedger(round: LoadedRound, secretariat: Identity, packages: PackResult[], now = new Date()): Ledger {
  return {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    kind: 'reviewdesk-ledger',
    round: round.round.round,
    createdAt: now.toISOString(),
    secretariat: { fingerprint: secretariat.card.fingerprint, displayName: secretariat.card.displayName },
    rubric: round.rubric,
    rubricSha256: sha256Hex(round.rubricBytes),
    applications: round.round.applications.map((a) => ({
      id: a.id,
      name: a.name,
      organisation: a.organisation,
      category: a.category,
      ...(a.field ? { field: a.field } : {}),
    })),
    experts: packages.map((p) => ({
      expertId: p.expertId,
      card: round.cards.get(p.expertId)!,
      packageId: p.packageId,
      packageSha256: p.sha256,
      packageSize: p.size,
      applications: round.round.assignments[p.expertId]!,
    })),
  };
}

/** Writes `ledger.json` (pretty JSON) and its SSHSIG `ledger.json.sig` (namespace reviewdesk-ledger) into `dir`. */
export async function writeLedger(dir: string, ledger: Ledger, secretariat: Identity): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(Ledger.parse(ledger), null, 2) + '\n');
  const path = join(dir, LEDGER_FILE);
  await writeFileAtomic(`${path}.sig`, [Buffer.from(sshsigSign(secretariat.signing, NS_LEDGER, bytes))]);
  await writeFileAtomic(path, [bytes]);
  return path;
}

/**
 * Reads a ledger and checks its signature: it must be signed by `secretariat`
 * (the identity merging) — a ledger someone else wrote could name any expert.
 */
export async function readLedger(path: string, secretariat: Card): Promise<Ledger> {
  const read = (p: string): Promise<Buffer> =>
    readFile(p).catch((e: NodeJS.ErrnoException) => {
      if (p.endsWith('.sig') && e.code === 'ENOENT') throw new ReviewDeskError('E_SIG_MISSING', { file: p });
      throw new ReviewDeskError('E_IO', { path: p, reason: e.code ?? String(e) });
    });
  return verifyLedgerBytes(await read(path), await read(`${path}.sig`), secretariat, path);
}

/**
 * Checks a ledger's bytes and signature (as `readLedger` does for files): it
 * must be signed by `secretariat`, then pass its strict schema. `name` is
 * what the errors call the file.
 */
export function verifyLedgerBytes(bytes: Uint8Array, sig: Uint8Array, secretariat: Card, name: string): Ledger {
  const signer = sshsigVerify(sig, NS_LEDGER, bytes, name);
  if (formatSshPublicKey(signer) !== secretariat.sshPublicKey) {
    throw new ReviewDeskError('E_SIG_SIGNER', { file: name, fingerprint: sshFingerprint(signer) });
  }
  try {
    return parseStrict(bytes, Ledger, name, { maxBytes: 64 << 20, schemaVersion: LEDGER_SCHEMA_VERSION });
  } catch (e) {
    if (isReviewDeskError(e, 'E_SCHEMA')) throw new ReviewDeskError('E_LEDGER', { path: name, reason: String(e.params.reason) });
    throw e;
  }
}

/** The ledger of a round folder's packages: `<round>/../packages/ledger.json` unless told otherwise. */
export function ledgerBesideRound(roundDir: string): string {
  return join(dirname(roundDir), 'packages', LEDGER_FILE);
}
