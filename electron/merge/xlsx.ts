/**
 * The panel's workbook (exceljs): 汇总 summary, 完整性 completeness matrix,
 * 分歧 disagreement and agreement, 文件 file verdicts, and one sheet per expert
 * with every score they gave; with site visits, 现场考察 (every checklist answer) and 现场考察意见.
 */
import ExcelJS from 'exceljs';
import { cellAt, type Cell, type PanelResult, type RoundResult } from '../../shared/merge/aggregate.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import type { FullBundle } from '../../shared/merge/model.ts';
import type { FileVerdict } from '../../shared/merge/reconcile.ts';
import { scoredCriteria, weightedTotal, type Rubric } from '../../shared/rubric/model.ts';
import { CELL_LABEL, methodText, ordered, round2, summaryColumns, summaryRow } from './table.ts';
import { pick } from '../../shared/i18n-text.ts';
import { ITEM_RESULT_ZH, siteVisitsByApplication } from '../../shared/merge/visits.ts';

export interface WorkbookInput {
  result: RoundResult;
  ledger: Ledger;
  verdicts: FileVerdict[];
  accepted: Record<string, FullBundle>;
  now?: Date;
}

const FILL: Record<Cell, string> = {
  scored: 'FFD9EAD3',
  recused: 'FFFCE5CD',
  'in-progress': 'FFFFF2CC',
  missing: 'FFF4CCCC',
  'not-assigned': 'FFEFEFEF',
};

function header(ws: ExcelJS.Worksheet, row: number): void {
  const r = ws.getRow(row);
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', wrapText: true };
  r.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE3EC' } }));
}

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\, unique in the book. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base.slice(0, 27)} (${i})`;
  return name;
}

/** One rubric's sheets: its summary, completeness, disagreement and each of its experts' scores. */
function addGroup(wb: ExcelJS.Workbook, result: PanelResult, rubric: Rubric, accepted: Record<string, FullBundle>, prefix: string): void {
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));

  const sum = wb.addWorksheet(sheetName(wb, `${prefix}汇总 Summary`), { views: [{ state: 'frozen', ySplit: 5, xSplit: 3 }] });
  sum.addRow([`专家组汇总表 Panel summary — ${result.round.title['zh-CN']}`]).font = { bold: true, size: 14 };
  sum.addRow([
    `评分细则 Rubric: ${rubric.title['zh-CN']} (${rubric.id} v${rubric.version})；满分 ${rubric.totalPoints}，合格线 ${rubric.passThreshold}${rubric.scoring.default ? '；满分与合格线为默认值（组织单位可调整）' : ''}`,
  ]);
  sum.addRow([`计分方法 Method: ${methodText(result)}`]);
  sum.addRow([]);
  sum.addRow(summaryColumns(rubric));
  header(sum, 5);
  for (const a of ordered(result)) sum.addRow(summaryRow(a, rubric, (id) => names.get(id) ?? id));
  sum.columns.forEach((c, i) => (c.width = i === 2 || i === 3 ? 34 : i === summaryColumns(rubric).length - 1 ? 60 : 12));

  const comp = wb.addWorksheet(sheetName(wb, `${prefix}完整性 Completeness`), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const apps = result.applications.map((a) => a.applicationId);
  comp.addRow(['专家 Expert', '版本 Revision', ...apps, '已评', '回避', '进行中', '缺失']);
  header(comp, 1);
  for (const e of result.experts) {
    const row = comp.addRow([
      `${e.expertId} ${e.displayName}`,
      e.revision,
      ...apps.map((a) => CELL_LABEL[cellAt(e, a)]),
      e.counts.scored,
      e.counts.recused,
      e.counts['in-progress'],
      e.counts.missing,
    ]);
    apps.forEach((a, i) => (row.getCell(3 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[cellAt(e, a)] } }));
  }
  comp.getColumn(1).width = 18;

  const dis = wb.addWorksheet(sheetName(wb, `${prefix}分歧 Disagreement`));
  dis.addRow([
    '评分项 Criterion',
    '名称 Title',
    '分值范围 Scale',
    '平均极差 Mean range',
    '最大极差 Max range',
    '平均标准差 Mean SD',
    '分歧申报项目 Flagged applications',
  ]);
  header(dis, 1);
  for (const c of result.criteria) {
    dis.addRow([
      c.criterionId,
      c.title['zh-CN'],
      `${c.scale.min}–${c.scale.max}`,
      round2(c.meanRange),
      round2(c.maxRange),
      round2(c.meanSd),
      c.flagged.join(' '),
    ]);
  }
  dis.addRow([]);
  const eh = dis.addRow([
    '专家 Expert',
    '姓名 Name',
    '比较项目数 n',
    '平均偏差 Mean deviation',
    '平均绝对偏差 Mean |deviation|',
    '倾向 Tendency',
  ]);
  header(dis, eh.number);
  for (const e of result.experts) {
    dis.addRow([
      e.expertId,
      e.displayName,
      e.deviation.n,
      round2(e.deviation.mean),
      round2(e.deviation.meanAbsolute),
      e.outlier === 'lenient' ? '偏宽 lenient' : e.outlier === 'harsh' ? '偏严 harsh' : '',
    ]);
  }
  dis.addRow([]);
  const w = result.agreement.kendallW;
  const icc = result.agreement.icc;
  dis.addRow([
    "Kendall's W（排名一致性）",
    w ? Number(w.value.toFixed(4)) : '—',
    w ? `${w.experts} experts × ${w.applications} applications` : '',
  ]);
  dis.addRow([
    'ICC(1)（评分一致性，单评分人）',
    icc ? Number(icc.value.toFixed(4)) : '—',
    icc ? `${icc.applications} applications, ${icc.ratings} ratings, k0=${icc.k0.toFixed(2)}` : '',
  ]);
  dis.getColumn(2).width = 30;
  dis.getColumn(7).width = 40;

  const criteria = scoredCriteria(rubric).map((x) => x.criterion);
  for (const e of result.experts) {
    const ws = wb.addWorksheet(sheetName(wb, `${prefix}${e.expertId} ${e.displayName}`), {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
    });
    const b = accepted[e.expertId];
    ws.addRow([
      `${e.displayName}（${e.organisation}）指纹 ${e.fingerprint}`,
      b ? `第 ${b.revision} 版 revision ${b.revision}` : '未收到评分文件 no bundle received',
    ]).font = { bold: true };
    ws.addRow([]);
    const withComments = Boolean(b?.reviews.some((r) => r.comments));
    ws.addRow([
      '编号 ID',
      '状态 Status',
      ...criteria.flatMap((c) => (withComments ? [c.id, `${c.id} 意见`] : [c.id])),
      '总分 Total',
      '推荐 Recommendation',
      '专家意见 Opinion',
      '基本条件不符合 Eligibility conditions not met',
    ]);
    header(ws, 3);
    const byApp = new Map((b?.reviews ?? []).map((r) => [r.applicationId, r]));
    for (const a of result.applications) {
      if (e.cells[a.applicationId] === 'not-assigned') continue;
      const r = byApp.get(a.applicationId);
      const scores = Object.fromEntries(criteria.map((c) => [c.id, r?.scores[c.id] ?? undefined]));
      const t = weightedTotal(rubric, scores);
      ws.addRow([
        a.applicationId,
        CELL_LABEL[cellAt(e, a.applicationId)],
        ...criteria.flatMap((c) => {
          const v = r?.scores[c.id] ?? null;
          return withComments ? [v, r?.comments?.[c.id] ?? null] : [v];
        }),
        t.complete ? round2(t.total) : null,
        r?.recommendation ?? null,
        r?.status === 'recused' ? `回避：${r.conflictReason}` : (r?.opinion ?? null),
        (r?.gates ?? [])
          .filter((g) => g.score === 0)
          .map((g) => `${g.criterionId}${g.comment ? `（${g.comment}）` : ''}`)
          .join('; '),
      ]);
    }
    ws.getColumn(criteria.length * (withComments ? 2 : 1) + 5).width = 60;
  }
}

const FAILS_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4CCCC' } };

/**
 * 现场考察 Site visits: one row per application × expert × checklist item (failed items filled red), and
 * 现场考察意见 Site-visit opinions: one row per application × expert. Only when some expert visited.
 */
function addSiteVisits(wb: ExcelJS.Workbook, ledger: Ledger, accepted: Record<string, FullBundle>): void {
  const visits = siteVisitsByApplication(ledger, accepted);
  const apps = ledger.applications.filter((a) => visits[a.id]);
  if (!apps.length) return;
  const ws = wb.addWorksheet(sheetName(wb, '现场考察 Site visits'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.addRow([
    '申报编号 Application',
    '申报名称 Name',
    '专家 Expert',
    '考察日期 Date',
    '考察要点编号 Item',
    '考察要点 Checklist item',
    '结果 Result',
    '说明 Note',
  ]);
  header(ws, 1);
  for (const a of apps) {
    const v = visits[a.id]!;
    const titles = new Map(v.items.map((x) => [x.id, x.title['zh-CN']]));
    for (const e of v.experts) {
      for (const x of e.items) {
        const row = ws.addRow([
          a.id,
          a.name['zh-CN'],
          `${e.expertId} ${e.name}`,
          e.visitedAt,
          x.id,
          titles.get(x.id) ?? x.id,
          ITEM_RESULT_ZH[x.result],
          x.note,
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
        if (x.result === 'fails') {
          row.eachCell((c) => (c.fill = FAILS_FILL));
          row.getCell(7).font = { bold: true, color: { argb: 'FF9C0006' } };
        }
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  [10, 28, 16, 12, 10, 28, 9, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const op = wb.addWorksheet(sheetName(wb, '现场考察意见 Site-visit opinions'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  op.addRow([
    '申报编号 Application',
    '申报名称 Name',
    '专家 Expert',
    '考察日期 Date',
    '考察地点 Place',
    '不符合 Fails',
    '照片 Photos',
    '现场考察意见 Site-visit opinion',
    '考察记录 Notes',
  ]);
  header(op, 1);
  for (const a of apps) {
    for (const e of visits[a.id]!.experts) {
      const fails = e.items.filter((x) => x.result === 'fails').map((x) => x.id);
      const row = op.addRow([
        a.id,
        a.name['zh-CN'],
        `${e.expertId} ${e.name}`,
        e.visitedAt,
        e.place,
        fails.join(' '),
        e.photos.length,
        e.opinion,
        e.notes,
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      if (fails.length) row.getCell(6).fill = FAILS_FILL;
    }
  }
  [10, 28, 16, 12, 30, 12, 8, 60, 60].forEach((w, i) => (op.getColumn(i + 1).width = w));
}

/** The workbook: for a round of several rubrics, each rubric's sheets numbered in the ledger's order (1·, 2·…). */
export async function resultWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReviewDesk 评审台';
  wb.created = input.now ?? new Date();
  const many = input.result.groups.length > 1;
  input.result.groups.forEach((group, i) => {
    const rubric = input.ledger.rubrics[i]?.rubric;
    if (!rubric) throw new Error('internal: a result group without its rubric');
    addGroup(wb, group, rubric, input.accepted, many ? `${i + 1}·` : '');
  });
  addSiteVisits(wb, input.ledger, input.accepted);
  const files = wb.addWorksheet('文件 Files');
  files.addRow(['文件 File', '结论 Verdict', '代码 Code', '专家 Expert', '版本 Revision', '原因 Reason', 'SHA-256']);
  header(files, 1);
  for (const v of input.verdicts)
    files.addRow([v.file, v.status, v.code, v.expertId, v.revision, `${v.reason['zh-CN']} / ${pick(v.reason, 'en')}`, v.fileSha256]);
  files.getColumn(1).width = 40;
  files.getColumn(6).width = 60;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
