/**
 * The programme documents the templates quote (`../shared/seeds/` in the
 * project's guide), and the one outside them that the assessment grades
 * follow. Each helper returns a `source` for a quoted line; the quote is the
 * seed's own text (full-width punctuation as printed). The tests check every
 * quote from a seed against its copy in test/fixtures/seeds/.
 */
import type { LocalizedText } from '../../i18n-text.ts';
import type { Source } from '../model.ts';

export const DOC_MIIT_2016 = '001 工业和信息化部《关于完善制造业创新体系，推进制造业创新中心建设的指导意见》（工信部科〔2016〕273号）';
export const DOC_SHANGHAI = '003 上海市制造业创新中心建设工程实施方案';
export const DOC_SHANXI = '004 山西省经信委《关于开展山西省省级制造业创新中心创建工作的实施方案》';
export const DOC_MIIT_2018 = '工业和信息化部办公厅《国家制造业创新中心考核评估办法（暂行）》（工信厅科〔2018〕37号）';

/** A line of Shanghai's implementation plan (seed 003), with an optional note on how the template uses it. */
export function shanghai(quote: string, note?: LocalizedText): Source {
  return { document: DOC_SHANGHAI, quote, ...(note ? { note } : {}) };
}

/** A line of MIIT's 2016 guidance (seed 001). */
export function miit2016(quote: string, note?: LocalizedText): Source {
  return { document: DOC_MIIT_2016, quote, ...(note ? { note } : {}) };
}

/**
 * The note every quote of MIIT's 2018 rules carries: the text is not among
 * the seeds, and the line is quoted as public reports of the rules give it.
 */
export const MIIT_2018_NOTE: LocalizedText = {
  'zh-CN': '该办法不在种子文件中；引文据公开报道对该办法的转述。',
  en: 'The rules are not among the seed documents; the line is quoted as public reports of the rules give it.',
};

/** MIIT's 2018 assessment rules: outside the seeds, so marked so. */
export function miit2018(quote: string): Source {
  return { document: DOC_MIIT_2018, quote, outsideSeeds: true, note: MIIT_2018_NOTE };
}

/** Seed 003's emphasis of assessment for the enterprise type: the dimensions the templates weigh heavier for it. */
export const ENTERPRISE_EMPHASIS =
  '创新中心(企业法人型)侧重考评行业关键共性技术研发、技术成果转移扩散和产业化、行业标准、现代企业管理制度和自我造血功能等方面';

/** Seed 003's emphasis of assessment for the non-enterprise type. */
export const NON_ENTERPRISE_EMPHASIS = '创新中心(非企业法人型)侧重考评对行业发展的支撑作用、行业技术服务、协同创新和开展国际合作等方面';

/** How a selection template uses the emphasis, which 003 states for assessment. */
export const EMPHASIS_FOR_SELECTION: LocalizedText = {
  'zh-CN': '实施方案将此侧重用于评估考核；本模板据此设定遴选的分值（默认值，组织单位可调整）。',
  en: 'The plan states this emphasis for assessment; this template sets the selection weights by it (defaults the organiser may change).',
};

/** How an assessment template uses the emphasis: the weight it gives is the template's. */
export const EMPHASIS_AS_WEIGHT: LocalizedText = {
  'zh-CN': '实施方案的考评侧重；本模板以较高分值体现（分值为默认值，组织单位可调整）。',
  en: "The plan's emphasis of assessment; this template gives it more points (the points are defaults the organiser may change).",
};
