/**
 * Application-wide state: the app state from the Node side (language,
 * identity, packages, last location), package import with its progress,
 * refusals and the trust question for a new secretariat key, and pushed events.
 */
import { create } from 'zustand';
import type { AppState, EventPayload, PackageSummary, PendingSigner } from '../../shared/ipc/contract.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { type ApiError, api, onEvent, toApiError } from '../api/client.ts';
import i18n from '../i18n/index.ts';
import { useMergeStore } from './merge.ts';

type ProgressPayload = EventPayload<'progress'>;

export interface ImportState {
  busy: boolean;
  fileName: string | null;
  error: ApiError | null;
  /** A package from a secretariat key not yet trusted, held unopened until the expert decides. */
  pending: PendingSigner | null;
  /** The file of a package just refused on the trust screen (shown until the next import). */
  refusedFile: string | null;
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
  importBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<PackageSummary | null>;
  /** The expert confirmed the held package's fingerprint by phone: trust the key and open the package. */
  acceptSigner(): Promise<PackageSummary | null>;
  /** The expert refused the held package's signer: nothing of it is kept. */
  refuseSigner(): Promise<void>;
  dismissImport(): void;
  dismissExternal(index: number): void;
  dismissExportNotices(): Promise<void>;
  refresh(): Promise<void>;
  listen(): () => void;
}

const idleImport: ImportState = { busy: false, fileName: null, error: null, pending: null, refusedFile: null, imported: null };

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

  async importBytes(fileName, bytes) {
    set({ import: { ...idleImport, busy: true, fileName }, progress: { ...get().progress, import: undefined } });
    try {
      const result = await api['package:import']({ fileName, bytes });
      if (result.status === 'needsTrust') {
        set({ import: { ...idleImport, fileName, pending: result.pending } });
        return null;
      }
      set({ import: { ...idleImport, imported: result.package } });
      await get().refresh();
      return result.package;
    } catch (e) {
      set({ import: { ...idleImport, fileName, error: toApiError(e) } });
      return null;
    }
  },

  async acceptSigner() {
    const pending = get().import.pending;
    if (!pending) return null;
    set({ import: { ...get().import, busy: true } });
    try {
      const summary = await api['trust:accept']({ pendingId: pending.pendingId });
      set({ import: { ...idleImport, imported: summary } });
      await get().refresh();
      return summary;
    } catch (e) {
      set({ import: { ...idleImport, fileName: pending.fileName, error: toApiError(e) } });
      return null;
    }
  },

  async refuseSigner() {
    const pending = get().import.pending;
    if (!pending) return;
    set({ import: { ...idleImport, refusedFile: pending.fileName } });
    // Already gone (lock, restart) is as good as refused.
    await api['trust:refuse']({ pendingId: pending.pendingId }).catch(() => undefined);
  },

  dismissImport() {
    set({ import: idleImport });
  },

  dismissExternal(index) {
    set({ external: get().external.filter((_, i) => i !== index) });
  },

  listen() {
    const offProgress = onEvent('progress', (p) => set({ progress: { ...get().progress, [p.operation]: p } }));
    const offExternal = onEvent('file:external', (p) => {
      // A held package is not a notice but the trust question itself, on whatever screen is open.
      if (p.pending) set({ import: { ...idleImport, fileName: p.fileName, pending: p.pending } });
      else set({ external: [...get().external, p] });
      if (p.ok && p.kind === 'package') void get().refresh();
      if (p.ok && p.kind === 'bundle') void useMergeStore.getState().load();
    });
    return () => {
      offProgress();
      offExternal();
    };
  },
}));
