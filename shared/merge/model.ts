/**
 * What the merge works on: verified score bundles reduced to what the
 * aggregation and the outputs need (a "compact" bundle), the outcome of
 * opening each file, and the secretary's consensus record.
 */
import { z } from 'zod';
import { Fingerprint, type Card } from '../card.ts';
import type { ErrorCode, ErrorParams } from '../errors.ts';
import type { Bundle } from '../formats.ts';
import type { LocalizedText } from '../i18n-text.ts';
import { Id } from '../rubric/model.ts';
import { PhotoPath, type SiteVisit, type VisitPhoto } from '../visit/model.ts';

/** A photo of a visit with what bundle.json lists of its file (the signed size, media type and SHA-256); never its bytes. */
export type ReviewVisitPhoto = VisitPhoto & { size: number; mediaType: string; sha256: string };

/** The expert's site visit of one application, as the merge reports it. */
export type ReviewVisit = Omit<SiteVisit, 'photos'> & { photos: ReviewVisitPhoto[] };

/** One expert's review of one application, as the aggregation reads it. */
export interface ReviewScores {
  applicationId: string;
  /** The rubric the expert scored it against. */
  rubric: { id: string; version: number };
  status: 'complete' | 'in-progress' | 'recused';
  /** The recusal reason (回避理由) when recused, else ''. */
  conflictReason: string;
  gates: { criterionId: string; score: number | null; comment: string }[];
  /** criterionId → score (null: not yet scored). */
  scores: Record<string, number | null>;
  /** criterionId → comment; present only when the import was asked to keep comments. */
  comments?: Record<string, string>;
  /** Criteria scored more than once in the bundle (reconcile refuses such a bundle). */
  repeated?: string[];
  opinion: string;
  recommendation: string | null;
  /** Outcomes chosen beside the main one. */
  additionalRecommendations: string[];
  /** The expert's site visit (现场考察), when one was recorded. */
  siteVisit?: ReviewVisit;
  updatedAt: string;
}

/**
 * A bundle that opened and verified. `reviews` is null while only its head
 * has been checked (decrypted, signed by the card it carries; the top-level
 * fields read) — the merge fully opens (canonical JSON, strict schema) only
 * the files that could count; see electron/merge/merge.ts.
 */
export interface ImportedBundle {
  file: string;
  /** SHA-256 of the `.rsb` file. */
  fileSha256: string;
  /** SHA-512 of `bundle.json` (its canonical bytes; the digest its SSHSIG signs): the content, whatever the encryption. */
  contentSha512: string;
  roundId: string;
  packageId: string;
  packageSha256: string;
  rubrics: { id: string; version: number }[];
  expert: Card;
  revision: number;
  createdAt: string;
  appVersion: string;
  attachments: number;
  reviews: ReviewScores[] | null;
}

/** A fully opened bundle. */
export type FullBundle = ImportedBundle & { reviews: ReviewScores[] };

/** The outcome of opening one file, before reconciliation. */
export type Candidate =
  { ok: true; bundle: ImportedBundle } | { ok: false; file: string; fileSha256: string | null; code: ErrorCode; params: ErrorParams };

/** A visit with each photo's listed file (the schema makes every photo a listed attachment). */
function reviewVisit(v: SiteVisit, listed: ReadonlyMap<string, { size: number; mediaType: string; sha256: string }>): ReviewVisit {
  return {
    ...v,
    photos: v.photos.map((p) => {
      const x = listed.get(p.path);
      if (!x) throw new Error(`internal: ${p.path} is not a listed attachment`);
      return { ...p, size: x.size, mediaType: x.mediaType, sha256: x.sha256 };
    }),
  };
}

/** Reduces a verified bundle to what the merge needs (drops per-score comments unless asked). */
export function compactBundle(
  bundle: Bundle,
  meta: { file: string; fileSha256: string; contentSha512: string },
  keepComments = false,
): ImportedBundle {
  const listed = new Map(bundle.attachments.map((x) => [x.path, x]));
  return {
    ...meta,
    roundId: bundle.roundId,
    packageId: bundle.packageId,
    packageSha256: bundle.packageSha256,
    rubrics: bundle.rubrics.map((r) => ({ id: r.id, version: r.version })),
    expert: bundle.expert,
    revision: bundle.revision,
    createdAt: bundle.createdAt,
    appVersion: bundle.appVersion,
    attachments: bundle.attachments.length,
    reviews: bundle.applications.map((a) => {
      const scores: Record<string, number | null> = {};
      const comments: Record<string, string> = {};
      const repeated: string[] = [];
      for (const s of a.scores) {
        if (Object.hasOwn(scores, s.criterionId)) repeated.push(s.criterionId);
        else scores[s.criterionId] = s.score;
        if (keepComments) comments[s.criterionId] = s.comment;
      }
      return {
        applicationId: a.applicationId,
        rubric: { id: a.rubric.id, version: a.rubric.version },
        status: a.status,
        conflictReason: a.conflict.status === 'recused' ? a.conflict.reason : '',
        gates: a.gates.map((g) => ({ criterionId: g.criterionId, score: g.score, comment: g.comment })),
        scores,
        ...(keepComments ? { comments } : {}),
        ...(repeated.length ? { repeated } : {}),
        opinion: a.opinion,
        recommendation: a.recommendation,
        additionalRecommendations: a.additionalRecommendations ?? [],
        ...(a.siteVisit ? { siteVisit: reviewVisit(a.siteVisit, listed) } : {}),
        updatedAt: a.updatedAt,
      };
    }),
  };
}

/**
 * A site-visit photo the panel's consensus cites as evidence: whose visit (the expert's id and card
 * fingerprint), the photo's path in that expert's score file, and its SHA-256 as the signed bundle.json lists
 * it, so the citation names those exact bytes even if a later revision of the score file changes the photo.
 */
export const PhotoCitation = z
  .object({
    expertId: Id,
    expertFingerprint: Fingerprint,
    photo: PhotoPath,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  })
  .strict();
export type PhotoCitation = z.infer<typeof PhotoCitation>;

/** At most this many photos cited by one consensus record. */
export const MAX_CITED_PHOTOS = 100;

/**
 * The panel's consensus on one application (专家组意见), recorded by the
 * secretary after the discussion. Kept apart from computed figures: outputs
 * show both, and nothing computed is ever replaced by it. Storage and audit
 * trail belong to the app.
 */
export const ConsensusEntry = z
  .object({
    applicationId: Id,
    /** The agreed score, if the panel agreed one (points of the rubric's total). */
    score: z.number().finite().nullable(),
    /** The agreed grade band id, if any. */
    gradeId: Id.nullable(),
    /** The agreed recommendation id, if any. */
    recommendation: Id.nullable(),
    /** The consensus text (专家组意见), including any recorded dissent. */
    text: z.string().max(20000),
    /**
     * The panel's decision on eligibility (基本条件): no single expert's 不符合 vetoes an application; it flags it, and
     * until the panel decides (null) the application is ranked and printed with the flag 待专家组认定.
     */
    eligible: z.boolean().nullable().default(null),
    /**
     * Site-visit photos the panel cites (absent when none): each must be in that expert's visit of this
     * application in the score file that counts, with that SHA-256.
     */
    evidence: z.array(PhotoCitation).min(1).max(MAX_CITED_PHOTOS).optional(),
    /** Who recorded it (the secretary), and when. */
    recordedBy: z.string().min(1).max(100),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type ConsensusEntry = z.infer<typeof ConsensusEntry>;

export const Consensus = z
  .array(ConsensusEntry)
  .max(5000)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.applicationId)) ctx.addIssue({ code: 'custom', message: `two entries for ${c.applicationId}`, path: [i] });
      seen.add(c.applicationId);
    });
  });
export type Consensus = z.infer<typeof Consensus>;

/** A bilingual text for verdicts and labels. */
export type Text = LocalizedText;
