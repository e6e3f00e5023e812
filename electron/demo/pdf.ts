/** Renders demo dossier PDFs (real, multi-page) with pdfkit and a CJK system font when one exists (`electron/pdf/fonts.ts`). */
import PDFDocument from 'pdfkit';
import { findCjkFont, type CjkFont } from '../pdf/fonts.ts';
import type { DemoApplication } from './applications.ts';

/** One PDF: A4, the CJK font when there is one; `draw` writes Chinese and English when it can, English alone otherwise. */
export function render(title: string, draw: (doc: PDFKit.PDFDocument, zh: boolean) => void, font: CjkFont | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Creator: 'ReviewDesk demo', CreationDate: new Date('2026-01-01T00:00:00Z') },
  });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  if (font) {
    doc.registerFont('body', font.path, font.name ?? '');
    doc.font('body');
  }
  draw(doc, font !== null);
  doc.end();
  return done;
}

/** The construction and operation plan (建设和运行方案), several pages. */
export function planPdf(app: DemoApplication, font = findCjkFont()): Promise<Buffer> {
  return render(
    `${app.name.en} — construction and operation plan`,
    (doc, zh) => {
      doc.fontSize(20).text(zh ? app.name['zh-CN'] : app.name.en, { align: 'center' });
      doc
        .moveDown(0.5)
        .fontSize(14)
        .text(zh ? '建设和运行方案' : 'Construction and operation plan', { align: 'center' });
      doc
        .moveDown()
        .fontSize(11)
        .text(`${zh ? '申报单位' : 'Applicant'}: ${zh ? app.organisation['zh-CN'] : app.organisation.en}`, { align: 'center' });
      doc.text(`${zh ? '领域' : 'Field'}: ${zh ? app.field['zh-CN'] : app.field.en}`, { align: 'center' });
      app.sections.forEach((s, i) => {
        doc.addPage();
        doc.fontSize(15).text(`${i + 1}. ${zh ? s.heading['zh-CN'] : s.heading.en}`);
        doc.moveDown(0.5).fontSize(11);
        for (const p of s.paragraphs) {
          if (zh) doc.text(p['zh-CN'], { lineGap: 4, indent: 22 }).moveDown(0.3);
          doc.text(p.en, { lineGap: 2 }).moveDown(0.6);
        }
      });
    },
    font,
  );
}

/** Supporting material: key figures and the alliance members. */
export function factsPdf(app: DemoApplication, font = findCjkFont()): Promise<Buffer> {
  return render(
    `${app.name.en} — supporting material`,
    (doc, zh) => {
      doc.fontSize(16).text(zh ? '佐证材料：主要指标' : 'Supporting material: key figures');
      doc.moveDown().fontSize(11);
      for (const f of app.facts) doc.text(`${zh ? f.label['zh-CN'] : f.label.en}: ${zh ? f.value['zh-CN'] : f.value.en}`).moveDown(0.3);
      doc
        .addPage()
        .fontSize(16)
        .text(zh ? '股东及联盟成员' : 'Shareholders and alliance members');
      doc.moveDown().fontSize(11);
      app.members.forEach((m, i) => doc.text(`${i + 1}. ${zh ? m['zh-CN'] : m.en}`).moveDown(0.2));
    },
    font,
  );
}
