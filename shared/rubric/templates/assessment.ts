/**
 * The assessment templates for designated manufacturing innovation centres:
 * the annual evaluation (年度评估) and the three-year periodic assessment
 * (三年定期考核), each for the enterprise type and the non-enterprise type.
 *
 * D1–D6 are the six assessment contents of the Shanghai plan (seed 003);
 * D7 is what the centre reports against its targets and how it is run: the
 * year's indicators (annual), or the goals of the construction plan over the
 * three years, the whole construction period (periodic). The plan's emphasis
 * for each type is carried by the weights, which are defaults:
 *
 *   enterprise     行业关键共性技术研发 (D1.1), 技术成果转移扩散和产业化 (D2.1),
 *                  行业标准 (D1.3), 现代企业管理制度 (D7), 自我造血功能 (D2.3)
 *   non-enterprise 对行业发展的支撑作用 (D3), 行业技术服务 (D3.1), 协同创新 (D5),
 *                  开展国际合作 (D6)
 *
 * The criteria are written once, in `assessment-shared.ts`; this file sets
 * the points. Grades 优秀 / 良好 / 合格 / 不合格 follow MIIT's 2018 rules
 * (outside the seeds); their 90 / 75 / 60 minimums are defaults.
 */
import type { ApplicationCategory, Criterion, Rubric } from '../model.ts';
import { gradeBands } from './builders.ts';
import {
  CONTENTS,
  FAIL_CONSEQUENCE,
  type Period,
  assessmentGates,
  assessmentRecommendations,
  assessmentSiteVisit,
  breakthroughs,
  collaborationDimension,
  commercialisation,
  constructionTasks,
  goalsDimension,
  gradesSource,
  indicatorsMet,
  intellectualProperty,
  internationalDimension,
  internationalExchange,
  internationalProjects,
  jointIp,
  jointWork,
  keyTechnologyDimension,
  leadingTalent,
  management,
  openSharing,
  pilotVerification,
  roadmap,
  selfSustaining,
  staffDevelopment,
  standards,
  supportDimension,
  talentDimension,
  technicalServices,
  transferDimension,
} from './assessment-shared.ts';
import { EMPHASIS_AS_WEIGHT, ENTERPRISE_EMPHASIS, NON_ENTERPRISE_EMPHASIS, miit2018, shanghai } from './sources.ts';

/** The points of every criterion of one template (D7.3 only in the periodic ones). */
interface Weights {
  'D1.1': number;
  'D1.2': number;
  'D1.3': number;
  'D2.1': number;
  'D2.2': number;
  'D2.3': number;
  'D3.1': number;
  'D3.2': number;
  'D3.3': number;
  'D4.1': number;
  'D4.2': number;
  'D5.1': number;
  'D5.2': number;
  'D6.1': number;
  'D6.2': number;
  'D7.1': number;
  'D7.2': number;
  'D7.3'?: number;
}

/** Enterprise type, annual: D1 25, D2 22, D3 12, D4 8, D5 8, D6 5, D7 20. */
const ANNUAL_ENTERPRISE: Weights = {
  'D1.1': 12, 'D1.2': 6, 'D1.3': 7,
  'D2.1': 10, 'D2.2': 4, 'D2.3': 8,
  'D3.1': 5, 'D3.2': 4, 'D3.3': 3,
  'D4.1': 5, 'D4.2': 3,
  'D5.1': 5, 'D5.2': 3,
  'D6.1': 3, 'D6.2': 2,
  'D7.1': 12, 'D7.2': 8,
}; // prettier-ignore

/** Non-enterprise type, annual: D1 16, D2 13, D3 23, D4 8, D5 14, D6 12, D7 14. */
const ANNUAL_NON_ENTERPRISE: Weights = {
  'D1.1': 8, 'D1.2': 4, 'D1.3': 4,
  'D2.1': 6, 'D2.2': 4, 'D2.3': 3,
  'D3.1': 12, 'D3.2': 6, 'D3.3': 5,
  'D4.1': 5, 'D4.2': 3,
  'D5.1': 9, 'D5.2': 5,
  'D6.1': 7, 'D6.2': 5,
  'D7.1': 10, 'D7.2': 4,
}; // prettier-ignore

/** Enterprise type, periodic: D1 24, D2 21, D3 11, D4 8, D5 7, D6 5, D7 24. */
const PERIODIC_ENTERPRISE: Weights = {
  'D1.1': 11, 'D1.2': 6, 'D1.3': 7,
  'D2.1': 10, 'D2.2': 4, 'D2.3': 7,
  'D3.1': 5, 'D3.2': 3, 'D3.3': 3,
  'D4.1': 5, 'D4.2': 3,
  'D5.1': 4, 'D5.2': 3,
  'D6.1': 3, 'D6.2': 2,
  'D7.1': 10, 'D7.2': 8, 'D7.3': 6,
}; // prettier-ignore

/** Non-enterprise type, periodic: D1 14, D2 12, D3 21, D4 7, D5 13, D6 11, D7 22. */
const PERIODIC_NON_ENTERPRISE: Weights = {
  'D1.1': 7, 'D1.2': 4, 'D1.3': 3,
  'D2.1': 6, 'D2.2': 3, 'D2.3': 3,
  'D3.1': 11, 'D3.2': 5, 'D3.3': 5,
  'D4.1': 4, 'D4.2': 3,
  'D5.1': 8, 'D5.2': 5,
  'D6.1': 6, 'D6.2': 5,
  'D7.1': 10, 'D7.2': 8, 'D7.3': 4,
}; // prettier-ignore

const TYPE = {
  enterprise: { zh: '企业法人型', en: 'enterprise legal person type', id: 'enterprise' },
  'non-enterprise': { zh: '非企业法人型', en: 'non-enterprise legal person type', id: 'nonenterprise' },
} as const;

const STAGE = {
  annual: { zh: '年度评估', en: 'annual evaluation' },
  periodic: { zh: '三年定期考核', en: 'three-year periodic assessment' },
} as const;

/** The dimension's source: 003's emphasis for this type where the dimension is one, else the assessment contents. */
function emphasis(category: ApplicationCategory, emphasised: boolean): { source: ReturnType<typeof shanghai> } {
  if (!emphasised) return { source: shanghai(CONTENTS) };
  return { source: shanghai(category === 'enterprise' ? ENTERPRISE_EMPHASIS : NON_ENTERPRISE_EMPHASIS, EMPHASIS_AS_WEIGHT) };
}

function description(p: Period, category: ApplicationCategory): Rubric['description'] {
  const ent = category === 'enterprise';
  const scope =
    p === 'annual'
      ? {
          zh: '创新中心每年提交运行发展报告和定量定性指标完成情况，专家组据此并结合现场核查，对照本年度目标逐项打分。',
          en: 'Each year the centre submits an operation and development report with the completion of its quantitative and qualitative indicators; the expert group scores each criterion against the goals for the year, from the report and an on-site check.',
        }
      : {
          zh: '考核期为三年，覆盖整个建设期：专家组依据考核期内各年度运行发展报告和三年建设总结，结合现场核查，对照建设方案逐项评价建设目标是否实现，并逐项打分。',
          en: 'The period is three years and covers the whole construction period: from the yearly operation and development reports and the three-year construction summary, and an on-site check, the expert group judges against the construction plan whether its goals were met, and scores each criterion.',
        };
  const focus = ent
    ? {
        zh: '企业法人型侧重考评行业关键共性技术研发、技术成果转移扩散和产业化、行业标准、现代企业管理制度和自我造血功能，本模板以较高分值体现。',
        en: 'For the enterprise type the emphasis is on R&D of key common technologies, transfer and industrialisation, industry standards, a modern enterprise management system and self-sustaining income; this template gives them more points.',
      }
    : {
        zh: '非企业法人型侧重考评对行业发展的支撑作用、行业技术服务、协同创新和开展国际合作，本模板以较高分值体现。',
        en: 'For the non-enterprise type the emphasis is on support to the industry, technical services to the industry, collaborative innovation and international cooperation; this template gives them more points.',
      };
  return {
    'zh-CN': `适用于已认定的制造业创新中心（${TYPE[category].zh}）的${STAGE[p].zh}。${scope.zh}评估考核主要内容包括：关键共性技术成果数量及质量、技术成果转移扩散和产业化、对行业发展的支撑作用、人才队伍建设、协同创新以及开展国际合作情况。${focus.zh}结果分为优秀、良好、合格和不合格四个等级（工信厅科〔2018〕37号）；满分100分、各项分值及90/75/60分的等级分界均为默认值（组织单位可调整）。不合格的限期整改（一年），整改期满后现场复核。评估考核结果是推荐申报国家级制造业创新中心的重要参考依据。`,
    en: `For the ${STAGE[p].en} of designated manufacturing innovation centres of the ${TYPE[category].en}. ${scope.en} The assessment covers the number and quality of key common technology results, transfer, diffusion and industrialisation of results, support to the development of the industry, the talent team, collaborative innovation and international cooperation. ${focus.en} Grades are excellent, good, pass and fail (MIIT's 2018 assessment rules, General Office document No. 37 of 2018); the 100-point total, every weight and the cut-offs of 90, 75 and 60 are defaults the organiser may change. A failing centre must rectify within one year, after which it is checked again on site. The results are an important basis for recommending a centre for national status.`,
  };
}

/** One assessment template: the shared criteria with this template's points. */
function assessmentTemplate(p: Period, category: ApplicationCategory, w: Weights): Rubric {
  const ent = category === 'enterprise';
  const pts = (id: keyof Weights): { weight: number } => {
    const weight = w[id];
    if (weight === undefined) throw new Error(`no weight for ${id}`);
    return { weight };
  };
  const d7: Criterion[] =
    p === 'annual'
      ? [indicatorsMet(p, pts('D7.1')), management(p, category, pts('D7.2'))]
      : [indicatorsMet(p, pts('D7.1')), constructionTasks(pts('D7.2')), management(p, category, pts('D7.3'))];
  return {
    schemaVersion: 2,
    id: `mic-${p}-${TYPE[category].id}`,
    version: 1,
    title: {
      'zh-CN': `制造业创新中心评估考核（${STAGE[p].zh}，${TYPE[category].zh}）`,
      en: `Manufacturing innovation centre assessment (${STAGE[p].en}, ${TYPE[category].en})`,
    },
    description: description(p, category),
    appliesTo: [category],
    stage: p,
    sources: [
      shanghai('评估考核分为年度评估和三年定期考核。'),
      shanghai(ent ? ENTERPRISE_EMPHASIS : NON_ENTERPRISE_EMPHASIS),
      miit2018('创新中心的考评结果分为优秀、良好、合格、不合格四类。'),
    ],
    gates: assessmentGates(p, category),
    dimensions: [
      keyTechnologyDimension(
        [breakthroughs(p, pts('D1.1')), intellectualProperty(p, pts('D1.2')), standards(p, pts('D1.3'))],
        emphasis(category, ent),
      ),
      transferDimension(
        [commercialisation(p, pts('D2.1')), pilotVerification(p, pts('D2.2')), selfSustaining(p, category, pts('D2.3'))],
        emphasis(category, ent),
      ),
      supportDimension([technicalServices(p, pts('D3.1')), roadmap(p, pts('D3.2')), openSharing(p, pts('D3.3'))], emphasis(category, !ent)),
      talentDimension([leadingTalent(p, pts('D4.1')), staffDevelopment(p, pts('D4.2'))], emphasis(category, false)),
      collaborationDimension([jointWork(p, pts('D5.1')), jointIp(p, pts('D5.2'))], emphasis(category, !ent)),
      internationalDimension([internationalProjects(p, pts('D6.1')), internationalExchange(p, pts('D6.2'))], emphasis(category, !ent)),
      goalsDimension(p, d7),
    ],
    totalPoints: 100,
    passThreshold: 60,
    gradeBands: gradeBands({ source: gradesSource(), failConsequence: FAIL_CONSEQUENCE }),
    recommendations: assessmentRecommendations(),
    // Ties are broken by the type's emphasis first (defaults, as the scoring is).
    tieBreak: ent ? ['D1', 'D2', 'D7'] : ['D3', 'D5', 'D6'],
    scoring: { default: true },
    siteVisit: assessmentSiteVisit(p, category),
  };
}

export const annualEnterprise: Rubric = assessmentTemplate('annual', 'enterprise', ANNUAL_ENTERPRISE);
export const annualNonEnterprise: Rubric = assessmentTemplate('annual', 'non-enterprise', ANNUAL_NON_ENTERPRISE);
export const periodicEnterprise: Rubric = assessmentTemplate('periodic', 'enterprise', PERIODIC_ENTERPRISE);
export const periodicNonEnterprise: Rubric = assessmentTemplate('periodic', 'non-enterprise', PERIODIC_NON_ENTERPRISE);
