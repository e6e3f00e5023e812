/**
 * Importing review packages and showing them. A package is checked in full
 * (decryption, signature, hashes, schemas, addressee) before anything is
 * kept; the kept form is the original encrypted `.rpkg`, so no dossier
 * content ever reaches the disk in plaintext.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import type { PackageSummary } from '../../shared/ipc/contract.ts';
import { StagedFile } from '../../shared/ipc/wire.ts';
import { sha256File, sha256Hex } from '../crypto/hash.ts';
import { acceptPledge, findPackageBySha256, getPackageRow, getRoundPin, insertPackageRow, setRoundPin } from '../db/packages.ts';
import { checkpoint, diskFull } from '../faults/checkpoint.ts';
import { syncDir, writeSynced } from '../fs/durable.ts';
import { openPackage, type OpenedPackage } from '../packages/open.ts';
import { packageDetail, packageSummary } from '../review/summary.ts';
import { now, packageMeta, requireUnlocked, type Context, type PackageMeta } from './context.ts';
import type { HandlerTable } from './registry.ts';

export const PACKAGES_DIR = 'packages';

/** Checks a package and keeps it; see the `package:import` channel. */
export async function importPackage(
  ctx: Context,
  input: { fileName: string; bytes: Uint8Array | StagedFile; acceptSignerChange?: boolean | undefined },
): Promise<PackageSummary> {
  const identity = requireUnlocked(ctx);
  const staged = input.bytes instanceof StagedFile ? input.bytes : null;
  return ctx.session.exclusive(async () => {
    const sha256 = staged ? await sha256File(staged.path) : sha256Hex(input.bytes as Uint8Array);
    const known = findPackageBySha256(ctx.db, sha256);
    if (known) return packageSummary(ctx, packageMeta(ctx, known.id));

    const total = staged ? staged.size : (input.bytes as Uint8Array).length;
    ctx.host.emit('progress', { operation: 'import', done: 0, total });
    const dir = join(ctx.dataDir, PACKAGES_DIR);
    await mkdir(dir, { recursive: true });
    // The incoming copy is the still-encrypted file; openPackage reads it from disk and decrypts in memory only.
    const incoming = join(dir, `.incoming-${randomBytes(8).toString('hex')}.partial`);
    let kept: string | null = null;
    try {
      // A file the browser host streamed in (already flushed) moves; bytes in memory are written.
      if (staged) await rename(staged.path, incoming);
      else await writeSynced(incoming, input.bytes as Uint8Array);
      checkpoint('import:incoming-written');
      const opened = await openPackage(incoming, identity, {
        onProgress: (done, of) => ctx.host.emit('progress', { operation: 'import', done: Math.min(done, of), total: of }),
      });
      const m = opened.manifest;
      const same = getPackageRow(ctx.db, m.packageId);
      if (same) throw new ReviewDeskError('E_PACKAGE_REPLACED', { id: m.packageId });
      const pin = getRoundPin(ctx.db, m.round.id);
      const signer = opened.signer.fingerprint;
      if (pin && pin.fingerprint !== signer && !input.acceptSignerChange) {
        throw new ReviewDeskError('E_SIGNER_CHANGED', { pinned: pin.fingerprint, actual: signer, round: m.round.id });
      }
      const storedPath = `${PACKAGES_DIR}/${m.packageId}.rpkg`;
      kept = join(ctx.dataDir, storedPath);
      await rename(incoming, kept);
      await syncDir(dir);
      // Large dossier files are read again from the .rpkg when wanted: from where it is kept now.
      await opened.moved(kept);
      checkpoint('import:kept');
      const at = now();
      ctx.db.transaction(() => {
        insertPackageRow(ctx.db, {
          id: m.packageId,
          fileName: input.fileName,
          storedPath,
          sha256,
          size: total,
          roundId: m.round.id,
          signerFingerprint: signer,
          deadline: m.deadline,
          manifest: JSON.stringify(m),
          rubric: JSON.stringify(opened.rubric),
          importedAt: at,
          pledgeAcceptedAt: null,
        });
        if (!pin || pin.fingerprint !== signer) {
          setRoundPin(ctx.db, {
            roundId: m.round.id,
            fingerprint: signer,
            card: m.secretariat,
            pinnedAt: at,
            replacedFingerprint: pin?.fingerprint ?? null,
          });
        }
        checkpoint('import:recorded');
      })();
      kept = null;
      ctx.session.remember(m.packageId, opened);
      ctx.host.emit('progress', { operation: 'import', done: total, total });
      return packageSummary(ctx, packageMeta(ctx, m.packageId));
    } catch (e) {
      throw diskFull(e, 'import');
    } finally {
      await rm(incoming, { force: true });
      // Reached only when the database refused the row: the file goes too, so a refusal leaves nothing.
      if (kept) await rm(kept, { force: true });
    }
  });
}

/** The decrypted package, from memory or by opening the kept `.rpkg` again. */
export async function openedPackage(ctx: Context, meta: PackageMeta): Promise<OpenedPackage> {
  const cached = ctx.session.recall(meta.row.id);
  if (cached) return cached;
  const identity = requireUnlocked(ctx);
  const opened = await openPackage(join(ctx.dataDir, meta.row.storedPath), identity);
  if ((await opened.packageSha256()) !== meta.row.sha256) throw new ReviewDeskError('E_HASH_MISMATCH', { path: meta.row.storedPath });
  ctx.session.remember(meta.row.id, opened);
  return opened;
}

export const packageHandlers: Partial<HandlerTable<Context>> = {
  'package:import': (input, ctx) => importPackage(ctx, input),
  'package:get': (input, ctx) => packageDetail(ctx, packageMeta(ctx, input.packageId)),
  'package:acceptPledge': (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    acceptPledge(ctx.db, meta.row.id, now());
    return packageDetail(ctx, meta);
  },
};
