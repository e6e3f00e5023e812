/**
 * Dossier files, decrypted in memory by the Node side and kept here only for
 * the session (a few at most); never written anywhere.
 */
import { create } from 'zustand';
import { type ApiError, api, toApiError } from '../api/client.ts';

const KEEP = 4;

export interface DossierFile {
  bytes: Uint8Array;
  mediaType: string;
}

interface DossierStore {
  files: Record<string, DossierFile>;
  order: string[];
  loading: Record<string, boolean>;
  errors: Record<string, ApiError | null>;
  read(packageId: string, applicationId: string, path: string): Promise<DossierFile | null>;
}

const keyOf = (packageId: string, applicationId: string, path: string): string => `${packageId}/${applicationId}/${path}`;
export { keyOf as dossierKey };

export const useDossierStore = create<DossierStore>()((set, get) => ({
  files: {},
  order: [],
  loading: {},
  errors: {},
  async read(packageId, applicationId, path) {
    const key = keyOf(packageId, applicationId, path);
    const have = get().files[key];
    if (have) return have;
    set({ loading: { ...get().loading, [key]: true }, errors: { ...get().errors, [key]: null } });
    try {
      const file = await api['dossier:read']({ packageId, applicationId, path });
      const order = [...get().order.filter((k) => k !== key), key];
      const files = { ...get().files, [key]: file };
      while (order.length > KEEP) delete files[order.shift() as string];
      set({ files, order, loading: { ...get().loading, [key]: false } });
      return file;
    } catch (e) {
      set({ errors: { ...get().errors, [key]: toApiError(e) }, loading: { ...get().loading, [key]: false } });
      return null;
    }
  },
}));
