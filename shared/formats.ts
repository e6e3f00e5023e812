/**
 * Schemas of the files ReviewDesk exchanges: the review package manifest
 * (`manifest.json` in a `.rpkg`), the score bundle (`bundle.json` in a `.rsb`)
 * and the secretariat's round folder (`round.json`). All are strict: unknown
 * keys, wrong versions and oversized values are refused. See docs/formats.md.
 */
import { z } from 'zod';
import { Card, Fingerprint } from './card.ts';
import { LocalizedText } from './i18n-text.ts';
import { Id } from './rubric/model.ts';
import { ApplicationProfile, ExpertProfile, RoundPrep } from './round/model.ts';
import { ItemEvidence, PHOTO_MEDIA_TYPES, PhotoEvidence, PhotoPath, SiteVisit, VISIT_LIMITS, photoExtension } from './visit/model.ts';

/**
 * Version 2: a round names several rubrics and each application its own (`rubricId`); a package carries
 * `rubrics/<id>.json` for each, and a score file records the rubric of each application.
 */
export const PACKAGE_SCHEMA_VERSION = 2;
export const BUNDLE_SCHEMA_VERSION = 2;
export const ROUND_SCHEMA_VERSION = 2;

/** SSHSIG namespaces: a signature made for one file kind never verifies as another. */
export const NS_PACKAGE = 'reviewdesk-package';
export const NS_SCORES = 'reviewdesk-scores';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
const Uuid = z.uuid();
const Timestamp = z.iso.datetime();

/** A dossier file name: no separators, no control characters, not "." or "..". */
export const FileName = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .regex(/^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$/, 'a plain file name');

/** Where a rubric lies in a package. */
export function rubricPath(rubricId: string): string {
  return `rubrics/${rubricId}.json`;
}

/** Paths inside a package: `rubrics/<rubricId>.json` or `dossiers/<applicationId>/<file>`. */
export const PackagePath = z.string().refine((p) => {
  const [top, app, file, ...rest] = p.split('/');
  if (top === 'rubrics' && file === undefined && app?.endsWith('.json')) return Id.safeParse(app.slice(0, -5)).success;
  return top === 'dossiers' && rest.length === 0 && Id.safeParse(app).success && FileName.safeParse(file).success;
}, 'rubrics/<rubricId>.json or dossiers/<applicationId>/<file>');

/** A rubric a package or round uses, by id and version. */
export const RubricRef = z.object({ id: Id, version: z.number().int().min(1) }).strict();
export type RubricRef = z.infer<typeof RubricRef>;

export const ManifestFile = z
  .object({
    path: PackagePath,
    size: z.number().int().min(0),
    mediaType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/)
      .max(100),
    sha256: Sha256,
  })
  .strict();
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ApplicationCategory = z.enum(['enterprise', 'non-enterprise']);

/** What identifies an application to the people reviewing it. */
const ApplicationInfo = z.object({
  id: Id,
  name: LocalizedText,
  organisation: LocalizedText,
  category: ApplicationCategory,
  field: LocalizedText.optional(),
});

/** A figure from an operation report: finite and of a size no indicator reaches (1e15 of any unit). */
const Figure = z.number().finite().min(-1e15).max(1e15).nullable();

/**
 * One row of a centre's annual operation report (年度运行发展报告): the target and the actual of an indicator row
 * (`rowId`) of an indicator criterion (`criterionId`) of the application's rubric; null where the report gives
 * none. The round and the package refuse an entry naming a criterion or row the rubric does not have.
 */
export const IndicatorValue = z
  .object({
    criterionId: Id,
    rowId: Id,
    target: Figure,
    actual: Figure,
    /** The report's own remark on the row (why a target was missed, how a figure is counted). */
    note: z.string().min(1).max(1000).optional(),
  })
  .strict();
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** The indicators of one application: at most one entry per row. */
export const IndicatorValues = z.array(IndicatorValue).max(500);

export const PackageApplication = ApplicationInfo.extend({
  /** The rubric (in the manifest's `rubrics`) this application is scored against: its category's. */
  rubricId: Id,
  /** Paths (in `files`) of this application's dossier. */
  files: z.array(PackagePath).max(1000),
  /** The centre's operation-report figures for the indicator rows of its rubric (annual evaluation, periodic assessment). */
  indicators: IndicatorValues.optional(),
}).strict();
export type PackageApplication = z.infer<typeof PackageApplication>;

export const RoundRef = z.object({ id: Id, title: LocalizedText }).strict();

export const Manifest = z
  .object({
    schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
    kind: z.literal('reviewdesk-package'),
    packageId: Uuid,
    round: RoundRef,
    deadline: Timestamp,
    createdAt: Timestamp,
    /** The secretariat's card; its key signs manifest.json.sig. */
    secretariat: Card,
    /** The expert this package is for. */
    expert: z.object({ id: Id, fingerprint: Fingerprint, displayName: z.string().min(1).max(100) }).strict(),
    /** Every rubric the package's applications use, each at `rubrics/<id>.json` (listed in `files`). */
    rubrics: z
      .array(RubricRef.extend({ path: z.string() }).strict())
      .min(1)
      .max(20),
    applications: z.array(PackageApplication).min(1).max(1000),
    files: z.array(ManifestFile).min(1).max(10000),
  })
  .strict()
  .superRefine((m, ctx) => {
    const paths = new Set<string>();
    for (const f of m.files) {
      if (paths.has(f.path.toLowerCase())) ctx.addIssue({ code: 'custom', message: `duplicate file ${f.path}`, path: ['files'] });
      paths.add(f.path.toLowerCase());
    }
    const rubrics = new Set<string>();
    m.rubrics.forEach((r, i) => {
      if (rubrics.has(r.id)) ctx.addIssue({ code: 'custom', message: `rubric ${r.id} is named twice`, path: ['rubrics', i] });
      rubrics.add(r.id);
      if (r.path !== rubricPath(r.id))
        ctx.addIssue({ code: 'custom', message: `rubric ${r.id} lies at ${rubricPath(r.id)}`, path: ['rubrics', i] });
      if (!paths.has(r.path.toLowerCase())) ctx.addIssue({ code: 'custom', message: `${r.path} is not listed`, path: ['files'] });
    });
    for (const f of m.files) {
      if (f.path.startsWith('rubrics/') && !m.rubrics.some((r) => r.path === f.path))
        ctx.addIssue({ code: 'custom', message: `${f.path} is not a rubric the manifest names`, path: ['files'] });
    }
    const used = new Set(m.applications.map((a) => a.rubricId));
    for (const r of m.rubrics)
      if (!used.has(r.id)) ctx.addIssue({ code: 'custom', message: `no application uses rubric ${r.id}`, path: ['rubrics'] });
    const ids = new Set<string>();
    m.applications.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', message: `duplicate application ${a.id}`, path: ['applications', i] });
      ids.add(a.id);
      if (!rubrics.has(a.rubricId))
        ctx.addIssue({
          code: 'custom',
          message: `${a.id} names rubric ${a.rubricId}, which the manifest does not carry`,
          path: ['applications', i, 'rubricId'],
        });
      for (const f of a.files) {
        if (!f.startsWith(`dossiers/${a.id}/`) || !paths.has(f.toLowerCase())) {
          ctx.addIssue({ code: 'custom', message: `${f} is not a listed file of ${a.id}`, path: ['applications', i, 'files'] });
        }
      }
    });
  });
export type Manifest = z.infer<typeof Manifest>;

/** A dossier file, and optionally its page. */
export const FileEvidence = z.object({ file: PackagePath, page: z.number().int().min(1).max(100000).optional() }).strict();

/**
 * Where a score is grounded: a dossier page, a photo of the application's site visit, or one of its checklist
 * items (考察要点). A photo or item named here must be in the same application's `siteVisit`.
 */
export const EvidenceRef = z.union([FileEvidence, PhotoEvidence, ItemEvidence]);
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const CriterionScore = z
  .object({
    criterionId: Id,
    /** Null while not yet scored; gates use 1 (pass) and 0 (fail). */
    score: z.number().finite().nullable(),
    comment: z.string().max(8000),
    evidence: z.array(EvidenceRef).max(20),
    updatedAt: Timestamp,
  })
  .strict();
export type CriterionScore = z.infer<typeof CriterionScore>;

export const ConflictDeclaration = z
  .object({
    /** `none`: declared no conflict; `recused`: the expert stands aside (回避). */
    status: z.enum(['none', 'recused']),
    /** Why (required for a recusal), e.g. 同一单位. */
    reason: z.string().max(2000),
    declaredAt: Timestamp,
  })
  .strict();

export const ApplicationReview = z
  .object({
    applicationId: Id,
    /** The rubric this application was scored against (its category's). */
    rubric: RubricRef,
    conflict: ConflictDeclaration,
    status: z.enum(['complete', 'in-progress', 'recused']),
    gates: z.array(CriterionScore).max(100),
    scores: z.array(CriterionScore).max(500),
    /** 专家意见: the overall written opinion. */
    opinion: z.string().max(20000),
    recommendation: Id.nullable(),
    /** Outcomes the rubric offers beside the main one (e.g. 支持争创国家级); absent when none was chosen. */
    additionalRecommendations: z.array(Id).max(20).optional(),
    /** The expert's site visit (现场考察) of this application; absent when none was recorded. */
    siteVisit: SiteVisit.optional(),
    updatedAt: Timestamp,
  })
  .strict()
  .superRefine((a, ctx) => {
    const photos = new Set((a.siteVisit?.photos ?? []).map((p) => p.path));
    const items = new Set((a.siteVisit?.items ?? []).map((x) => x.id));
    for (const [list, key] of [
      [a.gates, 'gates'],
      [a.scores, 'scores'],
    ] as const) {
      list.forEach((c, i) => {
        for (const e of c.evidence) {
          if ('photo' in e && !photos.has(e.photo))
            ctx.addIssue({
              code: 'custom',
              message: `${c.criterionId} cites ${e.photo}, not a photo of this visit`,
              path: [key, i, 'evidence'],
            });
          if ('siteVisitItem' in e && !items.has(e.siteVisitItem))
            ctx.addIssue({
              code: 'custom',
              message: `${c.criterionId} cites checklist item ${e.siteVisitItem}, not answered in this visit`,
              path: [key, i, 'evidence'],
            });
        }
      });
    }
    if (a.siteVisit) {
      const prefix = `attachments/${a.applicationId}-`;
      a.siteVisit.photos.forEach((p, i) => {
        if (!p.path.startsWith(prefix))
          ctx.addIssue({ code: 'custom', message: `${p.path} does not start with ${prefix}`, path: ['siteVisit', 'photos', i, 'path'] });
      });
    }
    if (a.conflict.status === 'recused') {
      if (a.status !== 'recused') ctx.addIssue({ code: 'custom', message: 'a recused application has status recused', path: ['status'] });
      if (a.scores.length || a.gates.length)
        ctx.addIssue({ code: 'custom', message: 'a recused application carries no scores', path: ['scores'] });
      if (!a.conflict.reason.trim()) ctx.addIssue({ code: 'custom', message: 'a recusal needs a reason', path: ['conflict', 'reason'] });
    }
  });
export type ApplicationReview = z.infer<typeof ApplicationReview>;

export const Attachment = z
  .object({
    path: PhotoPath,
    size: z.number().int().min(0).max(VISIT_LIMITS.maxPhotoBytes),
    mediaType: z.string().max(100),
    sha256: Sha256,
  })
  .strict();

export const Bundle = z
  .object({
    schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
    kind: z.literal('reviewdesk-scores'),
    packageId: Uuid,
    /** SHA-256 of the `.rpkg` file as received. */
    packageSha256: Sha256,
    roundId: Id,
    /** The rubrics of the package (each application names its own). */
    rubrics: z.array(RubricRef).min(1).max(20),
    expertFingerprint: Fingerprint,
    /** The expert's card; its key signs bundle.json.sig. */
    expert: Card,
    /** Goes up with every export; the highest revision supersedes the rest. */
    revision: z.number().int().min(1).max(1_000_000),
    appVersion: z.string().max(50),
    createdAt: Timestamp,
    applications: z.array(ApplicationReview).max(2000),
    /** Files under attachments/ (site-visit photos), each hashed. */
    attachments: z.array(Attachment).max(VISIT_LIMITS.maxBundlePhotos),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.expert.fingerprint !== b.expertFingerprint) {
      ctx.addIssue({ code: 'custom', message: 'expertFingerprint differs from the card', path: ['expertFingerprint'] });
    }
    const ids = new Set<string>();
    b.applications.forEach((a, i) => {
      if (ids.has(a.applicationId))
        ctx.addIssue({ code: 'custom', message: `duplicate application ${a.applicationId}`, path: ['applications', i] });
      ids.add(a.applicationId);
      if (!b.rubrics.some((r) => r.id === a.rubric.id && r.version === a.rubric.version))
        ctx.addIssue({
          code: 'custom',
          message: `${a.applicationId} names a rubric the bundle does not list`,
          path: ['applications', i, 'rubric'],
        });
    });
    // Every photo of every visit is an attachment of its media type, and every attachment is some visit's photo.
    const listed = new Map<string, z.infer<typeof Attachment>>();
    b.attachments.forEach((x, i) => {
      if (listed.has(x.path.toLowerCase()))
        ctx.addIssue({ code: 'custom', message: `duplicate attachment ${x.path}`, path: ['attachments', i] });
      listed.set(x.path.toLowerCase(), x);
    });
    const total = b.attachments.reduce((n, x) => n + x.size, 0);
    if (total > VISIT_LIMITS.maxBundlePhotoBytes)
      ctx.addIssue({
        code: 'custom',
        message: `attachments total ${total} bytes, over ${VISIT_LIMITS.maxBundlePhotoBytes}`,
        path: ['attachments'],
      });
    const cited = new Set<string>();
    b.applications.forEach((a, i) => {
      a.siteVisit?.photos.forEach((p, j) => {
        const x = listed.get(p.path.toLowerCase());
        cited.add(p.path.toLowerCase());
        if (!x || x.path !== p.path)
          ctx.addIssue({
            code: 'custom',
            message: `${p.path} is not listed in attachments`,
            path: ['applications', i, 'siteVisit', 'photos', j],
          });
        else if (
          !(PHOTO_MEDIA_TYPES as readonly string[]).includes(x.mediaType) ||
          !p.path.endsWith(`.${photoExtension(x.mediaType as 'image/jpeg')}`)
        )
          ctx.addIssue({ code: 'custom', message: `${p.path} is listed as ${x.mediaType}`, path: ['attachments'] });
      });
    });
    b.attachments.forEach((x, i) => {
      if (!cited.has(x.path.toLowerCase()))
        ctx.addIssue({ code: 'custom', message: `${x.path} is no visit's photo`, path: ['attachments', i] });
    });
  });
export type Bundle = z.infer<typeof Bundle>;

/** The secretariat's round folder: what `reviewdesk pack` reads. */
export const RoundFile = z
  .object({
    schemaVersion: z.literal(ROUND_SCHEMA_VERSION),
    kind: z.literal('reviewdesk-round'),
    round: RoundRef,
    deadline: Timestamp,
    /** The round's rubrics: each id with the path of its JSON, relative to the round folder. */
    rubrics: z
      .array(z.object({ id: Id, path: z.string().min(1).max(200) }).strict())
      .min(1)
      .max(20),
    /** The expert pool: each expert's card (a path in the round folder) and what the roster says of them. */
    experts: z.array(z.object({ id: Id, card: z.string().min(1).max(200), ...ExpertProfile }).strict()).max(2000),
    applications: z
      .array(
        ApplicationInfo.extend({
          /** The rubric (in `rubrics`) for this application: one that applies to its category. */
          rubricId: Id,
          /** Folder of dossier files, relative to the round folder. */
          dossier: z.string().min(1).max(200),
          /** The centre's operation-report figures for the indicator rows of its rubric; copied into the manifest. */
          indicators: IndicatorValues.optional(),
          ...ApplicationProfile,
        }).strict(),
      )
      .max(5000),
    /** Which expert reviews which applications: expertId → applicationIds. Absent or empty until the draw writes it. */
    assignments: z.record(Id, z.array(Id).min(1)).default({}),
    ...RoundPrep,
  })
  .strict();
export type RoundFile = z.infer<typeof RoundFile>;
