/**
 * Fonts for the PDFs pdfkit draws on the Node side (the demo dossiers and the
 * panel summary sheet): the first system font with Chinese glyphs, and the
 * `body` / `bold` pair a document registers. Without a CJK font the PDFs carry
 * their English text alone in Helvetica. Kept apart from both users so that
 * the merge does not reach into the demo for it.
 */
import { existsSync } from 'node:fs';

/** A font file and, inside a collection (`.ttc`), the PostScript name of the face to use. */
export interface CjkFont {
  path: string;
  name: string | undefined;
}

/** System fonts with Chinese glyphs: [file, PostScript name inside a collection]. */
const CJK_FONTS: [string, string | undefined][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  ['/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', undefined],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['C:\\Windows\\Fonts\\simhei.ttf', undefined],
  ['C:\\Windows\\Fonts\\msyh.ttc', 'MicrosoftYaHei'],
  ['/System/Library/Fonts/PingFang.ttc', 'PingFangSC-Regular'],
  ['/System/Library/Fonts/STHeiti Light.ttc', 'STHeitiSC-Light'],
];

/**
 * The first available CJK font, or null (PDFs then carry the English text
 * only). `REVIEWDESK_CJK_FONT` (and `REVIEWDESK_CJK_FONT_NAME` for a face in a
 * collection) names one to use first.
 */
export function findCjkFont(): CjkFont | null {
  const fromEnv = process.env.REVIEWDESK_CJK_FONT;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, name: process.env.REVIEWDESK_CJK_FONT_NAME };
  const hit = CJK_FONTS.find(([p]) => existsSync(p));
  return hit ? { path: hit[0], name: hit[1] } : null;
}

/**
 * Registers `body` and `bold` on `doc`: the CJK font and its Bold sibling file
 * when one lies beside it (else the regular face again), or Helvetica and
 * Helvetica-Bold without a CJK font.
 */
export function registerBodyAndBold(doc: PDFKit.PDFDocument, font: CjkFont | null): void {
  if (font) {
    doc.registerFont('body', font.path, font.name ?? '');
    const boldPath = font.path.replace('Regular', 'Bold');
    if (boldPath !== font.path && existsSync(boldPath)) doc.registerFont('bold', boldPath, font.name?.replace('Regular', 'Bold') ?? '');
    else doc.registerFont('bold', font.path, font.name ?? '');
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
}
