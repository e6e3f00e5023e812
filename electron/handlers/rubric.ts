/**
 * The rubric editor's channels: the built-in templates, the model's check of
 * a draft, and rubric.json / workbook import and export (bytes both ways);
 * the work is shared/rubric/ and electron/rubrics/. No workspace data is read
 * or written.
 */
import { RUBRIC_TEMPLATES } from '../../shared/rubric/templates/index.ts';
import { checkRubricDraft } from '../../shared/rubric/validate.ts';
import { readRubricFile, writeRubricFile } from '../rubrics/files.ts';
import type { Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const rubricHandlers: Partial<HandlerTable<Context>> = {
  'rubric:templates': () =>
    RUBRIC_TEMPLATES.map((r) => ({ id: r.id, version: r.version, title: r.title, stage: r.stage, appliesTo: [...r.appliesTo], rubric: r })),
  'rubric:validate': (input) => {
    const check = checkRubricDraft(input.rubric);
    return { ok: check.ok, problems: check.problems };
  },
  'rubric:import': (input) => readRubricFile(input.fileName, input.bytes),
  'rubric:export': (input) => writeRubricFile(input.rubric, input.format),
};
