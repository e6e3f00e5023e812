/**
 * Rubrics written by an older ReviewDesk (rubric schema 1) read as schema 2:
 * `appliesTo` becomes a list (`assessment` meant both categories), and every
 * element, which schema 1 could not mark, is marked `default: true`, because
 * nothing in such a rubric says which seed line it follows. A workspace that
 * holds a package of schema 1 keeps reviewing it; nothing is rewritten on
 * disk.
 */
import { RUBRIC_SCHEMA_VERSION } from './model.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Marks an element `default: true` unless it carries a source or is already marked. */
function mark(element: unknown): void {
  if (isObject(element) && element.source === undefined && element.default === undefined) element.default = true;
}

/**
 * Gives every element of a rubric-shaped object that carries neither a
 * `source` nor `default` the mark `default: true`, in place, and returns it.
 */
export function markUnsourced<T>(value: T): T {
  const rubric: unknown = value;
  if (!isObject(rubric)) return value;
  if (rubric.scoring === undefined) rubric.scoring = {};
  mark(rubric.scoring);
  const criterion = (c: unknown): void => {
    mark(c);
    if (!isObject(c)) return;
    const scale = c.scale;
    if (isObject(scale) && Array.isArray(scale.levels)) scale.levels.forEach(mark);
    if (Array.isArray(c.indicators)) c.indicators.forEach(mark);
  };
  if (Array.isArray(rubric.gates)) rubric.gates.forEach(criterion);
  if (Array.isArray(rubric.dimensions)) {
    for (const d of rubric.dimensions) {
      mark(d);
      if (isObject(d) && Array.isArray(d.criteria)) d.criteria.forEach(criterion);
    }
  }
  for (const key of ['gradeBands', 'recommendations', 'siteVisit']) {
    const list = rubric[key];
    if (Array.isArray(list)) list.forEach(mark);
  }
  return value;
}

/**
 * A parsed rubric JSON value of schema 1, brought to schema 2; any other
 * value is returned as it is (the strict schema then judges it).
 */
export function upgradeRubric(value: unknown): unknown {
  if (!isObject(value) || value.schemaVersion !== 1) return value;
  const r = structuredClone(value);
  r.schemaVersion = RUBRIC_SCHEMA_VERSION;
  if (typeof r.appliesTo === 'string') {
    r.appliesTo = r.appliesTo === 'assessment' ? ['enterprise', 'non-enterprise'] : [r.appliesTo];
  }
  return markUnsourced(r);
}
