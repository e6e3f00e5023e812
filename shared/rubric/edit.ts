/**
 * The rubric editor's changes, as pure functions of a draft: set a field by
 * its path, add, remove and move elements of a list, and start a rubric from
 * a template. Each returns a new draft and leaves the old one as it was (the
 * editor's store keeps drafts immutable). New elements are marked
 * `default: true`: the organiser wrote them, no programme document did.
 */
import type { LocalizedText } from '../i18n-text.ts';
import type { Criterion, Dimension, Rubric } from './model.ts';

export type Path = readonly (string | number)[];

type Obj = Record<string | number, unknown>;

/** The value at a path, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const k of path) at = at !== null && typeof at === 'object' ? (at as Obj)[k] : undefined;
  return at;
}

/** A copy of `value` with the value at `path` replaced (`undefined` removes an object's field). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node = value as unknown;
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[key as number] = setIn(copy[key as number], rest, next);
    return copy as T;
  }
  const copy: Obj = { ...((node ?? {}) as Obj) };
  const child = setIn(copy[key], rest, next);
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return copy as T;
}

function listAt(r: Rubric, path: Path): unknown[] {
  const list = getIn(r, path);
  if (!Array.isArray(list)) throw new Error(`no list at ${path.join('.')}`);
  return list;
}

/** A copy with `item` inserted in the list at `path` (at the end unless `index` is given). */
export function insertAt(r: Rubric, path: Path, item: unknown, index?: number): Rubric {
  const list = [...listAt(r, path)];
  list.splice(index ?? list.length, 0, item);
  return setIn(r, path, list);
}

/** A copy without element `index` of the list at `path`. */
export function removeAt(r: Rubric, path: Path, index: number): Rubric {
  const list = listAt(r, path).filter((_, i) => i !== index);
  return setIn(r, path, list);
}

/** A copy with element `index` of the list at `path` moved by `delta` places (kept inside the list). */
export function moveAt(r: Rubric, path: Path, index: number, delta: number): Rubric {
  const list = [...listAt(r, path)];
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  if (to === index || index < 0 || index >= list.length) return r;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return setIn(r, path, list);
}

/** Every id the rubric holds (groups, criteria, gates, rows, levels, grades, conclusions, site-visit items). */
export function idsOf(r: Rubric): Set<string> {
  const ids = new Set<string>();
  const criterion = (c: Criterion): void => {
    ids.add(c.id);
    c.indicators?.forEach((x) => ids.add(x.id));
  };
  r.gates.forEach(criterion);
  for (const d of r.dimensions) {
    ids.add(d.id);
    d.criteria.forEach(criterion);
  }
  for (const x of [...r.gradeBands, ...r.recommendations, ...r.siteVisit]) ids.add(x.id);
  return ids;
}

/** The first of `prefix1`, `prefix2`, … that the rubric does not use yet. */
export function freshId(r: Rubric, prefix: string): string {
  const ids = idsOf(r);
  for (let n = 1; ; n++) if (!ids.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** A new scored criterion: 0–10 in whole points, no points yet, comment optional. */
export function newCriterion(r: Rubric, dimensionId: string): Criterion {
  return {
    id: freshId(r, `${dimensionId}.`),
    title: text('新二级指标', 'New criterion'),
    guidance: text('请填写评分标准。', 'Write the scoring guidance.'),
    weight: 0,
    scale: { kind: 'points', min: 0, max: 10, step: 1 },
    comment: { required: 'optional', minLength: 0 },
    default: true,
  };
}

/** A new eligibility condition (基本条件): met / not met, a reason required when not met. */
export function newGate(r: Rubric): Criterion {
  return {
    id: freshId(r, 'G'),
    title: text('新基本条件', 'New eligibility condition'),
    guidance: text('请填写判定标准。', 'Write what the expert checks.'),
    weight: 0,
    scale: { kind: 'gate' },
    comment: { required: 'belowThreshold', threshold: 1, minLength: 0 },
    default: true,
  };
}

/** A new criterion group with one new criterion. */
export function newDimension(r: Rubric): Dimension {
  const id = freshId(r, 'D');
  return { id, title: text('新一级指标', 'New criterion group'), criteria: [newCriterion(r, id)], default: true };
}

/** Adds a criterion at the end of group `di`. */
export function addCriterion(r: Rubric, di: number): Rubric {
  const d = r.dimensions[di];
  if (!d) return r;
  return insertAt(r, ['dimensions', di, 'criteria'], newCriterion(r, d.id));
}

/**
 * Moves criterion `ci` of group `di` up or down; past the first or last
 * place of its group it moves into the neighbouring group (never leaving a
 * group empty).
 */
export function moveCriterion(r: Rubric, di: number, ci: number, delta: -1 | 1): Rubric {
  const d = r.dimensions[di];
  if (!d || !d.criteria[ci]) return r;
  const to = ci + delta;
  if (to >= 0 && to < d.criteria.length) return moveAt(r, ['dimensions', di, 'criteria'], ci, delta);
  const other = r.dimensions[di + delta];
  if (!other || d.criteria.length === 1) return r;
  const item = d.criteria[ci]!;
  const without = removeAt(r, ['dimensions', di, 'criteria'], ci);
  return insertAt(without, ['dimensions', di + delta, 'criteria'], item, delta < 0 ? other.criteria.length : 0);
}

/** A new rubric from a template: the template's content, naming what it came from. */
export function fromTemplate(template: Rubric): Rubric {
  return { ...structuredClone(template), derivedFrom: { id: template.id, version: template.version } };
}

/** The sum of the points available of every scored criterion. */
export function pointsSum(r: Rubric): number {
  return r.dimensions.reduce((s, d) => s + d.criteria.reduce((t, c) => t + (Number.isFinite(c.weight) ? c.weight : 0), 0), 0);
}
