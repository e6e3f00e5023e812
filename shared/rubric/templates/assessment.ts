/**
 * Assessment rubric for a designated manufacturing innovation centre: the
 * annual evaluation (年度评估), also used for the three-year periodic
 * assessment (三年定期考核).
 *
 * The six dimensions are the assessment contents (评估考核主要内容) of the
 * Shanghai implementation plan (上海市制造业创新中心建设工程实施方案
 * 2022–2025); criteria take their wording from the plan and from MIIT 2016
 * No. 273 (工信部科〔2016〕273号). Grades follow the 优秀 / 良好 / 合格 /
 * 不合格 scale of MIIT's assessment practice.
 */
import type { Rubric } from '../model.ts';
import { markUnsourced } from '../upgrade.ts';
import { GRADE_BANDS, fourLevels, gate, points10, points5 } from './builders.ts';

export const annualAssessment: Rubric = markUnsourced<Rubric>({
  schemaVersion: 2,
  id: 'mic-assessment',
  version: 1,
  title: {
    'zh-CN': '制造业创新中心评估考核（年度评估）',
    en: 'Manufacturing innovation centre assessment (annual evaluation)',
  },
  description: {
    'zh-CN':
      '适用于已认定制造业创新中心的年度评估，同样适用于三年定期考核（考核期按三年计）。创新中心每年提交运行发展报告和定量定性指标完成情况，专家组据此并结合现场核查逐项打分。评估考核主要内容包括：关键共性技术成果数量及质量、技术成果转移扩散和产业化、对行业发展的支撑作用、人才队伍建设、协同创新以及开展国际合作情况。其中，企业法人型侧重考评行业关键共性技术研发、技术成果转移扩散和产业化、行业标准、现代企业管理制度和自我造血功能；非企业法人型侧重考评对行业发展的支撑作用、行业技术服务、协同创新和开展国际合作。结果分为优秀、良好、合格和不合格四个等级（工信厅科〔2018〕37号）；满分100分及90/75/60分的等级分界为默认值（组织单位可调整）。不合格的限期整改（一年），整改期满后由专家组现场复核。',
    en: 'For the annual evaluation of designated manufacturing innovation centres; it serves the three-year periodic assessment as well (the period then covers three years). Each year the centre submits an operation and development report with the completion of its quantitative and qualitative indicators; the expert group scores each criterion from it and from an on-site check. The assessment covers the number and quality of key common technology results, transfer, diffusion and industrialisation of results, support to the development of the industry, the talent team, collaborative innovation and international cooperation. For the enterprise legal person type the emphasis is on R&D of key common technologies, transfer and industrialisation, industry standards, a modern enterprise management system and self-sustaining income; for the non-enterprise type it is on support to the industry, technical services, collaborative innovation and international cooperation. Grades are excellent, good, pass and fail (the 2018 assessment rules of MIIT, General Office document No. 37 of 2018); the 100-point total and the cut-offs of 90, 75 and 60 are defaults the organiser may change. A failing centre must rectify within one year, after which the expert group checks again on site.',
  },
  appliesTo: ['enterprise', 'non-enterprise'],
  stage: 'annual',
  gates: [
    gate({
      id: 'G1',
      title: { 'zh-CN': '运行发展报告', en: 'Operation and development report' },
      guidance: {
        'zh-CN':
          '创新中心应按时提交运行发展报告和定量定性指标完成情况，内容完整，主要数据附有佐证材料。未按时提交或严重缺项的，不满足本条件。',
        en: 'The centre must submit on time its operation and development report with the completion of its quantitative and qualitative indicators, complete and with supporting evidence for the main figures. A late or seriously incomplete report fails this condition.',
      },
      evidenceHint: {
        'zh-CN': '年度运行发展报告、定量定性指标完成情况表',
        en: 'Annual operation and development report; table of indicator completion',
      },
    }),
    gate({
      id: 'G2',
      title: { 'zh-CN': '法人资格与运行模式', en: 'Legal status and operating model' },
      guidance: {
        'zh-CN':
          '创新中心法人资格存续，仍按“公司+联盟”（企业法人型）或“非企业法人+联盟”（非企业法人型）模式运行。考核期内组织形式、注册地或主要股东（发起单位）发生重大变更的，应已按规定报告。',
        en: 'The centre must still exist as a legal person and still be run on the "company + alliance" (enterprise type) or "non-enterprise legal person + alliance" (non-enterprise type) model. Any major change in legal form, place of registration or main shareholders (founding units) during the period must have been reported as required.',
      },
      evidenceHint: {
        'zh-CN': '营业执照或法人登记证书、变更登记材料',
        en: 'Business licence or legal person registration certificate; records of registered changes',
      },
    }),
    gate({
      id: 'G3',
      title: { 'zh-CN': '骨干企业参与', en: 'Participation of leading firms' },
      guidance: {
        'zh-CN': '股东或发起单位中仍应包括若干家在本领域排名前列的企业，考核期内未发生骨干企业集中退出、出资或会费未按约定到位等情况。',
        en: 'The shareholders or founding units must still include several enterprises ranking among the leaders of the field; during the period backbone firms must not have left en masse, and capital or fees must have been paid as agreed.',
      },
      evidenceHint: {
        'zh-CN': '股东名册或发起单位名单、出资或会费到位凭证',
        en: 'Shareholder register or list of founding units; proof of paid capital or fees',
      },
    }),
    gate({
      id: 'G4',
      title: { 'zh-CN': '联盟持续运行', en: 'Alliance still operating' },
      guidance: {
        'zh-CN': '联盟仍汇聚包括用户在内的企业、科研院所、高校等各类创新主体以及本领域各类创新平台，考核期内开展了实质性的联合活动。',
        en: 'The alliance must still bring together enterprises (users included), research institutes, universities and the innovation platforms of the field, and must have carried out real joint activity during the period.',
      },
      evidenceHint: {
        'zh-CN': '联盟成员名单及变动情况、联盟活动记录',
        en: 'Alliance member list and changes; records of alliance activities',
      },
    }),
    gate({
      id: 'G5',
      title: { 'zh-CN': '技术专家委员会运作', en: 'Technical expert committee at work' },
      guidance: {
        'zh-CN':
          '技术专家委员会由来自学术界、企业界和政府委派的专家组成，主任由行业领军专家担任，考核期内有研判行业发展重大问题、筛选确定研究方向的会议记录。',
        en: 'The technical expert committee must consist of experts from academia, industry and government appointees, be chaired by a leading expert of the industry, and have minutes from the period showing that it judged major questions of the industry and chose research directions.',
      },
      evidenceHint: {
        'zh-CN': '技术专家委员会名单、会议纪要',
        en: 'Member list and minutes of the technical expert committee',
      },
    }),
    gate({
      id: 'G6',
      title: { 'zh-CN': '功能定位与建设方向', en: 'Mission and direction' },
      guidance: {
        'zh-CN': '创新中心仍聚焦认定时的重点领域和产业关键共性技术，未偏离建设和运行方案确定的功能定位，例如未转为主要从事一般性生产经营。',
        en: 'The centre must still focus on the field and the key common technologies for which it was designated and not have drifted from the mission set in its construction and operation plan, for example by turning mainly to ordinary production and trading.',
      },
      evidenceHint: {
        'zh-CN': '建设和运行方案、年度工作计划与总结',
        en: 'Construction and operation plan; annual work plan and summary',
      },
    }),
    gate({
      id: 'G7',
      title: { 'zh-CN': '材料真实性', en: 'Truthful material' },
      guidance: {
        'zh-CN': '报送的材料和数据应真实、准确。发现弄虚作假、重复计算成员单位成果或虚报指标的，不满足本条件。',
        en: 'The material and figures submitted must be true and accurate. Any falsification, double counting of results of member organisations or inflated indicators fails this condition.',
      },
      evidenceHint: {
        'zh-CN': '佐证材料原件、现场核查记录',
        en: 'Original supporting documents; on-site check records',
      },
    }),
  ],
  dimensions: [
    {
      id: 'D1',
      title: { 'zh-CN': '关键共性技术成果数量及质量', en: 'Number and quality of key common technology results' },
      guidance: {
        'zh-CN': '对照技术路线图和考核期目标，评价关键共性技术攻关、知识产权和标准成果。企业法人型创新中心以此为考评重点。',
        en: 'Against the roadmap and the goals for the period: breakthroughs in key common technologies, intellectual property and standards. A main emphasis for enterprise-type centres.',
      },
      criteria: [
        {
          id: 'D1.1',
          title: { 'zh-CN': '关键共性技术突破', en: 'Breakthroughs in key common technologies' },
          guidance: {
            'zh-CN':
              '对照技术路线图和年度（或三年）目标，考察关键共性技术和核心技术攻关的实际进展，取得的成果是否达到国内领先或国际先进水平。重点看成果的技术指标、第三方评价或鉴定结论，以及对突破行业共性技术供给瓶颈的实际作用。',
            en: 'Against the roadmap and the annual (or three-year) goals, what real progress has been made on key common and core technologies, and do the results reach a domestically leading or internationally advanced level? Look at the technical indicators of the results, third-party evaluations or appraisals, and their actual effect on the supply bottleneck of common technologies.',
          },
          weight: 10,
          scale: fourLevels(
            {
              'zh-CN': '全面完成阶段目标，取得国际先进或国内领先的标志性成果',
              en: 'Goals for the period fully met, with landmark results at an internationally advanced or domestically leading level',
            },
            {
              'zh-CN': '基本完成阶段目标，取得较好成果',
              en: 'Goals for the period broadly met, with good results',
            },
            {
              'zh-CN': '部分完成阶段目标，成果先进性一般',
              en: 'Goals partly met; results of average standing',
            },
            {
              'zh-CN': '阶段目标大部分未完成，或无实质性成果',
              en: 'Most goals missed, or no substantive results',
            },
          ),
          comment: { required: 'always', minLength: 20 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '技术路线图及年度目标、成果鉴定或第三方测试报告',
            en: 'Roadmap and annual goals; appraisal certificates or third-party test reports',
          },
        },
        {
          id: 'D1.2',
          title: { 'zh-CN': '知识产权创造与布局', en: 'IP creation and portfolio' },
          guidance: {
            'zh-CN':
              '考察考核期内发明专利申请和授权、PCT国际专利等知识产权的数量与质量，以及围绕关键核心技术和基础共性技术的知识产权战略储备和前瞻布局。应区分创新中心自身产出与成员单位产出，避免重复计算。',
            en: 'What is the number and quality of invention patent filings and grants, PCT applications and other IP in the period, and how is the strategic reserve and forward-looking layout of IP in key core and basic common technologies developing? Distinguish the output of the centre itself from that of its members and avoid double counting.',
          },
          weight: 8,
          scale: points10(),
          comment: { required: 'belowThreshold', threshold: 5, minLength: 10 },
          evidenceHint: {
            'zh-CN': '专利清单及证书、专利权人信息',
            en: 'Patent list and certificates; patentee details',
          },
        },
        {
          id: 'D1.3',
          title: { 'zh-CN': '行业标准研制', en: 'Industry standards' },
          guidance: {
            'zh-CN':
              '考察主导或参与制定国际、国家、行业和团体标准的数量和影响，是否通过标准固化创新成果、推动成果应用，是否积极参加国际标准化活动。企业法人型创新中心以此为考评重点。',
            en: 'How many international, national, industry and association standards has the centre led or contributed to, and with what effect? Does it consolidate results in standards and drive their use, and does it take part in international standardisation? A main emphasis for enterprise-type centres.',
          },
          weight: 7,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '已发布或立项的标准文本及起草单位名单',
            en: 'Published or approved standards with their lists of drafting organisations',
          },
        },
      ],
    },
    {
      id: 'D2',
      title: { 'zh-CN': '技术成果转移扩散和产业化', en: 'Transfer, diffusion and industrialisation of results' },
      guidance: {
        'zh-CN': '评价成果转化、中试验证和自我造血情况。企业法人型创新中心以此为考评重点。',
        en: 'Commercialisation, pilot-scale verification and self-sustaining income. A main emphasis for enterprise-type centres.',
      },
      criteria: [
        {
          id: 'D2.1',
          title: { 'zh-CN': '成果转移扩散与首次商业化应用', en: 'Transfer, diffusion and first commercial use' },
          guidance: {
            'zh-CN':
              '考察考核期内技术转让、许可、作价入股、孵化企业和种子项目融资等成果转化的数量和金额，以及成果实现首次商业化应用和产业化的情况。重点看转化合同的实际履行和经济效益，以及对科技人员转化成果的激励措施落实情况。',
            en: 'What number and value of results were commercialised in the period through transfer, licensing, equity contribution, incubated firms and seed-project financing, and which results reached first commercial use and industrialisation? Look at whether the contracts were actually performed, their economic returns, and whether incentives for researchers to commercialise results were applied.',
          },
          weight: 10,
          scale: fourLevels(
            {
              'zh-CN': '多项成果实现首次商业化和产业化，经济效益显著',
              en: 'Several results in first commercial use and industrialised, with significant returns',
            },
            {
              'zh-CN': '有成果实现转化，效益较好',
              en: 'Some results commercialised with good returns',
            },
            {
              'zh-CN': '转化数量少或效益不明显',
              en: 'Few results commercialised or unclear returns',
            },
            {
              'zh-CN': '考核期内无成果转化',
              en: 'No results commercialised in the period',
            },
          ),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '技术转让或许可合同及收款凭证、孵化企业工商登记信息',
            en: 'Technology transfer or licence contracts with payment records; registration details of incubated firms',
          },
        },
        {
          id: 'D2.2',
          title: { 'zh-CN': '中试验证与工程化', en: 'Pilot-scale verification and engineering' },
          guidance: {
            'zh-CN':
              '考察中试线或试验验证平台的运行情况，考核期内完成的中试、检验和验证项目数量，以及解决科技成果产业化过程中工艺、装备等技术难题的实例。',
            en: 'How are the pilot lines or verification platforms running, how many pilot, testing and verification projects were completed in the period, and which process, equipment or other problems on the way to industrialisation were solved?',
          },
          weight: 5,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '中试项目清单、验证报告、设备运行记录',
            en: 'List of pilot projects; verification reports; equipment operating records',
          },
        },
        {
          id: 'D2.3',
          title: { 'zh-CN': '自我造血功能', en: 'Self-sustaining income' },
          guidance: {
            'zh-CN':
              '考察技术委托研发、技术服务、成果转化等市场化收入的规模、增长及占总收入的比重，对政府资金的依赖程度是否逐年下降。企业法人型创新中心以此为考评重点。',
            en: 'What are the size, growth and share of market income from contract R&D, technical services and commercialisation, and is reliance on government funds falling year by year? A main emphasis for enterprise-type centres.',
          },
          weight: 5,
          scale: points5(),
          comment: { required: 'belowThreshold', threshold: 3, minLength: 10 },
          threshold: 3,
          evidenceHint: {
            'zh-CN': '年度审计报告、收入明细及合同',
            en: 'Annual audited accounts; breakdown of income with contracts',
          },
        },
      ],
    },
    {
      id: 'D3',
      title: { 'zh-CN': '对行业发展的支撑作用', en: 'Support to the development of the industry' },
      guidance: {
        'zh-CN': '评价公共服务、行业引领和资源开放共享情况。非企业法人型创新中心以此为考评重点。',
        en: 'Public services, leadership of the industry and open sharing of resources. A main emphasis for non-enterprise-type centres.',
      },
      criteria: [
        {
          id: 'D3.1',
          title: { 'zh-CN': '公共服务平台运行', en: 'Operation of the public service platform' },
          guidance: {
            'zh-CN':
              '考察面向行业提供技术委托研发、试验检测、认证计量、标准研制和试验验证、人员培训、企业孵化、可行性研究和项目评价等公共服务的情况。重点看服务企业数量（尤其是中小企业）、服务收入和用户评价。非企业法人型创新中心以此为考评重点。',
            en: 'What public services has the centre provided to the industry: contract R&D, testing, certification and metrology, standards development and verification, training, incubation, feasibility studies and project evaluation? Look at the number of firms served (SMEs in particular), service income and user feedback. A main emphasis for non-enterprise-type centres.',
          },
          weight: 8,
          scale: fourLevels(
            {
              'zh-CN': '服务体系完整，服务企业多、覆盖面广，用户评价好',
              en: 'Complete range of services reaching many firms across the field, with good user feedback',
            },
            {
              'zh-CN': '主要服务正常开展，服务对象较多',
              en: 'Main services running normally and reaching a fair number of firms',
            },
            {
              'zh-CN': '服务种类少或主要服务于成员单位',
              en: 'Few kinds of service, or mainly serving members',
            },
            {
              'zh-CN': '基本未开展面向行业的公共服务',
              en: 'Hardly any public services to the industry',
            },
          ),
          comment: { required: 'always', minLength: 15 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '服务台账、服务合同、用户评价或回访记录',
            en: 'Service register; service contracts; user feedback or follow-up records',
          },
        },
        {
          id: 'D3.2',
          title: { 'zh-CN': '行业引领与技术路线图实施', en: 'Leading the industry and carrying out the roadmap' },
          guidance: {
            'zh-CN':
              '考察在技术专家委员会指导下技术路线图的实施和滚动更新情况，是否组织本领域国内外企业、高校、研究机构共同实施，对行业发展重大问题的研判是否发挥了引领作用（如发布行业技术发展报告、参与产业政策研究等）。',
            en: 'How has the roadmap been carried out and updated under the guidance of the technical expert committee, were firms, universities and research bodies at home and abroad involved, and did the judgement of the centre on major questions of the industry give a lead (for example industry technology reports or input to industrial policy)?',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '技术路线图更新版本、行业报告、政策研究成果',
            en: 'Updated roadmap; industry reports; policy research outputs',
          },
        },
        {
          id: 'D3.3',
          title: { 'zh-CN': '资源开放共享', en: 'Open sharing of resources' },
          guidance: {
            'zh-CN': '考察仪器设备、中试条件、数据等资源向成员单位和行业开放共享的情况，包括开放机时、服务对象数量和共享规则的执行情况。',
            en: 'How far have instruments, pilot facilities, data and other resources been opened to members and the industry, including hours of open use, number of users and how the sharing rules are applied?',
          },
          weight: 6,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '开放共享记录、设备使用登记',
            en: 'Records of open sharing; equipment use logs',
          },
        },
      ],
    },
    {
      id: 'D4',
      title: { 'zh-CN': '人才队伍建设', en: 'Talent team' },
      guidance: {
        'zh-CN': '评价领军人才、创新团队和人才培养激励情况。',
        en: 'Leading talent, innovation teams, and the development and incentives of staff.',
      },
      criteria: [
        {
          id: 'D4.1',
          title: { 'zh-CN': '领军人才与创新团队', en: 'Leading talent and innovation teams' },
          guidance: {
            'zh-CN':
              '考察全职研发人员的规模和结构、领军人才和高水平创新团队的引进与稳定情况，以及核心团队是否保持专职投入。重点看考核期内的人员变动和高层次人才入选各类人才计划的情况。',
            en: 'What are the size and make-up of the full-time R&D staff, how well have leading talent and strong innovation teams been recruited and kept, and does the core team still work for the centre full time? Look at staff changes in the period and at selections of senior staff for talent programmes.',
          },
          weight: 8,
          scale: points10(),
          comment: { required: 'belowThreshold', threshold: 6, minLength: 10 },
          threshold: 6,
          evidenceHint: {
            'zh-CN': '人员花名册、劳动合同及社保记录、人才计划入选证明',
            en: 'Staff roster; employment contracts and social insurance records; evidence of talent programme selections',
          },
        },
        {
          id: 'D4.2',
          title: { 'zh-CN': '人才培养与激励机制', en: 'Staff development and incentives' },
          guidance: {
            'zh-CN':
              '考察人才引进、培养、培训和交流机制的运行，产教融合人才培养和面向行业的人员培训情况，以及具有市场竞争力的薪酬和股权、期权等激励措施的落实。',
            en: 'How are recruitment, development, training and exchange of staff working, what joint training with universities and training for the industry took place, and were market-competitive pay and incentives such as equity and options applied?',
          },
          weight: 7,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '培训记录、产教融合协议、激励制度及兑现记录',
            en: 'Training records; joint training agreements; incentive rules and payouts',
          },
        },
      ],
    },
    {
      id: 'D5',
      title: { 'zh-CN': '协同创新', en: 'Collaborative innovation' },
      guidance: {
        'zh-CN': '评价产学研用协同机制和知识产权协同运营的实际运行。非企业法人型创新中心以此为考评重点。',
        en: 'How collaboration among industry, universities, institutes and users, and joint operation of IP, actually work. A main emphasis for non-enterprise-type centres.',
      },
      criteria: [
        {
          id: 'D5.1',
          title: { 'zh-CN': '产学研用协同与联盟运行', en: 'Collaboration and alliance activity' },
          guidance: {
            'zh-CN':
              '考察联盟成员间联合开发、优势互补、成果共享、风险共担机制的实际运行，考核期内联合攻关项目的数量和参与成员的广度（包括用户单位、中小企业、高校院所），以及跨领域、跨学科、跨行业协同创新的成效。',
            en: 'How do joint development, complementary strengths, shared results and shared risks work among alliance members in practice? Look at the number of joint projects in the period, how widely members took part (users, SMEs, universities and institutes), and the results of cross-field, cross-discipline and cross-industry collaboration.',
          },
          weight: 6,
          scale: fourLevels(
            {
              'zh-CN': '联合攻关多、成员参与广，跨领域协同成效显著',
              en: 'Many joint projects with broad participation and clear cross-field results',
            },
            {
              'zh-CN': '联合攻关正常开展，成员参与较广',
              en: 'Joint projects running normally with fairly broad participation',
            },
            {
              'zh-CN': '联合攻关少，主要依赖少数成员',
              en: 'Few joint projects, relying on a handful of members',
            },
            {
              'zh-CN': '联盟基本未开展协同创新',
              en: 'The alliance has done hardly any joint work',
            },
          ),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '联合攻关项目清单及协议、联盟活动记录',
            en: 'List and agreements of joint projects; records of alliance activities',
          },
        },
        {
          id: 'D5.2',
          title: { 'zh-CN': '知识产权协同运营与收益共享', en: 'Joint IP operation and income sharing' },
          guidance: {
            'zh-CN':
              '考察成员间知识产权协同创造、联合运营和收益共享的实际情况，知识产权管理制度和专利许可转让制度的执行，以及收益是否按约定分配。',
            en: 'How have members actually created IP together, operated it jointly and shared the income; are the IP management and patent licensing and assignment rules applied, and is income split as agreed?',
          },
          weight: 4,
          scale: points10(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '共有专利清单、许可和收益分配记录',
            en: 'List of jointly owned patents; licensing and income distribution records',
          },
        },
      ],
    },
    {
      id: 'D6',
      title: { 'zh-CN': '开展国际合作情况', en: 'International cooperation' },
      guidance: {
        'zh-CN': '评价国际合作项目、联合研发和国际交流情况。非企业法人型创新中心以此为考评重点。',
        en: 'International projects, joint R&D and exchange. A main emphasis for non-enterprise-type centres.',
      },
      criteria: [
        {
          id: 'D6.1',
          title: { 'zh-CN': '国际合作项目与联合研发', en: 'International projects and joint R&D' },
          guidance: {
            'zh-CN':
              '考察考核期内开展国际项目合作、高水平技术和团队引进、联合研发、联合共建（如联合研发中心或实验基地）的情况，以及对提升行业共性技术水平的实际作用。非企业法人型创新中心以此为考评重点。',
            en: 'What international project cooperation, bringing in of advanced technologies and teams, joint R&D and jointly built facilities (such as joint R&D centres or test bases) took place in the period, and how did they raise the level of common technologies in the industry? A main emphasis for non-enterprise-type centres.',
          },
          weight: 6,
          scale: points10(),
          comment: { required: 'belowThreshold', threshold: 4, minLength: 10 },
          evidenceHint: {
            'zh-CN': '国际合作协议、联合研发成果、外方往来记录',
            en: 'International cooperation agreements; joint R&D results; correspondence with foreign partners',
          },
        },
        {
          id: 'D6.2',
          title: { 'zh-CN': '国际交流与国际标准化', en: 'International exchange and standardisation' },
          guidance: {
            'zh-CN':
              '考察国际科技创新信息的跟踪、收集和分析，参加国际会议和国际标准化活动、主导或参与国际标准制定，以及通过专利交叉许可等形式开展国际交流合作的情况。',
            en: 'How does the centre track, collect and analyse international science and innovation information, take part in international conferences and standardisation, lead or contribute to international standards, and exchange with partners abroad, for example through patent cross-licensing?',
          },
          weight: 4,
          scale: points5(),
          comment: { required: 'optional', minLength: 0 },
          evidenceHint: {
            'zh-CN': '国际会议和标准化活动记录、国际标准提案',
            en: 'Records of international conferences and standardisation work; proposals for international standards',
          },
        },
      ],
    },
  ],
  totalPoints: 100,
  passThreshold: 60,
  gradeBands: GRADE_BANDS,
  recommendations: [
    { id: 'continue', label: { 'zh-CN': '继续支持', en: 'Continue support' } },
    { id: 'rectify', label: { 'zh-CN': '限期整改', en: 'Rectify within a set period' } },
    { id: 'revoke', label: { 'zh-CN': '撤销创新中心资格', en: 'Revoke the designation' } },
  ],
  // Ties are broken by the assessment contents in the plan's order.
  tieBreak: ['D1', 'D2', 'D3'],
  scoring: { default: true },
  siteVisit: [
    {
      id: 'SV1',
      title: { 'zh-CN': '报告数据核实', en: 'Verify the reported figures' },
      guidance: {
        'zh-CN':
          '对照运行发展报告，抽查定量指标的原始凭证（合同、发票、专利证书、标准文本、服务记录），核实数据的真实性，注意是否将成员单位成果计入创新中心。',
        en: 'Against the operation and development report, spot-check the original evidence for quantitative indicators (contracts, invoices, patent certificates, standards, service records) and verify the figures; watch for results of member organisations counted as those of the centre.',
      },
    },
    {
      id: 'SV2',
      title: { 'zh-CN': '研发设施与仪器装备', en: 'Research facilities and instruments' },
      guidance: {
        'zh-CN': '查看新增和在用仪器装备的实物及使用记录，核实开放共享机时和对外服务情况。',
        en: 'Inspect new and existing instruments and their logbooks; verify hours of shared use and service to outside users.',
      },
    },
    {
      id: 'SV3',
      title: { 'zh-CN': '研发人员', en: 'R&D staff' },
      guidance: {
        'zh-CN': '抽查研发人员的劳动合同和社保记录，核实全职研发人员数量和领军人才在岗情况。',
        en: 'Spot-check employment contracts and social insurance records of R&D staff; verify the number of full-time researchers and that the leading experts are in post.',
      },
    },
    {
      id: 'SV4',
      title: { 'zh-CN': '注册与股权（发起单位）变动', en: 'Registration and changes in shareholders or founding units' },
      guidance: {
        'zh-CN': '核对营业执照或法人登记证书、股东名册或发起单位名单，确认考核期内的变更已按规定报告，排名前列的企业仍在其中。',
        en: 'Check the business licence or registration certificate and the shareholder register or list of founding units; confirm that changes in the period were reported and that leading firms are still among them.',
      },
    },
    {
      id: 'SV5',
      title: { 'zh-CN': '联盟成员与协同活动', en: 'Alliance members and joint work' },
      guidance: {
        'zh-CN': '查阅联盟成员变动情况、联合攻关协议和活动记录，必要时走访或电话核实成员单位。',
        en: 'Review changes in alliance membership, joint project agreements and activity records; visit or call member organisations if needed.',
      },
    },
    {
      id: 'SV6',
      title: { 'zh-CN': '技术专家委员会', en: 'Technical expert committee' },
      guidance: {
        'zh-CN': '查看技术专家委员会在考核期内的会议纪要和研究方向决策记录，确认其实际发挥作用。',
        en: 'Review the minutes of the committee in the period and its decisions on research directions; confirm that it plays a real role.',
      },
    },
    {
      id: 'SV7',
      title: { 'zh-CN': '中试线与公共服务平台', en: 'Pilot lines and public service platform' },
      guidance: {
        'zh-CN': '现场查看中试线、试验检测和验证平台的运行状态、相关资质及服务台账。',
        en: 'See the pilot lines, testing and verification platforms on site: working state, accreditations and service register.',
      },
    },
    {
      id: 'SV8',
      title: { 'zh-CN': '成果转化与收入凭证', en: 'Commercialisation and income records' },
      guidance: {
        'zh-CN': '查阅技术转让、许可和作价入股合同及对应的收款凭证，以及孵化企业的工商登记信息，核实市场化收入。',
        en: 'Review contracts for technology transfer, licensing and equity contribution with the matching payment records, and the registration details of incubated firms; verify market income.',
      },
    },
    {
      id: 'SV9',
      title: { 'zh-CN': '整改落实情况', en: 'Follow-up of rectification' },
      guidance: {
        'zh-CN': '对上一次评估考核提出的问题和整改要求逐项核实落实情况；考核不合格后的整改复核以本项为重点。',
        en: 'Check item by item how the problems and rectification requirements from the previous assessment were dealt with; this is the focus of the re-check after a failed assessment.',
      },
    },
  ],
});
