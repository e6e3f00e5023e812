/** `reviewdesk rubric templates | new | check`, run as a user runs them, on real files. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rubric } from '../../shared/rubric/model.ts';
import { RUBRIC_TEMPLATES, enterpriseSelection } from '../../shared/rubric/templates/index.ts';
import { tempDir } from '../helpers/tmp.ts';

const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
const root = tempDir('rd-cli-rubric-');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('reviewdesk rubric', () => {
  it('templates --json lists every built-in template with its stage and categories', () => {
    const r = run('rubric', 'templates', '--json');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; stage: string; appliesTo: string[] }[];
    expect(list.map((t) => t.id)).toEqual(RUBRIC_TEMPLATES.map((t) => t.id));
    for (const t of list) expect(Object.keys(t).sort()).toEqual(['appliesTo', 'id', 'stage', 'title', 'version']);
    expect(list.find((t) => t.id === 'mic-selection-enterprise')).toMatchObject({ stage: 'selection', appliesTo: ['enterprise'] });
    for (const stage of ['selection', 'annual', 'periodic'])
      for (const category of ['enterprise', 'non-enterprise'])
        expect(
          list.some((t) => t.stage === stage && t.appliesTo.includes(category)),
          `${stage} ${category}`,
        ).toBe(true);
    expect(list.find((t) => t.id === 'sx-selection-enterprise')).toMatchObject({ stage: 'selection', appliesTo: ['enterprise'] });
    const text = run('rubric', 'templates');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('制造业创新中心遴选评审（企业法人型）');
  });

  it('new writes the template as a rubric that names what it came from, and never overwrites', () => {
    const out = join(root, 'mine.json');
    const r = run('rubric', 'new', '--template', 'mic-selection-enterprise', '--out', out, '--id', 'sh-2026-enterprise');
    expect(r.status, r.stderr).toBe(0);
    const written = Rubric.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(written).toEqual({
      ...enterpriseSelection,
      id: 'sh-2026-enterprise',
      derivedFrom: { id: enterpriseSelection.id, version: enterpriseSelection.version },
    });
    const before = readFileSync(out);
    const again = run('rubric', 'new', '--template', 'mic-selection-enterprise', '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^error E_USAGE: .*already exists/);
    expect(readFileSync(out)).toEqual(before);
    const unknown = run('rubric', 'new', '--template', 'no-such', '--out', join(root, 'x.json'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('mic-selection-enterprise');
  });

  it('check passes a template, counts its sourced and default elements, and names what is wrong in an edited one', () => {
    const good = join(root, 'good.json');
    writeFileSync(good, JSON.stringify(enterpriseSelection));
    const ok = run('rubric', 'check', good, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    const sum = JSON.parse(ok.stdout) as Record<string, number>;
    expect(sum).toMatchObject({ ok: true, id: enterpriseSelection.id, gates: enterpriseSelection.gates.length, totalPoints: 100 });
    expect(sum.sourced! + sum.defaults!).toBeGreaterThanOrEqual(sum.elements!);

    const bad = structuredClone(enterpriseSelection) as Rubric;
    bad.dimensions[0]!.criteria[0]!.weight += 1;
    writeFileSync(join(root, 'bad.json'), JSON.stringify(bad));
    const sum1 = run('rubric', 'check', 'bad.json');
    expect(sum1.status).toBe(1);
    expect(sum1.stderr).toMatch(/^error E_SCHEMA: .*weights sum to 101, not 100/);

    const unmarked = structuredClone(enterpriseSelection) as Rubric;
    delete unmarked.gates[0]!.default;
    delete unmarked.gates[0]!.source;
    writeFileSync(join(root, 'unmarked.json'), JSON.stringify(unmarked));
    const r = run('rubric', 'check', 'unmarked.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gates.0: carries neither a source nor default: true');

    const missing = run('rubric', 'check', 'nowhere.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toContain('E_INTERNAL');
  });

  it('check passes every built-in template', () => {
    for (const t of RUBRIC_TEMPLATES) {
      const file = join(root, `template-${t.id}.json`);
      writeFileSync(file, JSON.stringify(t));
      const r = run('rubric', 'check', file, '--json');
      expect(r.status, `${t.id}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, id: t.id, stage: t.stage, appliesTo: t.appliesTo });
    }
  });

  it('xlsx writes a workbook and from-xlsx reads it back as the same rubric; a broken workbook is refused', () => {
    const src = join(root, 'src.json');
    writeFileSync(src, JSON.stringify(enterpriseSelection));
    const x = run('rubric', 'xlsx', src, '--out', 'book.xlsx');
    expect(x.status, x.stderr).toBe(0);
    expect(readFileSync(join(root, 'book.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const again = run('rubric', 'xlsx', src, '--out', 'book.xlsx');
    expect(again.status).toBe(2);
    const back = run('rubric', 'from-xlsx', 'book.xlsx', '--out', 'back.json', '--json');
    expect(back.status, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, id: enterpriseSelection.id, totalPoints: 100 });
    expect(JSON.parse(readFileSync(join(root, 'back.json'), 'utf8'))).toEqual(enterpriseSelection);

    writeFileSync(join(root, 'fake.xlsx'), 'not a workbook');
    const fake = run('rubric', 'from-xlsx', 'fake.xlsx', '--out', 'fake.json');
    expect(fake.status).toBe(1);
    expect(fake.stderr).toMatch(/^error E_RUBRIC_XLSX: /);
    expect(fake.stderr).not.toContain('E_INTERNAL');
  });
  it('diff lists what a rubric changes against its template, by element and field', () => {
    const out = join(root, 'diffed.json');
    expect(run('rubric', 'new', '--template', 'mic-selection-enterprise', '--out', out, '--id', 'sh-2026-diff').status).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as Rubric;
    const [a, b] = r.dimensions[0]!.criteria;
    a!.weight += 2;
    b!.weight -= 2;
    writeFileSync(out, JSON.stringify(r));
    const d = run('rubric', 'diff', out, '--json');
    expect(d.status, d.stderr).toBe(0);
    const { against, changes } = JSON.parse(d.stdout) as {
      against: string;
      changes: { change: string; kind: string; id: string; field?: string }[];
    };
    expect(against).toBe('mic-selection-enterprise');
    expect(changes.filter((c) => c.kind === 'criterion')).toEqual([
      expect.objectContaining({ change: 'changed', id: a!.id, field: 'weight', before: a!.weight - 2, after: a!.weight }),
      expect.objectContaining({ change: 'changed', id: b!.id, field: 'weight', before: b!.weight + 2, after: b!.weight }),
    ]);
    expect(run('rubric', 'diff', out).stdout).toContain(`criterion ${a!.id}.weight: ${a!.weight - 2} → ${a!.weight}`);
    const none = run('rubric', 'diff', out, '--against', 'no-such');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^error E_USAGE: .*no template no-such/);
  });
});
