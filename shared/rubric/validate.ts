/**
 * A rubric checked for the editor: the model's own zod schema and consistency
 * rules (model.ts), every problem with its place and its message in both
 * interface languages. The shape and the consistency rules are both run, so
 * an empty title does not hide a total that no longer adds up.
 */
import type { z } from 'zod';
import { Rubric, consistencyProblems } from './model.ts';

export type Bilingual = { 'zh-CN': string; en: string };

/** One problem of a rubric: the raw path, where it is in words, and what is wrong, in both languages. */
export interface RubricProblem {
  path: (string | number)[];
  /** The path as a person reads it: 一级指标 D1 › 二级指标 D1.2 › 分值. */
  where: Bilingual;
  message: Bilingual;
}

export type RubricCheck = { ok: true; rubric: Rubric; problems: [] } | { ok: false; problems: RubricProblem[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const LISTS: Record<string, Bilingual> = {
  gates: { 'zh-CN': '基本条件', en: 'Eligibility condition' },
  dimensions: { 'zh-CN': '一级指标', en: 'Criterion group' },
  criteria: { 'zh-CN': '二级指标', en: 'Criterion' },
  levels: { 'zh-CN': '等级描述', en: 'Level' },
  indicators: { 'zh-CN': '指标行', en: 'Indicator row' },
  gradeBands: { 'zh-CN': '等级', en: 'Grade' },
  recommendations: { 'zh-CN': '评审结论', en: 'Conclusion' },
  siteVisit: { 'zh-CN': '考察要点', en: 'Site-visit checklist item' },
  sources: { 'zh-CN': '依据文件', en: 'Source document' },
  tieBreak: { 'zh-CN': '同分排序', en: 'Tie-break' },
  appliesTo: { 'zh-CN': '适用类别', en: 'Applies to' },
};

const FIELDS: Record<string, Bilingual> = {
  id: { 'zh-CN': '标识', en: 'id' },
  title: { 'zh-CN': '名称', en: 'title' },
  guidance: { 'zh-CN': '评分标准', en: 'scoring guidance' },
  weight: { 'zh-CN': '分值', en: 'points available' },
  scale: { 'zh-CN': '评分尺度', en: 'scale' },
  comment: { 'zh-CN': '评语要求', en: 'comment rule' },
  threshold: { 'zh-CN': '阈值', en: 'threshold' },
  evidenceHint: { 'zh-CN': '证据提示', en: 'evidence hint' },
  label: { 'zh-CN': '名称', en: 'label' },
  descriptor: { 'zh-CN': '描述', en: 'descriptor' },
  description: { 'zh-CN': '说明', en: 'description' },
  consequence: { 'zh-CN': '后果', en: 'consequence' },
  min: { 'zh-CN': '最低分', en: 'minimum' },
  max: { 'zh-CN': '最高分', en: 'maximum' },
  step: { 'zh-CN': '步长', en: 'step' },
  unit: { 'zh-CN': '单位', en: 'unit' },
  totalPoints: { 'zh-CN': '总分', en: 'total points' },
  passThreshold: { 'zh-CN': '合格线', en: 'pass mark' },
  scoring: { 'zh-CN': '计分', en: 'scoring' },
  stage: { 'zh-CN': '评审类型', en: 'kind of review' },
  version: { 'zh-CN': '版本', en: 'version' },
  derivedFrom: { 'zh-CN': '来源模板', en: 'template' },
  minLength: { 'zh-CN': '最少字数', en: 'minimum length' },
  required: { 'zh-CN': '何时必填', en: 'when required' },
  source: { 'zh-CN': '出处', en: 'source' },
  'zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
};

const ROOT: Bilingual = { 'zh-CN': '评分细则', en: 'Rubric' };

/** The path in words, in both languages, naming each element by its id where it has one. */
export function describePath(value: unknown, path: readonly (string | number)[]): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  let at: unknown = value;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    const list = typeof key === 'string' ? LISTS[key] : undefined;
    if (list && typeof next === 'number') {
      const items = isObj(at) ? at[key] : undefined;
      const item: unknown = Array.isArray(items) ? items[next] : undefined;
      const id = isObj(item) && typeof item.id === 'string' && item.id ? item.id : typeof item === 'string' ? item : `#${next + 1}`;
      zh.push(`${list['zh-CN']} ${id}`);
      en.push(`${list.en} ${id}`);
      at = item;
      i++;
      continue;
    }
    if (key === 'levels' || key === 'scale') {
      // The scale and its levels read as one step: 等级描述 good sits under the criterion.
      at = isObj(at) ? at[key] : undefined;
      if (key === 'scale' && path[i + 1] === 'levels') continue;
    } else at = isObj(at) ? at[key] : undefined;
    const field = FIELDS[String(key)] ?? { 'zh-CN': String(key), en: String(key) };
    zh.push(field['zh-CN']);
    en.push(field.en);
  }
  if (zh.length === 0) return ROOT;
  return { 'zh-CN': zh.join(' › '), en: en.join(' › ') };
}

const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** The consistency rules' messages (model.ts), in both languages. */
function consistencyMessage(message: string): Bilingual {
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^duplicate id (.+)$/)))
    return both(`标识 ${m[1]} 重复，每个标识只能使用一次`, `the id ${m[1]} is used twice; ids must be unique`);
  if ((m = message.match(/^weights sum to (.+), not (.+)$/)))
    return both(`各项分值合计 ${m[1]}，与总分 ${m[2]} 不符`, `the points available add up to ${m[1]}, not the total of ${m[2]}`);
  if (message === 'carries neither a source nor default: true')
    return both('既未注明出处，也未标为默认值（组织单位可调整）', 'has neither a source nor the mark "default (set by the organiser)"');
  if (message === 'appliesTo repeats a category') return both('适用类别重复', 'a category is listed twice');
  if ((m = message.match(/^names category (.+), which the rubric does not apply to$/)))
    return both(`所列类别 ${m[1]} 不在本评分细则的适用类别中`, `names the category ${m[1]}, which the rubric does not apply to`);
  if (message.startsWith('needs at least one main'))
    return both('至少需要一项主要评审结论（非附加结论）', 'needs at least one main (not additional) conclusion');
  if (message === 'gates must use the gate scale')
    return both('基本条件只能判定符合 / 不符合', 'an eligibility condition is judged met / not met only');
  if (message === 'gates carry no weight')
    return both('基本条件不计分值，分值须为 0', 'an eligibility condition carries no points; set them to 0');
  if (message === 'a gate has no indicator rows') return both('基本条件不能含指标行', 'an eligibility condition has no indicator rows');
  if (message === 'scored criteria cannot be gates')
    return both('计分的二级指标不能使用符合 / 不符合', 'a scored criterion cannot be judged met / not met');
  if (message === 'scale max must exceed min') return both('最高分必须大于最低分', 'the maximum must exceed the minimum');
  if (message === 'max is off the step grid') return both('最高分不在步长刻度上', 'the maximum is not on the step grid');
  if ((m = message.match(/^level (.+) band is empty$/))) return both(`等级 ${m[1]} 的分数区间为空`, `level ${m[1]} has an empty band`);
  if ((m = message.match(/^level (.+) overlaps (.+)$/)))
    return both(`等级 ${m[1]} 与 ${m[2]} 的分数区间重叠`, `level ${m[1]} overlaps ${m[2]}`);
  if (message === 'belowThreshold needs a threshold')
    return both('“低于阈值须写评语”需要填写阈值', 'a comment required below a threshold needs the threshold');
  if ((m = message.match(/^tie-break names unknown id (.+)$/)))
    return both(`同分排序引用了不存在的标识 ${m[1]}`, `the tie-break names an unknown id ${m[1]}`);
  return both(message, message);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const k of path) at = isObj(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  return at;
}

/** A zod issue of the shape, in both languages. */
function shapeMessage(issue: z.core.$ZodIssue, value: unknown): Bilingual {
  const here = valueAt(value, issue.path);
  switch (issue.code) {
    case 'invalid_union':
      if (isObj(here) && 'zh-CN' in here) return both('须填写英文，或标记为“仅中文”', 'needs the English, or the mark "Chinese only"');
      break;
    case 'too_small':
      if (issue.origin === 'string') return both('不能为空', 'must not be empty');
      if (issue.origin === 'array') return both(`至少需要 ${String(issue.minimum)} 项`, `needs at least ${String(issue.minimum)}`);
      if (issue.origin === 'number')
        return issue.inclusive
          ? both(`不能小于 ${String(issue.minimum)}`, `must be at least ${String(issue.minimum)}`)
          : both(`必须大于 ${String(issue.minimum)}`, `must be more than ${String(issue.minimum)}`);
      break;
    case 'too_big':
      if (issue.origin === 'string')
        return both(`不能超过 ${String(issue.maximum)} 个字符`, `must be at most ${String(issue.maximum)} characters`);
      if (issue.origin === 'array') return both(`最多 ${String(issue.maximum)} 项`, `at most ${String(issue.maximum)}`);
      if (issue.origin === 'number') return both(`不能大于 ${String(issue.maximum)}`, `must be at most ${String(issue.maximum)}`);
      break;
    case 'invalid_type':
      if (issue.expected === 'number') return both('须填写数字', 'must be a number');
      if (issue.expected === 'string') return both('不能为空', 'must not be empty');
      break;
    case 'invalid_format':
      return both(
        '只能包含字母、数字、点、短横线和下划线，且以字母或数字开头',
        'letters, digits, dot, dash and underscore only, starting with a letter or digit',
      );
    case 'unrecognized_keys':
      return both(`含有未知字段：${issue.keys.join(', ')}`, `has unknown fields: ${issue.keys.join(', ')}`);
    case 'custom':
      return consistencyMessage(issue.message);
    default:
      break;
  }
  return both(`格式不符：${issue.message}`, issue.message);
}

/** The rubric's shape, before the consistency rules: whether they can be run on the value as it is. */
function shapedEnough(value: unknown): value is Parameters<typeof consistencyProblems>[0] {
  if (!isObj(value)) return false;
  const lists = ['gates', 'dimensions', 'gradeBands', 'recommendations', 'siteVisit', 'tieBreak', 'appliesTo'];
  if (!lists.every((k) => Array.isArray(value[k]))) return false;
  if (!isObj(value.scoring)) return false;
  return (value.dimensions as unknown[]).every(
    (d) => isObj(d) && Array.isArray(d.criteria) && d.criteria.every((c) => isObj(c) && isObj(c.scale) && isObj(c.comment)),
  );
}

/** Gives each duplicate-id problem the place of the element that repeats the id, not the rubric's own id. */
function duplicatePath(value: unknown, id: string): (string | number)[] {
  if (!isObj(value)) return ['id'];
  const hits: (string | number)[][] = [];
  const scan = (list: unknown, at: (string | number)[]): void => {
    if (Array.isArray(list)) list.forEach((x, i) => isObj(x) && x.id === id && hits.push([...at, i, 'id']));
  };
  scan(value.gates, ['gates']);
  if (Array.isArray(value.dimensions)) {
    scan(value.dimensions, ['dimensions']);
    value.dimensions.forEach((d, di) => {
      if (!isObj(d) || !Array.isArray(d.criteria)) return;
      scan(d.criteria, ['dimensions', di, 'criteria']);
      d.criteria.forEach((c, ci) => isObj(c) && scan(c.indicators, ['dimensions', di, 'criteria', ci, 'indicators']));
    });
  }
  for (const key of ['gradeBands', 'recommendations', 'siteVisit']) scan(value[key], [key]);
  return hits[1] ?? hits[0] ?? ['id'];
}

/**
 * Checks a rubric (or a draft of one) against the model: the strict schema,
 * then every consistency rule. On a draft whose shape fails, the consistency
 * rules still run where the lists are there, so every problem is listed.
 */
export function checkRubricDraft(value: unknown): RubricCheck {
  const parsed = Rubric.safeParse(value);
  if (parsed.success) return { ok: true, rubric: parsed.data, problems: [] };
  const problems: RubricProblem[] = [];
  const seen = new Set<string>();
  const add = (path: (string | number)[], message: Bilingual): void => {
    const key = `${path.join('.')}\u0000${message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, where: describePath(value, path), message });
  };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const dup = issue.code === 'custom' ? issue.message.match(/^duplicate id (.+)$/) : null;
    add(dup ? duplicatePath(value, dup[1]!) : path, shapeMessage(issue, value));
  }
  const shapeFailed = !parsed.error.issues.some((i) => i.code === 'custom');
  if (shapeFailed && shapedEnough(value)) {
    let more: ReturnType<typeof consistencyProblems> = [];
    try {
      more = consistencyProblems(value);
    } catch {
      // A draft too broken for the rules (a level list missing): its shape problems are listed already.
    }
    for (const p of more) {
      const dup = p.message.match(/^duplicate id (.+)$/);
      add(dup ? duplicatePath(value, dup[1]!) : p.path, consistencyMessage(p.message));
    }
  }
  return { ok: false, problems };
}
