/**
 * The demo round's comments concern the criterion they sit on, a failed basic condition carries its reason, the
 * opinion agrees with the scores, and the dossiers read as applications: no tape-out on A001's packaging line, and
 * dates that fit the 2026 round under the Shanghai plan (2022–2025), which the round continues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../shared/formats.ts';
import { scaleRange, scoredCriteria, type Rubric } from '../../shared/rubric/model.ts';
import { enterpriseSelection } from '../../shared/rubric/templates/enterprise-selection.ts';
import { nonEnterpriseSelection } from '../../shared/rubric/templates/non-enterprise-selection.ts';
import { BUNDLE_LIMITS } from '../../electron/bundles/limits.ts';
import { decryptBytes } from '../../electron/crypto/age/index.ts';
import { DEMO_APPLICATIONS, bilingualText, type Bilingual, type DemoApplication } from '../../electron/demo/applications.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { readZip } from '../../electron/formats/zip.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';

const rubricOf = (app: DemoApplication): Rubric => (app.category === 'enterprise' ? enterpriseSelection : nonEnterpriseSelection);
const byId = new Map(DEMO_APPLICATIONS.map((a) => [a.id, a]));

/** Every text of an application's dossier (what the applicant wrote): names, members, plan and facts. */
function dossierTexts(app: DemoApplication): Bilingual[] {
  return [
    app.name,
    app.organisation,
    app.field,
    ...app.members,
    ...app.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
    ...app.facts.flatMap((f) => [f.label, f.value]),
  ];
}

async function bundlesOf(out: string, experts: string[]): Promise<Bundle[]> {
  const secretariat = await loadIdentity(join(out, 'secretariat'));
  return Promise.all(
    experts.map(async (id) => {
      const { plaintext } = await decryptBytes(readFileSync(join(out, 'bundles', `${id}.rsb`)), [{ identity: secretariat.ageIdentity }]);
      return JSON.parse((await readZip(plaintext, BUNDLE_LIMITS)).get('bundle.json')!.toString()) as Bundle;
    }),
  );
}

describe('per-criterion review notes', () => {
  it('cover exactly the criteria of each application’s rubric, each note distinct', () => {
    for (const app of DEMO_APPLICATIONS) {
      const rubric = rubricOf(app);
      expect(app.reviewNotes.rubricId, app.id).toBe(rubric.id);
      const ids = scoredCriteria(rubric).map(({ criterion }) => criterion.id);
      expect(Object.keys(app.reviewNotes.criteria).sort(), app.id).toEqual([...ids].sort());
      const texts = Object.values(app.reviewNotes.criteria).flatMap((c) => [c.good, c.weak]);
      for (const lang of ['zh-CN', 'en'] as const) {
        const all = texts.map((x) => x[lang]);
        expect(new Set(all).size, `${app.id} ${lang}`).toBe(all.length);
        for (const x of all) expect(x.trim(), app.id).not.toBe('');
      }
    }
  });
});

describe('the dossiers', () => {
  it('show no tape-out (流片) on A001’s advanced packaging line', () => {
    const a001 = byId.get('A001')!;
    for (const text of [...dossierTexts(a001), ...Object.values(a001.reviewNotes.criteria).flatMap((c) => [c.good, c.weak])]) {
      expect(text['zh-CN']).not.toContain('流片');
      expect(text.en).not.toMatch(/tape[- ]?out/i);
    }
  });

  it('date the 2026 round under the 2022–2025 plan: registration, data years and targets', () => {
    for (const app of DEMO_APPLICATIONS) {
      const zh = dossierTexts(app).map((x) => x['zh-CN']);
      // Each plan names the programme document and says the 2026 round continues it.
      expect(
        zh.some((x) => x.includes('2022—2025年') && x.includes('2026年度')),
        app.id,
      ).toBe(true);
      for (const x of zh.filter((x) => !x.includes('实施方案')))
        for (const y of x.match(/20\d\d/g) ?? []) expect(Number(y), `${app.id}: ${x}`).toBeGreaterThanOrEqual(2022);
      // Targets fall in 2026–2028; the last three years of data are 2023–2025.
      for (const x of zh) for (const m of x.matchAll(/到(20\d\d)年/g)) expect(Number(m[1]), `${app.id}: ${x}`).toBeGreaterThanOrEqual(2026);
      for (const x of zh) for (const m of x.matchAll(/(20\d\d)年/g)) expect(Number(m[1]), `${app.id}: ${x}`).toBeLessThanOrEqual(2028);
      const reg = app.facts.find((f) => ['注册日期', '登记日期'].includes(f.label['zh-CN']))!.value['zh-CN'];
      const [, y, mo] = /(\d{4})年(\d{1,2})月/.exec(reg)!;
      // Seed 003, enterprise type: newly registered in the city within three years (of any 2026 application date).
      if (app.category === 'enterprise') expect(Number(y) * 12 + Number(mo), `${app.id} ${reg}`).toBeGreaterThan(2023 * 12 + 12);
    }
  });
});

describe('the demo round', () => {
  const root = tempDir();
  let bundles: Bundle[];

  beforeAll(async () => {
    const out = join(root, 'demo');
    const summary = await generateDemo({ out });
    bundles = await bundlesOf(out, summary.experts);
  }, 120_000);

  it('writes on every score a comment of that criterion, good or weak by the score', () => {
    let checked = 0;
    for (const bundle of bundles)
      for (const review of bundle.applications) {
        const app = byId.get(review.applicationId)!;
        const criteria = new Map(scoredCriteria(rubricOf(app)).map(({ criterion }) => [criterion.id, criterion]));
        for (const s of review.scores) {
          const note = app.reviewNotes.criteria[s.criterionId]!;
          const good = (s.score ?? 0) >= 0.7 * scaleRange(criteria.get(s.criterionId)!.scale).max;
          expect(s.comment, `${review.applicationId} ${s.criterionId}`).toBe(bilingualText(good ? note.good : note.weak));
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(0);
  });

  it('gives every failed basic condition its reason, and A003 fails the alliance gate (G4)', () => {
    let failed = 0;
    for (const bundle of bundles)
      for (const review of bundle.applications)
        for (const g of review.gates) {
          if (g.score !== 0) continue;
          failed++;
          expect(g.comment.length, `${review.applicationId} ${g.criterionId}`).toBeGreaterThan(10);
          expect([review.applicationId, g.criterionId]).toEqual(['A003', 'G4']);
          expect(g.comment).toContain('联盟');
          expect(review.opinion).toContain('基本条件“联盟构成”不符合');
        }
    expect(failed).toBeGreaterThan(0);
  });

  it('writes opinions whose strengths are well-scored criteria and whose weaknesses are low-scored ones', () => {
    for (const bundle of bundles)
      for (const review of bundle.applications) {
        if (review.status !== 'complete') continue;
        const app = byId.get(review.applicationId)!;
        const rubric = rubricOf(app);
        expect(review.opinion.startsWith('专家意见：')).toBe(true);
        for (const { criterion } of scoredCriteria(rubric)) {
          const s = review.scores.find((x) => x.criterionId === criterion.id)!;
          const good = (s.score ?? 0) >= 0.7 * scaleRange(criterion.scale).max;
          const note = app.reviewNotes.criteria[criterion.id]!;
          // The opinion may quote the note matching the score, never the other one.
          expect(review.opinion.includes(good ? note.weak['zh-CN'] : note.good['zh-CN']), `${app.id} ${criterion.id}`).toBe(false);
        }
      }
  });
});
