/** Small hand-made panels for the aggregation tests: a two-criterion rubric whose points are easy to add up. */
import type { Card } from '../../shared/card.ts';
import type { PanelInput } from '../../shared/merge/aggregate.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import type { FullBundle, ReviewScores } from '../../shared/merge/model.ts';
import { Rubric, type Criterion } from '../../shared/rubric/model.ts';
import { gradeBands } from '../../shared/rubric/templates/builders.ts';
import { markUnsourced } from '../../shared/rubric/upgrade.ts';

const text = (s: string): { 'zh-CN': string; en: string } => ({ 'zh-CN': s, en: s });
const criterion = (id: string, weight: number, scale: Criterion['scale'], threshold?: number): Criterion => ({
  id,
  title: text(id),
  guidance: text(id),
  weight,
  scale,
  comment: { required: 'optional', minLength: 0 },
  ...(threshold === undefined ? {} : { threshold }),
});

/**
 * C1: 0–10 in whole points, weight 60, threshold 5 → 6 points per score point.
 * C2: 0–10 in halves, weight 40 → 4 points per score point. Gate G1. Ties broken by D2.
 */
export const rubric: Rubric = Rubric.parse(
  markUnsourced({
    schemaVersion: 2,
    id: 'tiny',
    version: 1,
    title: text('tiny'),
    description: text('tiny'),
    appliesTo: ['enterprise'],
    stage: 'selection',
    gates: [criterion('G1', 0, { kind: 'gate' })],
    dimensions: [
      { id: 'D1', title: text('D1'), criteria: [criterion('C1', 60, { kind: 'points', min: 0, max: 10, step: 1 }, 5)] },
      { id: 'D2', title: text('D2'), criteria: [criterion('C2', 40, { kind: 'points', min: 0, max: 10, step: 0.5 })] },
    ],
    totalPoints: 100,
    passThreshold: 60,
    gradeBands: gradeBands(),
    recommendations: [
      { id: 'yes', label: text('推荐') },
      { id: 'no', label: text('不推荐') },
    ],
    tieBreak: ['D2'],
    siteVisit: [],
  }),
);

const AT = '2026-01-01T00:00:00.000Z';

/** A review: [C1, C2] scores (null: not scored), status from them unless given. */
export function review(
  applicationId: string,
  c1: number | null,
  c2: number | null,
  opts: { recommendation?: string | null; gate?: 0 | 1; gateComment?: string; status?: ReviewScores['status'] } = {},
): ReviewScores {
  return {
    applicationId,
    rubric: { id: rubric.id, version: rubric.version },
    status: opts.status ?? (c1 === null || c2 === null ? 'in-progress' : 'complete'),
    conflictReason: '',
    gates: [{ criterionId: 'G1', score: opts.gate ?? 1, comment: opts.gateComment ?? '' }],
    scores: { C1: c1, C2: c2 },
    opinion: '',
    recommendation: opts.recommendation ?? null,
    additionalRecommendations: [],
    updatedAt: AT,
  };
}

export function recusal(applicationId: string, reason = '同一单位'): ReviewScores {
  return {
    applicationId,
    rubric: { id: rubric.id, version: rubric.version },
    status: 'recused',
    conflictReason: reason,
    gates: [],
    scores: {},
    opinion: '',
    recommendation: null,
    additionalRecommendations: [],
    updatedAt: AT,
  };
}

export function card(expertId: string): Card {
  const fp = `${expertId.toUpperCase().padEnd(4, 'A').slice(0, 4)}-AAAA-AAAA-AAAA`.replace(/[^A-Z2-7-]/g, 'A');
  return {
    schemaVersion: 1,
    kind: 'reviewdesk-card',
    role: 'expert',
    displayName: `专家${expertId}`,
    organisation: '某大学',
    fields: [],
    ageRecipient: `age1${expertId.toLowerCase()}`,
    sshPublicKey: `ssh-ed25519 AAAA${expertId}`,
    fingerprint: fp,
    createdAt: AT,
  };
}

export function bundle(expertId: string, reviews: ReviewScores[], revision = 1): FullBundle {
  return {
    file: `${expertId}.r${revision}.rsb`,
    fileSha256: `${expertId}-${revision}`.padEnd(64, '0'),
    contentSha512: `${expertId}-${revision}`.padEnd(64, 'c'),
    roundId: 'R1',
    packageId: `pkg-${expertId}`,
    packageSha256: `${expertId}`.padEnd(64, 'p'),
    rubrics: [{ id: rubric.id, version: rubric.version }],
    expert: card(expertId),
    revision,
    createdAt: AT,
    appVersion: 'test',
    attachments: 0,
    reviews,
  };
}

/** A panel: experts with their assignments and (optionally) their accepted bundle's reviews. */
export function panel(experts: { id: string; assigned: string[]; reviews?: ReviewScores[] }[], apps: string[]): PanelInput {
  return {
    rubric,
    round: { id: 'R1', title: text('R1') },
    experts: experts.map((e) => ({
      expertId: e.id,
      fingerprint: card(e.id).fingerprint,
      displayName: `专家${e.id}`,
      organisation: '某大学',
      assigned: e.assigned,
    })),
    applications: apps.map((id) => ({
      id,
      name: text(`项目${id}`),
      organisation: text('某公司'),
      category: 'enterprise' as const,
      rubricId: rubric.id,
    })),
    bundles: Object.fromEntries(experts.filter((e) => e.reviews).map((e) => [e.id, bundle(e.id, e.reviews!)])),
  };
}

/** A ledger for the same experts (for reconciliation tests). */
export function ledger(experts: { id: string; assigned: string[] }[], apps: string[]): Ledger {
  return {
    schemaVersion: 2,
    kind: 'reviewdesk-ledger',
    round: { id: 'R1', title: text('R1') },
    createdAt: AT,
    secretariat: { fingerprint: 'SECR-AAAA-AAAA-AAAA', displayName: '秘书处' },
    rubrics: [{ rubric, sha256: '0'.repeat(64) }],
    applications: apps.map((id) => ({ id, name: text(id), organisation: text('x'), category: 'enterprise' as const, rubricId: rubric.id })),
    experts: experts.map((e) => ({
      expertId: e.id,
      card: card(e.id),
      packageId: `pkg-${e.id}`,
      packageSha256: `${e.id}`.padEnd(64, 'p'),
      packageSize: 1,
      applications: e.assigned,
    })),
  };
}
