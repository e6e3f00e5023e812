/** The secretariat keys the expert trusts: listing them and removing one. */
import { create } from 'zustand';
import type { SecretariatPin } from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';

interface TrustStore {
  pins: SecretariatPin[] | null;
  error: ApiError | null;
  load(): Promise<void>;
  remove(fingerprint: string): Promise<void>;
}

export const useTrustStore = create<TrustStore>()((set) => ({
  pins: null,
  error: null,

  async load() {
    try {
      set({ pins: await api['trust:list']({}), error: null });
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },

  async remove(fingerprint) {
    try {
      set({ pins: await api['trust:remove']({ fingerprint }), error: null });
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },
}));
