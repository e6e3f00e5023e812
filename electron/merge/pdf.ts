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
import type { PanelResult, RoundResult } from '../../shared/merge/aggregate.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import { findCjkFont, type CjkFont } from '../pdf/fonts.ts';
import { pick } from '../../shared/i18n-text.ts';
import { drawCombined } from './pdf/combined.ts';
import { drawCover } from './pdf/cover.ts';
import { drawDistribution } from './pdf/distribution.ts';
import { drawConsensus, drawFlags } from './pdf/flags.ts';
import { drawRanking } from './pdf/ranking.ts';
import { openSheet, runningHeader } from './pdf/sheet.ts';
import { drawSignatures } from './pdf/signatures.ts';
import { drawSpread } from './pdf/spread.ts';

export interface PdfInput {
  result: RoundResult;
  ledger: Ledger;
  secretariat: { displayName: string; organisation: string };
  now?: Date;
  /** The CJK font, or null for an English-only sheet in Helvetica; by default the first found on the system. */
  font?: CjkFont | null;
}

/** Every expert of the round once, for the signatures page (the groups share the panel). */
function panelOf(result: RoundResult): PanelResult {
  const first = result.groups[0]!;
  const experts = new Map(result.groups.flatMap((g) => g.experts.map((e) => [e.expertId, e] as const)));
  return { ...first, experts: [...experts.values()] };
}

export async function resultPdf(input: PdfInput): Promise<Buffer> {
  const { result, ledger } = input;
  const first = result.groups[0];
  if (!first) throw new Error('internal: a round result without a rubric');
  const now = input.now ?? new Date();
  const font = input.font === undefined ? findCjkFont() : input.font;
  const { sheet, done } = openSheet(`专家组汇总表 Panel summary — ${first.round.id}`, now, font);
  // One section per rubric, each opening with its own cover: applications of different rubrics are never ranked together.
  result.groups.forEach((group, i) => {
    const rubric = ledger.rubrics[i]!.rubric;
    if (i > 0) sheet.doc.addPage();
    drawCover(sheet, group, rubric, input.secretariat, now);
    drawRanking(sheet, group, rubric);
    drawFlags(sheet, group);
    drawConsensus(sheet, group);
    drawDistribution(sheet, group, rubric);
    drawSpread(sheet, group);
  });
  if (result.combined) {
    const titles = new Map(ledger.rubrics.map(({ rubric }) => [rubric.id, sheet.zh ? rubric.title['zh-CN'] : pick(rubric.title, 'en')]));
    drawCombined(sheet, result.combined, result.groups, (id) => titles.get(id) ?? id);
  }
  drawSignatures(sheet, panelOf(result), input.secretariat);
  runningHeader(
    sheet,
    `${sheet.t('专家组汇总表', 'Panel summary sheet')} · ${first.round.id}`,
    ledger.rubrics.map((r) => `${r.rubric.id} v${r.rubric.version}`).join(' · '),
  );
  sheet.doc.end();
  return done;
}
