/** The rubric editor's channels through the real handler table: templates, check, rubric.json and workbook import and export. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../shared/ipc/contract.ts';
import { fromTemplate, setIn } from '../../shared/rubric/edit.ts';
import { RUBRIC_SCHEMA_VERSION, Rubric } from '../../shared/rubric/model.ts';
import { RUBRIC_TEMPLATES, annualEnterprise, enterpriseSelection } from '../../shared/rubric/templates/index.ts';
import { parseStrict } from '../../electron/formats/json.ts';
import { MAX_RUBRIC_BYTES } from '../../electron/packages/limits.ts';
import { MAX_RUBRIC_JSON_BYTES } from '../../electron/rubrics/files.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

async function secretariat(): Promise<Workspace> {
  const ws = await openWorkspace(tempDir('rd-rubric-'), testHost(), { scryptLogN: 10 });
  await ws.invoke('identity:create', {
    role: 'secretariat',
    displayName: '秘书处',
    organisation: '某市经信委',
    fields: [],
    passphrase: 'correct horse battery',
  });
  return ws;
}

describe('rubric channels', () => {
  it('are refused before there is an identity', async () => {
    const ws = await openWorkspace(tempDir('rd-rubric-none-'), testHost());
    try {
      expect(await ws.call('rubric:templates', {})).toMatchObject({ ok: false, error: { code: 'E_NO_IDENTITY' } });
    } finally {
      ws.close();
    }
  });

  it('list the built-in templates with title, stage and categories', async () => {
    const ws = await secretariat();
    try {
      const list = await ws.invoke('rubric:templates', {});
      expect(list.map((t) => [t.id, t.stage, t.appliesTo])).toEqual(RUBRIC_TEMPLATES.map((r) => [r.id, r.stage, r.appliesTo]));
      expect(list[0]!.title).toEqual(enterpriseSelection.title);
      expect(list[3]!.rubric).toEqual(annualEnterprise);
    } finally {
      ws.close();
    }
  });

  it('check a draft and name each problem in both languages', async () => {
    const ws = await secretariat();
    try {
      const r = fromTemplate(enterpriseSelection);
      expect(await ws.invoke('rubric:validate', { rubric: r })).toEqual({ ok: true, problems: [] });
      const bad = setIn(r, ['dimensions', 0, 'criteria', 0, 'weight'], 99);
      const check = await ws.invoke('rubric:validate', { rubric: bad });
      expect(check.ok).toBe(false);
      expect(check.problems[0]).toMatchObject({ path: ['totalPoints'], where: { 'zh-CN': '总分', en: 'total points' } });
      expect(check.problems[0]!.message['zh-CN']).toMatch(/与总分 100 不符/);
      expect((await ws.invoke('rubric:validate', { rubric: 'not a rubric' })).ok).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('export rubric.json that parseStrict accepts, and read it back', async () => {
    const ws = await secretariat();
    try {
      const r = setIn(fromTemplate(annualEnterprise), ['id'], 'my-round');
      const out = await ws.invoke('rubric:export', { rubric: r, format: 'json' });
      expect(out).toMatchObject({ fileName: 'rubric-my-round-v1.json', mediaType: 'application/json' });
      expect(parseStrict(out.bytes, Rubric, out.fileName, { maxBytes: MAX_RUBRIC_BYTES, schemaVersion: RUBRIC_SCHEMA_VERSION })).toEqual(r);
      expect(await ws.invoke('rubric:import', { fileName: out.fileName, bytes: out.bytes })).toEqual({ rubric: r, format: 'json' });
    } finally {
      ws.close();
    }
  });

  it('export the workbook and import it back without loss', async () => {
    const ws = await secretariat();
    try {
      const r = fromTemplate(enterpriseSelection);
      const out = await ws.invoke('rubric:export', { rubric: r, format: 'xlsx' });
      expect(out.fileName).toBe('rubric-mic-selection-enterprise-v1.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toContain('二级指标');
      const back = await ws.invoke('rubric:import', { fileName: 'edited.xlsx', bytes: out.bytes });
      expect(back.format).toBe('xlsx');
      expect(JSON.parse(JSON.stringify(back.rubric))).toEqual(JSON.parse(JSON.stringify(r)));
    } finally {
      ws.close();
    }
  });

  it('refuse an invalid rubric to export, and invalid files to import', async () => {
    const ws = await secretariat();
    try {
      const bad = setIn(fromTemplate(enterpriseSelection), ['dimensions', 0, 'criteria', 0, 'weight'], 99);
      expect(await ws.call('rubric:export', { rubric: bad, format: 'json' })).toMatchObject({
        ok: false,
        error: { code: 'E_INVALID_INPUT' },
      });
      const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);
      expect(await ws.call('rubric:import', { fileName: 'r.json', bytes: text(JSON.stringify(bad)) })).toMatchObject({
        ok: false,
        error: { code: 'E_SCHEMA' },
      });
      expect(await ws.call('rubric:import', { fileName: 'r.json', bytes: text('{not json') })).toMatchObject({ ok: false });
      expect(await ws.call('rubric:import', { fileName: 'r.xlsx', bytes: text('PK\u0003\u0004 not a zip') })).toMatchObject({
        ok: false,
        error: { code: 'E_RUBRIC_XLSX' },
      });
      // A schema-1 rubric is upgraded as a package's is.
      const v1 = { ...structuredClone(enterpriseSelection), schemaVersion: 1, appliesTo: 'enterprise' } as Record<string, unknown>;
      const up = await ws.invoke('rubric:import', { fileName: 'old.json', bytes: text(JSON.stringify(v1)) });
      expect(up.rubric.appliesTo).toEqual(['enterprise']);
    } finally {
      ws.close();
    }
  });

  it('read a rubric.json as large as a package may carry', () => {
    expect(MAX_RUBRIC_JSON_BYTES).toBe(MAX_RUBRIC_BYTES);
  });

  it('are in the contract with a doc line each', () => {
    for (const c of ['rubric:templates', 'rubric:validate', 'rubric:import', 'rubric:export'] as const)
      expect(CONTRACT[c].doc.length).toBeGreaterThan(20);
  });
});
