/**
 * What the two selection templates (enterprise type and non-enterprise type)
 * have in common, written once: the basic conditions G4–G7, the
 * core-technology criterion and the R&D-project record (same text and scale,
 * each type setting its own weight and comment rule), three of the site-visit
 * checks, the recommendations, and two evidence hints. Each function returns
 * a fresh object, so no two templates share one.
 */
import type { LocalizedText } from '../../i18n-text.ts';
import type { Criterion, Rubric } from '../model.ts';
import { fourLevels, gate, points10 } from './builders.ts';
import { shanghai } from './sources.ts';

type SiteVisitItem = Rubric['siteVisit'][number];

/**
 * Basic conditions both centre types must meet for selection (Shanghai plan,
 * 003): the alliance, the field, core technologies to break through, and a
 * complete, truthful application. Ids G4–G7 follow each type's own G1–G3.
 */
export function selectionGates(): Criterion[] {
  return [
    gate({
      id: 'G4',
      title: { 'zh-CN': '联盟构成', en: 'Alliance membership' },
      guidance: {
        'zh-CN':
          '联盟应汇聚包括用户在内的企业、科研院所、高校等各类创新主体，以及本领域内各类国家级和省市级创新平台。对照联盟成员名单核对：成员中是否有用户单位、科研院所和高校，是否有本领域的国家级或省市级创新平台。',
        en: 'The alliance must bring together enterprises (users included), research institutes, universities and other innovators, as well as the national, provincial and municipal innovation platforms of the field. Check the member list: are there user organisations, research institutes and universities, and innovation platforms of the field at national or provincial/municipal level?',
      },
      source: shanghai('——联盟应汇聚包括用户在内的企业、科研院所、高校等各类创新主体,以及本领域内各类国家级和省市级创新平台。'),
      evidenceHint: {
        'zh-CN': '联盟成员名单、入盟协议、创新平台认定文件',
        en: 'Alliance member list; membership agreements; designation documents of the innovation platforms',
      },
    }),
    gate({
      id: 'G5',
      title: { 'zh-CN': '建设领域', en: 'Field of the centre' },
      guidance: {
        'zh-CN':
          '创新中心所属领域应属于重点产业领域（集成电路、生物医药、人工智能、电子信息、生命健康、汽车、高端装备、先进材料、时尚消费品等重点产业，以及数字经济、绿色低碳等新赛道领域，详见《上海市制造业创新中心建设领域总体布局》），聚焦产业关键共性技术。',
        en: 'The field of the centre must be one of the key fields (the key industries of integrated circuits, biomedicine, artificial intelligence, electronic information, life and health, automotive, high-end equipment, advanced materials and fashion consumer goods, and the new tracks of the digital economy and green and low-carbon industries; see the general layout annex), focusing on key common technologies of the industry.',
      },
      source: shanghai(
        '聚焦集成电路、生物医药、人工智能、电子信息、生命健康、汽车、高端装备、先进材料、时尚消费品等重点产业以及数字经济、绿色低碳等新赛道领域',
      ),
      evidenceHint: {
        'zh-CN': '建设和运行方案中的领域定位说明',
        en: 'Statement of the field in the construction and operation plan',
      },
    }),
    gate({
      id: 'G6',
      title: { 'zh-CN': '待突破的核心技术', en: 'Core technologies to break through' },
      guidance: {
        'zh-CN':
          '创新中心成立后至少应有1-2项有待突破、可促进形成国内领先或国际先进的、拥有自主知识产权的核心技术。方案中未列明具体核心技术及其自主知识产权基础的，不满足本条件。',
        en: 'Once established, the centre must have at least one or two core technologies with its own intellectual property that are still to be broken through and can lead to a domestically leading or internationally advanced position. A plan that names no specific core technology and its own IP base fails this condition.',
      },
      // An applicant requirement of 003, checked by this template as a basic condition: a choice the organiser may undo.
      source: {
        ...shanghai('创新中心成立后至少应有1-2项有待突破、可促进形成国内领先或国际先进的、拥有自主知识产权的核心技术。'),
        note: {
          'zh-CN': '出自申报单位要求；本模板将其作为基本条件核对（默认做法，组织单位可调整）。',
          en: 'From the applicant requirements; this template checks it as a basic condition (a default the organiser may change).',
        },
      },
      default: true,
      evidenceHint: {
        'zh-CN': '核心技术说明、相关专利清单',
        en: 'Description of the core technologies; list of related patents',
      },
    }),
    gate({
      id: 'G7',
      title: { 'zh-CN': '申报材料完整真实', en: 'Complete and truthful application' },
      guidance: {
        'zh-CN':
          '申报单位应按要求制定创新中心建设和运行方案并报送完整材料，内容真实、准确，主要数据可以溯源。材料严重缺项或存在弄虚作假的，不满足本条件。',
        en: 'The applicant must have prepared a construction and operation plan as required and filed complete material; its content must be true and accurate and the main figures traceable. Material with serious gaps or any falsification fails this condition.',
      },
      source: {
        ...shanghai('凡符合发起创建创新中心条件的单位,可按要求制定创新中心建设和运行方案,并向上海市经济和信息化委员会报送材料。'),
        note: {
          'zh-CN': '出自遴选程序；“真实、可溯源”的要求为本模板所加（默认做法，组织单位可调整）。',
          en: 'From the selection procedure; "true and traceable" is added by this template (a default the organiser may change).',
        },
      },
      default: true,
      evidenceHint: {
        'zh-CN': '申报材料清单、建设和运行方案',
        en: 'Checklist of application material; construction and operation plan',
      },
    }),
  ];
}

/**
 * D2.2 核心技术攻关与自主知识产权: the one or two core technologies and the own
 * IP behind them. Each type words the guidance for its own organisation and
 * sets the weight and comment rule.
 */
export function coreTechnology(v: Pick<Criterion, 'guidance' | 'weight' | 'comment'>): Criterion {
  return {
    id: 'D2.2',
    title: { 'zh-CN': '核心技术攻关与自主知识产权', en: 'Core technology breakthroughs and own intellectual property' },
    guidance: v.guidance,
    weight: v.weight,
    source: shanghai('创新中心成立后至少应有1-2项有待突破、可促进形成国内领先或国际先进的、拥有自主知识产权的核心技术。'),
    default: true,
    scale: fourLevels(
      {
        'zh-CN': '核心技术定位国际先进，自主知识产权基础扎实、权属清晰，攻关路径可行',
        en: 'Core technologies aim at an internationally advanced level; solid own IP with clear ownership; feasible path',
      },
      {
        'zh-CN': '核心技术可达国内领先水平，知识产权基础较好',
        en: 'Core technologies can reach a domestically leading level; good IP base',
      },
      {
        'zh-CN': '核心技术先进性一般，或知识产权数量少、权属不清',
        en: 'Core technologies of average standing, or few patents or unclear ownership',
      },
      {
        'zh-CN': '核心技术不明确，或缺乏自主知识产权',
        en: 'Core technologies unclear, or no own intellectual property',
      },
    ),
    comment: v.comment,
    threshold: 6,
    evidenceHint: {
      'zh-CN': '核心专利清单及证书、专利权属与许可协议、科技查新报告',
      en: 'List and certificates of core patents; ownership and licence agreements; novelty search reports',
    },
  };
}

/** The founding units' record of key R&D projects, 0–10, comment optional; each type places, titles and weighs it. */
export function projectRecord(v: Pick<Criterion, 'id' | 'title' | 'weight'>): Criterion {
  return {
    id: v.id,
    title: v.title,
    guidance: {
      'zh-CN':
        '考察发起单位是否有承担并较好完成国家或行业重点研发项目的经验，在该领域是否具有一定的核心竞争力。重点看近五年所承担项目的级别、承担角色（牵头或参与）和验收结论。',
      en: 'Have the founding units undertaken and successfully completed key national or industry R&D projects, and do they have a core competitive edge in the field? Look at the level of their projects over the last five years, their role (lead or partner) and the acceptance results.',
    },
    weight: v.weight,
    source: shanghai('有承担并较好完成国家或行业重点研发项目的经验,在该领域有一定的核心竞争力'),
    default: true,
    scale: points10(),
    comment: { required: 'optional', minLength: 0 },
    evidenceHint: {
      'zh-CN': '项目任务书、验收证书或结题报告',
      en: 'Project contracts; acceptance certificates or final reports',
    },
  };
}

/** Evidence for the criterion on industry standards. */
export const STANDARDS_EVIDENCE: LocalizedText = {
  'zh-CN': '已发布标准文本及起草单位名单、标准立项文件',
  en: 'Published standards with their lists of drafting organisations; standard project approvals',
};

/** Evidence for the criterion on IP management. */
export const IP_RULES_EVIDENCE: LocalizedText = {
  'zh-CN': '知识产权管理办法、成员间知识产权协议',
  en: 'IP management rules; IP agreements among members',
};

/** Site visits are the template's checklist: defaults (003 requires a site visit, not what it checks). */

/** Site visit SV2: the R&D and office premises. */
export function premisesVisit(): SiteVisitItem {
  return {
    id: 'SV2',
    default: true,
    title: { 'zh-CN': '研发和办公场地', en: 'R&D and office premises' },
    guidance: {
      'zh-CN': '查看研发和办公场地的实际面积及产权或租赁合同，确认场地已投入使用或具备入驻条件。',
      en: 'Inspect the R&D and office premises, their actual floor area and the title deed or lease; confirm they are in use or ready to be occupied.',
    },
  };
}

/** Site visit SV4: the R&D staff. */
export function staffVisit(): SiteVisitItem {
  return {
    id: 'SV4',
    default: true,
    title: { 'zh-CN': '研发人员', en: 'R&D staff' },
    guidance: {
      'zh-CN': '抽查核心团队和研发人员的劳动合同、社保缴纳记录或派驻协议，与领军人才当面交流，确认专职到岗情况。',
      en: 'Spot-check employment contracts, social insurance records or secondment agreements of the core team and R&D staff; meet the leading experts in person and confirm who works full time.',
    },
  };
}

/** Site visit SV6: the technical expert committee. */
export function committeeVisit(): SiteVisitItem {
  return {
    id: 'SV6',
    default: true,
    title: { 'zh-CN': '技术专家委员会', en: 'Technical expert committee' },
    guidance: {
      'zh-CN': '查看技术专家委员会名单、章程、聘书和会议纪要，确认委员构成和主任人选与申报一致，委员会已实际开展工作。',
      en: 'Review the member list, charter, letters of appointment and minutes of the committee; confirm that its membership and chair match the application and that it actually meets and works.',
    },
  };
}

/**
 * The outcomes of a selection review in the programme's words (003): selected,
 * not selected, or, for an applicant that leads its field but does not yet
 * meet every condition, 同意筹建 (one year of preparation, extendable by six
 * months, then it applies for selection).
 */
export function selectionRecommendations(): Rubric['recommendations'] {
  return [
    {
      id: 'select',
      label: { 'zh-CN': '通过遴选', en: 'Selected' },
      description: { 'zh-CN': '建议遴选为制造业创新中心。', en: 'Recommend selection as a manufacturing innovation centre.' },
      source: shanghai('经审核通过后,申报单位可被遴选为上海市制造业创新中心。'),
    },
    {
      id: 'prepare',
      label: { 'zh-CN': '同意筹建', en: 'Preparation approved' },
      description: {
        'zh-CN': '暂未达到遴选要求，但在相关领域具有显著领先优势：同意筹建，筹建期一年（可申请延期半年），完成筹建后正式申请遴选。',
        en: 'Does not yet meet every requirement but clearly leads its field: preparation approved for one year (extendable by six months), after which it applies for selection.',
      },
      source: shanghai(
        '对于暂未达到创新中心遴选要求,但在相关领域具有显著领先优势和竞争优势,筹建方案符合创新中心要求,申报单位可向上海市经济和信息化委员会申请筹建制造业创新中心,待完成筹建工作后正式申请创新中心遴选。筹建期为一年,如有特殊原因,可申请延期半年,延期后仍未满足创建要求的,撤销筹建资格。',
      ),
    },
    {
      id: 'not-selected',
      label: { 'zh-CN': '不通过', en: 'Not selected' },
      description: { 'zh-CN': '不建议遴选。', en: 'Do not recommend selection.' },
      source: shanghai('经审核通过后,申报单位可被遴选为上海市制造业创新中心。'),
    },
  ];
}

/** For the enterprise type, beside the outcome: support in competing for national status (003; 000/001: upgrading to a national centre). */
export function nationalBid(): Rubric['recommendations'][number] {
  return {
    id: 'national-bid',
    label: { 'zh-CN': '支持争创国家级', en: 'Support a bid for national status' },
    description: {
      'zh-CN': '建议支持其积极争创国家制造业创新中心。',
      en: 'Recommend supporting it in competing to become a national manufacturing innovation centre.',
    },
    additional: true,
    categories: ['enterprise'],
    source: shanghai('同时,支持有条件的创新中心(企业法人型)积极争创国家级制造业创新中心。'),
  };
}
