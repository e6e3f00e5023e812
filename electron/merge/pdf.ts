/**
 * 专家组汇总表 (panel summary sheet) as PDF with pdfkit: the ranked table,
 * flags (gates, thresholds, disagreement, outlying experts), consensus
 * records, two vector charts — score distribution per application and spread
 * per criterion — and a signature line for every expert of the panel.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ApplicationResult, PanelResult } from '../../shared/merge/aggregate.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { findCjkFont } from '../demo/pdf.ts';
import { methodText, ordered } from './table.ts';

export interface PdfInput {
  result: PanelResult;
  rubric: Rubric;
  secretariat: { displayName: string; organisation: string };
  now?: Date;
}

const PAGE = { w: 841.89, h: 595.28 };
const M = { l: 42, r: 42, t: 52, b: 46 };
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#9aa3ad';
const ACCENT = '#8b1a1a';
const BAND_FILL: Record<string, string> = { excellent: '#e3efe0', good: '#eef4e4', pass: '#fbf5e0', fail: '#f8e5e3' };

/** Fixed decimals without trailing zeros: 84.50 → 84.5, 80.00 → 80. */
const fmt = (x: number | null, d = 2): string => {
  if (x === null) return '—';
  const s = x.toFixed(d);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

export async function resultPdf(input: PdfInput): Promise<Buffer> {
  const { result, rubric } = input;
  const now = input.now ?? new Date();
  const font = findCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: M.t, bottom: 0, left: M.l, right: M.r },
    bufferPages: true,
    info: { Title: `专家组汇总表 Panel summary — ${result.round.id}`, Creator: 'ReviewDesk 评审台', CreationDate: now },
  });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  const zh = font !== null;
  if (font) {
    doc.registerFont('body', font.path, font.name ?? '');
    const boldPath = font.path.replace('Regular', 'Bold');
    if (boldPath !== font.path && existsSync(boldPath)) doc.registerFont('bold', boldPath, font.name?.replace('Regular', 'Bold') ?? '');
    else doc.registerFont('bold', font.path, font.name ?? '');
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  /** Bilingual label: "中文 English", or English alone without a CJK font. */
  const t = (z: string, en: string): string => (zh ? `${z} ${en}` : en);
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));
  const W = PAGE.w - M.l - M.r;
  const bottom = PAGE.h - M.b;
  /** Options for one line of text cut to `width` with an ellipsis (pdfkit truncates to `height`). */
  const one = (width: number, align: 'left' | 'right' | 'center' = 'left'): PDFKit.Mixins.TextOptions => ({
    width,
    height: doc.currentLineHeight(true) * 1.05,
    ellipsis: true,
    align,
  });

  const heading = (text: string, size = 13): void => {
    doc.font('bold').fontSize(size).fillColor(INK).text(text, M.l, doc.y, { width: W });
    doc.moveDown(0.3);
  };
  const ensure = (h: number): void => {
    if (doc.y + h > bottom) doc.addPage();
  };

  // ---- Cover block
  doc
    .font('body')
    .fontSize(11)
    .fillColor(MUTED)
    .text(zh ? result.round.title['zh-CN'] : result.round.title.en, M.l, M.t, { width: W, align: 'center' });
  doc
    .moveDown(0.2)
    .font('bold')
    .fontSize(22)
    .fillColor(INK)
    .text(zh ? '专家组汇总表' : 'Panel summary sheet', { width: W, align: 'center' });
  if (zh) doc.font('body').fontSize(10).fillColor(MUTED).text('Panel summary sheet', { width: W, align: 'center' });
  doc.moveDown(0.6);
  const w = result.agreement.kendallW;
  const icc = result.agreement.icc;
  const info: [string, string][] = [
    [t('评分表', 'Rubric'), `${zh ? rubric.title['zh-CN'] : rubric.title.en}（${rubric.id} v${rubric.version}）`],
    [
      t('计分方法', 'Method'),
      `${methodText(result)}；${t('满分', 'out of')} ${rubric.totalPoints}，${t('合格线', 'pass mark')} ${rubric.passThreshold}`,
    ],
    [
      t('专家组', 'Panel'),
      `${result.experts.length} ${t('位专家', 'experts')}，${result.applications.length} ${t('个申报项目', 'applications')}，${result.experts.filter((e) => e.revision !== null).length} ${t('份有效评分包', 'bundles counted')}`,
    ],
    [
      t('一致性', 'Agreement'),
      `Kendall's W = ${w ? `${w.value.toFixed(3)}（${w.experts}×${w.applications}）` : '—'}；ICC(1) = ${icc ? `${icc.value.toFixed(3)}（${icc.ratings} ${t('个总分', 'totals')}）` : '—'}`,
    ],
    [t('生成时间', 'Generated'), `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC，${input.secretariat.displayName}`],
  ];
  const y0 = doc.y;
  info.forEach(([k, v], i) => {
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(INK)
      .text(k, M.l, y0 + i * 14, { width: 110, lineBreak: false });
    doc
      .font('body')
      .fontSize(9)
      .text(v, M.l + 112, y0 + i * 14, one(W - 112));
  });
  doc.y = y0 + info.length * 14 + 10;

  // ---- Ranked table
  const cols: {
    title: [string, string];
    w: number;
    align?: 'left' | 'right' | 'center';
    get: (a: ApplicationResult) => string;
    sub?: (a: ApplicationResult) => string;
  }[] = [
    { title: ['排名', 'Rank'], w: 40, align: 'center', get: (a) => (a.rank === null ? '—' : String(a.rank)) },
    { title: ['编号', 'ID'], w: 44, get: (a) => a.applicationId },
    {
      title: ['申报项目 / 牵头单位', 'Application / lead unit'],
      w: 196,
      get: (a) => (zh ? a.name['zh-CN'] : a.name.en),
      sub: (a) => (zh ? a.organisation['zh-CN'] : a.organisation.en),
    },
    { title: ['评分人数', 'Scored'], w: 50, align: 'center', get: (a) => `${a.experts.complete.length}/${a.experts.assigned.length}` },
    { title: ['得分', 'Score'], w: 46, align: 'right', get: (a) => fmt(a.total.value) },
    { title: ['最高', 'Max'], w: 38, align: 'right', get: (a) => fmt(a.total.max) },
    { title: ['最低', 'Min'], w: 38, align: 'right', get: (a) => fmt(a.total.min) },
    { title: ['标准差', 'SD'], w: 40, align: 'right', get: (a) => fmt(a.total.sd) },
    { title: ['等级', 'Grade'], w: 48, align: 'center', get: (a) => (a.grade ? (zh ? a.grade.label['zh-CN'] : a.grade.label.en) : '—') },
    {
      title: ['资格', 'Eligible'],
      w: 44,
      align: 'center',
      get: (a) => (a.gates.eligible ? (zh ? '符合' : 'yes') : zh ? '否决' : 'no'),
    },
    {
      title: ['推荐情况', 'Recommendations'],
      w: 112,
      get: (a) =>
        rubric.recommendations
          .filter((r) => (a.recommendations[r.id] ?? 0) > 0)
          .map((r) => `${zh ? r.label['zh-CN'] : r.label.en} ${a.recommendations[r.id]}`)
          .join('，') || '—',
    },
    { title: ['共识分', 'Consensus'], w: 0, align: 'right', get: (a) => (a.consensus?.score == null ? '—' : fmt(a.consensus.score)) },
  ];
  cols[cols.length - 1]!.w = W - cols.slice(0, -1).reduce((s, c) => s + c.w, 0);
  const tableHeader = (): void => {
    const y = doc.y;
    doc.rect(M.l, y, W, 26).fill('#e8ecf1');
    let x = M.l;
    for (const c of cols) {
      const [z, en] = c.title;
      const o = { width: c.w - 6, align: c.align ?? 'left', lineBreak: false } as const;
      if (zh) {
        doc
          .font('bold')
          .fontSize(8)
          .fillColor(INK)
          .text(z, x + 3, y + 4, o);
        doc
          .font('body')
          .fontSize(6.5)
          .fillColor(MUTED)
          .text(en, x + 3, y + 15, o);
      } else
        doc
          .font('bold')
          .fontSize(7.5)
          .fillColor(INK)
          .text(en, x + 3, y + 9, o);
      x += c.w;
    }
    doc.y = y + 26;
  };
  heading(t('一、评审结果（按排名）', '1. Results by rank'));
  tableHeader();
  ordered(result).forEach((a, i) => {
    const h = 24;
    if (doc.y + h > bottom) {
      doc.addPage();
      tableHeader();
    }
    const y = doc.y;
    if (i % 2) doc.rect(M.l, y, W, h).fill('#f6f7f9');
    if (!a.gates.eligible || a.passes === false) doc.rect(M.l, y, 2.5, h).fill(ACCENT);
    let x = M.l;
    for (const c of cols) {
      doc.font('body').fontSize(8.5).fillColor(INK);
      doc.text(c.get(a), x + 3, c.sub ? y + 3 : y + 8, one(c.w - 6, c.align));
      if (c.sub)
        doc
          .fontSize(7)
          .fillColor(MUTED)
          .text(c.sub(a), x + 3, y + 13.5, one(c.w - 6));
      x += c.w;
    }
    doc
      .moveTo(M.l, y + h)
      .lineTo(M.l + W, y + h)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + h;
  });
  doc.moveDown(0.8);

  // ---- Flags and consensus
  const bullet = (text: string): void => {
    doc.font('body').fontSize(8.5).fillColor(INK);
    const h = doc.heightOfString(text, { width: W - 14 });
    ensure(h + 2);
    doc.text('•', M.l + 2, doc.y, { continued: false, lineBreak: false });
    doc.text(text, M.l + 14, doc.y, { width: W - 14 });
    doc.moveDown(0.15);
  };
  ensure(60);
  heading(t('二、需要专家组注意的事项', "2. For the panel's attention"));
  const flags: string[] = [];
  for (const a of result.applications) {
    // One line per gate and reason, naming every expert who gave it.
    const groups = new Map<string, { criterionId: string; comment: string; who: string[] }>();
    for (const f of a.gates.failed) {
      const k = `${f.criterionId}\u0000${f.comment}`;
      const g = groups.get(k) ?? { criterionId: f.criterionId, comment: f.comment, who: [] };
      g.who.push(`${names.get(f.expertId) ?? f.expertId}（${f.expertId}）`);
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      flags.push(
        `${a.applicationId} ${t('资格否决', 'gate failed')} ${g.criterionId}：${g.who.join('、')}${g.comment ? ` — ${g.comment}` : ''}`,
      );
    }
    if (a.belowThresholds.length)
      flags.push(`${a.applicationId} ${t('单项未达门槛', 'below criterion threshold')}：${a.belowThresholds.join('、')}`);
    if (a.total.trimFellBack)
      flags.push(`${a.applicationId} ${t('有效评分人数不足，未去掉最高最低分，按平均分计', 'too few scores to trim; mean used')}`);
    for (const r of a.experts.recused)
      flags.push(`${a.applicationId} ${t('回避', 'recusal')}：${names.get(r.expertId) ?? r.expertId} — ${r.reason}`);
    if (a.experts.missing.length || a.experts.inProgress.length)
      flags.push(
        `${a.applicationId} ${t('评分未完成', 'incomplete')}：${[...a.experts.missing, ...a.experts.inProgress].map((id) => names.get(id) ?? id).join('、')}`,
      );
  }
  const flaggedCriteria = result.criteria.filter((c) => c.flagged.length);
  if (flaggedCriteria.length)
    flags.push(
      `${t('评分分歧较大', 'Strong disagreement')}：${flaggedCriteria.map((c) => `${c.criterionId}（${c.flagged.length}）`).join('、')}`,
    );
  for (const e of result.experts.filter((x) => x.outlier)) {
    flags.push(
      `${t('专家评分持续偏离专家组', 'Expert consistently off the panel')}：${e.displayName}（${e.expertId}）${e.outlier === 'lenient' ? t('偏宽', 'lenient') : t('偏严', 'harsh')} ${fmt(e.deviation.mean)}`,
    );
  }
  if (!flags.length) flags.push(t('无', 'None'));
  const shown = flags.slice(0, 60);
  shown.forEach(bullet);
  if (flags.length > shown.length)
    bullet(t(`另有 ${flags.length - shown.length} 条，见工作簿`, `${flags.length - shown.length} more in the workbook`));
  const consensus = result.applications.filter((a) => a.consensus);
  if (consensus.length) {
    doc.moveDown(0.5);
    ensure(40);
    heading(t('三、专家组意见（秘书记录）', '3. Consensus (recorded by the secretary)'));
    for (const a of consensus) {
      const c = a.consensus!;
      bullet(
        `${a.applicationId}${c.score === null ? '' : ` ${t('共识分', 'score')} ${fmt(c.score)}`}：${c.text}（${c.recordedBy}，${c.recordedAt.slice(0, 10)}）`,
      );
    }
  }

  // ---- Chart 1: score distribution per application
  const distribution = (apps: ApplicationResult[], first: boolean): void => {
    doc.addPage();
    heading(
      first ? t('图 1  各申报项目得分分布', 'Figure 1  Score distribution per application') : t('图 1（续）', 'Figure 1 (continued)'),
    );
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        t(
          '圆点：各专家总分；竖线：专家组得分；虚线：合格线；底色：等级区间',
          "dots: each expert's total; bar: panel score; dashed: pass mark; shading: grade bands",
        ),
        M.l,
        doc.y,
        { width: W },
      );
    const labelW = 190;
    const x0 = M.l + labelW;
    const x1 = M.l + W - 10;
    const top = doc.y + 8;
    const rowH = Math.min(20, (bottom - top - 30) / Math.max(apps.length, 1));
    const xs = (v: number): number => x0 + ((x1 - x0) * v) / rubric.totalPoints;
    const hgt = rowH * apps.length;
    const bands = [...rubric.gradeBands].sort((a, b) => a.min - b.min);
    bands.forEach((b, i) => {
      const hi = bands[i + 1]?.min ?? rubric.totalPoints;
      doc.rect(xs(b.min), top, xs(hi) - xs(b.min), hgt).fill(BAND_FILL[b.id] ?? '#f3f3f3');
      doc
        .font('body')
        .fontSize(7)
        .fillColor(MUTED)
        .text(zh ? b.label['zh-CN'] : b.label.en, xs(b.min), top + hgt + 14, { width: xs(hi) - xs(b.min), align: 'center' });
    });
    for (let v = 0; v <= rubric.totalPoints + 1e-9; v += rubric.totalPoints / 10) {
      doc
        .moveTo(xs(v), top)
        .lineTo(xs(v), top + hgt)
        .lineWidth(0.3)
        .strokeColor('#c9ced4')
        .stroke();
      doc
        .font('body')
        .fontSize(7)
        .fillColor(MUTED)
        .text(fmt(v, 0), xs(v) - 15, top + hgt + 3, { width: 30, align: 'center' });
    }
    doc
      .moveTo(xs(rubric.passThreshold), top - 2)
      .lineTo(xs(rubric.passThreshold), top + hgt + 2)
      .dash(3, { space: 2 })
      .lineWidth(0.9)
      .strokeColor(ACCENT)
      .stroke()
      .undash();
    apps.forEach((a, i) => {
      const cy = top + i * rowH + rowH / 2;
      doc
        .font('body')
        .fontSize(Math.min(8, rowH * 0.6))
        .fillColor(INK)
        .text(`${a.applicationId} ${zh ? a.name['zh-CN'] : a.name.en}`, M.l, cy - Math.min(8, rowH * 0.6) * 0.6, one(labelW - 8));
      doc.moveTo(x0, cy).lineTo(x1, cy).lineWidth(0.2).strokeColor('#dde1e6').stroke();
      const r = Math.max(1.2, Math.min(2.6, rowH * 0.16));
      for (const v of Object.values(a.expertTotals)) doc.circle(xs(v), cy, r).fillOpacity(0.55).fill('#2f5d8a').fillOpacity(1);
      if (a.total.value !== null) {
        doc
          .moveTo(xs(a.total.value), cy - rowH * 0.42)
          .lineTo(xs(a.total.value), cy + rowH * 0.42)
          .lineWidth(1.8)
          .strokeColor(ACCENT)
          .stroke();
      }
    });
    doc
      .rect(x0, top, x1 - x0, hgt)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = top + hgt + 30;
  };
  const rows = ordered(result);
  const perPage = 24;
  for (let i = 0; i < rows.length; i += perPage) distribution(rows.slice(i, i + perPage), i === 0);

  // ---- Chart 2: spread per criterion
  const spread = (list: PanelResult['criteria'], first: boolean): void => {
    doc.addPage();
    heading(first ? t('图 2  各评分项评分分歧', 'Figure 2  Spread per criterion') : t('图 2（续）', 'Figure 2 (continued)'));
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        t(
          `以分值范围的百分比表示。浅色条：各项目极差的平均；深色条：标准差的平均；菱形：最大极差；竖虚线：分歧限值（极差 ${result.options.limits.criterionRange * 100}%，标准差 ${result.options.limits.criterionSd * 100}%）`,
          `As % of the scale. Light bar: mean range; dark bar: mean SD; diamond: largest range; dashed: limits (range ${result.options.limits.criterionRange * 100}%, SD ${result.options.limits.criterionSd * 100}%)`,
        ),
        M.l,
        doc.y,
        { width: W },
      );
    const labelW = 230;
    const x0 = M.l + labelW;
    const x1 = M.l + W - 60;
    const top = doc.y + 8;
    const rowH = Math.min(18, (bottom - top - 24) / Math.max(list.length, 1));
    const hgt = rowH * list.length;
    const xs = (p: number): number => x0 + (x1 - x0) * Math.min(1, p);
    for (let p = 0; p <= 1 + 1e-9; p += 0.1) {
      doc
        .moveTo(xs(p), top)
        .lineTo(xs(p), top + hgt)
        .lineWidth(0.3)
        .strokeColor('#c9ced4')
        .stroke();
      doc
        .font('body')
        .fontSize(7)
        .fillColor(MUTED)
        .text(`${Math.round(p * 100)}%`, xs(p) - 15, top + hgt + 3, { width: 30, align: 'center' });
    }
    list.forEach((c, i) => {
      const y = top + i * rowH;
      const span = c.scale.max - c.scale.min;
      doc
        .font('body')
        .fontSize(Math.min(8, rowH * 0.55))
        .fillColor(INK)
        .text(`${c.criterionId} ${zh ? c.title['zh-CN'] : c.title.en}`, M.l, y + rowH / 2 - 4, one(labelW - 8));
      const range = (c.meanRange ?? 0) / span;
      const sd = (c.meanSd ?? 0) / span;
      doc.rect(x0, y + rowH * 0.18, xs(range) - x0, rowH * 0.64).fill('#b7c9dc');
      doc.rect(x0, y + rowH * 0.36, xs(sd) - x0, rowH * 0.28).fill('#2f5d8a');
      if (c.maxRange !== null) {
        const mx = xs(c.maxRange / span);
        const cy = y + rowH / 2;
        const d = Math.min(3.5, rowH * 0.3);
        doc.polygon([mx, cy - d], [mx + d, cy], [mx, cy + d], [mx - d, cy]).fill(ACCENT);
      }
      if (c.flagged.length)
        doc
          .font('bold')
          .fontSize(7)
          .fillColor(ACCENT)
          .text(`${c.flagged.length} ${t('项', 'apps')}`, x1 + 6, y + rowH / 2 - 4, { width: 54, lineBreak: false });
    });
    for (const [p, dash] of [
      [result.options.limits.criterionRange, 4],
      [result.options.limits.criterionSd, 1.5],
    ] as const) {
      doc
        .moveTo(xs(p), top - 2)
        .lineTo(xs(p), top + hgt + 2)
        .dash(dash, { space: 2 })
        .lineWidth(0.8)
        .strokeColor(ACCENT)
        .stroke()
        .undash();
    }
    doc
      .rect(x0, top, x1 - x0, hgt)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  };
  for (let i = 0; i < result.criteria.length; i += 26) spread(result.criteria.slice(i, i + 26), i === 0);

  // ---- Signatures
  doc.addPage();
  heading(t('专家组签名', 'Signatures of the expert panel'), 15);
  doc
    .font('body')
    .fontSize(9)
    .fillColor(INK)
    .text(
      t(
        '本表由评审台根据各位专家签名加密的评分包汇总生成，经专家组审阅无误后签字确认。',
        "This sheet was compiled by ReviewDesk from the experts' signed, encrypted score bundles; the panel signs it after review.",
      ),
      M.l,
      doc.y,
      { width: W },
    );
  doc.moveDown(0.8);
  const sigCols = [40, 170, 250, 200, W - 660];
  const sigHeader = (): void => {
    const y = doc.y;
    doc.rect(M.l, y, W, 20).fill('#e8ecf1');
    let x = M.l;
    [t('序号', 'No.'), t('专家', 'Expert'), t('单位', 'Organisation'), t('签名', 'Signature'), t('日期', 'Date')].forEach((h, i) => {
      doc
        .font('bold')
        .fontSize(8.5)
        .fillColor(INK)
        .text(h, x + 4, y + 6, one(sigCols[i]! - 8));
      x += sigCols[i]!;
    });
    doc.y = y + 20;
  };
  sigHeader();
  const signers = [
    ...result.experts.map((e, i) => [String(i + 1), `${e.displayName}（${e.expertId}）`, e.organisation]),
    ['', t('专家组组长', 'Panel chair'), ''],
    ['', t('秘书处', 'Secretariat'), `${input.secretariat.displayName}，${input.secretariat.organisation}`],
  ];
  for (const s of signers) {
    if (doc.y + 30 > bottom) {
      doc.addPage();
      sigHeader();
    }
    const y = doc.y;
    let x = M.l;
    s.forEach((v, i) => {
      doc
        .font('body')
        .fontSize(9)
        .fillColor(INK)
        .text(v, x + 4, y + 12, one(sigCols[i]! - 8));
      x += sigCols[i]!;
    });
    const sx = M.l + sigCols[0]! + sigCols[1]! + sigCols[2]!;
    doc
      .moveTo(sx + 6, y + 24)
      .lineTo(sx + sigCols[3]! - 10, y + 24)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
    doc
      .moveTo(sx + sigCols[3]! + 6, y + 24)
      .lineTo(M.l + W - 6, y + 24)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
    doc.y = y + 30;
  }

  // ---- Running header and footer on every page
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('body').fontSize(7.5).fillColor(MUTED);
    doc.text(`${t('专家组汇总表', 'Panel summary sheet')} · ${result.round.id}`, M.l, 24, { width: W / 2, lineBreak: false });
    doc.text(`${rubric.id} v${rubric.version}`, M.l + W / 2, 24, { width: W / 2, align: 'right', lineBreak: false });
    doc
      .moveTo(M.l, 36)
      .lineTo(M.l + W, 36)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.text(zh ? `第 ${i + 1} 页 / 共 ${range.count} 页` : `Page ${i + 1} of ${range.count}`, M.l, PAGE.h - 30, {
      width: W,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
