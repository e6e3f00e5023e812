/**
 * The secretariat's merge: the ledger and file verdicts (merge:state), the
 * figures under the chosen aggregation options, the consensus records and
 * their history, and the exports. Dropped files are sorted here: `.rsb`
 * bundles go to merge:import, `ledger.json` + `ledger.json.sig` to
 * merge:setLedger, anything else is listed as ignored. Each application's
 * site visits (merge:visits) are read when its page is opened and kept until
 * the set of kept files changes; photos come as object URLs (thumbnails kept
 * for the session, a full view's let go when it closes).
 */
import { create } from 'zustand';
import type {
  CitationInput,
  ConsensusAuditEntry,
  ConsensusRecord,
  ExportKind,
  MergeOptions,
  MergeResults,
  MergeState,
  MergeVisitPhoto,
  MergeVisits,
} from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { download } from '../lib/download.ts';

export const DEFAULT_MERGE_OPTIONS: MergeOptions = {
  method: 'mean',
  trimK: 1,
  minRemaining: 3,
  normalise: false,
  includeInProgress: false,
  combined: false,
};

type Bytes = Uint8Array<ArrayBuffer>;

interface LastImport {
  /** Bundle files handed over, and how many of them were new to the workspace. */
  offered: number;
  added: number;
  ledger: boolean;
  ignored: string[];
}

interface MergeStore {
  state: MergeState | null;
  results: MergeResults | null;
  options: MergeOptions;
  /** Whose figures are shown: a rubric of the round (null: its first). */
  rubricId: string | null;
  consensus: ConsensusRecord[];
  history: ConsensusAuditEntry[];
  busy: boolean;
  resultsBusy: boolean;
  exporting: ExportKind | null;
  error: ApiError | null;
  lastImport: LastImport | null;
  /** Site visits by application id, for the files kept when they were read. */
  visits: Record<string, MergeVisits>;
  /** The kept files the visits were read for (their SHA-256s). */
  visitsKey: string;
  visitsError: ApiError | null;
  /** The photo open in the full view. */
  viewer: PhotoRef | null;
  /** The photos the consensus form of one application cites, as edited (saved with the form). */
  evidence: { applicationId: string; list: CitationInput[] } | null;

  load(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  setOptions(patch: Partial<MergeOptions>): Promise<void>;
  /** Shows the applications of another rubric of the round (each rubric's are ranked on their own). */
  setRubric(rubricId: string): Promise<void>;
  loadResults(): Promise<void>;
  loadConsensus(): Promise<void>;
  saveConsensus(input: {
    applicationId: string;
    score: number | null;
    gradeId: string | null;
    recommendation: string | null;
    text: string;
    /** The panel's decision on eligibility (null: not decided). */
    eligible: boolean | null;
    /** Site-visit photos cited. */
    evidence: CitationInput[];
  }): Promise<ConsensusRecord>;
  loadVisits(applicationId: string): Promise<void>;
  openPhoto(ref: PhotoRef): void;
  closePhoto(): void;
  /** Sets the cited photos of an application's consensus form. */
  setEvidence(applicationId: string, list: CitationInput[]): void;
  /** Cites a photo in the consensus form of its application, or stops citing it. */
  toggleCitation(ref: PhotoRef): void;
  /** Saves the printed 现场考察记录表 of one expert's visit through the browser's download. */
  downloadVisitSheet(applicationId: string, expertFingerprint: string): Promise<void>;
  exportFile(kind: ExportKind): Promise<void>;
  clearError(): void;
}

/** A photo of one expert's visit of one application. */
export interface PhotoRef {
  applicationId: string;
  expertFingerprint: string;
  path: string;
}

export const sameRef = (a: { expertFingerprint: string; photo: string }, ref: PhotoRef): boolean =>
  a.expertFingerprint === ref.expertFingerprint && a.photo === ref.path;

const filesKey = (state: MergeState | null): string => state?.files.map((f) => f.sha256).join(',') ?? '';

/** Thumbnails' object URLs by the photo's SHA-256 and rotation (bytes checked against it on the Node side). */
const thumbnails = new Map<string, Promise<string>>();
const MAX_THUMBNAILS = 400;

/**
 * An object URL of a photo: its thumbnail (kept for the session) or the file itself (the caller revokes it
 * with URL.revokeObjectURL when done).
 */
export function photoUrl(
  ref: PhotoRef,
  photo: Pick<MergeVisitPhoto, 'sha256' | 'rotation'>,
  variant: 'thumbnail' | 'full',
): Promise<string> {
  const fetchUrl = async (): Promise<string> => {
    const { bytes, mediaType } = await api['merge:visitPhoto']({ ...ref, variant });
    return URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: mediaType }));
  };
  if (variant === 'full') return fetchUrl();
  const key = `${photo.sha256}:${photo.rotation}`;
  const known = thumbnails.get(key);
  if (known) return known;
  const url = fetchUrl();
  thumbnails.set(key, url);
  // A failure is not kept: the next view asks again.
  url.catch(() => thumbnails.delete(key));
  if (thumbnails.size > MAX_THUMBNAILS) {
    const [oldest, p] = thumbnails.entries().next().value!;
    thumbnails.delete(oldest);
    void p.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
  }
  return url;
}

const read = async (f: File): Promise<{ fileName: string; bytes: Bytes }> => ({
  fileName: f.name,
  bytes: new Uint8Array(await f.arrayBuffer()),
});

export const useMergeStore = create<MergeStore>()((set, get) => ({
  state: null,
  results: null,
  options: DEFAULT_MERGE_OPTIONS,
  rubricId: null,
  consensus: [],
  history: [],
  busy: false,
  resultsBusy: false,
  exporting: null,
  error: null,
  lastImport: null,
  visits: {},
  visitsKey: '',
  visitsError: null,
  viewer: null,
  evidence: null,

  async load() {
    try {
      const state = await api['merge:state']({});
      set({ state, error: null });
      if (filesKey(state) !== get().visitsKey) set({ visits: {}, visitsKey: filesKey(state), visitsError: null });
      if (state.ledger) await Promise.all([get().loadResults(), get().loadConsensus()]);
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },

  async importFiles(files) {
    const lower = (f: File): string => f.name.toLowerCase();
    const sig = files.find((f) => lower(f).endsWith('.json.sig'));
    const ledger = files.find((f) => lower(f).endsWith('.json') && !lower(f).endsWith('.sig'));
    const bundles = files.filter((f) => lower(f).endsWith('.rsb'));
    const ignored = files.filter((f) => f !== sig && f !== ledger && !bundles.includes(f)).map((f) => f.name);
    set({ busy: true, error: null });
    try {
      let state = get().state;
      if (ledger && sig) state = await api['merge:setLedger']({ ledger: await read(ledger), signature: await read(sig) });
      else if (ledger || sig) ignored.push(...[ledger, sig].filter((f): f is File => !!f).map((f) => f.name));
      const before = new Set(state?.files.map((f) => f.sha256) ?? []);
      if (bundles.length) state = await api['merge:import']({ files: await Promise.all(bundles.map(read)) });
      const added = state ? state.files.filter((f) => !before.has(f.sha256)).length : 0;
      set({ state, lastImport: { offered: bundles.length, added, ledger: Boolean(ledger && sig), ignored } });
      if (filesKey(state) !== get().visitsKey) set({ visits: {}, visitsKey: filesKey(state), visitsError: null });
      if (state?.ledger) await Promise.all([get().loadResults(), get().loadConsensus()]);
    } catch (e) {
      set({ error: toApiError(e), lastImport: null });
    } finally {
      set({ busy: false });
    }
  },

  async setOptions(patch) {
    set({ options: { ...get().options, ...patch } });
    await get().loadResults();
  },

  async setRubric(rubricId) {
    set({ rubricId });
    await get().loadResults();
  },

  async loadResults() {
    const ledger = get().state?.ledger;
    if (!ledger) return;
    set({ resultsBusy: true });
    try {
      const wanted = get().rubricId;
      // A rubric of an earlier round's ledger is not asked for.
      const rubricId = ledger.rubrics.some((r) => r.id === wanted) ? wanted : null;
      set({ results: await api['merge:results']({ options: get().options, ...(rubricId ? { rubricId } : {}) }), rubricId });
    } catch (e) {
      set({ error: toApiError(e) });
    } finally {
      set({ resultsBusy: false });
    }
  },

  async loadConsensus() {
    try {
      const [consensus, history] = await Promise.all([api['merge:consensus']({}), api['merge:consensusHistory']({})]);
      set({ consensus, history });
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },

  async saveConsensus(input) {
    const saved = await api['merge:setConsensus'](input);
    await Promise.all([get().loadConsensus(), get().loadResults()]);
    return saved;
  },

  async loadVisits(applicationId) {
    const key = get().visitsKey;
    try {
      const v = await api['merge:visits']({ applicationId });
      // Read for files that are no longer the kept ones: the next view asks again.
      if (get().visitsKey === key) set({ visits: { ...get().visits, [applicationId]: v }, visitsError: null });
    } catch (e) {
      set({ visitsError: toApiError(e) });
    }
  },

  openPhoto(ref) {
    set({ viewer: ref });
  },

  closePhoto() {
    set({ viewer: null });
  },

  setEvidence(applicationId, list) {
    set({ evidence: { applicationId, list } });
  },

  toggleCitation(ref) {
    const current = get().evidence;
    const list = current?.applicationId === ref.applicationId ? current.list : [];
    const next = list.some((c) => sameRef(c, ref))
      ? list.filter((c) => !sameRef(c, ref))
      : [...list, { expertFingerprint: ref.expertFingerprint, photo: ref.path }];
    set({ evidence: { applicationId: ref.applicationId, list: next } });
  },

  async downloadVisitSheet(applicationId, expertFingerprint) {
    const f = await api['merge:visitSheet']({ applicationId, expertFingerprint });
    download(f.bytes, f.fileName, f.mediaType);
  },

  async exportFile(kind) {
    set({ exporting: kind, error: null });
    try {
      const { files } = await api['merge:export']({ kind, options: get().options });
      for (const f of files) download(f.bytes, f.fileName, f.mediaType);
    } catch (e) {
      set({ error: toApiError(e) });
    } finally {
      set({ exporting: null });
    }
  },

  clearError() {
    set({ error: null });
  },
}));
