/**
 * Importing review packages and showing them. A package is checked in full
 * (decryption, signature, hashes, schemas, addressee) before anything is
 * kept; the kept form is the original encrypted `.rpkg`, so no dossier
 * content ever reaches the disk in plaintext. A package signed by a
 * secretariat key the expert has not accepted is held unopened until the
 * expert accepts or refuses that key (electron/packages/trust.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import type { ImportResult, PackageDetail, PackageSummary, SecretariatPin } from '../../shared/ipc/contract.ts';
import { StagedFile } from '../../shared/ipc/wire.ts';
import { sha256File, sha256Hex } from '../crypto/hash.ts';
import { acceptPledge, findPackageBySha256, getPackageRow, insertPackageRow } from '../db/packages.ts';
import { deletePin, listPins } from '../db/trust.ts';
import { checkpoint, diskFull } from '../faults/checkpoint.ts';
import { syncDir, writeSynced } from '../fs/durable.ts';
import { openPackage, type OpenedPackage } from './open.ts';
import { trustOf, trustSecretariat } from './trust.ts';
import { packageDetail, packageSummary } from '../review/summary.ts';
import {
  now,
  packageMeta,
  requireUnlocked,
  type Context,
  type PackageMeta,
  type PendingPackage,
  type Recent,
  type Session,
} from '../workspace/context.ts';
import { PACKAGES_DIR } from '../workspace/layout.ts';

/** How many packages may wait for a decision on their signer at once; the oldest is dropped beyond. */
const MAX_PENDING = 4;
const INCOMING = /^\.incoming-[0-9a-f]{16}\.partial$/;

/** Removes incoming copies left by a crash, a lock or a dropped pending package (never one still held). */
async function sweepIncoming(ctx: Context, dir: string): Promise<void> {
  const held = new Set([...ctx.session.pending.values()].map((p) => basename(p.path)));
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (INCOMING.test(name) && !held.has(name)) await rm(join(dir, name), { force: true });
  }
}

/**
 * Checks a package and keeps it, or, when its signing key is not yet trusted,
 * holds it unopened for the trust question; see the `package:import` channel.
 */
export async function importPackage(ctx: Context, input: { fileName: string; bytes: Uint8Array | StagedFile }): Promise<ImportResult> {
  const identity = requireUnlocked(ctx);
  const staged = input.bytes instanceof StagedFile ? input.bytes : null;
  return ctx.session.exclusive(async () => {
    const sha256 = staged ? await sha256File(staged.path) : sha256Hex(input.bytes as Uint8Array);
    const known = findPackageBySha256(ctx.db, sha256);
    if (known) return { status: 'imported', package: packageSummary(ctx, packageMeta(ctx, known.id)) };

    const total = staged ? staged.size : (input.bytes as Uint8Array).length;
    ctx.host.emit('progress', { operation: 'import', done: 0, total });
    const dir = join(ctx.dataDir, PACKAGES_DIR);
    await mkdir(dir, { recursive: true });
    await sweepIncoming(ctx, dir);
    // The incoming copy is the still-encrypted file; openPackage reads it from disk and decrypts in memory only.
    const incoming = join(dir, `.incoming-${randomBytes(8).toString('hex')}.partial`);
    let held = false;
    try {
      // A file the browser host streamed in (already flushed) moves; bytes in memory are written.
      if (staged) await rename(staged.path, incoming);
      else await writeSynced(incoming, input.bytes as Uint8Array);
      checkpoint('import:incoming-written');
      const opened = await openPackage(incoming, identity, {
        onProgress: (done, of) => ctx.host.emit('progress', { operation: 'import', done: Math.min(done, of), total: of }),
      });
      const m = opened.manifest;
      if (getPackageRow(ctx.db, m.packageId)) throw new ReviewDeskError('E_PACKAGE_REPLACED', { id: m.packageId });
      const pending: PendingPackage = {
        id: randomBytes(16).toString('hex'),
        fileName: input.fileName,
        path: incoming,
        sha256,
        size: total,
        fingerprint: opened.signer.fingerprint,
      };
      if (trustOf(ctx.db, m.secretariat) === 'unknown') {
        // Nothing of the package is kept, shown or even held decrypted (the opened package is let go here)
        // until the expert has confirmed the key by phone; accepting opens the incoming copy again.
        ctx.session.pending.set(pending.id, pending);
        held = true;
        for (const oldest of ctx.session.pending.values()) {
          if (ctx.session.pending.size <= MAX_PENDING) break;
          ctx.session.pending.delete(oldest.id);
          await rm(oldest.path, { force: true });
        }
        ctx.host.emit('progress', { operation: 'import', done: total, total });
        const card = m.secretariat;
        return {
          status: 'needsTrust',
          pending: {
            pendingId: pending.id,
            fileName: input.fileName,
            fingerprint: card.fingerprint,
            organisation: card.organisation,
            displayName: card.displayName,
          },
        };
      }
      const summary = await keepPackage(ctx, pending, opened, () => undefined);
      ctx.host.emit('progress', { operation: 'import', done: total, total });
      return { status: 'imported', package: summary };
    } catch (e) {
      throw diskFull(e, 'import');
    } finally {
      if (!held) await rm(incoming, { force: true });
    }
  });
}

/**
 * Moves a checked package from its incoming copy to where it is kept and
 * records it, with `inTransaction` (the pin of its signer, when it was just
 * accepted) in the same transaction. A refusal leaves neither file nor row.
 */
async function keepPackage(ctx: Context, p: PendingPackage, opened: OpenedPackage, inTransaction: () => void): Promise<PackageSummary> {
  const m = opened.manifest;
  const dir = join(ctx.dataDir, PACKAGES_DIR);
  const storedPath = `${PACKAGES_DIR}/${m.packageId}.rpkg`;
  let kept: string | null = join(ctx.dataDir, storedPath);
  try {
    await rename(p.path, kept);
    await syncDir(dir);
    // Large dossier files are read again from the .rpkg when wanted: from where it is kept now.
    await opened.moved(kept);
    checkpoint('import:kept');
    const at = now();
    ctx.db.transaction(() => {
      inTransaction();
      insertPackageRow(ctx.db, {
        id: m.packageId,
        fileName: p.fileName,
        storedPath,
        sha256: p.sha256,
        size: p.size,
        roundId: m.round.id,
        signerFingerprint: opened.signer.fingerprint,
        deadline: m.deadline,
        manifest: JSON.stringify(m),
        // A package's rubrics as a list, in the manifest's order (a package imported before schema 2 stored its one rubric as an object).
        rubric: JSON.stringify([...opened.rubrics.values()]),
        importedAt: at,
        pledgeAcceptedAt: null,
      });
      checkpoint('import:recorded');
    })();
    kept = null;
    decryptedPackages(ctx).remember(m.packageId, opened);
    return packageSummary(ctx, packageMeta(ctx, m.packageId));
  } finally {
    // Reached only when the database refused the row: the file goes too, so a refusal leaves nothing.
    if (kept) await rm(kept, { force: true });
  }
}

/** The held package, taken out of the session; E_TRUST_PENDING_GONE when it is not (or no longer) held. */
function takePending(ctx: Context, pendingId: string): PendingPackage {
  const p = ctx.session.pending.get(pendingId);
  if (!p) throw new ReviewDeskError('E_TRUST_PENDING_GONE');
  ctx.session.pending.delete(pendingId);
  return p;
}

/** The expert confirmed the held package's signing key: trust it and keep the package; see `trust:accept`. */
export async function acceptPending(ctx: Context, pendingId: string): Promise<PackageSummary> {
  const identity = requireUnlocked(ctx);
  return ctx.session.exclusive(async () => {
    const p = takePending(ctx, pendingId);
    try {
      // The same package may have come in meanwhile.
      const known = findPackageBySha256(ctx.db, p.sha256);
      if (known) return packageSummary(ctx, packageMeta(ctx, known.id));
      // Checked in full again, and it must be the file and the key the expert was shown.
      const opened = await openPackage(p.path, identity);
      if (opened.signer.fingerprint !== p.fingerprint) {
        throw new ReviewDeskError('E_SIG_SIGNER', { file: 'manifest.json', fingerprint: opened.signer.fingerprint });
      }
      if ((await opened.packageSha256()) !== p.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: p.fileName });
      const m = opened.manifest;
      if (getPackageRow(ctx.db, m.packageId)) throw new ReviewDeskError('E_PACKAGE_REPLACED', { id: m.packageId });
      // Another key claiming the organisation may have been accepted meanwhile.
      trustOf(ctx.db, m.secretariat);
      return await keepPackage(ctx, p, opened, () => trustSecretariat(ctx.db, m.secretariat, 'confirmed', now()));
    } catch (e) {
      throw diskFull(e, 'import');
    } finally {
      // Kept packages were renamed away; anything else goes.
      await rm(p.path, { force: true });
    }
  });
}

/** The expert refused the held package's signer: nothing of it stays; see `trust:refuse`. */
export async function refusePending(ctx: Context, pendingId: string): Promise<Record<string, never>> {
  return ctx.session.exclusive(async () => {
    const p = takePending(ctx, pendingId);
    await rm(p.path, { force: true });
    return {};
  });
}

const decrypted = new WeakMap<Session, Recent<OpenedPackage>>();

/** The session's decrypted packages, least recently used first (dropped on lock and close). */
export function decryptedPackages(ctx: Context): Recent<OpenedPackage> {
  let recent = decrypted.get(ctx.session);
  if (!recent) decrypted.set(ctx.session, (recent = ctx.session.cache<OpenedPackage>()));
  return recent;
}

/** The decrypted package, from memory or by opening the kept `.rpkg` again. */
export async function openedPackage(ctx: Context, meta: PackageMeta): Promise<OpenedPackage> {
  const cached = decryptedPackages(ctx).recall(meta.row.id);
  if (cached) return cached;
  const identity = requireUnlocked(ctx);
  const opened = await openPackage(join(ctx.dataDir, meta.row.storedPath), identity);
  if ((await opened.packageSha256()) !== meta.row.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: meta.row.storedPath });
  decryptedPackages(ctx).remember(meta.row.id, opened);
  return opened;
}

/** The pins as the trust list shows them. */
export function trustedSecretariats(ctx: Context): SecretariatPin[] {
  return listPins(ctx.db).map((p) => ({
    fingerprint: p.fingerprint,
    organisation: p.organisation,
    displayName: p.displayName,
    pinnedAt: p.pinnedAt,
    how: p.how,
    packages: p.packages,
  }));
}

/** Package import, the pledge, and the trust in secretariat keys that gates import. */
/** Forgets a pinned secretariat key; its packages stay, and a new package it signs asks again. */
export function removeTrusted(ctx: Context, fingerprint: string): SecretariatPin[] {
  deletePin(ctx.db, fingerprint);
  return trustedSecretariats(ctx);
}

/** Records the confidentiality pledge (保密承诺) for the package. */
export function pledge(ctx: Context, packageId: string): PackageDetail {
  const meta = packageMeta(ctx, packageId);
  acceptPledge(ctx.db, meta.row.id, now());
  return packageDetail(ctx, meta);
}
