/**
 * Selection rubric for an enterprise-legal-person-type manufacturing
 * innovation centre (创新中心（企业法人型）, run as "company + alliance").
 *
 * Wording follows MIIT 2016 No. 273 (工信部科〔2016〕273号) and the Shanghai
 * implementation plan (上海市制造业创新中心建设工程实施方案 2022–2025): the
 * basic conditions become pass/fail gates, the applicant requirements,
 * operating and business mechanisms become scored criteria, and the weights
 * follow the plan's emphasis for this type: key common technology R&D,
 * transfer/diffusion and industrialisation, industry standards, a modern
 * enterprise management system and self-sustaining income (自我造血).
 */
import type { Rubric } from '../model.ts';
import { ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION, miit2016, shanghai } from './sources.ts';
import { gradeBands, fourLevels, gate, points10, points5 } from './builders.ts';
import {
  IP_RULES_EVIDENCE,
  STANDARDS_EVIDENCE,
  committeeVisit,
  nationalBid,
  coreTechnology,
  premisesVisit,
  projectRecord,
  selectionGates,
  selectionRecommendations,
  staffVisit,
} from './selection-shared.ts';

export const enterpriseSelection: Rubric = {
  schemaVersion: 2,
  id: 'mic-selection-enterprise',
  version: 1,
  title: {
    'zh-CN': '制造业创新中心遴选评审（企业法人型）',
    en: 'Manufacturing innovation centre selection review (enterprise legal person type)',
  },
  description: {
    'zh-CN':
      '适用于由企业、科研院所、高校、社会组织等各类创新主体以股份制独立法人形式组建企业主体、采取“公司+联盟”模式运行的制造业创新中心（企业法人型）的遴选评审。专家组根据申报类别对申报单位进行评审和考察：先逐项核对基本条件：专家认为某项不符合的须写明理由，该申报即提请专家组认定资格（待专家组认定），不由一位专家否决；再按评分标准逐项打分，重点考评行业关键共性技术研发、技术成果转移扩散和产业化、行业标准、现代企业管理制度和自我造血功能。满分100分、合格线60分及各项分值均为默认值（组织单位可调整），申报指南未作规定。遴选须经过专家评审和现场考察两个环节。',
    en: 'For the selection of manufacturing innovation centres of the enterprise legal person type: an entity formed by enterprises, research institutes, universities and other organisations as a joint-stock independent legal person and run on the "company + alliance" model. The expert group reviews and visits each applicant according to its declared category. First it checks the basic conditions one by one: an expert who finds one not met gives the reason, and the application goes to the panel, which decides its eligibility (pending the panel\'s decision); no single expert vetoes it. Then it scores each criterion, with emphasis on R&D of key common technologies for the industry, transfer, diffusion and industrialisation of results, industry standards, a modern enterprise management system and self-sustaining income. The 100-point total, the pass mark of 60 and every weight are defaults the organiser may change; the programme documents fix none of them. Selection requires both expert review and a site visit.',
  },
  appliesTo: ['enterprise'],
  stage: 'selection',
  gates: [
    gate({
      id: 'G1',
      title: { 'zh-CN': '注册时间与法人形式', en: 'Registration date and legal form' },
      guidance: {
        'zh-CN':
          '申报主体应为三年内在本市新注册的股份制独立法人。核对营业执照的成立日期、企业类型和注册地；成立超过三年、非股份制或注册地不在本市的，不满足本条件。',
        en: 'The applicant must be a joint-stock independent legal person newly registered in the city within the last three years. Check the date of establishment, company type and registered address on the business licence. An entity older than three years, not joint-stock or registered elsewhere fails this condition.',
      },
      evidenceHint: { 'zh-CN': '营业执照、公司章程', en: 'Business licence; articles of association' },
      source: shanghai('——三年内在本市新注册的股份制独立法人,采取“公司+联盟”模式运行。'),
    }),
    gate({
      id: 'G2',
      title: { 'zh-CN': '“公司+联盟”运行模式', en: 'The "company + alliance" operating model' },
      guidance: {
        'zh-CN':
          '创新中心应采取“公司+联盟”模式运行，公司与联盟之间的关系、分工和协作机制应在建设和运行方案中予以明确。只有公司而无配套联盟，或联盟仅停留在纸面上的，不满足本条件。',
        en: 'The centre must be run on the "company + alliance" model, and the construction and operation plan must set out how the company and the alliance relate, divide the work and cooperate. A company without an accompanying alliance, or an alliance that exists only on paper, fails this condition.',
      },
      evidenceHint: {
        'zh-CN': '建设和运行方案、联盟章程',
        en: 'Construction and operation plan; alliance charter',
      },
      source: shanghai('——三年内在本市新注册的股份制独立法人,采取“公司+联盟”模式运行。'),
    }),
    gate({
      id: 'G3',
      title: { 'zh-CN': '股东构成', en: 'Shareholders' },
      guidance: {
        'zh-CN':
          '公司应面向行业，由本领域骨干企业及产业链上下游单位以资本为纽带组成，股东中应包括若干家在本领域排名前列的企业。核对股东名册和出资情况，确认排名前列的企业已实际出资入股。',
        en: 'The company must serve the industry and be formed, with capital as the link, by backbone enterprises of the field and upstream and downstream units of the industrial chain. Its shareholders must include several enterprises ranking among the leaders of the field. Check the shareholder register and capital contributions to confirm that the leading enterprises have actually invested.',
      },
      evidenceHint: {
        'zh-CN': '股东名册、出资证明、股东单位行业地位证明材料',
        en: 'Shareholder register; proof of capital contributions; evidence of the standing of shareholders in the industry',
      },
      source: shanghai(
        '——公司应是面向行业,由本领域骨干企业及产业链上下游单位以资本为纽带组成的独立企业法人,股东中应包括若干家在本领域排名前列的企业。',
      ),
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
        'zh-CN': '对照发起单位（申请单位）要求，评价科研投入、基础设施和人才等基础条件。',
        en: 'Measured against the requirements for founding (applicant) units: R&D investment, facilities and talent.',
      },
      criteria: [
        {
          id: 'D1.1',
          source: shanghai('具备比较雄厚的科研投入和经济实力,在所属领域长期从事研究开发且有持续研发投入'),
          default: true,
          title: { 'zh-CN': '研发投入与经济实力', en: 'R&D investment and financial strength' },
          guidance: {
            'zh-CN':
              '考察发起单位是否具备比较雄厚的科研投入和经济实力，在所属领域长期从事研究开发且有持续研发投入。重点看近三年研发投入总额、研发投入强度及其变化趋势，以及股东出资承诺能否保障创新中心基本运行需要。',
            en: 'Do the founding units have strong R&D investment and financial strength, with long-standing research and development in the field and sustained R&D spending? Look at total R&D spending and R&D intensity over the last three years and their trend, and at whether the capital committed by shareholders covers the basic operating needs of the centre.',
          },
          weight: 5,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '近三年审计报告、研发费用专项审计或加计扣除证明、股东出资承诺书',
            en: 'Audited accounts for the last three years; R&D expense audit or super-deduction records; capital commitment letters from shareholders',
          },
        },
        {
          id: 'D1.2',
          source: shanghai('有先进的科研基础设施、仪器装备'),
          default: true,
          title: { 'zh-CN': '科研基础设施与仪器装备', en: 'Research facilities and instruments' },
          guidance: {
            'zh-CN':
              '考察是否拥有先进的科研基础设施、仪器装备，以及比较完善的研究开发平台或商业应用平台。重点看关键设备的先进性、可用于中试验证的条件，以及设施向创新中心开放使用的安排。',
            en: 'Are there advanced research facilities and instruments, and a fairly complete R&D or commercial application platform? Look at how advanced the key equipment is, what is available for pilot-scale verification, and how the facilities will be opened to the centre.',
          },
          weight: 5,
          scale: fourLevels(
            {
              'zh-CN': '设施和装备达到国内领先水平，关键设备齐全，已明确向创新中心开放使用',
              en: 'Facilities and equipment among the best in the country; key equipment complete and already committed to the centre',
            },
            {
              'zh-CN': '设施和装备较为先进，能满足主要研发和中试需要',
              en: 'Fairly advanced facilities and equipment that meet the main R&D and pilot needs',
            },
            {
              'zh-CN': '设施基本满足研发需要，但中试验证条件不足',
              en: 'Facilities basically meet R&D needs, but pilot and verification capacity is lacking',
            },
            {
              'zh-CN': '设施和装备薄弱，或主要依赖外部且无开放使用安排',
              en: 'Weak facilities and equipment, or mainly borrowed from others with no arrangement for access',
            },
          ),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '仪器设备清单（含原值、购置年份）、场地产权或租赁证明',
            en: 'Equipment list with original value and year of purchase; proof of ownership or lease of the premises',
          },
        },
        {
          id: 'D1.3',
          source: shanghai('对创建创新中心积极性高,并有开展研发的高端人才,具备为技术创新发展提供支撑的能力。'),
          default: true,
          title: { 'zh-CN': '高端人才与创建积极性', en: 'High-end talent and commitment' },
          guidance: {
            'zh-CN':
              '考察发起单位是否有开展研发的高端人才，是否具备为技术创新发展提供支撑的能力，以及对创建创新中心的积极性；人才队伍建设方面，是否有引进和培养人才的安排，是否联合高校、科研机构推进产教融合。重点看领军人才的学术和产业影响力、核心团队的专职投入程度、各方的人员派驻承诺，以及产教融合的合作协议。',
            en: 'Do the founding units have high-end R&D talent and the ability to support technological innovation, and how committed are they to building the centre? For the talent team: are there plans to attract and train people, and does the centre work with universities and research institutes on industry–education integration? Look at the standing of the leading experts in research and industry, how much of the core team works for the centre full time, the commitments of each party to second staff, and agreements on industry–education integration.',
          },
          weight: 5,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '核心团队名单及简历、劳动合同或派驻协议',
            en: 'Core team list with CVs; employment contracts or secondment agreements',
          },
        },
      ],
    },
    {
      id: 'D2',
      source: shanghai(ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '行业关键共性技术研发', en: 'R&D of key common technologies for the industry' },
      guidance: {
        'zh-CN': '考察创新中心能否突破产业发展的共性技术供给瓶颈，这是企业法人型创新中心的首要考评方面。',
        en: 'Whether the centre can relieve the supply bottleneck of common technologies for the industry; the first thing assessed for an enterprise-type centre.',
      },
      criteria: [
        {
          id: 'D2.1',
          source: shanghai(
            '在技术专家委员会的指导下,按照市场需求,结合行业发展,制定明确的技术路线图,并组织本领域国内外企业、高校、研究机构共同实施。',
          ),
          default: true,
          title: { 'zh-CN': '研究方向与技术路线图', en: 'Research direction and technology roadmap' },
          guidance: {
            'zh-CN':
              '考察研究方向是否聚焦本领域产业前沿和关键共性技术，是否针对行业发展的薄弱环节和共性技术供给不足问题。技术路线图应按照市场需求、结合行业发展制定，目标、阶段节点和考核指标明确，并说明与国内外已有工作的差异。',
            en: 'Is the research focused on frontier and key common technologies of the field, aimed at the weak links of the industry and the short supply of common technologies? The technology roadmap should follow market demand and the development of the industry, with clear goals, milestones and measurable indicators, and should explain how it differs from existing work at home and abroad.',
          },
          weight: 8,
          scale: fourLevels(
            {
              'zh-CN': '方向准确把握行业重大共性需求，路线图目标清晰、节点可考核',
              en: 'Direction squarely addresses major common needs of the industry; roadmap with clear goals and verifiable milestones',
            },
            {
              'zh-CN': '方向符合行业需求，路线图较完整，个别节点不够具体',
              en: 'Direction fits industry needs; roadmap fairly complete, a few milestones vague',
            },
            {
              'zh-CN': '方向较宽泛或偏重个别企业需求，路线图缺少可量化的节点',
              en: 'Direction broad or skewed towards the needs of a few firms; roadmap lacks quantified milestones',
            },
            {
              'zh-CN': '研究内容不属于共性技术，或没有可执行的技术路线图',
              en: 'Work is not about common technologies, or there is no workable roadmap',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '建设和运行方案中的技术路线图、行业需求分析',
            en: 'Technology roadmap and analysis of industry needs in the construction and operation plan',
          },
        },
        coreTechnology({
          guidance: {
            'zh-CN':
              '考察拟突破的1-2项核心技术能否形成国内领先或国际先进水平，现有自主知识产权基础是否扎实，攻关方案是否可行。重点看核心专利的数量、质量和权属，以及关键核心技术与基础共性技术的知识产权战略储备和前瞻布局。',
            en: 'Can the one or two core technologies to be broken through reach a domestically leading or internationally advanced level, is the existing base of own intellectual property solid, and is the plan for the work feasible? Look at the number, quality and ownership of core patents, and at the strategic reserve and forward-looking layout of IP in key core and basic common technologies.',
          },
          weight: 10,
          comment: { required: 'always', minLength: 20 },
        }),
        projectRecord({
          id: 'D2.3',
          title: { 'zh-CN': '重点研发项目承担经验', en: 'Record of key national or industry R&D projects' },
          weight: 7,
        }),
      ],
    },
    {
      id: 'D3',
      source: shanghai(ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: {
        'zh-CN': '技术成果转移扩散和产业化',
        en: 'Transfer, diffusion and industrialisation of results',
      },
      guidance: {
        'zh-CN': '考察打通技术开发、转移扩散到首次商业化应用创新链条的能力。',
        en: 'The ability to link technology development, transfer and diffusion, and first commercial application.',
      },
      criteria: [
        {
          id: 'D3.1',
          source: shanghai(
            '建立以市场化机制为核心的成果转移扩散机制,通过孵化企业、种子项目融资等方式,推动技术成果转移扩散和首次商业化应用,探索采取多种激励方式,鼓励科技人员积极转化科技成果。',
          ),
          default: true,
          title: {
            'zh-CN': '成果转移扩散与首次商业化机制',
            en: 'Mechanism for transfer, diffusion and first commercial use',
          },
          guidance: {
            'zh-CN':
              '考察是否建立以市场化机制为核心的成果转移扩散机制，是否通过孵化企业、种子项目融资等方式推动技术成果首次商业化应用，是否采取股权、期权激励和奖励等方式鼓励科技人员转化成果。重点看发起单位已有的成果转化和商业化案例及其经济效益。',
            en: 'Is there a market-based mechanism for transferring and diffusing results? Will enterprise incubation, seed-project financing and similar means bring results to first commercial use, and are equity, options and rewards used to encourage researchers to commercialise them? Look at the past commercialisation cases of the founding units and their economic returns.',
          },
          weight: 8,
          scale: fourLevels(
            {
              'zh-CN': '机制完整且市场化，已有多项成果实现首次商业化并产生显著效益',
              en: 'Complete, market-based mechanism; several results already in first commercial use with significant returns',
            },
            {
              'zh-CN': '机制较完整，有成功的成果转化案例',
              en: 'Fairly complete mechanism with successful commercialisation cases',
            },
            {
              'zh-CN': '机制初步建立，转化案例少或效益不明显',
              en: 'Mechanism only outlined; few cases or unclear returns',
            },
            {
              'zh-CN': '没有成果转移扩散机制，也缺乏转化经验',
              en: 'No transfer mechanism and no commercialisation record',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '技术转让或许可合同、孵化企业名单、成果转化收益凭证',
            en: 'Technology transfer or licence contracts; list of incubated firms; records of commercialisation income',
          },
        },
        {
          id: 'D3.2',
          source: shanghai('通过对技术创新成果开展中试及相应的检验、验证,解决科技成果在产业化过程中的工艺、装备及其他技术难题。'),
          default: true,
          title: { 'zh-CN': '中试验证与工程化能力', en: 'Pilot-scale verification and engineering' },
          guidance: {
            'zh-CN':
              '考察是否具备对技术创新成果开展中试及相应检验、验证的条件，能否解决科技成果产业化过程中的工艺、装备及其他技术难题。重点看中试线或验证平台的规模、投运时间和对外服务安排。',
            en: 'Can the centre run pilot-scale trials of results with the related testing and verification, and solve process, equipment and other technical problems on the way to industrialisation? Look at the scale of pilot lines or verification platforms, when they start operating and how they will serve outside users.',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '中试线建设方案或验收材料、对外服务合同',
            en: 'Pilot line plan or acceptance records; service contracts with outside users',
          },
        },
        {
          id: 'D3.3',
          source: shanghai('建立知识产权创造、运用、管理和收益制度,以及科学合理的成果转化机制和专利许可转让制度。'),
          default: true,
          title: { 'zh-CN': '知识产权分享与成果转化制度', en: 'IP sharing and commercialisation rules' },
          guidance: {
            'zh-CN':
              '考察是否建立知识产权创造、运用、管理和收益制度，以及科学合理的成果转化机制和专利许可转让制度。成员之间应能实现知识产权协同创造、联合运营和收益共享，权属和收益分配约定清晰。',
            en: 'Are there rules for creating, using, managing and earning from intellectual property, with a sound commercialisation mechanism and rules for licensing and assigning patents? Members should be able to create IP together, operate it jointly and share the income, with clear agreements on ownership and revenue split.',
          },
          weight: 6,
          scale: points5(),
          comment: { required: 'belowThreshold', threshold: 3, minLength: 10 },
          threshold: 3,
          evidenceHint: IP_RULES_EVIDENCE,
        },
      ],
    },
    {
      id: 'D4',
      source: shanghai(ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '行业标准与行业引领', en: 'Industry standards and leadership' },
      guidance: {
        'zh-CN': '考察通过标准固化创新成果、发挥行业引领作用的能力。',
        en: 'The ability to consolidate results in standards and to lead the industry.',
      },
      criteria: [
        {
          id: 'D4.1',
          source: miit2016(
            '围绕重点领域组建标准推进联盟，研制对提升产业竞争力具有重要影响的关键技术标准，通过标准固化创新成果、推动创新成果应用、增强市场信心，促进标准与技术和产业发展的紧密结合。',
          ),
          default: true,
          title: { 'zh-CN': '行业标准研制', en: 'Development of industry standards' },
          guidance: {
            'zh-CN':
              '考察是否围绕重点领域研制对提升产业竞争力具有重要影响的关键技术标准，通过标准固化创新成果、推动创新成果应用。重点看发起单位主导或参与制定国际、国家、行业和团体标准的情况，以及创新中心的标准工作规划。',
            en: 'Will the centre develop key technical standards that matter for the competitiveness of the industry, consolidating results in standards and driving their use? Look at the international, national, industry and association standards the founding units have led or contributed to, and at the plan of the centre for standards work.',
          },
          weight: 5,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: STANDARDS_EVIDENCE,
        },
        {
          id: 'D4.2',
          source: shanghai(
            '充分发挥高校院所基础研究和学科人才优势,行业骨干、中小企业的支撑功能和协同作用,持续保持行业领先地位并带动产业链核心环节创新发展。',
          ),
          default: true,
          title: { 'zh-CN': '联盟协同与资源开放共享', en: 'Alliance collaboration and open sharing of resources' },
          guidance: {
            'zh-CN':
              '考察发起单位是否有较强国际视野和整合行业创新资源能力；联盟能否充分发挥高校院所基础研究和学科人才优势、行业骨干和中小企业的支撑功能和协同作用，是否建立与成员之间、行业领域的资源开放共享平台。重点看联盟成员的代表性、国内外合作伙伴、已开展的联合攻关和可共享的设施清单。',
            en: 'Do the founding units have a broad international outlook and the ability to bring together the innovation resources of the industry? Does the alliance make full use of the basic research and disciplines of universities and institutes, and of the support and cooperation of backbone firms and SMEs? Is there a platform for opening and sharing resources with members and the wider field? Look at how representative the members are, partners at home and abroad, joint projects already under way, and the list of shareable facilities.',
          },
          weight: 5,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '联盟成员名单、联合攻关协议、开放共享设施清单',
            en: 'Alliance member list; joint research agreements; list of facilities open for sharing',
          },
        },
      ],
    },
    {
      id: 'D5',
      source: shanghai(ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '现代企业管理制度', en: 'Modern enterprise management system' },
      guidance: {
        'zh-CN': '考察公司治理、科学决策和专业化经营管理水平。',
        en: 'Corporate governance, sound decision-making and professional management.',
      },
      criteria: [
        {
          id: 'D5.1',
          source: shanghai('通过内部管理制度建设,明确各类主体的责、权、利,建立科学的决策机制,组建专业的经营管理团队。'),
          default: true,
          title: { 'zh-CN': '法人治理与科学决策机制', en: 'Corporate governance and decision-making' },
          guidance: {
            'zh-CN':
              '考察是否建立规范的法人治理结构（股东会、董事会、监事会和经营层），通过内部管理制度明确各类主体的责、权、利，建立科学的决策机制。重点看公司章程对重大事项决策的约定，以及能否避免单一股东控制。',
            en: 'Is there a proper governance structure (shareholders meeting, board, supervisors and management), with internal rules that set out the responsibilities, powers and interests of each party and a sound decision-making mechanism? Look at how the articles of association settle major decisions, and whether control by a single shareholder is avoided.',
          },
          weight: 6,
          scale: fourLevels(
            {
              'zh-CN': '治理结构健全，股权结构合理，决策规则清晰并已实际运行',
              en: 'Sound governance, balanced shareholding, clear decision rules already in use',
            },
            {
              'zh-CN': '治理结构较健全，个别制度尚待完善',
              en: 'Fairly sound governance; a few rules still to be completed',
            },
            {
              'zh-CN': '治理结构初步建立，决策机制不够清晰或有单一股东控制倾向',
              en: 'Governance only set up on paper; decision rules unclear or tending towards control by one shareholder',
            },
            {
              'zh-CN': '缺乏基本的法人治理结构或内部管理制度',
              en: 'No basic governance structure or internal rules',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '公司章程、股东会和董事会决议、内部管理制度汇编',
            en: 'Articles of association; shareholder and board resolutions; collected internal rules',
          },
        },
        {
          id: 'D5.2',
          source: shanghai(
            '技术专家委员会由来自学术界、企业界和政府委派的专家组成,负责研判行业发展重大问题并筛选确定研究方向。技术专家委员会主任应由行业领军专家担任。',
          ),
          default: true,
          title: { 'zh-CN': '技术专家委员会', en: 'Technical expert committee' },
          guidance: {
            'zh-CN':
              '考察是否设立由学术界、企业界和政府委派的专家组成的技术专家委员会，主任是否由行业领军专家担任，职责是否包括研判行业发展重大问题、筛选确定研究方向。重点看委员构成的代表性和议事规则。',
            en: 'Is there a technical expert committee of experts from academia, industry and government appointees, chaired by a leading expert of the industry and charged with judging major questions of the industry and choosing research directions? Look at how representative its members are and at its rules of procedure.',
          },
          weight: 4,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '技术专家委员会名单、章程及会议纪要',
            en: 'Member list, charter and minutes of the technical expert committee',
          },
        },
        {
          id: 'D5.3',
          source: shanghai('组建专业的经营管理团队'),
          default: true,
          title: { 'zh-CN': '专业经营管理团队', en: 'Professional management team' },
          guidance: {
            'zh-CN':
              '考察是否组建专业的经营管理团队，主要负责人是否具备技术研发和产业化管理经验并全职到岗，是否建立具有市场竞争力的薪酬和激励体系。',
            en: 'Has a professional management team been formed? Do the top managers have experience in managing R&D and industrialisation and work for the centre full time? Is there a market-competitive pay and incentive system?',
          },
          weight: 5,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '经营管理团队名单及履历、薪酬与激励制度',
            en: 'Management team list with CVs; pay and incentive rules',
          },
        },
      ],
    },
    {
      id: 'D6',
      source: shanghai(ENTERPRISE_EMPHASIS, EMPHASIS_FOR_SELECTION),
      default: true,
      title: { 'zh-CN': '自我造血与可持续发展', en: 'Self-sustaining income and sustainability' },
      guidance: {
        'zh-CN': '考察创新中心在股东基本投入之外，依靠市场化服务和成果转化实现自我造血的能力。',
        en: 'Whether the centre, beyond the basic funding of its shareholders, can earn its own income from market services and commercialisation.',
      },
      criteria: [
        {
          id: 'D6.1',
          source: shanghai(
            '创新中心在获取满足基本运行需要的股东或发起单位资金支持的基础上,可根据市场需求,与社会资本密切合作,吸收成员单位等各方面的创新资源和科研成果,自主开展技术研发或接受企业委托开展技术研发',
          ),
          default: true,
          title: { 'zh-CN': '自我造血能力与收入结构', en: 'Self-sustaining income and its sources' },
          guidance: {
            'zh-CN':
              '考察在获取满足基本运行需要的股东资金支持的基础上，能否通过自主开展技术研发、接受企业委托研发、技术服务和成果转化取得持续收入。重点看收入预测的依据、市场化收入占比的目标与路径，以及财务预测是否审慎。',
            en: 'On top of shareholder funding for basic operation, can the centre earn steady income from its own R&D, contract R&D for firms, technical services and commercialisation? Look at the basis of the revenue forecast, the target share of market income and the path to it, and whether the financial forecast is prudent.',
          },
          weight: 6,
          scale: fourLevels(
            {
              'zh-CN': '收入来源多元，市场化收入路径清晰，并有合同或意向书支撑',
              en: 'Diverse income; a clear path to market income backed by contracts or letters of intent',
            },
            {
              'zh-CN': '有较明确的市场化收入来源，财务预测基本合理',
              en: 'Fairly clear sources of market income; forecast broadly sound',
            },
            {
              'zh-CN': '主要依赖股东投入和政府资金，市场化收入路径不清',
              en: 'Relies mainly on shareholders and government funds; path to market income unclear',
            },
            {
              'zh-CN': '没有可持续的收入来源，或财务预测明显不实',
              en: 'No sustainable income, or an evidently unrealistic forecast',
            },
          ),
          comment: { required: 'always', minLength: 15 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '财务预测、委托研发和技术服务合同或意向书',
            en: 'Financial forecast; contracts or letters of intent for contract R&D and technical services',
          },
        },
        {
          id: 'D6.2',
          source: shanghai(
            '通过5-10年的运作,逐步建立面向本市乃至全国相关行业提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等业务的公共服务平台。',
          ),
          default: true,
          title: { 'zh-CN': '公共服务平台建设', en: 'Public service platform' },
          guidance: {
            'zh-CN':
              '考察是否规划逐步建立面向产业提供关键共性技术和前瞻技术的公共服务平台，通过5-10年的运作提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等业务。重点看服务内容、服务对象（尤其是中小企业）和阶段目标。',
            en: 'Does the plan build up, over 5-10 years, a public service platform that offers key common and forward-looking technologies to the industry: contract R&D, testing, certification and metrology, standards development and verification, training, incubation, feasibility studies and project evaluation? Look at the services, whom they serve (SMEs in particular) and the milestones.',
          },
          weight: 5,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '公共服务平台建设方案、服务目录',
            en: 'Plan for the public service platform; catalogue of services',
          },
        },
        {
          id: 'D6.3',
          source: shanghai('应积极探索多方协同、多元投资的运作新模式,构建多元化融资渠道。'),
          default: true,
          title: { 'zh-CN': '多元化融资渠道', en: 'Diversified funding' },
          guidance: {
            'zh-CN':
              '考察是否积极探索多方协同、多元投资的运作模式，除股东入股外能否充分利用社会基金、产业基金、金融机构等各方力量，推动中试技术产业化，保障创新中心的长期营运需求。',
            en: 'Does the centre pursue a model with many partners and diverse investment, drawing beyond the capital of its shareholders on social funds, industry funds and financial institutions to take pilot technologies to industry and meet its long-term operating needs?',
          },
          weight: 4,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '投资协议、基金合作意向书、银行授信文件',
            en: 'Investment agreements; letters of intent from funds; bank credit lines',
          },
        },
      ],
    },
  ],
  totalPoints: 100,
  passThreshold: 60,
  gradeBands: gradeBands(),
  recommendations: [...selectionRecommendations(), nationalBid()],
  // Ties are broken by the type's main emphases, in the plan's order.
  tieBreak: ['D2', 'D3', 'D6'],
  scoring: { default: true },
  siteVisit: [
    {
      id: 'SV1',
      default: true,
      title: { 'zh-CN': '工商注册与股权结构', en: 'Registration and shareholding' },
      guidance: {
        'zh-CN': '核对营业执照原件、公司章程、股东名册和实缴出资凭证，确认注册时间、股份制形式以及排名前列企业的实际出资与申报一致。',
        en: 'Check the original business licence, articles of association, shareholder register and proof of paid-in capital; confirm that the registration date, the joint-stock form and the actual investment of the leading firms match the application.',
      },
    },
    premisesVisit(),
    {
      id: 'SV3',
      default: true,
      title: { 'zh-CN': '科研设施与仪器装备', en: 'Research facilities and instruments' },
      guidance: {
        'zh-CN': '对照仪器设备清单，抽查关键仪器装备的实物、铭牌、运行状态和使用记录，核实其先进性以及向创新中心开放使用的安排。',
        en: 'Spot-check key instruments against the equipment list: the item itself, its nameplate, working state and logbook. Verify how advanced they are and the arrangement for their use by the centre.',
      },
    },
    staffVisit(),
    {
      id: 'SV5',
      default: true,
      title: { 'zh-CN': '联盟成员', en: 'Alliance members' },
      guidance: {
        'zh-CN': '核对联盟章程、成员名单和入盟协议，抽查用户单位、高校院所和创新平台成员的参与证明，必要时电话核实。',
        en: 'Check the alliance charter, member list and membership agreements; spot-check evidence of participation by user organisations, universities and institutes, and innovation platforms, and call them if needed.',
      },
    },
    committeeVisit(),
    {
      id: 'SV7',
      default: true,
      title: { 'zh-CN': '中试线与验证平台', en: 'Pilot lines and verification platforms' },
      guidance: {
        'zh-CN': '现场查看中试线或试验验证平台的建设进度、工艺装备和运行记录，了解已完成的中试项目。',
        en: 'See the pilot line or verification platform on site: construction progress, process equipment and operating records; ask about pilot projects already completed.',
      },
    },
    {
      id: 'SV8',
      default: true,
      title: { 'zh-CN': '核心技术与知识产权', en: 'Core technologies and intellectual property' },
      guidance: {
        'zh-CN': '查验核心专利证书原件及权属、许可或转让协议，听取核心技术攻关进展汇报，查看样品、样机或实验数据。',
        en: 'Examine the original certificates of core patents, their ownership and any licence or assignment agreements; hear a briefing on progress with the core technologies and see samples, prototypes or test data.',
      },
    },
    {
      id: 'SV9',
      default: true,
      title: { 'zh-CN': '财务与研发投入', en: 'Finances and R&D spending' },
      guidance: {
        'zh-CN': '查阅审计报告、研发费用辅助账和出资到位凭证，核实研发投入和经济实力相关数据。',
        en: 'Review audited accounts, the R&D expense sub-ledger and proof that capital has been paid in; verify the figures on R&D investment and financial strength.',
      },
    },
    {
      id: 'SV10',
      default: true,
      title: { 'zh-CN': '管理制度与运行记录', en: 'Management rules and operating records' },
      guidance: {
        'zh-CN': '查看内部管理制度、知识产权管理办法以及股东会、董事会决议等运行记录，确认制度已制定并实际执行。',
        en: 'Review internal rules, IP management rules and the minutes of shareholder and board meetings; confirm that the rules exist and are applied.',
      },
    },
  ],
};
