/**
 * What the four assessment templates (annual evaluation 年度评估 and
 * three-year periodic assessment 三年定期考核, each for the enterprise and
 * the non-enterprise type) have in common, written once: the basic
 * conditions, every criterion, the indicator rows, the outcomes and the
 * site-visit checks. Each builder takes the period (`annual` | `periodic`),
 * and where the wording differs the category, and the points the template
 * gives the criterion; it returns a fresh object, so no two templates share
 * one. The templates themselves (`assessment.ts`) set the weights.
 *
 * Text follows the Shanghai plan (seed 003) and MIIT 2016 No. 273 (seed 001),
 * each criterion quoting the line it comes from; the grades and the
 * consequence of failing follow MIIT's 2018 assessment rules (outside the
 * seeds). Every number (points, thresholds, level bands, grade minimums) is a
 * default the organiser may change.
 */
import type { LocalizedText } from '../../i18n-text.ts';
import type { ApplicationCategory, Criterion, IndicatorRow, Rubric } from '../model.ts';
import { fourLevels, gate, points10, points5 } from './builders.ts';
import { miit2016, miit2018, shanghai } from './sources.ts';

/** The two assessment stages: the annual evaluation and the three-year periodic assessment. */
export type Period = 'annual' | 'periodic';

type Dimension = Rubric['dimensions'][number];
type SiteVisitItem = Rubric['siteVisit'][number];
type Recommendation = Rubric['recommendations'][number];
/** What each template sets for a criterion: its points. */
export interface Points {
  weight: number;
}

/** "In the period": the year assessed, or the three years of the periodic assessment. */
export function inPeriod(p: Period): { zh: string; en: string } {
  return p === 'annual' ? { zh: '评估年度内', en: 'in the year assessed' } : { zh: '三年考核期内', en: 'over the three-year period' };
}

/** What the results are measured against. */
function goals(p: Period): { zh: string; en: string } {
  return p === 'annual'
    ? { zh: '对照技术路线图和年度目标', en: 'Against the roadmap and the goals for the year' }
    : { zh: '对照建设方案确定的三年目标和技术路线图', en: 'Against the three-year goals of the construction plan and the roadmap' };
}

/** Seed 003: the six assessment contents, the line every dimension D1–D6 comes from. */
export const CONTENTS =
  '评估考核主要内容:创新中心关键共性技术成果数量及质量、技术成果转移扩散和产业化、对行业发展的支撑作用、人才队伍建设、协同创新以及开展国际合作情况等。';

const REPORT_LINE = '创新中心每年需提交运行发展报告和定量定性指标完成情况。';

// ─── Basic conditions ────────────────────────────────────────────────────────

/** Basic conditions G1–G7: a designated centre still meets them, or the assessment stops there. */
export function assessmentGates(p: Period, category: ApplicationCategory): Criterion[] {
  const ent = category === 'enterprise';
  const P = inPeriod(p);
  return [
    gate({
      id: 'G1',
      title: { 'zh-CN': '运行发展报告', en: 'Operation and development report' },
      guidance:
        p === 'annual'
          ? {
              'zh-CN':
                '创新中心应按时提交本年度运行发展报告和定量定性指标完成情况，内容完整，主要数据附有佐证材料。未按时提交或严重缺项的，不满足本条件。',
              en: 'The centre must submit on time its operation and development report for the year with the completion of its quantitative and qualitative indicators, complete and with supporting evidence for the main figures. A late or seriously incomplete report fails this condition.',
            }
          : {
              'zh-CN':
                '创新中心应已按时提交考核期内每一年度的运行发展报告和定量定性指标完成情况，以及三年建设总结（对照建设方案逐项说明目标完成情况），主要数据附有佐证材料。缺少任一年度报告或建设总结的，不满足本条件。',
              en: 'The centre must have submitted on time the operation and development report with indicator completion for every year of the period, and a three-year construction summary setting out, goal by goal, what the construction plan set and what was achieved, with supporting evidence for the main figures. A missing annual report or summary fails this condition.',
            },
      evidenceHint:
        p === 'annual'
          ? {
              'zh-CN': '年度运行发展报告、定量定性指标完成情况表',
              en: 'Annual operation and development report; table of indicator completion',
            }
          : {
              'zh-CN': '考核期内各年度运行发展报告、三年建设总结、建设方案',
              en: 'Operation and development reports of each year of the period; three-year construction summary; construction plan',
            },
      source: shanghai(REPORT_LINE),
    }),
    gate({
      id: 'G2',
      title: { 'zh-CN': '法人资格与运行模式', en: 'Legal status and operating model' },
      guidance: ent
        ? {
            'zh-CN': `创新中心（企业法人型）的股份制独立法人资格存续，仍按“公司+联盟”模式运行。${P.zh}组织形式、注册地或主要股东发生重大变更的，应已按规定报告。`,
            en: `The centre (enterprise type) must still exist as a joint-stock independent legal person and still be run on the "company + alliance" model. Any major change ${P.en} in legal form, place of registration or main shareholders must have been reported as required.`,
          }
        : {
            'zh-CN': `创新中心（非企业法人型）的非企业法人资格存续，仍按“非企业法人+联盟”模式运行。${P.zh}组织形式、登记地或主要发起单位发生重大变更的，应已按规定报告。`,
            en: `The centre (non-enterprise type) must still exist as a non-enterprise legal person and still be run on the "non-enterprise legal person + alliance" model. Any major change ${P.en} in legal form, place of registration or main founding units must have been reported as required.`,
          },
      evidenceHint: ent
        ? { 'zh-CN': '营业执照、公司章程、变更登记材料', en: 'Business licence; articles of association; records of registered changes' }
        : {
            'zh-CN': '法人登记证书、章程、变更登记材料',
            en: 'Legal person registration certificate; charter; records of registered changes',
          },
      source: shanghai(
        ent
          ? '创新中心(企业法人型)是指由企业、科研院所、高校、社会组织等各类创新主体,以股份制独立法人形式组建企业主体,采取“公司+联盟”模式运行的新型创新载体。'
          : '创新中心(非企业法人型)是指由企业、科研院所、高校、社会组织等各类创新主体,以非企业法人形式组建研究型社团主体,采取“非企业法人+联盟”模式运行的新型创新载体。',
      ),
    }),
    gate({
      id: 'G3',
      title: { 'zh-CN': '骨干企业参与', en: 'Participation of leading firms' },
      guidance: ent
        ? {
            'zh-CN': `股东中仍应包括若干家在本领域排名前列的企业，${P.zh}未发生骨干企业集中退出、出资未按约定到位等情况。`,
            en: `The shareholders must still include several enterprises ranking among the leaders of the field; ${P.en} backbone firms must not have left en masse, and capital must have been paid as agreed.`,
          }
        : {
            'zh-CN': `发起单位中仍应包括若干家在本领域排名前列的企业，${P.zh}未发生骨干企业集中退出、会费或经费未按约定到位等情况。`,
            en: `The founding units must still include several enterprises ranking among the leaders of the field; ${P.en} backbone firms must not have left en masse, and fees or funds must have been paid as agreed.`,
          },
      evidenceHint: ent
        ? { 'zh-CN': '股东名册、出资到位凭证', en: 'Shareholder register; proof of paid capital' }
        : { 'zh-CN': '发起单位名单、会费或经费到位凭证', en: 'List of founding units; proof of paid fees or funds' },
      source: shanghai(ent ? '股东中应包括若干家在本领域排名前列的企业。' : '发起单位中应包括若干家在本领域排名前列的企业。'),
    }),
    gate({
      id: 'G4',
      title: { 'zh-CN': '联盟持续运行', en: 'Alliance still operating' },
      guidance: {
        'zh-CN': `联盟仍汇聚包括用户在内的企业、科研院所、高校等各类创新主体以及本领域各类创新平台，${P.zh}开展了实质性的联合活动。`,
        en: `The alliance must still bring together enterprises (users included), research institutes, universities and the innovation platforms of the field, and must have carried out real joint activity ${P.en}.`,
      },
      evidenceHint: {
        'zh-CN': '联盟成员名单及变动情况、联盟活动记录',
        en: 'Alliance member list and changes; records of alliance activities',
      },
      source: shanghai('——联盟应汇聚包括用户在内的企业、科研院所、高校等各类创新主体,以及本领域内各类国家级和省市级创新平台。'),
    }),
    gate({
      id: 'G5',
      title: { 'zh-CN': '技术专家委员会运作', en: 'Technical expert committee at work' },
      guidance: {
        'zh-CN': `技术专家委员会由来自学术界、企业界和政府委派的专家组成，主任由行业领军专家担任，${P.zh}有研判行业发展重大问题、筛选确定研究方向的会议记录。`,
        en: `The technical expert committee must consist of experts from academia, industry and government appointees, be chaired by a leading expert of the industry, and have minutes ${P.en} showing that it judged major questions of the industry and chose research directions.`,
      },
      evidenceHint: { 'zh-CN': '技术专家委员会名单、会议纪要', en: 'Member list and minutes of the technical expert committee' },
      source: shanghai(
        '技术专家委员会由来自学术界、企业界和政府委派的专家组成,负责研判行业发展重大问题并筛选确定研究方向。技术专家委员会主任应由行业领军专家担任。',
      ),
    }),
    gate({
      id: 'G6',
      title: { 'zh-CN': '功能定位与建设方向', en: 'Mission and direction' },
      guidance: {
        'zh-CN': '创新中心仍聚焦认定时的重点领域和产业关键共性技术，未偏离建设和运行方案确定的功能定位，例如未转为主要从事一般性生产经营。',
        en: 'The centre must still focus on the field and the key common technologies for which it was designated and not have drifted from the mission set in its construction and operation plan, for example by turning mainly to ordinary production and trading.',
      },
      evidenceHint: { 'zh-CN': '建设和运行方案、年度工作计划与总结', en: 'Construction and operation plan; annual work plan and summary' },
      source: shanghai('重点解决产业关键共性技术供给不足和科技成果工程化、产业化不畅等问题', {
        'zh-CN': '出自功能定位；本模板将其作为基本条件核对（默认做法，组织单位可调整）。',
        en: 'From the mission of the centres; this template checks it as a basic condition (a default the organiser may change).',
      }),
      default: true,
    }),
    gate({
      id: 'G7',
      title: { 'zh-CN': '材料真实性', en: 'Truthful material' },
      guidance: {
        'zh-CN': '报送的材料和数据应真实、准确。发现弄虚作假、重复计算成员单位成果或虚报指标的，不满足本条件。',
        en: 'The material and figures submitted must be true and accurate. Any falsification, double counting of results of member organisations or inflated indicators fails this condition.',
      },
      evidenceHint: { 'zh-CN': '佐证材料原件、现场核查记录', en: 'Original supporting documents; on-site check records' },
      default: true,
    }),
  ];
}

// ─── D1 关键共性技术成果数量及质量 ────────────────────────────────────────────

export function keyTechnologyDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D1',
    title: { 'zh-CN': '关键共性技术成果数量及质量', en: 'Number and quality of key common technology results' },
    guidance: {
      'zh-CN': '评价关键共性技术攻关、知识产权和标准成果。',
      en: 'Breakthroughs in key common technologies, intellectual property and standards.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function breakthroughs(p: Period, o: Points): Criterion {
  const G = goals(p);
  return {
    id: 'D1.1',
    title: { 'zh-CN': '关键共性技术突破', en: 'Breakthroughs in key common technologies' },
    guidance: {
      'zh-CN': `${G.zh}，考察关键共性技术和核心技术攻关的实际进展，取得的成果是否达到国内领先或国际先进水平。重点看成果的技术指标、第三方评价或鉴定结论，以及对突破行业共性技术供给瓶颈的实际作用。`,
      en: `${G.en}: what real progress has been made on key common and core technologies, and do the results reach a domestically leading or internationally advanced level? Look at the technical indicators of the results, third-party evaluations or appraisals, and their actual effect on the supply bottleneck of common technologies.`,
    },
    weight: o.weight,
    scale: fourLevels(
      {
        'zh-CN': '全面完成阶段目标，取得国际先进或国内领先的标志性成果',
        en: 'Goals for the period fully met, with landmark results at an internationally advanced or domestically leading level',
      },
      { 'zh-CN': '基本完成阶段目标，取得较好成果', en: 'Goals for the period broadly met, with good results' },
      { 'zh-CN': '部分完成阶段目标，成果先进性一般', en: 'Goals partly met; results of average standing' },
      { 'zh-CN': '阶段目标大部分未完成，或无实质性成果', en: 'Most goals missed, or no substantive results' },
    ),
    comment: { required: 'always', minLength: 20 },
    threshold: 6,
    evidenceHint: {
      'zh-CN': '技术路线图及阶段目标、成果鉴定或第三方测试报告',
      en: 'Roadmap and goals for the period; appraisal certificates or third-party test reports',
    },
    source: shanghai('攻克突破一批制约行业发展的关键共性技术'),
    default: true,
  };
}

export function intellectualProperty(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D1.2',
    title: { 'zh-CN': '知识产权创造与布局', en: 'IP creation and portfolio' },
    guidance: {
      'zh-CN': `考察${P.zh}发明专利申请和授权、PCT国际专利等知识产权的数量与质量，以及围绕关键核心技术和基础共性技术的知识产权战略储备和前瞻布局。应区分创新中心自身产出与成员单位产出，避免重复计算。`,
      en: `What is the number and quality of invention patent filings and grants, PCT applications and other IP ${P.en}, and how is the strategic reserve and forward-looking layout of IP in key core and basic common technologies developing? Distinguish the output of the centre itself from that of its members and avoid double counting.`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'belowThreshold', threshold: 5, minLength: 10 },
    evidenceHint: { 'zh-CN': '专利清单及证书、专利权人信息', en: 'Patent list and certificates; patentee details' },
    source: miit2016('加强关键核心技术与基础共性技术知识产权战略储备，形成战略前瞻布局。'),
    default: true,
  };
}

export function standards(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D1.3',
    title: { 'zh-CN': '行业标准研制', en: 'Industry standards' },
    guidance: {
      'zh-CN': `考察${P.zh}主导或参与制定国际、国家、行业和团体标准的数量和影响，是否通过标准固化创新成果、推动成果应用，是否积极参加国际标准化活动。`,
      en: `How many international, national, industry and association standards has the centre led or contributed to ${P.en}, and with what effect? Does it consolidate results in standards and drive their use, and does it take part in international standardisation?`,
    },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '已发布或立项的标准文本及起草单位名单',
      en: 'Published or approved standards with their lists of drafting organisations',
    },
    source: miit2016(
      '围绕重点领域组建标准推进联盟，研制对提升产业竞争力具有重要影响的关键技术标准，通过标准固化创新成果、推动创新成果应用、增强市场信心，促进标准与技术和产业发展的紧密结合。',
    ),
    default: true,
  };
}

// ─── D2 技术成果转移扩散和产业化 ──────────────────────────────────────────────

export function transferDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D2',
    title: { 'zh-CN': '技术成果转移扩散和产业化', en: 'Transfer, diffusion and industrialisation of results' },
    guidance: {
      'zh-CN': '评价成果转化、中试验证和自我造血情况。',
      en: 'Commercialisation, pilot-scale verification and self-sustaining income.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function commercialisation(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D2.1',
    title: { 'zh-CN': '成果转移扩散与首次商业化应用', en: 'Transfer, diffusion and first commercial use' },
    guidance: {
      'zh-CN': `考察${P.zh}技术转让、许可、作价入股、孵化企业和种子项目融资等成果转化的数量和金额，以及成果实现首次商业化应用和产业化的情况。重点看转化合同的实际履行和经济效益，以及对科技人员转化成果的激励措施落实情况。`,
      en: `What number and value of results were commercialised ${P.en} through transfer, licensing, equity contribution, incubated firms and seed-project financing, and which results reached first commercial use and industrialisation? Look at whether the contracts were actually performed, their economic returns, and whether incentives for researchers to commercialise results were applied.`,
    },
    weight: o.weight,
    scale: fourLevels(
      {
        'zh-CN': '多项成果实现首次商业化和产业化，经济效益显著',
        en: 'Several results in first commercial use and industrialised, with significant returns',
      },
      { 'zh-CN': '有成果实现转化，效益较好', en: 'Some results commercialised with good returns' },
      { 'zh-CN': '转化数量少或效益不明显', en: 'Few results commercialised or unclear returns' },
      { 'zh-CN': '考核期内无成果转化', en: 'No results commercialised in the period' },
    ),
    comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
    threshold: 6,
    evidenceHint: {
      'zh-CN': '技术转让或许可合同及收款凭证、孵化企业工商登记信息',
      en: 'Technology transfer or licence contracts with payment records; registration details of incubated firms',
    },
    source: shanghai(
      '建立以市场化机制为核心的成果转移扩散机制,通过孵化企业、种子项目融资等方式,推动技术成果转移扩散和首次商业化应用,探索采取多种激励方式,鼓励科技人员积极转化科技成果。',
    ),
    default: true,
  };
}

export function pilotVerification(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D2.2',
    title: { 'zh-CN': '中试验证与工程化', en: 'Pilot-scale verification and engineering' },
    guidance: {
      'zh-CN': `考察中试线或试验验证平台的运行情况，${P.zh}完成的中试、检验和验证项目数量，以及解决科技成果产业化过程中工艺、装备等技术难题的实例。`,
      en: `How are the pilot lines or verification platforms running, how many pilot, testing and verification projects were completed ${P.en}, and which process, equipment or other problems on the way to industrialisation were solved?`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '中试项目清单、验证报告、设备运行记录',
      en: 'List of pilot projects; verification reports; equipment operating records',
    },
    source: shanghai('通过对技术创新成果开展中试及相应的检验、验证,解决科技成果在产业化过程中的工艺、装备及其他技术难题。'),
    default: true,
  };
}

/** 自我造血: the enterprise type's word for it (003's emphasis); the non-enterprise type's is 自我可持续发展. */
export function selfSustaining(p: Period, category: ApplicationCategory, o: Points): Criterion {
  const P = inPeriod(p);
  const trend =
    p === 'annual'
      ? { zh: '是否较上年下降', en: 'falling compared with the year before' }
      : { zh: '是否逐年下降', en: 'falling year by year' };
  return {
    id: 'D2.3',
    title:
      category === 'enterprise'
        ? { 'zh-CN': '自我造血功能', en: 'Self-sustaining income' }
        : { 'zh-CN': '自我可持续发展能力', en: 'Ability to sustain itself' },
    guidance: {
      'zh-CN': `考察${P.zh}技术委托研发、技术服务、成果转化等市场化收入的规模、增长及占总收入的比重，对政府资金的依赖程度${trend.zh}。`,
      en: `What are the size, growth and share of market income from contract R&D, technical services and commercialisation ${P.en}, and is reliance on government funds ${trend.en}?`,
    },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'belowThreshold', threshold: 3, minLength: 10 },
    threshold: 3,
    evidenceHint: { 'zh-CN': '年度审计报告、收入明细及合同', en: 'Annual audited accounts; breakdown of income with contracts' },
    source: shanghai('应具有自我可持续发展能力。'),
    default: true,
  };
}

// ─── D3 对行业发展的支撑作用 ──────────────────────────────────────────────────

export function supportDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D3',
    title: { 'zh-CN': '对行业发展的支撑作用', en: 'Support to the development of the industry' },
    guidance: {
      'zh-CN': '评价行业技术服务、行业引领和资源开放共享情况。',
      en: 'Technical services to the industry, leadership of the industry and open sharing of resources.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function technicalServices(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D3.1',
    title: { 'zh-CN': '行业技术服务与公共服务平台', en: 'Technical services to the industry and the public service platform' },
    guidance: {
      'zh-CN': `考察${P.zh}面向行业提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等公共服务的情况。重点看服务企业数量（尤其是中小企业）、服务收入和用户评价。`,
      en: `What public services has the centre provided to the industry ${P.en}: contract R&D, testing, certification and metrology, standards development and verification, training, incubation, feasibility studies and project evaluation? Look at the number of firms served (SMEs in particular), service income and user feedback.`,
    },
    weight: o.weight,
    scale: fourLevels(
      {
        'zh-CN': '服务体系完整，服务企业多、覆盖面广，用户评价好',
        en: 'Complete range of services reaching many firms across the field, with good user feedback',
      },
      { 'zh-CN': '主要服务正常开展，服务对象较多', en: 'Main services running normally and reaching a fair number of firms' },
      { 'zh-CN': '服务种类少或主要服务于成员单位', en: 'Few kinds of service, or mainly serving members' },
      { 'zh-CN': '基本未开展面向行业的公共服务', en: 'Hardly any public services to the industry' },
    ),
    comment: { required: 'always', minLength: 15 },
    threshold: 6,
    evidenceHint: {
      'zh-CN': '服务台账、服务合同、用户评价或回访记录',
      en: 'Service register; service contracts; user feedback or follow-up records',
    },
    source: shanghai(
      '通过5-10年的运作,逐步建立面向本市乃至全国相关行业提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等业务的公共服务平台。',
    ),
    default: true,
  };
}

export function roadmap(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D3.2',
    title: { 'zh-CN': '行业引领与技术路线图实施', en: 'Leading the industry and carrying out the roadmap' },
    guidance: {
      'zh-CN': `考察${P.zh}在技术专家委员会指导下技术路线图的实施和滚动更新情况，是否组织本领域国内外企业、高校、研究机构共同实施，对行业发展重大问题的研判是否发挥了引领作用（如发布行业技术发展报告、参与产业政策研究等）。`,
      en: `How has the roadmap been carried out and updated ${P.en} under the guidance of the technical expert committee, were firms, universities and research bodies at home and abroad involved, and did the judgement of the centre on major questions of the industry give a lead (for example industry technology reports or input to industrial policy)?`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '技术路线图更新版本、行业报告、政策研究成果',
      en: 'Updated roadmap; industry reports; policy research outputs',
    },
    source: shanghai(
      '在技术专家委员会的指导下,按照市场需求,结合行业发展,制定明确的技术路线图,并组织本领域国内外企业、高校、研究机构共同实施。',
    ),
    default: true,
  };
}

export function openSharing(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D3.3',
    title: { 'zh-CN': '资源开放共享', en: 'Open sharing of resources' },
    guidance: {
      'zh-CN': `考察${P.zh}仪器设备、中试条件、数据等资源向成员单位和行业开放共享的情况，包括开放机时、服务对象数量和共享规则的执行情况。`,
      en: `How far have instruments, pilot facilities, data and other resources been opened to members and the industry ${P.en}, including hours of open use, number of users and how the sharing rules are applied?`,
    },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: { 'zh-CN': '开放共享记录、设备使用登记', en: 'Records of open sharing; equipment use logs' },
    source: shanghai('充分发挥现有资源优势,实现与成员之间、行业领域的资源开放共享,具备持续提升创新水平的能力。'),
    default: true,
  };
}

// ─── D4 人才队伍建设 ──────────────────────────────────────────────────────────

export function talentDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D4',
    title: { 'zh-CN': '人才队伍建设', en: 'Talent team' },
    guidance: {
      'zh-CN': '评价领军人才、创新团队和人才培养激励情况。',
      en: 'Leading talent, innovation teams, and the development and incentives of staff.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function leadingTalent(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D4.1',
    title: { 'zh-CN': '领军人才与创新团队', en: 'Leading talent and innovation teams' },
    guidance: {
      'zh-CN': `考察全职研发人员的规模和结构、领军人才和高水平创新团队的引进与稳定情况，以及核心团队是否保持专职投入。重点看${P.zh}的人员变动和高层次人才入选各类人才计划的情况。`,
      en: `What are the size and make-up of the full-time R&D staff, how well have leading talent and strong innovation teams been recruited and kept, and does the core team still work for the centre full time? Look at staff changes ${P.en} and at selections of senior staff for talent programmes.`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
    threshold: 6,
    evidenceHint: {
      'zh-CN': '人员花名册、劳动合同及社保记录、人才计划入选证明',
      en: 'Staff roster; employment contracts and social insurance records; evidence of talent programme selections',
    },
    source: shanghai('面向全球选聘高水平领军人才和创新团队,加强不同层次创新人才的引进、培育和交流,充分发挥创新人才对产业发展的带动作用。'),
    default: true,
  };
}

export function staffDevelopment(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D4.2',
    title: { 'zh-CN': '人才培养与激励机制', en: 'Staff development and incentives' },
    guidance: {
      'zh-CN': `考察${P.zh}人才引进、培养、培训和交流机制的运行，产教融合人才培养和面向行业的人员培训情况，以及具有市场竞争力的薪酬和股权、期权等激励措施的落实。`,
      en: `How have recruitment, development, training and exchange of staff worked ${P.en}, what joint training with universities and training for the industry took place, and were market-competitive pay and incentives such as equity and options applied?`,
    },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '培训记录、产教融合协议、激励制度及兑现记录',
      en: 'Training records; joint training agreements; incentive rules and payouts',
    },
    source: shanghai('建立产教融合人才培养示范基地,加强制造业创新型人才和企业家培养,建设高水平人才服务体系。'),
    default: true,
  };
}

// ─── D5 协同创新 ──────────────────────────────────────────────────────────────

export function collaborationDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D5',
    title: { 'zh-CN': '协同创新', en: 'Collaborative innovation' },
    guidance: {
      'zh-CN': '评价产学研用协同机制和知识产权协同运营的实际运行。',
      en: 'How collaboration among industry, universities, institutes and users, and joint operation of IP, actually work.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function jointWork(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D5.1',
    title: { 'zh-CN': '产学研用协同与联盟运行', en: 'Collaboration and alliance activity' },
    guidance: {
      'zh-CN': `考察联盟成员间联合开发、优势互补、成果共享、风险共担机制的实际运行，${P.zh}联合攻关项目的数量和参与成员的广度（包括用户单位、中小企业、高校院所），以及跨领域、跨学科、跨行业协同创新的成效。`,
      en: `How do joint development, complementary strengths, shared results and shared risks work among alliance members in practice? Look at the number of joint projects ${P.en}, how widely members took part (users, SMEs, universities and institutes), and the results of cross-field, cross-discipline and cross-industry collaboration.`,
    },
    weight: o.weight,
    scale: fourLevels(
      {
        'zh-CN': '联合攻关多、成员参与广，跨领域协同成效显著',
        en: 'Many joint projects with broad participation and clear cross-field results',
      },
      { 'zh-CN': '联合攻关正常开展，成员参与较广', en: 'Joint projects running normally with fairly broad participation' },
      { 'zh-CN': '联合攻关少，主要依赖少数成员', en: 'Few joint projects, relying on a handful of members' },
      { 'zh-CN': '联盟基本未开展协同创新', en: 'The alliance has done hardly any joint work' },
    ),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '联合攻关项目清单及协议、联盟活动记录',
      en: 'List and agreements of joint projects; records of alliance activities',
    },
    source: shanghai('开展跨领域、跨学科、跨行业技术协同创新,构建联合开发、优势互补、成果共享、风险共担的协同创新机制。'),
    default: true,
  };
}

export function jointIp(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D5.2',
    title: { 'zh-CN': '知识产权协同运营与收益共享', en: 'Joint IP operation and income sharing' },
    guidance: {
      'zh-CN': `考察${P.zh}成员间知识产权协同创造、联合运营和收益共享的实际情况，知识产权管理制度和专利许可转让制度的执行，以及收益是否按约定分配。`,
      en: `How have members actually created IP together, operated it jointly and shared the income ${P.en}; are the IP management and patent licensing and assignment rules applied, and is income split as agreed?`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '共有专利清单、许可和收益分配记录',
      en: 'List of jointly owned patents; licensing and income distribution records',
    },
    source: miit2016('建立完善的知识产权管理制度，在制造业创新中心成员间形成知识产权协同创造、联合运营和收益共享。'),
    default: true,
  };
}

// ─── D6 开展国际合作情况 ──────────────────────────────────────────────────────

export function internationalDimension(criteria: Criterion[], provenance: Pick<Dimension, 'source'>): Dimension {
  return {
    id: 'D6',
    title: { 'zh-CN': '开展国际合作情况', en: 'International cooperation' },
    guidance: {
      'zh-CN': '评价国际合作项目、联合研发和国际交流情况。',
      en: 'International projects, joint R&D and exchange.',
    },
    criteria,
    ...provenance,
    default: true,
  };
}

export function internationalProjects(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D6.1',
    title: { 'zh-CN': '国际合作项目与联合研发', en: 'International projects and joint R&D' },
    guidance: {
      'zh-CN': `考察${P.zh}开展国际项目合作、高水平技术和团队引进、联合研发、联合共建（如联合研发中心或实验基地）的情况，以及对提升行业共性技术水平的实际作用。`,
      en: `What international project cooperation, bringing in of advanced technologies and teams, joint R&D and jointly built facilities (such as joint R&D centres or test bases) took place ${P.en}, and how did they raise the level of common technologies in the industry?`,
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'belowThreshold', threshold: 4, minLength: 10 },
    evidenceHint: {
      'zh-CN': '国际合作协议、联合研发成果、外方往来记录',
      en: 'International cooperation agreements; joint R&D results; correspondence with foreign partners',
    },
    source: shanghai(
      '积极探索国际创新合作新模式,跟踪国际发展前沿,通过项目合作、高水平技术和团队引进、联合研发、联合共建等形式,促进行业共性技术水平提升和产业发展。',
    ),
    default: true,
  };
}

export function internationalExchange(p: Period, o: Points): Criterion {
  const P = inPeriod(p);
  return {
    id: 'D6.2',
    title: { 'zh-CN': '国际交流与国际标准化', en: 'International exchange and standardisation' },
    guidance: {
      'zh-CN': `考察${P.zh}国际科技创新信息的跟踪、收集和分析，参加国际会议和国际标准化活动、主导或参与国际标准制定，以及通过专利交叉许可等形式开展国际交流合作的情况。`,
      en: `How does the centre track, collect and analyse international science and innovation information ${P.en}, take part in international conferences and standardisation, lead or contribute to international standards, and exchange with partners abroad, for example through patent cross-licensing?`,
    },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '国际会议和标准化活动记录、国际标准提案',
      en: 'Records of international conferences and standardisation work; proposals for international standards',
    },
    source: miit2016('积极参加各类国际标准化活动，主导和参与国际标准制定，增加国际标准话语权，提升我国相关产业的国际竞争力。'),
    default: true,
  };
}

// ─── D7 指标完成情况与运行管理 ────────────────────────────────────────────────

/**
 * D7: what the centre reports against its targets, and how it is run. The
 * annual evaluation reads the year's indicators (003: the annual operation
 * report); the periodic assessment reads the three years against the
 * construction plan (MIIT 2018: 建设情况 against the plan's goals).
 */
export function goalsDimension(p: Period, criteria: Criterion[]): Dimension {
  return p === 'annual'
    ? {
        id: 'D7',
        title: { 'zh-CN': '年度指标完成情况与运行管理', en: 'Indicators for the year and management' },
        guidance: {
          'zh-CN': '对照运行发展报告中的年度目标值评价定量指标完成情况，并评价内部管理和决策机制的运行。',
          en: 'The quantitative indicators against the targets for the year in the operation and development report, and how internal management and decision-making work.',
        },
        criteria,
        source: shanghai(REPORT_LINE),
        default: true,
      }
    : {
        id: 'D7',
        title: { 'zh-CN': '建设方案目标完成情况与运行管理', en: 'Goals of the construction plan and management' },
        guidance: {
          'zh-CN': '对照建设方案评价三年考核期（整个建设期）内建设目标和定量指标的完成情况，并评价内部管理和决策机制的运行。',
          en: 'The goals and quantitative indicators of the construction plan over the three-year period (the whole construction period), and how internal management and decision-making work.',
        },
        criteria,
        source: shanghai('加强对市级创新中心支持和管理,根据阶段发展目标开展考核评估。'),
        default: true,
      };
}

const row = (
  id: string,
  zh: string,
  en: string,
  unit: LocalizedText,
  provenance: Pick<IndicatorRow, 'source' | 'default' | 'lowerIsBetter'>,
): IndicatorRow => ({
  id,
  label: { 'zh-CN': zh, en },
  unit,
  ...provenance,
});
const TEN_THOUSAND_YUAN: LocalizedText = { 'zh-CN': '万元', en: 'CNY 10,000' };
const ITEMS: LocalizedText = { 'zh-CN': '项', en: 'items' };
const PIECES: LocalizedText = { 'zh-CN': '件', en: 'filings' };
const FIRMS: LocalizedText = { 'zh-CN': '家', en: 'firms' };
const PEOPLE: LocalizedText = { 'zh-CN': '人', en: 'persons' };
const PERCENT: LocalizedText = { 'zh-CN': '百分比（%）', en: 'percent (%)' };

/**
 * The indicator rows of D7.1: what the operation report states as target and
 * actual. A row whose label is the seeds' wording quotes it; the others are
 * defaults. The same rows serve both periods (the periodic assessment reads
 * them over three years).
 */
export function indicatorRows(): IndicatorRow[] {
  return [
    row('rd-investment', '研发投入', 'R&D investment', TEN_THOUSAND_YUAN, {
      source: shanghai('在所属领域长期从事研究开发且有持续研发投入'),
    }),
    row('key-technologies', '关键共性技术成果', 'Key common technology results', ITEMS, {
      source: shanghai(CONTENTS),
    }),
    row('patents-filed', '发明专利申请量', 'Invention patents filed', PIECES, { default: true }),
    row('patents-granted', '发明专利授权量', 'Invention patents granted', PIECES, { default: true }),
    row('standards', '主导和参与制定的标准', 'Standards led or contributed to', ITEMS, {
      source: miit2016('积极参加各类国际标准化活动，主导和参与国际标准制定，增加国际标准话语权，提升我国相关产业的国际竞争力。'),
    }),
    row('results-transferred', '技术成果转移扩散和首次商业化应用', 'Results transferred and in first commercial use', ITEMS, {
      source: shanghai('推动技术成果转移扩散和首次商业化应用'),
    }),
    row('incubated-firms', '孵化企业', 'Firms incubated', FIRMS, { source: shanghai('通过孵化企业、种子项目融资等方式') }),
    row('service-income', '技术服务收入', 'Income from technical services', TEN_THOUSAND_YUAN, { default: true }),
    row('firms-served', '服务企业（其中中小企业）', 'Firms served (of which SMEs)', FIRMS, {
      source: shanghai('向企业尤其是中小企业源源不断提供前沿技术、共性技术和新工艺、新设备、新知识'),
    }),
    row('government-share', '政府资金占总收入比重', 'Government funds as a share of income', PERCENT, {
      lowerIsBetter: true,
      default: true,
    }),
    row('rd-staff', '全职研发人员', 'Full-time R&D staff', PEOPLE, { default: true }),
    row('leading-talent', '高水平领军人才', 'Leading talent', PEOPLE, { source: shanghai('面向全球选聘高水平领军人才和创新团队') }),
    row('international-projects', '国际合作项目', 'International cooperation projects', ITEMS, {
      source: shanghai('通过项目合作、高水平技术和团队引进、联合研发、联合共建等形式'),
    }),
  ];
}

/** D7.1, the indicator criterion: the expert scores the rows of targets and actuals together. */
export function indicatorsMet(p: Period, o: Points): Criterion {
  const annual = p === 'annual';
  return {
    id: 'D7.1',
    title: annual
      ? { 'zh-CN': '年度定量指标完成情况', en: 'Quantitative indicators for the year' }
      : { 'zh-CN': '三年定量指标完成情况', en: 'Quantitative indicators over the three years' },
    guidance: annual
      ? {
          'zh-CN':
            '对照运行发展报告中各项定量指标的年度目标值与实际完成值逐行核对（研发投入、关键共性技术成果、专利、标准、成果转化、孵化企业、技术服务、人才、国际合作等），综合判断完成程度；未完成的指标应说明原因。政府资金占比以低为好。',
          en: 'Check row by row the target and actual values for the year of each quantitative indicator in the operation and development report (R&D investment, key common technology results, patents, standards, commercialisation, incubated firms, technical services, talent, international cooperation) and judge the completion as a whole; the report should explain any target missed. For the share of government funds, lower is better.',
        }
      : {
          'zh-CN':
            '对照建设方案确定的三年目标值，逐行核对考核期内各项定量指标的三年累计完成值（研发投入、关键共性技术成果、专利、标准、成果转化、孵化企业、技术服务、人才、国际合作等）及其年度变化趋势，综合判断完成程度；未完成的指标应说明原因。政府资金占比以低为好。',
          en: 'Check row by row, against the three-year targets of the construction plan, the values achieved over the three years for each quantitative indicator (R&D investment, key common technology results, patents, standards, commercialisation, incubated firms, technical services, talent, international cooperation) and their trend from year to year, and judge the completion as a whole; the report should explain any target missed. For the share of government funds, lower is better.',
        },
    weight: o.weight,
    scale: fourLevels(
      { 'zh-CN': '各项指标全部完成，多数超额完成', en: 'Every target met, most of them exceeded' },
      { 'zh-CN': '主要指标完成，个别指标略有差距', en: 'Main targets met, a few slightly short' },
      { 'zh-CN': '部分主要指标未完成', en: 'Some main targets missed' },
      { 'zh-CN': '多数指标未完成，或数据缺失无法核对', en: 'Most targets missed, or figures missing and unverifiable' },
    ),
    comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
    threshold: 6,
    evidenceHint: annual
      ? {
          'zh-CN': '定量定性指标完成情况表及佐证材料',
          en: 'Table of indicator completion with supporting evidence',
        }
      : {
          'zh-CN': '建设方案的指标表、各年度指标完成情况表及佐证材料',
          en: 'Indicator table of the construction plan; yearly tables of indicator completion with supporting evidence',
        },
    indicators: indicatorRows(),
    source: shanghai(annual ? REPORT_LINE : '加强对市级创新中心支持和管理,根据阶段发展目标开展考核评估。'),
    default: true,
  };
}

/** Periodic D7.2: the construction tasks of the plan (MIIT 2018: 中试孵化、测试验证、行业支撑服务). */
export function constructionTasks(o: Points): Criterion {
  return {
    id: 'D7.2',
    title: { 'zh-CN': '建设方案任务完成情况', en: 'Tasks of the construction plan' },
    guidance: {
      'zh-CN':
        '对照建设方案，考察三年考核期（整个建设期）内中试孵化、测试验证、行业支撑服务等建设任务的完成情况，建设方案确定的目标是否实现；未实现的，是否有合理原因和明确的后续安排。',
      en: 'Against the construction plan: which construction tasks (pilot and incubation, testing and verification, support services to the industry) were completed over the three-year period (the whole construction period), and were the goals of the plan met? Where not, is there a sound reason and a clear plan for what follows?',
    },
    weight: o.weight,
    scale: points10(),
    comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
    evidenceHint: {
      'zh-CN': '建设方案、三年建设总结、建设任务验收或第三方评价材料',
      en: 'Construction plan; three-year construction summary; acceptance or third-party evaluation of the construction tasks',
    },
    source: miit2018('建设情况主要考评创新中心按照建设方案提出的建设目标，主要包括中试孵化、测试验证、行业支撑服务等方面建设的情况。'),
    default: true,
  };
}

/**
 * How the centre is run: for the enterprise type its modern enterprise
 * management system (one of 003's emphases for that type); for the
 * non-enterprise type its scientific management and decision-making. Its id
 * is D7.2 (annual) or D7.3 (periodic).
 */
export function management(p: Period, category: ApplicationCategory, o: Points): Criterion {
  const P = inPeriod(p);
  const ent = category === 'enterprise';
  return {
    id: p === 'annual' ? 'D7.2' : 'D7.3',
    title: ent
      ? { 'zh-CN': '现代企业管理制度', en: 'Modern enterprise management system' }
      : { 'zh-CN': '科学管理与决策机制', en: 'Scientific management and decision-making' },
    guidance: ent
      ? {
          'zh-CN': `考察${P.zh}法人治理结构（股东会、董事会、监事会和经营层）的实际运行，内部管理制度对各类主体责、权、利的界定和执行，专业经营管理团队的稳定和履职，以及财务、知识产权和薪酬激励等制度的落实。`,
          en: `How have the corporate governance bodies (shareholders' meeting, board, supervisors and management) actually worked ${P.en}; do the internal rules define and enforce the responsibilities, powers and interests of each party; is the professional management team stable and doing its job; are the financial, IP and pay and incentive rules applied?`,
        }
      : {
          'zh-CN': `考察${P.zh}理事会（或会员大会）等决策机构的实际运行，内部管理制度对各类主体责、权、利的界定和执行，专业管理团队的稳定和履职，以及经费、知识产权和激励等制度的落实。`,
          en: `How have the council (or members' assembly) and other decision bodies actually worked ${P.en}; do the internal rules define and enforce the responsibilities, powers and interests of each party; is the professional management team stable and doing its job; are the rules on funds, IP and incentives applied?`,
        },
    weight: o.weight,
    scale: points5(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: ent
      ? {
          'zh-CN': '公司章程、股东会和董事会决议、内部管理制度汇编',
          en: "Articles of association; resolutions of the shareholders' meeting and board; internal rules",
        }
      : {
          'zh-CN': '章程、理事会或会员大会决议、内部管理制度汇编',
          en: "Charter; resolutions of the council or members' assembly; internal rules",
        },
    source: shanghai(
      '应建立科学管理和决策机制。通过内部管理制度建设,明确各类主体的责、权、利,建立科学的决策机制,组建专业的经营管理团队。',
      ent
        ? {
            'zh-CN': '企业法人型以“现代企业管理制度”为考评侧重（实施方案评估考核一节）；本模板据此评价其管理制度。',
            en: 'For the enterprise type the plan stresses "a modern enterprise management system" in assessment; this template judges its management by that.',
          }
        : undefined,
    ),
    default: true,
  };
}

// ─── Outcomes and site visit ──────────────────────────────────────────────────

const GRADES_LINE = '创新中心的考评结果分为优秀、良好、合格、不合格四类。';
const FAIL_LINE = '考评结果为不合格的创新中心整改期为一年，期满后由工业和信息化部组织专家现场检查整改结果。';

/** What failing entails: a year to rectify, then an on-site re-check. */
export const FAIL_CONSEQUENCE = {
  'zh-CN': '限期整改（一年），整改期满后现场复核',
  en: 'Rectify within one year; an on-site re-check when the year is up',
} satisfies LocalizedText;

/** The source of the grades: MIIT's 2018 rules (outside the seeds). */
export function gradesSource(): ReturnType<typeof miit2018> {
  return miit2018(GRADES_LINE);
}

/**
 * The outcomes of an assessment: the four grades of MIIT's 2018 rules (one
 * of them the conclusion), 不合格 with its consequence; beside it, the
 * recommendation to the national programme, for which 003 makes the
 * assessment results the basis.
 */
export function assessmentRecommendations(): Recommendation[] {
  return [
    {
      id: 'excellent',
      label: { 'zh-CN': '优秀', en: 'Excellent' },
      description: { 'zh-CN': '评估考核结果为优秀。', en: 'The assessment result is excellent.' },
      source: miit2018(GRADES_LINE),
    },
    {
      id: 'good',
      label: { 'zh-CN': '良好', en: 'Good' },
      description: { 'zh-CN': '评估考核结果为良好。', en: 'The assessment result is good.' },
      source: miit2018(GRADES_LINE),
    },
    {
      id: 'pass',
      label: { 'zh-CN': '合格', en: 'Pass' },
      description: { 'zh-CN': '评估考核结果为合格。', en: 'The assessment result is pass.' },
      source: miit2018(GRADES_LINE),
    },
    {
      id: 'fail',
      label: { 'zh-CN': '不合格', en: 'Fail' },
      description: {
        'zh-CN': `评估考核结果为不合格：${FAIL_CONSEQUENCE['zh-CN']}。`,
        en: `The assessment result is fail: ${FAIL_CONSEQUENCE.en}.`,
      },
      source: miit2018(FAIL_LINE),
    },
    {
      id: 'recommend-national',
      label: { 'zh-CN': '推荐申报国家级', en: 'Recommend for national status' },
      description: {
        'zh-CN': '建议将评估考核结果作为推荐其申报国家级制造业创新中心的依据，择优支持其参与国家制造业创新中心建设。',
        en: 'Recommend that the result serve as the basis for putting the centre forward for national manufacturing innovation centre status, and that it be supported, as one of the best, in taking part in building a national centre.',
      },
      additional: true,
      source: shanghai('评估考核结果将作为市级制造业创新中心推荐申报国家级制造业创新中心和申报国家、本市重大项目支持的重要参考依据。'),
    },
  ];
}

/** The site-visit checklist (defaults: 003 and MIIT 2018 name the visit, not what it checks), SV9 the re-check of rectification. */
export function assessmentSiteVisit(p: Period, category: ApplicationCategory): SiteVisitItem[] {
  const P = inPeriod(p);
  const ent = category === 'enterprise';
  const item = (id: string, title: LocalizedText, guidance: LocalizedText): SiteVisitItem => ({ id, title, guidance, default: true });
  return [
    item(
      'SV1',
      { 'zh-CN': '报告数据核实', en: 'Verify the reported figures' },
      {
        'zh-CN':
          p === 'annual'
            ? '对照运行发展报告，抽查定量指标的原始凭证（合同、发票、专利证书、标准文本、服务记录），核实数据的真实性，注意是否将成员单位成果计入创新中心。'
            : '对照各年度运行发展报告和三年建设总结，抽查定量指标的原始凭证（合同、发票、专利证书、标准文本、服务记录），核实三年累计数据的真实性，注意是否将成员单位成果计入创新中心或跨年度重复计算。',
        en:
          p === 'annual'
            ? 'Against the operation and development report, spot-check the original evidence for quantitative indicators (contracts, invoices, patent certificates, standards, service records) and verify the figures; watch for results of member organisations counted as those of the centre.'
            : 'Against the yearly reports and the three-year construction summary, spot-check the original evidence for quantitative indicators (contracts, invoices, patent certificates, standards, service records) and verify the three-year figures; watch for results of member organisations counted as those of the centre, or results counted in more than one year.',
      },
    ),
    item(
      'SV2',
      { 'zh-CN': '研发设施与仪器装备', en: 'Research facilities and instruments' },
      {
        'zh-CN': `查看${P.zh}新增和在用仪器装备的实物及使用记录，核实开放共享机时和对外服务情况。`,
        en: `Inspect instruments added ${P.en} and those in use, with their logbooks; verify hours of shared use and service to outside users.`,
      },
    ),
    item(
      'SV3',
      { 'zh-CN': '研发人员', en: 'R&D staff' },
      {
        'zh-CN': '抽查研发人员的劳动合同和社保记录，核实全职研发人员数量和领军人才在岗情况。',
        en: 'Spot-check employment contracts and social insurance records of R&D staff; verify the number of full-time researchers and that the leading experts are in post.',
      },
    ),
    item(
      'SV4',
      ent
        ? { 'zh-CN': '注册与股权变动', en: 'Registration and changes in shareholders' }
        : { 'zh-CN': '登记与发起单位变动', en: 'Registration and changes in founding units' },
      ent
        ? {
            'zh-CN': `核对营业执照和股东名册，确认${P.zh}的变更已按规定报告，排名前列的企业仍在股东之中。`,
            en: `Check the business licence and the shareholder register; confirm that changes ${P.en} were reported and that leading firms are still among the shareholders.`,
          }
        : {
            'zh-CN': `核对法人登记证书和发起单位名单，确认${P.zh}的变更已按规定报告，排名前列的企业仍在发起单位之中。`,
            en: `Check the registration certificate and the list of founding units; confirm that changes ${P.en} were reported and that leading firms are still among the founders.`,
          },
    ),
    item(
      'SV5',
      { 'zh-CN': '联盟成员与协同活动', en: 'Alliance members and joint work' },
      {
        'zh-CN': '查阅联盟成员变动情况、联合攻关协议和活动记录，必要时走访或电话核实成员单位。',
        en: 'Review changes in alliance membership, joint project agreements and activity records; visit or call member organisations if needed.',
      },
    ),
    item(
      'SV6',
      { 'zh-CN': '技术专家委员会', en: 'Technical expert committee' },
      {
        'zh-CN': `查看技术专家委员会${P.zh}的会议纪要和研究方向决策记录，确认其实际发挥作用。`,
        en: `Review the minutes of the committee ${P.en} and its decisions on research directions; confirm that it plays a real role.`,
      },
    ),
    item(
      'SV7',
      { 'zh-CN': '中试线与公共服务平台', en: 'Pilot lines and public service platform' },
      {
        'zh-CN': '现场查看中试线、试验检测和验证平台的运行状态、相关资质及服务台账。',
        en: 'See the pilot lines, testing and verification platforms on site: working state, accreditations and service register.',
      },
    ),
    item(
      'SV8',
      { 'zh-CN': '成果转化与收入凭证', en: 'Commercialisation and income records' },
      {
        'zh-CN': '查阅技术转让、许可和作价入股合同及对应的收款凭证，以及孵化企业的工商登记信息，核实市场化收入。',
        en: 'Review contracts for technology transfer, licensing and equity contribution with the matching payment records, and the registration details of incubated firms; verify market income.',
      },
    ),
    {
      ...item(
        'SV9',
        { 'zh-CN': '整改落实情况', en: 'Follow-up of rectification' },
        {
          'zh-CN': '对上一次评估考核提出的问题和整改要求逐项核实落实情况；考核不合格后的整改期满现场复核以本项为重点。',
          en: 'Check item by item how the problems and rectification requirements from the previous assessment were dealt with; this is the focus of the on-site re-check when the year of rectification after a failed assessment is up.',
        },
      ),
      source: miit2018(FAIL_LINE),
    },
  ];
}
