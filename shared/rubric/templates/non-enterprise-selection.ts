/**
 * Selection rubric for a non-enterprise-legal-person-type manufacturing
 * innovation centre (创新中心（非企业法人型）, a research-type association run
 * as "non-enterprise legal person + alliance").
 *
 * Wording follows MIIT 2016 No. 273 (工信部科〔2016〕273号) and the Shanghai
 * implementation plan (上海市制造业创新中心建设工程实施方案 2022–2025): the
 * basic conditions become pass/fail gates, and the weights follow the plan's
 * emphasis for this type: support to the industry's development, technical
 * services to the industry, collaborative innovation and international
 * cooperation.
 */
import type { Rubric } from '../model.ts';
import { EMPHASIS_FOR_SELECTION, NON_ENTERPRISE_EMPHASIS, miit2016, shanghai } from './sources.ts';
import { gradeBands, fourLevels, gate, points10, points5 } from './builders.ts';
import {
  IP_RULES_EVIDENCE,
  STANDARDS_EVIDENCE,
  committeeVisit,
  coreTechnology,
  premisesVisit,
  projectRecord,
  selectionGates,
  selectionRecommendations,
  staffVisit,
} from './selection-shared.ts';

export const nonEnterpriseSelection: Rubric = {
  schemaVersion: 2,
  id: 'mic-selection-nonenterprise',
  version: 1,
  title: {
    'zh-CN': '制造业创新中心遴选评审（非企业法人型）',
    en: 'Manufacturing innovation centre selection review (non-enterprise legal person type)',
  },
  description: {
    'zh-CN':
      '适用于由企业、科研院所、高校、社会组织等各类创新主体以非企业法人形式组建研究型社团主体、采取“非企业法人+联盟”模式运行的制造业创新中心（非企业法人型）的遴选评审。专家组根据申报类别对申报单位进行评审和考察：先逐项核对基本条件：专家认为某项不符合的须写明理由，该申报即提请专家组认定资格（待专家组认定），不由一位专家否决；再按评分标准逐项打分，重点考评对行业发展的支撑作用、行业技术服务、协同创新和开展国际合作。满分100分、合格线60分及各项分值均为默认值（组织单位可调整），申报指南未作规定。遴选须经过专家评审和现场考察两个环节。',
    en: 'For the selection of manufacturing innovation centres of the non-enterprise legal person type: a research-type association formed by enterprises, research institutes, universities and other organisations as a non-enterprise legal person and run on the "non-enterprise legal person + alliance" model. The expert group reviews and visits each applicant according to its declared category. First it checks the basic conditions one by one: an expert who finds one not met gives the reason, and the application goes to the panel, which decides its eligibility (pending the panel\'s decision); no single expert vetoes it. Then it scores each criterion, with emphasis on support to the development of the industry, technical services to the industry, collaborative innovation and international cooperation. The 100-point total, the pass mark of 60 and every weight are defaults the organiser may change; the programme documents fix none of them. Selection requires both expert review and a site visit.',
  },
  appliesTo: ['non-enterprise'],
  stage: 'selection',
  gates: [
    gate({
      id: 'G1',
      title: { 'zh-CN': '法人登记与运行模式', en: 'Registration and operating model' },
      guidance: {
        'zh-CN':
          '申报主体应为在本市注册的非企业法人，采取“非企业法人+联盟”模式运行。核对法人登记证书的登记机关、法人类型和业务范围，并确认非企业法人与联盟的关系、分工已在建设和运行方案中明确。',
        en: 'The applicant must be a non-enterprise legal person registered in the city and run on the "non-enterprise legal person + alliance" model. Check the registration authority, legal form and scope of business on the registration certificate, and confirm that the plan sets out how the legal person and the alliance relate and divide the work.',
      },
      evidenceHint: {
        'zh-CN': '法人登记证书、章程、建设和运行方案',
        en: 'Legal person registration certificate; charter; construction and operation plan',
      },
      source: shanghai('——在本市注册的非企业法人,采取“非企业法人+联盟”模式运行。'),
    }),
    gate({
      id: 'G2',
      title: { 'zh-CN': '研究型社团法人构成', en: 'Make-up of the research association' },
      guidance: {
        'zh-CN':
          '非企业法人应面向行业，由本领域骨干企业及产业链上下游单位、高校、科研院所联合组成的研究型社团法人。会员或理事单位中缺少企业、高校或科研院所任一类的，不满足本条件。',
        en: 'The non-enterprise legal person must serve the industry and be a research-type association formed jointly by backbone enterprises of the field, upstream and downstream units of the industrial chain, universities and research institutes. If its members or council lack any one of enterprises, universities or research institutes, it fails this condition.',
      },
      evidenceHint: {
        'zh-CN': '会员（理事）单位名单、理事会组成文件',
        en: 'List of member (council) organisations; documents on the make-up of the council',
      },
      source: shanghai('非企业法人应是面向行业,由本领域骨干企业及产业链上下游单位、高校、科研院所联合组成的研究型社团法人。'),
    }),
    gate({
      id: 'G3',
      title: { 'zh-CN': '发起单位', en: 'Founding units' },
      guidance: {
        'zh-CN':
          '发起单位中应包括若干家在本领域排名前列的企业。核对发起单位名单及其行业地位证明，确认排名前列的企业实际参与发起并承担出资或会费义务。',
        en: 'The founding units must include several enterprises ranking among the leaders of the field. Check the list of founding units and evidence of their standing, and confirm that the leading enterprises actually took part in founding the centre and bear funding or membership fee obligations.',
      },
      evidenceHint: {
        'zh-CN': '发起单位名单、发起协议、行业地位证明材料、出资或会费缴纳凭证',
        en: 'List of founding units; founding agreement; evidence of standing in the industry; proof of contributions or membership fees',
      },
      source: shanghai('发起单位中应包括若干家在本领域排名前列的企业。'),
    }),
    ...selectionGates(),
  ],
  dimensions: [
    {
      id: 'D1',
      source: shanghai('(一)发起单位(申请单位)要求'),
      default: true,
      title: { 'zh-CN': '发起单位基础条件', en: 'Strength of the founding units' },
      guidance: {
        'zh-CN': '对照发起单位（申请单位）要求，评价科研投入、基础设施、项目经验和人才等基础条件。',
        en: 'Measured against the requirements for founding (applicant) units: R&D investment, facilities, project record and talent.',
      },
      criteria: [
        {
          id: 'D1.1',
          source: shanghai('具备比较雄厚的科研投入和经济实力,在所属领域长期从事研究开发且有持续研发投入,有先进的科研基础设施、仪器装备'),
          default: true,
          title: { 'zh-CN': '研发投入与科研基础设施', en: 'R&D investment and research facilities' },
          guidance: {
            'zh-CN':
              '考察发起单位是否具备比较雄厚的科研投入，在所属领域长期从事研究开发且有持续研发投入，是否有先进的科研基础设施、仪器装备和比较完善的研究开发平台。重点看近三年研发投入、关键设备清单以及向创新中心开放使用的安排。',
            en: 'Do the founding units invest strongly in research, with long-standing R&D in the field and sustained spending, and do they have advanced research facilities, instruments and a fairly complete R&D platform? Look at R&D spending over the last three years, the list of key equipment and the arrangement for its use by the centre.',
          },
          weight: 5,
          scale: fourLevels(
            {
              'zh-CN': '研发投入持续且强度高，设施和装备国内领先，并已明确向创新中心开放',
              en: 'Sustained, high R&D spending; facilities among the best in the country and already open to the centre',
            },
            {
              'zh-CN': '研发投入稳定，设施较为先进，能满足主要研发需要',
              en: 'Steady R&D spending; fairly advanced facilities meeting the main R&D needs',
            },
            {
              'zh-CN': '研发投入一般，设施基本够用但开放安排不明确',
              en: 'Average R&D spending; facilities just adequate, access arrangements unclear',
            },
            {
              'zh-CN': '研发投入少或不连续，设施薄弱',
              en: 'Little or irregular R&D spending; weak facilities',
            },
          ),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '近三年审计报告或研发费用证明、仪器设备清单',
            en: 'Audited accounts or R&D expense records for the last three years; equipment list',
          },
        },
        projectRecord({
          id: 'D1.2',
          title: { 'zh-CN': '重点项目承担经验', en: 'Record of key R&D projects' },
          weight: 5,
        }),
        {
          id: 'D1.3',
          source: shanghai('对创建创新中心积极性高,并有开展研发的高端人才,具备为技术创新发展提供支撑的能力。'),
          default: true,
          title: { 'zh-CN': '高端人才与创建积极性', en: 'High-end talent and commitment' },
          guidance: {
            'zh-CN':
              '考察发起单位是否有开展研发的高端人才，是否具备为技术创新发展提供支撑的能力，以及对创建创新中心的积极性。重点看领军人才的学术和产业影响力，以及各发起单位的人员派驻和经费承诺。',
            en: 'Do the founding units have high-end R&D talent and the ability to support technological innovation, and how committed are they to building the centre? Look at the standing of the leading experts in research and industry, and at the staff and funding commitments of each founding unit.',
          },
          weight: 5,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '核心团队名单及简历、派驻协议、经费承诺书',
            en: 'Core team list with CVs; secondment agreements; funding commitment letters',
          },
        },
      ],
    },
    {
      id: 'D2',
      source: shanghai(NON_ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '对行业发展的支撑作用', en: 'Support to the development of the industry' },
      guidance: {
        'zh-CN': '考察创新中心面向行业供给关键共性技术、将成果辐射给行业的能力，这是非企业法人型创新中心的首要考评方面。',
        en: 'The ability of the centre to supply key common technologies to the industry and spread its results; the first thing assessed for a non-enterprise-type centre.',
      },
      criteria: [
        {
          id: 'D2.1',
          source: shanghai(
            '面向上海市重点产业领域,要开展关键共性技术研发和技术推广应用,突破产业发展的共性技术供给瓶颈,提升产业技术创新水平。',
          ),
          default: true,
          title: { 'zh-CN': '关键共性技术供给与技术路线图', en: 'Supply of key common technologies and roadmap' },
          guidance: {
            'zh-CN':
              '考察研究方向是否聚焦本领域关键共性技术和前沿技术，能否突破产业发展的共性技术供给瓶颈、带动产业转型升级。技术路线图应在技术专家委员会指导下按照市场需求制定，目标、阶段节点和考核指标明确，并组织本领域国内外企业、高校、研究机构共同实施。',
            en: 'Is the research focused on key common and frontier technologies of the field, and can it relieve the supply bottleneck of common technologies and drive the upgrading of the industry? The roadmap should be drawn up under the guidance of the technical expert committee according to market demand, with clear goals, milestones and indicators, and carried out jointly with firms, universities and research bodies at home and abroad.',
          },
          weight: 10,
          scale: fourLevels(
            {
              'zh-CN': '方向准确把握行业重大共性需求，路线图目标清晰、节点可考核，实施主体覆盖面广',
              en: 'Direction squarely addresses major common needs of the industry; clear, verifiable roadmap carried out by a broad group of partners',
            },
            {
              'zh-CN': '方向符合行业需求，路线图较完整，个别节点不够具体',
              en: 'Direction fits industry needs; roadmap fairly complete, a few milestones vague',
            },
            {
              'zh-CN': '方向较宽泛，路线图缺少可量化的节点或实施安排',
              en: 'Direction broad; roadmap lacks quantified milestones or an implementation plan',
            },
            {
              'zh-CN': '研究内容不属于行业共性技术，或没有可执行的技术路线图',
              en: 'Work is not about common technologies of the industry, or there is no workable roadmap',
            },
          ),
          comment: { required: 'always', minLength: 20 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '建设和运行方案中的技术路线图、行业需求分析',
            en: 'Technology roadmap and analysis of industry needs in the construction and operation plan',
          },
        },
        coreTechnology({
          guidance: {
            'zh-CN':
              '考察拟突破的1-2项核心技术能否形成国内领先或国际先进水平，现有自主知识产权基础是否扎实，攻关方案和分工是否可行。重点看核心专利的数量、质量和权属，以及由多家成员联合攻关时的组织方式。',
            en: 'Can the one or two core technologies to be broken through reach a domestically leading or internationally advanced level, is the existing base of own intellectual property solid, and are the plan and division of work feasible? Look at the number, quality and ownership of core patents, and at how joint work by several members will be organised.',
          },
          weight: 8,
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
        }),
        {
          id: 'D2.3',
          source: shanghai('通过公共服务将成果及时辐射给行业,向企业尤其是中小企业源源不断提供前沿技术、共性技术和新工艺、新设备、新知识。'),
          default: true,
          title: { 'zh-CN': '成果辐射与转移扩散', en: 'Spreading results to the industry' },
          guidance: {
            'zh-CN':
              '考察能否通过公共服务将成果及时辐射给行业，向企业尤其是中小企业源源不断提供前沿技术、共性技术和新工艺、新设备、新知识；是否建立以市场化机制为核心的成果转移扩散机制。重点看发起单位已有的成果推广应用案例和覆盖的企业数量。',
            en: 'Can the centre pass its results to the industry promptly through public services, giving firms, SMEs in particular, a steady supply of frontier and common technologies, new processes, new equipment and new knowledge? Is there a market-based mechanism for transferring and diffusing results? Look at the past cases of the founding units in spreading results and the number of firms reached.',
          },
          weight: 7,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '成果推广应用证明、技术转让或许可合同、用户单位名单',
            en: 'Evidence of application of results; technology transfer or licence contracts; list of user firms',
          },
        },
      ],
    },
    {
      id: 'D3',
      source: shanghai(NON_ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '行业技术服务', en: 'Technical services to the industry' },
      guidance: {
        'zh-CN': '考察面向行业提供公共技术服务和开放共享资源的能力。',
        en: 'The ability to provide public technical services and shared resources to the industry.',
      },
      criteria: [
        {
          id: 'D3.1',
          source: shanghai(
            '通过5-10年的运作,逐步建立面向本市乃至全国相关行业提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等业务的公共服务平台。',
          ),
          default: true,
          title: { 'zh-CN': '公共服务平台', en: 'Public service platform' },
          guidance: {
            'zh-CN':
              '考察是否规划逐步建立面向产业提供关键共性技术和前瞻技术的公共服务平台，通过5-10年的运作提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等业务。重点看现有服务能力与资质、服务对象（尤其是中小企业）和阶段目标。',
            en: 'Does the plan build up, over 5-10 years, a public service platform that offers key common and forward-looking technologies to the industry: contract R&D, testing, certification and metrology, standards development and verification, training, incubation, feasibility studies and project evaluation? Look at current service capacity and accreditations, whom the services reach (SMEs in particular) and the milestones.',
          },
          weight: 8,
          scale: fourLevels(
            {
              'zh-CN': '服务体系完整，已具备检验检测等资质并对外服务，阶段目标明确',
              en: 'Complete range of services, accredited testing or similar already serving outside users, clear milestones',
            },
            {
              'zh-CN': '主要服务已规划并部分开展，阶段目标较明确',
              en: 'Main services planned and partly running; fairly clear milestones',
            },
            {
              'zh-CN': '服务内容有规划但尚未开展，服务对象不清',
              en: 'Services planned but not started; unclear whom they serve',
            },
            {
              'zh-CN': '没有公共服务平台规划',
              en: 'No plan for a public service platform',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '公共服务平台建设方案、服务目录、检验检测资质证书',
            en: 'Plan for the public service platform; catalogue of services; testing accreditation certificates',
          },
        },
        {
          id: 'D3.2',
          source: miit2016(
            '围绕重点领域组建标准推进联盟，研制对提升产业竞争力具有重要影响的关键技术标准，通过标准固化创新成果、推动创新成果应用、增强市场信心，促进标准与技术和产业发展的紧密结合。',
          ),
          default: true,
          title: { 'zh-CN': '标准研制与推广', en: 'Standards development and promotion' },
          guidance: {
            'zh-CN':
              '考察是否围绕重点领域研制对提升产业竞争力具有重要影响的关键技术标准，通过标准固化创新成果、推动成果应用、增强市场信心。重点看发起单位主导或参与制定国家、行业和团体标准的情况，以及组建或参与标准推进联盟的安排。',
            en: 'Will the centre develop key technical standards that matter for the competitiveness of the industry, consolidating results in standards, driving their use and building market confidence? Look at the national, industry and association standards the founding units have led or contributed to, and at plans to form or join a standards promotion alliance.',
          },
          weight: 6,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: STANDARDS_EVIDENCE,
        },
        {
          id: 'D3.3',
          source: shanghai('充分发挥现有资源优势,实现与成员之间、行业领域的资源开放共享,具备持续提升创新水平的能力。'),
          default: true,
          title: { 'zh-CN': '资源开放共享', en: 'Open sharing of resources' },
          guidance: {
            'zh-CN':
              '考察是否建立资源开放共享的平台，实现与成员之间、行业领域的仪器设备、数据和中试条件等资源开放共享。重点看开放共享规则和收费标准，以及服务对象是否覆盖非成员单位和中小企业。',
            en: 'Is there a platform for opening and sharing resources, such as instruments, data and pilot facilities, with members and the wider field? Look at the sharing rules and fee schedule, and at whether non-members and SMEs are served.',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '开放共享管理办法、共享设施清单及收费标准',
            en: 'Rules for open sharing; list of shared facilities and fees',
          },
        },
      ],
    },
    {
      id: 'D4',
      source: shanghai(NON_ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '协同创新', en: 'Collaborative innovation' },
      guidance: {
        'zh-CN': '考察产学研用协同机制、科学决策和知识产权协同运用的安排。',
        en: 'Arrangements for collaboration among industry, universities, institutes and users, for sound decision-making and for joint use of intellectual property.',
      },
      criteria: [
        {
          id: 'D4.1',
          source: shanghai('开展跨领域、跨学科、跨行业技术协同创新,构建联合开发、优势互补、成果共享、风险共担的协同创新机制。'),
          default: true,
          title: { 'zh-CN': '产学研用协同创新机制', en: 'Collaborative innovation mechanism' },
          guidance: {
            'zh-CN':
              '考察是否依托联盟形成联合开发、优势互补、成果共享、风险共担的产学研协同创新机制，能否发挥行业骨干企业主导作用、中小企业协同配套作用、高校科研院所技术支撑基础作用和行业中介组织的保障服务作用。重点看联盟内已开展的联合攻关项目和分工安排。',
            en: 'Does the alliance provide a mechanism of joint development, complementary strengths, shared results and shared risks among industry, universities and institutes, with backbone firms leading, SMEs cooperating, universities and institutes giving technical support and intermediary bodies providing services? Look at joint projects already under way in the alliance and how the work is divided.',
          },
          weight: 8,
          scale: fourLevels(
            {
              'zh-CN': '协同机制完整，联合攻关已实质开展，各类主体分工明确、作用突出',
              en: 'Complete mechanism; joint work already under way, each kind of member with a clear and active role',
            },
            {
              'zh-CN': '协同机制较完整，有联合攻关项目',
              en: 'Fairly complete mechanism with some joint projects',
            },
            {
              'zh-CN': '协同机制停留在协议层面，联合攻关较少',
              en: 'Mechanism exists only in agreements; little joint work',
            },
            {
              'zh-CN': '没有实际的协同创新安排',
              en: 'No real arrangement for collaborative innovation',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '联盟章程、联合攻关协议、项目分工说明',
            en: 'Alliance charter; joint research agreements; description of the division of work',
          },
        },
        {
          id: 'D4.2',
          source: shanghai('通过内部管理制度建设,明确各类主体的责、权、利,建立科学的决策机制,组建专业的经营管理团队。'),
          default: true,
          title: { 'zh-CN': '科学决策与技术专家委员会', en: 'Decision-making and the technical expert committee' },
          guidance: {
            'zh-CN':
              '考察是否通过内部管理制度明确各类主体的责、权、利，建立科学的决策机制并组建专业的管理团队；是否设立由学术界、企业界和政府委派的专家组成的技术专家委员会，主任由行业领军专家担任，负责研判行业发展重大问题并筛选确定研究方向。',
            en: 'Do internal rules set out the responsibilities, powers and interests of each party, with a sound decision-making mechanism and a professional management team? Is there a technical expert committee of experts from academia, industry and government appointees, chaired by a leading expert of the industry, that judges major questions of the industry and chooses research directions?',
          },
          weight: 6,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '章程、理事会议事规则、技术专家委员会名单及会议纪要',
            en: 'Charter; rules of procedure of the council; member list and minutes of the technical expert committee',
          },
        },
        {
          id: 'D4.3',
          source: miit2016('建立完善的知识产权管理制度，在制造业创新中心成员间形成知识产权协同创造、联合运营和收益共享。'),
          default: true,
          title: { 'zh-CN': '知识产权协同创造与收益共享', en: 'Joint IP creation and income sharing' },
          guidance: {
            'zh-CN':
              '考察是否建立知识产权创造、运用、管理和收益制度，在成员间形成知识产权协同创造、联合运营和收益共享，以及科学合理的成果转化机制和专利许可转让制度。权属和收益分配约定应清晰，避免成员间产生纠纷。',
            en: 'Are there rules for creating, using, managing and earning from intellectual property, so that members create IP together, operate it jointly and share the income, with a sound commercialisation mechanism and rules for licensing and assigning patents? Ownership and revenue split should be clearly agreed to avoid disputes among members.',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'belowThreshold', threshold: 5, minLength: 10 },
          evidenceHint: IP_RULES_EVIDENCE,
        },
      ],
    },
    {
      id: 'D5',
      source: shanghai(NON_ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '开展国际合作', en: 'International cooperation' },
      guidance: {
        'zh-CN': '考察集聚整合全球创新资源、参与国际标准化和国际交流的能力。',
        en: 'The ability to draw on global innovation resources and to take part in international standardisation and exchange.',
      },
      criteria: [
        {
          id: 'D5.1',
          source: shanghai(
            '积极探索国际创新合作新模式,跟踪国际发展前沿,通过项目合作、高水平技术和团队引进、联合研发、联合共建等形式,促进行业共性技术水平提升和产业发展。',
          ),
          default: true,
          title: { 'zh-CN': '国际创新资源集聚与合作', en: 'Drawing on global innovation resources' },
          guidance: {
            'zh-CN':
              '考察是否具有较强的国际视野，能否跟踪国际发展前沿，通过项目合作、高水平技术和团队引进、联合研发、联合共建等形式集聚整合全球创新资源。重点看发起单位已有的国际合作项目、海外合作伙伴和联合研发中心或实验基地。',
            en: 'Does the centre have a broad international outlook, can it follow the international frontier, and will it draw in global innovation resources through project cooperation, bringing in advanced technologies and teams, joint R&D and jointly built facilities? Look at the existing international projects and overseas partners of the founding units, and at joint R&D centres or test bases.',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '国际合作协议、联合研发中心或实验基地共建文件',
            en: 'International cooperation agreements; documents on jointly built R&D centres or test bases',
          },
        },
        {
          id: 'D5.2',
          source: miit2016('积极参加各类国际标准化活动，主导和参与国际标准制定，增加国际标准话语权，提升我国相关产业的国际竞争力。'),
          default: true,
          title: { 'zh-CN': '国际标准化与国际交流', en: 'International standardisation and exchange' },
          guidance: {
            'zh-CN':
              '考察是否积极参加国际标准化活动、主导和参与国际标准制定，是否开展国际科技创新信息的跟踪、收集和分析，以及通过人才引进、技术引进、专利交叉许可等形式开展国际交流。',
            en: 'Does the centre take part in international standardisation and lead or contribute to international standards? Does it track, collect and analyse international science and innovation information, and exchange with partners abroad through recruiting talent, bringing in technology and cross-licensing patents?',
          },
          weight: 4,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '国际标准组织任职或提案证明、国际交流记录',
            en: 'Evidence of posts or proposals in international standards bodies; records of international exchange',
          },
        },
      ],
    },
    {
      id: 'D6',
      default: true,
      title: { 'zh-CN': '可持续运营与人才队伍', en: 'Sustainable operation and talent' },
      guidance: {
        'zh-CN': '考察创新中心的经费保障、自我可持续发展能力和人才队伍建设安排。',
        en: 'Funding, the ability of the centre to sustain itself, and plans for its talent team.',
      },
      criteria: [
        {
          id: 'D6.1',
          source: shanghai('应具有自我可持续发展能力。创新中心在获取满足基本运行需要的股东或发起单位资金支持的基础上'),
          default: true,
          title: { 'zh-CN': '自我可持续发展能力', en: 'Ability to sustain itself' },
          guidance: {
            'zh-CN':
              '考察在获取满足基本运行需要的发起单位资金支持的基础上，能否通过会员费、委托研发、技术服务和与社会资本合作实现可持续运营。重点看经费来源结构、资金分担安排和市场化收入目标是否合理可行。',
            en: 'On top of funding from the founding units for basic operation, can the centre sustain itself through membership fees, contract R&D, technical services and cooperation with private capital? Look at the mix of funding sources, how costs are shared, and whether the targets for market income are realistic.',
          },
          weight: 6,
          scale: fourLevels(
            {
              'zh-CN': '经费来源多元稳定，分担机制明确，市场化收入有合同或意向支撑',
              en: 'Diverse, stable funding with clear cost sharing; market income backed by contracts or letters of intent',
            },
            {
              'zh-CN': '经费来源较稳定，分担机制基本明确',
              en: 'Fairly stable funding; cost sharing broadly settled',
            },
            {
              'zh-CN': '主要依赖政府资金，分担机制不清',
              en: 'Relies mainly on government funds; cost sharing unclear',
            },
            {
              'zh-CN': '没有可靠的经费来源',
              en: 'No reliable source of funding',
            },
          ),
          comment: { required: 'always', minLength: 15 },
          evidenceHint: {
            'zh-CN': '经费预算、会费或出资承诺、技术服务合同或意向书',
            en: 'Budget; membership fee or contribution commitments; technical service contracts or letters of intent',
          },
        },
        {
          id: 'D6.2',
          source: shanghai(
            '面向全球选聘高水平领军人才和创新团队,加强不同层次创新人才的引进、培育和交流,充分发挥创新人才对产业发展的带动作用。',
          ),
          default: true,
          title: { 'zh-CN': '人才队伍建设', en: 'Building the talent team' },
          guidance: {
            'zh-CN':
              '考察能否面向全球选聘高水平领军人才和创新团队，是否建立人才引进、培养、培训和交流机制以及具有市场竞争力的薪酬激励体系，是否与高校、科研机构推进产教融合、共同培养创新型人才。',
            en: 'Can the centre recruit leading talent and innovation teams worldwide? Are there arrangements for recruiting, developing, training and exchanging staff, with market-competitive pay and incentives, and for training innovative talent jointly with universities and research bodies?',
          },
          weight: 4,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '人才引进计划、薪酬激励制度、产教融合合作协议',
            en: 'Recruitment plan; pay and incentive rules; agreements on joint training with universities',
          },
        },
      ],
    },
  ],
  totalPoints: 100,
  passThreshold: 60,
  gradeBands: gradeBands(),
  recommendations: selectionRecommendations(),
  // Ties are broken by the type's main emphases, in the plan's order.
  tieBreak: ['D2', 'D3', 'D4'],
  scoring: { default: true },
  siteVisit: [
    {
      id: 'SV1',
      default: true,
      title: { 'zh-CN': '法人登记与发起单位', en: 'Registration and founding units' },
      guidance: {
        'zh-CN': '核对法人登记证书原件、章程、发起单位名单和出资或会费到位凭证，确认法人类型、注册地和排名前列企业的参与情况与申报一致。',
        en: 'Check the original registration certificate, the charter, the list of founding units and proof that contributions or fees have been paid; confirm that the legal form, the place of registration and the participation of leading firms match the application.',
      },
    },
    premisesVisit(),
    {
      id: 'SV3',
      default: true,
      title: { 'zh-CN': '科研设施与仪器装备', en: 'Research facilities and instruments' },
      guidance: {
        'zh-CN': '对照仪器设备清单，抽查关键仪器装备的实物、铭牌、运行状态和使用记录，核实开放共享安排和对外服务记录。',
        en: 'Spot-check key instruments against the equipment list: the item itself, its nameplate, working state and logbook. Verify the sharing arrangements and records of service to outside users.',
      },
    },
    staffVisit(),
    {
      id: 'SV5',
      default: true,
      title: { 'zh-CN': '联盟成员', en: 'Alliance members' },
      guidance: {
        'zh-CN': '核对联盟章程、成员名单和入盟协议，抽查用户单位、高校院所和创新平台成员的参与证明及联合攻关记录，必要时电话核实。',
        en: 'Check the alliance charter, member list and membership agreements; spot-check evidence of participation and joint work by user organisations, universities and institutes, and innovation platforms, and call them if needed.',
      },
    },
    committeeVisit(),
    {
      id: 'SV7',
      default: true,
      title: { 'zh-CN': '中试线与公共服务平台', en: 'Pilot lines and public service platform' },
      guidance: {
        'zh-CN': '现场查看中试线、试验检测或验证平台的实际条件和相关资质，查阅对外服务台账和服务合同。',
        en: 'See the pilot lines, testing or verification platforms on site and their accreditations; review the register of services and the service contracts with outside users.',
      },
    },
    {
      id: 'SV8',
      default: true,
      title: { 'zh-CN': '国际合作', en: 'International cooperation' },
      guidance: {
        'zh-CN': '查阅国际合作协议、联合研发中心或实验基地的共建文件，以及与外方合作的往来记录，核实合作是否实际开展。',
        en: 'Review international cooperation agreements, documents on jointly built R&D centres or test bases, and correspondence with foreign partners; verify that the cooperation is real.',
      },
    },
    {
      id: 'SV9',
      default: true,
      title: { 'zh-CN': '管理制度与经费', en: 'Management rules and funding' },
      guidance: {
        'zh-CN': '查看内部管理制度、知识产权管理办法、理事会决议和经费收支记录，确认制度已制定并实际执行、经费已到位。',
        en: 'Review internal rules, IP management rules, council resolutions and records of income and spending; confirm that the rules exist and are applied and that the funding has arrived.',
      },
    },
  ],
};
