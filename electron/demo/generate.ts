/**
 * The demo round generator: identities, a round folder with real PDF dossiers,
 * one encrypted package per expert, completed signed score bundles and an
 * OpenSSH allowed_signers file. Tests, benchmarks and `npm start` use it; no
 * fixture is edited by hand.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_SCHEMA_VERSION,
  NS_PACKAGE,
  NS_SCORES,
  ROUND_SCHEMA_VERSION,
  type ApplicationReview,
  type Bundle,
  type RoundFile,
} from '../../shared/formats.ts';
import { cyclic, findOrThrow, nth } from '../../shared/checked.ts';
import {
  gradeFor,
  outcomesFor,
  scaleRange,
  scoredCriteria,
  weightedTotal,
  type Criterion,
  type Rubric,
} from '../../shared/rubric/model.ts';
import { enterpriseSelection } from '../../shared/rubric/templates/enterprise-selection.ts';
import { nonEnterpriseSelection } from '../../shared/rubric/templates/non-enterprise-selection.ts';
import { writeBundle, type BundleAttachment } from '../bundles/write.ts';
import { demoVisit, withVisit } from './visit.ts';
import { createIdentity, saveIdentity, type Identity } from '../keys/identity.ts';
import { packRound, type PackResult } from '../packages/pack.ts';
import { loadRound } from '../rounds/round.ts';
import type { WorkspaceOptions } from '../workspace/open.ts';
import { annualStage } from './annual.ts';
import { DEMO_APPLICATIONS, type DemoApplication } from './applications.ts';
import { findCjkFont } from '../pdf/fonts.ts';
import { factsPdf, planPdf } from './pdf.ts';
import { DEMO_PASSPHRASE, fillExpertWorkspace } from './workspace.ts';

export interface DemoOptions {
  out: string;
  experts?: number;
  applications?: number;
  /** Earlier revisions per expert, written beside the final bundle. */
  revisions?: number;
  /**
   * Also write `workspaces/E01/`: the first expert's workspace with the reviews of its final bundle entered
   * through the workspace API, its keys sealed with {@link DEMO_PASSPHRASE} (`reviewdesk demo` does this).
   */
  workspace?: boolean | { options?: WorkspaceOptions };
  /**
   * `selection` (the default): applicants for selection. `annual`: the annual evaluation of two designated centres,
   * one of each type, with their operation reports' indicators (electron/demo/annual.ts); `applications` is ignored.
   */
  stage?: 'selection' | 'annual';
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoSummary {
  out: string;
  experts: string[];
  applications: string[];
  packages: PackResult[];
  bundles: string[];
  /** The filled-in expert workspaces (with `workspace`). */
  workspaces: string[];
  cjkFont: string | null;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = [
  '建国',
  '晓华',
  '立军',
  '静怡',
  '志强',
  '文博',
  '丽娜',
  '海涛',
  '明远',
  '雪梅',
  '振宇',
  '慧敏',
  '国栋',
  '佳怡',
  '少华',
  '永清',
];
const ORGS = [
  '上海理工科技大学',
  '华东先进制造研究院',
  '东海集成电路设计有限公司',
  '申江生物医药研究所',
  '浦江管理咨询有限公司',
  '长三角知识产权服务中心',
];
const FIELDS = [['集成电路', '技术'], ['生物医药', '技术'], ['人工智能', '技术'], ['先进材料', '产业'], ['经济管理'], ['知识产权与法律']];

/** Deterministic PRNG (mulberry32) so demo rounds are reproducible in shape. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 30-criterion rubric for load rounds, derived from the enterprise template. */
export function loadRubric(): Rubric {
  const base = enterpriseSelection;
  const dims = Array.from({ length: 6 }, (_, d) => ({
    id: `L${d + 1}`,
    title: { 'zh-CN': `一级指标 ${d + 1}`, en: `Criterion group ${d + 1}` },
    // A load-test rubric: nothing in it comes from a programme document.
    default: true as const,
    criteria: Array.from({ length: 5 }, (_, c): Criterion => {
      const src = cyclic(scoredCriteria(base), d * 5 + c, 'criterion').criterion;
      return {
        ...src,
        id: `L${d + 1}.${c + 1}`,
        weight: d * 5 + c < 20 ? 3 : 4,
        scale: { kind: 'points', min: 0, max: 10, step: 0.5 },
        threshold: undefined,
        default: true,
      } as Criterion;
    }),
  }));
  return {
    ...base,
    id: 'mic-load-30',
    title: { 'zh-CN': '负载测试评分细则（30 项）', en: 'Load-test rubric (30 criteria)' },
    // A load round cycles the demo applications of both categories through one rubric.
    appliesTo: ['enterprise', 'non-enterprise'],
    dimensions: dims,
    tieBreak: ['L1', 'L2'],
  };
}

function demoApplication(i: number): { app: DemoApplication; id: string; realistic: boolean } {
  const app = cyclic(DEMO_APPLICATIONS, i, 'demo application');
  if (i < DEMO_APPLICATIONS.length) return { app, id: app.id, realistic: true };
  const n = i + 1;
  return {
    app: { ...app, name: { 'zh-CN': `${app.name['zh-CN']}（第${n}号）`, en: `${app.name.en} (No. ${n})` } },
    id: `A${String(n).padStart(3, '0')}`,
    realistic: false,
  };
}

/** Snaps a 0–1 quality onto a criterion's scale grid. */
function scoreFor(c: Criterion, q: number): number {
  const { min, max } = scaleRange(c.scale);
  const step = c.scale.kind === 'gate' ? 1 : c.scale.step;
  const raw = min + Math.min(1, Math.max(0, q)) * (max - min);
  let v = min + Math.round((raw - min) / step) * step;
  if (c.scale.kind === 'levels') {
    const levels = c.scale.levels;
    if (!levels.some((l) => v >= l.min && v <= l.max))
      v = levels.reduce((best, l) => (Math.abs(l.max - raw) < Math.abs(best - raw) ? l.max : best), nth(levels, 0, 'level').max);
  }
  return Math.round(v * 1000) / 1000;
}

const QUALITY: Record<string, number> = { A001: 0.86, A002: 0.74, A003: 0.42, A004: 0.6 };

/**
 * Basic conditions the demo's dossiers do not meet, on the gate they concern, with what an expert would write.
 * A003's alliance (19 members) holds no national or provincial platform, which seed 003's alliance condition asks
 * for; one expert reads it otherwise, so the panel has a flag to decide (待专家组认定).
 */
const GATE_FAILURES: Record<string, { gate: string; comment: string; passedBy: number[] }> = {
  A003: {
    gate: 'G4',
    comment:
      '联盟现有成员19家，其中用户企业3家、高校2所、科研院所1家，成员名单中没有本领域的国家级或省市级创新平台，不满足“汇聚本领域内各类国家级和省市级创新平台”的条件。' +
      ' / The alliance has 19 members (3 users, 2 universities, 1 institute) and no national, provincial or municipal innovation platform of the field, so it does not meet the condition that it bring such platforms together.',
    passedBy: [3],
  },
};

function review(
  rubric: Rubric,
  appId: string,
  app: DemoApplication,
  expertIndex: number,
  rand: () => number,
  complete: boolean,
  at: string,
): ApplicationReview {
  if (appId === 'A003' && expertIndex === 4) {
    return {
      applicationId: appId,
      rubric: { id: rubric.id, version: rubric.version },
      conflict: {
        status: 'recused',
        reason: '近三年与申报单位有合作项目，申请回避。/ Joint projects with the applicant in the last three years; recused.',
        declaredAt: at,
      },
      status: 'recused',
      gates: [],
      scores: [],
      opinion: '',
      recommendation: null,
      updatedAt: at,
    };
  }
  const quality = (QUALITY[appId] ?? 0.3 + rand() * 0.6) + ((expertIndex % 3) - 1) * 0.04;
  const text = (b: { 'zh-CN': string; en: string }): string => `${b['zh-CN']} / ${b.en}`;
  // A rubric text may be Chinese only.
  const enOf = (b: Criterion['title']): string => ('en' in b ? b.en : b['zh-CN']);
  // The application's notes are keyed by the criteria of its category's rubric; a load round's rubric has others.
  const own = app.reviewNotes.rubricId === rubric.id ? app.reviewNotes.criteria : {};
  const all = scoredCriteria(rubric);
  const upto = complete ? all.length : Math.ceil(all.length / 2);
  const judged = all.slice(0, upto).map(({ criterion }) => {
    const score = scoreFor(criterion, quality + (rand() - 0.5) * 0.2);
    const { min, max } = scaleRange(criterion.scale);
    const good = score >= 0.7 * max;
    // Every score carries a comment on its own criterion, as a diligent expert's would (and the load round requires):
    // the application's note for that criterion, or a neutral sentence naming the criterion where it has none.
    const mine = own[criterion.id];
    const [zh, en] = [criterion.title['zh-CN'], enOf(criterion.title)];
    const note = mine
      ? good
        ? mine.good
        : mine.weak
      : good
        ? {
            'zh-CN': `对照“${zh}”的评分标准核对了申报材料，相关内容完整、有佐证，达到评分标准的较高档次。`,
            en: `Checked the dossier against the scoring guidance for "${en}": the material is complete and evidenced, in the upper bands of the guidance.`,
          }
        : {
            'zh-CN': `对照“${zh}”的评分标准核对了申报材料，相关内容不够完整或缺少佐证，未达到评分标准的较高档次。`,
            en: `Checked the dossier against the scoring guidance for "${en}": the material is incomplete or lacks evidence, below the upper bands of the guidance.`,
          };
    const share = max > min ? (score - min) / (max - min) : 0;
    return { criterion, good, share, note, score: { criterionId: criterion.id, score, comment: text(note), evidence: [], updatedAt: at } };
  });
  const scores = judged.map((j) => j.score);
  const failure = GATE_FAILURES[appId];
  const gates = rubric.gates.map((g) => {
    const fails = failure?.gate === g.id && !failure.passedBy.includes(expertIndex);
    return { criterionId: g.id, score: fails ? 0 : 1, comment: fails ? failure.comment : '', evidence: [], updatedAt: at };
  });
  const byId = Object.fromEntries(scores.map((s) => [s.criterionId, s.score]));
  const { total } = weightedTotal(rubric, byId);
  // The main outcomes only: an additional one (支持争创国家级) is never the expert's single choice.
  const recs = rubric.recommendations.filter((r) => !r.additional);
  // An assessment rubric's outcomes are its grades (优秀 … 不合格): the expert recommends the grade the total reaches.
  const graded = recs.find((r) => r.id === gradeFor(rubric, total)?.id);
  const recommendation = complete
    ? graded
      ? graded.id
      : (total >= 75 ? nth(recs, 0) : total >= 60 ? (recs[1] ?? nth(recs, 0)) : nth(recs, recs.length - 1)).id
    : null;
  // 专家意见 follows the scores: strengths from the best-scored criteria scored well, weaknesses from the worst-scored
  // ones scored low (an application scored well or low throughout gets one overall point instead), then any basic
  // condition the expert found not met, the total and the recommendation.
  const opinion = (): string => {
    const strong = judged.filter((j) => j.good).sort((a, b) => b.share - a.share || a.criterion.id.localeCompare(b.criterion.id));
    const low = judged.filter((j) => !j.good).sort((a, b) => a.share - b.share || a.criterion.id.localeCompare(b.criterion.id));
    const points = (list: typeof judged) => ({
      'zh-CN': list.map((j) => `${j.criterion.title['zh-CN']}方面，${j.note['zh-CN']}`).join(''),
      en: list.map((j) => `${enOf(j.criterion.title)}: ${j.note.en}`).join(' '),
    });
    const plus = strong.length ? points(strong.slice(0, 2)) : cyclic(app.reviewNotes.strengths, expertIndex, 'strength');
    const minus = low.length ? points(low.slice(0, 2)) : cyclic(app.reviewNotes.weaknesses, expertIndex, 'weakness');
    const failed = gates.filter((g) => g.score === 0);
    const gateText = failed.map((g) => {
      const title = findOrThrow(rubric.gates, (x) => x.id === g.criterionId, 'gate').title;
      return {
        'zh-CN': `基本条件“${title['zh-CN']}”不符合，提请专家组认定。`,
        en: `The basic condition "${enOf(title)}" is not met; the panel is asked to decide.`,
      };
    });
    const rec = recs.find((r) => r.id === recommendation);
    const sum = {
      'zh-CN': `综合得分${total.toFixed(1)}分${rec ? `，建议${rec.label['zh-CN']}` : ''}。`,
      en: `Total ${total.toFixed(1)} points${rec ? `; recommendation: ${enOf(rec.label).toLowerCase()}` : ''}.`,
    };
    const zhOpinion = [
      `${strong.length ? '主要优势' : '可取之处'}：${plus['zh-CN']}`,
      `${low.length ? '主要不足' : '需关注'}：${minus['zh-CN']}`,
      ...gateText.map((g) => g['zh-CN']),
      sum['zh-CN'],
    ].join('');
    const enOpinion = [
      `${strong.length ? 'Main strengths' : 'In its favour'}: ${plus.en}`,
      `${low.length ? 'Main weaknesses' : 'To watch'}: ${minus.en}`,
      ...gateText.map((g) => g.en),
      sum.en,
    ].join(' ');
    return `专家意见：${zhOpinion} / ${enOpinion}`;
  };
  // An expert who recommends the first main outcome (通过遴选) with a high total also supports the applicant's bid for
  // national status where the rubric offers it for the category (seed 003, enterprise type).
  const extra =
    complete && recommendation === recs[0]?.id && total >= 80 ? outcomesFor(rubric, app.category).additional.map((r) => r.id) : [];
  return {
    applicationId: appId,
    rubric: { id: rubric.id, version: rubric.version },
    ...(extra.length ? { additionalRecommendations: extra } : {}),
    conflict: { status: 'none', reason: '', declaredAt: at },
    status: complete ? 'complete' : 'in-progress',
    gates,
    scores,
    opinion: complete ? opinion() : '',
    recommendation,
    updatedAt: at,
  };
}

/** Writes a complete demo round to `opts.out`. */
export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const expertCount = opts.experts ?? 5;
  const annual = opts.stage === 'annual' ? annualStage() : null;
  const appCount = annual ? annual.apps.length : (opts.applications ?? 4);
  const revisions = opts.revisions ?? 0;
  const out = opts.out;
  const progress = opts.onProgress ?? (() => undefined);
  const roundDir = join(out, 'round');
  await mkdir(join(roundDir, 'cards'), { recursive: true });

  const secretariat = await createIdentity({
    role: 'secretariat',
    displayName: '评审秘书处（演示）',
    organisation: '上海市制造业创新中心专家评审委员会（演示）',
    demo: true,
  });
  await saveIdentity(join(out, 'secretariat'), secretariat, null);
  const experts: { id: string; identity: Identity }[] = [];
  for (let i = 0; i < expertCount; i++) {
    const id = `E${String(i + 1).padStart(2, '0')}`;
    const identity = await createIdentity({
      role: 'expert',
      displayName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
      organisation: cyclic(ORGS, i),
      fields: cyclic(FIELDS, i),
      demo: true,
    });
    await saveIdentity(join(out, 'experts', id), identity, null);
    await copyFile(join(out, 'experts', id, 'card.json'), join(roundDir, 'cards', `${id}.json`));
    experts.push({ id, identity });
    progress('identities', i + 1, expertCount);
  }

  // Seed 003: each application is reviewed against the rubric of the category it declared. A load round uses one.
  const load = !annual && appCount > DEMO_APPLICATIONS.length;
  const apps = annual?.apps ?? Array.from({ length: appCount }, (_, i) => demoApplication(i));
  // Only the rubrics the round's applications use (a round names no rubric nobody is scored against).
  const rubrics = annual
    ? annual.rubrics
    : load
      ? [loadRubric()]
      : [enterpriseSelection, nonEnterpriseSelection].filter((r) => apps.some(({ app }) => r.appliesTo.includes(app.category)));
  const rubricFor = (category: DemoApplication['category']): Rubric =>
    findOrThrow(rubrics, (r) => r.appliesTo.includes(category), `rubric for ${category}`);
  await mkdir(join(roundDir, 'rubrics'), { recursive: true });
  for (const r of rubrics) await writeFile(join(roundDir, 'rubrics', `${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  const font = findCjkFont();
  const pdfCache = new Map<string, Buffer>();
  for (const [i, { app, id, realistic }] of apps.entries()) {
    const folder = join(roundDir, 'dossiers', id);
    await mkdir(folder, { recursive: true });
    if (annual) await annual.dossier(folder, id, font);
    else if (realistic) {
      await writeFile(join(folder, '建设和运行方案.pdf'), await planPdf(app, font));
      await writeFile(join(folder, '佐证材料.pdf'), await factsPdf(app, font));
    } else {
      const cached = pdfCache.get(app.id) ?? (await factsPdf(app, font));
      pdfCache.set(app.id, cached);
      await writeFile(join(folder, '佐证材料.pdf'), cached);
    }
    progress('dossiers', i + 1, appCount);
  }
  const deadlineNow = new Date();
  const roundFile: RoundFile = {
    schemaVersion: ROUND_SCHEMA_VERSION,
    kind: 'reviewdesk-round',
    round: annual?.round ?? {
      id: 'SH-MIC-2026',
      title: { 'zh-CN': '2026 年度上海市制造业创新中心遴选（演示）', en: '2026 Shanghai manufacturing innovation centre selection (demo)' },
    },
    deadline: new Date(Date.now() + 14 * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    rubrics: rubrics.map((r) => ({ id: r.id, path: `rubrics/${r.id}.json` })),
    experts: experts.map((e) => ({ id: e.id, card: `cards/${e.id}.json` })),
    applications: apps.map(({ app, id }) => ({
      id,
      name: app.name,
      organisation: app.organisation,
      category: app.category,
      field: app.field,
      rubricId: rubricFor(app.category).id,
      dossier: `dossiers/${id}`,
      ...(annual?.indicators(id) ? { indicators: annual.indicators(id) } : {}),
    })),
    assignments: Object.fromEntries(experts.map((e) => [e.id, apps.map((a) => a.id)])),
  };
  // The secretariat's conflict screening, planted away from A001 (the application a newcomer opens first): A002
  // asks to exclude E04 (confirmed, so E04 does not review A002); E02's institute is an alliance member of A004
  // (flagged, and overridden with the secretariat's reason). The other applications name shareholders no expert
  // works for.
  const planted = !annual && !load ? plantConflicts(roundFile, experts, deadlineNow) : roundFile;
  Object.assign(roundFile, planted);
  await writeFile(join(roundDir, 'round.json'), JSON.stringify(roundFile, null, 2) + '\n');

  const loaded = await loadRound(roundDir);
  const packages = await packRound(loaded, secretariat, join(out, 'packages'), (d, t) => progress('packages', d, t));

  await mkdir(join(out, 'bundles'), { recursive: true });
  const bundles: string[] = [];
  const workspaces: string[] = [];
  // E01's workspace is filled while the other experts' bundles are written (it waits on disk syncs, they on the CPU).
  let filling: Promise<unknown> | null = null;
  for (const [i, e] of experts.entries()) {
    const pkg = findOrThrow(packages, (p) => p.expertId === e.id, `package for ${e.id}`);
    const rand = prng(1000 + i);
    for (let rev = 1; rev <= revisions + 1; rev++) {
      const final = rev === revisions + 1;
      const at = new Date(Date.now() - (revisions + 1 - rev) * 86400_000).toISOString();
      const bundle: Bundle = {
        schemaVersion: BUNDLE_SCHEMA_VERSION,
        kind: 'reviewdesk-scores',
        packageId: pkg.packageId,
        packageSha256: pkg.sha256,
        roundId: roundFile.round.id,
        rubrics: rubrics
          .filter((r) =>
            apps.some(({ id, app }) => (roundFile.assignments[e.id] ?? []).includes(id) && rubricFor(app.category).id === r.id),
          )
          .map((r) => ({ id: r.id, version: r.version })),
        expertFingerprint: e.identity.card.fingerprint,
        expert: e.identity.card,
        revision: rev,
        appVersion: 'demo',
        createdAt: at,
        applications: apps
          .filter(({ id }) => (roundFile.assignments[e.id] ?? []).includes(id))
          .map(({ app, id }) => review(rubricFor(app.category), id, app, i, rand, final, at)),
        attachments: [],
      };
      // Site visits in the final score files of the first three experts: E01 visited every application it
      // reviews, E02 and E03 the first one (E02 finds its last checklist item not met).
      const attachments: BundleAttachment[] = [];
      if (final && i < 3 && !load) {
        for (const [k, a] of bundle.applications.entries()) {
          if (i > 0 && k > 0) break;
          const app = findOrThrow(apps, (x) => x.id === a.applicationId, a.applicationId).app;
          const visit = await demoVisit(rubricFor(app.category), a, i, k, i === 0 && k === 0 ? 3 : 1, at);
          if (!visit) continue;
          bundle.applications[k] = withVisit(a, visit);
          attachments.push(...visit.attachments);
        }
      }
      const file = join(out, 'bundles', final ? `${e.id}.rsb` : `${e.id}.rev${rev}.rsb`);
      await writeBundle(file, bundle, e.identity, secretariat.card.ageRecipient, attachments);
      bundles.push(file);
      if (final && i === 0 && opts.workspace) {
        const dir = join(out, 'workspaces', e.id);
        filling = fillExpertWorkspace({
          dir,
          identity: e.identity,
          secretariat: secretariat.card,
          packageFile: pkg.path,
          reviews: bundle.applications,
          photos: attachments,
          passphrase: DEMO_PASSPHRASE,
          ...(typeof opts.workspace === 'object' && opts.workspace.options ? { options: opts.workspace.options } : {}),
        }).then(
          () => {
            workspaces.push(dir);
            return null;
          },
          // Held, not thrown, until the loop is done: a rejection nobody awaits yet would be reported as unhandled.
          (err: unknown) => ({ err }),
        );
      }
    }
    progress('bundles', i + 1, experts.length);
  }

  if (filling) {
    const failed = (await filling) as { err: unknown } | null;
    if (failed) throw failed.err;
    progress('workspace', 1, 1);
  }

  const principals = [['secretariat', secretariat.card.sshPublicKey], ...experts.map((e) => [e.id, e.identity.card.sshPublicKey])];
  await writeFile(
    join(out, 'allowed_signers'),
    principals.map(([who, key]) => `${who} namespaces="${NS_PACKAGE},${NS_SCORES}" ${key}`).join('\n') + '\n',
  );
  await writeFile(
    join(out, 'README.txt'),
    'DEMO ONLY. The identities in secretariat/ and experts/ hold UNPROTECTED secret keys for trying ReviewDesk out.\n' +
      'Never use them for a real round. See docs/formats.md for how to open every file here with age and ssh-keygen.\n' +
      (workspaces.length && experts[0]
        ? `workspaces/${experts[0].id}/ is that expert's ReviewDesk workspace with its reviews entered; its keys are sealed with the passphrase "${DEMO_PASSPHRASE}".\n`
        : ''),
  );
  return {
    out,
    experts: experts.map((e) => e.id),
    applications: apps.map((a) => a.id),
    packages,
    bundles,
    workspaces,
    cjkFont: font?.path ?? null,
  };
}

/** The demo's conflict screening data (see where the round is written). */
function plantConflicts(round: RoundFile, experts: { id: string; identity: Identity }[], now: Date): Partial<RoundFile> {
  const e02 = experts[1];
  const e04 = experts[3];
  const has = (id: string): boolean => round.applications.some((a) => a.id === id);
  if (!e02 || !e04 || !has('A002') || !has('A004')) return {};
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const applications = round.applications.map((a) => {
    switch (a.id) {
      case 'A001':
        return { ...a, shareholders: ['上海申芯半导体集团有限公司', '临港产业投资基金（有限合伙）'] };
      case 'A002':
        return {
          ...a,
          excludedExperts: [{ name: e04.identity.card.displayName, reason: '该专家所在单位与本申报单位存在同类项目竞争关系。' }],
        };
      case 'A004':
        return { ...a, allianceMembers: [e02.identity.card.organisation, '上海某医疗器械检测所'] };
      default:
        return a;
    }
  });
  const conflictDecisions = [
    {
      expertId: e04.id,
      applicationId: 'A002',
      decision: 'confirmed' as const,
      reason: '申报单位申请回避，理由成立，予以回避。',
      at,
    },
    {
      expertId: e02.id,
      applicationId: 'A004',
      decision: 'overridden' as const,
      reason: '该专家所在单位仅为联盟一般会员单位，未参与申报材料编制，经核实不构成利益冲突。',
      at,
    },
  ];
  const assignments = Object.fromEntries(
    Object.entries(round.assignments).map(([id, list]) => [id, id === e04.id ? list.filter((a) => a !== 'A002') : list]),
  );
  return { applications, conflictDecisions, assignments };
}
