/**
 * The two layouts the summary sheet's sections are built from, so that every
 * table pages and every chart scales the same way:
 *
 * - {@link drawTable}: columns of fixed widths across the page, a header band
 *   repeated on each page the rows run onto, one row of fixed height at a time.
 * - {@link plotArea} and its axis: a label column on the left, a plot to the
 *   right with one row per item, vertical grid lines with tick labels under
 *   the plot, dashed reference lines and a frame.
 */
import { HEADER_FILL, M, MUTED, RULE, type Sheet } from './sheet.ts';

export interface Column {
  w: number;
}

/** Gives the last column what the others leave of `width`. */
export function fillLastColumn(cols: Column[], width: number): void {
  const last = cols.at(-1);
  if (last) last.w = width - cols.slice(0, -1).reduce((s, c) => s + c.w, 0);
}

export interface TableSpec<C extends Column, R> {
  columns: readonly C[];
  headerHeight: number;
  /** One header cell; the band is already drawn. */
  headerCell: (c: C, x: number, y: number, index: number) => void;
  rowHeight: number;
  /** Drawn under a row's cells (stripes, marks). */
  rowBackground?: (r: R, i: number, y: number) => void;
  cell: (r: R, c: C, x: number, y: number, index: number) => void;
  /** Drawn over a row after its cells (rules, signature lines). */
  rowAfter?: (r: R, i: number, y: number) => void;
}

/** Draws the header at the current y, then the rows, starting a new page (with the header again) when a row does not fit. */
export function drawTable<C extends Column, R>(s: Sheet, spec: TableSpec<C, R>, rows: readonly R[]): void {
  const { doc, W } = s;
  const header = (): void => {
    const y = doc.y;
    doc.rect(M.l, y, W, spec.headerHeight).fill(HEADER_FILL);
    let x = M.l;
    spec.columns.forEach((c, k) => {
      spec.headerCell(c, x, y, k);
      x += c.w;
    });
    doc.y = y + spec.headerHeight;
  };
  header();
  const h = spec.rowHeight;
  rows.forEach((r, i) => {
    if (doc.y + h > s.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    spec.rowBackground?.(r, i, y);
    let x = M.l;
    spec.columns.forEach((c, k) => {
      spec.cell(r, c, x, y, k);
      x += c.w;
    });
    spec.rowAfter?.(r, i, y);
    doc.y = y + h;
  });
}

/** Where a chart's rows and plot lie on the page. */
export interface Plot {
  labelW: number;
  /** Left and right edge of the plot. */
  x0: number;
  x1: number;
  top: number;
  rowH: number;
  /** Height of all rows. */
  hgt: number;
}

/**
 * The plot below the current y: `labelW` for the row labels, `rightGap` left
 * free at the right, `reserve` kept under the rows for the tick labels, rows of
 * at most `maxRowH` shrunk to fit `rows` on the page.
 */
export function plotArea(s: Sheet, o: { labelW: number; rightGap: number; maxRowH: number; reserve: number; rows: number }): Plot {
  const x0 = M.l + o.labelW;
  const x1 = M.l + s.W - o.rightGap;
  const top = s.doc.y + 8;
  const rowH = Math.min(o.maxRowH, (s.bottom - top - o.reserve) / Math.max(o.rows, 1));
  return { labelW: o.labelW, x0, x1, top, rowH, hgt: rowH * o.rows };
}

/** Vertical grid lines at 0, `step`, … up to `max` (at `xs` of each), each labelled under the plot. */
export function gridLines(s: Sheet, p: Plot, max: number, step: number, xs: (v: number) => number, label: (v: number) => string): void {
  const { doc } = s;
  for (let v = 0; v <= max + 1e-9; v += step) {
    doc
      .moveTo(xs(v), p.top)
      .lineTo(xs(v), p.top + p.hgt)
      .lineWidth(0.3)
      .strokeColor('#c9ced4')
      .stroke();
    doc
      .font('body')
      .fontSize(7)
      .fillColor(MUTED)
      .text(label(v), xs(v) - 15, p.top + p.hgt + 3, { width: 30, align: 'center' });
  }
}

/** A dashed vertical reference line at `x`, a little taller than the rows. */
export function referenceLine(s: Sheet, p: Plot, x: number, dash: number, lineWidth: number, color: string): void {
  s.doc
    .moveTo(x, p.top - 2)
    .lineTo(x, p.top + p.hgt + 2)
    .dash(dash, { space: 2 })
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke()
    .undash();
}

/** The frame around the plot. */
export function frame(s: Sheet, p: Plot): void {
  s.doc
    .rect(p.x0, p.top, p.x1 - p.x0, p.hgt)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

/** A new page with a chart's heading and its one-paragraph key. */
export function chartPage(s: Sheet, title: string, key: string): void {
  s.doc.addPage();
  s.heading(title);
  s.doc.font('body').fontSize(8).fillColor(MUTED).text(key, M.l, s.doc.y, { width: s.W });
}
