/**
 * The reviewer's entries per application, saved one audited edit at a time.
 * Edits of one application go out in order; the save indicator says "saved"
 * only once the Node side has acknowledged the last one (after its commit).
 */
import { create } from 'zustand';
import type { AuditEntry, CriterionState, ReviewEdit, ReviewState } from '../../shared/ipc/contract.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { usePackageStore } from './packages.ts';

export type SaveStatus =
  { state: 'idle' } | { state: 'pending' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'error'; error: ApiError };

export const reviewKey = (packageId: string, applicationId: string): string => `${packageId}/${applicationId}`;

interface ReviewStore {
  reviews: Record<string, ReviewState>;
  loadErrors: Record<string, ApiError | null>;
  save: Record<string, SaveStatus>;
  history: Record<string, AuditEntry[]>;
  historyError: ApiError | null;

  load(packageId: string, applicationId: string, force?: boolean): Promise<ReviewState | null>;
  /** A local change waits to be sent (e.g. a comment still being typed). */
  markPending(packageId: string, applicationId: string): void;
  edit(packageId: string, applicationId: string, edit: ReviewEdit): Promise<boolean>;
  loadHistory(packageId: string, applicationId: string): Promise<void>;
  restore(packageId: string, applicationId: string, auditId: number): Promise<boolean>;
}

const queues = new Map<string, Promise<unknown>>();
const inFlight = new Map<string, number>();

const emptyCriterion = (): CriterionState => ({ score: null, comment: '', evidence: [], updatedAt: new Date().toISOString() });

/** The review with one edit applied locally, so the screen follows the keyboard at once. */
function applyEdit(review: ReviewState, edit: ReviewEdit): ReviewState {
  switch (edit.field) {
    case 'opinion':
      return { ...review, opinion: edit.value };
    case 'recommendation':
      return { ...review, recommendation: edit.value };
    default: {
      const before = review.criteria[edit.criterionId] ?? emptyCriterion();
      const after: CriterionState =
        edit.field === 'score'
          ? { ...before, score: edit.value }
          : edit.field === 'comment'
            ? { ...before, comment: edit.value }
            : { ...before, evidence: edit.value };
      return { ...review, criteria: { ...review.criteria, [edit.criterionId]: after } };
    }
  }
}

export const useReviewStore = create<ReviewStore>()((set, get) => ({
  reviews: {},
  loadErrors: {},
  save: {},
  history: {},
  historyError: null,

  async load(packageId, applicationId, force = false) {
    const key = reviewKey(packageId, applicationId);
    const have = get().reviews[key];
    if (have && !force) return have;
    try {
      const review = await api['review:get']({ packageId, applicationId });
      set({ reviews: { ...get().reviews, [key]: review }, loadErrors: { ...get().loadErrors, [key]: null } });
      return review;
    } catch (e) {
      set({ loadErrors: { ...get().loadErrors, [key]: toApiError(e) } });
      return null;
    }
  },

  markPending(packageId, applicationId) {
    const key = reviewKey(packageId, applicationId);
    if (get().save[key]?.state !== 'saving') set({ save: { ...get().save, [key]: { state: 'pending' } } });
  },

  async edit(packageId, applicationId, edit) {
    const key = reviewKey(packageId, applicationId);
    const review = get().reviews[key];
    if (review) set({ reviews: { ...get().reviews, [key]: applyEdit(review, edit) } });
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    set({ save: { ...get().save, [key]: { state: 'saving' } } });
    const run = async (): Promise<boolean> => {
      try {
        const saved = await api['review:edit']({ packageId, applicationId, edit });
        usePackageStore.getState().updateApplication(packageId, saved.application);
        const left = (inFlight.get(key) ?? 1) - 1;
        inFlight.set(key, left);
        if (left === 0 && get().save[key]?.state !== 'error')
          set({ save: { ...get().save, [key]: { state: 'saved', at: saved.savedAt } } });
        return true;
      } catch (e) {
        inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
        set({ save: { ...get().save, [key]: { state: 'error', error: toApiError(e) } } });
        // Show what is really stored, not the edit that was refused.
        await get().load(packageId, applicationId, true);
        return false;
      }
    };
    const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
    queues.set(key, next);
    return next;
  },

  async loadHistory(packageId, applicationId) {
    const key = reviewKey(packageId, applicationId);
    try {
      const entries = await api['review:history']({ packageId, applicationId, limit: 500 });
      set({ history: { ...get().history, [key]: entries }, historyError: null });
    } catch (e) {
      set({ historyError: toApiError(e) });
    }
  },

  async restore(packageId, applicationId, auditId) {
    const key = reviewKey(packageId, applicationId);
    set({ save: { ...get().save, [key]: { state: 'saving' } } });
    try {
      const saved = await api['review:restore']({ auditId });
      usePackageStore.getState().updateApplication(packageId, saved.application);
      set({ save: { ...get().save, [key]: { state: 'saved', at: saved.savedAt } } });
      await Promise.all([get().load(packageId, applicationId, true), get().loadHistory(packageId, applicationId)]);
      return true;
    } catch (e) {
      set({ save: { ...get().save, [key]: { state: 'error', error: toApiError(e) } }, historyError: toApiError(e) });
      return false;
    }
  },
}));
