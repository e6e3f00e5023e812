/**
 * Reconciliation: gives every imported file a verdict — accepted, superseded
 * by a higher revision of the same expert, duplicate, or refused with a
 * reason — and picks one bundle per expert. Pure and order-independent: the
 * same set of files gives the same verdicts and the same accepted bundles in
 * any order, and importing a file twice changes nothing.
 */
import { errorMessage, type ErrorCode, type ErrorParams } from '../errors.ts';
import { isValidScore, outcomesFor, scoredCriteria, type Criterion, type Rubric } from '../rubric/model.ts';
import type { Ledger, LedgerApplication, LedgerExpert } from './ledger.ts';
import type { Candidate, FullBundle, ImportedBundle, Text } from './model.ts';

/** `pending` only while a file that could count has been checked by its head alone (see `pending`). */
export type VerdictStatus = 'accepted' | 'superseded' | 'duplicate' | 'refused' | 'pending';

export interface FileVerdict {
  file: string;
  fileSha256: string | null;
  status: VerdictStatus;
  /** The refusal's error code (null unless refused). */
  code: ErrorCode | null;
  reason: Text;
  expertId: string | null;
  fingerprint: string | null;
  revision: number | null;
  contentSha512: string | null;
  /** For superseded and duplicate files: the file that counts instead. */
  by: string | null;
}

export interface Reconciled {
  /** One verdict per input, in input order. */
  verdicts: FileVerdict[];
  /** expertId → the bundle that counts. */
  accepted: Record<string, FullBundle>;
  /**
   * Candidates (indices) that must be fully opened before the verdicts are
   * final: the best file of an expert when only its head was checked. The
   * caller opens them, replaces the candidates and reconciles again.
   */
  pending: number[];
}

const TEXT: Record<'accepted' | 'superseded' | 'duplicate', (p: { revision: number; by: string; byRevision: number }) => Text> = {
  accepted: (p) => ({ 'zh-CN': `已接受（第 ${p.revision} 版）`, en: `Accepted (revision ${p.revision})` }),
  superseded: (p) => ({
    'zh-CN': `已被同一专家的第 ${p.byRevision} 版（${p.by}）取代`,
    en: `Superseded by revision ${p.byRevision} of the same expert (${p.by})`,
  }),
  duplicate: (p) => ({ 'zh-CN': `与 ${p.by} 内容相同，为重复文件`, en: `Duplicate of ${p.by} (same content)` }),
};

class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams,
  ) {}
}

/** A rubric's criteria and gates by id, what the checks of scores read. */
interface RubricIndex {
  rubric: Rubric;
  criteria: Map<string, Criterion>;
  gates: Map<string, Criterion>;
}

function indexRubrics(ledger: Ledger): Map<string, RubricIndex> {
  return new Map(
    ledger.rubrics.map(({ rubric }) => [
      rubric.id,
      {
        rubric,
        criteria: new Map(scoredCriteria(rubric).map(({ criterion }) => [criterion.id, criterion])),
        gates: new Map(rubric.gates.map((g) => [g.id, g])),
      },
    ]),
  );
}

function checkScores(apps: Map<string, LedgerApplication>, rubrics: Map<string, RubricIndex>, b: FullBundle): void {
  for (const r of b.reviews) {
    const bad = (reason: string): never => {
      throw new Refusal('E_MERGE_SCORES', { applicationId: r.applicationId, reason });
    };
    const app = apps.get(r.applicationId);
    const index = app && rubrics.get(app.rubricId);
    if (!index) return bad('not an application of the round');
    if (r.rubric.id !== index.rubric.id || r.rubric.version !== index.rubric.version) {
      throw new Refusal('E_MERGE_RUBRIC_VERSION', {
        actual: `${r.rubric.id} v${r.rubric.version}`,
        expected: `${index.rubric.id} v${index.rubric.version}`,
      });
    }
    const { criteria, gates } = index;
    const outcomes = outcomesFor(index.rubric, app.category);
    if (r.recommendation !== null && !outcomes.main.some((o) => o.id === r.recommendation))
      bad(`${r.recommendation} is not an outcome of ${index.rubric.id} for this application`);
    for (const id of r.additionalRecommendations)
      if (!outcomes.additional.some((o) => o.id === id))
        bad(`${id} is not an additional outcome of ${index.rubric.id} for this application`);
    if (r.repeated?.length) bad(`${r.repeated[0]} is scored twice`);
    for (const [id, v] of Object.entries(r.scores)) {
      const c = criteria.get(id);
      if (!c) bad(`unknown criterion ${id}`);
      else if (v !== null && !isValidScore(c, v)) bad(`${v} is not a valid score for ${id}`);
    }
    const seen = new Set<string>();
    for (const g of r.gates) {
      const c = gates.get(g.criterionId);
      if (!c) bad(`unknown gate ${g.criterionId}`);
      else if (seen.has(g.criterionId)) bad(`${g.criterionId} is scored twice`);
      else if (g.score !== null && !isValidScore(c, g.score)) bad(`${g.score} is not a valid result for gate ${g.criterionId}`);
      seen.add(g.criterionId);
    }
  }
}

/** The checks against the ledger that a bundle's head must pass to count at all. */
function admitHead(ledger: Ledger, byFingerprint: Map<string, LedgerExpert>, b: ImportedBundle): LedgerExpert {
  const e = byFingerprint.get(b.expert.fingerprint);
  if (!e || e.card.sshPublicKey !== b.expert.sshPublicKey || e.card.ageRecipient !== b.expert.ageRecipient) {
    throw new Refusal('E_MERGE_UNKNOWN_SIGNER', { fingerprint: b.expert.fingerprint, name: b.expert.displayName });
  }
  if (b.roundId !== ledger.round.id) throw new Refusal('E_MERGE_WRONG_ROUND', { actual: b.roundId, expected: ledger.round.id });
  if (b.packageId !== e.packageId || b.packageSha256 !== e.packageSha256) {
    throw new Refusal('E_MERGE_WRONG_PACKAGE', { packageId: b.packageId, expertId: e.expertId, issued: e.packageId });
  }
  for (const r of b.rubrics) {
    const known = ledger.rubrics.find((x) => x.rubric.id === r.id);
    if (!known || known.rubric.version !== r.version) {
      throw new Refusal('E_MERGE_RUBRIC_VERSION', {
        actual: `${r.id} v${r.version}`,
        expected: ledger.rubrics.map((x) => `${x.rubric.id} v${x.rubric.version}`).join(', '),
      });
    }
  }
  return e;
}

/** The checks of a fully opened bundle's reviews: only assigned applications, scores that fit the rubric. */
function admitBody(apps: Map<string, LedgerApplication>, e: LedgerExpert, rubrics: Map<string, RubricIndex>, b: FullBundle): void {
  const assigned = new Set(e.applications);
  for (const r of b.reviews) {
    if (!assigned.has(r.applicationId)) throw new Refusal('E_MERGE_UNASSIGNED', { expertId: e.expertId, applicationId: r.applicationId });
  }
  checkScores(apps, rubrics, b);
}

const message = (code: ErrorCode, params: ErrorParams): Text => ({
  'zh-CN': errorMessage(code, params, 'zh-CN'),
  en: errorMessage(code, params, 'en'),
});

/** A total order on files that does not depend on input order. */
const fileOrder = (a: ImportedBundle, b: ImportedBundle): number =>
  a.fileSha256 < b.fileSha256 ? -1 : a.fileSha256 > b.fileSha256 ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

/**
 * Gives each candidate its verdict against the ledger. Per expert: files at a
 * revision that has two different contents are refused (E_MERGE_REVISION_CONFLICT);
 * of the rest, the highest revision is accepted — if its reviews fit the
 * assignment and the rubric — lower ones are superseded, and further files
 * with the accepted content are duplicates.
 */
export function reconcile(ledger: Ledger, candidates: readonly Candidate[]): Reconciled {
  const byFingerprint = new Map(ledger.experts.map((e) => [e.card.fingerprint, e]));
  const rubrics = indexRubrics(ledger);
  const apps = new Map(ledger.applications.map((a) => [a.id, a]));
  const verdicts = new Array<FileVerdict>(candidates.length);
  const perExpert = new Map<string, { index: number; bundle: ImportedBundle; expert: LedgerExpert }[]>();
  const pending: number[] = [];

  const refuse = (index: number, b: ImportedBundle, expertId: string | null, code: ErrorCode, params: ErrorParams): void => {
    verdicts[index] = {
      file: b.file,
      fileSha256: b.fileSha256,
      status: 'refused',
      code,
      reason: message(code, params),
      expertId,
      fingerprint: b.expert.fingerprint,
      revision: b.revision,
      contentSha512: b.contentSha512,
      by: null,
    };
  };

  candidates.forEach((c, index) => {
    if (!c.ok) {
      verdicts[index] = {
        file: c.file,
        fileSha256: c.fileSha256,
        status: 'refused',
        code: c.code,
        reason: message(c.code, c.params),
        expertId: null,
        fingerprint: null,
        revision: null,
        contentSha512: null,
        by: null,
      };
      return;
    }
    const b = c.bundle;
    try {
      const expert = admitHead(ledger, byFingerprint, b);
      const list = perExpert.get(expert.expertId) ?? [];
      list.push({ index, bundle: b, expert });
      perExpert.set(expert.expertId, list);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      refuse(index, b, byFingerprint.get(b.expert.fingerprint)?.expertId ?? null, err.code, err.params);
    }
  });

  const accepted: Record<string, FullBundle> = {};
  for (const [expertId, list] of [...perExpert].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const contents = new Map<number, Set<string>>();
    for (const { bundle } of list) {
      const set = contents.get(bundle.revision) ?? new Set<string>();
      set.add(bundle.contentSha512);
      contents.set(bundle.revision, set);
    }
    const usable: typeof list = [];
    for (const u of list) {
      if ((contents.get(u.bundle.revision)?.size ?? 0) > 1)
        refuse(u.index, u.bundle, expertId, 'E_MERGE_REVISION_CONFLICT', { expertId, revision: u.bundle.revision });
      else usable.push(u);
    }
    // Best first: highest revision, then an order that does not depend on input order.
    usable.sort((a, b) => b.bundle.revision - a.bundle.revision || fileOrder(a.bundle, b.bundle) || a.index - b.index);
    let winner: (typeof usable)[number] | null = null;
    const badContent = new Map<string, Refusal>();
    const rest: typeof usable = [];
    for (const u of usable) {
      if (winner) {
        rest.push(u);
        continue;
      }
      const known = badContent.get(u.bundle.contentSha512);
      if (known) {
        refuse(u.index, u.bundle, expertId, known.code, known.params);
        continue;
      }
      if (u.bundle.reviews === null) {
        // Only the head is known: the caller opens this file fully, then reconciles again.
        pending.push(u.index);
        winner = u;
        continue;
      }
      try {
        admitBody(apps, u.expert, rubrics, u.bundle as FullBundle);
        winner = u;
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        badContent.set(u.bundle.contentSha512, err);
        refuse(u.index, u.bundle, expertId, err.code, err.params);
      }
    }
    if (!winner) continue;
    const w = winner.bundle;
    const isPending = w.reviews === null;
    if (!isPending) accepted[expertId] = w as FullBundle;
    for (const u of [winner, ...rest]) {
      const b = u.bundle;
      const base = {
        file: b.file,
        fileSha256: b.fileSha256,
        code: null,
        expertId,
        fingerprint: b.expert.fingerprint,
        revision: b.revision,
        contentSha512: b.contentSha512,
      };
      const p = { revision: b.revision, by: w.file, byRevision: w.revision };
      if (isPending) verdicts[u.index] = { ...base, status: 'pending', reason: PENDING, by: null };
      else if (u === winner) verdicts[u.index] = { ...base, status: 'accepted', reason: TEXT.accepted(p), by: null };
      else if (b.revision < w.revision) verdicts[u.index] = { ...base, status: 'superseded', reason: TEXT.superseded(p), by: w.file };
      else verdicts[u.index] = { ...base, status: 'duplicate', reason: TEXT.duplicate(p), by: w.file };
    }
  }
  return { verdicts, accepted, pending: pending.sort((a, b) => a - b) };
}

const PENDING: Text = { 'zh-CN': '待完整核验', en: 'Awaiting the full check' };
