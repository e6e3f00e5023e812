/**
 * What a secretariat records in `round.json` to prepare a round (docs/formats.md, "Round folder"): each
 * application's shareholders, alliance members and the experts it asks to exclude; each expert's former
 * organisations, fields, expertise type and declared relationships; the panel's size; the secretariat's decisions
 * on flagged conflicts; the draw's result and every adjustment made after it; and what was issued to whom.
 * The draw record (`draw.json`) is defined here too. All optional in round.json, so a round written by hand
 * before these existed (or one that names its assignment itself) reads as before.
 */
import { z } from 'zod';
import { Id, Stage } from '../rubric/model.ts';

const Timestamp = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
/** An organisation's name as a person typed it (compared through organisationMatchKey). */
export const OrgName = z.string().trim().min(1).max(200);
const Reason = z.string().trim().min(1).max(1000);

/** The five kinds of expert seed 003 draws the expert group from: 经济、技术、产业、管理、法律. */
export const EXPERTISE = ['economics', 'technology', 'industry', 'management', 'law'] as const;
export const Expertise = z.enum(EXPERTISE);
export type Expertise = z.infer<typeof Expertise>;

/** Relationships an expert declares (Chinese practice: near relative, competing application, …). */
export const RelationshipKind = z.enum(['near-relative', 'competing', 'collaboration', 'financial', 'other']);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

export const Relationship = z
  .object({
    kind: RelationshipKind,
    /** The organisation the relationship is with; compared with applicants, shareholders and alliance members. */
    organisation: OrgName.optional(),
    /** Or the application it concerns directly. */
    applicationId: Id.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((r) => r.organisation !== undefined || r.applicationId !== undefined, 'a relationship names an organisation or an application');
export type Relationship = z.infer<typeof Relationship>;

/** The round's entry for one expert beyond their card. */
export const ExpertProfile = {
  /** The name and organisation the roster gives (the card's own are what the expert typed). */
  name: z.string().trim().min(1).max(100).optional(),
  organisation: OrgName.optional(),
  /** Where the expert worked before, each with the last year there (screened for `panel.conflictYears`). */
  formerOrganisations: z
    .array(z.object({ name: OrgName, until: z.number().int().min(1900).max(2200) }).strict())
    .max(50)
    .optional(),
  fields: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  expertise: z.array(Expertise).max(5).optional(),
  /** False: not drawn this round (travel, illness, …). Absent means available. */
  available: z.boolean().optional(),
  relationships: z.array(Relationship).max(50).optional(),
};

/** What an application names for conflict screening. */
export const ApplicationProfile = {
  shareholders: z.array(OrgName).max(200).optional(),
  allianceMembers: z.array(OrgName).max(2000).optional(),
  /**
   * Experts the applicant asks to exclude (at most three, as Chinese practice allows): an expert id, or the
   * expert's id or name (as the applicant knows it) with the applicant's reason.
   */
  excludedExperts: z
    .array(
      z.union([
        Id,
        z
          .object({ id: Id.optional(), name: z.string().trim().min(1).max(100).optional(), reason: Reason })
          .strict()
          .refine((x) => x.id !== undefined || x.name !== undefined, 'an excluded expert is named by id or by name'),
      ]),
    )
    .max(3)
    .optional(),
  contact: z.string().trim().max(200).optional(),
};

/** How many experts each application needs, the reserves, the expertise mix and the conflict look-back. */
export const PanelSettings = z
  .object({
    /** Experts per application (default 3). */
    perApplication: z.number().int().min(1).max(20).default(3),
    /** Reserve experts per application (default 1; Chinese practice keeps 1–2). */
    reserves: z.number().int().min(0).max(5).default(1),
    /** Wanted experts of each type per application, best effort: e.g. { technology: 2, industry: 1 }. */
    mix: z.partialRecord(Expertise, z.number().int().min(0).max(20)).default({}),
    /** A former organisation left within this many years before the round's deadline still conflicts (default 3). */
    conflictYears: z.number().int().min(0).max(50).default(3),
  })
  .strict();
export type PanelSettings = z.infer<typeof PanelSettings>;
export const DEFAULT_PANEL: PanelSettings = PanelSettings.parse({});

/** The secretariat's decision on a flagged expert × application pair. */
export const ConflictDecision = z
  .object({
    expertId: Id,
    applicationId: Id,
    /** confirmed: a conflict, never drawn; overridden: not a conflict after all, may be drawn. */
    decision: z.enum(['confirmed', 'overridden']),
    reason: Reason,
    at: Timestamp,
  })
  .strict();
export type ConflictDecision = z.infer<typeof ConflictDecision>;

/** A change to the drawn assignment, with its reason. */
export const Adjustment = z
  .object({
    action: z.enum(['add', 'remove']),
    expertId: Id,
    applicationId: Id,
    reason: Reason,
    at: Timestamp,
  })
  .strict();
export type Adjustment = z.infer<typeof Adjustment>;

/** What was last issued to an expert (written by `pack`): the returns view and supersession read it. */
export const Issued = z
  .object({
    packageId: z.uuid(),
    sha256: Sha256,
    applications: z.array(Id),
    at: Timestamp,
    /** The package this one replaces. */
    supersedes: z.uuid().optional(),
  })
  .strict();
export type Issued = z.infer<typeof Issued>;

export const RoundPrep = {
  stage: Stage.optional(),
  panel: PanelSettings.optional(),
  conflictDecisions: z.array(ConflictDecision).max(100_000).optional(),
  /** Reserve experts per application, in the order they are called, as the draw left them. */
  reserves: z.record(Id, z.array(Id)).optional(),
  adjustments: z.array(Adjustment).max(10_000).optional(),
  issued: z.record(Id, Issued).optional(),
};

/** The draw's algorithm; docs/formats.md ("The draw") specifies it well enough to reimplement. */
export const DRAW_ALGORITHM = 'reviewdesk-draw/1';
export const DRAW_FILE = 'draw.json';
export const NS_DRAW = 'reviewdesk-draw';

/** Why a pair is flagged. */
export const ConflictReason = z.enum([
  'same-organisation',
  'former-organisation',
  'shareholder',
  'alliance-member',
  'excluded-by-applicant',
  'declared',
]);
export type ConflictReason = z.infer<typeof ConflictReason>;

export const Shortfall = z
  .object({
    applicationId: Id,
    kind: z.enum(['expertise', 'field', 'reserves']),
    /** For expertise: the type short; for reserves: how many were drawn of how many. */
    expertise: Expertise.optional(),
    wanted: z.number().int().min(0),
    got: z.number().int().min(0),
  })
  .strict();
export type Shortfall = z.infer<typeof Shortfall>;

/** `draw.json`: the seed, what was drawn from, and what was drawn. */
export const DrawRecord = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('reviewdesk-draw'),
    algorithm: z.literal(DRAW_ALGORITHM),
    round: Id,
    /** The value the secretariat recorded before drawing (e.g. a number announced at the meeting). */
    seed: z.string().min(1).max(200),
    drawnAt: Timestamp,
    perApplication: z.number().int().min(1),
    reserves: z.number().int().min(0),
    mix: z.partialRecord(Expertise, z.number().int().min(0)),
    /** SHA-256 of the RFC 8785 JSON of the draw's inputs (docs/formats.md): the pool, the applications, the conflicts. */
    inputs: z.object({ pool: Sha256, applications: Sha256, conflicts: Sha256 }).strict(),
    /** expertId → applicationIds, ids ordered by code point. */
    assignments: z.record(Id, z.array(Id)),
    /** applicationId → reserve expertIds, in calling order. */
    reservesByApplication: z.record(Id, z.array(Id)),
    shortfalls: z.array(Shortfall),
  })
  .strict();
export type DrawRecord = z.infer<typeof DrawRecord>;
