/**
 * Site visits (现场考察) in the expert's workspace: the visit of an application recorded item by item, its
 * photos taken in (electron/visits/photo.ts) and kept in the encrypted database, every change audited and
 * acknowledged after its commit like a score edit, and the visits read back for the score file.
 *
 * A visit needs what a review needs (the pledge, a conflict declaration, no recusal), and a rubric with a
 * checklist. It is created by its first change, dated the day of that change (Beijing date) until the expert
 * sets the date.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import type { EvidenceRef } from '../../shared/formats.ts';
import type { ParsedInput, VisitEdit, VisitPhotoState, VisitState } from '../../shared/ipc/contract.ts';
import { StagedFile } from '../../shared/ipc/wire.ts';
import { VISIT_LIMITS, photoPath, visitGaps, type SiteVisit, type VisitPhoto } from '../../shared/visit/model.ts';
import { sha256Parts } from '../crypto/hash.ts';
import { getConflict, insertAudit, listCriterionRows, putCriterionRow } from '../db/review.ts';
import {
  deletePhoto,
  deleteItemRow,
  getPhotoRow,
  getVisitRow,
  insertPhoto,
  insertVisitAudit,
  listItemRows,
  listPhotoRows,
  listVisitRows,
  photoFiles,
  photoThumbnail,
  photoTotals,
  putItemRow,
  putVisitRow,
  updatePhoto,
  type PhotoRow,
  type VisitAuditField,
  type VisitRow,
} from '../db/visits.ts';
import { auditedWrite } from '../workspace/audit.ts';
import { now, packageMeta, requireApplication, requirePledge, rubricOf, type Context, type PackageMeta } from '../workspace/context.ts';
import { takePhoto, type TakenPhoto } from './photo.ts';
import { readPhotoFile, removePhotoFiles, sweepPhotoFiles, writePhotoFile } from './photo-store.ts';

/** The Beijing date of an instant. */
export function beijingDate(at: string): string {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
}

function visitable(ctx: Context, packageId: string, applicationId: string): PackageMeta {
  const meta = packageMeta(ctx, packageId);
  requireApplication(meta, applicationId);
  requirePledge(ctx, packageId);
  const conflict = getConflict(ctx.db, packageId, applicationId);
  if (!conflict) throw new ReviewDeskError('E_CONFLICT_UNDECLARED', { application: applicationId });
  if (conflict.status === 'recused') throw new ReviewDeskError('E_RECUSED', { application: applicationId });
  if (!rubricOf(meta, applicationId).rubric.siteVisit.length) throw new ReviewDeskError('E_NO_SITE_VISIT', { application: applicationId });
  return meta;
}

function photoState(applicationId: string, p: PhotoRow): VisitPhotoState {
  return {
    id: p.photoId,
    path: photoPath(applicationId, p.photoId, p.mediaType),
    mediaType: p.mediaType,
    size: p.size,
    sha256: p.sha256,
    caption: p.caption,
    takenAt: p.takenAt,
    addedAt: p.addedAt,
    itemIds: JSON.parse(p.itemIds) as string[],
    criterionIds: JSON.parse(p.criterionIds) as string[],
    rotation: p.rotation,
    keptOriginal: p.keptOriginal === 1,
    hadLocation: p.hadLocation === 1,
    width: p.width,
    height: p.height,
  };
}

function state(
  ctx: Context,
  meta: PackageMeta,
  applicationId: string,
  ack: { savedAt: string | null; auditId: number | null; refused?: VisitState['refused'] } = { savedAt: null, auditId: null },
): VisitState {
  const packageId = meta.row.id;
  const checklist = rubricOf(meta, applicationId).rubric.siteVisit.map((x) => ({ id: x.id, title: x.title, guidance: x.guidance }));
  const row = getVisitRow(ctx.db, packageId, applicationId);
  const order = new Map(checklist.map((c, i) => [c.id, i]));
  const items = row
    ? listItemRows(ctx.db, packageId, applicationId)
        .filter((x) => order.has(x.itemId))
        .sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0))
        .map((x) => ({ id: x.itemId, result: x.result, note: x.note, updatedAt: x.updatedAt }))
    : [];
  const visit = row
    ? {
        visitedAt: row.visitedAt,
        place: row.place,
        attendees: JSON.parse(row.attendees) as { name: string; role: string }[],
        items,
        notes: row.notes,
        opinion: row.opinion,
        updatedAt: row.updatedAt,
      }
    : null;
  return {
    packageId,
    applicationId,
    checklist,
    visit,
    photos: listPhotoRows(ctx.db, packageId, applicationId).map((p) => photoState(applicationId, p)),
    gaps: visitGaps(checklist, visit),
    savedAt: ack.savedAt,
    auditId: ack.auditId,
    refused: ack.refused ?? [],
  };
}

export function getVisit(ctx: Context, input: ParsedInput<'visit:get'>): VisitState {
  const meta = visitable(ctx, input.packageId, input.applicationId);
  return state(ctx, meta, input.applicationId);
}

/** The visit's row, or a new one dated today (not yet written). */
function visitRow(ctx: Context, packageId: string, applicationId: string, at: string): VisitRow {
  return (
    getVisitRow(ctx.db, packageId, applicationId) ?? {
      applicationId,
      visitedAt: beijingDate(at),
      place: '',
      attendees: '[]',
      notes: '',
      opinion: '',
      nextPhoto: 1,
      updatedAt: at,
    }
  );
}

function audit(
  ctx: Context,
  packageId: string,
  applicationId: string,
  field: VisitAuditField,
  target: string | null,
  oldValue: unknown,
  newValue: unknown,
  at: string,
): number {
  return insertVisitAudit(ctx.db, {
    packageId,
    applicationId,
    field,
    target,
    oldValue: oldValue === null || oldValue === undefined ? null : JSON.stringify(oldValue),
    newValue: newValue === null || newValue === undefined ? null : JSON.stringify(newValue),
    at,
  });
}

export function editVisit(ctx: Context, input: ParsedInput<'visit:edit'>): VisitState {
  const meta = visitable(ctx, input.packageId, input.applicationId);
  const { packageId, applicationId, edit } = input;
  const at = now();
  if (edit.field === 'item' && !rubricOf(meta, applicationId).rubric.siteVisit.some((x) => x.id === edit.itemId))
    throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${edit.itemId} is not an item of the site-visit checklist` });
  const { auditId } = auditedWrite(ctx, {
    read: () => {
      const row = visitRow(ctx, packageId, applicationId, at);
      const item = edit.field === 'item' ? listItemRows(ctx.db, packageId, applicationId).find((x) => x.itemId === edit.itemId) : undefined;
      return { row, item, exists: !!getVisitRow(ctx.db, packageId, applicationId) };
    },
    unchanged: ({ row, item, exists }) => exists && sameAsStored(edit, row, item),
    write: ({ row }) => {
      const next = { ...row, updatedAt: at };
      if (edit.field === 'visitedAt') next.visitedAt = edit.value;
      if (edit.field === 'place') next.place = edit.value;
      if (edit.field === 'attendees') next.attendees = JSON.stringify(edit.value);
      if (edit.field === 'notes') next.notes = edit.value;
      if (edit.field === 'opinion') next.opinion = edit.value;
      putVisitRow(ctx.db, packageId, next);
      if (edit.field === 'item') {
        if (edit.result === null) {
          deleteItemRow(ctx.db, packageId, applicationId, edit.itemId);
          dropEvidence(ctx, packageId, applicationId, (r) => 'siteVisitItem' in r && r.siteVisitItem === edit.itemId, at);
        } else putItemRow(ctx.db, packageId, applicationId, { itemId: edit.itemId, result: edit.result, note: edit.note, updatedAt: at });
      }
    },
    audit: ({ row, item }) =>
      edit.field === 'item'
        ? audit(
            ctx,
            packageId,
            applicationId,
            'item',
            edit.itemId,
            item ? { result: item.result, note: item.note } : null,
            edit.result === null ? null : { result: edit.result, note: edit.note },
            at,
          )
        : audit(ctx, packageId, applicationId, edit.field, null, storedValue(edit.field, row), edit.value, at),
  });
  return state(ctx, meta, applicationId, { savedAt: auditId === null ? null : at, auditId });
}

function storedValue(field: Exclude<VisitEdit['field'], 'item'>, row: VisitRow): unknown {
  return field === 'attendees' ? (JSON.parse(row.attendees) as unknown) : row[field];
}

function sameAsStored(edit: VisitEdit, row: VisitRow, item: { result: string; note: string } | undefined): boolean {
  if (edit.field === 'item') return edit.result === null ? !item : !!item && item.result === edit.result && item.note === edit.note;
  if (edit.field === 'attendees') return row.attendees === JSON.stringify(edit.value);
  return row[edit.field] === edit.value;
}

/** Removes matching evidence references from the application's criteria, each an audited evidence edit. */
function dropEvidence(ctx: Context, packageId: string, applicationId: string, match: (r: EvidenceRef) => boolean, at: string): void {
  for (const row of listCriterionRows(ctx.db, packageId, applicationId)) {
    const refs = JSON.parse(row.evidence) as EvidenceRef[];
    const kept = refs.filter((r) => !match(r));
    if (kept.length === refs.length) continue;
    const evidence = JSON.stringify(kept);
    putCriterionRow(ctx.db, packageId, { ...row, evidence, updatedAt: at });
    insertAudit(ctx.db, {
      packageId,
      applicationId,
      criterionId: row.criterionId,
      field: 'evidence',
      oldValue: row.evidence,
      newValue: evidence,
      at,
      restoredFrom: null,
    });
  }
}

/** Reads a file handed over in memory or staged by the browser host. */
async function bytesOf(b: Uint8Array | StagedFile, fileName: string): Promise<Uint8Array> {
  if (!(b instanceof StagedFile)) return b;
  if (b.size > VISIT_LIMITS.maxPhotoBytes)
    throw new ReviewDeskError('E_PHOTO_TOO_LARGE', { name: fileName, size: b.size, limit: VISIT_LIMITS.maxPhotoBytes });
  return readFile(b.path);
}

/**
 * How many photos are decoded at once (sharp, on libuv's threads): one per core. Each photo's encryption and
 * write (on the main thread) goes on while the next ones decode, so the cores stay busy from the first photo
 * to the last rather than taking turns.
 */
const INTAKE_PARALLEL = Math.max(1, Math.min(4, availableParallelism()));

type Intake =
  { fileName: string; photo: TakenPhoto; sha256: string; file: string; headerSha256: string } | { fileName: string; error: unknown };

/** Takes in every file, each written encrypted as soon as it is taken; the results in the order of `files`. */
async function intake(ctx: Context, files: ParsedInput<'visit:addPhotos'>['files'], keepOriginal: boolean): Promise<Intake[]> {
  const out: Intake[] = new Array<Intake>(files.length);
  const writes: Promise<void>[] = [];
  let writeFailed: { reason: unknown } | null = null;
  let nextIndex = 0;
  const decode = async (): Promise<void> => {
    for (let k = nextIndex++; k < files.length; k = nextIndex++) {
      const f = files[k]!;
      let photo: TakenPhoto;
      try {
        photo = await takePhoto(f.fileName, await bytesOf(f.bytes, f.fileName), { keepOriginal });
      } catch (error) {
        out[k] = { fileName: f.fileName, error };
        continue;
      }
      const sha256 = sha256Parts(photo.parts);
      writes.push(
        writePhotoFile(ctx, photo.parts).then(
          ({ file, headerSha256 }) => void (out[k] = { fileName: f.fileName, photo, sha256, file, headerSha256 }),
          (reason: unknown) => void (writeFailed ??= { reason }),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(INTAKE_PARALLEL, files.length) }, decode));
  await Promise.all(writes);
  const failed = writeFailed as { reason: unknown } | null;
  if (failed) {
    // A write failed (the disk, not the photo): nothing is kept, and the call fails with the write's error.
    await removePhotoFiles(
      ctx,
      out.flatMap((r) => (r && 'file' in r ? [r.file] : [])),
    );
    throw failed.reason;
  }
  return out;
}

export async function addPhotos(ctx: Context, input: ParsedInput<'visit:addPhotos'>): Promise<VisitState> {
  const meta = visitable(ctx, input.packageId, input.applicationId);
  const { packageId, applicationId } = input;
  const refused: VisitState['refused'] = [];
  const taken: { fileName: string; photo: TakenPhoto; sha256: string; headerSha256: string }[] = [];
  // The photos' files are written (encrypted, fsynced) before the rows that name them commit; a refused or failed
  // save removes them again, and a crash in between leaves files no row names, which the next open sweeps.
  const files: string[] = [];
  for (const r of await intake(ctx, input.files, !!input.keepOriginal)) {
    if ('file' in r) {
      taken.push(r);
      files.push(r.file);
      continue;
    }
    const e = isReviewDeskError(r.error)
      ? r.error
      : new ReviewDeskError('E_PHOTO_CORRUPT', {
          name: r.fileName,
          reason: r.error instanceof Error ? r.error.message.slice(0, 200) : 'unreadable',
        });
    refused.push({ fileName: r.fileName, code: e.code, message: e.toJSON().message });
  }
  const at = now();
  let lastAudit: number | null = null;
  if (taken.length) {
    const run = ctx.db.transaction(() => {
      const row = visitRow(ctx, packageId, applicationId, at);
      const existing = listPhotoRows(ctx.db, packageId, applicationId).length;
      const totals = photoTotals(ctx.db, packageId);
      const adding = taken.reduce((n, t) => n + t.photo.size, 0);
      if (existing + taken.length > VISIT_LIMITS.maxPhotosPerApplication)
        throw new ReviewDeskError('E_PHOTO_LIMIT', {
          reason: `${existing + taken.length} photos for ${applicationId}, at most ${VISIT_LIMITS.maxPhotosPerApplication}`,
        });
      if (totals.count + taken.length > VISIT_LIMITS.maxBundlePhotos)
        throw new ReviewDeskError('E_PHOTO_LIMIT', {
          reason: `${totals.count + taken.length} photos in this package, at most ${VISIT_LIMITS.maxBundlePhotos}`,
        });
      if (totals.bytes + adding > VISIT_LIMITS.maxBundlePhotoBytes)
        throw new ReviewDeskError('E_PHOTO_LIMIT', {
          reason: `${totals.bytes + adding} bytes of photos in this package, at most ${VISIT_LIMITS.maxBundlePhotoBytes}`,
        });
      let seq = row.nextPhoto;
      putVisitRow(ctx.db, packageId, { ...row, nextPhoto: seq + taken.length, updatedAt: at });
      for (const [k, { fileName, photo, sha256, headerSha256 }] of taken.entries()) {
        const photoId = `P${seq}`;
        const rec: PhotoRow = {
          photoId,
          seq,
          mediaType: photo.mediaType,
          size: photo.size,
          sha256,
          caption: '',
          takenAt: photo.takenAt,
          addedAt: at,
          itemIds: '[]',
          criterionIds: '[]',
          rotation: 0,
          keptOriginal: input.keepOriginal ? 1 : 0,
          hadLocation: photo.hadLocation ? 1 : 0,
          width: photo.width,
          height: photo.height,
          file: files[k] ?? '',
          headerSha256,
        };
        insertPhoto(ctx.db, packageId, applicationId, rec, photo.thumbnail);
        lastAudit = audit(
          ctx,
          packageId,
          applicationId,
          'photoAdded',
          photoId,
          null,
          { fileName, sha256: rec.sha256, size: rec.size, keptOriginal: !!input.keepOriginal },
          at,
        );
        seq++;
      }
    });
    try {
      run.immediate();
    } catch (e) {
      await removePhotoFiles(ctx, files);
      throw e;
    }
  }
  return state(ctx, meta, applicationId, { savedAt: taken.length ? at : null, auditId: lastAudit, refused });
}

export function editPhoto(ctx: Context, input: ParsedInput<'visit:editPhoto'>): VisitState {
  const meta = visitable(ctx, input.packageId, input.applicationId);
  const { packageId, applicationId } = input;
  const rubric = rubricOf(meta, applicationId);
  for (const id of input.itemIds ?? [])
    if (!rubric.rubric.siteVisit.some((x) => x.id === id))
      throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `${id} is not an item of the site-visit checklist` });
  for (const id of input.criterionIds ?? []) if (!rubric.criteria.has(id)) throw new ReviewDeskError('E_UNKNOWN_CRITERION', { id });
  const at = now();
  const { auditId } = auditedWrite(ctx, {
    read: () => {
      const p = getPhotoRow(ctx.db, packageId, applicationId, input.photoId);
      if (!p) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: input.photoId });
      return p;
    },
    unchanged: (p) =>
      next(p).caption === p.caption &&
      next(p).itemIds === p.itemIds &&
      next(p).criterionIds === p.criterionIds &&
      next(p).rotation === p.rotation,
    write: (p) => {
      updatePhoto(ctx.db, packageId, applicationId, next(p));
      putVisitRow(ctx.db, packageId, { ...visitRow(ctx, packageId, applicationId, at), updatedAt: at });
    },
    audit: (p) => audit(ctx, packageId, applicationId, 'photo', p.photoId, links(p), links(next(p)), at),
  });
  function next(p: PhotoRow): PhotoRow {
    return {
      ...p,
      caption: input.caption ?? p.caption,
      itemIds: input.itemIds ? JSON.stringify([...new Set(input.itemIds)]) : p.itemIds,
      criterionIds: input.criterionIds ? JSON.stringify([...new Set(input.criterionIds)]) : p.criterionIds,
      rotation: input.rotation ?? p.rotation,
    };
  }
  return state(ctx, meta, applicationId, { savedAt: auditId === null ? null : at, auditId });
}

function links(p: PhotoRow): unknown {
  return {
    caption: p.caption,
    itemIds: JSON.parse(p.itemIds) as unknown,
    criterionIds: JSON.parse(p.criterionIds) as unknown,
    rotation: p.rotation,
  };
}

export async function removePhoto(ctx: Context, input: ParsedInput<'visit:removePhoto'>): Promise<VisitState> {
  const meta = visitable(ctx, input.packageId, input.applicationId);
  const { packageId, applicationId, photoId } = input;
  const at = now();
  let removedFile: string | null = null;
  const { auditId } = auditedWrite(ctx, {
    read: () => {
      const p = getPhotoRow(ctx.db, packageId, applicationId, photoId);
      if (!p) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: photoId });
      return p;
    },
    unchanged: () => false,
    write: (p) => {
      removedFile = p.file;
      deletePhoto(ctx.db, packageId, applicationId, photoId);
      const path = photoPath(applicationId, photoId, p.mediaType);
      dropEvidence(ctx, packageId, applicationId, (r) => 'photo' in r && r.photo === path, at);
      putVisitRow(ctx.db, packageId, { ...visitRow(ctx, packageId, applicationId, at), updatedAt: at });
    },
    audit: (p) =>
      audit(ctx, packageId, applicationId, 'photoRemoved', photoId, { sha256: p.sha256, size: p.size, caption: p.caption }, null, at),
  });
  // After the commit: the file goes only once no row names it (an interrupted removal leaves it to the sweep).
  if (removedFile) await removePhotoFiles(ctx, [removedFile]);
  return state(ctx, meta, applicationId, { savedAt: at, auditId });
}

export async function photoBytes(
  ctx: Context,
  input: ParsedInput<'visit:photo'>,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; mediaType: string }> {
  const meta = packageMeta(ctx, input.packageId);
  requireApplication(meta, input.applicationId);
  requirePledge(ctx, input.packageId);
  const p = getPhotoRow(ctx.db, input.packageId, input.applicationId, input.photoId);
  if (!p) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: input.photoId });
  const bytes =
    input.variant === 'thumbnail'
      ? photoThumbnail(ctx.db, input.packageId, input.applicationId, input.photoId)
      : await readPhotoFile(ctx, p.file, p);
  if (!bytes) throw new ReviewDeskError('E_UNKNOWN_PHOTO', { id: input.photoId });
  return {
    // A copy the size of one photo: the bytes cross to the renderer as a plain ArrayBuffer.
    bytes: new Uint8Array(bytes),
    mediaType: input.variant === 'thumbnail' ? 'image/jpeg' : p.mediaType,
  };
}

/** A visit's photo as the score file carries it, with what the export needs to read its bytes. */
export interface ExportPhoto {
  applicationId: string;
  photoId: string;
  /** Its age file in photos/. */
  file: string;
  path: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** SHA-256 of its file's header and nonce, where recorded (photo-store.ts). */
  headerSha256: string | null;
}

/**
 * The score file's `siteVisit` of each visited application, and its photos (read inside the caller's
 * transaction; the bytes are read later, in order, by {@link exportPhotoReader}).
 */
export function exportVisits(ctx: Context, meta: PackageMeta): { visits: Map<string, SiteVisit>; photos: ExportPhoto[] } {
  const packageId = meta.row.id;
  const visits = new Map<string, SiteVisit>();
  const photos: ExportPhoto[] = [];
  for (const row of listVisitRows(ctx.db, packageId)) {
    if (!meta.applications.has(row.applicationId)) continue;
    const s = state(ctx, meta, row.applicationId);
    const ps = s.photos.map((p): VisitPhoto => ({
      path: p.path,
      caption: p.caption,
      takenAt: p.takenAt,
      addedAt: p.addedAt,
      itemIds: p.itemIds,
      criterionIds: p.criterionIds,
      ...(p.rotation ? { rotation: p.rotation } : {}),
      ...(p.keptOriginal ? { keptOriginal: true as const } : {}),
    }));
    const rowOf = new Map(listPhotoRows(ctx.db, packageId, row.applicationId).map((r) => [r.photoId, r]));
    for (const p of s.photos)
      photos.push({
        applicationId: row.applicationId,
        photoId: p.id,
        file: rowOf.get(p.id)?.file ?? '',
        headerSha256: rowOf.get(p.id)?.headerSha256 ?? null,
        path: p.path,
        mediaType: p.mediaType,
        size: p.size,
        sha256: p.sha256,
      });
    visits.set(row.applicationId, {
      visitedAt: row.visitedAt,
      place: row.place,
      attendees: JSON.parse(row.attendees) as SiteVisit['attendees'],
      items: (s.visit?.items ?? []).map((x) => ({ id: x.id, result: x.result, note: x.note })),
      notes: row.notes,
      opinion: row.opinion,
      photos: ps,
    });
  }
  return { visits, photos };
}

/** Photos the export decrypts ahead of the one it is zipping and encrypting. */
export const READ_AHEAD = 3;

/** The export's photos, read in order (see {@link exportPhotoReader}). */
export interface ExportPhotoReader {
  /** Photo `index`'s bytes; photos are asked for in order, each once. */
  read(index: number): Promise<Buffer>;
  /**
   * Told of each piece of plaintext once the encryption is done with it: a photo handed out is a view of a
   * decryption buffer, which is read into again only once its view has come through here.
   */
  consumed(piece: Uint8Array): void;
}

/**
 * The export's photos read in order, each decrypted from its file and checked against the size and SHA-256 the
 * score file lists (a photo removed meanwhile fails: E_INVALID_ENTRY). The next {@link READ_AHEAD} photos are
 * decrypting on a payload worker thread while the caller zips and encrypts this one, so that the two run side
 * by side. Each read-ahead has a decryption buffer of its own, reused from photo to photo (the worker threads
 * keep a reference to what they are given, and a fresh 8 MB per photo costs more in page faults and garbage
 * collection than the decryption): a photo is handed out as a view of that buffer, and the photo after next is
 * read into it once the encryption has reported the view {@link ExportPhotoReader.consumed}. Should a view never
 * come back whole (the ZIP split it), the photo waiting for that buffer is read on this thread instead, into
 * memory of its own: slower, never wrong.
 */
export function exportPhotoReader(ctx: Context, photos: readonly ExportPhoto[]): ExportPhotoReader {
  const largest = photos.reduce((n, p) => Math.max(n, p.size), 0);
  const slots = Array.from({ length: Math.min(READ_AHEAD, photos.length) }, () => ({
    buffer: new SharedArrayBuffer(largest),
    /** The view handed out and not yet consumed, or the read in progress into it. */
    busy: null as Buffer | Promise<Buffer> | null,
  }));
  const reads = new Map<number, Promise<Buffer>>();
  const refused = (p: ExportPhoto) => (e: unknown) => {
    throw new ReviewDeskError('E_INVALID_ENTRY', { reason: `photo ${p.path} changed since it was added` }, { cause: e });
  };
  const start = (i: number): void => {
    const p = photos[i];
    const slot = slots[i % slots.length];
    if (!p || !slot || slot.busy || reads.has(i)) return;
    const read = readPhotoFile(ctx, p.file, p, slot.buffer).catch(refused(p));
    // Awaited when its turn comes; an export that stops before then drops it.
    read.catch(() => undefined);
    slot.busy = read;
    reads.set(i, read);
  };
  for (let i = 0; i < slots.length; i++) start(i);
  let next = 0;
  return {
    async read(index) {
      if (index !== next) throw new ReviewDeskError('E_INTERNAL', { reason: `photo ${index} read out of order` });
      next++;
      const p = photos[index]!;
      const read = reads.get(index);
      if (!read) return readPhotoFile(ctx, p.file, p).catch(refused(p));
      reads.delete(index);
      const view = await read;
      slots[index % slots.length]!.busy = view;
      return view;
    },
    consumed(piece) {
      const k = slots.findIndex((s) => s.busy === piece);
      if (k < 0) return;
      slots[k]!.busy = null;
      // The next photo that this buffer serves.
      for (let i = next; i < photos.length; i++) if (i % slots.length === k) return start(i);
    },
  };
}

/** At open: removes photo files no row names (see photo-store.ts). */
export function sweepPhotos(ctx: Context): Promise<number> {
  return sweepPhotoFiles(ctx, photoFiles(ctx.db));
}
