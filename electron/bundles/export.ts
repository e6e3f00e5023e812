/**
 * Exports that cannot fork: a score bundle's file in exports/ and its record
 * in the database are one outcome. The steps, each a checkpoint where the
 * crash tests kill the process:
 *
 *  1. the revision is reserved in the database (a `reserved` row naming the
 *     exact sealed bytes by SHA-256 and size);
 *  2. the bytes go to `<name>.partial`, fsynced;
 *  3. the record is committed (`done`);
 *  4. the file is renamed to its final name and the folder fsynced.
 *
 * On open, {@link reconcileExports} finishes or undoes whatever a crash left:
 * a file whose bytes match its reservation is adopted, an incomplete
 * `.partial` is removed with its reservation, and any other `.rsb` is moved to
 * exports/set-aside/ with a reason, never deleted. A revision that a record,
 * a reservation or any file's name carries is never handed out again, so two
 * different files never share a revision.
 *
 * The bundle is encrypted to the secretariat, so this workspace cannot open
 * it to check its signature; the SHA-256 of the exact sealed bytes, taken
 * before anything is written, is the stronger check and the one used.
 */
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Manifest } from '../../shared/formats.ts';
import { recycleSealed } from '../crypto/age/index.ts';
import { OffThreadSha256 } from '../crypto/parallel.ts';
import { sha256File, sha256Hex } from '../crypto/hash.ts';
import { syncDir, writePieces } from '../fs/durable.ts';
import {
  completeExport,
  dropReservation,
  highestRevision,
  insertSetAside,
  listExportRecords,
  reserveExport,
  setAsideNameTaken,
  setAsideStoredNames,
  undoExport,
  type ExportRecord,
  type SetAsideReason,
  type SetAsideRow,
} from '../db/exports.ts';
import { checkpoint, diskFull } from '../faults/checkpoint.ts';

import { EXPORTS_DIR, SET_ASIDE_DIR } from '../workspace/layout.ts';

export { EXPORTS_DIR, SET_ASIDE_DIR };
const PARTIAL = '.partial';

/** The file name of a package's export without its revision: `<round>-<expert>-<package8>-r`. */
export function exportPrefix(m: Pick<Manifest, 'round' | 'expert' | 'packageId'>): string {
  return `${m.round.id}-${m.expert.id}-${m.packageId.slice(0, 8)}-r`;
}

/** The revision a file name claims for the package with this prefix, or null. */
function revisionIn(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const m = /^(\d{1,9})\.rsb(?:\.[0-9a-f]*)?(?:\.partial)?$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : null;
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

/** Whether the file at `path` holds exactly the bytes a record names. */
async function holds(path: string, sha256: string, size: number): Promise<boolean> {
  const s = await stat(path).catch(() => null);
  if (!s?.isFile() || s.size !== size) return false;
  return (await sha256File(path)) === sha256;
}

/**
 * The next revision for a package: above every record and reservation, every
 * file set aside, and every file name in exports/ and exports/set-aside/
 * (a file the database never knew still carries its revision).
 */
export async function nextRevision(db: Database, dataDir: string, packageId: string, prefix: string): Promise<number> {
  let top = highestRevision(db, packageId);
  const dir = join(dataDir, EXPORTS_DIR);
  for (const name of [...(await names(dir)), ...(await names(join(dir, SET_ASIDE_DIR)))]) {
    top = Math.max(top, revisionIn(name, prefix) ?? 0);
  }
  return top + 1;
}

export interface ExportRequest {
  packageId: string;
  /** {@link exportPrefix} of the package. */
  prefix: string;
  at: string;
  complete: boolean;
  lastAuditId: number;
  /**
   * Seals the bundle for a revision: in memory (nothing is written before the reservation), or as a stream
   * (a score file with photos), written to `<name>.partial` and hashed before the reservation names it.
   */
  seal(revision: number): Promise<Buffer | AsyncIterable<Uint8Array>>;
}

export interface Exported {
  revision: number;
  fileName: string;
  sha256: string;
  size: number;
  /** The sealed bytes when they were sealed in memory; a streamed export is read from `path`. */
  bytes: Buffer | null;
  /** The file in exports/. */
  path: string;
}

/** Writes a streamed seal to `path` (mode 0600), fsynced; its SHA-256 and size. */
async function writeStreamed(path: string, pieces: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  // Hashed on a worker thread beside the sealing; a piece is recycled once written and hashed.
  const hash = new OffThreadSha256();
  let size: number;
  const fh = await open(path, 'w', 0o600);
  try {
    size = await writePieces(fh, pieces, (p) => hash.update(p), recycleSealed);
    await fh.sync();
  } catch (e) {
    hash.abandon();
    throw e;
  } finally {
    await fh.close();
  }
  return { sha256: await hash.digest(), size };
}

/**
 * Writes one export (see the steps above). Callers serialise exports of a
 * workspace (Session.exclusive). A full disk at any step is E_DISK_FULL with
 * neither the reservation nor the `.partial` left.
 */
export async function writeExport(db: Database, dataDir: string, req: ExportRequest): Promise<Exported> {
  try {
    return await exportSteps(db, dataDir, req);
  } catch (e) {
    throw diskFull(e, 'export');
  }
}

async function exportSteps(db: Database, dataDir: string, req: ExportRequest): Promise<Exported> {
  const dir = join(dataDir, EXPORTS_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Exports are serialised, so a reservation seen now is one an earlier export could not drop (the disk was full).
  for (const r of listExportRecords(db)) if (r.state === 'reserved') await settle(db, dir, r);
  const revision = await nextRevision(db, dataDir, req.packageId, req.prefix);
  const fileName = `${req.prefix}${revision}.rsb`;
  const partial = join(dir, fileName + PARTIAL);
  const sealed = await req.seal(revision);
  // A streamed seal is on disk before its reservation: a crash now leaves a .partial that no record names,
  // which the next open removes (reconcileExports), as it removes any other unfinished write.
  const bytes = Buffer.isBuffer(sealed) ? sealed : null;
  const streamed = bytes
    ? null
    : await writeStreamed(partial, sealed as AsyncIterable<Uint8Array>).catch(async (e: unknown) => {
        await rm(partial, { force: true });
        throw e;
      });
  const sha256 = bytes ? sha256Hex(bytes) : (streamed?.sha256 ?? '');
  const size = bytes ? bytes.length : (streamed?.size ?? 0);
  const record = {
    packageId: req.packageId,
    revision,
    at: req.at,
    fileName,
    sha256,
    size,
    complete: req.complete,
    lastAuditId: req.lastAuditId,
  };
  checkpoint('export:sealed');
  try {
    reserveExport(db, record);
  } catch (e) {
    if (!bytes) await rm(partial, { force: true });
    throw diskFull(e, 'export');
  }
  try {
    checkpoint('export:reserved');
    if (bytes) {
      const fh = await open(partial, 'w', 0o600);
      try {
        // Two writes so that a kill can land with half the file on disk.
        const half = Math.floor(size / 2);
        await fh.write(bytes.subarray(0, half));
        checkpoint('export:half-written');
        await fh.write(bytes.subarray(half));
        checkpoint('export:written');
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    checkpoint('export:synced');
    completeExport(db, req.packageId, revision);
  } catch (e) {
    // Not committed: the revision was never given out, so both the partial file and the reservation go.
    await rm(partial, { force: true });
    try {
      dropReservation(db, req.packageId, revision);
    } catch {
      // Left for reconcileExports on the next open: a reservation without its file is dropped there.
    }
    throw diskFull(e, 'export');
  }
  try {
    checkpoint('export:committed');
    // A rename can need a new directory block, so even this can find the disk full.
    await rename(partial, join(dir, fileName));
  } catch (e) {
    // Nothing was handed out yet: take the export back whole. Should that fail too, the next open adopts the file.
    try {
      undoExport(db, req.packageId, revision);
      await rm(partial, { force: true });
    } catch {
      // See above.
    }
    throw diskFull(e, 'export');
  }
  checkpoint('export:renamed');
  // Record and file agree from here on: should the rename not survive a power cut, the next open adopts the .partial.
  await syncDir(dir).catch(() => undefined);
  checkpoint('export:done');
  return { revision, fileName, sha256, size, bytes, path: join(dir, fileName) };
}

/** A package as the reconciliation needs it. */
export interface ExportOwner {
  packageId: string;
  prefix: string;
}

/**
 * Brings exports/ and the records back to one story after a crash (see the
 * module comment). Returns the files it set aside now.
 */
export async function reconcileExports(
  db: Database,
  dataDir: string,
  owners: readonly ExportOwner[],
  at: string,
): Promise<Omit<SetAsideRow, 'id' | 'seenAt'>[]> {
  const dir = join(dataDir, EXPORTS_DIR);
  const records = new Map(listExportRecords(db).map((r) => [r.fileName, r]));
  // First every whole-named .rsb that is not exactly its record's bytes goes aside, so nothing below can overwrite it.
  const setAside: Omit<SetAsideRow, 'id' | 'seenAt'>[] = [];
  for (const name of await names(dir)) {
    if (!name.endsWith('.rsb')) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) continue;
    const r = records.get(name);
    if (r && (await holds(path, r.sha256, r.size))) continue;
    const owner = owners.find((o) => revisionIn(name, o.prefix) !== null) ?? null;
    const row = {
      fileName: name,
      storedName: await setAsideName(db, dir, name),
      packageId: owner?.packageId ?? null,
      revision: owner ? revisionIn(name, owner.prefix) : null,
      sha256: await sha256File(path),
      size: s.size,
      reason: (r ? 'mismatch' : 'unrecorded') as SetAsideReason,
      at,
    };
    // Moved before it is recorded: a crash in between leaves the file in set-aside/, whose names still burn their revisions.
    await rename(path, join(dir, SET_ASIDE_DIR, row.storedName));
    await syncDir(dir);
    checkpoint('reconcile:moved');
    insertSetAside(db, row);
    setAside.push(row);
  }
  // A crash between a move and its record left a file in set-aside/ that no row names: record it now.
  const recorded = setAsideStoredNames(db);
  for (const name of await names(join(dir, SET_ASIDE_DIR))) {
    if (!name.endsWith('.rsb') || recorded.has(name)) continue;
    const path = join(dir, SET_ASIDE_DIR, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) continue;
    const original = name.replace(/\.\d+\.rsb$/, '.rsb');
    const owner = owners.find((o) => revisionIn(original, o.prefix) !== null) ?? null;
    const row = {
      fileName: original,
      storedName: name,
      packageId: owner?.packageId ?? null,
      revision: owner ? revisionIn(original, owner.prefix) : null,
      sha256: await sha256File(path),
      size: s.size,
      reason: 'unrecorded' as SetAsideReason,
      at,
    };
    insertSetAside(db, row);
    setAside.push(row);
  }
  for (const r of records.values()) await settle(db, dir, r);
  // Unfinished writes (ours or an older version's) are never a whole signed file.
  for (const name of await names(dir)) if (name.endsWith(PARTIAL)) await rm(join(dir, name), { force: true });
  return setAside;
}

/** Finishes or undoes one record's export, from what is on disk. */
async function settle(db: Database, dir: string, r: ExportRecord): Promise<void> {
  const final = join(dir, r.fileName);
  const partial = final + PARTIAL;
  if (await holds(final, r.sha256, r.size)) {
    // Killed between the rename and the folder's sync, or a reservation whose file is whole: the file is the record's.
    if (r.state === 'reserved') completeExport(db, r.packageId, r.revision);
  } else if (await holds(partial, r.sha256, r.size)) {
    // Whole and synced but not yet renamed: adopt it, committing first so that a file never precedes its record.
    if (r.state === 'reserved') completeExport(db, r.packageId, r.revision);
    checkpoint('reconcile:adopted');
    await rename(partial, final);
    await syncDir(dir);
  } else if (r.state === 'reserved') {
    // Never completed, so never given out: the reservation goes, and with it any half-written file.
    await rm(partial, { force: true });
    dropReservation(db, r.packageId, r.revision);
  }
}

/** A free name in exports/set-aside/ for `name` (the folder is created). */
async function setAsideName(db: Database, dir: string, name: string): Promise<string> {
  const asideDir = join(dir, SET_ASIDE_DIR);
  await mkdir(asideDir, { recursive: true, mode: 0o700 });
  const taken = new Set(await names(asideDir));
  let stored = name;
  for (let n = 2; taken.has(stored) || setAsideNameTaken(db, stored); n++) stored = `${name.slice(0, -4)}.${n}.rsb`;
  return stored;
}
