/**
 * What a rubric changed against the template it came from: elements added,
 * removed and changed, by id and field, in rubric order. Elements are matched
 * by id within their list (criteria across every criterion group, so a
 * criterion moved to another group is one change of `dimension`); a change of
 * order is reported as `position` only for the elements that left the longest
 * run the two orders share, so one moved criterion is one entry.
 */
import type { Criterion, Rubric } from './model.ts';

export type DiffKind = 'rubric' | 'gate' | 'dimension' | 'criterion' | 'level' | 'indicator' | 'gradeBand' | 'recommendation' | 'siteVisit';

export interface DiffEntry {
  change: 'added' | 'removed' | 'changed';
  kind: DiffKind;
  /** The element's id (for the rubric itself, its id). */
  id: string;
  /** For a level or an indicator row: the criterion it belongs to. */
  parent?: string;
  /** For `changed`: the field (`title`, `weight`, `scale.step`, `position`, `dimension`, …). */
  field?: string;
  before?: unknown;
  after?: unknown;
}

type Obj = Record<string, unknown>;

/** JSON with sorted keys: equal values, equal text. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Obj)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Obj)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

const same = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

/** Field by field, in the order the fields appear (base's first, then new ones), skipping `skip`. */
function fields(kind: DiffKind, id: string, a: Obj, b: Obj, skip: readonly string[], out: DiffEntry[], parent?: string): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k));
  for (const k of keys) {
    if (!same(a[k], b[k])) out.push({ change: 'changed', kind, id, ...(parent ? { parent } : {}), field: k, before: a[k], after: b[k] });
  }
}

/** Ids of `after` that are not in the longest common subsequence of the two orders (of the ids both hold). */
function moved(before: string[], after: string[]): Set<string> {
  const inBoth = new Set(before.filter((id) => after.includes(id)));
  const a = before.filter((id) => inBoth.has(id));
  const b = after.filter((id) => inBoth.has(id));
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((id) => !kept.has(id)));
}

/** A list of elements with ids: removed, then (in the new order) added, changed and moved. */
function list<T extends { id: string }>(
  kind: DiffKind,
  before: readonly T[],
  after: readonly T[],
  out: DiffEntry[],
  compare: (a: T, b: T) => void,
  parent?: string,
): void {
  const p = parent ? { parent } : {};
  const old = new Map(before.map((x) => [x.id, x] as const));
  const now = new Set(after.map((x) => x.id));
  for (const x of before) if (!now.has(x.id)) out.push({ change: 'removed', kind, id: x.id, ...p });
  const shifted = moved(
    before.map((x) => x.id),
    after.map((x) => x.id),
  );
  after.forEach((x) => {
    const was = old.get(x.id);
    if (!was) {
      out.push({ change: 'added', kind, id: x.id, ...p });
      return;
    }
    compare(was, x);
    if (shifted.has(x.id))
      out.push({
        change: 'changed',
        kind,
        id: x.id,
        ...p,
        field: 'position',
        before: before.indexOf(was) + 1,
        after: after.indexOf(x) + 1,
      });
  });
}

function criterion(kind: DiffKind, a: Criterion, b: Criterion, out: DiffEntry[]): void {
  fields(kind, b.id, a as Obj, b as Obj, ['id', 'scale', 'indicators'], out);
  if (a.scale.kind === 'levels' && b.scale.kind === 'levels') {
    if (a.scale.step !== b.scale.step)
      out.push({ change: 'changed', kind, id: b.id, field: 'scale.step', before: a.scale.step, after: b.scale.step });
    list('level', a.scale.levels, b.scale.levels, out, (x, y) => fields('level', y.id, x as Obj, y as Obj, ['id'], out, b.id), b.id);
  } else if (!same(a.scale, b.scale)) out.push({ change: 'changed', kind, id: b.id, field: 'scale', before: a.scale, after: b.scale });
  list(
    'indicator',
    a.indicators ?? [],
    b.indicators ?? [],
    out,
    (x, y) => fields('indicator', y.id, x as Obj, y as Obj, ['id'], out, b.id),
    b.id,
  );
}

const TOP_SKIP = ['gates', 'dimensions', 'gradeBands', 'recommendations', 'siteVisit', 'derivedFrom'] as const;

/**
 * Every difference of `after` from `before`: the rubric's own fields, then
 * eligibility conditions, criterion groups, criteria, grades, conclusions and
 * site-visit items. `derivedFrom` itself is not a difference.
 */
export function diffRubrics(before: Rubric, after: Rubric): DiffEntry[] {
  const out: DiffEntry[] = [];
  fields('rubric', after.id, before as Obj, after as Obj, TOP_SKIP, out);
  list('gate', before.gates, after.gates, out, (a, b) => criterion('gate', a, b, out));
  list('dimension', before.dimensions, after.dimensions, out, (a, b) =>
    fields('dimension', b.id, a as Obj, b as Obj, ['id', 'criteria'], out),
  );

  // Criteria are matched across groups: moving one to another group is a change of its `dimension`.
  const where = (r: Rubric): Map<string, { dim: string; c: Criterion }> =>
    new Map(r.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, { dim: d.id, c }] as const)));
  const old = where(before);
  const now = where(after);
  for (const [id] of old) if (!now.has(id)) out.push({ change: 'removed', kind: 'criterion', id });
  for (const d of after.dimensions) {
    const was = before.dimensions.find((x) => x.id === d.id);
    const stayed = (r: { dimensions: Rubric['dimensions'] }, dim: string): string[] =>
      (r.dimensions.find((x) => x.id === dim)?.criteria ?? [])
        .map((c) => c.id)
        .filter((id) => old.get(id)?.dim === dim && now.get(id)?.dim === dim);
    const shifted = was ? moved(stayed(before, d.id), stayed(after, d.id)) : new Set<string>();
    d.criteria.forEach((c, i) => {
      const prior = old.get(c.id);
      if (!prior) {
        out.push({ change: 'added', kind: 'criterion', id: c.id });
        return;
      }
      criterion('criterion', prior.c, c, out);
      if (prior.dim !== d.id)
        out.push({ change: 'changed', kind: 'criterion', id: c.id, field: 'dimension', before: prior.dim, after: d.id });
      else if (shifted.has(c.id)) {
        const from = before.dimensions.find((x) => x.id === d.id)!.criteria.findIndex((x) => x.id === c.id);
        out.push({ change: 'changed', kind: 'criterion', id: c.id, field: 'position', before: from + 1, after: i + 1 });
      }
    });
  }

  list('gradeBand', before.gradeBands, after.gradeBands, out, (a, b) => fields('gradeBand', b.id, a as Obj, b as Obj, ['id'], out));
  list('recommendation', before.recommendations, after.recommendations, out, (a, b) =>
    fields('recommendation', b.id, a as Obj, b as Obj, ['id'], out),
  );
  list('siteVisit', before.siteVisit, after.siteVisit, out, (a, b) => fields('siteVisit', b.id, a as Obj, b as Obj, ['id'], out));
  return out;
}
