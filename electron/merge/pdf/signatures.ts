/** The last page of the summary sheet: a line to sign and date for every expert of the panel, the panel chair and the secretariat. */
import type { PanelResult } from '../../../shared/merge/aggregate.ts';
import { drawTable, fillLastColumn } from './layout.ts';
import { INK, M, type Sheet } from './sheet.ts';

export function drawSignatures(s: Sheet, result: PanelResult, secretariat: { displayName: string; organisation: string }): void {
  const { doc, t, W } = s;
  doc.addPage();
  s.heading(t('专家组签名', 'Signatures of the expert panel'), 15);
  doc
    .font('body')
    .fontSize(9)
    .fillColor(INK)
    .text(
      t(
        '本表由评审台根据各位专家签名加密的评分文件汇总生成，经专家组审阅无误后签字确认。',
        "This sheet was compiled by ReviewDesk from the experts' signed, encrypted score bundles; the panel signs it after review.",
      ),
      M.l,
      doc.y,
      { width: W },
    );
  doc.moveDown(0.8);
  const cols = [
    { title: t('序号', 'No.'), w: 40 },
    { title: t('专家', 'Expert'), w: 170 },
    { title: t('单位', 'Organisation'), w: 250 },
    { title: t('签名', 'Signature'), w: 200 },
    { title: t('日期', 'Date'), w: 0 },
  ];
  fillLastColumn(cols, W);
  const [no, expert, org, sign] = cols.map((c) => c.w) as [number, number, number, number];
  const signers = [
    ...result.experts.map((e, i) => [String(i + 1), `${e.displayName}（${e.expertId}）`, e.organisation]),
    ['', t('专家组组长', 'Panel chair'), ''],
    ['', t('秘书处', 'Secretariat'), `${secretariat.displayName}，${secretariat.organisation}`],
  ];
  drawTable(
    s,
    {
      columns: cols,
      headerHeight: 20,
      headerCell: (c, x, y) => {
        doc
          .font('bold')
          .fontSize(8.5)
          .fillColor(INK)
          .text(c.title, x + 4, y + 6, s.one(c.w - 8));
      },
      rowHeight: 30,
      // The signature and date columns stay empty: a line to write on.
      cell: (row, c, x, y, k) => {
        const text = row[k];
        if (text === undefined) return;
        doc
          .font('body')
          .fontSize(9)
          .fillColor(INK)
          .text(text, x + 4, y + 12, s.one(c.w - 8));
      },
      rowAfter: (_row, _i, y) => {
        const sx = M.l + no + expert + org;
        doc
          .moveTo(sx + 6, y + 24)
          .lineTo(sx + sign - 10, y + 24)
          .lineWidth(0.6)
          .strokeColor(INK)
          .stroke();
        doc
          .moveTo(sx + sign + 6, y + 24)
          .lineTo(M.l + W - 6, y + 24)
          .lineWidth(0.6)
          .strokeColor(INK)
          .stroke();
      },
    },
    signers,
  );
}
