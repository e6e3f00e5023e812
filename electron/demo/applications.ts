/**
 * Demo content: four fictitious applications to a Shanghai municipal manufacturing innovation
 * centre selection round (上海市制造业创新中心遴选). All organisations, people and figures are
 * invented for demonstration; any resemblance to real entities is unintended.
 *
 * The applications deliberately differ in quality so that demo scores vary:
 * - A001 (enterprise, integrated circuits): strong.
 * - A002 (non-enterprise, high-end medical devices): good.
 * - A003 (enterprise, AI / industrial software): weak (controlling shareholder, thin alliance,
 *   low R&D investment, missing mechanisms).
 * - A004 (non-enterprise, advanced materials): middling (local alliance, dependence on
 *   government funding, incomplete IP rules). *
 * Each dossier is the applicant's own text (本中心 / 本研究会 / 本公司) for the 2026 selection round, which continues
 * the Shanghai plan (上海市制造业创新中心建设工程实施方案, 2022–2025): data years 2023–2025, targets 2026–2028, and the
 * enterprise-type companies registered within three years before applying (seed 003). The applicant (organisation)
 * is the operating entity: the new company for the enterprise type, the research association for the other.
 */

/** A text in both interface languages. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

export interface DemoApplication {
  /** Stable id, e.g. 'A001' (must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/). */
  id: string;
  /** Centre name, e.g. 上海市智能传感器制造业创新中心 / Shanghai Intelligent Sensor Manufacturing Innovation Centre */
  name: Bilingual;
  /** The applicant (申报单位): the operating entity, a company for the enterprise type and a research association for the non-enterprise type. */
  organisation: Bilingual;
  category: 'enterprise' | 'non-enterprise';
  /** Key industrial field from the Shanghai annex (e.g. 集成电路, 生物医药, 人工智能, 高端装备, 先进材料 ...). */
  field: Bilingual;
  /** Shareholders / founders and alliance members (6–10 entries, mix of enterprises, universities, institutes). */
  members: Bilingual[];
  /**
   * The construction and operation plan (建设和运行方案): 6–9 chapters of 3–6 paragraphs, following the
   * structure the programme documents require (background and necessity, organisational form and
   * shareholding, alliance, core technologies with own IP, R&D investment and facilities, talent team,
   * operating mechanism incl. technical expert committee, IP sharing and commercialisation, public service
   * platform, self-sustainability/funding, international cooperation, construction targets and schedule).
   */
  sections: { heading: Bilingual; paragraphs: Bilingual[] }[];
  /**
   * Key figures for a supporting-material table, 10–16 rows: registered capital, date of registration,
   * number of shareholders, alliance member count, R&D investment last 3 years, R&D staff, instruments
   * value, patents, standards led, revenue from technical services, etc.
   */
  facts: { label: Bilingual; value: Bilingual }[];
  /**
   * What a careful expert would write. `criteria` holds one comment per criterion of the selection rubric of the
   * application's category (`rubricId`), keyed by criterion id, so that a comment always concerns its criterion;
   * `strengths` and `weaknesses` (3–5 each) are the overall points an opinion (专家意见) may add.
   */
  reviewNotes: {
    rubricId: string;
    criteria: Record<string, CriterionNote>;
    strengths: Bilingual[];
    weaknesses: Bilingual[];
  };
}

/**
 * An expert's comment (评语) on one criterion, in the two phrasings a score calls for: `good` for a score of at least
 * 70% of the criterion's scale, `weak` below it. Both are drawn from the application's own dossier.
 */
export interface CriterionNote {
  good: Bilingual;
  weak: Bilingual;
}

/** Builds a bilingual text (module-private helper). */
const t = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** Builds a criterion note from its good and weak phrasings (module-private helper). */
const n = (goodZh: string, goodEn: string, weakZh: string, weakEn: string): CriterionNote => ({
  good: t(goodZh, goodEn),
  weak: t(weakZh, weakEn),
});

/** A bilingual text as one comment or opinion string, Chinese first ("中文 / English"). */
export function bilingualText(text: Bilingual): string {
  return `${text['zh-CN']} / ${text.en}`;
}

// ---------------------------------------------------------------------------------------------
// A001: enterprise legal person type, integrated circuits. Strong application.
// ---------------------------------------------------------------------------------------------

/** A001's comments per criterion of the enterprise selection rubric, from its dossier. */
const A001_CRITERIA: Record<string, CriterionNote> = {
  'D1.1': n(
    '2023—2025年本中心及股东单位在先进封装领域研发投入4.26亿元，本中心自身投入1.37亿元，股东承诺每年委托研发不低于8000万元，投入强度和持续性较好。',
    'R&D spending in advanced packaging of RMB 426 million in 2023–2025 (RMB 137 million by the centre itself), with shareholders committed to at least RMB 80 million of contract R&D a year: strong and sustained.',
    '研发投入总额较大，但以股东单位投入为主，本中心自身1.37亿元投入的来源和可持续性需结合股东委托研发承诺进一步说明。',
    'Total R&D spending is large but comes mostly from the shareholders; how the centre sustains its own RMB 137 million, beyond the shareholders’ contract-R&D commitment, needs more explanation.',
  ),
  'D1.2': n(
    '12英寸晶圆级先进封装中试线已建成，洁净室3200平方米、关键设备86台（套）、原值3.12亿元，并可共享股东的可靠性和失效分析平台。',
    'A 12-inch wafer-level advanced packaging pilot line is in place: 3,200 m² of clean room, 86 key tools worth RMB 312 million, plus access to the shareholders’ reliability and failure-analysis labs.',
    '中试线条件较好，但关键设备进口比例约65%，国产键合设备验证依赖单一股东，设备供应存在风险。',
    'The pilot line is well equipped, but about 65% of the key tools are imported and verification of the domestic bonding tool depends on one shareholder, a supply risk.',
  ),
  'D1.3': n(
    '研发人员172人（博士48人），国家级人才计划入选者5人，首席科学家长期从事三维集成研究，核心团队以专职为主，并有股权激励。',
    '172 R&D staff (48 PhDs) including 5 members of national talent programmes; the chief scientist has long worked on 3D integration, the core team is full time and has equity incentives.',
    '人才规模较大，但领军人才集中于首席科学家一人，装备和材料方向的高端人才储备需加强。',
    'The team is large, but leadership rests on the chief scientist alone; senior talent in equipment and materials needs strengthening.',
  ),
  'D2.1': n(
    '研究方向聚焦异构集成共性工艺，技术路线图经技术专家委员会审定，“三年突破、五年推广”分阶段实施并每年滚动修订，节点可考核。',
    'The research targets common processes of heterogeneous integration; the roadmap, approved by the technical expert committee, runs in stages (breakthrough in three years, diffusion in five) with yearly revision and verifiable milestones.',
    '路线图总体清晰，但大尺寸中介层方向的阶段节点不如混合键合方向具体，与国内外已有工作的差异说明不足。',
    'The roadmap is clear overall, but the milestones for large interposers are less specific than for hybrid bonding, and the difference from existing work at home and abroad is not well explained.',
  ),
  'D2.2': n(
    '两项核心技术（节距1微米以下混合键合、大尺寸硅中介层与玻璃通孔基板）对应高算力芯片制造瓶颈，指标明确（对准精度优于100纳米、良率98%以上），本领域授权发明专利146件，知识产权基础扎实。',
    'Both core technologies (hybrid bonding below 1 µm pitch; large silicon interposers and TGV substrates) address bottlenecks of high-performance chips with clear targets (alignment better than 100 nm, yield above 98%), backed by 146 granted invention patents in the field.',
    '核心技术选择准确，但本中心自有授权发明专利仅17件且其中11件由股东转入，自主知识产权主要在股东单位，权属安排需进一步明确。',
    'The core technologies are well chosen, but the centre itself owns only 17 granted invention patents, 11 of them transferred from shareholders; most IP sits with the shareholders and ownership needs clarifying.',
  ),
  'D2.3': n(
    '股东单位承担国家科技重大专项课题3项、国家重点研发计划课题2项，牵头承担和完成国家重点项目的经验丰富。',
    'The shareholders have carried out 3 topics of national S&T major projects and 2 topics of the National Key R&D Programme: a strong record of national key projects.',
    '国家项目主要由股东单位承担，本中心作为独立主体承担重点项目的记录尚少。',
    'The national projects were carried out by the shareholders; the centre itself has little record of key projects as an independent entity.',
  ),
  'D3.1': n(
    '“中试验证—小批量试产—技术许可或孵化”的转化路径清晰，成立以来完成技术许可9项、孵化企业2家，合同金额累计4200万元。',
    'A clear path from pilot verification and small-batch trial production to licensing or spin-offs; since its founding the centre has concluded 9 licences and 2 spin-offs worth RMB 42 million in total.',
    '转化机制已建立，但许可对象多为股东和联盟成员，面向非成员企业的首次商业化案例偏少。',
    'The mechanism exists, but licensees are mostly shareholders and alliance members; first commercial use by firms outside the alliance is rare.',
  ),
  'D3.2': n(
    '中试线具备从工艺开发、样品制备到可靠性验证的完整能力，二期建设完成后向联盟成员开放试产，工程化条件较好。',
    'The pilot line covers process development, sample preparation and reliability verification, and will open trial production to alliance members after phase II: good engineering capacity.',
    '中试线二期尚在建设，对外开放试产安排在2027年，中试验证能力的对外服务规模有待观察。',
    'Phase II of the pilot line is still being built and trial production opens to outside users only in 2027; how much pilot capacity outside users will get remains to be seen.',
  ),
  'D3.3': n(
    '《知识产权管理办法》对背景知识产权、自主研发和合作研发成果的归属约定清晰，成员优先许可，团队收益比例不低于30%。',
    'The IP Management Rules settle ownership of background IP, own R&D and joint R&D clearly, give members priority licences and the R&D team at least 30% of licensing income.',
    '知识产权制度较完整，但合作研发成果“按投入和贡献约定归属”缺少可操作的计算规则。',
    'The IP rules are fairly complete, but allocating joint results "by input and contribution" lacks a workable formula.',
  ),
  'D4.1': n(
    '已主导制定国家标准2项、行业标准3项、团体标准4项，计划主导10项以上标准并推动芯粒互连接口标准，标准工作基础好。',
    'Has led 2 national, 3 industry and 4 group standards and plans to lead more than 10, including a chiplet interconnect interface standard: a good base for standards work.',
    '标准工作规划以数量为主，芯粒互连接口标准的牵头单位和推进路径不够具体。',
    'The standards plan is mostly a count; who leads the chiplet interface standard and how it will advance are not specific.',
  ),
  'D4.2': n(
    '联盟成员86家，覆盖设计、制造、封测、装备材料和整机应用，含用户企业18家和国家级、省市级创新平台14个，每年发布技术需求清单并组织联合攻关。',
    'The alliance has 86 members across design, manufacturing, packaging, equipment and materials and system users, including 18 users and 14 national, provincial or municipal platforms, and publishes a yearly list of needs for joint R&D.',
    '联盟规模较大，但用户企业集中于高性能计算领域，汽车电子、通信等应用领域覆盖不足。',
    'The alliance is large, but its users are concentrated in high-performance computing; automotive electronics and communications are under-represented.',
  ),
  'D5.1': n(
    '7家股东持股相对均衡，单一股东最高25%，重大事项须三分之二以上表决权通过，董事会设独立董事2名，关联交易须独立董事事先认可。',
    'Seven shareholders with balanced holdings (largest 25%), a two-thirds vote for major matters, two independent directors on the board, and related-party transactions subject to their prior approval.',
    '治理结构完整，但股东单位同时是主要客户，关联交易占比较高，决策独立性需持续关注。',
    'Governance is complete, but the shareholders are also the main clients and related-party business is large; the independence of decisions needs watching.',
  ),
  'D5.2': n(
    '技术专家委员会15人（院士2人），学术界6人、企业界7人、政府委派2人，主任为封装领域领军专家，评议意见作为董事会决策依据。',
    'The technical expert committee has 15 members (2 academicians): 6 academic, 7 industry, 2 government-appointed, chaired by a leading packaging expert; its opinions inform board decisions.',
    '委员会构成符合要求，但议事规则和对研究方向的否决权限未在方案中说明。',
    'The committee’s composition meets the requirement, but its rules of procedure and power to stop a research direction are not described.',
  ),
  'D5.3': n(
    '总经理由董事会面向全球公开选聘，实行任期制和契约化管理，薪酬与股权激励以项目贡献为核心。',
    'The general manager is recruited by the board through an open global search on a fixed-term contract, and pay and equity incentives reward contributions to projects.',
    '经营管理团队选聘机制明确，但主要负责人的产业化管理经历和到岗情况未提供佐证。',
    'The recruitment of the management team is well defined, but the industrialisation experience and full-time presence of its heads are not evidenced.',
  ),
  'D6.1': n(
    '2025年营业收入1.42亿元，其中技术服务收入6850万元、非股东客户占46%，计划2028年起经营性收入覆盖运行成本，财政资金占比降至20%以下。',
    'Revenue of RMB 142 million in 2025, RMB 68.5 million of it from technical services with 46% from non-shareholder clients; operating income is to cover running costs from 2028 and public funding to fall below 20%.',
    '技术服务收入中来自股东单位的占比仍达54%，面向非股东客户的市场化造血能力有待验证。',
    'Shareholders still account for 54% of technical-service revenue; the ability to earn from non-shareholder clients is not yet proven.',
  ),
  'D6.2': n(
    '依托中试线提供工艺开发、样品试制、可靠性测试和失效分析服务，设中小企业服务专区，2025年服务企业127家，计划2027年取得CNAS认可。',
    'The pilot line offers process development, sample builds, reliability testing and failure analysis, with an SME service desk that served 127 companies in 2025; CNAS accreditation is planned for 2027.',
    '服务内容较全，但CNAS认可尚未取得，认证计量和人员培训等服务的阶段目标不够具体。',
    'The service range is broad, but CNAS accreditation is still to come and the milestones for certification, metrology and training are vague.',
  ),
  'D6.3': n(
    '资金来源包括股东出资、产业投资基金入股、股东委托研发和政府竞争性项目，中试线二期由股东按持股比例出资，融资渠道较为多元。',
    'Funding combines shareholder capital, an industry investment fund as shareholder, contract R&D from shareholders and competitive government projects; phase II of the pilot line is funded by shareholders pro rata.',
    '除股东和产业基金外，尚未引入银行、社会基金等其他融资渠道。',
    'Apart from the shareholders and the industry fund, no bank or other outside financing has been brought in yet.',
  ),
};

const A001: DemoApplication = {
  id: 'A001',
  name: t(
    '上海市先进封装与异构集成制造业创新中心',
    'Shanghai Advanced Packaging and Heterogeneous Integration Manufacturing Innovation Centre',
  ),
  organisation: t('上海申芯异构集成技术有限公司', 'Shanghai Shenxin Heterogeneous Integration Technology Co., Ltd.'),
  category: 'enterprise',
  field: t('集成电路（制造封测）', 'Integrated circuits (manufacturing, packaging and testing)'),
  members: [
    t(
      '上海华岳微电子股份有限公司（牵头股东，持股25%；国家企业技术中心）',
      'Shanghai Huayue Microelectronics Co., Ltd. (lead shareholder, 25%; national enterprise technology centre)',
    ),
    t('江苏长澜封装测试股份有限公司（股东，持股15%）', 'Jiangsu Changlan Packaging & Testing Co., Ltd. (shareholder, 15%)'),
    t(
      '上海申创集成电路产业投资基金（有限合伙）（股东，持股15%）',
      'Shanghai Shenchuang IC Industry Investment Fund (LP) (shareholder, 15%)',
    ),
    t(
      '上海申芯企业管理合伙企业（有限合伙）（核心团队持股平台，持股15%）',
      'Shanghai Shenxin Enterprise Management Partnership (LP) (core-team shareholding platform, 15%)',
    ),
    t('上海微衡半导体装备有限公司（股东，持股12%）', 'Shanghai Weiheng Semiconductor Equipment Co., Ltd. (shareholder, 12%)'),
    t('上海临芯电子材料股份有限公司（股东，持股10%）', 'Shanghai Linxin Electronic Materials Co., Ltd. (shareholder, 10%)'),
    t('浙江启衡芯片设计有限公司（股东，持股8%）', 'Zhejiang Qiheng Chip Design Co., Ltd. (shareholder, 8%)'),
    t('申江大学微电子学院（联盟副理事长单位）', 'School of Microelectronics, Shenjiang University (alliance vice-chair member)'),
    t(
      '上海微纳集成技术研究所（联盟成员；上海市重点实验室）',
      'Shanghai Institute of Micro-Nano Integration Technology (alliance member; Shanghai key laboratory)',
    ),
    t(
      '上海擎宇智能计算科技有限公司（联盟成员，用户单位）',
      'Shanghai Qingyu Intelligent Computing Technology Co., Ltd. (alliance member, user)',
    ),
  ],
  sections: [
    {
      heading: t('一、建设背景与必要性', '1. Background and necessity'),
      paragraphs: [
        t(
          '随着摩尔定律逼近物理极限，以芯粒（Chiplet）、2.5D/3D堆叠为代表的先进封装与异构集成已成为提升芯片系统性能的主要路径，也是高性能计算、人工智能和智能终端等下游产业竞争的关键环节。全球主要半导体企业纷纷加大投入，先进封装正从后道工序转变为决定产品竞争力的核心制造能力。',
          "As Moore's law approaches its physical limits, advanced packaging and heterogeneous integration, typified by chiplets and 2.5D/3D stacking, have become the main route to higher chip-system performance and a decisive link in downstream competition in high-performance computing, artificial intelligence and smart devices. Major semiconductor firms worldwide are stepping up investment, and advanced packaging is turning from a back-end process into a core manufacturing capability that determines product competitiveness.",
        ),
        t(
          '我国封装测试产业规模位居全球前列，但在混合键合、高密度再布线、大尺寸中介层等高端工艺上与国际先进水平仍有明显差距，关键设备和材料国产化率偏低，设计、制造、封测各环节标准不统一，产业链协同不足，共性技术供给分散、重复投入问题较为突出。',
          "China's packaging and testing industry ranks among the largest in the world, yet in high-end processes such as hybrid bonding, high-density redistribution layers and large interposers there is still a clear gap to the international state of the art. The domestic share of key equipment and materials is low, standards are not unified across design, manufacturing and packaging, the value chain is poorly coordinated, and the supply of common technologies is fragmented, with considerable duplicated investment.",
        ),
        t(
          '上海集成电路产业链条完整，设计、制造、装备材料企业高度集聚。组建本创新中心，旨在以资本为纽带整合制造、封测、装备、材料和设计骨干力量，集中突破异构集成关键共性技术，建设开放共享的中试验证平台，打通从工艺研发到首次商业化应用的关键环节，服务本市集成电路先导产业高质量发展。',
          "Shanghai has a complete IC value chain with a dense cluster of design, manufacturing, equipment and materials firms. The centre is set up to unite, with capital as the bond, leading players in manufacturing, packaging, equipment, materials and design; to concentrate on key common technologies of heterogeneous integration; to build an open, shared pilot and verification platform; and to connect process R&D with first commercial application, serving the high-quality development of the city's leading IC industry.",
        ),
        t(
          '本方案依据《上海市制造业创新中心建设工程实施方案（2022—2025年）》规定的组织形式、基本条件和遴选要求编制。按照2026年度申报通知，本年度遴选继续执行该实施方案确定的条件和程序；本方案的建设目标和进度安排覆盖2026年至2028年。',
          "This plan follows the organisational forms, basic conditions and selection requirements of the Shanghai Implementation Plan for Building Manufacturing Innovation Centres (2022–2025). Under the 2026 call for applications, this year's selection continues to apply the conditions and procedure of that plan; the targets and schedule in this plan cover 2026 to 2028.",
        ),
      ],
    },
    {
      heading: t('二、组织形式、股权结构与联盟', '2. Organisational form, shareholding and alliance'),
      paragraphs: [
        t(
          '本创新中心采取“公司+联盟”模式运行。运营主体上海申芯异构集成技术有限公司于2024年3月在浦东新区临港新片区注册成立，注册资本3亿元，已实缴1.8亿元，由7家股东以货币出资组建。股东包括国内晶圆制造和封装测试领域排名前列的骨干企业，以及装备、材料、芯片设计等产业链上下游单位和产业投资基金。',
          'The centre operates on the "company + alliance" model. Its operating entity, Shanghai Shenxin Heterogeneous Integration Technology Co., Ltd., was registered in the Lingang Special Area of Pudong New Area in March 2024 with a registered capital of RMB 300 million, of which RMB 180 million has been paid in, contributed in cash by seven shareholders. They include leading domestic wafer-manufacturing and packaging-and-testing firms, upstream and downstream players in equipment, materials and chip design, and an industrial investment fund.',
        ),
        t(
          '股权结构坚持多元持股、相对均衡的原则：牵头股东华岳微电子持股25%，长澜封测和申创产业基金各持股15%，微衡装备持股12%，临芯材料持股10%，启衡设计持股8%，核心团队持股平台持股15%。任一股东均不具备单独控制权，增资、对外投资等重大事项须经代表三分之二以上表决权的股东通过。',
          'The shareholding follows the principle of diversified and relatively balanced ownership: the lead shareholder Huayue Microelectronics holds 25%, Changlan Packaging & Testing and the Shenchuang industry fund 15% each, Weiheng Equipment 12%, Linxin Materials 10%, Qiheng Design 8% and the core-team shareholding platform 15%. No shareholder has sole control; major matters such as capital increases and outbound investment require the approval of shareholders representing at least two thirds of the voting rights.',
        ),
        t(
          '本公司按照现代企业制度设立股东会、董事会、监事会和经营管理层。董事会由9名董事组成，其中独立董事2名；总经理由董事会面向全球公开选聘，实行任期制和契约化管理。本公司已制定财务、投资、采购和关联交易等管理制度，与股东之间的关联交易须经独立董事事先认可并单独披露。',
          'Following a modern enterprise system, the company has a general meeting of shareholders, a board of directors, a board of supervisors and an executive management team. The board has nine directors, two of them independent; the general manager is recruited by the board through an open global search and works under a fixed term and contract-based management. The company has adopted rules on finance, investment, procurement and related-party transactions; transactions with shareholders require the prior approval of the independent directors and are disclosed separately.',
        ),
        t(
          '本公司同步牵头组建上海先进封装与异构集成产业技术创新联盟，现有成员86家，覆盖芯片设计、晶圆制造、封装测试、装备材料和整机应用等环节，其中用户企业18家、高校9所、科研院所11家，集聚国家级和省市级创新平台14个。联盟实行理事会制度，秘书处设在本公司，每年发布技术需求清单并组织成员联合攻关。',
          'The company has also led the formation of the Shanghai Advanced Packaging and Heterogeneous Integration Industrial Technology Innovation Alliance, which now has 86 members across chip design, wafer manufacturing, packaging and testing, equipment and materials, and system applications, including 18 user companies, 9 universities and 11 research institutes, and brings together 14 national, provincial or municipal innovation platforms. The alliance is governed by a council with its secretariat at the company; every year it publishes a list of technology needs and organises joint R&D among its members.',
        ),
      ],
    },
    {
      heading: t('三、核心技术攻关与技术路线图', '3. Core technologies and technology roadmap'),
      paragraphs: [
        t(
          '围绕工艺、装备、材料与设计协同，本中心确定两项有待突破、拥有自主知识产权的核心技术：一是节距1微米以下的晶圆对晶圆混合键合工艺及配套装备；二是面向芯粒集成的大尺寸硅中介层与玻璃通孔（TGV）基板技术。两项技术均是高算力芯片制造的瓶颈环节，国内尚无成熟的量产方案。',
          'Coordinating process, equipment, materials and design, the centre has identified two core technologies still to be mastered, with its own intellectual property: first, wafer-to-wafer hybrid bonding at pitches below 1 µm together with the matching equipment; second, large silicon interposers and through-glass-via (TGV) substrates for chiplet integration. Both are bottlenecks in manufacturing high-performance computing chips, and no mature volume-production solution yet exists in China.',
        ),
        t(
          '混合键合方向由本中心联合微衡装备开发国产键合对准设备，重点攻克表面活化、亚微米对准和低温退火等关键工艺，目标到2028年完成节距1微米、对准精度优于100纳米的工艺验证，键合良率达到98%以上，并同步建立键合界面可靠性评价方法和测试规范。',
          'In hybrid bonding, the centre will develop a domestic bonding and alignment tool with Weiheng Equipment, focusing on surface activation, sub-micron alignment and low-temperature annealing. The target is to verify by 2028 a process with 1 µm pitch and alignment accuracy better than 100 nm at a bonding yield above 98%, and in parallel to establish evaluation methods and test specifications for bond-interface reliability.',
        ),
        t(
          '大尺寸中介层方向重点突破65×65毫米以上硅中介层的翘曲控制、高深宽比玻璃通孔成形与金属化工艺，并与启衡设计及联盟高校联合开发芯粒互连协同设计工具和热—力—电多物理场仿真模型，推动国内芯粒互连接口标准的制定和应用。',
          'In large interposers, the work focuses on warpage control for silicon interposers of 65 × 65 mm and larger and on forming and metallising high-aspect-ratio glass vias. Together with Qiheng Design and alliance universities, the centre will develop co-design tools for chiplet interconnects and thermal-mechanical-electrical multiphysics simulation models, and promote the drafting and adoption of a domestic chiplet interconnect interface standard.',
        ),
        t(
          '技术路线图经技术专家委员会审定，按照“三年突破、五年推广”分阶段实施，每年滚动修订。研发任务以项目形式向联盟成员开放承接，重大攻关任务实行“揭榜挂帅”，由成果需求方参与立项论证和验收评价，确保研发方向与产业需求紧密衔接。',
          'The technology roadmap, approved by the technical expert committee, is implemented in stages, "breakthrough in three years, diffusion in five", and revised on a rolling basis every year. R&D tasks are opened to alliance members as projects, major tasks are awarded through open calls for solutions ("jiebang guashuai"), and the future users of the results take part in project appraisal and acceptance, keeping research closely tied to industry needs.',
        ),
      ],
    },
    {
      heading: t('四、研发投入、条件平台与人才队伍', '4. R&D investment, facilities and talent team'),
      paragraphs: [
        t(
          '2023年至2025年，本中心及股东单位在先进封装领域累计研发投入4.26亿元，其中本中心成立以来自身投入1.37亿元，占同期营业收入的比例超过40%。股东单位承诺在建设期内每年委托本中心实施的研发项目经费不低于8000万元，并按持股比例承担中试线二期建设资金。',
          'From 2023 to 2025, the centre and its shareholders invested a total of RMB 426 million in advanced packaging R&D, of which RMB 137 million was invested by the centre itself since its founding, more than 40% of its revenue over the period. The shareholders have undertaken to commission R&D projects worth at least RMB 80 million a year from the centre during the construction period and to fund phase II of the pilot line in proportion to their holdings.',
        ),
        t(
          '本中心在牵头股东投入的封装研发线基础上改造扩建，已建成12英寸晶圆级先进封装中试线一条，洁净室面积3200平方米，配置键合、光刻、电镀、减薄和量测等关键设备86台（套），仪器设备原值3.12亿元；同时可共享股东单位的可靠性实验室和失效分析平台，具备从工艺开发、样品制备到可靠性验证的完整能力。',
          'Building on a packaging R&D line contributed by its lead shareholder, the centre has built a 12-inch wafer-level advanced packaging pilot line with 3,200 m² of clean room and 86 key tools for bonding, lithography, plating, thinning and metrology, with an original equipment value of RMB 312 million. It can also use the reliability laboratories and failure-analysis platforms of its shareholders, giving it a complete capability from process development and sample preparation to reliability verification.',
        ),
        t(
          '本中心现有研发人员172人，占员工总数的78%，其中博士48人、硕士86人，国家级人才计划入选者5人；首席科学家由长期从事三维集成研究的归国专家担任。本中心与申江大学共建集成电路产教融合实训基地，联合培养工程硕士和博士，并建立以项目贡献为核心的薪酬和股权激励体系。',
          "The centre has 172 R&D staff, 78% of its workforce, including 48 PhDs, 86 holders of master's degrees and 5 members of national talent programmes; its chief scientist is a returnee expert with long experience in 3D integration. With Shenjiang University it runs an industry-education training base for integrated circuits that jointly trains engineering master's and doctoral students, and it has a pay and equity incentive system centred on contributions to projects.",
        ),
      ],
    },
    {
      heading: t('五、运行机制、知识产权与成果转化', '5. Operating mechanism, intellectual property and commercialisation'),
      paragraphs: [
        t(
          '本中心设立技术专家委员会，由学术界、企业界和政府委派的15名专家组成，其中院士2人，主任由国内封装领域领军专家担任。委员会负责研判行业发展重大问题，审定技术路线图和年度研发计划，并对重大项目的立项和验收进行独立评议，评议意见作为董事会决策的重要依据。',
          'The centre has a technical expert committee of 15 experts from academia, industry and government appointees, including two academicians, chaired by a leading domestic packaging expert. The committee assesses major issues in the industry, approves the technology roadmap and annual R&D plan, and gives independent opinions on the launch and acceptance of major projects, which the board takes as an important basis for its decisions.',
        ),
        t(
          '本中心制定《知识产权管理办法》，明确背景知识产权归原单位所有，本中心自主研发形成的知识产权归本中心所有，合作研发成果按投入和贡献约定归属。股东和联盟成员可按优惠条件优先获得实施许可，对外许可收益按约定比例与研发团队分享，团队奖励比例不低于30%。',
          "The centre's Intellectual Property Management Rules provide that background IP stays with the original owner, IP from the centre's own R&D belongs to the centre, and results of joint R&D are allocated by agreement according to input and contribution. Shareholders and alliance members have priority access to licences on preferential terms, and income from external licensing is shared with the R&D team at an agreed rate of no less than 30% for the team.",
        ),
        t(
          '本中心建立“中试验证—小批量试产—技术许可或孵化”的成果转化路径，通过技术许可、作价入股和孵化企业等方式推动成果首次商业化应用。成立以来，本中心已完成技术许可9项、孵化企业2家，成果转化合同金额累计4200万元。',
          'The centre follows a commercialisation path of pilot verification, small-batch trial production, then licensing or incubation, and brings results to first commercial application through licences, equity contributions of technology and spin-off companies. Since its founding it has concluded 9 technology licences and incubated 2 companies, with commercialisation contracts totalling RMB 42 million.',
        ),
      ],
    },
    {
      heading: t('六、公共服务平台、自我造血与国际合作', '6. Public service platform, self-sustainability and international cooperation'),
      paragraphs: [
        t(
          '依托中试线，本中心面向行业提供封装工艺开发、封装样品试制验证、可靠性测试和失效分析等服务，计划于2027年取得CNAS实验室认可。本中心设立中小企业服务专区，为联盟内中小设计企业提供芯粒样品多客户拼单封装服务，收费较市场价格降低30%左右，2025年服务企业127家。',
          'Based on the pilot line, the centre offers the industry packaging process development, trial packaging of samples for verification, reliability testing and failure analysis, and plans to obtain CNAS laboratory accreditation in 2027. A dedicated SME service desk provides shared multi-customer packaging runs for chiplet samples to small design firms in the alliance at about 30% below market prices; 127 companies were served in 2025.',
        ),
        t(
          '本中心收入来源包括委托研发、技术服务、技术许可和政府竞争性项目。2025年实现营业收入1.42亿元，其中技术服务收入6850万元，非股东客户占比46%。按照经营规划，2028年起经营性收入可覆盖日常运行成本，财政资金占比逐年下降至20%以下。',
          'The centre earns income from contract R&D, technical services, licensing and competitive government projects. In 2025 its revenue was RMB 142 million, including RMB 68.5 million from technical services, 46% of it from non-shareholder clients. Under its business plan, operating income will cover running costs from 2028, and the share of public funding will fall year by year to below 20%.',
        ),
        t(
          '国际合作方面，本中心与欧洲和新加坡的两家研究机构签订合作备忘录，拟在键合可靠性评价和测试方法方面开展联合研究，并积极参与国际半导体标准组织相关工作组活动。本中心同步建立出口管制合规审查机制，确保国际合作依法合规开展。',
          'In international cooperation, the centre has signed memoranda of understanding with two research institutes in Europe and Singapore for joint research on bond reliability evaluation and test methods, and takes part in working groups of international semiconductor standards bodies. It has also set up an export-control compliance review so that international cooperation is conducted lawfully.',
        ),
      ],
    },
    {
      heading: t('七、建设目标与进度安排', '7. Construction targets and schedule'),
      paragraphs: [
        t(
          '到2028年底，本中心完成混合键合和大尺寸中介层两项核心技术的工艺验证，新增发明专利申请200件以上，主导制定国家、行业或团体标准10项以上，实现技术成果转移转化项目30项以上，累计服务企业300家以上，力争创建国家制造业创新中心。',
          'By the end of 2028 the centre will have verified the processes for both core technologies, hybrid bonding and large interposers; filed over 200 new invention patent applications; led more than 10 national, industry or group standards; transferred or commercialised over 30 results; and served more than 300 companies, with the aim of being upgraded to a national manufacturing innovation centre.',
        ),
        t(
          '进度安排分三个阶段：2026年完成中试线二期设备安装调试和实验室认可准备工作；2027年完成关键工艺开发并向联盟成员开放试产；2028年实现成果规模化转移扩散，形成稳定的市场化运营模式。',
          'The schedule has three stages: in 2026, install and commission the phase II equipment of the pilot line and prepare for laboratory accreditation; in 2027, complete development of the key processes and open trial production to alliance members; in 2028, transfer and diffuse the results at scale and establish a stable market-based operating model.',
        ),
        t(
          '本中心将建立目标责任和考核制度，将年度目标分解到各研发部门和项目团队，按年度向市经济信息化委报送运行发展报告和定量定性指标完成情况，主动接受年度评估和三年定期考核，并根据评估意见及时调整技术路线和资源配置。',
          'The centre will set up a system of target responsibility and appraisal, breaking annual targets down to R&D departments and project teams. Each year it will submit its operation and development report and the status of its quantitative and qualitative indicators to the Shanghai Municipal Commission of Economy and Informatization, undergo the annual evaluation and the three-year periodic assessment, and adjust its technology route and resources in response to the findings.',
        ),
      ],
    },
  ],
  facts: [
    {
      label: t('运营主体', 'Operating entity'),
      value: t('上海申芯异构集成技术有限公司', 'Shanghai Shenxin Heterogeneous Integration Technology Co., Ltd.'),
    },
    {
      label: t('注册地', 'Place of registration'),
      value: t('上海市浦东新区（临港新片区）', 'Pudong New Area (Lingang Special Area), Shanghai'),
    },
    {
      label: t('注册资本', 'Registered capital'),
      value: t('3亿元（已实缴1.8亿元）', 'RMB 300 million (RMB 180 million paid in)'),
    },
    { label: t('注册日期', 'Date of registration'), value: t('2024年3月15日', '15 March 2024') },
    {
      label: t('股东数量', 'Number of shareholders'),
      value: t('7家（单一股东最高持股25%）', '7 (largest single holding 25%)'),
    },
    {
      label: t('联盟成员数量', 'Alliance members'),
      value: t(
        '86家（企业61家，其中用户企业18家；高校9所；科研院所11家；行业组织5家；含国家级和省市级创新平台14个）',
        '86 (61 enterprises, 18 of them users; 9 universities; 11 research institutes; 5 industry organisations; 14 national, provincial or municipal innovation platforms among them)',
      ),
    },
    {
      label: t('近三年研发投入（2023—2025年）', 'R&D investment, last three years (2023–2025)'),
      value: t(
        '4.26亿元（本中心及股东单位合计，其中本中心自身1.37亿元）',
        'RMB 426 million (centre and shareholders; RMB 137 million by the centre itself)',
      ),
    },
    {
      label: t('研发人员', 'R&D staff'),
      value: t('172人（博士48人、硕士86人），占员工总数78%', "172 (48 PhDs, 86 master's), 78% of staff"),
    },
    {
      label: t('仪器设备原值', 'Original value of instruments and equipment'),
      value: t(
        '3.12亿元（含12英寸晶圆级先进封装中试线一条）',
        'RMB 312 million (incl. one 12-inch wafer-level advanced packaging pilot line)',
      ),
    },
    {
      label: t('授权发明专利', 'Granted invention patents'),
      value: t(
        '146件（本中心及股东单位在本领域合计，其中PCT及境外授权21件；本中心自有17件，含股东单位转入11件）',
        '146 (the centre and its shareholders in this field, 21 of them via PCT or granted abroad; 17 owned by the centre, 11 of those transferred from shareholders)',
      ),
    },
    {
      label: t('主导制定标准', 'Standards led'),
      value: t('国家标准2项、行业标准3项、团体标准4项', '2 national, 3 industry and 4 group standards'),
    },
    {
      label: t('承担国家及行业重点项目', 'National and industry key projects'),
      value: t(
        '国家科技重大专项课题3项、国家重点研发计划课题2项',
        '3 topics of national S&T major projects; 2 topics of the National Key R&D Programme',
      ),
    },
    {
      label: t('技术服务收入（2025年）', 'Revenue from technical services (2025)'),
      value: t(
        '6850万元（非股东客户占比46%）；营业收入1.42亿元',
        'RMB 68.5 million (46% from non-shareholder clients); total revenue RMB 142 million',
      ),
    },
    {
      label: t('成果转化', 'Commercialisation'),
      value: t('技术许可9项、孵化企业2家，合同金额累计4200万元', '9 licences, 2 spin-offs; contracts totalling RMB 42 million'),
    },
    {
      label: t('技术专家委员会', 'Technical expert committee'),
      value: t('15人（院士2人）：学术界6人、企业界7人、政府委派2人', '15 (2 academicians): 6 academia, 7 industry, 2 government-appointed'),
    },
  ],
  reviewNotes: {
    rubricId: 'mic-selection-enterprise',
    criteria: A001_CRITERIA,
    strengths: [
      t(
        '股权结构多元均衡，7家股东中包括晶圆制造和封测领域排名前列的企业，无单一控制股东，现代企业制度较为完善。',
        'Diversified, balanced shareholding: the seven shareholders include leading wafer-manufacturing and packaging firms, none has sole control, and the modern enterprise system is fairly complete.',
      ),
      t(
        '已建成12英寸中试线，近三年研发投入4.26亿元，承担国家科技重大专项经验丰富，条件平台扎实。',
        'A 12-inch pilot line is in place, R&D investment reached RMB 426 million over three years, and the team has solid experience with national S&T major projects.',
      ),
      t(
        '两项核心技术与高算力芯片制造瓶颈高度对应，指标明确、可考核（节距1微米、对准精度优于100纳米）。',
        'Both core technologies match real bottlenecks in high-performance chip manufacturing, with clear, verifiable targets (1 µm pitch, alignment better than 100 nm).',
      ),
      t(
        '知识产权归属和收益分配规则清晰，已有技术许可9项、孵化企业2家的转化实绩。',
        'Clear rules on IP ownership and income sharing, backed by a record of 9 licences and 2 spin-offs.',
      ),
    ],
    weaknesses: [
      t(
        '技术服务收入中来自股东单位的占比仍达54%，面向非股东客户的市场化造血能力有待进一步验证。',
        'Shareholders still account for 54% of technical-service revenue; the ability to earn income from non-shareholder clients is not yet proven.',
      ),
      t(
        '中试线关键设备进口比例约65%，国产装备验证主要依赖单一股东，存在供应链风险。',
        'About 65% of the key pilot-line tools are imported and verification of domestic equipment relies on a single shareholder, a supply-chain risk.',
      ),
      t(
        '联盟用户企业集中于高性能计算领域，汽车电子、通信等应用领域覆盖不足。',
        'User companies in the alliance are concentrated in high-performance computing; automotive electronics and communications are under-represented.',
      ),
      t(
        '国际合作以合作备忘录为主，尚无实质性联合研发项目。',
        'International cooperation consists mainly of memoranda of understanding, with no substantive joint R&D project yet.',
      ),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// A002: non-enterprise legal person type, high-end medical devices. Good application.
// ---------------------------------------------------------------------------------------------

/** A002's comments per criterion of the non-enterprise selection rubric, from its dossier. */
const A002_CRITERIA: Record<string, CriterionNote> = {
  'D1.1': n(
    '2023—2025年发起单位研发投入5.8亿元、研究会自身6300万元，建成8000平方米研发与中试基地，其中GMP洁净中试车间2400平方米，设备原值1.46亿元。',
    'Founders invested RMB 580 million and the association RMB 63 million in R&D in 2023–2025; an 8,000 m² R&D and pilot base with 2,400 m² of GMP clean workshops and RMB 146 million of equipment is in place.',
    '研发条件较好，但大动物实验依赖外部合作机构，关键验证环节的能力和进度存在不确定性。',
    'Facilities are good, but large-animal studies depend on outside partners, which leaves the capacity and timing of a key validation step uncertain.',
  ),
  'D1.2': n(
    '技术负责人主持国家重点研发计划重点专项项目2项，发起单位有国家企业技术中心和医疗器械临床试验机构，重点项目经验较丰富。',
    'The technical director has led two projects of key special programmes of the National Key R&D Programme, and the founders include a national enterprise technology centre and a clinical trial institution.',
    '重点项目主要由技术负责人和发起单位承担，研究会作为主体承担的国家或行业重点项目尚少。',
    'Key projects were led by the technical director and the founders; the association itself has carried out few national or industry key projects.',
  ),
  'D1.3': n(
    '专职研发人员62人、派驻和双聘135人，其中博士41人、临床医学专家18人，技术负责人长期从事心血管植入材料研究，医工结合特点突出。',
    '62 full-time R&D staff and 135 seconded or jointly appointed, including 41 PhDs and 18 clinicians; the technical director has long worked on cardiovascular implant materials, a strong medicine-engineering mix.',
    '人才队伍以派驻和双聘为主，专职人员占比偏低，核心人员的稳定性需保障。',
    'Most researchers are seconded or jointly appointed and the full-time share is low; the stability of the core staff needs safeguarding.',
  ),
  'D2.1': n(
    '围绕材料、工艺、评价三条主线布局共性技术，技术路线图和年度攻关方向经技术专家委员会审定，长期可靠性评价方法对全行业具有共性价值。',
    'Common technologies are organised along materials, processes and evaluation; the roadmap and yearly priorities are approved by the technical expert committee, and the long-term reliability methods serve the whole industry.',
    '共性技术方向总体明确，但路线图中注册检验和临床验证节点受外部审批影响较大，可考核性不足。',
    'The common-technology directions are clear, but the roadmap’s registration-testing and clinical milestones depend heavily on outside approvals and are hard to verify.',
  ),
  'D2.2': n(
    '可吸收镁合金及高分子材料、介入瓣膜抗钙化与干态预装两项核心技术针对国产产品短板，目标形成核心发明专利40件以上（PCT不少于10件）。',
    'The two core technologies (bioresorbable magnesium-alloy and polymer materials; anti-calcification and dry pre-loading of valve tissue) address gaps of domestic products, aiming at over 40 core invention patents (at least 10 PCT).',
    '研究会自有授权发明专利仅9件，核心研发依托成员单位；介入瓣膜方向与牵头单位产品线高度重合，成果归属需明确。',
    'The association itself holds only 9 granted invention patents and relies on members for core R&D; the valve direction overlaps heavily with the lead founder’s products, so ownership of results must be settled.',
  ),
  'D2.3': n(
    '2025年服务企业143家，中小企业占72%，孵化平台入驻项目21个，协助4项产品进入创新医疗器械特别审查程序、取得第三类注册证6项。',
    '143 companies served in 2025 (72% SMEs); 21 projects incubated, 4 products brought into the special review procedure and 6 Class III registration certificates obtained.',
    '成果推广以服务和注册支持为主，研究会自有技术成果向行业转移扩散的案例尚少。',
    'Diffusion consists mostly of services and registration support; few of the association’s own results have been transferred to the industry.',
  ),
  'D3.1': n(
    '已形成材料表征、型式检验预测试、动物实验协调、注册申报咨询和临床试验设计五类服务，2025年技术服务收入2960万元，计划2027年取得CMA资质和CNAS认可。',
    'Five kinds of service are running (material characterisation, type-test pre-testing, animal-study coordination, registration consulting, clinical trial design), earning RMB 29.6 million in 2025; CMA and CNAS are planned for 2027.',
    '公共服务能力较好，但检验检测资质和CNAS认可尚未取得，正式检验仍需委托外部机构。',
    'The services are good, but testing qualification and CNAS accreditation are still pending, so formal testing still goes to outside laboratories.',
  ),
  'D3.2': n(
    '已有行业标准4项（主导2项）、团体标准6项，计划主导行业标准3项、团体标准8项，加速疲劳、体外降解等评价方法可固化为标准。',
    'Has 4 industry standards (2 led) and 6 group standards, plans to lead 3 industry and 8 group standards, and its fatigue and degradation test methods can become standards.',
    '标准规划以行业和团体标准为主，标准推进联盟的组建安排未说明。',
    'The plan covers industry and group standards only and does not say how a standards alliance would be formed.',
  ),
  'D3.3': n(
    '研究会仪器设备全部纳入本市研发公共服务平台对外开放，成员单位优先预约并享受价格优惠。',
    'All the association’s instruments are listed on the municipal R&D public service platform and open to outside users, with priority booking and lower prices for members.',
    '设备已对外开放，但开放机时、收费标准和非成员单位使用情况未提供统计。',
    'The instruments are open, but no figures are given on hours, fees or use by non-members.',
  ),
  'D4.1': n(
    '“临床提出需求、专家论证立项、企业承接转化”的协同机制运行良好，联盟64家成员中有临床用户医院12家，以揭榜方式组织攻关。',
    'The mechanism of clinicians raising needs, experts appraising projects and enterprises commercialising results works well; the 64-member alliance includes 12 hospitals and work is organised through open calls.',
    '协同机制较完整，但联盟内中小企业参与揭榜攻关的比例和分工安排未说明。',
    'The mechanism is fairly complete, but how many SMEs take part in the open calls and how work is divided is not stated.',
  ),
  'D4.2': n(
    '理事会15人中企业理事不超过9名，秘书长专职；技术专家委员会17人（学术及临床8人、企业7人、政府委派2人），主任为院士，决策机制科学。',
    'The 15-member council has at most 9 enterprise members and a full-time secretary-general; the technical expert committee has 17 members (8 academic and clinical, 7 industry, 2 government) chaired by an academician.',
    '决策机构构成合理，但理事长由牵头单位推荐，涉及牵头单位利益的事项缺少回避规则。',
    'The bodies are well composed, but the chair is nominated by the lead founder and there is no recusal rule for matters touching its interests.',
  ),
  'D4.3': n(
    '资助成果由研究会与承担单位共有，成员享有优先实施许可权，转化净收益的70%奖励研发团队，收益共享规则清晰。',
    'Funded results are co-owned by the association and the performing member, members have a right of first licence, and 70% of net income rewards the R&D team: clear sharing rules.',
    '共有成果的许可决策和收益分配规则尚不细致，介入瓣膜方向与牵头单位产品线重合，需防范利益冲突。',
    'Licensing decisions and income split for co-owned results are not detailed, and the valve direction overlaps the lead founder’s products, a conflict of interest to guard against.',
  ),
  'D5.1': n(
    '与德国、瑞士两家研究机构和一家欧盟公告机构签订合作协议，联合承担国际科技合作项目1项，协助4家成员企业取得CE认证。',
    'Agreements with two research institutes in Germany and Switzerland and an EU notified body; one joint international S&T project; CE marking obtained for 4 member companies.',
    '国际合作已有实质项目，但海外联合研发中心或实验基地尚未建立，高水平团队引进计划不具体。',
    'International cooperation has a real project, but no joint lab or base abroad exists and the plan to attract top teams is vague.',
  ),
  'D5.2': n(
    '围绕欧盟注册和国际多中心临床试验开展交流，具备参与国际标准化的基础。',
    'Exchanges on EU registration and international multicentre trials give a basis for international standardisation work.',
    '方案未涉及参加国际标准化组织活动或主导国际标准，国际科技信息跟踪机制也未说明。',
    'The plan mentions no work in international standards bodies or international standards to lead, and no mechanism to track international developments.',
  ),
  'D6.1': n(
    '2025年总收入7530万元，技术服务2960万元、委托研发1850万元、会费420万元，经营性收入约占七成，计划2028年提高到80%以上。',
    'Total income of RMB 75.3 million in 2025 (technical services 29.6, contract R&D 18.5, fees 4.2 million); operating income is about 70% and is to exceed 80% by 2028.',
    '政府项目经费2300万元、约占总收入的30%，经营性收入占比提高到80%以上的路径需进一步论证。',
    'Government projects provide RMB 23 million, about 30% of income; the path to over 80% operating income needs further justification.',
  ),
  'D6.2': n(
    '与淞江医科大学、东海理工大学共建医工交叉人才培养项目，每年联合培养研究生30名以上，2025年培训企业技术和质量人员1100余人次。',
    'A medicine-engineering programme with two universities trains over 30 graduate students a year, and over 1,100 trainee-attendances of company staff were delivered in 2025.',
    '人才培养基础较好，但面向全球选聘领军人才的计划和薪酬激励体系未具体说明。',
    'Training is well established, but there is no concrete plan for recruiting leading experts worldwide or for a competitive pay system.',
  ),
};

const A002: DemoApplication = {
  id: 'A002',
  name: t(
    '上海市高端植介入医疗器械制造业创新中心',
    'Shanghai High-end Implantable and Interventional Medical Devices Manufacturing Innovation Centre',
  ),
  // The applicant of a non-enterprise-type centre is its operating entity, the research association; the firm is its lead founder.
  organisation: t(
    '上海植介入医疗器械创新研究会',
    'Shanghai Research Association for Implantable and Interventional Medical Device Innovation',
  ),
  category: 'non-enterprise',
  field: t('生物医药（高端医疗器械）', 'Biomedicine (high-end medical devices)'),
  members: [
    t(
      '上海澜瑞医疗科技股份有限公司（牵头发起单位；国家企业技术中心）',
      'Shanghai Lanrui Medical Technology Co., Ltd. (lead founder; national enterprise technology centre)',
    ),
    t('上海康屹生物材料有限公司（发起单位）', 'Shanghai Kangyi Biomaterials Co., Ltd. (founder)'),
    t('上海衡脉神经调控科技有限公司（发起单位）', 'Shanghai Hengmai Neuromodulation Technology Co., Ltd. (founder)'),
    t('苏州精博医用精密制造有限公司（发起单位）', 'Suzhou Jingbo Medical Precision Manufacturing Co., Ltd. (founder)'),
    t('浙江安泓医疗器械股份有限公司（发起单位）', 'Zhejiang Anhong Medical Devices Co., Ltd. (founder)'),
    t(
      '淞江医科大学附属东城医院（发起单位，临床用户；医疗器械临床试验机构）',
      'Dongcheng Hospital affiliated to Songjiang Medical University (founder, clinical user; medical device clinical trial institution)',
    ),
    t('东海理工大学生物医用材料研究院（发起单位）', 'Institute of Biomedical Materials, Donghai University of Technology (founder)'),
    t(
      '上海博检医疗器械检测技术有限公司（发起单位；CNAS、CMA认可第三方检测机构）',
      'Shanghai Bojian Medical Device Testing Technology Co., Ltd. (founder; CNAS- and CMA-accredited third-party laboratory)',
    ),
    t(
      '上海生物医用材料工程技术研究中心（发起单位，科研院所；上海市工程技术研究中心）',
      'Shanghai Biomedical Materials Engineering Research Centre (founder, research institute; Shanghai engineering research centre)',
    ),
  ],
  sections: [
    {
      heading: t('一、建设背景与必要性', '1. Background and necessity'),
      paragraphs: [
        t(
          '高端植介入医疗器械是生物医药产业中技术密集度最高、临床价值最突出的领域之一，涵盖冠脉介入、结构性心脏病、神经调控和骨科植入等方向。近年来我国植介入器械市场年均增速超过15%，但高端产品仍以进口为主，关键材料、精密制造工艺和长期可靠性评价能力是制约国产产品进入高端市场的主要瓶颈。',
          'High-end implantable and interventional devices are among the most technology-intensive and clinically valuable fields of biomedicine, spanning coronary intervention, structural heart disease, neuromodulation and orthopaedic implants. The Chinese market for such devices has grown by more than 15% a year, yet high-end products are still mostly imported; key materials, precision manufacturing processes and the ability to evaluate long-term reliability are the main bottlenecks keeping domestic products out of the high-end market.',
        ),
        t(
          '上海是国内植介入器械企业和临床资源最为集中的地区之一，但企业研发多以单一产品为主，生物材料表征、精密加工、动物实验和型式检验等共性能力分散在各单位，重复建设与利用率不高的问题并存，中小企业获取共性技术服务的成本较高、周期较长，创新产品从研发到注册上市普遍需要五年以上。',
          'Shanghai is one of the regions with the densest concentration of implant and interventional device firms and clinical resources in China. Yet corporate R&D mostly targets single products, and common capabilities such as biomaterial characterisation, precision machining, animal studies and type testing are scattered across organisations, duplicated and under-used. SMEs pay more and wait longer for common technical services, and an innovative product typically needs more than five years from R&D to market approval.',
        ),
        t(
          '组建本创新中心，旨在发挥骨干企业的引领作用和临床机构的需求牵引作用，围绕材料、工艺、评价三条主线开展关键共性技术攻关，建设面向全行业的公共服务平台，缩短创新产品从实验室到临床应用的周期，支撑本市生物医药先导产业中高端医疗器械领域的高质量发展。',
          "The centre is set up to let leading enterprises set the pace and clinical institutions steer demand, to tackle key common technologies along three lines (materials, processes and evaluation), to build a public service platform for the whole industry, and to shorten the path of innovative products from laboratory to clinical use, supporting the high-quality development of high-end medical devices within the city's leading biomedicine industry.",
        ),
        t(
          '本方案依据《上海市制造业创新中心建设工程实施方案（2022—2025年）》规定的组织形式、基本条件和遴选要求编制。按照2026年度申报通知，本年度遴选继续执行该实施方案确定的条件和程序；本方案的建设目标和进度安排覆盖2026年至2028年。',
          "This plan follows the organisational forms, basic conditions and selection requirements of the Shanghai Implementation Plan for Building Manufacturing Innovation Centres (2022–2025). Under the 2026 call for applications, this year's selection continues to apply the conditions and procedure of that plan; the targets and schedule in this plan cover 2026 to 2028.",
        ),
      ],
    },
    {
      heading: t('二、组织形式与联盟构成', '2. Organisational form and alliance'),
      paragraphs: [
        t(
          '本创新中心采取“非企业法人+联盟”模式运行。运营主体上海植介入医疗器械创新研究会于2022年11月经上海市民政局登记为社会团体法人，注册资金800万元，由11家单位共同发起成立。发起单位中包括国内冠脉介入和结构性心脏病领域排名前列的骨干企业，以及临床机构、高校、科研院所和第三方检测机构。',
          'The centre operates on the "non-enterprise legal person + alliance" model. Its operating entity, the Shanghai Research Association for Implantable and Interventional Medical Device Innovation, was registered with the Shanghai Civil Affairs Bureau as a social organisation legal person in November 2022 with registered funds of RMB 8 million, founded jointly by 11 organisations. They include leading domestic firms in coronary intervention and structural heart disease, as well as clinical institutions, a university, a research institute and a third-party testing laboratory.',
        ),
        t(
          '本研究会实行会员代表大会制度，设理事会和监事会。理事会由15名理事组成，其中企业理事不超过9名，医院、高校和检测机构理事不少于6名；理事长由牵头发起单位推荐，秘书长面向社会公开招聘并专职工作。本研究会坚持非营利原则，收支结余全部用于研发活动和公共服务。',
          "The association is governed by a members' representative assembly, a council and a board of supervisors. The council has 15 members, no more than 9 from enterprises and at least 6 from hospitals, universities and testing bodies; the chair is nominated by the lead founder, and the secretary-general is recruited openly and works full time. The association is non-profit, and any surplus goes entirely to R&D and public services.",
        ),
        t(
          '同步组建的上海植介入医疗器械协同创新联盟现有成员64家，覆盖原材料、零部件、整机制造、检测认证、临床机构和投资机构等环节，其中临床用户医院12家，集聚国家级和省市级创新平台9个。联盟成员中中小企业占比过半，长三角其他省市成员19家。',
          'The Shanghai Implantable and Interventional Medical Device Collaborative Innovation Alliance, formed at the same time, has 64 members covering raw materials, components, finished-device manufacturing, testing and certification, clinical institutions and investors, including 12 hospitals as clinical users and 9 national, provincial or municipal innovation platforms. More than half of the members are SMEs, and 19 come from other parts of the Yangtze River Delta.',
        ),
      ],
    },
    {
      heading: t('三、关键共性技术与自主知识产权', '3. Key common technologies and own intellectual property'),
      paragraphs: [
        t(
          '本中心确定两项有待突破、拥有自主知识产权的核心技术：一是可吸收镁合金及高分子植入材料的成分设计与精密成形技术，重点解决降解速率可控性与力学支撑时间相匹配的问题；二是经导管介入瓣膜生物组织的抗钙化处理与干态预装技术，重点解决国产瓣膜长期耐久性不足、术前准备复杂等问题。',
          'The centre has identified two core technologies still to be mastered, with its own intellectual property: first, composition design and precision forming of bioresorbable magnesium-alloy and polymer implant materials, so that the degradation rate can be controlled and matched to the required period of mechanical support; second, anti-calcification treatment and dry pre-loading of biological tissue for transcatheter valves, addressing the limited long-term durability of domestic valves and their complex preparation before surgery.',
        ),
        t(
          '围绕上述方向，本中心联合东海理工大学、东城医院和成员企业开展“材料—工艺—动物实验—临床验证”全链条攻关，目标到2028年完成两类产品关键工艺定型并进入注册检验，形成核心发明专利40件以上，其中PCT申请不少于10件，相关技术达到国际先进水平。',
          'In these directions the centre works with Donghai University of Technology, Dongcheng Hospital and member firms across the whole chain from materials and processes to animal studies and clinical validation. By 2028 the key processes for both product types are to be finalised and enter registration testing, with more than 40 core invention patents, at least 10 of them PCT applications, and the technologies at an internationally advanced level.',
        ),
        t(
          '本中心同时开展植介入器械长期可靠性评价方法研究，建立加速疲劳、体外降解和有源器件密封性等测试方法，牵头制定行业标准和团体标准，为全行业提供统一、可比的评价依据，降低企业重复验证的成本。',
          'In parallel the centre is developing methods for evaluating the long-term reliability of implantable and interventional devices, including accelerated fatigue, in-vitro degradation and hermeticity testing of active devices, and will lead industry and group standards to give the whole sector a uniform, comparable basis for evaluation and cut the cost of repeated verification.',
        ),
      ],
    },
    {
      heading: t('四、研发投入、条件平台与人才队伍', '4. R&D investment, facilities and talent team'),
      paragraphs: [
        t(
          '2023年至2025年，发起单位在植介入领域累计研发投入5.8亿元，本研究会自身研发投入6300万元。本研究会在闵行区建成研发与中试基地8000平方米，其中符合医疗器械生产质量管理规范的洁净中试车间2400平方米，配置激光切割、精密编织、涂层喷涂、疲劳测试和材料表征等设备，仪器设备原值1.46亿元。',
          'From 2023 to 2025 the founders invested RMB 580 million in implant and interventional R&D, and the association itself RMB 63 million. The association has built an 8,000 m² R&D and pilot base in Minhang District, including 2,400 m² of clean pilot workshops compliant with medical device good manufacturing practice, equipped for laser cutting, precision braiding, coating, fatigue testing and material characterisation, with an original equipment value of RMB 146 million.',
        ),
        t(
          '本研究会现有专职研发人员62人，成员单位派驻和双聘研发人员135人，其中博士41人、具有临床背景的医学专家18人。技术负责人长期从事心血管植入材料研究，曾主持国家重点研发计划重点专项项目2项，团队具有较为丰富的产品注册和产业化经验。',
          'The association has 62 full-time R&D staff plus 135 researchers seconded by or jointly appointed with member organisations, including 41 PhDs and 18 medical experts with clinical backgrounds. The technical director has long worked on cardiovascular implant materials and has led two projects under key special programmes of the National Key R&D Programme; the team has considerable experience with product registration and industrialisation.',
        ),
        t(
          '本研究会与淞江医科大学、东海理工大学共建医工交叉人才培养项目，每年联合培养研究生30名以上；面向行业开设注册法规、质量管理体系和临床评价等专题培训，2025年累计培训企业技术和质量人员1100余人次。',
          'With Songjiang Medical University and Donghai University of Technology, the association runs a medicine-engineering training programme that jointly trains more than 30 graduate students a year, and it offers the industry courses on registration regulations, quality management systems and clinical evaluation, with over 1,100 trainee-attendances by company technical and quality staff in 2025.',
        ),
      ],
    },
    {
      heading: t('五、运行机制、协同创新与知识产权', '5. Operating mechanism, collaborative innovation and intellectual property'),
      paragraphs: [
        t(
          '技术专家委员会由17名专家组成，其中学术界和临床专家8人、企业界专家7人、政府委派专家2人，主任由心血管介入领域院士担任。委员会负责研判行业发展重大问题，审定技术路线图和年度攻关方向，并对本研究会资助项目进行立项评审和结题验收。',
          'The technical expert committee has 17 members: 8 from academia and clinical practice, 7 from industry and 2 appointed by government, chaired by an academician in cardiovascular intervention. It assesses major issues in the industry, approves the technology roadmap and annual research priorities, and reviews projects funded by the association at launch and at completion.',
        ),
        t(
          '本研究会建立“临床提出需求、专家论证立项、企业承接转化”的协同创新机制，每年面向成员医院征集临床需求，经技术专家委员会论证后以揭榜方式组织攻关。本研究会的仪器设备全部纳入本市研发公共服务平台对外开放共享，成员单位享受优先预约和价格优惠。',
          'The association runs a collaborative mechanism in which clinicians raise needs, experts appraise and launch projects, and enterprises take up and commercialise the results. Every year it collects clinical needs from member hospitals and, after appraisal by the technical expert committee, organises the work through open calls. All its instruments are listed on the municipal R&D public service platform and open to outside users, with priority booking and reduced prices for members.',
        ),
        t(
          '本研究会制定《知识产权管理与成果转化办法》，背景知识产权归原单位所有；本研究会资助形成的成果原则上由本研究会与承担单位共有，成员单位在同等条件下享有优先实施许可权。成果转化净收益的70%用于奖励研发团队，其余部分用于支持后续研发和公共服务。',
          'Under its Rules on IP Management and Commercialisation, background IP stays with the original owner; results funded by the association are in principle co-owned by the association and the performing organisation, and members have a right of first licence on equal terms. Seventy per cent of net commercialisation income rewards the R&D team, and the rest funds further R&D and public services.',
        ),
      ],
    },
    {
      heading: t('六、行业服务、国际合作与可持续发展', '6. Industry services, international cooperation and sustainability'),
      paragraphs: [
        t(
          '本研究会已形成材料表征、型式检验预测试、动物实验协调、注册申报咨询和临床试验设计五类公共服务能力。2025年服务企业143家，其中中小企业占72%，实现技术服务收入2960万元。本研究会计划2027年取得检验检测机构资质认定和CNAS实验室认可，逐步形成面向长三角的行业服务网络。',
          'The association offers five kinds of public service: material characterisation, pre-testing for type tests, coordination of animal studies, registration consulting and clinical trial design. In 2025 it served 143 companies, 72% of them SMEs, earning RMB 29.6 million from technical services. It plans to obtain inspection body qualification (CMA) and CNAS laboratory accreditation in 2027 and to build a service network covering the Yangtze River Delta.',
        ),
        t(
          '本研究会设立医疗器械创新孵化平台，累计入驻项目21个，协助成员企业进入国家创新医疗器械特别审查程序4项，取得第三类医疗器械注册证6项，孵化企业中已有3家完成新一轮融资。',
          'Its medical device incubation platform has hosted 21 projects so far; it has helped members bring 4 products into the national special review procedure for innovative medical devices and obtain 6 Class III registration certificates, and 3 of the incubated companies have closed new funding rounds.',
        ),
        t(
          '本研究会与德国、瑞士的两家医疗器械研究机构和一家欧盟公告机构签订合作协议，在可吸收材料评价、国际多中心临床试验和欧盟注册等方面开展合作，已联合承担国际科技合作项目1项，协助4家成员企业的产品取得欧盟CE认证。',
          'The association has cooperation agreements with two medical device research institutes in Germany and Switzerland and with an EU notified body, covering evaluation of bioresorbable materials, international multicentre clinical trials and EU registration. It has jointly undertaken one international S&T cooperation project and helped four member companies obtain CE marking for their products.',
        ),
        t(
          '本研究会收入来源包括技术服务、委托研发、会费和政府项目。2025年总收入7530万元，其中技术服务2960万元、委托研发1850万元、会费420万元、政府项目经费2300万元。本研究会计划通过扩大服务规模和成果转化收益，到2028年将经营性收入占比提高到80%以上。',
          'The association earns income from technical services, contract R&D, membership fees and government projects. Its total income in 2025 was RMB 75.3 million: RMB 29.6 million from technical services, RMB 18.5 million from contract R&D, RMB 4.2 million from fees and RMB 23 million from government projects. By expanding services and commercialisation income, it plans to raise the share of operating income to over 80% by 2028.',
        ),
      ],
    },
    {
      heading: t('七、建设目标与进度安排', '7. Construction targets and schedule'),
      paragraphs: [
        t(
          '到2028年底，突破可吸收植入材料和介入瓣膜组织处理两项核心技术，新增发明专利申请150件以上；主导制定行业标准3项、团体标准8项；累计服务企业400家以上，支持20个以上创新产品进入注册程序，孵化企业15家，建成国内有影响力的植介入医疗器械公共服务平台。',
          'By the end of 2028: master the two core technologies, bioresorbable implant materials and valve tissue treatment; file over 150 new invention patent applications; lead 3 industry and 8 group standards; serve more than 400 companies in total; bring over 20 innovative products into registration; incubate 15 companies; and become an influential national public service platform for implantable and interventional devices.',
        ),
        t(
          '进度安排：2026年完成洁净中试车间二期建设和检测能力扩项；2027年完成两项核心技术的动物实验验证，取得检验检测资质；2028年推动首批成果进入临床试验或注册检验，形成稳定的成果转化和行业服务模式。',
          'Schedule: in 2026, complete phase II of the clean pilot workshop and extend the testing scope; in 2027, complete animal-study validation of both core technologies and obtain testing qualifications; in 2028, bring the first results into clinical trials or registration testing and establish a stable model for commercialisation and industry services.',
        ),
        t(
          '本研究会将严格执行财务管理和信息公开制度，按年度向市经济信息化委报送运行发展报告和定量定性指标完成情况，接受年度评估和三年定期考核，并将评估意见作为调整技术路线、优化资源配置的重要依据。',
          'The association will strictly apply its financial management and information disclosure rules, submit each year its operation and development report and the status of its quantitative and qualitative indicators to the Shanghai Municipal Commission of Economy and Informatization, undergo the annual evaluation and the three-year periodic assessment, and use the findings to adjust its technology route and allocate resources.',
        ),
      ],
    },
  ],
  facts: [
    {
      label: t('法人类型', 'Legal form'),
      value: t(
        '社会团体法人（研究型社团），登记机关上海市民政局',
        'Social organisation legal person (research-type association), registered with the Shanghai Civil Affairs Bureau',
      ),
    },
    {
      label: t('登记名称', 'Registered name'),
      value: t(
        '上海植介入医疗器械创新研究会',
        'Shanghai Research Association for Implantable and Interventional Medical Device Innovation',
      ),
    },
    { label: t('登记日期', 'Date of registration'), value: t('2022年11月8日', '8 November 2022') },
    { label: t('注册资金', 'Registered funds'), value: t('800万元', 'RMB 8 million') },
    {
      label: t('发起单位数量', 'Number of founders'),
      value: t(
        '11家（企业6家、医院2家、高校1所、科研院所1家、检测机构1家）',
        '11 (6 enterprises, 2 hospitals, 1 university, 1 research institute, 1 testing laboratory)',
      ),
    },
    {
      label: t('联盟成员数量', 'Alliance members'),
      value: t(
        '64家（其中临床用户医院12家；长三角其他省市成员19家；含国家级和省市级创新平台9个）',
        '64 (12 hospitals as clinical users; 19 from elsewhere in the Yangtze River Delta; 9 national, provincial or municipal innovation platforms among them)',
      ),
    },
    {
      label: t('近三年研发投入（2023—2025年）', 'R&D investment, last three years (2023–2025)'),
      value: t(
        '发起单位相关领域合计5.8亿元；本研究会自身6300万元',
        'Founders, in this field: RMB 580 million; the association itself: RMB 63 million',
      ),
    },
    {
      label: t('研发人员', 'R&D staff'),
      value: t(
        '专职62人；派驻及双聘135人（博士41人、临床医学专家18人）',
        '62 full-time; 135 seconded or jointly appointed (41 PhDs, 18 clinical experts)',
      ),
    },
    {
      label: t('仪器设备原值', 'Original value of instruments and equipment'),
      value: t('1.46亿元（GMP洁净中试车间2400平方米）', 'RMB 146 million (2,400 m² GMP clean pilot workshops)'),
    },
    {
      label: t('授权发明专利', 'Granted invention patents'),
      value: t(
        '发起单位相关领域312件；本研究会自有授权9件、申请中58件',
        'Founders, in this field: 312; the association itself: 9 granted, 58 pending',
      ),
    },
    {
      label: t('标准', 'Standards'),
      value: t('行业标准4项（主导2项）、团体标准6项', '4 industry standards (2 led), 6 group standards'),
    },
    {
      label: t('产品注册支持', 'Support to product registration'),
      value: t(
        '协助进入创新医疗器械特别审查程序4项，取得第三类注册证6项',
        '4 products brought into the special review procedure for innovative devices; 6 Class III registration certificates',
      ),
    },
    {
      label: t('技术服务收入（2025年）', 'Revenue from technical services (2025)'),
      value: t(
        '2960万元，服务企业143家（中小企业占72%）；总收入7530万元',
        'RMB 29.6 million from 143 client companies (72% SMEs); total income RMB 75.3 million',
      ),
    },
    {
      label: t('国际合作', 'International cooperation'),
      value: t(
        '境外合作机构3家；国际科技合作项目1项；协助取得CE认证4项',
        '3 foreign partners; 1 international S&T cooperation project; 4 CE markings supported',
      ),
    },
    {
      label: t('技术专家委员会', 'Technical expert committee'),
      value: t(
        '17人：学术界及临床8人、企业界7人、政府委派2人；主任为院士',
        '17: 8 academic and clinical, 7 industry, 2 government-appointed; chaired by an academician',
      ),
    },
  ],
  reviewNotes: {
    rubricId: 'mic-selection-nonenterprise',
    criteria: A002_CRITERIA,
    strengths: [
      t(
        '临床机构深度参与，理事会结构均衡，“临床提出需求、企业承接转化”的协同机制具有示范意义。',
        'Hospitals are deeply involved, the council is balanced, and the mechanism of clinicians raising needs and enterprises commercialising results could serve as a model.',
      ),
      t(
        '行业服务实绩较好，2025年服务企业143家，中小企业占七成以上，孵化和注册支持成效明显。',
        'Good record of industry services: 143 companies served in 2025, over 70% SMEs, with visible results in incubation and registration support.',
      ),
      t(
        '国际合作较为实质，已联合承担国际项目并协助成员产品取得CE认证。',
        'International cooperation is substantive: a joint international project and CE markings obtained for member products.',
      ),
    ],
    weaknesses: [
      t(
        '研究会自有授权发明专利仅9件，核心研发能力主要依托成员单位，自主知识产权积累不足。',
        'The association itself holds only 9 granted invention patents; core R&D relies on members, and its own IP base is thin.',
      ),
      t(
        '介入瓣膜组织处理方向与牵头单位自有产品线高度重合，需防范成果归属不清和利益冲突。',
        "The valve-tissue direction overlaps heavily with the lead founder's own product line; unclear ownership of results and conflicts of interest must be guarded against.",
      ),
      t(
        '政府项目经费约占总收入的30%，经营性收入占比提高到80%的实现路径需进一步论证。',
        'Government projects provide about 30% of income; the path to raising operating income to 80% needs further justification.',
      ),
      t(
        '大动物实验依赖外部合作机构，关键验证环节的能力和进度存在不确定性。',
        'Large-animal studies depend on outside partners, leaving capacity and timing of a key validation step uncertain.',
      ),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// A003: enterprise legal person type, AI / industrial software. Weak application.
// ---------------------------------------------------------------------------------------------

/** A003's comments per criterion of the enterprise selection rubric, from its dossier. */
const A003_CRITERIA: Record<string, CriterionNote> = {
  'D1.1': n(
    '控股股东在工业智能领域持续投入，本中心计划2026—2028年研发投入不低于6000万元，投入意愿明确。',
    'The controlling shareholder has invested steadily in industrial intelligence, and the centre plans at least RMB 60 million of R&D in 2026–2028: a clear commitment.',
    '2023—2025年研发投入合计仅3860万元，其中本中心自身740万元，注册资本5000万元仅实缴1500万元，经济实力难以支撑创新中心运行。',
    'R&D spending in 2023–2025 was only RMB 38.6 million in total, RMB 7.4 million by the centre itself, and only RMB 15 million of the RMB 50 million capital is paid in: too little to sustain a centre.',
  ),
  'D1.2': n(
    '已建工业智能实验室，并与嘉驰汽车零部件合作建设产线数字孪生验证环境，可支撑应用验证。',
    'An industrial intelligence lab exists and a production-line digital twin is being built with Jiachi Auto Parts, which supports application validation.',
    '场地为租用的1200平方米，仪器设备原值1180万元，模型训练算力以租用为主，缺少自有的验证和中试条件。',
    'The 1,200 m² premises are rented, equipment is worth RMB 11.8 million and training compute is mostly rented; there is no verification or pilot capacity of its own.',
  ),
  'D1.3': n(
    '首席技术官具有十余年工业数据平台研发经验，本中心计划引进领军人才并与高校联合培养研究生。',
    'The CTO has more than ten years of experience in industrial data platforms, and the centre plans to recruit leading experts and train graduate students with a university.',
    '研发人员46人中博士仅3人、29人由控股股东派驻，首席技术官为兼任，尚无领军人才，独立研发团队尚未形成。',
    'Of 46 R&D staff only 3 hold PhDs and 29 are seconded from the controlling shareholder; the CTO serves concurrently and there is no leading expert or independent R&D team yet.',
  ),
  'D2.1': n(
    '研究方向面向汽车零部件、精细化工的工艺优化和智能质检需求，应用验证目标有量化指标（能耗降低5%、调试周期缩短20%）。',
    'The research addresses process optimisation and quality inspection needs of auto parts and fine chemicals, with quantified validation targets (5% less energy, 20% shorter commissioning).',
    '三项攻关方向较宽泛，偏重控股股东产品需求，技术路线图缺少可考核的阶段节点，未说明与国内外已有工作的差异。',
    'The three directions are broad and lean towards the controlling shareholder’s products; the roadmap lacks verifiable milestones and does not explain how it differs from existing work.',
  ),
  'D2.2': n(
    '工业大模型、工艺知识图谱和PLC代码生成三项技术与制造现场需求相符，已有授权发明专利11件、软件著作权42项。',
    'The three technologies (industrial large model, process knowledge graphs, PLC code generation) fit shop-floor needs, with 11 granted invention patents and 42 software copyrights.',
    '核心技术以开源基础大模型微调为主，未明确1-2项可形成自主知识产权的突破点；现有专利和软件著作权大部分登记在控股股东名下，自主知识产权基础薄弱。',
    'The core technology is mainly fine-tuning of open-source foundation models, with no one or two breakthroughs that would yield own IP; most existing patents and software copyrights are registered to the controlling shareholder, so the centre’s own IP base is weak.',
  ),
  'D2.3': n(
    '已承担市级项目1项，具备一定的项目组织经验。',
    'Has carried out one municipal project and has some experience organising projects.',
    '仅承担市级项目1项，无国家级或行业重点研发项目承担经验。',
    'Only one municipal project and no national or industry key R&D project.',
  ),
  'D3.1': n(
    '成果转化路径以软件许可、订阅服务和项目实施为主，用户企业以股东身份参与，有利于成果落地。',
    'Results are to reach users through software licences, subscriptions and implementation projects, and a user company is a shareholder, which helps adoption.',
    '成果转化收益分配办法尚未制定，缺少孵化、种子项目融资等转化机制，也无已完成的转化案例。',
    'No rules on sharing commercialisation income yet, no incubation or seed-financing mechanism, and no completed commercialisation case.',
  ),
  'D3.2': n(
    '与嘉驰汽车零部件合作建设的产线数字孪生验证环境可用于模型的工程化验证。',
    'The production-line digital twin built with Jiachi Auto Parts can be used for engineering validation of the models.',
    '数字孪生验证环境尚在建设中，仅覆盖一家用户的一条产线，工程化验证条件不足。',
    'The digital-twin validation environment is still being built and covers one line of one user; engineering validation capacity is insufficient.',
  ),
  'D3.3': n(
    '约定本中心研发形成的知识产权归本中心所有，背景知识产权以许可方式使用。',
    'IP created by the centre belongs to the centre, and background IP is used under licence.',
    '背景知识产权的许可范围、期限和费用尚未约定，收益分配办法和数据权属规则缺失。',
    'Scope, term and fees of the background-IP licence are not agreed, and there are no rules on income sharing or data ownership.',
  ),
  'D4.1': n(
    '参与团体标准2项，并计划主导制定团体标准2项。',
    'Has contributed to 2 group standards and plans to lead 2.',
    '未主导制定任何标准，仅参与团体标准2项，标准工作规划简单。',
    'Has led no standard and only contributed to 2 group standards; the standards plan is thin.',
  ),
  'D4.2': n(
    '联盟章程已通过，计划两年内成员发展至60家以上并重点吸纳用户和高校院所。',
    'The alliance charter is adopted, and the alliance plans to grow beyond 60 members within two years, mainly users, universities and institutes.',
    '联盟仅19家成员，用户企业3家、高校2所、科研院所1家，无国家级或省市级创新平台；数据共享规则尚在研究，资源开放共享尚未开展。',
    'The alliance has only 19 members (3 users, 2 universities, 1 institute) and no national, provincial or municipal platform; data-sharing rules are still under study and no resources are shared yet.',
  ),
  'D5.1': n(
    '已设董事会，并在制定独立的关联交易和研发项目管理制度。',
    'A board is in place and separate rules on related-party transactions and R&D project management are being drafted.',
    '控股股东持股61%并委派5名董事中的3名，管理制度参照控股股东执行，难以避免单一股东控制。',
    'The controlling shareholder holds 61% and appoints 3 of 5 directors, and the company follows its rules; control by a single shareholder is not avoided.',
  ),
  'D5.2': n(
    '技术专家委员会组建方案已经董事会审议，拟由学术界、企业界和政府委派专家组成。',
    'The board has reviewed a proposal for a technical expert committee drawn from academia, industry and government.',
    '技术专家委员会尚未组建，委员名单和主任人选未确认，无法发挥研判方向的作用。',
    'The technical expert committee does not exist yet; its members and chair are not confirmed, so it cannot guide the research direction.',
  ),
  'D5.3': n(
    '管理团队熟悉控股股东的工业数据平台业务。',
    'The management team knows the controlling shareholder’s industrial data platform business.',
    '总经理和首席技术官均由控股股东人员兼任，尚无全职到岗的专业经营管理团队。',
    'Both the general manager and the CTO are executives of the controlling shareholder serving concurrently; there is no full-time professional management team.',
  ),
  'D6.1': n(
    '收入来源规划包括软件订阅、项目实施、模型定制和技术服务，方向与市场需求相符。',
    'Planned income from subscriptions, implementation, model customisation and technical services fits market demand.',
    '2025年营业收入仅86万元，预测2026年1500万元、2028年8000万元并盈亏平衡，缺乏合同和客户依据，运行主要依靠股东出资和政府资金。',
    'Revenue was only RMB 0.86 million in 2025; the forecast of RMB 15 million in 2026 and RMB 80 million with break-even in 2028 is backed by no contracts or clients, and operations depend on shareholder capital and government money.',
  ),
  'D6.2': n(
    '计划面向中小制造企业提供数字化诊断、模型训练和部署服务。',
    'Plans digital diagnosis, model training and deployment services for small and medium-sized manufacturers.',
    '公共服务平台仅有意向，服务目录、收费标准和能力建设计划尚未制定，缺少阶段目标。',
    'The public service platform is only an intention: no service catalogue, fee schedule, capacity plan or milestones yet.',
  ),
  'D6.3': n(
    '计划在建设初期后逐步引入社会资本。',
    'Plans to bring in private capital after the initial phase.',
    '资金主要依靠股东后续实缴和政府专项资金，社会资本和其他融资渠道尚无具体安排。',
    'Funding rests on further paid-in capital and government special funds; there is no concrete plan for private capital or other channels.',
  ),
};

const A003: DemoApplication = {
  id: 'A003',
  name: t('上海市工业智能软件制造业创新中心', 'Shanghai Industrial Intelligent Software Manufacturing Innovation Centre'),
  organisation: t('上海智擎工业智能技术有限公司', 'Shanghai Zhiqing Industrial Intelligence Technology Co., Ltd.'),
  category: 'enterprise',
  field: t('人工智能（智能软件）', 'Artificial intelligence (intelligent software)'),
  members: [
    t('上海云衡数据科技有限公司（控股股东，持股61%）', 'Shanghai Yunheng Data Technology Co., Ltd. (controlling shareholder, 61%)'),
    t('上海恒拓自动化工程有限公司（股东，持股19%）', 'Shanghai Hengtuo Automation Engineering Co., Ltd. (shareholder, 19%)'),
    t('上海嘉驰汽车零部件有限公司（股东，持股10%；应用用户）', 'Shanghai Jiachi Auto Parts Co., Ltd. (shareholder, 10%; user)'),
    t(
      '上海智擎企业管理咨询合伙企业（有限合伙）（团队持股平台，持股10%）',
      'Shanghai Zhiqing Management Consulting Partnership (LP) (team shareholding platform, 10%)',
    ),
    t(
      '滨江理工大学计算机科学与技术学院（联盟成员）',
      'School of Computer Science and Technology, Binjiang University of Technology (alliance member)',
    ),
    t('上海宁湾精细化工有限公司（联盟成员，应用用户）', 'Shanghai Ningwan Fine Chemicals Co., Ltd. (alliance member, user)'),
    t('上海数衍软件有限公司（联盟成员）', 'Shanghai Shuyan Software Co., Ltd. (alliance member)'),
  ],
  sections: [
    {
      heading: t('一、建设背景与必要性', '1. Background and necessity'),
      paragraphs: [
        t(
          '工业软件是制造业数字化转型的核心支撑，人工智能技术与工业软件深度融合正在重塑研发设计、生产管控和运维服务模式。以大模型为代表的新一代人工智能技术为工艺参数优化、设备故障诊断和控制程序生成等场景带来了新的解决思路，已成为各国竞相布局的重点方向。',
          'Industrial software is the core support for the digital transformation of manufacturing, and its deep integration with artificial intelligence is reshaping R&D and design, production control and maintenance services. New-generation AI, typified by large models, offers fresh approaches to process-parameter optimisation, equipment fault diagnosis and control-program generation, and has become a priority for countries around the world.',
        ),
        t(
          '当前，我国高端工业软件对外依存度较高，工业数据分散、行业知识难以沉淀、模型泛化能力不足等问题制约了人工智能在制造现场的规模化应用。本市汽车零部件、精细化工等行业企业对工艺优化和智能质检需求迫切，但中小企业普遍缺乏数据治理和模型开发能力。',
          'China still depends heavily on foreign high-end industrial software, and scattered industrial data, knowledge that is hard to capture and models that generalise poorly hold back large-scale use of AI on the shop floor. Auto-parts and fine-chemicals firms in Shanghai urgently need process optimisation and intelligent quality inspection, but SMEs generally lack the capacity for data governance and model development.',
        ),
        t(
          '组建本创新中心，拟依托控股股东在工业数据平台方面的技术积累，面向汽车零部件、精细化工等行业开展工业智能软件关键技术研发和推广应用，打造“工业大模型+行业应用”的服务体系，助力本市制造业数字化转型。',
          'The centre intends to build on the industrial data platform experience of its controlling shareholder to develop and promote key technologies of industrial intelligent software for sectors such as auto parts and fine chemicals, creating an "industrial large model + sector applications" service system that helps the digital transformation of manufacturing in Shanghai.',
        ),
        t(
          '本方案依据《上海市制造业创新中心建设工程实施方案（2022—2025年）》规定的组织形式、基本条件和遴选要求编制。按照2026年度申报通知，本年度遴选继续执行该实施方案确定的条件和程序；本方案的建设目标和进度安排覆盖2026年至2028年。',
          "This plan follows the organisational forms, basic conditions and selection requirements of the Shanghai Implementation Plan for Building Manufacturing Innovation Centres (2022–2025). Under the 2026 call for applications, this year's selection continues to apply the conditions and procedure of that plan; the targets and schedule in this plan cover 2026 to 2028.",
        ),
      ],
    },
    {
      heading: t('二、组织形式、股权结构与联盟', '2. Organisational form, shareholding and alliance'),
      paragraphs: [
        t(
          '本创新中心采取“公司+联盟”模式运行。运营主体上海智擎工业智能技术有限公司于2024年9月在徐汇区注册成立，注册资本5000万元，已实缴1500万元。本公司由4家股东组建，其中上海云衡数据科技有限公司持股61%，上海恒拓自动化工程有限公司持股19%，上海嘉驰汽车零部件有限公司持股10%，团队持股平台持股10%。',
          'The centre operates on the "company + alliance" model. Its operating entity, Shanghai Zhiqing Industrial Intelligence Technology Co., Ltd., was registered in Xuhui District in September 2024 with a registered capital of RMB 50 million, of which RMB 15 million has been paid in. It has four shareholders: Shanghai Yunheng Data Technology Co., Ltd. (61%), Shanghai Hengtuo Automation Engineering Co., Ltd. (19%), Shanghai Jiachi Auto Parts Co., Ltd. (10%) and a team shareholding platform (10%).',
        ),
        t(
          '本公司设董事会，由5名董事组成，其中控股股东委派3名；总经理暂由控股股东副总经理兼任。本公司财务、人事等管理制度目前参照控股股东相关制度执行，独立的关联交易管理制度和研发项目管理制度正在制定之中，计划于2026年底前完成。',
          'The company has a five-member board, three of whom are appointed by the controlling shareholder; for the time being its general manager is a deputy general manager of the controlling shareholder serving concurrently. Its financial and personnel rules currently follow those of the controlling shareholder; separate rules on related-party transactions and R&D project management are being drafted and are due by the end of 2026.',
        ),
        t(
          '本公司牵头发起上海工业智能软件创新联盟，现有成员19家，其中软件及系统集成企业13家、制造业用户企业3家、高校2所、科研院所1家。联盟章程已经成员大会审议通过，秘书处设在本公司。联盟计划两年内发展成员至60家以上，重点吸纳制造业用户企业和高校院所。',
          "The company has launched the Shanghai Industrial Intelligent Software Innovation Alliance, which has 19 members: 13 software and system-integration firms, 3 manufacturing users, 2 universities and 1 research institute. The alliance charter has been adopted by the members' assembly and the secretariat is at the company. The alliance aims to grow to more than 60 members within two years, recruiting mainly manufacturing users, universities and institutes.",
        ),
      ],
    },
    {
      heading: t('三、核心技术与研发计划', '3. Core technologies and R&D plan'),
      paragraphs: [
        t(
          '本中心拟重点攻关三项核心技术：一是面向流程和离散制造的工业大模型；二是工艺知识图谱自动构建与推理技术；三是可编程逻辑控制器（PLC）控制代码的智能生成与校验技术。上述技术可广泛应用于工艺参数优化、设备故障诊断、质量追溯和产线调试等场景，市场空间较大。',
          'The centre intends to focus on three core technologies: an industrial large model for process and discrete manufacturing; automatic construction of and reasoning over process knowledge graphs; and intelligent generation and checking of programmable logic controller (PLC) code. These technologies can be widely applied to process-parameter optimisation, equipment fault diagnosis, quality traceability and line commissioning, and have a large market.',
        ),
        t(
          '技术路线上，本中心将在开源基础大模型的基础上，利用股东及用户企业的工业数据进行领域微调，并结合知识图谱增强模型的可解释性。目标到2028年在10家以上企业完成应用验证，在工艺参数优化场景中实现能耗降低5%以上、调试周期缩短20%以上。',
          'Technically, the centre will fine-tune open-source foundation models on industrial data from its shareholders and user companies and use knowledge graphs to make the models more explainable. By 2028 it aims to validate applications in more than 10 companies, cutting energy consumption by over 5% in process-parameter optimisation and commissioning time by over 20%.',
        ),
        t(
          '研发组织上，本中心以项目为纽带，联合高校开展算法研究，由控股股东提供数据平台和工程化支撑，用户企业提供应用场景和验证环境。本中心将积极申报国家和本市相关科技项目，争取政府资金支持，加快关键技术研发进度。',
          'R&D is organised around projects: universities work on algorithms, the controlling shareholder provides the data platform and engineering support, and user companies provide application scenarios and validation environments. The centre will apply for national and municipal S&T projects to obtain government funding and speed up development of the key technologies.',
        ),
      ],
    },
    {
      heading: t('四、研发投入、条件平台与人才队伍', '4. R&D investment, facilities and talent team'),
      paragraphs: [
        t(
          '2023年至2025年，本中心及控股股东在工业智能领域累计研发投入3860万元，其中控股股东投入3120万元，本中心成立以来自身投入740万元。本中心计划2026年至2028年研发投入合计不低于6000万元，资金主要来源于股东后续实缴出资和政府项目配套。',
          'From 2023 to 2025 the centre and its controlling shareholder invested RMB 38.6 million in industrial intelligence R&D, of which RMB 31.2 million came from the controlling shareholder and RMB 7.4 million from the centre since its founding. The centre plans to invest at least RMB 60 million in R&D from 2026 to 2028, funded mainly by further paid-in capital from shareholders and matching funds from government projects.',
        ),
        t(
          '本中心在徐汇区租用办公和实验场地1200平方米，建有工业智能实验室一个，配置GPU服务器、边缘计算网关和工业通信测试设备，仪器设备原值1180万元；模型训练所需算力主要租用公共算力平台。本中心与嘉驰汽车零部件合作建设产线数字孪生验证环境一套。',
          'The centre rents 1,200 m² of office and laboratory space in Xuhui District with an industrial intelligence laboratory equipped with GPU servers, edge-computing gateways and industrial communication test equipment, with an original value of RMB 11.8 million; computing power for model training is mostly rented from public computing platforms. With Jiachi Auto Parts it is building a digital-twin validation environment for a production line.',
        ),
        t(
          '本中心现有研发人员46人，其中博士3人、硕士21人，29人由控股股东派驻。首席技术官由控股股东技术副总裁兼任，具有十余年工业数据平台研发经验。本中心计划三年内引进领军人才2至3名，并与滨江理工大学联合培养研究生，逐步建立独立的研发团队。',
          "The centre has 46 R&D staff, including 3 PhDs and 21 holders of master's degrees; 29 of them are seconded from the controlling shareholder. The chief technology officer is the vice-president for technology of the controlling shareholder, serving concurrently, with more than ten years of experience in industrial data platforms. The centre plans to recruit two or three leading experts within three years and to train graduate students with Binjiang University of Technology, gradually building an independent R&D team.",
        ),
      ],
    },
    {
      heading: t('五、运行机制与知识产权', '5. Operating mechanism and intellectual property'),
      paragraphs: [
        t(
          '本中心拟设立技术专家委员会，由学术界、企业界和政府委派的9名专家组成，负责研判技术方向、审议年度研发计划。目前委员会组建方案已经董事会审议，委员名单和主任人选正在沟通确认之中，预计于2026年内召开第一次全体会议。',
          'The centre plans a technical expert committee of nine experts from academia, industry and government appointees to assess technology directions and review the annual R&D plan. The board has reviewed the proposal for the committee, but its members and chair are still being confirmed; the first plenary meeting is expected in 2026.',
        ),
        t(
          '本中心研发形成的知识产权归本中心所有；股东投入的工业数据平台等背景知识产权以许可方式供本中心使用，许可范围、期限和费用另行约定。成果转化主要通过软件许可、订阅服务和项目实施等方式进行，收益分配办法将结合实际运营情况另行制定。',
          'IP generated by the centre belongs to the centre; background IP contributed by shareholders, such as the industrial data platform, is licensed to the centre, with scope, term and fees to be agreed separately. Results will be commercialised mainly through software licences, subscriptions and implementation projects; rules on sharing the income will be drawn up later in the light of actual operations.',
        ),
        t(
          '在开放共享方面，本中心计划建设工业数据集和行业模型共享平台，向联盟成员开放模型调用和测试环境。鉴于工业数据涉及企业商业秘密，数据权属、使用授权和安全管理规则尚在研究之中，将在平台上线前形成具体方案。',
          'For open sharing, the centre plans a platform for industrial datasets and sector models, giving alliance members access to model services and test environments. Because industrial data involve trade secrets, rules on data ownership, authorisation of use and security are still under study and will be settled before the platform goes live.',
        ),
      ],
    },
    {
      heading: t('六、公共服务、自我可持续发展与建设目标', '6. Public services, self-sustainability and construction targets'),
      paragraphs: [
        t(
          '本中心计划面向中小制造企业提供数字化诊断、模型训练和应用部署等服务，并结合联盟成员需求逐步拓展试验验证和人员培训业务。具体服务目录、收费标准和服务能力建设计划将在2026年内研究制定。',
          'The centre plans to offer small and medium-sized manufacturers digital diagnosis, model training and deployment services, and gradually to add testing, validation and training in line with the needs of alliance members. The service catalogue, fee schedule and capacity-building plan will be drawn up during 2026.',
        ),
        t(
          '本中心收入来源包括软件订阅、项目实施、模型定制和技术服务。2025年本中心实现营业收入86万元，预计2026年收入1500万元，2028年收入8000万元并实现盈亏平衡。建设初期运行资金主要依靠股东出资和政府专项资金，后续将逐步引入社会资本。',
          'The centre expects income from software subscriptions, implementation projects, model customisation and technical services. Its revenue in 2025 was RMB 0.86 million; it forecasts RMB 15 million in 2026 and RMB 80 million in 2028, when it expects to break even. In the early phase, operations depend mainly on shareholder capital and government special funds, with private capital to be brought in later.',
        ),
        t(
          '国际合作方面，本中心将跟踪国际工业软件和人工智能技术发展趋势，计划与国外工业软件企业和研究机构开展技术交流与人才培训合作。目前已与两家境外机构进行初步接触，尚未签订正式合作协议。',
          'In international cooperation, the centre will follow international trends in industrial software and AI and plans technical exchanges and training with foreign industrial software firms and research institutes. It has had preliminary contacts with two foreign organisations but has not yet signed any formal agreement.',
        ),
        t(
          '建设目标与进度：2026年完成研发团队组建和基础平台搭建；2027年发布工业大模型1.0版本，并在5家以上企业开展应用；2028年推广至50家以上企业，累计申请发明专利50件以上，主导制定团体标准2项，力争成为本市工业智能领域具有影响力的创新平台。',
          'Targets and schedule: in 2026, build the R&D team and the basic platform; in 2027, release version 1.0 of the industrial large model and deploy it in at least 5 companies; in 2028, extend it to more than 50 companies, file over 50 invention patent applications in total and lead 2 group standards, aiming to become an influential innovation platform for industrial intelligence in Shanghai.',
        ),
      ],
    },
  ],
  facts: [
    {
      label: t('运营主体', 'Operating entity'),
      value: t('上海智擎工业智能技术有限公司', 'Shanghai Zhiqing Industrial Intelligence Technology Co., Ltd.'),
    },
    { label: t('注册地', 'Place of registration'), value: t('上海市徐汇区', 'Xuhui District, Shanghai') },
    {
      label: t('注册资本', 'Registered capital'),
      value: t('5000万元（已实缴1500万元）', 'RMB 50 million (RMB 15 million paid in)'),
    },
    { label: t('注册日期', 'Date of registration'), value: t('2024年9月10日', '10 September 2024') },
    {
      label: t('股东数量', 'Number of shareholders'),
      value: t('4家（控股股东持股61%）', '4 (controlling shareholder holds 61%)'),
    },
    {
      label: t('联盟成员数量', 'Alliance members'),
      value: t(
        '19家（软件及集成企业13家、制造业用户3家、高校2所、科研院所1家；暂无国家级或省市级创新平台）',
        '19 (13 software and integration firms, 3 manufacturing users, 2 universities, 1 institute; no national, provincial or municipal innovation platform)',
      ),
    },
    {
      label: t('近三年研发投入（2023—2025年）', 'R&D investment, last three years (2023–2025)'),
      value: t(
        '3860万元（其中控股股东3120万元，本中心自身740万元）',
        'RMB 38.6 million (RMB 31.2 million by the controlling shareholder, RMB 7.4 million by the centre)',
      ),
    },
    {
      label: t('研发人员', 'R&D staff'),
      value: t(
        '46人（博士3人、硕士21人），其中29人由控股股东派驻',
        "46 (3 PhDs, 21 master's), 29 seconded from the controlling shareholder",
      ),
    },
    {
      label: t('仪器设备原值', 'Original value of instruments and equipment'),
      value: t('1180万元（主要为GPU服务器；训练算力以租用为主）', 'RMB 11.8 million (mainly GPU servers; training compute mostly rented)'),
    },
    {
      label: t('知识产权', 'Intellectual property'),
      value: t(
        '授权发明专利11件、软件著作权42项（大部分登记在控股股东名下）',
        '11 granted invention patents, 42 software copyrights (most registered to the controlling shareholder)',
      ),
    },
    {
      label: t('标准', 'Standards'),
      value: t('参与团体标准2项；未主导制定标准', 'Participated in 2 group standards; none led'),
    },
    {
      label: t('承担重点项目', 'Key projects undertaken'),
      value: t('市级项目1项；无国家级项目', '1 municipal project; no national project'),
    },
    {
      label: t('营业收入（2025年）', 'Revenue (2025)'),
      value: t(
        '本中心86万元；控股股东工业智能业务收入1120万元',
        'Centre: RMB 0.86 million; controlling shareholder, industrial-intelligence business: RMB 11.2 million',
      ),
    },
    {
      label: t('技术专家委员会', 'Technical expert committee'),
      value: t('拟设9人，名单及主任人选待确认', '9 planned; members and chair not yet confirmed'),
    },
  ],
  reviewNotes: {
    rubricId: 'mic-selection-enterprise',
    criteria: A003_CRITERIA,
    strengths: [
      t(
        '应用场景明确，用户企业以股东身份参与，汽车零部件产线数字孪生验证环境有利于成果落地。',
        'Clear application scenarios; a user company is a shareholder, and the auto-parts digital-twin validation line helps put results into practice.',
      ),
      t(
        '控股股东在工业数据平台方面具有一定技术积累和工程化能力。',
        'The controlling shareholder has some technical background and engineering capacity in industrial data platforms.',
      ),
      t(
        '技术方向契合制造业数字化转型和人工智能先导产业的发展需求。',
        'The technical direction fits the needs of manufacturing digitalisation and of the leading AI industry.',
      ),
    ],
    weaknesses: [
      t(
        '控股股东持股61%，股东中缺少本领域排名前列的企业，与“骨干企业以资本为纽带”组建的基本条件存在差距。',
        'The controlling shareholder holds 61% and no leading firm of the field is a shareholder, short of the basic condition of leading enterprises joined by capital.',
      ),
      t(
        '联盟仅19家成员，其中用户企业3家，无国家级或省市级创新平台，行业资源整合能力不足。',
        'The alliance has only 19 members, 3 of them users, and no national, provincial or municipal innovation platform; its ability to integrate industry resources is weak.',
      ),
      t(
        '研发投入偏低且主要来自控股股东，中心自身投入仅740万元，研发人员多为派驻，尚未形成独立研发能力。',
        'R&D investment is low and mostly from the controlling shareholder; the centre itself spent only RMB 7.4 million, most R&D staff are seconded, and there is no independent R&D capacity yet.',
      ),
      t(
        '核心技术依赖开源基础模型，三项攻关方向目标宽泛，自主知识产权薄弱，现有专利和软件著作权多登记在股东名下。',
        'Core technology relies on open-source foundation models, the three directions are broad, own IP is weak, and existing patents and software copyrights are mostly held by the shareholder.',
      ),
      t(
        '技术专家委员会尚未组建，知识产权收益分配、数据权属等关键制度缺失，收入预测缺乏依据。',
        'The technical expert committee does not yet exist, key rules on IP income and data ownership are missing, and the revenue forecast is unsupported.',
      ),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// A004: non-enterprise legal person type, advanced materials. Middling application.
// ---------------------------------------------------------------------------------------------

/** A004's comments per criterion of the non-enterprise selection rubric, from its dossier. */
const A004_CRITERIA: Record<string, CriterionNote> = {
  'D1.1': n(
    '2023—2025年发起单位研发投入2.15亿元，HP-RTM中试线和大型热压罐由发起单位共享，可用设备原值合计6800万元。',
    'Founders invested RMB 215 million in R&D in 2023–2025, and an HP-RTM pilot line and a large autoclave are shared by founders, for RMB 68 million of usable equipment.',
    '研究会自身研发投入2100万元、自有设备原值仅1350万元，场地为租用，中试条件主要依赖发起单位。',
    'The association itself invested RMB 21 million and owns only RMB 13.5 million of equipment in rented premises; pilot capacity depends on the founders.',
  ),
  'D1.2': n(
    '首席专家曾主持国家自然科学基金重点项目和国家重点研发计划课题，具备承担重点项目的经验。',
    'The chief expert has led a key NSFC project and a National Key R&D Programme topic, so there is experience with key projects.',
    '重点项目以首席专家个人承担为主，研究会和发起单位作为牵头单位承担国家或行业重点项目的记录不足。',
    'Key projects were led by the chief expert personally; the association and its founders have little record of leading national or industry key projects.',
  ),
  'D1.3': n(
    '首席专家为东海理工大学复合材料领域教授，发起单位派驻和双聘研发人员56人，各方参与积极。',
    'The chief expert is a composites professor at Donghai University of Technology, and founders second or jointly appoint 56 researchers: the parties are committed.',
    '专职研发人员28人（博士9人），规模偏小，具有国际工程经验的工艺领军人才尚待引进。',
    'Only 28 full-time R&D staff (9 PhDs); leading process experts with international engineering experience are still to be recruited.',
  ),
  'D2.1': n(
    '快速成型和回收利用两个方向对应新能源汽车轻量化和绿色低碳的共性需求，目标明确（汽车结构件成型节拍5分钟以内）。',
    'Fast moulding and recycling address common needs of lightweight new energy vehicles and low-carbon development, with a clear target (moulding cycle under five minutes for automotive structural parts).',
    '技术路线图仅完成初稿、尚未经技术专家委员会审定，阶段节点和考核指标不够具体，航空航天等重点应用方向未纳入。',
    'The roadmap is only a first draft not yet approved by the technical expert committee, its milestones and indicators are vague, and key applications such as aerospace are left out.',
  ),
  'D2.2': n(
    '两项核心技术分工明确：快速固化树脂由金乾新材料牵头、申化研究所配合，热塑性复合材料由东海理工大学牵头、奕纤碳纤维配套。',
    'The work on both core technologies is clearly divided: fast-curing resins led by Jinqian New Materials with the Shenhua institute, thermoplastic composites led by Donghai University of Technology with Yixian Carbon Fibre.',
    '研究会自有授权发明专利仅2件、申请中19件，自主知识产权主要在发起单位，核心专利布局尚待形成。',
    'The association owns only 2 granted invention patents with 19 pending; own IP sits mainly with the founders and a core patent portfolio is yet to be built.',
  ),
  'D2.3': n(
    '2025年服务企业58家，计划推动5项以上成果在新能源汽车和风电领域实现首次商业化应用。',
    'Served 58 companies in 2025 and plans to bring more than 5 results to first commercial use in new energy vehicles and wind power.',
    '成果推广覆盖企业数量有限，尚无已实现转移扩散的成果案例，市场化转移机制未说明。',
    'Few companies are reached, no result has yet been transferred, and no market-based transfer mechanism is described.',
  ),
  'D3.1': n(
    '依托发起单位检测机构提供原材料检测、力学性能测试和失效分析服务，计划2028年建成覆盖检测、工艺验证、标准和培训的公共服务平台。',
    'Through the founding laboratory the association offers raw-material, mechanical and failure testing, and plans a public service platform covering testing, process validation, standards and training by 2028.',
    '公共服务主要依托发起单位检测机构，研究会自身尚无检测资质，2025年技术服务收入仅760万元，CNAS认可安排在2028年。',
    'Services rely on the founding laboratory; the association holds no testing qualification itself, earned only RMB 7.6 million from services in 2025, and plans CNAS only for 2028.',
  ),
  'D3.2': n(
    '已主导团体标准3项、参与国家标准1项，计划围绕回收料性能评价和快速成型工艺规范主导标准6项。',
    'Has led 3 group standards and contributed to 1 national standard, and plans to lead 6 standards on recycled-material evaluation and fast-moulding processes.',
    '尚未主导国家或行业标准，标准推进联盟的组建和参与安排未说明。',
    'Has led no national or industry standard, and says nothing about forming or joining a standards alliance.',
  ),
  'D3.3': n(
    '自有设备向成员开放，协调发起单位中试线和热压罐以成本价提供，2025年共享设备服务机时4600小时。',
    'Own equipment is open to members and the founders’ pilot line and autoclave are offered at cost; shared equipment logged 4,600 machine-hours in 2025.',
    '共享仍以人工协调为主，信息化共享平台尚在建设，开放对象限于成员单位，缺少收费标准。',
    'Sharing is still arranged by hand, the online platform is under construction, access is limited to members and there is no fee schedule.',
  ),
  'D4.1': n(
    '发起单位覆盖树脂、碳纤维、构件制造和新能源汽车、风电用户，联合攻关分工明确，产业链上下游较完整。',
    'The founders span resins, carbon fibre, structural parts and users in new energy vehicles and wind power, with a clear division of joint work along a fairly complete chain.',
    '联盟41家成员中28家集中在上海化学工业区和金山区，下游用户仅6家，航空航天、氢能储运等重点用户尚未加入，协同范围有限。',
    'Of 41 alliance members 28 are in the Chemical Industry Park and Jinshan and only 6 are users; key users in aerospace and hydrogen storage have not joined, so collaboration is narrow.',
  ),
  'D4.2': n(
    '技术专家委员会13人（学术界5人、企业界6人、政府委派2人），主任为复合材料领域领军专家，2025年召开全体会议2次，运行正常。',
    'The technical expert committee has 13 members (5 academic, 6 industry, 2 government), is chaired by a leading composites expert and met twice in plenary in 2025.',
    '委员会运行正常，但理事长由牵头单位董事长担任、秘书长由牵头单位人员兼任，管理团队独立性不足。',
    'The committee works, but the chair is the lead founder’s chairman and the secretary-general a part-time secondee from it, so the management lacks independence.',
  ),
  'D4.3': n(
    '《知识产权管理办法（试行）》明确了背景知识产权和研究会独立研发成果的归属。',
    'The provisional IP rules settle ownership of background IP and of the association’s own results.',
    '共同研发成果的归属按项目逐一协商，统一的收益分配比例和许可规则尚未细化，计划2026年修订。',
    'Ownership of joint results is negotiated project by project, and uniform income-sharing and licensing rules are not yet worked out; a revision is planned for 2026.',
  ),
  'D5.1': n(
    '与欧洲一所大学的复合材料研究中心签订人才联合培养协议，每年选派2至3名青年科研人员赴外交流。',
    'A joint training agreement with a European university’s composites centre sends two or three young researchers abroad each year.',
    '国际合作停留在人才交流层面，尚无联合研发项目或海外合作平台，集聚全球创新资源的能力不足。',
    'International cooperation is limited to researcher exchanges, with no joint R&D project or partner platform abroad; the ability to draw on global resources is weak.',
  ),
  'D5.2': n(
    '跟踪国际复合材料回收利用标准进展，具备参与国际标准化的初步基础。',
    'Follows international standards work on composite recycling, a first basis for international standardisation.',
    '国际标准化活动尚处于起步阶段，未参与国际标准制定，也无技术引进或专利交叉许可安排。',
    'International standardisation has barely started: no international standard work, technology import or patent cross-licensing.',
  ),
  'D6.1': n(
    '收入来源包括会费、技术服务、委托研发和政府项目，计划2028年将经营性收入占比提高到60%以上。',
    'Income comes from fees, technical services, contract R&D and government projects, and operating income is to exceed 60% by 2028.',
    '2025年总收入2680万元中政府项目经费1470万元、约占55%，委托研发仅170万元，自我可持续能力较弱。',
    'Government projects provided RMB 14.7 million of RMB 26.8 million in 2025 (about 55%) and contract R&D only RMB 1.7 million: weak self-sustainability.',
  ),
  'D6.2': n(
    '与东海理工大学共建复合材料工程实训中心，每年联合培养研究生10名左右，2025年培训企业技术人员320人次。',
    'A composites engineering training centre with Donghai University of Technology trains about ten graduate students a year, and 320 trainee-attendances of company staff were delivered in 2025.',
    '人才引进计划仅涉及2名工艺领军人才，薪酬激励和面向全球选聘的机制未说明。',
    'The recruitment plan covers only two leading process experts, and there is no pay incentive or global recruitment mechanism.',
  ),
};

const A004: DemoApplication = {
  id: 'A004',
  name: t('上海市高性能树脂基复合材料制造业创新中心', 'Shanghai High-performance Resin-matrix Composites Manufacturing Innovation Centre'),
  organisation: t('上海先进复合材料产业技术研究会', 'Shanghai Advanced Composites Industrial Technology Research Association'),
  category: 'non-enterprise',
  field: t('先进材料（化工先进材料）', 'Advanced materials (advanced chemical materials)'),
  members: [
    t(
      '上海金乾新材料股份有限公司（牵头发起单位；上海市企业技术中心）',
      'Shanghai Jinqian New Materials Co., Ltd. (lead founder; Shanghai municipal enterprise technology centre)',
    ),
    t('上海奕纤碳纤维科技有限公司（发起单位）', 'Shanghai Yixian Carbon Fibre Technology Co., Ltd. (founder)'),
    t('上海航拓复合材料构件有限公司（发起单位）', 'Shanghai Hangtuo Composite Structures Co., Ltd. (founder)'),
    t('上海沪临新能源汽车零部件有限公司（发起单位，应用用户）', 'Shanghai Hulin New Energy Vehicle Parts Co., Ltd. (founder, user)'),
    t('江苏澄远风电叶片有限公司（发起单位，应用用户）', 'Jiangsu Chengyuan Wind Turbine Blade Co., Ltd. (founder, user)'),
    t(
      '东海理工大学材料科学与工程学院（发起单位）',
      'School of Materials Science and Engineering, Donghai University of Technology (founder)',
    ),
    t(
      '上海申化高分子材料研究所（发起单位；上海市重点实验室）',
      'Shanghai Shenhua Institute of Polymer Materials (founder; Shanghai key laboratory)',
    ),
    t(
      '上海复衡材料检测技术有限公司（发起单位，第三方检测机构）',
      'Shanghai Fuheng Materials Testing Technology Co., Ltd. (founder, third-party laboratory)',
    ),
  ],
  sections: [
    {
      heading: t('一、建设背景与必要性', '1. Background and necessity'),
      paragraphs: [
        t(
          '高性能树脂基复合材料具有轻质、高强、耐腐蚀和可设计性强等特点，是航空航天、新能源汽车、风电和氢能储运等领域实现轻量化和节能降碳的关键材料。随着下游产业快速发展，复合材料正由小批量、高成本的特种应用向规模化、低成本的工业应用加速拓展。',
          'High-performance resin-matrix composites are light, strong, corrosion-resistant and highly designable, and are key materials for lightweighting, energy saving and carbon reduction in aerospace, new energy vehicles, wind power and hydrogen storage and transport. With the rapid growth of these industries, composites are moving fast from small-batch, high-cost special uses to large-scale, low-cost industrial applications.',
        ),
        t(
          '我国已成为全球最大的复合材料生产国，但在高性能树脂体系、快速成型工艺和回收再利用等环节仍存在短板：航空级和汽车用快速固化树脂依赖进口，大批量成型节拍难以满足汽车生产要求，热固性复合材料废弃物回收技术尚不成熟，制约了产业向高端化、绿色化发展。',
          'China has become the largest producer of composites in the world, but weaknesses remain in high-performance resin systems, fast moulding and recycling: aerospace-grade and fast-curing automotive resins are imported, cycle times for volume moulding do not meet automotive production needs, and recycling of thermoset composite waste is immature, all of which hold back the move to high-end and green development.',
        ),
        t(
          '上海化学工业区和金山区已形成从树脂单体、碳纤维到复合材料制品的较完整产业链。组建本创新中心，旨在整合上下游企业、高校和科研院所的研发资源，围绕树脂体系、成型工艺和回收利用开展关键共性技术攻关，为本市先进材料产业和下游应用产业提供技术支撑。',
          "The Shanghai Chemical Industry Park and Jinshan District have a fairly complete chain from resin monomers and carbon fibre to composite products. The centre is set up to pool the R&D resources of upstream and downstream firms, universities and institutes, to tackle key common technologies in resin systems, moulding processes and recycling, and to provide technical support to the city's advanced materials industry and its downstream users.",
        ),
        t(
          '本方案依据《上海市制造业创新中心建设工程实施方案（2022—2025年）》规定的组织形式、基本条件和遴选要求编制。按照2026年度申报通知，本年度遴选继续执行该实施方案确定的条件和程序；本方案的建设目标和进度安排覆盖2026年至2028年。',
          "This plan follows the organisational forms, basic conditions and selection requirements of the Shanghai Implementation Plan for Building Manufacturing Innovation Centres (2022–2025). Under the 2026 call for applications, this year's selection continues to apply the conditions and procedure of that plan; the targets and schedule in this plan cover 2026 to 2028.",
        ),
      ],
    },
    {
      heading: t('二、组织形式与联盟构成', '2. Organisational form and alliance'),
      paragraphs: [
        t(
          '本创新中心采取“非企业法人+联盟”模式运行。运营主体上海先进复合材料产业技术研究会于2023年3月经上海市民政局登记为社会团体法人，注册资金300万元，由8家单位共同发起，包括树脂、碳纤维、复合材料构件等领域的骨干企业，新能源汽车和风电用户企业，以及高校、科研院所和检测机构。',
          'The centre operates on the "non-enterprise legal person + alliance" model. Its operating entity, the Shanghai Advanced Composites Industrial Technology Research Association, was registered with the Shanghai Civil Affairs Bureau as a social organisation legal person in March 2023 with registered funds of RMB 3 million. Its eight founders include leading firms in resins, carbon fibre and composite structures, user companies in new energy vehicles and wind power, a university, a research institute and a testing laboratory.',
        ),
        t(
          '本研究会设会员代表大会、理事会和监事会，理事会由11名理事组成，其中企业理事7名；理事长由牵头发起单位董事长担任，秘书长由牵头发起单位派出人员兼任。本研究会已制定章程及财务、项目和会员管理制度，重大事项由理事会集体决策。',
          "The association has a members' representative assembly, a council and a board of supervisors. The council has 11 members, 7 of them from enterprises; the chair is the chairman of the lead founder, and the secretary-general is a part-time secondee from the lead founder. The association has adopted its charter and rules on finance, projects and membership, and major matters are decided collectively by the council.",
        ),
        t(
          '同步组建的上海高性能复合材料产业创新联盟现有成员41家，集聚国家级和省市级创新平台5个。联盟成员主要集中在上海化学工业区和金山区（28家），下游用户企业6家，航空航天、轨道交通和氢能储运等重点应用领域的用户单位尚未加入。联盟计划在2027年前将用户单位增至15家以上。',
          'The Shanghai High-performance Composites Industry Innovation Alliance, formed at the same time, has 41 members and brings together 5 national, provincial or municipal innovation platforms. Most members are in the Shanghai Chemical Industry Park and Jinshan District (28), 6 are downstream users, and users from key fields such as aerospace, rail transit and hydrogen storage and transport have not yet joined. The alliance plans to have more than 15 users by 2027.',
        ),
      ],
    },
    {
      heading: t('三、关键共性技术与自主知识产权', '3. Key common technologies and own intellectual property'),
      paragraphs: [
        t(
          '本中心确定两项有待突破的核心技术：一是快速固化高韧性环氧树脂体系及高压树脂传递模塑（HP-RTM）成型工艺，目标将汽车结构件成型节拍缩短至5分钟以内；二是碳纤维增强热塑性复合材料连续成型与回收再利用技术，实现边角料和退役制品中碳纤维的高值化回收。',
          'The centre has identified two core technologies still to be mastered: first, fast-curing, high-toughness epoxy resin systems and high-pressure resin transfer moulding (HP-RTM), aiming to cut the moulding cycle of automotive structural parts to under five minutes; second, continuous forming and recycling of carbon-fibre-reinforced thermoplastic composites, recovering carbon fibre from offcuts and end-of-life products for high-value reuse.',
        ),
        t(
          '快速固化树脂方向由金乾新材料牵头，联合上海申化高分子材料研究所开展树脂配方设计和固化动力学研究，由沪临汽车零部件提供构件验证；热塑性复合材料方向由东海理工大学牵头，奕纤碳纤维提供纤维表面处理和上浆剂配套，目标到2028年完成中试验证并形成自主知识产权体系。',
          'Work on fast-curing resins is led by Jinqian New Materials, with the Shenhua Institute of Polymer Materials on formulation design and curing kinetics and Hulin Vehicle Parts validating parts; work on thermoplastic composites is led by Donghai University of Technology, with Yixian Carbon Fibre supplying fibre surface treatment and sizing. Both aim to complete pilot-scale verification by 2028 and build a portfolio of own IP.',
        ),
        t(
          '技术路线图目前已完成初稿，拟经技术专家委员会审定后实施。本中心计划到2028年申请发明专利60件以上，其中核心专利不少于15件，并围绕复合材料回收料性能评价、快速成型工艺规范等方向牵头制定团体标准和行业标准。',
          'A first draft of the technology roadmap is complete and will be implemented once approved by the technical expert committee. By 2028 the centre plans to file more than 60 invention patent applications, including at least 15 core patents, and to lead group and industry standards on the performance evaluation of recycled composites and on fast-moulding process specifications.',
        ),
      ],
    },
    {
      heading: t('四、研发条件与人才队伍', '4. R&D facilities and talent team'),
      paragraphs: [
        t(
          '2023年至2025年，发起单位在复合材料领域累计研发投入2.15亿元，本研究会成立以来自身研发投入2100万元。本研究会在金山区租用研发场地3500平方米，自有树脂合成、预浸料制备和力学测试等设备，原值1350万元；HP-RTM中试线和大型热压罐由发起单位共享使用，共享设备原值5450万元。',
          'From 2023 to 2025 the founders invested RMB 215 million in composites R&D, and the association itself RMB 21 million since its founding. It rents 3,500 m² of R&D space in Jinshan District and owns equipment for resin synthesis, prepreg preparation and mechanical testing worth RMB 13.5 million; an HP-RTM pilot line and a large autoclave are shared by founders, with an original value of RMB 54.5 million.',
        ),
        t(
          '本研究会现有专职研发人员28人，其中博士9人；发起单位双聘和派驻研发人员56人。本研究会首席专家由东海理工大学复合材料领域教授担任，曾主持国家自然科学基金重点项目和国家重点研发计划课题。本研究会计划三年内引进具有国际工程经验的复合材料工艺领军人才2名。',
          'The association has 28 full-time R&D staff, including 9 PhDs, plus 56 researchers jointly appointed or seconded by founders. Its chief expert is a composites professor at Donghai University of Technology who has led a key project of the National Natural Science Foundation and a topic of the National Key R&D Programme. It plans to recruit two leading composites process experts with international engineering experience within three years.',
        ),
        t(
          '本研究会与东海理工大学共建复合材料工程实训中心，每年联合培养研究生10名左右，并面向成员企业开展复合材料设计、成型工艺和质量检测培训，2025年培训企业技术人员320人次。',
          'With Donghai University of Technology the association runs a composites engineering training centre that jointly trains about ten graduate students a year, and it offers member companies training in composite design, moulding processes and quality inspection, with 320 trainee-attendances by company technical staff in 2025.',
        ),
      ],
    },
    {
      heading: t('五、运行机制与知识产权管理', '5. Operating mechanism and intellectual property management'),
      paragraphs: [
        t(
          '技术专家委员会由13名专家组成，其中学术界专家5人、企业界专家6人、政府委派专家2人，主任由国内复合材料领域领军专家担任。委员会负责研判行业发展重大问题、筛选研究方向并审议年度计划，2025年召开全体会议2次。',
          'The technical expert committee has 13 members: 5 from academia, 6 from industry and 2 appointed by government, chaired by a leading domestic composites expert. It assesses major issues in the industry, selects research directions and reviews the annual plan; it met in plenary twice in 2025.',
        ),
        t(
          '本研究会已制定《知识产权管理办法（试行）》，明确背景知识产权归原单位所有，本研究会独立研发成果归本研究会所有。对于成员单位共同研发形成的知识产权，目前按项目逐一协商确定归属，统一的收益分配比例和许可规则尚未细化，计划于2026年修订完善。',
          "The association's provisional IP Management Rules provide that background IP stays with the original owner and results of the association's own R&D belong to it. Ownership of IP from joint R&D by members is currently negotiated project by project; uniform income-sharing ratios and licensing rules have not yet been worked out and are to be added in a 2026 revision.",
        ),
        t(
          '本研究会将自有仪器设备向成员单位开放共享，并协调发起单位的中试线和热压罐以成本价向成员提供。2025年共享设备服务机时4600小时，但预约和计费仍以人工协调为主，信息化共享管理平台尚在建设之中。',
          "The association opens its own instruments to members and arranges for the founders' pilot line and autoclave to be available to members at cost. Shared equipment logged 4,600 machine-hours in 2025, but booking and billing are still coordinated by hand and an online sharing platform is under construction.",
        ),
      ],
    },
    {
      heading: t('六、行业服务、国际合作与建设目标', '6. Industry services, international cooperation and construction targets'),
      paragraphs: [
        t(
          '本研究会依托发起单位检测机构提供复合材料原材料检测、力学性能测试和失效分析等服务，2025年服务企业58家，技术服务收入760万元。计划到2028年建成覆盖材料检测、工艺验证、标准研制和人员培训的公共服务平台，并取得CNAS实验室认可。',
          'Through the founding testing laboratory, the association provides raw-material testing, mechanical testing and failure analysis of composites; in 2025 it served 58 companies and earned RMB 7.6 million from technical services. By 2028 it plans a public service platform covering materials testing, process validation, standards development and training, with CNAS laboratory accreditation.',
        ),
        t(
          '本研究会收入来源包括会费、技术服务、委托研发和政府项目。2025年总收入2680万元，其中政府项目经费1470万元，占比约55%，会费280万元，委托研发170万元。本研究会计划通过扩大技术服务和委托研发规模，到2028年将经营性收入占比提高到60%以上。',
          'Income comes from membership fees, technical services, contract R&D and government projects. Total income in 2025 was RMB 26.8 million, of which government projects provided RMB 14.7 million (about 55%), fees RMB 2.8 million and contract R&D RMB 1.7 million. By expanding technical services and contract R&D, the association plans to raise the share of operating income to over 60% by 2028.',
        ),
        t(
          '国际合作方面，本研究会与欧洲一所大学的复合材料研究中心签订人才联合培养协议，每年选派2至3名青年科研人员赴外交流，并跟踪国际复合材料回收利用标准进展。联合研发项目和国际标准化活动尚处于起步阶段。',
          'In international cooperation, the association has a joint training agreement with the composites research centre of a European university, sending two or three young researchers abroad each year, and it follows international standards work on composite recycling. Joint R&D projects and international standardisation activities are still at an early stage.',
        ),
        t(
          '到2028年底，完成两项核心技术中试验证，申请发明专利60件以上，主导制定团体标准和行业标准6项，累计服务企业200家以上，推动5项以上成果在新能源汽车和风电领域实现首次商业化应用。进度上，2026年完成技术路线图审定和设备共享平台建设，2027年完成中试验证，2028年开展成果推广。',
          'By the end of 2028: complete pilot-scale verification of both core technologies, file over 60 invention patent applications, lead 6 group and industry standards, serve more than 200 companies in total, and bring over 5 results to first commercial application in new energy vehicles and wind power. Schedule: in 2026, approve the roadmap and build the equipment-sharing platform; in 2027, complete pilot verification; in 2028, diffuse the results.',
        ),
      ],
    },
  ],
  facts: [
    {
      label: t('法人类型', 'Legal form'),
      value: t(
        '社会团体法人（研究型社团），登记机关上海市民政局',
        'Social organisation legal person (research-type association), registered with the Shanghai Civil Affairs Bureau',
      ),
    },
    {
      label: t('登记名称', 'Registered name'),
      value: t('上海先进复合材料产业技术研究会', 'Shanghai Advanced Composites Industrial Technology Research Association'),
    },
    { label: t('登记日期', 'Date of registration'), value: t('2023年3月22日', '22 March 2023') },
    { label: t('注册资金', 'Registered funds'), value: t('300万元', 'RMB 3 million') },
    {
      label: t('发起单位数量', 'Number of founders'),
      value: t(
        '8家（企业5家、高校1所、科研院所1家、检测机构1家）',
        '8 (5 enterprises, 1 university, 1 research institute, 1 testing laboratory)',
      ),
    },
    {
      label: t('联盟成员数量', 'Alliance members'),
      value: t(
        '41家（上海化学工业区及金山区28家；下游用户6家；含国家级和省市级创新平台5个）',
        '41 (28 in the Shanghai Chemical Industry Park and Jinshan District; 6 downstream users; 5 national, provincial or municipal innovation platforms among them)',
      ),
    },
    {
      label: t('近三年研发投入（2023—2025年）', 'R&D investment, last three years (2023–2025)'),
      value: t(
        '发起单位相关领域合计2.15亿元；本研究会自身2100万元',
        'Founders, in this field: RMB 215 million; the association itself: RMB 21 million',
      ),
    },
    {
      label: t('研发人员', 'R&D staff'),
      value: t('专职28人（博士9人）；双聘及派驻56人', '28 full-time (9 PhDs); 56 jointly appointed or seconded'),
    },
    {
      label: t('仪器设备原值', 'Original value of instruments and equipment'),
      value: t(
        '6800万元（本研究会自有1350万元，发起单位共享5450万元）',
        'RMB 68 million (RMB 13.5 million owned; RMB 54.5 million shared by founders)',
      ),
    },
    {
      label: t('授权发明专利', 'Granted invention patents'),
      value: t(
        '发起单位相关领域128件；本研究会自有授权2件、申请中19件',
        'Founders, in this field: 128; the association itself: 2 granted, 19 pending',
      ),
    },
    {
      label: t('标准', 'Standards'),
      value: t('参与制定国家标准1项；主导团体标准3项', 'Participated in 1 national standard; led 3 group standards'),
    },
    {
      label: t('技术服务收入（2025年）', 'Revenue from technical services (2025)'),
      value: t(
        '760万元，服务企业58家；总收入2680万元（政府项目经费占55%）',
        'RMB 7.6 million from 58 client companies; total income RMB 26.8 million (55% from government projects)',
      ),
    },
    {
      label: t('国际合作', 'International cooperation'),
      value: t(
        '与欧洲一所大学签订人才联合培养协议；暂无联合研发项目',
        'Joint training agreement with one European university; no joint R&D project yet',
      ),
    },
    {
      label: t('技术专家委员会', 'Technical expert committee'),
      value: t(
        '13人：学术界5人、企业界6人、政府委派2人；2025年召开全体会议2次',
        '13: 5 academia, 6 industry, 2 government-appointed; 2 plenary meetings in 2025',
      ),
    },
  ],
  reviewNotes: {
    rubricId: 'mic-selection-nonenterprise',
    criteria: A004_CRITERIA,
    strengths: [
      t(
        '发起单位覆盖树脂、碳纤维、构件制造和下游应用，产业链上下游较为完整，依托上海化学工业区的区位优势明显。',
        'The founders span resins, carbon fibre, structural parts and downstream use, a fairly complete chain with a clear location advantage in the Shanghai Chemical Industry Park.',
      ),
      t(
        '两项核心技术方向明确，快速成型和回收利用契合新能源汽车轻量化和绿色低碳需求。',
        'Both core technologies are well defined; fast moulding and recycling fit the needs of lightweight new energy vehicles and low-carbon development.',
      ),
      t(
        '技术专家委员会已组建并正常运行，成员构成符合要求。',
        'The technical expert committee is in place and meeting regularly, with the required composition.',
      ),
    ],
    weaknesses: [
      t(
        '联盟成员41家且地域集中，下游用户仅6家，航空航天、氢能储运等重点用户尚未加入。',
        'The alliance has 41 members, concentrated locally, with only 6 downstream users; key users in aerospace and hydrogen storage have not joined.',
      ),
      t(
        '政府项目经费约占总收入的55%，自我造血能力较弱；研究会自有设备和自有专利偏少，对发起单位依赖较大。',
        'Government projects provide about 55% of income, so self-sustainability is weak; the association owns little equipment and few patents and depends heavily on its founders.',
      ),
      t(
        '共同研发成果的知识产权收益分配规则尚未细化，秘书长由牵头单位人员兼任，运营独立性不足。',
        'Income-sharing rules for jointly developed IP are not yet worked out, and the secretary-general is a part-time secondee from the lead founder, limiting independence.',
      ),
      t(
        '国际合作停留在人才交流层面，与非企业法人型侧重考评国际合作的要求存在差距。',
        'International cooperation is limited to researcher exchanges, short of the emphasis on international cooperation in assessing non-enterprise centres.',
      ),
    ],
  },
};

export const DEMO_APPLICATIONS: readonly DemoApplication[] = [A001, A002, A003, A004];
