/** Building blocks shared by the rubric templates. */
import type { LocalizedText } from '../../i18n-text.ts';
import type { Criterion } from '../model.ts';

type Scale = Criterion['scale'];

/** 0–10 in whole points. */
export function points10(): Scale {
  return { kind: 'points', min: 0, max: 10, step: 1 };
}

/** 0–5 in half points (EU Horizon style). */
export function points5(): Scale {
  return { kind: 'points', min: 0, max: 5, step: 0.5 };
}

/**
 * 优 / 良 / 中 / 差 on 0–10 in half points, with non-overlapping bands:
 * 优 8–10, 良 6–7.5, 中 4–5.5, 差 0–3.5. Descriptors are per criterion.
 */
export function fourLevels(excellent: LocalizedText, good: LocalizedText, fair: LocalizedText, poor: LocalizedText): Scale {
  return {
    kind: 'levels',
    step: 0.5,
    levels: [
      { id: 'excellent', label: { 'zh-CN': '优', en: 'Excellent' }, descriptor: excellent, min: 8, max: 10 },
      { id: 'good', label: { 'zh-CN': '良', en: 'Good' }, descriptor: good, min: 6, max: 7.5 },
      { id: 'fair', label: { 'zh-CN': '中', en: 'Fair' }, descriptor: fair, min: 4, max: 5.5 },
      { id: 'poor', label: { 'zh-CN': '差', en: 'Poor' }, descriptor: poor, min: 0, max: 3.5 },
    ],
  };
}

/** A basic condition (基本条件): pass/fail, no weight; a failed gate needs a reason. */
export function gate(g: Pick<Criterion, 'id' | 'title' | 'guidance' | 'evidenceHint'>): Criterion {
  return {
    ...g,
    weight: 0,
    scale: { kind: 'gate' },
    comment: { required: 'belowThreshold', threshold: 1, minLength: 0 },
  };
}

/** The grades of MIIT's assessment rules: 优秀 / 良好 / 合格 / 不合格 (excellent / good / pass / fail). */
export const GRADE_BANDS = [
  { id: 'excellent', label: { 'zh-CN': '优秀', en: 'Excellent' }, min: 90 },
  { id: 'good', label: { 'zh-CN': '良好', en: 'Good' }, min: 75 },
  { id: 'pass', label: { 'zh-CN': '合格', en: 'Pass' }, min: 60 },
  { id: 'fail', label: { 'zh-CN': '不合格', en: 'Fail' }, min: 0 },
];

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
          '联盟应汇聚包括用户在内的企业、科研院所、高校等各类创新主体，以及本领域内各类国家级和省市级创新平台。联盟成员中缺少用户单位、高校院所或本领域创新平台任一类的，不满足本条件。',
        en: 'The alliance must bring together enterprises (users included), research institutes, universities and other innovators, as well as the national, provincial and municipal innovation platforms of the field. An alliance lacking any one of user organisations, universities and institutes, or innovation platforms of the field fails this condition.',
      },
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
          '创新中心所属领域应符合重点产业领域布局（如《上海市制造业创新中心建设领域总体布局》所列三大先导产业、六大高端产业和生产性服务业），聚焦产业关键共性技术，不与已有创新中心重复建设。',
        en: 'The field of the centre must be among the key industrial fields of the programme (for Shanghai, the three leading industries, six high-end industries and productive services in the general layout annex), focus on key common technologies of the industry, and not duplicate an existing centre.',
      },
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
      evidenceHint: {
        'zh-CN': '申报材料清单、建设和运行方案',
        en: 'Checklist of application material; construction and operation plan',
      },
    }),
  ];
}
