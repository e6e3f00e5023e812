/**
 * The merged result file: RFC 8785 canonical JSON of the panel's figures,
 * the verdict on every file and the consensus records, signed by the
 * secretariat (SSHSIG, namespace `reviewdesk-results`, in `<file>.sig`), so
 * `ssh-keygen -Y verify` checks it. Format: docs/formats.md.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import type { CombinedRanking, PanelResult, RoundResult } from '../../shared/merge/aggregate.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import type { ConsensusEntry } from '../../shared/merge/model.ts';
import type { Reconciled } from '../../shared/merge/reconcile.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { formatSshPublicKey, sshFingerprint, sshsigSign, sshsigVerify } from '../crypto/ssh.ts';
import { canonicalJson, parseJson } from '../formats/json.ts';
import type { Identity } from '../keys/identity.ts';

export const NS_RESULTS = 'reviewdesk-results';
/** Version 2: one result per rubric (`results`), and each rubric's id, version and SHA-256 (`rubrics`). */
export const RESULTS_SCHEMA_VERSION = 2;

export interface ResultDocument {
  schemaVersion: 2;
  kind: 'reviewdesk-results';
  round: Ledger['round'];
  /** Each rubric of the round, with the applications scored against it. */
  rubrics: { id: string; version: number; sha256: string; applications: string[] }[];
  /** SHA-256 of the ledger's canonical JSON. */
  ledgerSha256: string;
  createdAt: string;
  secretariat: Card;
  /** Every file imported and its verdict (file names without their folders). */
  files: {
    file: string;
    fileSha256: string | null;
    status: string;
    code: string | null;
    expertId: string | null;
    revision: number | null;
    contentSha512: string | null;
  }[];
  /** The bundle that counts for each expert. */
  accepted: { expertId: string; fingerprint: string; revision: number; fileSha256: string; contentSha512: string }[];
  /** One result per rubric, in the order of `rubrics`: each ranks its own applications. */
  results: PanelResult[];
  /** The ranking across rubrics, when the secretariat asked for it (the rubrics share a total). */
  combined: CombinedRanking | null;
  /** The secretary's consensus records, as given (also attached per application in `result`). */
  consensus: ConsensusEntry[];
}

export function buildResultDocument(
  ledger: Ledger,
  reconciled: Reconciled,
  result: RoundResult,
  secretariat: Card,
  consensus: readonly ConsensusEntry[] = [],
  now = new Date(),
): ResultDocument {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    kind: 'reviewdesk-results',
    round: ledger.round,
    rubrics: ledger.rubrics.map(({ rubric, sha256 }) => ({
      id: rubric.id,
      version: rubric.version,
      sha256,
      applications: ledger.applications.filter((a) => a.rubricId === rubric.id).map((a) => a.id),
    })),
    ledgerSha256: sha256Hex(Buffer.from(canonicalJson(ledger))),
    createdAt: now.toISOString(),
    secretariat,
    files: reconciled.verdicts.map((v) => ({
      file: basename(v.file),
      fileSha256: v.fileSha256,
      status: v.status,
      code: v.code,
      expertId: v.expertId,
      revision: v.revision,
      contentSha512: v.contentSha512,
    })),
    accepted: Object.entries(reconciled.accepted)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([expertId, b]) => ({
        expertId,
        fingerprint: b.expert.fingerprint,
        revision: b.revision,
        fileSha256: b.fileSha256,
        contentSha512: b.contentSha512,
      })),
    results: result.groups,
    combined: result.combined,
    consensus: [...consensus],
  };
}

/** Canonical bytes of the document and the secretariat's signature over them. */
export function signResult(doc: ResultDocument, secretariat: Identity): { json: Buffer; sig: string } {
  if (secretariat.card.role !== 'secretariat') {
    throw new ReviewDeskError('E_IDENTITY', { path: secretariat.card.displayName, reason: 'results are signed by a secretariat identity' });
  }
  const json = Buffer.from(canonicalJson(doc), 'utf8');
  return { json, sig: sshsigSign(secretariat.signing, NS_RESULTS, json) };
}

/** Writes `path` (canonical JSON) and `path.sig`. */
export async function writeSignedResult(
  path: string,
  doc: ResultDocument,
  secretariat: Identity,
): Promise<{ sha256: string; size: number }> {
  const { json, sig } = signResult(doc, secretariat);
  await writeFileAtomic(`${path}.sig`, [Buffer.from(sig)]);
  return writeFileAtomic(path, [json]);
}

/** Reads a result file and checks it is canonical and signed by `secretariat`. */
export async function readSignedResult(path: string, secretariat: Card): Promise<ResultDocument> {
  const load = (p: string): Promise<Buffer> =>
    readFile(p).catch((e: NodeJS.ErrnoException) => {
      throw new ReviewDeskError(p.endsWith('.sig') && e.code === 'ENOENT' ? 'E_SIG_MISSING' : 'E_IO', {
        file: p,
        path: p,
        reason: e.code ?? String(e),
      });
    });
  const json = await load(path);
  const signer = sshsigVerify(await load(`${path}.sig`), NS_RESULTS, json, path);
  if (formatSshPublicKey(signer) !== secretariat.sshPublicKey)
    throw new ReviewDeskError('E_SIG_SIGNER', { file: path, fingerprint: sshFingerprint(signer) });
  const text = json.toString('utf8');
  const doc = parseJson(text, path) as ResultDocument;
  if (canonicalJson(doc) !== text) throw new ReviewDeskError('E_NOT_CANONICAL', { file: path });
  if (doc.kind !== 'reviewdesk-results' || doc.schemaVersion !== RESULTS_SCHEMA_VERSION) {
    throw new ReviewDeskError('E_SCHEMA_VERSION', { file: path, version: String(doc.schemaVersion), supported: RESULTS_SCHEMA_VERSION });
  }
  return doc;
}
