/**
 * The secretariat's rubric editor: the built-in templates (rubric:templates),
 * the draft being edited, what it is compared with, the element selected in
 * the tree, and the draft's problems, checked by the model's own rules
 * (shared/rubric/validate.ts) on every change, so they show as the user
 * types. The draft lives in memory only: nothing of it is written to disk
 * until the user exports it.
 */
import { create } from 'zustand';
import type { RubricTemplate } from '../../shared/ipc/contract.ts';
import { fromTemplate, setIn, type Path } from '../../shared/rubric/edit.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { checkRubricDraft, type RubricCheck } from '../../shared/rubric/validate.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { download } from '../lib/download.ts';

/** What the tree has selected: the rubric itself, a list, or one element, by its path in the draft. */
export type Selection = readonly (string | number)[];

interface RubricStore {
  templates: RubricTemplate[] | null;
  draft: Rubric | null;
  /** What the diff compares the draft with: the template it came from (`derivedFrom`) or the one chosen. */
  baseId: string | null;
  check: RubricCheck | null;
  selected: Selection;
  busy: boolean;
  exporting: 'json' | 'xlsx' | null;
  error: ApiError | null;
  /** The file the draft was last read from, if it was imported. */
  importedFrom: string | null;

  loadTemplates(): Promise<void>;
  start(templateId: string): void;
  importFile(file: File): Promise<boolean>;
  /** Sets one field of the draft by its path. */
  set(path: Path, value: unknown): void;
  /** Replaces the draft with a changed copy (add, remove, move), optionally selecting something. */
  change(next: (r: Rubric) => Rubric, select?: Selection): void;
  select(selection: Selection): void;
  setBase(templateId: string | null): void;
  exportFile(format: 'json' | 'xlsx'): Promise<void>;
  clearError(): void;
}

/** The template a rubric names in `derivedFrom`, when it is one of the built-in ones. */
function baseFor(r: Rubric, templates: RubricTemplate[] | null): string | null {
  const id = r.derivedFrom?.id ?? r.id;
  return templates?.some((t) => t.id === id) ? id : null;
}

export const useRubricStore = create<RubricStore>()((set, get) => ({
  templates: null,
  draft: null,
  baseId: null,
  check: null,
  selected: [],
  busy: false,
  exporting: null,
  error: null,
  importedFrom: null,

  async loadTemplates() {
    if (get().templates) return;
    try {
      const templates = await api['rubric:templates']({});
      set({ templates, error: null });
      const draft = get().draft;
      if (draft && !get().baseId) set({ baseId: baseFor(draft, templates) });
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },

  start(templateId) {
    const template = get().templates?.find((t) => t.id === templateId);
    if (!template) return;
    const draft = fromTemplate(template.rubric);
    set({ draft, baseId: template.id, check: checkRubricDraft(draft), selected: [], importedFrom: null, error: null });
  },

  async importFile(file) {
    set({ busy: true, error: null });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { rubric } = await api['rubric:import']({ fileName: file.name, bytes });
      set({
        draft: rubric,
        baseId: baseFor(rubric, get().templates),
        check: checkRubricDraft(rubric),
        selected: [],
        importedFrom: file.name,
      });
      return true;
    } catch (e) {
      set({ error: toApiError(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },

  set(path, value) {
    const draft = get().draft;
    if (!draft) return;
    const next = setIn(draft, path, value);
    set({ draft: next, check: checkRubricDraft(next) });
  },

  change(fn, select) {
    const draft = get().draft;
    if (!draft) return;
    const next = fn(draft);
    set({ draft: next, check: checkRubricDraft(next), ...(select ? { selected: select } : {}) });
  },

  select(selected) {
    set({ selected });
  },

  setBase(baseId) {
    set({ baseId });
  },

  async exportFile(format) {
    const { draft, check } = get();
    if (!draft || !check?.ok) return;
    set({ exporting: format, error: null });
    try {
      const file = await api['rubric:export']({ rubric: check.rubric, format });
      download(file.bytes, file.fileName, file.mediaType);
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
