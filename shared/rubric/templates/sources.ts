/**
 * The programme documents the templates quote (`../shared/seeds/` in the
 * project's guide), and the one outside them that the assessment grades
 * follow. Each helper returns a `source` for a quoted line; the quote is the
 * seed's own text (full-width punctuation as printed).
 */
import type { Source } from '../model.ts';

export const DOC_MIIT_2016 = '001 工业和信息化部《关于完善制造业创新体系，推进制造业创新中心建设的指导意见》（工信部科〔2016〕273号）';
export const DOC_SHANGHAI = '003 上海市制造业创新中心建设工程实施方案';
export const DOC_MIIT_2018 = '工业和信息化部办公厅《制造业创新中心考核评估办法（暂行）》（工信厅科〔2018〕37号）';

/** A line of Shanghai's implementation plan (seed 003). */
export function shanghai(quote: string): Source {
  return { document: DOC_SHANGHAI, quote };
}

/** A line of MIIT's 2016 guidance (seed 001). */
export function miit2016(quote: string): Source {
  return { document: DOC_MIIT_2016, quote };
}

/** MIIT's 2018 assessment rules: outside the seeds, so marked so. */
export function miit2018(quote: string): Source {
  return { document: DOC_MIIT_2018, quote, outsideSeeds: true };
}
