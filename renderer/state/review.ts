/**
 * The reviewer's entries per application, saved one audited edit at a time.
 * Edits of one application go out in order; the save indicator says "saved"
 * only once the Node side has acknowledged the last one (after its commit).
 * An edit still waiting behind another is replaced by a newer edit of the
 * same field (7 then 7.5 typed quickly is one stored change, not two), and
 * when the page goes away everything still waiting is sent at once.
 */
import { create } from 'zustand';
import type { AuditEntry, CriterionState, EditOrder, ReviewEdit, ReviewState } from '../../shared/ipc/contract.ts';
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
  /** Sends every edit still waiting, without waiting for the ones before it (the page is being unloaded). */
  sendNow(): void;
  /** Resolves once every edit made so far has been answered (committed or refused). */
  settled(): Promise<void>;
  loadHistory(packageId: string, applicationId: string): Promise<void>;
  restore(packageId: string, applicationId: string, auditId: number): Promise<boolean>;
}

interface Waiting {
  packageId: string;
  applicationId: string;
  edit: ReviewEdit;
  order: EditOrder;
  done: Array<(ok: boolean) => void>;
}

/**
 * This page's edits are numbered, so that when an unloading page sends its
 * waiting edits beside one still on its way, the Node side keeps the newest
 * value of a field whichever request arrives first.
 */
const writer = crypto.randomUUID();
let seq = 0;
const nextOrder = (): EditOrder => ({ writer, seq: ++seq });

/** Edits not yet sent, per application, in order. */
const waiting = new Map<string, Waiting[]>();
/** The application's sender loop while it runs. */
const senders = new Map<string, Promise<void>>();

const sameField = (a: ReviewEdit, b: ReviewEdit): boolean =>
  a.field === b.field && ('criterionId' in a ? a.criterionId : null) === ('criterionId' in b ? b.criterionId : null);

const emptyCriterion = (): CriterionState => ({ score: null, comment: '', evidence: [], updatedAt: new Date().toISOString() });

/**
 * The review with one edit applied locally, so the screen follows the keyboard at once; the Node side's
 * `applyEdit` (electron/review/edit.ts) checks and writes it, and a refused edit reloads what is stored.
 */
function applyLocally(review: ReviewState, edit: ReviewEdit): ReviewState {
  switch (edit.field) {
    case 'opinion':
      return { ...review, opinion: edit.value };
    case 'recommendation':
      return { ...review, recommendation: edit.value };
    case 'additionalRecommendations':
      return { ...review, additionalRecommendations: edit.value };
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
    if (review) set({ reviews: { ...get().reviews, [key]: applyLocally(review, edit) } });
    set({ save: { ...get().save, [key]: { state: 'saving' } } });
    const list = waiting.get(key) ?? [];
    waiting.set(key, list);
    const result = new Promise<boolean>((resolve) => {
      const last = list[list.length - 1];
      // Only the newest value of a field still waiting needs to go out; the one it replaces resolves with it.
      if (last && sameField(last.edit, edit)) {
        last.edit = edit;
        last.order = nextOrder();
        last.done.push(resolve);
      } else list.push({ packageId, applicationId, edit, order: nextOrder(), done: [resolve] });
    });
    if (!senders.has(key)) {
      const loop = (async () => {
        let failed = false;
        for (let next = list.shift(); next; next = list.shift()) {
          let ok = true;
          try {
            const saved = await api['review:edit']({ packageId, applicationId, edit: next.edit, order: next.order });
            usePackageStore.getState().updateApplication(packageId, saved.application);
            if (list.length === 0 && !failed) set({ save: { ...get().save, [key]: { state: 'saved', at: saved.savedAt } } });
          } catch (e) {
            ok = false;
            failed = true;
            set({ save: { ...get().save, [key]: { state: 'error', error: toApiError(e) } } });
            // Show what is really stored, not the edit that was refused.
            await get().load(packageId, applicationId, true);
          }
          for (const d of next.done) d(ok);
        }
        // In the same step as the empty shift: an edit made from now on starts a new loop.
        senders.delete(key);
      })();
      senders.set(key, loop);
    }
    return result;
  },

  sendNow() {
    for (const list of waiting.values()) {
      for (const w of list.splice(0)) {
        void api['review:edit']({ packageId: w.packageId, applicationId: w.applicationId, edit: w.edit, order: w.order }).then(
          () => w.done.forEach((d) => d(true)),
          () => w.done.forEach((d) => d(false)),
        );
      }
    }
  },

  async settled() {
    while (senders.size > 0) await Promise.all([...senders.values()]);
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
