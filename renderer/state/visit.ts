/**
 * The expert's site visits (现场考察), one per application, as the Node side keeps them in the encrypted
 * workspace. Every change is one audited call; changes of one visit go out in order, and the save
 * indicator says "saved" only once the last one has been acknowledged after its commit. Photos' bytes
 * come by `visit:photo` and are shown through object URLs that live as long as the photo's hash does.
 */
import { create } from 'zustand';
import type { VisitEdit, VisitState } from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import type { SaveStatus } from './review.ts';

export const visitKey = (packageId: string, applicationId: string): string => `${packageId}/${applicationId}`;

type Refused = VisitState['refused'];

interface VisitStore {
  visits: Record<string, VisitState>;
  loadErrors: Record<string, ApiError | null>;
  save: Record<string, SaveStatus>;
  /** What the last `visit:addPhotos` of a visit refused, until dismissed. */
  refused: Record<string, Refused>;
  /** Photos being added (by file count) per visit. */
  adding: Record<string, number>;

  load(packageId: string, applicationId: string): Promise<VisitState | null>;
  /** A local change waits to be sent (a note still being typed). */
  markPending(packageId: string, applicationId: string): void;
  edit(packageId: string, applicationId: string, edit: VisitEdit): Promise<boolean>;
  addPhotos(packageId: string, applicationId: string, files: File[], keepOriginal: boolean): Promise<boolean>;
  editPhoto(
    packageId: string,
    applicationId: string,
    photoId: string,
    change: { caption?: string; itemIds?: string[]; criterionIds?: string[]; rotation?: 0 | 90 | 180 | 270 },
  ): Promise<boolean>;
  removePhoto(packageId: string, applicationId: string, photoId: string): Promise<boolean>;
  dismissRefused(packageId: string, applicationId: string): void;
  /** Sends every change still waiting at once (the page is being unloaded). */
  sendNow(): void;
  /** Resolves once every change made so far has been answered. */
  settled(): Promise<void>;
}

// One queue per visit: a change is sent after the one before it has been answered.
const queues = new Map<string, Promise<unknown>>();

/** A change not yet sent: `fire` sends it (once); a newer change of the same field replaces its call. */
interface Waiting {
  key: string;
  field: string | null;
  call: () => Promise<VisitState>;
  sent: Promise<VisitState> | null;
}
const waiting = new Set<Waiting>();
const fire = (w: Waiting): Promise<VisitState> => {
  waiting.delete(w);
  return (w.sent ??= w.call());
};
const fieldOf = (edit: VisitEdit): string => (edit.field === 'item' ? `item:${edit.itemId}` : edit.field);

export const useVisitStore = create<VisitStore>()((set, get) => {
  const setSave = (key: string, status: SaveStatus): void => set((s) => ({ save: { ...s.save, [key]: status } }));

  /** Runs `call` after the visit's earlier changes; its answer replaces the visit's state. */
  const enqueue = (key: string, call: () => Promise<VisitState>, field: string | null = null): Promise<VisitState | null> => {
    setSave(key, { state: 'saving' });
    // 7 then 7.5 typed quickly is one stored change: a waiting change of the same field takes the newer value.
    if (field !== null)
      for (const w of waiting)
        if (w.key === key && w.field === field && w.sent === null) {
          w.call = call;
          return queues.get(key) as Promise<VisitState | null>;
        }
    const w: Waiting = { key, field, call, sent: null };
    waiting.add(w);
    const previous = queues.get(key) ?? Promise.resolve();
    const run: Promise<VisitState | null> = previous.then(async () => {
      try {
        const state = await fire(w);
        set((s) => ({ visits: { ...s.visits, [key]: state } }));
        if (queues.get(key) === run) setSave(key, { state: 'saved', at: state.savedAt ?? new Date().toISOString() });
        return state;
      } catch (e) {
        setSave(key, { state: 'error', error: toApiError(e) });
        return null;
      }
    });
    queues.set(key, run);
    return run;
  };
  const ok = (p: Promise<VisitState | null>): Promise<boolean> => p.then((x) => x !== null);

  return {
    visits: {},
    loadErrors: {},
    save: {},
    refused: {},
    adding: {},

    async load(packageId, applicationId) {
      const key = visitKey(packageId, applicationId);
      try {
        const state = await api['visit:get']({ packageId, applicationId });
        set((s) => ({ visits: { ...s.visits, [key]: state }, loadErrors: { ...s.loadErrors, [key]: null } }));
        return state;
      } catch (e) {
        set((s) => ({ loadErrors: { ...s.loadErrors, [key]: toApiError(e) } }));
        return null;
      }
    },

    markPending(packageId, applicationId) {
      const key = visitKey(packageId, applicationId);
      if (get().save[key]?.state !== 'saving') setSave(key, { state: 'pending' });
    },

    edit(packageId, applicationId, edit) {
      return ok(enqueue(visitKey(packageId, applicationId), () => api['visit:edit']({ packageId, applicationId, edit }), fieldOf(edit)));
    },

    async addPhotos(packageId, applicationId, files, keepOriginal) {
      const key = visitKey(packageId, applicationId);
      if (files.length === 0) return true;
      set((s) => ({ adding: { ...s.adding, [key]: (s.adding[key] ?? 0) + files.length }, refused: { ...s.refused, [key]: [] } }));
      try {
        // Ten files a call (the contract takes at most 50), each read only when its turn comes.
        let all = true;
        for (let i = 0; i < files.length; i += 10) {
          const chunk = files.slice(i, i + 10);
          const read = await Promise.all(
            chunk.map(async (f) => ({ fileName: f.name || 'photo.jpg', bytes: new Uint8Array(await f.arrayBuffer()) })),
          );
          const state = await enqueue(key, () =>
            api['visit:addPhotos']({ packageId, applicationId, files: read, ...(keepOriginal ? { keepOriginal: true } : {}) }),
          );
          all &&= state !== null;
          set((s) => ({
            adding: { ...s.adding, [key]: Math.max(0, (s.adding[key] ?? 0) - chunk.length) },
            refused: { ...s.refused, [key]: [...(s.refused[key] ?? []), ...(state?.refused ?? [])] },
          }));
        }
        return all;
      } finally {
        set((s) => ({ adding: { ...s.adding, [key]: 0 } }));
      }
    },

    editPhoto(packageId, applicationId, photoId, change) {
      return ok(
        enqueue(visitKey(packageId, applicationId), () => api['visit:editPhoto']({ packageId, applicationId, photoId, ...change })),
      );
    },

    removePhoto(packageId, applicationId, photoId) {
      return ok(enqueue(visitKey(packageId, applicationId), () => api['visit:removePhoto']({ packageId, applicationId, photoId })));
    },

    dismissRefused(packageId, applicationId) {
      const key = visitKey(packageId, applicationId);
      set((s) => ({ refused: { ...s.refused, [key]: [] } }));
    },

    sendNow() {
      for (const w of [...waiting]) void fire(w).catch(() => undefined);
    },

    async settled() {
      await Promise.all([...queues.values()]);
    },
  };
});

// Object URLs of photos, by content hash and variant: the same bytes are fetched and decoded once.
const urls = new Map<string, Promise<string>>();

/** An object URL for a photo (or its thumbnail), fetched from the workspace once per content. */
export function photoUrl(
  packageId: string,
  applicationId: string,
  photo: { id: string; sha256: string },
  variant: 'thumbnail' | 'full',
): Promise<string> {
  const key = `${photo.sha256}/${variant}`;
  let url = urls.get(key);
  if (!url) {
    url = api['visit:photo']({ packageId, applicationId, photoId: photo.id, variant }).then(({ bytes, mediaType }) =>
      URL.createObjectURL(new Blob([bytes], { type: mediaType })),
    );
    // A failed fetch is tried again next time.
    url.catch(() => urls.delete(key));
    urls.set(key, url);
  }
  return url;
}
