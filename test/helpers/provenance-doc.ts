/**
 * docs/rubric-provenance.md, generated from the built-in templates: for each
 * template, every gate, dimension, criterion, indicator row, grade band,
 * outcome and site-visit item with the seed line it comes from (document and
 * quote) or "default", then the numbers that are defaults. The test
 * test/unit/rubric-provenance-doc.test.ts compares the file with this output;
 * `UPDATE_PROVENANCE_DOC=1 npx vitest run test/unit/rubric-provenance-doc.test.ts`
 * rewrites it.
 */
import type { Provenance, Rubric } from '../../shared/rubric/model.ts';
import { scaleRange } from '../../shared/rubric/model.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function provenance(e: Provenance): string {
  if (!e.source) return e.default ? 'default' : '—';
  const s = e.source;
  const outside = s.outsideSeeds ? '（种子文件之外）' : '';
  const note = s.note ? `（${s.note['zh-CN']}）` : '';
  return `${s.document}${outside} — 「${s.quote}」${note}${e.default ? '；数值为默认值' : ''}`;
}

const STAGE = { selection: '遴选', annual: '年度评估', periodic: '三年定期考核' } as const;

function template(r: Rubric): string[] {
  const rows: [string, string, Provenance][] = [];
  for (const g of r.gates) rows.push([g.id, `${g.title['zh-CN']}（基本条件）`, g]);
  for (const d of r.dimensions) {
    rows.push([d.id, `${d.title['zh-CN']}（一级指标）`, d]);
    for (const c of d.criteria) {
      rows.push([c.id, c.title['zh-CN'], c]);
      for (const x of c.indicators ?? [])
        rows.push([`${c.id}/${x.id}`, `${x.label['zh-CN']}（指标行，${x.unit['zh-CN']}${x.lowerIsBetter ? '，越低越好' : ''}）`, x]);
    }
  }
  for (const b of r.gradeBands) rows.push([b.id, `${b.label['zh-CN']}（等级${b.consequence ? `：${b.consequence['zh-CN']}` : ''}）`, b]);
  for (const x of r.recommendations) rows.push([x.id, `${x.label['zh-CN']}（结论${x.additional ? '，附加' : ''}）`, x]);
  for (const s of r.siteVisit) rows.push([s.id, `${s.title['zh-CN']}（现场考察）`, s]);

  const numbers: string[] = [`total ${r.totalPoints}`, `pass mark ${r.passThreshold}`, `tie-break ${r.tieBreak.join(' > ')}`];
  for (const d of r.dimensions)
    for (const c of d.criteria) {
      const { min, max } = scaleRange(c.scale);
      numbers.push(`${c.id} weight ${c.weight}`);
      if (c.threshold !== undefined) numbers.push(`${c.id} threshold ${c.threshold}`);
      if (c.scale.kind === 'levels') for (const l of c.scale.levels) numbers.push(`${c.id}.${l.id} level ${l.min}–${l.max}`);
      else numbers.push(`${c.id} scale ${min}–${max}`);
    }
  for (const b of r.gradeBands) numbers.push(`${b.id} band min ${b.min}`);

  const weights = r.dimensions.map((d) => `${d.id} ${d.title['zh-CN']} ${d.criteria.reduce((s, c) => s + c.weight, 0)}`).join(' · ');
  return [
    `## ${r.id} — ${r.title['zh-CN']}`,
    '',
    `${STAGE[r.stage]} · ${r.appliesTo.join(', ')}${r.derivedFrom ? ` · derived from ${r.derivedFrom.id} v${r.derivedFrom.version}` : ''}`,
    '',
    `**Points per criterion group (defaults):** ${weights}`,
    '',
    '| id | title | source / default |',
    '| --- | --- | --- |',
    ...rows.map(([id, title, e]) => `| ${cell(id)} | ${cell(title)} | ${cell(provenance(e))} |`),
    '',
    `**Default numbers** (${r.scoring.default ? 'scoring default' : 'scoring sourced'}): ${numbers.join('; ')}`,
    '',
  ];
}

/** The whole document, unformatted (the test formats it with the project's prettier settings). */
export function provenanceDoc(templates: readonly Rubric[]): string {
  return [
    '# Provenance of the built-in rubric templates',
    '',
    'Generated from `shared/rubric/templates/` by `test/helpers/provenance-doc.ts` (the test `test/unit/rubric-provenance-doc.test.ts` keeps it true; `UPDATE_PROVENANCE_DOC=1 npx vitest run test/unit/rubric-provenance-doc.test.ts` rewrites it).',
    '',
    '"default" = from no programme document: the organiser may change it (shown as 默认值（组织单位可调整）). An element with both a quoted line and "数值为默认值" takes its wording from the seed and its numbers (points, thresholds, bands) are defaults. Quotes are the seed text word for word (003 and 001 as printed; 004 with its mojibake taken out, as its note says); a document marked 种子文件之外 is outside the seeds (MIIT 2018 assessment rules, quoted as public reports give them).',
    '',
    ...templates.flatMap(template),
  ].join('\n');
}
