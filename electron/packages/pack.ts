/**
 * Builds one encrypted, signed review package (`.rpkg`) per expert from a
 * round folder, and the issue ledger that records what went to whom
 * (`ledger.json` + `ledger.json.sig`, the ledger's writing side; the merge
 * reads and verifies it in `electron/merge/ledger.ts`). Format:
 * docs/formats.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEDGER_FILE, LEDGER_SCHEMA_VERSION, Ledger, NS_LEDGER } from '../../shared/merge/ledger.ts';
import { NS_PACKAGE, PACKAGE_SCHEMA_VERSION, rubricPath, type Manifest, type ManifestFile } from '../../shared/formats.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { findOrThrow, getOrThrow } from '../../shared/checked.ts';
import { encryptStream, recycleSealed } from '../crypto/age/index.ts';
import { writeAtomic, writeFileAtomic } from '../fs/durable.ts';
import { OffThreadSha256 } from '../crypto/parallel.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { sshsigSign } from '../crypto/ssh.ts';
import { ReadBuffers, worthCompressing, writeZip, type ZipInput } from '../formats/zip.ts';
import type { Identity } from '../keys/identity.ts';
import { checkAssignment, signDrawRecord, writeRound } from '../rounds/prepare.ts';
import type { LoadedRound } from '../rounds/round.ts';
import { byCodePoint } from '../../shared/round/screen.ts';

export interface PackResult {
  expertId: string;
  path: string;
  packageId: string;
  sha256: string;
  size: number;
  applications: number;
  /** The package issued earlier to the same expert that this one replaces. */
  supersedes?: string;
}

/** The manifest for one expert's package. */
export function buildManifest(round: LoadedRound, secretariat: Identity, expertId: string, now = new Date()): Manifest {
  const card = round.cards.get(expertId);
  const appIds = round.round.assignments[expertId];
  if (!card || !appIds) throw new ReviewDeskError('E_ROUND', { reason: `expert ${expertId} has no assignments` });
  // loadRound has checked that every assigned application exists and has its dossier.
  const apps = appIds.map((id) => ({
    a: findOrThrow(round.round.applications, (a) => a.id === id, `application ${id} in the round`),
    dossier: getOrThrow(round.dossiers, id, 'dossier of application'),
  }));
  const rubricIds = [...round.rubrics.keys()].filter((id) => apps.some(({ a }) => a.rubricId === id));
  const rubrics = rubricIds.map((id) => ({ id, ...getOrThrow(round.rubrics, id, 'rubric of the round') }));
  const files: ManifestFile[] = [
    ...rubrics.map(({ id, bytes }) => ({
      path: rubricPath(id),
      size: bytes.length,
      mediaType: 'application/json',
      sha256: sha256Hex(bytes),
    })),
    ...apps.flatMap(({ dossier }) => dossier.map(({ path, size, mediaType, sha256 }) => ({ path, size, mediaType, sha256 }))),
  ];
  return {
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    kind: 'reviewdesk-package',
    packageId: randomUUID(),
    round: round.round.round,
    deadline: round.round.deadline,
    createdAt: now.toISOString(),
    secretariat: secretariat.card,
    expert: { id: expertId, fingerprint: card.fingerprint, displayName: card.displayName },
    rubrics: rubrics.map(({ id, rubric }) => ({ path: rubricPath(id), id, version: rubric.version })),
    applications: apps.map(({ a, dossier }) => ({
      id: a.id,
      name: a.name,
      organisation: a.organisation,
      category: a.category,
      ...(a.field ? { field: a.field } : {}),
      rubricId: a.rubricId,
      files: dossier.map((f) => f.path),
      // The centre's operation-report figures travel with the application they describe (loadRound checked them).
      ...(a.indicators ? { indicators: a.indicators } : {}),
    })),
    files,
  };
}

/** Writes one expert's package: ZIP streamed through age encryption to a file, atomically. */
export async function writePackage(round: LoadedRound, secretariat: Identity, expertId: string, outPath: string): Promise<PackResult> {
  const manifest = buildManifest(round, secretariat, expertId);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  const entries: ZipInput[] = [
    { name: 'manifest.json', data: manifestBytes, compress: true },
    { name: 'manifest.json.sig', data: Buffer.from(sshsigSign(secretariat.signing, NS_PACKAGE, manifestBytes)), compress: false },
    ...manifest.rubrics.map((r) => ({ name: r.path, data: getOrThrow(round.rubrics, r.id, 'rubric of the round').bytes, compress: true })),
  ];
  for (const a of manifest.applications) {
    for (const f of getOrThrow(round.dossiers, a.id, 'dossier of application'))
      entries.push({ name: f.path, path: f.source, size: f.size, compress: worthCompressing(f.mediaType) });
  }
  const recipient = getOrThrow(round.cards, expertId, 'card of expert').ageRecipient;
  // The dossiers' read buffers go round: each is read into again once the encryption has finished with it.
  const buffers = new ReadBuffers();
  const sealed = encryptStream(writeZip(entries, buffers), { recipients: [recipient] }, (p) => buffers.release(p));
  // Hashed on a worker thread beside the sealing; a piece is recycled once written and hashed.
  const hash = new OffThreadSha256();
  const size = await writeAtomic(outPath, sealed, (p) => hash.update(p), recycleSealed).catch((e: unknown) => {
    hash.abandon();
    throw e;
  });
  const sha256 = await hash.digest();
  return { expertId, path: outPath, packageId: manifest.packageId, sha256, size, applications: manifest.applications.length };
}

/** Builds every expert's package into `outDir` as `<expertId>.rpkg`. */
export async function packRound(
  round: LoadedRound,
  secretariat: Identity,
  outDir: string,
  onProgress?: (done: number, total: number, expertId: string) => void,
): Promise<PackResult[]> {
  if (secretariat.card.role !== 'secretariat') {
    throw new ReviewDeskError('E_IDENTITY', {
      path: secretariat.card.displayName,
      reason: 'packages are signed by a secretariat identity',
    });
  }
  // Conflicts the screening flags are never packed, and a drawn assignment must be the draw's plus its recorded adjustments.
  await checkAssignment(round);
  const experts = Object.keys(round.round.assignments).sort(byCodePoint);
  if (experts.length === 0)
    throw new ReviewDeskError('E_ROUND', { reason: 'no expert has an assignment yet: draw first (reviewdesk round draw)' });
  await mkdir(outDir, { recursive: true });
  // Two packages at a time: one is being sealed while the other waits on its reads, its flush to the disk and
  // its rename. Results in the experts' order, whichever finishes first.
  const results: PackResult[] = new Array<PackResult>(experts.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < experts.length && !failed; i = next++) {
      const expertId = experts[i]!;
      const result = await writePackage(round, secretariat, expertId, join(outDir, `${expertId}.rpkg`)).catch((e: unknown) => {
        failed = true;
        throw e;
      });
      const earlier = round.round.issued?.[expertId]?.packageId;
      results[i] = earlier ? { ...result, supersedes: earlier } : result;
      onProgress?.(++done, experts.length, expertId);
    }
  };
  // After a failure neither takes another package, and the one still running finishes, so that no write is
  // left running; the first failure is then thrown.
  const outcomes = await Promise.allSettled([worker(), worker()]);
  for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
  // What was issued to whom, for the merge to check score bundles against (docs/formats.md, "Issue ledger").
  await writeLedger(outDir, buildLedger(round, secretariat, results), secretariat);
  // The draw record is signed at the latest here, and the round remembers what each expert holds.
  await signDrawRecord(round.dir, secretariat);
  const at = new Date().toISOString();
  await writeRound(
    round.dir,
    {
      ...round.round,
      issued: Object.fromEntries(
        results.map((r) => [
          r.expertId,
          {
            packageId: r.packageId,
            sha256: r.sha256,
            applications: round.round.assignments[r.expertId] ?? [],
            at,
            ...(r.supersedes ? { supersedes: r.supersedes } : {}),
          },
        ]),
      ),
    },
    round,
  );
  return results;
}

/** The ledger for packages just written. */
export function buildLedger(round: LoadedRound, secretariat: Identity, packages: PackResult[], now = new Date()): Ledger {
  return {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    kind: 'reviewdesk-ledger',
    round: round.round.round,
    createdAt: now.toISOString(),
    secretariat: { fingerprint: secretariat.card.fingerprint, displayName: secretariat.card.displayName },
    // The rubrics in use: a round may name one for a category none of its applications has.
    rubrics: [...round.rubrics.values()]
      .filter(({ rubric }) => round.round.applications.some((a) => a.rubricId === rubric.id))
      .map(({ rubric, bytes }) => ({ rubric, sha256: sha256Hex(bytes) })),
    applications: round.round.applications.map((a) => ({
      id: a.id,
      name: a.name,
      organisation: a.organisation,
      category: a.category,
      ...(a.field ? { field: a.field } : {}),
      rubricId: a.rubricId,
    })),
    experts: packages.map((p) => {
      const applications = round.round.assignments[p.expertId];
      if (!applications) throw new Error(`internal: a package was written for ${p.expertId}, who has no assignments`);
      return {
        expertId: p.expertId,
        card: getOrThrow(round.cards, p.expertId, 'card of expert'),
        packageId: p.packageId,
        packageSha256: p.sha256,
        packageSize: p.size,
        applications,
        ...(p.supersedes ? { supersedes: p.supersedes } : {}),
      };
    }),
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
