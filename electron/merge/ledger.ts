/**
 * The reading side of the issue ledger beside the packages (`ledger.json` +
 * `ledger.json.sig`): the merge reads and verifies it. The writing side lives
 * with `packRound` in `electron/packages/pack.ts`. Format: docs/formats.md.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import { LEDGER_FILE, LEDGER_SCHEMA_VERSION, Ledger, NS_LEDGER } from '../../shared/merge/ledger.ts';
import { formatSshPublicKey, sshFingerprint, sshsigVerify } from '../crypto/ssh.ts';
import { parseStrict } from '../formats/json.ts';

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
