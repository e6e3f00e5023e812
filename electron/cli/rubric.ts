/**
 * `reviewdesk rubric …`: the built-in templates, a new rubric started from
 * one, and the check a secretariat runs on a rubric it has edited. Each
 * returns what to print (JSON and text); main.ts prints it.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReviewDeskError, fromFileSystemError } from '../../shared/errors.ts';
import { pick } from '../../shared/i18n-text.ts';
import { Rubric, RUBRIC_SCHEMA_VERSION, provenanced, scoredCriteria } from '../../shared/rubric/model.ts';
import { diffRubrics } from '../../shared/rubric/diff.ts';
import { RUBRIC_TEMPLATES, templateById } from '../../shared/rubric/templates/index.ts';
import { safeLine as s } from '../../shared/safe-text.ts';
import { parseStrict } from '../formats/json.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { MAX_RUBRIC_BYTES } from '../packages/limits.ts';

export interface Printed {
  json: unknown;
  text: () => string;
}

const titles = (r: Rubric): string => `${s(pick(r.title, 'zh-CN'))} / ${s(pick(r.title, 'en'))}`;

/** `rubric templates`: id, title, stage and categories of every built-in template. */
export function listTemplates(): Printed {
  const list = RUBRIC_TEMPLATES.map((r) => ({ id: r.id, version: r.version, title: r.title, stage: r.stage, appliesTo: r.appliesTo }));
  return {
    json: list,
    text: () =>
      list
        .map((r) => `${s(r.id).padEnd(34)} ${r.stage.padEnd(9)} ${r.appliesTo.join('+').padEnd(25)} ${s(pick(r.title, 'zh-CN'))}`)
        .join('\n'),
  };
}

/** `rubric new --template ID --out FILE [--id NEW]`: the template as a file to edit, naming what it was made from. */
export async function newRubric(o: { template: string; out: string; id?: string }): Promise<Printed> {
  const template = templateById(o.template);
  if (!template) {
    throw new ReviewDeskError('E_USAGE', {
      reason: `no template ${o.template}; \`reviewdesk rubric templates\` lists them (${RUBRIC_TEMPLATES.map((r) => r.id).join(', ')})`,
    });
  }
  const out = resolve(o.out);
  if (existsSync(out)) throw new ReviewDeskError('E_USAGE', { reason: `${o.out} already exists; name a new file` });
  const rubric = Rubric.parse({
    ...structuredClone(template),
    ...(o.id ? { id: o.id } : {}),
    derivedFrom: { id: template.id, version: template.version },
  });
  const bytes = Buffer.from(JSON.stringify(rubric, null, 2) + '\n');
  await writeFileAtomic(out, [bytes]).catch((e: unknown) => {
    throw fromFileSystemError(e, '写入 (writing)') ?? e;
  });
  return {
    json: { ok: true, file: out, id: rubric.id, version: rubric.version, derivedFrom: rubric.derivedFrom },
    text: () => `Wrote ${s(out)}: ${s(rubric.id)} v${rubric.version}, from template ${s(template.id)} v${template.version}`,
  };
}

/** What a rubric holds, counted: the summary `rubric check` prints. */
export function rubricSummary(r: Rubric): {
  id: string;
  version: number;
  stage: Rubric['stage'];
  appliesTo: Rubric['appliesTo'];
  totalPoints: number;
  passThreshold: number;
  gates: number;
  dimensions: number;
  criteria: number;
  elements: number;
  sourced: number;
  defaults: number;
} {
  const elements = provenanced(r);
  return {
    id: r.id,
    version: r.version,
    stage: r.stage,
    appliesTo: r.appliesTo,
    totalPoints: r.totalPoints,
    passThreshold: r.passThreshold,
    gates: r.gates.length,
    dimensions: r.dimensions.length,
    criteria: scoredCriteria(r).length,
    elements: elements.length,
    sourced: elements.filter(({ element }) => element.source).length,
    defaults: elements.filter(({ element }) => element.default).length,
  };
}

/** `rubric check FILE`: the strict schema and every consistency rule; a refusal names each issue's path. */
export async function checkRubric(file: string): Promise<Printed> {
  const path = resolve(file);
  const bytes = await readFile(path).catch((e: unknown) => {
    throw fromFileSystemError(e, '读取 (reading)') ?? e;
  });
  const rubric = parseStrict(bytes, Rubric, file, { maxBytes: MAX_RUBRIC_BYTES, schemaVersion: RUBRIC_SCHEMA_VERSION });
  const sum = rubricSummary(rubric);
  return {
    json: { ok: true, file: path, ...sum },
    text: () =>
      [
        `OK  ${titles(rubric)}`,
        `${s(sum.id)} v${sum.version} · ${sum.stage} · ${sum.appliesTo.join(', ')}`,
        `${sum.gates} basic conditions / 基本条件, ${sum.dimensions} 一级指标, ${sum.criteria} 二级指标; ${sum.totalPoints} points, pass mark ${sum.passThreshold}`,
        `${sum.elements} elements: ${sum.sourced} with a source, ${sum.defaults} defaults / 默认值（组织单位可调整）`,
      ].join('\n'),
  };
}

async function writeNew(out: string, shown: string, bytes: Buffer): Promise<void> {
  if (existsSync(out)) throw new ReviewDeskError('E_USAGE', { reason: `${shown} already exists; name a new file` });
  await writeFileAtomic(out, [bytes]).catch((e: unknown) => {
    throw fromFileSystemError(e, '写入 (writing)') ?? e;
  });
}

/** `rubric xlsx FILE --out X.xlsx`: a checked rubric as the workbook a secretary edits. */
export async function rubricToXlsx(file: string, o: { out: string }): Promise<Printed> {
  const bytes = await readFile(resolve(file)).catch((e: unknown) => {
    throw fromFileSystemError(e, '读取 (reading)') ?? e;
  });
  const rubric = parseStrict(bytes, Rubric, file, { maxBytes: MAX_RUBRIC_BYTES, schemaVersion: RUBRIC_SCHEMA_VERSION });
  const { toXlsx } = await import('../rubrics/xlsx.ts');
  const out = resolve(o.out);
  await writeNew(out, o.out, await toXlsx(rubric));
  return {
    json: { ok: true, file: out, id: rubric.id, version: rubric.version },
    text: () => `Wrote ${s(out)}: ${s(rubric.id)} v${rubric.version} as a workbook / 工作簿`,
  };
}

/** `rubric from-xlsx X.xlsx --out FILE`: the edited workbook back as a checked rubric.json. */
export async function rubricFromXlsx(file: string, o: { out: string }): Promise<Printed> {
  const path = resolve(file);
  const { fromXlsx, MAX_RUBRIC_XLSX_BYTES } = await import('../rubrics/xlsx.ts');
  const size = await stat(path).then(
    (st) => st.size,
    (e: unknown) => {
      throw fromFileSystemError(e, '读取 (reading)') ?? e;
    },
  );
  if (size > MAX_RUBRIC_XLSX_BYTES) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: MAX_RUBRIC_XLSX_BYTES });
  const bytes = await readFile(path).catch((e: unknown) => {
    throw fromFileSystemError(e, '读取 (reading)') ?? e;
  });
  const rubric = await fromXlsx(bytes);
  const out = resolve(o.out);
  await writeNew(out, o.out, Buffer.from(JSON.stringify(rubric, null, 2) + '\n'));
  const sum = rubricSummary(rubric);
  return {
    json: { ok: true, file: out, ...sum },
    text: () => `Wrote ${s(out)}: ${titles(rubric)}, ${s(sum.id)} v${sum.version}, ${sum.criteria} 二级指标, ${sum.totalPoints} points`,
  };
}

/** A value in a diff line: short JSON, one line, escaped. */
function shown(v: unknown): string {
  if (v === undefined) return '—';
  const text = JSON.stringify(v);
  return s(text.length > 80 ? `${text.slice(0, 77)}…` : text);
}

/**
 * `rubric diff FILE [--against ID]`: what a rubric adds, removes and changes against the template it came from
 * (its `derivedFrom`, its own id when that is a template's, or `--against`), by element id and field.
 */
export async function diffRubric(file: string, o: { against?: string }): Promise<Printed> {
  const bytes = await readFile(resolve(file)).catch((e: unknown) => {
    throw fromFileSystemError(e, '读取 (reading)') ?? e;
  });
  const rubric = parseStrict(bytes, Rubric, file, { maxBytes: MAX_RUBRIC_BYTES, schemaVersion: RUBRIC_SCHEMA_VERSION });
  const baseId = o.against ?? rubric.derivedFrom?.id ?? (templateById(rubric.id) ? rubric.id : undefined);
  const base = baseId === undefined ? undefined : templateById(baseId);
  if (!base) {
    throw new ReviewDeskError('E_USAGE', {
      reason: `${baseId === undefined ? 'the rubric names no template it derives from' : `no template ${baseId}`}; pass --against with one of ${RUBRIC_TEMPLATES.map((t) => t.id).join(', ')}`,
    });
  }
  const changes = diffRubrics(base, rubric);
  return {
    json: { ok: true, file: resolve(file), against: base.id, changes },
    text: () =>
      [
        `${s(rubric.id)} v${rubric.version} against / 对照模板 ${s(base.id)} v${base.version}: ${changes.length} change(s) / 处改动`,
        ...changes.map((c) => {
          const where = `${c.kind} ${s(c.parent ? `${c.parent}/` : '')}${s(c.id)}`;
          if (c.change === 'changed') return `  changed / 修改  ${where}.${s(c.field ?? '')}: ${shown(c.before)} → ${shown(c.after)}`;
          return `  ${c.change === 'added' ? 'added / 新增  ' : 'removed / 删除'}  ${where}`;
        }),
      ].join('\n'),
  };
}
