/**
 * The one typed contract between the renderer and the Node side. Each channel
 * is `domain:verb` with a zod schema for its input and its output; handlers in
 * `electron/handlers/` implement it, the renderer's `renderer/api/client.ts`
 * calls it, and both the Electron glue and the browser host dispatch through
 * the same table. Results cross as an {@link Envelope}.
 */
import { z } from 'zod';
import { Card, Fingerprint } from '../card.ts';
import { ERRORS, type ErrorCode } from '../errors.ts';
import { ApplicationCategory, EvidenceRef, Manifest } from '../formats.ts';
import { LOCALES, LocalizedText } from '../i18n-text.ts';
import type { CombinedRanking, PanelResult } from '../merge/aggregate.ts';
import { Id, Rubric, Stage } from '../rubric/model.ts';
import { Adjustment, ConflictReason, Expertise, Issued, PanelSettings, RelationshipKind, Shortfall } from '../round/model.ts';
import { StagedFile } from './wire.ts';
import { Attendee, ItemResult, PHOTO_MEDIA_TYPES, PhotoPath, VISIT_LIMITS } from '../visit/model.ts';
import { MAX_CITED_PHOTOS, PhotoCitation } from '../merge/model.ts';

const Empty = z.object({}).strict();
const Timestamp = z.string();
const PackageId = z.uuid();
const Bytes = z.instanceof(Uint8Array);
/** A file's bytes: in memory, or (over the browser host) streamed to a file that the host created; see StagedFile. */
const FileBytes = z.union([Bytes, z.instanceof(StagedFile)]);
export const Locale = z.enum(LOCALES);

/** How the identity's secret keys are protected at rest. */
export const Protection = z.enum(['safeStorage', 'passphrase']);

export const IdentityState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }).strict(),
  z.object({ status: z.literal('locked'), card: Card, protection: Protection }).strict(),
  z.object({ status: z.literal('unlocked'), card: Card, protection: Protection }).strict(),
]);
export type IdentityState = z.infer<typeof IdentityState>;

/** Per-application progress, as the home screen shows it. */
export const Progress = z
  .object({
    /** Scored criteria (gates included) out of all criteria. */
    scored: z.number().int(),
    total: z.number().int(),
    /** Criteria whose comment rule is not yet met. */
    missingComments: z.number().int(),
    /** Gates marked fail. */
    failedGates: z.number().int(),
  })
  .strict();

export const ConflictState = z
  .object({ status: z.enum(['none', 'recused']), reason: z.string(), declaredAt: Timestamp })
  .strict()
  .nullable();

export const ApplicationSummary = z
  .object({
    id: Id,
    name: LocalizedText,
    organisation: LocalizedText,
    category: ApplicationCategory,
    /** The rubric (its category's) the application is scored against. */
    rubricId: Id,
    field: LocalizedText.optional(),
    files: z.array(z.object({ path: z.string(), size: z.number(), mediaType: z.string() }).strict()),
    conflict: ConflictState,
    progress: Progress,
    /** Weighted total of the scores given so far (missing scores left out). */
    total: z.number(),
    /** Everything required is there: gates, scores, comments, opinion, recommendation. */
    complete: z.boolean(),
  })
  .strict();
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const PackageSummary = z
  .object({
    packageId: PackageId,
    fileName: z.string(),
    round: z.object({ id: Id, title: LocalizedText }).strict(),
    deadline: Timestamp,
    importedAt: Timestamp,
    signer: z.object({ fingerprint: z.string(), displayName: z.string(), organisation: z.string() }).strict(),
    expert: z.object({ id: Id, displayName: z.string() }).strict(),
    /** The package's rubrics, in the manifest's order (one per category it holds). */
    rubrics: z.array(z.object({ id: Id, version: z.number(), title: LocalizedText }).strict()).min(1),
    pledgeAcceptedAt: Timestamp.nullable(),
    applications: z.number().int(),
    completeApplications: z.number().int(),
    recusedApplications: z.number().int(),
    lastExport: z.object({ revision: z.number().int(), at: Timestamp, sha256: z.string() }).strict().nullable(),
    /** The package changed since the last export (or was never exported). */
    changedSinceExport: z.boolean(),
  })
  .strict();
export type PackageSummary = z.infer<typeof PackageSummary>;

/** A file in exports/ that no record accounted for, moved to exports/set-aside/ when the workspace opened. */
export const ExportNotice = z
  .object({
    fileName: z.string(),
    /** Where it is now, relative to the workspace folder. */
    storedPath: z.string(),
    /** unrecorded: no export record names it; mismatch: its bytes are not those its record names. */
    reason: z.enum(['unrecorded', 'mismatch']),
    /** The revision its name claims (never handed out again), when it names a package of this workspace. */
    revision: z.number().int().nullable(),
    at: Timestamp,
  })
  .strict();
export type ExportNotice = z.infer<typeof ExportNotice>;

/**
 * A package held, still encrypted and unopened, until the expert decides on
 * its signer: only what the trust screen shows. Its signature was verified
 * against the card's key before this is asked.
 */
export const PendingSigner = z
  .object({
    pendingId: z.string(),
    fileName: z.string(),
    /** The signing card's fingerprint: what the expert confirms by phone. */
    fingerprint: Fingerprint,
    /** The card's labels, as the card states them (unconfirmed). */
    organisation: z.string(),
    displayName: z.string(),
  })
  .strict();
export type PendingSigner = z.infer<typeof PendingSigner>;

export const ImportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), package: PackageSummary }).strict(),
  z.object({ status: z.literal('needsTrust'), pending: PendingSigner }).strict(),
]);
export type ImportResult = z.infer<typeof ImportResult>;

/** A secretariat key the expert trusts, with the labels its card had when it was accepted. */
export const SecretariatPin = z
  .object({
    fingerprint: Fingerprint,
    organisation: z.string(),
    displayName: z.string(),
    pinnedAt: Timestamp,
    /** confirmed on the trust screen, set up by the demo, or carried over from a per-round pin (never confirmed). */
    how: z.enum(['confirmed', 'demo', 'round-pin']),
    /** Imported packages signed by this key. */
    packages: z.number().int(),
  })
  .strict();
export type SecretariatPin = z.infer<typeof SecretariatPin>;

export const AppState = z
  .object({
    locale: Locale,
    identity: IdentityState,
    /** Whether the OS keychain (Electron safeStorage) really protects secrets here. */
    safeStorage: z.object({ available: z.boolean(), backend: z.string() }).strict(),
    packages: z.array(PackageSummary),
    /** The renderer route the reviewer was last on, restored on start. */
    lastLocation: z.string().max(500).nullable(),
    /** Export files set aside on open that the reviewer has not dismissed yet. */
    exportNotices: z.array(ExportNotice),
  })
  .strict();
export type AppState = z.infer<typeof AppState>;

export const PackageDetail = z
  .object({
    summary: PackageSummary,
    manifest: Manifest,
    /** Every rubric of the package; each application names its own (`rubricId`). */
    rubrics: z.array(Rubric).min(1),
    applications: z.array(ApplicationSummary),
  })
  .strict();
export type PackageDetail = z.infer<typeof PackageDetail>;

export const CriterionState = z
  .object({ score: z.number().nullable(), comment: z.string(), evidence: z.array(EvidenceRef), updatedAt: Timestamp })
  .strict();
export type CriterionState = z.infer<typeof CriterionState>;

/** Everything the reviewer has entered for one application. */
export const ReviewState = z
  .object({
    packageId: PackageId,
    applicationId: Id,
    conflict: ConflictState,
    /** By criterion id (gates and scored criteria). Absent: never touched. */
    criteria: z.record(z.string(), CriterionState),
    opinion: z.string(),
    recommendation: Id.nullable(),
    /** Outcomes chosen beside the main one (the rubric's `additional` ones for this category), in rubric order. */
    additionalRecommendations: z.array(Id),
    updatedAt: Timestamp.nullable(),
  })
  .strict();
export type ReviewState = z.infer<typeof ReviewState>;

/** At most as many additional outcomes as a rubric has outcomes, each once. */
export const AdditionalRecommendations = z
  .array(Id)
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, 'an additional outcome is chosen at most once');

/** One edit of a review field; every edit is audited. */
export const ReviewEdit = z.discriminatedUnion('field', [
  z.object({ field: z.literal('score'), criterionId: Id, value: z.number().finite().nullable() }).strict(),
  z.object({ field: z.literal('comment'), criterionId: Id, value: z.string().max(8000) }).strict(),
  z.object({ field: z.literal('evidence'), criterionId: Id, value: z.array(EvidenceRef).max(20) }).strict(),
  z.object({ field: z.literal('opinion'), value: z.string().max(20000) }).strict(),
  z.object({ field: z.literal('recommendation'), value: Id.nullable() }).strict(),
  /** The whole set of additional outcomes (支持争创国家级 …); `[]` clears them. */
  z.object({ field: z.literal('additionalRecommendations'), value: AdditionalRecommendations }).strict(),
]);
export type ReviewEdit = z.infer<typeof ReviewEdit>;

/** Which page wrote an edit (random per page load) and the edit's place among that page's edits. */
export const EditOrder = z.object({ writer: z.string().min(8).max(64), seq: z.number().int().min(1) }).strict();
export type EditOrder = z.infer<typeof EditOrder>;

/** Acknowledgement of a committed write: the UI says "saved" only on this. */
export const Saved = z.object({ savedAt: Timestamp, auditId: z.number().int().nullable(), application: ApplicationSummary }).strict();
export type Saved = z.infer<typeof Saved>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    packageId: PackageId,
    applicationId: Id,
    /** `score`, `comment`, `evidence`, `opinion`, `recommendation`, `additionalRecommendations`, `conflict` or `restore`. */
    field: z.string(),
    criterionId: Id.nullable(),
    /** JSON text of the value before and after (null: there was none). */
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What is still missing before a bundle is complete. */
export const ValidationIssue = z
  .object({
    applicationId: Id,
    criterionId: Id.nullable(),
    kind: z.enum([
      'conflictUndeclared',
      'gateMissing',
      'scoreMissing',
      'commentMissing',
      'commentTooShort',
      'opinionMissing',
      'recommendationMissing',
      /** A site-visit checklist item not answered (criterionId names the item), or 不符合 without its note. */
      'siteVisitItemMissing',
      'siteVisitNoteMissing',
      /** A site visit recorded without its 现场考察意见. */
      'siteVisitOpinionMissing',
    ]),
  })
  .strict();
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const Validation = z.object({ complete: z.boolean(), issues: z.array(ValidationIssue) }).strict();
export type Validation = z.infer<typeof Validation>;

export const ExportResult = z
  .object({
    revision: z.number().int(),
    fileName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    /** The file's bytes, when it is small enough to hand back whole; a larger one is read by `bundle:readExport`. */
    bytes: Bytes.optional(),
    complete: z.boolean(),
  })
  .strict();

/** A file handed over by the renderer: its name (no folder) and its bytes. */
const NamedFile = z.object({ fileName: z.string().min(1).max(255), bytes: Bytes }).strict();

/** How the panel's figures are combined (docs/formats.md, "Aggregation"). */
export const MergeOptions = z
  .object({
    method: z.enum(['mean', 'median', 'trimmed']).default('mean'),
    /** Trimmed mean: drop the k highest and k lowest… */
    trimK: z.number().int().min(1).max(10).default(1),
    /** …only when at least this many scores stay. */
    minRemaining: z.number().int().min(1).max(50).default(3),
    normalise: z.boolean().default(false),
    includeInProgress: z.boolean().default(false),
    /** Also rank every rubric's applications on one scale (only when the rubrics share a total: E_COMBINED_RANKING). */
    combined: z.boolean().default(false),
  })
  .strict();
export type MergeOptions = z.infer<typeof MergeOptions>;

export const VerdictStatus = z.enum(['accepted', 'superseded', 'duplicate', 'refused', 'pending']);

/** One stored score bundle file and its verdict, recomputed over every stored file. */
export const MergeFile = z
  .object({
    /** 1-based, in import order. */
    n: z.number().int().min(1),
    fileName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    importedAt: Timestamp,
    status: VerdictStatus,
    code: z.string().nullable(),
    reason: LocalizedText,
    expertId: Id.nullable(),
    revision: z.number().int().nullable(),
    /** For superseded and duplicate files: the file that counts instead. */
    by: z.string().nullable(),
  })
  .strict();
export type MergeFile = z.infer<typeof MergeFile>;

export const CompletenessCell = z.enum(['scored', 'recused', 'in-progress', 'missing', 'not-assigned']);

export const MergeState = z
  .object({
    /** The verified issue ledger of the round, or null before it is imported. */
    ledger: z
      .object({
        fileName: z.string(),
        sha256: z.string(),
        importedAt: Timestamp,
        round: z.object({ id: Id, title: LocalizedText }).strict(),
        /** The round's rubrics, with how many applications each is for. */
        rubrics: z
          .array(
            z
              .object({
                id: Id,
                version: z.number(),
                title: LocalizedText,
                totalPoints: z.number(),
                passThreshold: z.number(),
                scoringDefault: z.boolean(),
                applications: z.number().int(),
              })
              .strict(),
          )
          .min(1),
        createdAt: Timestamp,
        experts: z.number().int(),
        applications: z.number().int(),
      })
      .strict()
      .nullable(),
    files: z.array(MergeFile),
    /** Experts × applications (null without a ledger). */
    matrix: z
      .object({
        experts: z.array(
          z
            .object({
              expertId: Id,
              displayName: z.string(),
              organisation: z.string(),
              fingerprint: z.string(),
              revision: z.number().int().nullable(),
            })
            .strict(),
        ),
        applications: z.array(z.object({ id: Id, name: LocalizedText, organisation: LocalizedText, rubricId: Id }).strict()),
        /** expertId → applicationId → cell. */
        cells: z.record(z.string(), z.record(z.string(), CompletenessCell)),
        counts: z.record(CompletenessCell, z.number().int()),
      })
      .strict()
      .nullable(),
    /** Applications with a recorded consensus. */
    consensusCount: z.number().int(),
  })
  .strict();
export type MergeState = z.infer<typeof MergeState>;

/** One expert's review of one application, with comments, for the detail view. */
export const MergeReview = z
  .object({
    expertId: Id,
    status: z.enum(['complete', 'in-progress', 'recused']),
    conflictReason: z.string(),
    gates: z.array(z.object({ criterionId: Id, score: z.number().nullable(), comment: z.string() }).strict()),
    scores: z.record(z.string(), z.number().nullable()),
    comments: z.record(z.string(), z.string()),
    opinion: z.string(),
    recommendation: Id.nullable(),
    updatedAt: Timestamp,
  })
  .strict();
export type MergeReview = z.infer<typeof MergeReview>;

/** One problem of an import: the sheet row (0 = the file or its headers), the column and why. */
export const ImportProblem = z
  .object({
    row: z.number().int(),
    column: z.string().optional(),
    code: z.string(),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }).strict(),
    /** The expert or application the problem is about, where it names one (E_CARD_CHANGED: the expert to accept). */
    subject: Id.optional(),
  })
  .strict();

/** What an import read, added, updated and refused; with any problem, nothing was changed. */
export const ImportReport = z
  .object({
    read: z.number().int(),
    added: z.array(Id),
    updated: z.array(Id),
    problems: z.array(ImportProblem),
    warnings: z.array(ImportProblem),
    applied: z.boolean(),
  })
  .strict();
export type ImportReport = z.infer<typeof ImportReport>;

/** The secretariat's round in preparation (the round folder in the workspace), as the round screens show it. */
export const RoundState = z
  .object({
    round: z
      .object({
        id: Id,
        title: LocalizedText,
        stage: Stage.nullable(),
        deadline: Timestamp,
        panel: PanelSettings,
        rubrics: z.array(z.object({ id: Id, version: z.number(), title: LocalizedText, appliesTo: z.array(ApplicationCategory) }).strict()),
        applications: z.array(
          z
            .object({
              id: Id,
              name: LocalizedText,
              organisation: LocalizedText,
              category: ApplicationCategory,
              field: LocalizedText.nullable(),
              rubricId: Id,
              files: z.number().int(),
              shareholders: z.array(z.string()),
              allianceMembers: z.array(z.string()),
              excludedExperts: z.array(z.object({ expert: z.string(), reason: z.string() }).strict()),
              contact: z.string().nullable(),
            })
            .strict(),
        ),
        experts: z.array(
          z
            .object({
              id: Id,
              name: z.string(),
              organisation: z.string(),
              fingerprint: Fingerprint,
              fields: z.array(z.string()),
              expertise: z.array(Expertise),
              available: z.boolean(),
              formerOrganisations: z.array(z.object({ name: z.string(), until: z.number().int() }).strict()),
              relationships: z.array(z.object({ kind: RelationshipKind, target: z.string(), note: z.string() }).strict()),
            })
            .strict(),
        ),
        conflicts: z.array(
          z
            .object({
              expertId: Id,
              applicationId: Id,
              findings: z.array(
                z.object({ reason: ConflictReason, detail: z.string(), relationship: RelationshipKind.optional() }).strict(),
              ),
              decision: z
                .object({ decision: z.enum(['confirmed', 'overridden']), reason: z.string(), at: Timestamp })
                .strict()
                .nullable(),
            })
            .strict(),
        ),
        unmatchedExclusions: z.array(z.object({ applicationId: Id, expert: z.string() }).strict()),
        draw: z
          .object({
            seed: z.string(),
            drawnAt: Timestamp,
            algorithm: z.string(),
            signed: z.boolean(),
            perApplication: z.number().int(),
            reserves: z.number().int(),
            shortfalls: z.array(Shortfall),
            inputs: z.object({ pool: z.string(), applications: z.string(), conflicts: z.string() }).strict(),
          })
          .strict()
          .nullable(),
        assignments: z.record(z.string(), z.array(Id)),
        reserves: z.record(z.string(), z.array(Id)),
        adjustments: z.array(Adjustment),
        issued: z.record(z.string(), Issued),
        /** The packages last built, in the workspace, ready to save. */
        packages: z.array(
          z.object({ expertId: Id, fileName: z.string(), size: z.number().int(), sha256: z.string(), packageId: z.string() }).strict(),
        ),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type RoundState = z.infer<typeof RoundState>;

const RoundImportFile = z.object({ fileName: z.string().min(1).max(255), bytes: Bytes }).strict();

/**
 * The aggregation's output is a large plain structure computed on the Node
 * side by shared/merge/aggregate.ts (typed there, tested there); here it is
 * only checked to be an object rather than duplicated as a second schema.
 */
const PanelResultSchema = z.custom<PanelResult>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as PanelResult).applications),
);

export const MergeResults = z
  .object({
    /** The figures of the applications of one rubric: they are ranked among themselves only. */
    result: PanelResultSchema,
    rubric: Rubric,
    /** Every rubric of the round, in the ledger's order (the one shown is `rubric`). */
    groups: z.array(z.object({ id: Id, title: LocalizedText, applications: z.number().int() }).strict()),
    /** The ranking across rubrics, when the options ask for it. */
    combined: z
      .custom<CombinedRanking>((v) => typeof v === 'object' && v !== null && Array.isArray((v as CombinedRanking).ranking))
      .nullable(),
    /** applicationId → every accepted review of it. */
    reviews: z.record(z.string(), z.array(MergeReview)),
  })
  .strict();
export type MergeResults = z.infer<typeof MergeResults>;

/** One site-visit photo the secretary cites: whose visit (card fingerprint) and the photo's path in that score file. */
export const CitationInput = z.object({ expertFingerprint: Fingerprint, photo: PhotoPath }).strict();
export type CitationInput = z.infer<typeof CitationInput>;

/** What the secretary records after the panel's discussion (kept apart from computed figures). */
export const ConsensusInput = z
  .object({
    applicationId: Id,
    score: z.number().finite().min(0).nullable(),
    gradeId: Id.nullable().default(null),
    recommendation: Id.nullable().default(null),
    text: z.string().max(20000),
    /** The panel's decision on eligibility (基本条件): null until it decides. */
    eligible: z.boolean().nullable().default(null),
    /**
     * Site-visit photos the consensus cites: each must be in that expert's visit of this application in the
     * accepted score file (E_EVIDENCE_PHOTO otherwise); recorded with the expert's id and the photo's SHA-256.
     */
    evidence: z.array(CitationInput).max(MAX_CITED_PHOTOS).default([]),
  })
  .strict();

export const ConsensusRecord = z
  .object({
    applicationId: Id,
    score: z.number().nullable(),
    gradeId: Id.nullable(),
    recommendation: Id.nullable(),
    text: z.string(),
    recordedBy: z.string(),
    recordedAt: Timestamp,
    /** Null: not decided (records made before the panel decided eligibility have none). */
    eligible: z.boolean().nullable().default(null),
    /** The site-visit photos it cites; absent when it cites none. */
    evidence: z.array(PhotoCitation).min(1).optional(),
  })
  .strict();
export type ConsensusRecord = z.infer<typeof ConsensusRecord>;

/** A photo of a site visit as the merge lists it: what the expert recorded and what the signed bundle.json lists of its file. */
export const MergeVisitPhoto = z
  .object({
    /** Its path in the expert's score file (`attachments/…`). */
    path: z.string(),
    caption: z.string(),
    takenAt: Timestamp.nullable(),
    addedAt: Timestamp,
    itemIds: z.array(Id),
    criterionIds: z.array(Id),
    /** Degrees clockwise to turn it for viewing (after its EXIF orientation), as the expert set it. */
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    keptOriginal: z.boolean(),
    size: z.number().int(),
    mediaType: z.string(),
    sha256: z.string(),
  })
  .strict();
export type MergeVisitPhoto = z.infer<typeof MergeVisitPhoto>;

/** One expert's site visit of one application, from the expert's accepted score file. */
export const MergeExpertVisit = z
  .object({
    expertId: Id,
    name: z.string(),
    organisation: z.string(),
    fingerprint: Fingerprint,
    /** The revision of the score file that counts, and its SHA-256. */
    revision: z.number().int(),
    fileSha256: z.string(),
    visitedAt: z.string(),
    place: z.string(),
    attendees: z.array(Attendee),
    items: z.array(z.object({ id: Id, result: ItemResult, note: z.string() }).strict()),
    notes: z.string(),
    /** 现场考察意见. */
    opinion: z.string(),
    photos: z.array(MergeVisitPhoto),
  })
  .strict();
export type MergeExpertVisit = z.infer<typeof MergeExpertVisit>;

/** The site visits of one application: every checklist item (考察要点) with its counts and flag, and each visiting expert's record. */
export const MergeVisits = z
  .object({
    applicationId: Id,
    /** The rubric's checklist in its order, then any item only a visit names (`inRubric` false). */
    items: z.array(
      z
        .object({
          id: Id,
          title: LocalizedText,
          guidance: LocalizedText.nullable(),
          inRubric: z.boolean(),
          meets: z.number().int(),
          fails: z.number().int(),
          na: z.number().int(),
          unanswered: z.number().int(),
          /** Someone answered 不符合. */
          flagged: z.boolean(),
        })
        .strict(),
    ),
    /** The experts whose accepted score file records a visit of it, in id order (empty when nobody visited). */
    experts: z.array(MergeExpertVisit),
  })
  .strict();
export type MergeVisits = z.infer<typeof MergeVisits>;

export const ConsensusAuditEntry = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    applicationId: Id,
    recordedBy: z.string(),
    oldValue: ConsensusRecord.nullable(),
    newValue: ConsensusRecord.nullable(),
  })
  .strict();
export type ConsensusAuditEntry = z.infer<typeof ConsensusAuditEntry>;

export const ExportKind = z.enum(['xlsx', 'csv', 'pdf', 'result']);
export type ExportKind = z.infer<typeof ExportKind>;

/** A built-in rubric template: what the list shows, and the template itself to start from and to compare with. */
export const RubricTemplate = z
  .object({
    id: Id,
    version: z.number().int(),
    title: LocalizedText,
    stage: Stage,
    appliesTo: z.array(ApplicationCategory),
    rubric: Rubric,
  })
  .strict();
export type RubricTemplate = z.infer<typeof RubricTemplate>;

const BothTexts = z.object({ 'zh-CN': z.string(), en: z.string() }).strict();

/** One problem of a rubric: its path, that path in words and what is wrong, both in both languages. */
export const RubricProblem = z.object({ path: z.array(z.union([z.string(), z.number()])), where: BothTexts, message: BothTexts }).strict();

export const RubricFormat = z.enum(['json', 'xlsx']);

/** One site-visit photo as the visit screen shows it (its bytes come by `visit:photo`). */
export const VisitPhotoState = z
  .object({
    id: Id,
    /** Its path in the score file. */
    path: z.string(),
    mediaType: z.enum(PHOTO_MEDIA_TYPES),
    size: z.number().int(),
    sha256: z.string(),
    caption: z.string(),
    takenAt: Timestamp.nullable(),
    addedAt: Timestamp,
    itemIds: z.array(Id),
    criterionIds: z.array(Id),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    keptOriginal: z.boolean(),
    /** Whether the original had a location (removed unless kept). */
    hadLocation: z.boolean(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .strict();
export type VisitPhotoState = z.infer<typeof VisitPhotoState>;

/** An application's site visit in the workspace: the rubric's checklist, what was recorded, and what is missing. */
export const VisitState = z
  .object({
    packageId: PackageId,
    applicationId: Id,
    checklist: z.array(z.object({ id: Id, title: LocalizedText, guidance: LocalizedText }).strict()),
    /** Null before anything was recorded. */
    visit: z
      .object({
        visitedAt: z.string(),
        place: z.string(),
        attendees: z.array(Attendee),
        items: z.array(z.object({ id: Id, result: ItemResult, note: z.string(), updatedAt: Timestamp }).strict()),
        notes: z.string(),
        opinion: z.string(),
        updatedAt: Timestamp,
      })
      .strict()
      .nullable(),
    photos: z.array(VisitPhotoState),
    gaps: z
      .object({ unanswered: z.array(Id), failsWithoutNote: z.array(Id), opinionMissing: z.boolean(), placeMissing: z.boolean() })
      .strict(),
    /** The acknowledgement of the change that returned this state (null for `visit:get` and unchanged edits). */
    savedAt: Timestamp.nullable(),
    auditId: z.number().int().nullable(),
    /** Photos `visit:addPhotos` refused, each with its reason. */
    refused: z.array(
      z.object({ fileName: z.string(), code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }).strict() }).strict(),
    ),
  })
  .strict();
export type VisitState = z.infer<typeof VisitState>;

export const VisitEdit = z.discriminatedUnion('field', [
  z.object({ field: z.literal('visitedAt'), value: z.iso.date() }).strict(),
  z.object({ field: z.literal('place'), value: z.string().max(500) }).strict(),
  z.object({ field: z.literal('attendees'), value: z.array(Attendee).max(VISIT_LIMITS.attendees) }).strict(),
  z.object({ field: z.literal('notes'), value: z.string().max(VISIT_LIMITS.notes) }).strict(),
  z.object({ field: z.literal('opinion'), value: z.string().max(VISIT_LIMITS.opinion) }).strict(),
  /** A checklist item: its result (null clears the answer) and note. */
  z.object({ field: z.literal('item'), itemId: Id, result: ItemResult.nullable(), note: z.string().max(VISIT_LIMITS.note) }).strict(),
]);
export type VisitEdit = z.infer<typeof VisitEdit>;

const PackageRef = z.object({ packageId: PackageId }).strict();
const AppRef = z.object({ packageId: PackageId, applicationId: Id }).strict();

function channel<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): { doc: string; input: I; output: O } {
  return { doc, input, output };
}

/** Every channel: `domain:verb` → input and output schemas, with what it does. */
export const CONTRACT = {
  'app:state': channel('Where the reviewer was: language, identity, packages and last location.', Empty, AppState),
  'settings:set': channel(
    'Saves the interface language and/or the last location.',
    z.object({ locale: Locale.optional(), lastLocation: z.string().max(500).nullable().optional() }).strict(),
    AppState,
  ),
  'identity:create': channel(
    'First run: creates the identity. The passphrase is required where safeStorage is not real protection.',
    z
      .object({
        /** An expert reviews; a secretariat merges the panel's score bundles. */
        role: z.enum(['expert', 'secretariat']).default('expert'),
        // Lengths here; one line of text each is createIdentity's own check (E_CARD_TEXT, in both languages).
        displayName: Card.shape.displayName,
        organisation: Card.shape.organisation,
        fields: Card.shape.fields,
        passphrase: z.string().min(8).max(1024).nullable(),
      })
      .strict(),
    AppState,
  ),
  'identity:unlock': channel(
    'Unlocks passphrase-protected secret keys for this session.',
    z.object({ passphrase: z.string().max(1024) }).strict(),
    AppState,
  ),
  'identity:card': channel(
    'The public card to send to the secretariat, as the card.json text.',
    Empty,
    z.object({ card: Card, fileName: z.string(), json: z.string() }).strict(),
  ),
  'package:import': channel(
    'Checks a .rpkg and keeps it (still encrypted) in the workspace; a refused package changes nothing. From a secretariat key not yet trusted, nothing is kept or shown: needsTrust, until trust:accept or trust:refuse.',
    z.object({ fileName: z.string().max(255), bytes: FileBytes }).strict(),
    ImportResult,
  ),
  'trust:accept': channel(
    "Trusts the held package's signing key (the expert confirmed its fingerprint) and imports the package.",
    z.object({ pendingId: z.string().max(64) }).strict(),
    PackageSummary,
  ),
  'trust:refuse': channel('Drops the held package: nothing of it is kept.', z.object({ pendingId: z.string().max(64) }).strict(), Empty),
  'trust:list': channel('The trusted secretariat keys, oldest first.', Empty, z.array(SecretariatPin)),
  'trust:remove': channel(
    'Stops trusting a key: its packages stay, the next package it signs asks again.',
    z.object({ fingerprint: Fingerprint }).strict(),
    z.array(SecretariatPin),
  ),
  'package:get': channel('A package with its rubric and applications (after the pledge: dossier list).', PackageRef, PackageDetail),
  'package:acceptPledge': channel('Records the confidentiality pledge (保密承诺) for a package.', PackageRef, PackageDetail),
  'review:declareConflict': channel(
    'Declares no conflict, or recuses (回避) with a reason. A recusal locks the application.',
    z.object({ packageId: PackageId, applicationId: Id, status: z.enum(['none', 'recused']), reason: z.string().max(2000) }).strict(),
    Saved,
  ),
  'review:get': channel("The reviewer's entries for one application.", AppRef, ReviewState),
  'review:edit': channel(
    'Saves one edit (audited) and acknowledges after the commit. With `order`, an edit older than one already saved for the same field by the same writer (a page that sent two edits at once as it unloaded) changes nothing.',
    AppRef.extend({ edit: ReviewEdit, order: EditOrder.optional() }).strict(),
    Saved,
  ),
  'review:history': channel(
    'Audit history, newest first.',
    z.object({ packageId: PackageId, applicationId: Id.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.array(AuditEntry),
  ),
  'review:restore': channel(
    'Restores the old value of an audit entry (itself a new, audited edit).',
    z.object({ auditId: z.number().int() }).strict(),
    Saved,
  ),
  'visit:get': channel("The application's site visit: checklist, what was recorded, photos, gaps.", AppRef, VisitState),
  'visit:edit': channel(
    'Saves one change to the site visit (audited) and acknowledges after the commit. The visit is created on its first change.',
    AppRef.extend({ edit: VisitEdit }).strict(),
    VisitState,
  ),
  'visit:addPhotos': channel(
    'Adds photos (JPEG or PNG) to the visit: location and device data removed unless `keepOriginal`, the file never re-encoded, a thumbnail derived. Each refused file is listed with its reason; the others are added.',
    AppRef.extend({
      files: z
        .array(z.object({ fileName: z.string().min(1).max(255), bytes: FileBytes }).strict())
        .min(1)
        .max(50),
      keepOriginal: z.boolean().optional(),
    }).strict(),
    VisitState,
  ),
  'visit:editPhoto': channel(
    "A photo's caption, the checklist items and criteria it supports, and its rotation for viewing (audited).",
    AppRef.extend({
      photoId: Id,
      caption: z.string().max(VISIT_LIMITS.caption).optional(),
      itemIds: z.array(Id).max(100).optional(),
      criterionIds: z.array(Id).max(500).optional(),
      rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
    }).strict(),
    VisitState,
  ),
  'visit:removePhoto': channel(
    "Removes a photo before export, and every criterion's evidence reference to it (audited).",
    AppRef.extend({ photoId: Id }).strict(),
    VisitState,
  ),
  'visit:photo': channel(
    "A photo's bytes (decrypted in memory), or its thumbnail.",
    AppRef.extend({ photoId: Id, variant: z.enum(['thumbnail', 'full']) }).strict(),
    z.object({ bytes: Bytes, mediaType: z.string() }).strict(),
  ),
  'visit:sheet': channel(
    "The site-visit record (现场考察记录表) PDF of the expert's own visit of one application, from the workspace: the visit as last saved and its photos (decrypted in memory), stamped as the expert's draft with the time it was saved and printed (Beijing time).",
    AppRef,
    z.object({ fileName: z.string(), mediaType: z.literal('application/pdf'), bytes: Bytes }).strict(),
  ),
  'dossier:read': channel(
    'One dossier file, decrypted in memory (never written to disk). Needs the pledge and a conflict declaration.',
    AppRef.extend({ path: z.string().max(500) }).strict(),
    z.object({ bytes: Bytes, mediaType: z.string() }).strict(),
  ),
  'bundle:dismissNotices': channel('The reviewer has read the notices about export files set aside.', Empty, AppState),
  'bundle:validate': channel('What is missing before the bundle is complete.', PackageRef, Validation),
  'bundle:export': channel(
    'Seals the signed, encrypted .rsb with the next revision number.',
    PackageRef.extend({ allowIncomplete: z.boolean().optional() }).strict(),
    ExportResult,
  ),
  'bundle:readExport': channel(
    'A part of an exported score file (one that `bundle:export` did not hand back whole), from exports/.',
    PackageRef.extend({
      revision: z.number().int().min(1),
      offset: z.number().int().min(0),
      length: z
        .number()
        .int()
        .min(1)
        .max(16 << 20),
    }).strict(),
    z.object({ bytes: Bytes, size: z.number().int() }).strict(),
  ),
  'scoresheet:pdf': channel(
    'The printable individual score sheet (个人评分表) as PDF, through the host (Electron printToPDF).',
    PackageRef,
    z.object({ bytes: Bytes, fileName: z.string() }).strict(),
  ),
  'merge:state': channel(
    'The secretariat merge: the ledger, every stored bundle file with its verdict, and the completeness matrix.',
    Empty,
    MergeState,
  ),
  'merge:setLedger': channel(
    "Sets the round's issue ledger (ledger.json + ledger.json.sig written by `reviewdesk pack`); it must be signed by this secretariat.",
    z.object({ ledger: NamedFile, signature: NamedFile }).strict(),
    MergeState,
  ),
  'merge:import': channel(
    'Keeps each .rsb (still encrypted) by its SHA-256 and recomputes every verdict; a file already kept changes nothing.',
    z
      .object({
        files: z
          .array(z.object({ fileName: z.string().min(1).max(255), bytes: FileBytes }).strict())
          .min(1)
          .max(2000),
      })
      .strict(),
    MergeState,
  ),
  'merge:results': channel(
    "The panel's figures under the given aggregation options, with every accepted review and its comments.",
    z
      .object({
        options: MergeOptions.default(MergeOptions.parse({})),
        /** Whose figures: a rubric of the round (its first when absent). */
        rubricId: Id.optional(),
      })
      .strict(),
    MergeResults,
  ),
  'merge:consensus': channel('Every recorded consensus of the round.', Empty, z.array(ConsensusRecord)),
  'merge:setConsensus': channel(
    "Records the panel's consensus on one application (audited); it never replaces the computed figures.",
    ConsensusInput,
    ConsensusRecord,
  ),
  'merge:consensusHistory': channel(
    'Audit history of the consensus records, newest first.',
    z.object({ applicationId: Id.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.array(ConsensusAuditEntry),
  ),
  'merge:export': channel(
    'One output as bytes for the renderer to save: XLSX workbook, CSV table, PDF panel summary (专家组汇总表), or the signed result (result.json + result.json.sig).',
    z.object({ kind: ExportKind, options: MergeOptions.default(MergeOptions.parse({})) }).strict(),
    z.object({ files: z.array(z.object({ fileName: z.string(), mediaType: z.string(), bytes: Bytes }).strict()).min(1) }).strict(),
  ),
  'merge:visits': channel(
    "One application's site visits from the accepted score files: each checklist item with who found it met or not (flagged when anyone answered 不符合), and each expert's record with its photos' details (their bytes come by merge:visitPhoto).",
    z.object({ applicationId: Id }).strict(),
    MergeVisits,
  ),
  'merge:visitPhoto': channel(
    "One photo of an expert's site visit, read from the kept score file and checked against the SHA-256 its signed bundle.json lists: the file itself (`full`) or a small JPEG turned upright (`thumbnail`).",
    z.object({ applicationId: Id, expertFingerprint: Fingerprint, path: PhotoPath, variant: z.enum(['thumbnail', 'full']) }).strict(),
    z.object({ bytes: Bytes, mediaType: z.string() }).strict(),
  ),
  'merge:visitSheet': channel(
    "The site-visit record (现场考察记录表) PDF of one application as one expert's accepted score file records the visit, its photos read from that file and checked against their signed SHA-256.",
    z.object({ applicationId: Id, expertFingerprint: Fingerprint }).strict(),
    z.object({ fileName: z.string(), mediaType: z.string(), bytes: Bytes }).strict(),
  ),
  'round:state': channel("The secretariat's round in preparation, or null before one is created.", Empty, RoundState),
  'round:create': channel(
    'Creates the round: title, stage, deadline, the rubrics of the stage per category, the panel size and mix.',
    z
      .object({
        id: Id,
        title: z.string().trim().min(1).max(200),
        titleEn: z.string().trim().max(200).optional(),
        stage: Stage,
        deadline: z.iso.datetime({ offset: true }),
        perApplication: z.number().int().min(1).max(20).default(3),
        reserves: z.number().int().min(0).max(5).default(1),
        mix: z.partialRecord(Expertise, z.number().int().min(0).max(20)).default({}),
      })
      .strict(),
    RoundState,
  ),
  'round:importApplications': channel(
    'Imports the application list (XLSX/CSV) with the dossier files (paths <folder>/<file>); nothing changes if a row is refused.',
    z
      .object({
        /** Streamed to a file like the dossiers over the browser host (the channel stages every byte array). */
        list: z.object({ fileName: z.string().min(1).max(255), bytes: FileBytes }).strict(),
        dossiers: z.array(z.object({ path: z.string().min(1).max(600), bytes: FileBytes }).strict()).max(20000),
      })
      .strict(),
    z.object({ report: ImportReport, state: RoundState }).strict(),
  ),
  'round:importExperts': channel(
    "Imports the expert roster (XLSX/CSV) with the experts' card.json files; a changed card is refused unless accepted by id.",
    z
      .object({
        roster: RoundImportFile,
        cards: z.array(RoundImportFile).max(2000),
        acceptChangedCards: z.array(Id).max(2000).default([]),
      })
      .strict(),
    z.object({ report: ImportReport, state: RoundState }).strict(),
  ),
  'round:decide': channel(
    'Records the decision on a flagged pair (confirmed: a conflict; overridden: not one) with its written reason.',
    z
      .object({
        expertId: Id,
        applicationId: Id,
        decision: z.enum(['confirmed', 'overridden']),
        reason: z.string().trim().min(1).max(1000),
      })
      .strict(),
    RoundState,
  ),
  'round:draw': channel(
    'Draws from the seed the secretariat recorded; another seed after packages were issued needs force.',
    z.object({ seed: z.string().trim().min(1).max(200), force: z.boolean().default(false) }).strict(),
    RoundState,
  ),
  'round:adjust': channel(
    'Adds or removes one pair of the drawn assignment, with its reason (recorded).',
    z.object({ action: z.enum(['add', 'remove']), expertId: Id, applicationId: Id, reason: z.string().trim().min(1).max(1000) }).strict(),
    RoundState,
  ),
  'round:pack': channel(
    "Builds every expert's package (progress events), writes and signs the ledger, signs the draw record, and sets the merge's ledger.",
    Empty,
    RoundState,
  ),
  'round:packageFile': channel(
    'One built package, to save and send.',
    z.object({ expertId: Id }).strict(),
    z.object({ fileName: z.string(), bytes: Bytes }).strict(),
  ),
  'round:issueSheet': channel(
    'The issue sheet (评审包发放单) of the packages last built, as PDF.',
    Empty,
    z.object({ fileName: z.string(), bytes: Bytes }).strict(),
  ),
  'rubric:templates': channel(
    'The built-in rubric templates (title, stage, categories), each with its full rubric.',
    Empty,
    z.array(RubricTemplate),
  ),
  'rubric:validate': channel(
    "Checks a rubric or an editor's draft against the rubric model: every problem with its path, in both languages.",
    z.object({ rubric: z.unknown() }).strict(),
    z.object({ ok: z.boolean(), problems: z.array(RubricProblem) }).strict(),
  ),
  'rubric:import': channel(
    'Reads a rubric.json (schema 1 is upgraded) or a rubric workbook (XLSX, as `rubric:export` writes it); refuses an invalid one with E_SCHEMA, E_RUBRIC_XLSX or E_RUBRIC_INVALID.',
    z.object({ fileName: z.string().min(1).max(255), bytes: Bytes }).strict(),
    z.object({ rubric: Rubric, format: RubricFormat }).strict(),
  ),
  'rubric:export': channel(
    'A valid rubric as bytes for the renderer to save: rubric.json (indented JSON) or the rubric workbook (XLSX).',
    z.object({ rubric: Rubric, format: RubricFormat }).strict(),
    z.object({ fileName: z.string(), mediaType: z.string(), bytes: Bytes }).strict(),
  ),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The API the renderer sees: one async function per channel. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

export const CHANNELS = Object.keys(CONTRACT) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

/** Events pushed from the Node side to the renderer. */
export const EVENTS = {
  /** Long work: import, export, score sheet. */
  progress: z.object({ operation: z.enum(['import', 'export', 'print', 'pack']), done: z.number(), total: z.number() }).strict(),
  /**
   * A file opened from outside the window (file association, second launch):
   * a review package imported, or a score bundle added to the merge.
   */
  'file:external': z
    .object({
      kind: z.enum(['package', 'bundle']),
      fileName: z.string(),
      ok: z.boolean(),
      packageId: PackageId.optional(),
      /** A package from a key not yet trusted: held for the trust screen. */
      pending: PendingSigner.optional(),
      error: z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }).optional(),
    })
    .strict(),
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/** A serialised error: stable code plus the message in both languages. */
export const WireError = z
  .object({
    code: z.string(),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }).strict(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict();
export type WireError = z.infer<typeof WireError>;

/** What crosses the process boundary for every call. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}
