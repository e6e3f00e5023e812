/**
 * One package at a time in detail: its rubric and applications, the pledge,
 * conflict declarations, validation, bundle export and the score sheet.
 */
import { create } from 'zustand';
import type { ApplicationSummary, PackageDetail, Validation } from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { useAppStore } from './app.ts';

export interface ExportDone {
  revision: number;
  fileName: string;
  sha256: string;
  size: number;
  complete: boolean;
}

interface PackageStore {
  details: Record<string, PackageDetail>;
  loading: Record<string, boolean>;
  errors: Record<string, ApiError | null>;
  validation: Record<string, Validation>;
  exporting: boolean;
  exportError: ApiError | null;
  exported: Record<string, ExportDone>;
  printing: boolean;
  printError: ApiError | null;

  load(packageId: string, force?: boolean): Promise<PackageDetail | null>;
  acceptPledge(packageId: string): Promise<void>;
  declareConflict(packageId: string, applicationId: string, status: 'none' | 'recused', reason: string): Promise<void>;
  /** Replaces one application's summary after a saved edit. */
  updateApplication(packageId: string, application: ApplicationSummary): void;
  validate(packageId: string): Promise<Validation | null>;
  exportBundle(packageId: string, allowIncomplete: boolean): Promise<{ bytes: Uint8Array | Blob; fileName: string } | null>;
  scoreSheet(packageId: string): Promise<{ bytes: Uint8Array; fileName: string } | 'unsupported' | null>;
}

/** A score file too large to come back whole (one with many photos), read in parts into a Blob. */
async function readExportParts(packageId: string, revision: number, size: number): Promise<Blob> {
  const parts: BlobPart[] = [];
  const step = 16 << 20;
  for (let offset = 0; offset < size; offset += step) {
    const r = await api['bundle:readExport']({ packageId, revision, offset, length: step });
    parts.push(new Uint8Array(r.bytes));
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}

export const usePackageStore = create<PackageStore>()((set, get) => ({
  details: {},
  loading: {},
  errors: {},
  validation: {},
  exporting: false,
  exportError: null,
  exported: {},
  printing: false,
  printError: null,

  async load(packageId, force = false) {
    const have = get().details[packageId];
    if (have && !force) return have;
    set({ loading: { ...get().loading, [packageId]: true } });
    try {
      const detail = await api['package:get']({ packageId });
      set({
        details: { ...get().details, [packageId]: detail },
        errors: { ...get().errors, [packageId]: null },
        loading: { ...get().loading, [packageId]: false },
      });
      return detail;
    } catch (e) {
      set({ errors: { ...get().errors, [packageId]: toApiError(e) }, loading: { ...get().loading, [packageId]: false } });
      return null;
    }
  },

  async acceptPledge(packageId) {
    const detail = await api['package:acceptPledge']({ packageId });
    set({ details: { ...get().details, [packageId]: detail } });
    void useAppStore.getState().refresh();
  },

  async declareConflict(packageId, applicationId, status, reason) {
    const saved = await api['review:declareConflict']({ packageId, applicationId, status, reason });
    get().updateApplication(packageId, saved.application);
    void useAppStore.getState().refresh();
  },

  updateApplication(packageId, application) {
    const detail = get().details[packageId];
    if (!detail) return;
    const applications = detail.applications.map((a) => (a.id === application.id ? application : a));
    set({ details: { ...get().details, [packageId]: { ...detail, applications } } });
  },

  async validate(packageId) {
    try {
      const v = await api['bundle:validate']({ packageId });
      set({ validation: { ...get().validation, [packageId]: v } });
      return v;
    } catch (e) {
      set({ exportError: toApiError(e) });
      return null;
    }
  },

  async exportBundle(packageId, allowIncomplete) {
    set({ exporting: true, exportError: null });
    try {
      const r = await api['bundle:export']({ packageId, ...(allowIncomplete ? { allowIncomplete: true } : {}) });
      const done: ExportDone = { revision: r.revision, fileName: r.fileName, sha256: r.sha256, size: r.size, complete: r.complete };
      set({ exporting: false, exported: { ...get().exported, [packageId]: done } });
      void useAppStore.getState().refresh();
      void get().load(packageId, true);
      return { bytes: r.bytes ?? (await readExportParts(packageId, r.revision, r.size)), fileName: r.fileName };
    } catch (e) {
      set({ exporting: false, exportError: toApiError(e) });
      return null;
    }
  },

  async scoreSheet(packageId) {
    set({ printing: true, printError: null });
    try {
      const r = await api['scoresheet:pdf']({ packageId });
      set({ printing: false });
      return r;
    } catch (e) {
      const error = toApiError(e);
      set({ printing: false, printError: error.code === 'E_UNSUPPORTED' ? null : error });
      return error.code === 'E_UNSUPPORTED' ? 'unsupported' : null;
    }
  },
}));
