/**
 * The issue sheet (评审包发放单) the secretariat prints when it sends the review packages: who gets which package,
 * and each expert's key fingerprint, to be read to the expert over the phone before the package is sent. An
 * official Chinese sheet: Chinese only, times in Beijing time, page numbers and the running header on every
 * page, rows never split, signature lines for who issued and who checked. Drawn with the summary sheet's layout
 * (electron/merge/pdf/).
 */
import { findCjkFont } from '../pdf/fonts.ts';
import type { RoundHead } from './round.ts';
import { beijingMinute } from '../merge/pdf/cover.ts';
import { drawTable, fillLastColumn, type Column } from '../merge/pdf/layout.ts';
import { INK, M, MUTED, RULE, openSheet, runningHeader } from '../merge/pdf/sheet.ts';

export interface IssueSheetPackage {
  expertId: string;
  name: string;
  organisation: string;
  fingerprint: string;
  fileName: string;
  packageId: string;
  sha256: string;
  size: number;
  applications: string[];
  /** The packageId this one replaces. */
  supersedes?: string;
}

export interface IssueSheetInput {
  round: { id: string; title: string };
  secretariat: { displayName: string; organisation: string; fingerprint: string };
  createdAt: Date;
  packages: IssueSheetPackage[];
}

/** Its file name beside the packages. */
export const ISSUE_SHEET_FILE = '评审包发放单.pdf';

/** The sheet's input for packages just written from a round. */
export function issueSheetInput(
  head: RoundHead,
  secretariat: { displayName: string; organisation: string; fingerprint: string },
  results: { expertId: string; packageId: string; sha256: string; size: number; supersedes?: string }[],
): IssueSheetInput {
  return {
    round: { id: head.round.round.id, title: head.round.round.title['zh-CN'] },
    secretariat,
    createdAt: new Date(),
    packages: results.map((p) => {
      const e = head.round.experts.find((x) => x.id === p.expertId);
      const card = head.cards.get(p.expertId);
      return {
        expertId: p.expertId,
        name: e?.name ?? card?.displayName ?? p.expertId,
        organisation: e?.organisation ?? card?.organisation ?? '',
        fingerprint: card?.fingerprint ?? '',
        fileName: `${p.expertId}.rpkg`,
        packageId: p.packageId,
        sha256: p.sha256,
        size: p.size,
        applications: head.round.assignments[p.expertId] ?? [],
        ...(p.supersedes ? { supersedes: p.supersedes } : {}),
      };
    }),
  };
}

interface Col extends Column {
  head: string;
  text: (p: IssueSheetPackage, i: number) => string;
  mono?: boolean;
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function issueSheetPdf(input: IssueSheetInput): Promise<Buffer> {
  const title = '评审包发放单';
  const { sheet: s, done } = openSheet(`${title} — ${input.round.id}`, input.createdAt, findCjkFont());
  const { doc, W } = s;
  doc.font('bold').fontSize(16).fillColor(INK).text(title, M.l, M.t, { width: W, align: 'center' });
  doc.moveDown(0.4);
  doc.font('body').fontSize(9).fillColor(INK);
  const facts: [string, string][] = [
    ['评审批次', `${input.round.title}（${input.round.id}）`],
    ['生成时间', `${beijingMinute(input.createdAt)}（北京时间）`],
    ['组织单位', `${input.secretariat.organisation}\u3000${input.secretariat.displayName}`],
    ['秘书处公钥指纹', input.secretariat.fingerprint],
    ['评审包数', `${input.packages.length} 个`],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font('bold').text(`${k}：`, M.l, y, { width: 90, lineBreak: false });
    doc.font('body').text(v, M.l + 90, y, { width: W - 90, lineBreak: false, ellipsis: true });
    doc.y = y + 14;
  }
  doc.moveDown(0.3);
  doc
    .font('body')
    .fontSize(8.5)
    .fillColor(INK)
    .text(
      '发送前请逐一致电专家，宣读下表中的公钥指纹，请专家核对其本人「我的公钥卡片」页面显示的指纹。指纹不一致的，该评审包不得发送或使用，应重新获取专家的公钥卡片后重新生成。评审包已加密，只有对应专家本人能够打开；文件编号和 SHA-256 可用于核对收到的文件是否完整。',
      M.l,
      doc.y,
      { width: W },
    );
  doc.moveDown(0.5);

  const cols: Col[] = [
    { w: 30, head: '序号', text: (_p, i) => String(i + 1) },
    { w: 52, head: '专家编号', text: (p) => p.expertId },
    { w: 62, head: '姓名', text: (p) => p.name },
    { w: 112, head: '工作单位', text: (p) => p.organisation },
    { w: 122, head: '公钥指纹（电话核对）', text: (p) => p.fingerprint, mono: true },
    { w: 70, head: '评审包文件', text: (p) => p.fileName },
    { w: 112, head: '申报（数量：编号）', text: (p) => `${p.applications.length}：${p.applications.join('、')}` },
    {
      w: 84,
      head: '评审包编号',
      text: (p) => (p.supersedes ? `${p.packageId.slice(0, 8)}\n替代 ${p.supersedes.slice(0, 8)}` : p.packageId.slice(0, 8)),
    },
    { w: 0, head: 'SHA-256 前 16 位 / 大小', text: (p) => `${p.sha256.slice(0, 16)}\n${mib(p.size)}` },
  ];
  fillLastColumn(cols, W);
  const pad = 4;
  drawTable(
    s,
    {
      columns: cols,
      headerHeight: 18,
      headerCell: (c, x, y) => {
        doc
          .font('bold')
          .fontSize(8)
          .fillColor(INK)
          .text(c.head, x + pad, y + 5, { width: c.w - 2 * pad, lineBreak: false, ellipsis: true });
      },
      rowHeight: 34,
      cell: (p, c, x, y) => {
        const i = input.packages.indexOf(p);
        doc
          .font(c.mono ? 'bold' : 'body')
          .fontSize(c.mono ? 8.5 : 8)
          .fillColor(INK)
          // Text from files stays inside its cell: at most two lines, cut with an ellipsis.
          .text(c.text(p, i), x + pad, y + 4, { width: c.w - 2 * pad, height: 27, ellipsis: true });
      },
      rowAfter: (_p, _i, y) => {
        doc
          .moveTo(M.l, y + 34)
          .lineTo(M.l + W, y + 34)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
      },
    },
    input.packages,
  );

  // Signature lines, kept together on one page.
  s.ensure(70);
  doc.moveDown(1.5);
  const y = doc.y;
  const third = W / 3;
  for (const [k, label] of ['发放人（签字）', '复核人（签字）', '日期'].entries()) {
    const x = M.l + k * third;
    doc
      .font('body')
      .fontSize(9)
      .fillColor(INK)
      .text(`${label}：`, x, y, { width: third - 10, lineBreak: false });
    doc
      .moveTo(x + 80, y + 12)
      .lineTo(x + third - 20, y + 12)
      .lineWidth(0.5)
      .strokeColor(MUTED)
      .stroke();
  }
  doc.y = y + 24;
  runningHeader(s, `${title}\u3000${input.round.title}`, `评审批次 ${input.round.id}`);
  doc.end();
  return done;
}
