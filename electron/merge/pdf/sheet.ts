/**
 * The page and text conventions every section of the panel summary sheet
 * (专家组汇总表) shares: A4 landscape (or portrait, for a form) with fixed margins, the colours, number
 * formatting, bilingual labels, and a {@link Sheet} that carries the document
 * with its few text primitives (heading, one-line cell, bullet, page break).
 * Each section in this folder draws onto a Sheet; `../pdf.ts` puts them in
 * order.
 */
import PDFDocument from 'pdfkit';
import { registerBodyAndBold, type CjkFont } from '../../pdf/fonts.ts';

export const PAGE = { w: 841.89, h: 595.28 };
export const M = { l: 42, r: 42, t: 52, b: 46 };
export const INK = '#1a1a1a';
export const MUTED = '#666666';
export const RULE = '#9aa3ad';
export const ACCENT = '#8b1a1a';
/** The fill of a table's header band. */
export const HEADER_FILL = '#e8ecf1';

/** Fixed decimals without trailing zeros: 84.50 → 84.5, 80.00 → 80. */
export const fmt = (x: number | null, d = 2): string => {
  if (x === null) return '—';
  const s = x.toFixed(d);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

export type Align = 'left' | 'right' | 'center';

/** The document being drawn and what every section needs to draw on it. */
export interface Sheet {
  doc: PDFKit.PDFDocument;
  /** Page height (A4 landscape unless the sheet was opened in portrait). */
  H: number;
  /** A CJK font is registered: labels are bilingual and names are given in Chinese. */
  zh: boolean;
  /** Width between the margins. */
  W: number;
  /** The lowest y content may reach. */
  bottom: number;
  /** Bilingual label: "中文 English", or English alone without a CJK font. */
  t(z: string, en: string): string;
  /** Options for one line of text cut to `width` with an ellipsis (pdfkit truncates to `height`). */
  one(width: number, align?: Align): PDFKit.Mixins.TextOptions;
  /** A bold heading across the page at the current y. */
  heading(text: string, size?: number): void;
  /** A new page unless `h` more points fit below the current y. */
  ensure(h: number): void;
  /** One bulleted paragraph across the page, kept on one page. */
  bullet(text: string): void;
}

/** Starts the document (fonts registered, pages buffered for the running header) and resolves to its bytes once ended. */
export function openSheet(
  title: string,
  now: Date,
  font: CjkFont | null,
  layout: 'landscape' | 'portrait' = 'landscape',
): { sheet: Sheet; done: Promise<Buffer> } {
  const page = layout === 'landscape' ? PAGE : { w: PAGE.h, h: PAGE.w };
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: M.t, bottom: 0, left: M.l, right: M.r },
    bufferPages: true,
    info: { Title: title, Creator: 'ReviewDesk 评审台', CreationDate: now },
  });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  const zh = font !== null;
  registerBodyAndBold(doc, font);
  const W = page.w - M.l - M.r;
  const bottom = page.h - M.b;
  const sheet: Sheet = {
    doc,
    H: page.h,
    zh,
    W,
    bottom,
    t: (z, en) => (zh ? `${z} ${en}` : en),
    one: (width, align = 'left') => ({
      width,
      height: doc.currentLineHeight(true) * 1.05,
      ellipsis: true,
      align,
    }),
    heading: (text, size = 13) => {
      doc.font('bold').fontSize(size).fillColor(INK).text(text, M.l, doc.y, { width: W });
      doc.moveDown(0.3);
    },
    ensure: (h) => {
      if (doc.y + h > bottom) doc.addPage();
    },
    bullet: (text) => {
      doc.font('body').fontSize(8.5).fillColor(INK);
      const h = doc.heightOfString(text, { width: W - 14 });
      sheet.ensure(h + 2);
      doc.text('•', M.l + 2, doc.y, { continued: false, lineBreak: false });
      doc.text(text, M.l + 14, doc.y, { width: W - 14 });
      doc.moveDown(0.15);
    },
  };
  return { sheet, done };
}

/** The running header (`left`, `right`, a rule) and the page number, on every page drawn so far. */
export function runningHeader(s: Sheet, left: string, right: string): void {
  const { doc, W, zh } = s;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('body').fontSize(7.5).fillColor(MUTED);
    doc.text(left, M.l, 24, { width: W / 2, lineBreak: false });
    doc.text(right, M.l + W / 2, 24, { width: W / 2, align: 'right', lineBreak: false });
    doc
      .moveTo(M.l, 36)
      .lineTo(M.l + W, 36)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.text(zh ? `第 ${i + 1} 页 / 共 ${range.count} 页` : `Page ${i + 1} of ${range.count}`, M.l, s.H - 30, {
      width: W,
      align: 'center',
      lineBreak: false,
    });
  }
}

/** Draws `list` in slices of `per`, one call per slice (`first` for the first), e.g. a chart continued over pages. */
export function inSlices<T>(list: readonly T[], per: number, draw: (slice: T[], first: boolean) => void): void {
  for (let i = 0; i < list.length; i += per) draw(list.slice(i, i + per), i === 0);
}
