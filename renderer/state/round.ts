/**
 * The secretariat's round in preparation (round:* channels): the round as the Node side describes it, the last
 * import's report, and the one operation running. Every change goes through a channel and comes back as the
 * new state, so the screen never holds its own copy of the round.
 */
import { create } from 'zustand';
import type { ImportReport, Input, RoundState } from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { download } from '../lib/download.ts';

export type RoundBusy = 'load' | 'create' | 'applications' | 'experts' | 'decide' | 'draw' | 'adjust' | 'pack' | 'file' | null;

interface RoundStore {
  state: RoundState | null;
  busy: RoundBusy;
  error: ApiError | null;
  /** The last import's report, by which list it was. */
  report: { kind: 'applications' | 'experts'; report: ImportReport } | null;
  load(): Promise<void>;
  create(input: Input<'round:create'>): Promise<boolean>;
  importApplications(list: File, dossiers: File[]): Promise<void>;
  importExperts(roster: File, cards: File[], acceptChangedCards: string[]): Promise<void>;
  decide(input: Input<'round:decide'>): Promise<boolean>;
  draw(seed: string, force: boolean): Promise<boolean>;
  adjust(input: Input<'round:adjust'>): Promise<boolean>;
  pack(): Promise<void>;
  savePackage(expertId: string): Promise<void>;
  saveIssueSheet(): Promise<void>;
  clearError(): void;
}

const bytesOf = async (f: File): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array(await f.arrayBuffer());

export const useRoundStore = create<RoundStore>()((set) => {
  /** Runs one operation: busy while it runs, its error kept, the new state taken. */
  async function run<T>(busy: RoundBusy, work: () => Promise<T>): Promise<T | null> {
    set({ busy, error: null });
    try {
      return await work();
    } catch (e) {
      set({ error: toApiError(e) });
      return null;
    } finally {
      set({ busy: null });
    }
  }
  return {
    state: null,
    busy: null,
    error: null,
    report: null,
    async load() {
      const state = await run('load', () => api['round:state']({}));
      if (state) set({ state });
    },
    async create(input) {
      const state = await run('create', () => api['round:create'](input));
      if (state) set({ state });
      return state !== null;
    },
    async importApplications(list, dossiers) {
      const out = await run('applications', async () =>
        api['round:importApplications']({
          list: { fileName: list.name, bytes: await bytesOf(list) },
          dossiers: await Promise.all(dossiers.map(async (f) => ({ path: f.webkitRelativePath || f.name, bytes: await bytesOf(f) }))),
        }),
      );
      if (out) set({ state: out.state, report: { kind: 'applications', report: out.report } });
    },
    async importExperts(roster, cards, acceptChangedCards) {
      const out = await run('experts', async () =>
        api['round:importExperts']({
          roster: { fileName: roster.name, bytes: await bytesOf(roster) },
          cards: await Promise.all(cards.map(async (f) => ({ fileName: f.name, bytes: await bytesOf(f) }))),
          acceptChangedCards,
        }),
      );
      if (out) set({ state: out.state, report: { kind: 'experts', report: out.report } });
    },
    async decide(input) {
      const state = await run('decide', () => api['round:decide'](input));
      if (state) set({ state });
      return state !== null;
    },
    async draw(seed, force) {
      const state = await run('draw', () => api['round:draw']({ seed, force }));
      if (state) set({ state });
      return state !== null;
    },
    async adjust(input) {
      const state = await run('adjust', () => api['round:adjust'](input));
      if (state) set({ state });
      return state !== null;
    },
    async pack() {
      const state = await run('pack', () => api['round:pack']({}));
      if (state) set({ state });
    },
    async savePackage(expertId) {
      const f = await run('file', () => api['round:packageFile']({ expertId }));
      if (f) download(f.bytes, f.fileName, 'application/octet-stream');
    },
    async saveIssueSheet() {
      const f = await run('file', () => api['round:issueSheet']({}));
      if (f) download(f.bytes, f.fileName, 'application/pdf');
    },
    clearError() {
      set({ error: null });
    },
  };
});
