/**
 * The secretariat's merge: the ledger and file verdicts (merge:state), the
 * figures under the chosen aggregation options, the consensus records and
 * their history, and the exports. Dropped files are sorted here: `.rsb`
 * bundles go to merge:import, `ledger.json` + `ledger.json.sig` to
 * merge:setLedger, anything else is listed as ignored.
 */
import { create } from 'zustand';
import type {
  ConsensusAuditEntry,
  ConsensusRecord,
  ExportKind,
  MergeOptions,
  MergeResults,
  MergeState,
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
  }): Promise<ConsensusRecord>;
  exportFile(kind: ExportKind): Promise<void>;
  clearError(): void;
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

  async load() {
    try {
      const state = await api['merge:state']({});
      set({ state, error: null });
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
