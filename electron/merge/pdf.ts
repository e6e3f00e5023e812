/**
 * 专家组汇总表 (panel summary sheet) as PDF with pdfkit: the ranked table,
 * flags (gates, thresholds, disagreement, outlying experts), consensus
 * records, two vector charts — score distribution per application and spread
 * per criterion — and a signature line for every expert of the panel.
 *
 * Each section is drawn by its own module in `pdf/`, on the shared page and
 * text conventions of `pdf/sheet.ts`; tables and charts share the layouts of
 * `pdf/layout.ts`. This file puts them in order.
 */
import type { PanelResult } from '../../shared/merge/aggregate.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { findCjkFont, type CjkFont } from '../pdf/fonts.ts';
import { drawCover } from './pdf/cover.ts';
import { drawDistribution } from './pdf/distribution.ts';
import { drawConsensus, drawFlags } from './pdf/flags.ts';
import { drawRanking } from './pdf/ranking.ts';
import { openSheet, runningHeader } from './pdf/sheet.ts';
import { drawSignatures } from './pdf/signatures.ts';
import { drawSpread } from './pdf/spread.ts';

export interface PdfInput {
  result: PanelResult;
  rubric: Rubric;
  secretariat: { displayName: string; organisation: string };
  now?: Date;
  /** The CJK font, or null for an English-only sheet in Helvetica; by default the first found on the system. */
  font?: CjkFont | null;
}

export async function resultPdf(input: PdfInput): Promise<Buffer> {
  const { result, rubric } = input;
  const now = input.now ?? new Date();
  const font = input.font === undefined ? findCjkFont() : input.font;
  const { sheet, done } = openSheet(`专家组汇总表 Panel summary — ${result.round.id}`, now, font);
  drawCover(sheet, result, rubric, input.secretariat, now);
  drawRanking(sheet, result, rubric);
  drawFlags(sheet, result);
  drawConsensus(sheet, result);
  drawDistribution(sheet, result, rubric);
  drawSpread(sheet, result);
  drawSignatures(sheet, result, input.secretariat);
  runningHeader(sheet, `${sheet.t('专家组汇总表', 'Panel summary sheet')} · ${result.round.id}`, `${rubric.id} v${rubric.version}`);
  sheet.doc.end();
  return done;
}
