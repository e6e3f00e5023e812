/**
 * 现场考察记录表 (site-visit record): one expert's visit of one application as the expert's score file signed
 * it, printed for that expert to sign. An official Chinese sheet (docs: shared/guide/glossary.md): Chinese
 * only, A4 portrait, times in Beijing time, the running header and page numbers on every page. The header
 * (round, application and applicant, expert, date and place, attendees), every checklist item (考察要点) with
 * its result and note, the notes, the opinion (现场考察意见), the photos as thumbnails with caption, time taken
 * and time added and what they support, then the signature and date lines. Long texts run on over pages;
 * nothing is cut. Drawn on the summary sheet's page conventions (pdf/sheet.ts).
 *
 * Two sources: the expert's signed score file (the secretariat's print, {@link writeVisitSheets}), or the
 * expert's own workspace before the visit is sent (electron/visits/sheet.ts), stamped as a draft with the
 * time it was last saved and printed.
 */
import { ledgerRubric, type Ledger } from '../../shared/merge/ledger.ts';
import type { FullBundle } from '../../shared/merge/model.ts';
import { ITEM_RESULT_ZH, siteVisitsByApplication, type ExpertVisit, type VisitItemSummary } from '../../shared/merge/visits.ts';
import { scoredCriteria, type Rubric } from '../../shared/rubric/model.ts';
import { findCjkFont, type CjkFont } from '../pdf/fonts.ts';
import { beijingMinute } from './pdf/cover.ts';
import { openAcceptedPhotos, sheetThumbnail } from './visit-photos.ts';
import { ACCENT, HEADER_FILL, INK, M, MUTED, RULE, openSheet, runningHeader, type Sheet } from './pdf/sheet.ts';

/** The record a sheet prints: one expert's visit, with the expert's name. */
export type SheetVisit = Omit<ExpertVisit, 'revision' | 'fileSha256' | 'fingerprint'>;

/** Where the record comes from: the expert's signed score file, or the expert's workspace (a draft, not yet sent). */
export type VisitSheetSource =
  { kind: 'scoreFile'; revision: number; fileSha256: string } | { kind: 'draft'; /** When the visit was last saved. */ savedAt: string };

export interface VisitSheetInput {
  round: { id: string; title: string };
  application: { id: string; name: string; organisation: string };
  rubric: Rubric;
  /** The checklist's items in their order (the application's visits summary, or the rubric's checklist). */
  summary: { items: readonly Pick<VisitItemSummary, 'id' | 'title' | 'inRubric'>[] };
  visit: SheetVisit;
  source: VisitSheetSource;
  /** Small JPEGs by photo path; null (or absent) for a photo that does not decode. */
  thumbnails: ReadonlyMap<string, Buffer | null>;
  now?: Date;
  /** The CJK font; by default the first found on the system. */
  font?: CjkFont | null;
}

/** Its file name: `<application>-<expert>-现场考察记录表.pdf`. */
export function visitSheetFileName(applicationId: string, expertId: string): string {
  return `${applicationId}-${expertId}-现场考察记录表.pdf`;
}

const beijing = (iso: string): string => `${beijingMinute(new Date(iso))}（北京时间）`;

/** The longest prefix of `text` (in characters) whose height at `width` is at most `maxH`, in the current font. */
function fitting(doc: PDFKit.PDFDocument, text: string, width: number, maxH: number): number {
  if (doc.heightOfString(text, { width }) <= maxH) return text.length;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(text.slice(0, mid), { width }) <= maxH) lo = mid;
    else hi = mid - 1;
  }
  // Rather at a line break or a space than inside a word, when one is near.
  const cut = Math.max(text.lastIndexOf('\n', lo), text.lastIndexOf(' ', lo));
  return cut > lo - 40 && cut > 0 ? cut + 1 : Math.max(lo, 1);
}

/** Text across the page from the current y, running on to new pages; `size` in points. */
function flow(s: Sheet, text: string, size = 9.5, color = INK): void {
  const { doc, W } = s;
  doc.font('body').fontSize(size).fillColor(color);
  let rest = text.replace(/\r\n?/g, '\n');
  while (rest.length) {
    if (s.bottom - doc.y < doc.currentLineHeight(true) * 2) doc.addPage();
    const n = fitting(doc, rest, W, s.bottom - doc.y);
    doc.text(rest.slice(0, n).replace(/\n$/, ''), M.l, doc.y, { width: W });
    rest = rest.slice(n);
    if (rest.length) doc.addPage();
  }
}

interface Cell {
  text: string;
  w: number;
  font?: 'body' | 'bold';
  color?: string;
}

const PAD = 4;
const SIZE = 8.5;

/**
 * One table row of cells that wrap: as tall as its tallest cell. A row that does not fit below starts a new
 * page (with `header` again); one taller than a page is split, each part on its own page.
 */
function wrappedRow(s: Sheet, cells: Cell[], header: () => void, fill?: string): void {
  const { doc } = s;
  const heightOf = (c: Cell, text: string): number => {
    doc.font(c.font ?? 'body').fontSize(SIZE);
    return doc.heightOfString(text || ' ', { width: c.w - 2 * PAD });
  };
  // A whole page below the header: a row up to this tall moves to a new page rather than split.
  const page = s.bottom - M.t - 18;
  let texts = cells.map((c) => c.text);
  for (let first = true; first || texts.some((t) => t.length); first = false) {
    const need = Math.max(...cells.map((c, k) => heightOf(c, texts[k]!))) + 2 * PAD;
    if (doc.y + need > s.bottom && (need <= page || s.bottom - doc.y < 60)) {
      doc.addPage();
      header();
    }
    const avail = s.bottom - doc.y - 2 * PAD;
    const now = texts.map((t, k) => {
      const c = cells[k]!;
      doc.font(c.font ?? 'body').fontSize(SIZE);
      return t.slice(0, fitting(doc, t, c.w - 2 * PAD, avail));
    });
    const h = Math.max(...cells.map((c, k) => heightOf(c, now[k]!))) + 2 * PAD;
    const y = doc.y;
    if (fill) doc.rect(M.l, y, s.W, h).fill(fill);
    let x = M.l;
    cells.forEach((c, k) => {
      doc
        .font(c.font ?? 'body')
        .fontSize(SIZE)
        .fillColor(c.color ?? INK)
        .text(now[k]!, x + PAD, y + PAD, { width: c.w - 2 * PAD });
      x += c.w;
    });
    doc
      .moveTo(M.l, y + h)
      .lineTo(M.l + s.W, y + h)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + h;
    texts = texts.map((t, k) => t.slice(now[k]!.length));
    if (texts.some((t) => t.length)) {
      doc.addPage();
      header();
    }
  }
}

/** A section's heading, kept on one page with the first `keep` points of what follows. */
function section(s: Sheet, title: string, keep = 60): void {
  s.ensure(keep + 30);
  s.doc.moveDown(0.8);
  s.doc.font('bold').fontSize(11).fillColor(INK).text(title, M.l, s.doc.y, { width: s.W });
  s.doc.moveDown(0.3);
}

function facts(s: Sheet, rows: [string, string][]): void {
  const { doc, W } = s;
  const label = 70;
  for (const [k, v] of rows) {
    doc.font('body').fontSize(9.5);
    const h = doc.heightOfString(v || '—', { width: W - label });
    s.ensure(h + 4);
    const y = doc.y;
    doc.font('bold').fillColor(INK).text(`${k}：`, M.l, y, { width: label, lineBreak: false });
    doc
      .font('body')
      .fillColor(INK)
      .text(v || '—', M.l + label, y, { width: W - label });
    doc.y = Math.max(doc.y, y + h) + 3;
  }
}

function checklist(s: Sheet, input: VisitSheetInput): void {
  const { doc, W } = s;
  const v = input.visit;
  const cols = { no: 28, item: 150, result: 48 };
  const noteW = W - cols.no - cols.item - cols.result;
  const header = (): void => {
    const y = doc.y;
    doc.rect(M.l, y, W, 18).fill(HEADER_FILL);
    let x = M.l;
    for (const [head, w] of [
      ['序号', cols.no],
      ['考察要点', cols.item],
      ['结果', cols.result],
      ['说明', noteW],
    ] as const) {
      doc
        .font('bold')
        .fontSize(8.5)
        .fillColor(INK)
        .text(head, x + PAD, y + 5, { width: w - 2 * PAD, lineBreak: false });
      x += w;
    }
    doc.y = y + 18;
  };
  s.ensure(60);
  header();
  const answers = new Map(v.items.map((x) => [x.id, x]));
  input.summary.items.forEach((item, i) => {
    const a = answers.get(item.id);
    const fails = a?.result === 'fails';
    wrappedRow(
      s,
      [
        { text: String(i + 1), w: cols.no },
        { text: `${item.title['zh-CN']}${item.inRubric ? '' : `（${item.id}，评分细则中没有此项）`}`, w: cols.item },
        {
          text: a ? ITEM_RESULT_ZH[a.result] : '未填写',
          w: cols.result,
          font: fails ? 'bold' : 'body',
          color: fails ? ACCENT : a ? INK : MUTED,
        },
        { text: a?.note ?? '', w: noteW },
      ],
      header,
      fails ? '#fbeaea' : undefined,
    );
  });
  const n = (r: 'meets' | 'fails' | 'na'): number => v.items.filter((x) => x.result === r).length;
  doc.moveDown(0.3);
  doc
    .font('body')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `共 ${input.summary.items.length} 项：符合 ${n('meets')} 项，不符合 ${n('fails')} 项，不适用 ${n('na')} 项${
        input.summary.items.length > v.items.length ? `，未填写 ${input.summary.items.length - v.items.length} 项` : ''
      }。`,
      M.l,
      doc.y,
      { width: W },
    );
}

function photos(s: Sheet, input: VisitSheetInput): void {
  const { doc, W } = s;
  const v = input.visit;
  const gap = 16;
  const w = (W - gap) / 2;
  const imgH = Math.round((w * 3) / 4);
  const items = new Map(input.summary.items.map((x) => [x.id, x.title['zh-CN']]));
  const criteria = new Map<string, string>([
    ...input.rubric.gates.map((g) => [g.id, g.title['zh-CN']] as const),
    ...scoredCriteria(input.rubric).map(({ criterion: c }) => [c.id, c.title['zh-CN']] as const),
  ]);
  type Line = { text: string; size: number; bold?: boolean; color?: string; lead?: string };
  const lines = (p: SheetVisit['photos'][number], i: number): Line[] => [
    { text: `照片 ${i + 1}\u3000${p.caption.trim() || '（无说明）'}`, size: 8.5, bold: true, lead: `照片 ${i + 1}\u3000` },
    { text: `拍摄时间：${p.takenAt ? beijing(p.takenAt) : '照片未记录'}`, size: 8 },
    { text: `添加时间：${beijing(p.addedAt)}`, size: 8 },
    {
      text: `对应考察要点：${p.itemIds.length ? p.itemIds.map((id) => `${id} ${items.get(id) ?? ''}`.trim()).join('；') : '—'}`,
      size: 8,
    },
    {
      text: `对应评分指标：${p.criterionIds.length ? p.criterionIds.map((id) => `${id} ${criteria.get(id) ?? ''}`.trim()).join('；') : '—'}`,
      size: 8,
    },
    { text: `${p.path}\u3000SHA-256 ${p.sha256.slice(0, 16)}…`, size: 7, color: MUTED },
  ];
  const textHeight = (p: SheetVisit['photos'][number], i: number): number =>
    lines(p, i).reduce((h, l) => {
      doc.font(l.bold ? 'bold' : 'body').fontSize(l.size);
      return h + doc.heightOfString(l.text, { width: w }) + 1.5;
    }, 0);
  for (let i = 0; i < v.photos.length; i += 2) {
    const pair = v.photos.slice(i, i + 2);
    const h = imgH + 6 + Math.max(...pair.map((p, k) => textHeight(p, i + k)));
    s.ensure(h + 10);
    const y = doc.y;
    pair.forEach((p, k) => {
      const x = M.l + k * (w + gap);
      doc.rect(x, y, w, imgH).fill('#f4f5f7');
      const thumb = input.thumbnails.get(p.path);
      if (thumb) doc.image(thumb, x, y, { fit: [w, imgH], align: 'center', valign: 'center' });
      else
        doc
          .font('body')
          .fontSize(9)
          .fillColor(MUTED)
          .text('照片无法显示（文件已核对 SHA-256）', x, y + imgH / 2 - 6, { width: w, align: 'center' });
      doc.rect(x, y, w, imgH).lineWidth(0.4).strokeColor(RULE).stroke();
      let ty = y + imgH + 6;
      for (const l of lines(p, i + k)) {
        doc.fontSize(l.size).fillColor(l.color ?? INK);
        // The photo's number in bold, its caption (the expert's words) in the body face.
        if (l.lead) doc.font('bold').text(l.lead, x, ty, { width: w, continued: true }).font('body').text(l.text.slice(l.lead.length));
        else doc.font(l.bold ? 'bold' : 'body').text(l.text, x, ty, { width: w });
        ty = doc.y + 1.5;
      }
    });
    doc.y = y + h + 10;
  }
}

function signatures(s: Sheet): void {
  const { doc, W } = s;
  s.ensure(80);
  doc.moveDown(1.2);
  doc.font('body').fontSize(9.5).fillColor(INK).text('本人确认以上现场考察记录属实。', M.l, doc.y, { width: W });
  doc.moveDown(1.6);
  const y = doc.y;
  const half = W / 2;
  for (const [k, label] of ['专家签名', '日期'].entries()) {
    const x = M.l + k * half;
    doc.font('body').fontSize(10).fillColor(INK).text(`${label}：`, x, y, { width: 70, lineBreak: false });
    doc
      .moveTo(x + (k === 0 ? 62 : 36), y + 13)
      .lineTo(x + half - 24, y + 13)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
  }
  doc.y = y + 26;
}

export async function visitSheetPdf(input: VisitSheetInput): Promise<Buffer> {
  const title = '现场考察记录表';
  const now = input.now ?? new Date();
  const v = input.visit;
  const src = input.source;
  const draft = src.kind === 'draft';
  const { sheet: s, done } = openSheet(
    `${title}${draft ? '（草稿）' : ''} — ${input.application.id} ${v.expertId}`,
    now,
    input.font === undefined ? findCjkFont() : input.font,
    'portrait',
  );
  const { doc, W } = s;
  doc.font('bold').fontSize(18).fillColor(INK).text(title, M.l, M.t, { width: W, align: 'center' });
  if (draft) {
    // A draft says so under its title: what the expert prints before sending is not yet the signed record.
    doc.moveDown(0.2);
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(ACCENT)
      .text(`专家草稿\u3000最后保存 ${beijing(src.savedAt)}\u3000打印 ${beijingMinute(now)}（北京时间）`, M.l, doc.y, {
        width: W,
        align: 'center',
      });
  }
  doc.moveDown(0.8);
  facts(s, [
    ['评审批次', `${input.round.title}（${input.round.id}）`],
    ['申报名称', `${input.application.name}（${input.application.id}）`],
    ['申报单位', input.application.organisation],
    ['考察专家', `${v.name}（${v.expertId}）${v.organisation ? `，${v.organisation}` : ''}`],
    ['考察日期', v.visitedAt],
    ['考察地点', v.place],
    ['参加人员', v.attendees.map((a) => (a.role.trim() ? `${a.name}（${a.role}）` : a.name)).join('；')],
  ]);

  section(s, '一、考察要点');
  checklist(s, input);

  section(s, '二、考察情况记录');
  flow(s, v.notes.trim() || '（无）');

  section(s, '三、现场考察意见');
  flow(s, v.opinion.trim() || '（未填写）');

  // The heading stays with the first row of photos (a thumbnail is about a quarter of the page).
  section(s, `四、现场照片（${v.photos.length} 张）`, v.photos.length ? 270 : 60);
  if (v.photos.length) photos(s, input);
  else flow(s, '（无）');

  signatures(s);
  s.ensure(30);
  doc
    .font('body')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      draft
        ? `本表为专家草稿，由评审台根据本机工作区中最后保存于 ${beijing(src.savedAt)} 的现场考察记录生成，尚未随评分文件签名提交，以提交的评分文件为准；照片的 SHA-256 为添加时登记的值。打印时间 ${beijingMinute(now)}（北京时间）。`
        : `本表由评审台根据专家签名加密的评分文件生成（第 ${src.revision} 版，文件 SHA-256 前 16 位 ${src.fileSha256.slice(0, 16)}），内容与评分文件一致；照片已逐一核对评分文件登记的 SHA-256。生成时间 ${beijingMinute(now)}（北京时间）。`,
      M.l,
      doc.y,
      { width: W },
    );
  runningHeader(
    s,
    `${title}${draft ? '（草稿）' : ''}\u3000${input.round.title}`,
    `${input.application.id}\u3000${v.name}（${v.expertId}）`,
  );
  doc.end();
  return done;
}

/** Which sheets to make: every visit, or one application's, one expert's, or one expert's of one application. */
export interface VisitSheetChoice {
  applicationId?: string;
  expertId?: string;
}

/**
 * Makes the 现场考察记录表 of the accepted score files' visits, one per application and expert, handing each to
 * `write` as it is made. Each expert's file is opened once (its photos read from it one at a time, checked
 * against their signed SHA-256, turned into thumbnails and let go), so at most one decrypted file and one
 * sheet's thumbnails are held at a time. `pathOf` says where an accepted file lies. Returns how many were made.
 */
export async function writeVisitSheets(
  ledger: Ledger,
  accepted: Readonly<Record<string, FullBundle>>,
  ageIdentity: string,
  pathOf: (b: FullBundle) => string,
  write: (fileName: string, pdf: Buffer, which: { applicationId: string; expertId: string }) => Promise<void>,
  choice: VisitSheetChoice = {},
  now = new Date(),
): Promise<number> {
  const visits = siteVisitsByApplication(ledger, accepted);
  let made = 0;
  for (const expertId of Object.keys(accepted).sort()) {
    if (choice.expertId !== undefined && choice.expertId !== expertId) continue;
    const b = accepted[expertId]!;
    const apps = ledger.applications.filter(
      (a) =>
        (choice.applicationId === undefined || choice.applicationId === a.id) && visits[a.id]?.experts.some((e) => e.expertId === expertId),
    );
    if (!apps.length) continue;
    const photos = await openAcceptedPhotos(
      { path: pathOf(b), fileSha256: b.fileSha256, contentSha512: b.contentSha512, sshPublicKey: b.expert.sshPublicKey },
      ageIdentity,
    );
    for (const a of apps) {
      const summary = visits[a.id]!;
      const visit = summary.experts.find((e) => e.expertId === expertId)!;
      const thumbnails = new Map<string, Buffer | null>();
      for (const p of visit.photos) thumbnails.set(p.path, await sheetThumbnail(await photos.photo(p), p.rotation ?? 0));
      const pdf = await visitSheetPdf({
        round: { id: ledger.round.id, title: ledger.round.title['zh-CN'] },
        application: { id: a.id, name: a.name['zh-CN'], organisation: a.organisation['zh-CN'] },
        rubric: ledgerRubric(ledger, a.id),
        summary,
        visit,
        source: { kind: 'scoreFile', revision: visit.revision, fileSha256: visit.fileSha256 },
        thumbnails,
        now,
      });
      await write(visitSheetFileName(a.id, expertId), pdf, { applicationId: a.id, expertId });
      made++;
    }
  }
  return made;
}
