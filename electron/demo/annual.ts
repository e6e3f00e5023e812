/**
 * The annual-evaluation demo round (`reviewdesk demo --stage annual`): two designated centres, one of each
 * type, each scored against its type's annual rubric, with the figures of its annual operation report
 * (年度运行发展报告) against the indicator rows of D7.1 — some targets met, some missed, one not reported —
 * and that report as its dossier. The centres keep the identities of demo applications A001 and A002, now
 * designated and a year into operation. All figures are invented.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndicatorValue, RoundFile } from '../../shared/formats.ts';
import { findOrThrow } from '../../shared/checked.ts';
import { pick } from '../../shared/i18n-text.ts';
import { rowCompletion } from '../../shared/review/indicators.ts';
import type { Criterion, Rubric } from '../../shared/rubric/model.ts';
import { annualEnterprise, annualNonEnterprise } from '../../shared/rubric/templates/assessment.ts';
import type { CjkFont } from '../pdf/fonts.ts';
import { DEMO_APPLICATIONS, type Bilingual, type DemoApplication } from './applications.ts';
import { render } from './pdf.ts';

const t = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** The indicator criterion of the annual templates. */
export const ANNUAL_INDICATOR_CRITERION = 'D7.1';

export const ANNUAL_ROUND: RoundFile['round'] = {
  id: 'SH-MIC-2026-ANNUAL',
  title: {
    'zh-CN': '2026 年度上海市制造业创新中心年度评估（演示）',
    en: '2026 annual evaluation of Shanghai manufacturing innovation centres (demo)',
  },
};

/** rowId → [target, actual, note?] as the report states them (null: not reported). */
type Figures = Record<string, [number | null, number | null, Bilingual?]>;

interface AnnualCentre {
  base: string;
  rubric: Rubric;
  figures: Figures;
  summary: Bilingual[];
  reviewNotes: DemoApplication['reviewNotes'];
}

const CENTRES: AnnualCentre[] = [
  {
    base: 'A001',
    rubric: annualEnterprise,
    figures: {
      'rd-investment': [12000, 13150],
      'key-technologies': [4, 5],
      'patents-filed': [60, 72],
      'patents-granted': [20, 17, t('另有 6 件处于实质审查阶段', 'Another 6 are in substantive examination')],
      standards: [3, 4],
      'results-transferred': [6, 7],
      'incubated-firms': [
        2,
        1,
        t('第二家孵化企业的工商登记推迟至次年一季度', "The second incubated firm's registration slipped to the next year's first quarter"),
      ],
      'service-income': [5000, 6240],
      'firms-served': [120, 158],
      'government-share': [35, 28.5],
      'rd-staff': [150, 162],
      'leading-talent': [5, 5],
      'international-projects': [
        3,
        2,
        t('一项欧洲合作项目因出口管制审批延后', 'A European project was delayed by export-control approval'),
      ],
    },
    summary: [
      t(
        '本年度中心围绕2.5D/3D先进封装和混合键合两项核心技术开展攻关，12英寸中试线全年运行，完成混合键合工艺的客户验证，节距达到1微米。',
        'This year the centre worked on its two core technologies, 2.5D/3D advanced packaging and hybrid bonding; the 12-inch pilot line ran all year and hybrid bonding passed customer validation at a 1 µm pitch.',
      ),
      t(
        '技术服务收入6240万元，政府资金占总收入的比重降至28.5%，自我造血能力进一步增强；发明专利授权和孵化企业两项指标未完成年度目标。',
        'Income from technical services reached CNY 62.4 million and government funds fell to 28.5% of income, strengthening self-sustainability; invention patents granted and firms incubated fell short of the targets for the year.',
      ),
    ],
    reviewNotes: {
      // Criterion notes are the selection demo's; here every score gets a sentence naming its criterion.
      rubricId: 'mic-annual-enterprise',
      criteria: {},
      strengths: [
        t(
          '研发投入和技术服务收入均超额完成年度目标，政府资金占比持续下降。',
          'R&D investment and service income both exceeded their targets, and the share of government funds keeps falling.',
        ),
        t(
          '混合键合工艺完成客户验证，关键共性技术成果数量和质量较好。',
          'Hybrid bonding passed customer validation; key common technology results are good in number and quality.',
        ),
        t(
          '主导制定团体标准2项、参与行业标准2项，标准工作有实质进展。',
          'Led two association standards and contributed to two industry standards: real progress on standards.',
        ),
      ],
      weaknesses: [
        t(
          '发明专利授权量未达目标，应说明审查周期对指标的影响。',
          'Invention patents granted missed the target; the report should explain the effect of examination times.',
        ),
        t(
          '孵化企业仅1家，成果就地转化的机制仍需加强。',
          'Only one firm incubated: the mechanism for commercialising results locally needs strengthening.',
        ),
        t('国际合作项目未完成目标，海外合作渠道较单一。', 'International projects missed the target, and overseas channels are narrow.'),
      ],
    },
  },
  {
    base: 'A002',
    rubric: annualNonEnterprise,
    figures: {
      'rd-investment': [6000, 5420, t('一台大型检测设备采购延至次年', 'Purchase of a large testing instrument slipped to next year')],
      'key-technologies': [3, 3],
      'patents-filed': [35, 41],
      'patents-granted': [12, 9],
      standards: [4, 6],
      'results-transferred': [5, 4],
      'incubated-firms': [3, 3],
      'service-income': [3200, 3560],
      'firms-served': [200, 236],
      'government-share': [45, 52.3, t('市级专项资金年内集中拨付', 'Municipal programme funds were paid in one instalment this year')],
      'rd-staff': [90, 86],
      'leading-talent': [4, null, t('年度报告未填报，待现场核查', 'Not reported; to be checked on site')],
      'international-projects': [4, 5],
    },
    summary: [
      t(
        '本年度研究会面向行业开放共享检测验证平台，服务企业236家，其中中小企业181家；牵头制定行业标准6项，超额完成年度目标。',
        'This year the association opened its testing and verification platform to the industry and served 236 firms, 181 of them SMEs; it led six industry standards, above the target for the year.',
      ),
      t(
        '研发投入、发明专利授权和成果转化数量未完成年度目标，政府资金占总收入比重为52.3%，高于45%的目标，自我造血能力仍需提高。',
        'R&D investment, invention patents granted and results transferred fell short of the targets; government funds were 52.3% of income, above the 45% target, so self-sustainability still needs work.',
      ),
    ],
    reviewNotes: {
      // Criterion notes are the selection demo's; here every score gets a sentence naming its criterion.
      rubricId: 'mic-annual-nonenterprise',
      criteria: {},
      strengths: [
        t(
          '行业技术服务成效明显，服务中小企业数量超额完成目标。',
          'Technical services to the industry are effective: SMEs served exceeded the target.',
        ),
        t('主导和参与制定标准6项，对行业发展的支撑作用突出。', 'Six standards led or contributed to: strong support to the industry.'),
        t('国际合作项目5项，协同创新网络持续扩大。', 'Five international projects; the network of collaborative innovation keeps growing.'),
      ],
      weaknesses: [
        t(
          '政府资金占比高于目标，多元化投入机制尚未形成。',
          'The share of government funds is above its target; diversified funding has not yet taken shape.',
        ),
        t('研发投入未达年度目标，部分设备采购延后。', 'R&D investment missed the target, with some equipment purchases delayed.'),
        t('高水平领军人才指标未填报，需现场核查。', 'The leading-talent figure was not reported and must be checked on site.'),
      ],
    },
  },
];

function indicatorCriterion(rubric: Rubric): Criterion {
  return findOrThrow(
    rubric.dimensions.flatMap((d) => d.criteria),
    (c) => c.id === ANNUAL_INDICATOR_CRITERION,
    `${ANNUAL_INDICATOR_CRITERION} of ${rubric.id}`,
  );
}

/** A centre's report figures as the round and the manifest carry them, in the rubric's row order. */
function indicatorsOf(centre: AnnualCentre): IndicatorValue[] {
  return (indicatorCriterion(centre.rubric).indicators ?? []).flatMap((row) => {
    const f = centre.figures[row.id];
    if (!f) return [];
    const [target, actual, note] = f;
    return [
      {
        criterionId: ANNUAL_INDICATOR_CRITERION,
        rowId: row.id,
        target,
        actual,
        ...(note ? { note: `${note['zh-CN']} / ${note.en}` } : {}),
      },
    ];
  });
}

function appOf(centre: AnnualCentre): DemoApplication {
  const base = findOrThrow(DEMO_APPLICATIONS, (a) => a.id === centre.base, `demo application ${centre.base}`);
  return { ...base, reviewNotes: centre.reviewNotes };
}

const fmt = (v: number | null, zh: boolean): string =>
  v === null ? (zh ? '未填报' : 'not reported') : v.toLocaleString(zh ? 'zh-CN' : 'en');

/** The annual operation and development report (年度运行发展报告): summary, then the table of indicators. */
export function reportPdf(centre: AnnualCentre, font: CjkFont | null): Promise<Buffer> {
  const app = appOf(centre);
  const rows = indicatorCriterion(centre.rubric).indicators ?? [];
  return render(
    `${app.name.en} — annual operation and development report 2026`,
    (doc, zh) => {
      const say = (b: Bilingual): string => (zh ? b['zh-CN'] : b.en);
      doc.fontSize(20).text(say(app.name), { align: 'center' });
      doc
        .moveDown(0.5)
        .fontSize(14)
        .text(zh ? '2026 年度运行发展报告' : 'Annual operation and development report 2026', { align: 'center' });
      doc
        .moveDown()
        .fontSize(11)
        .text(`${zh ? '运营主体' : 'Operating entity'}: ${say(app.organisation)}`, { align: 'center' });
      doc.addPage();
      doc.fontSize(15).text(zh ? '一、年度运行情况' : '1. The year in operation');
      doc.moveDown(0.5).fontSize(11);
      for (const p of centre.summary) {
        if (zh) doc.text(p['zh-CN'], { lineGap: 4, indent: 22 }).moveDown(0.3);
        doc.text(p.en, { lineGap: 2 }).moveDown(0.6);
      }
      doc.addPage();
      doc.fontSize(15).text(zh ? '二、定量指标完成情况表' : '2. Completion of the quantitative indicators');
      doc.moveDown(0.5).fontSize(10);
      for (const [i, row] of rows.entries()) {
        const f = centre.figures[row.id];
        const [target, actual, note] = f ?? [null, null];
        const { ratio } = rowCompletion(row, { target, actual });
        const rate = ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
        doc
          .text(
            `${i + 1}. ${pick(row.label, zh ? 'zh-CN' : 'en')}（${pick(row.unit, zh ? 'zh-CN' : 'en')}）  ${zh ? '目标值' : 'target'} ${fmt(target, zh)}  ${zh ? '实际值' : 'actual'} ${fmt(actual, zh)}  ${zh ? '完成率' : 'completion'} ${rate}`,
          )
          .moveDown(0.2);
        if (note) doc.text(`    ${zh ? '说明' : 'Note'}: ${say(note)}`).moveDown(0.2);
      }
    },
    font,
  );
}

/** What generateDemo needs of the annual stage: the round, its two centres, their rubrics, dossiers and figures. */
export interface AnnualStage {
  round: RoundFile['round'];
  apps: { app: DemoApplication; id: string; realistic: boolean }[];
  rubrics: Rubric[];
  dossier(folder: string, id: string, font: CjkFont | null): Promise<void>;
  indicators(id: string): IndicatorValue[] | undefined;
}

export function annualStage(): AnnualStage {
  const byId = new Map(CENTRES.map((c) => [c.base, c]));
  return {
    round: ANNUAL_ROUND,
    apps: CENTRES.map((c) => ({ app: appOf(c), id: c.base, realistic: true })),
    rubrics: CENTRES.map((c) => c.rubric),
    async dossier(folder, id, font) {
      const centre = byId.get(id);
      if (!centre) throw new Error(`internal: no annual centre ${id}`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, '年度运行发展报告.pdf'), await reportPdf(centre, font));
    },
    indicators: (id) => {
      const centre = byId.get(id);
      return centre && indicatorsOf(centre);
    },
  };
}
