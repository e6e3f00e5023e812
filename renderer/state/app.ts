/**
 * Application-wide state: the app state from the Node side (language,
 * identity, packages, last location), package import with its progress and
 * refusals, and pushed events.
 */
import { create } from 'zustand';
import type { AppState, EventPayload, PackageSummary } from '../../shared/ipc/contract.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { type ApiError, api, onEvent, toApiError } from '../api/client.ts';
import i18n from '../i18n/index.ts';
import { useMergeStore } from './merge.ts';

type ProgressPayload = EventPayload<'progress'>;

/** A refused import waiting for the reviewer's explicit decision on a new signer. */
export interface SignerChange {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  pinned: string;
  actual: string;
  error: ApiError;
}

export interface ImportState {
  busy: boolean;
  fileName: string | null;
  error: ApiError | null;
  signerChange: SignerChange | null;
  /** The package just imported (shown until the next import). */
  imported: PackageSummary | null;
}

interface AppStore {
  state: AppState | null;
  loadError: ApiError | null;
  /** The identity was created in this session: keep showing its card until the reviewer continues. */
  showNewCard: boolean;
  progress: Partial<Record<ProgressPayload['operation'], ProgressPayload>>;
  import: ImportState;
  /** Packages opened from outside the window (file association). */
  external: EventPayload<'file:external'>[];

  load(): Promise<AppState | null>;
  setLocale(locale: Locale): Promise<void>;
  saveLocation(location: string): Promise<void>;
  createIdentity(input: {
    role?: 'expert' | 'secretariat';
    displayName: string;
    organisation: string;
    fields: string[];
    passphrase: string | null;
  }): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  dismissNewCard(): void;
  importFile(file: File): Promise<PackageSummary | null>;
  importBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, acceptSignerChange?: boolean): Promise<PackageSummary | null>;
  acceptSignerChange(): Promise<PackageSummary | null>;
  rejectSignerChange(): void;
  dismissExternal(index: number): void;
  dismissExportNotices(): Promise<void>;
  refresh(): Promise<void>;
  listen(): () => void;
}

const idleImport: ImportState = { busy: false, fileName: null, error: null, signerChange: null, imported: null };

/** The location last sent to settings:set (the store keeps the one read at start-up). */
let savedLocation: string | undefined;

export const useAppStore = create<AppStore>()((set, get) => ({
  state: null,
  loadError: null,
  showNewCard: false,
  progress: {},
  import: idleImport,
  external: [],

  async load() {
    try {
      const state = await api['app:state']({});
      await i18n.changeLanguage(state.locale);
      set({ state, loadError: null });
      return state;
    } catch (e) {
      set({ loadError: toApiError(e) });
      return null;
    }
  },

  async dismissExportNotices() {
    try {
      set({ state: await api['bundle:dismissNotices']({}) });
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },

  async refresh() {
    try {
      set({ state: await api['app:state']({}) });
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },

  async setLocale(locale) {
    await i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    try {
      set({ state: await api['settings:set']({ locale }) });
    } catch (e) {
      set({ loadError: get().state ? get().loadError : toApiError(e) });
    }
  },

  async saveLocation(lastLocation) {
    if ((savedLocation ?? get().state?.lastLocation) === lastLocation) return;
    savedLocation = lastLocation;
    // The answer is not put in the store: only the start-up restore reads lastLocation, and a new state object
    // would re-render every screen a second time after each move.
    try {
      await api['settings:set']({ lastLocation });
    } catch {
      // Losing the last location is harmless; the next move saves it again.
      savedLocation = undefined;
    }
  },

  async createIdentity(input) {
    const state = await api['identity:create'](input);
    set({ state, showNewCard: true });
  },

  async unlock(passphrase) {
    const state = await api['identity:unlock']({ passphrase });
    set({ state });
  },

  dismissNewCard() {
    set({ showNewCard: false });
  },

  async importFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return get().importBytes(file.name, bytes);
  },

  async importBytes(fileName, bytes, acceptSignerChange) {
    set({ import: { ...idleImport, busy: true, fileName }, progress: { ...get().progress, import: undefined } });
    try {
      const summary = await api['package:import']({ fileName, bytes, ...(acceptSignerChange ? { acceptSignerChange: true } : {}) });
      set({ import: { ...idleImport, imported: summary } });
      await get().refresh();
      return summary;
    } catch (e) {
      const error = toApiError(e);
      const signerChange =
        error.code === 'E_SIGNER_CHANGED'
          ? { fileName, bytes, pinned: String(error.params.pinned ?? ''), actual: String(error.params.actual ?? ''), error }
          : null;
      set({ import: { ...idleImport, fileName, error: signerChange ? null : error, signerChange } });
      return null;
    }
  },

  async acceptSignerChange() {
    const pending = get().import.signerChange;
    if (!pending) return null;
    return get().importBytes(pending.fileName, pending.bytes, true);
  },

  rejectSignerChange() {
    set({ import: idleImport });
  },

  dismissExternal(index) {
    set({ external: get().external.filter((_, i) => i !== index) });
  },

  listen() {
    const offProgress = onEvent('progress', (p) => set({ progress: { ...get().progress, [p.operation]: p } }));
    const offExternal = onEvent('file:external', (p) => {
      set({ external: [...get().external, p] });
      if (p.ok && p.kind === 'package') void get().refresh();
      if (p.ok && p.kind === 'bundle') void useMergeStore.getState().load();
    });
    return () => {
      offProgress();
      offExternal();
    };
  },
}));
