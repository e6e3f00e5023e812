/**
 * Conflict screening (利益冲突筛查): every expert × application pair of a round checked against the applicant,
 * its shareholders (股东) and alliance members (联盟成员), the applicant's list of experts to exclude, and the
 * expert's own declared relationships. An expert's organisations are the card's and the roster's current one and
 * every former one left within `panel.conflictYears` of the round's deadline. Names are compared by
 * {@link organisationMatchKey}. Pure: the CLI, the app and the draw all call this one function.
 */
import type { RoundFile } from '../formats.ts';
import { DEFAULT_PANEL, type ConflictDecision, type ConflictReason, type RelationshipKind } from './model.ts';

/** Legal-form endings that do not tell two organisations apart (longest first; as they read once separators are gone). */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '公司',
  'coltd',
  'colimited',
  'limited',
  'ltd',
  'incorporated',
  'corporation',
];

/** Brackets and separators that do not tell two names apart. */
const NOISE = /[\s()[\]{}【】〔〕<>《》"'“”‘’·・.,，、\-_]/gu;

/**
 * The key two organisation names are compared by: NFKC (full-width letters, digits and brackets become
 * half-width), whitespace, brackets and the separators `·・.,，、-` removed, lower case, and trailing legal forms
 * (有限公司, 股份有限公司, Co., Ltd., …) dropped — so 「某某（北京）科技股份有限公司」, 「某某(北京)科技有限公司」 and
 * 「某某 北京 科技」 meet. A name that is only a legal form keeps it; an empty name has the empty key and meets nothing.
 */
export function organisationMatchKey(name: string): string {
  let k = name.normalize('NFKC').toLowerCase().replace(NOISE, '');
  for (let again = true; again;) {
    again = false;
    for (const f of LEGAL_FORMS) {
      if (k.length > f.length && k.endsWith(f)) {
        k = k.slice(0, -f.length);
        again = true;
        break;
      }
    }
  }
  return k;
}

/** A person's name as compared with an applicant's exclusion list: NFKC, no whitespace or middle dots, lower case. */
export function personKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·・.]+/gu, '')
    .toLowerCase();
}

export interface ConflictFinding {
  reason: ConflictReason;
  /** What matched: the organisation's name as the round writes it, or the applicant's or expert's reason. */
  detail: string;
  /** For a declared relationship: its kind (shown in the reader's language, never as the code). */
  relationship?: RelationshipKind;
}

export interface FlaggedPair {
  expertId: string;
  applicationId: string;
  findings: ConflictFinding[];
  /** The secretariat's decision, if made. Undecided and confirmed pairs are never drawn. */
  decision?: ConflictDecision;
}

export interface ScreenResult {
  /** Flagged pairs, ordered by expert id then application id (code point order). */
  flagged: FlaggedPair[];
  /** Exclusions an applicant asked for that name no expert in the pool. */
  unmatchedExclusions: { applicationId: string; expert: string }[];
}

/** What screening needs of an expert beyond round.json: the card's name and organisation. */
export interface CardFacts {
  displayName: string;
  organisation: string;
}

/** Orders strings by UTF-16 code unit (the same as code point order for ids, which are ASCII). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The year a timestamp falls in, in Beijing time (the programme's calendar). */
function beijingYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear();
}

/** Screens every pair of the round. `cards` gives each expert's card facts by expert id. */
export function screenConflicts(round: RoundFile, cards: ReadonlyMap<string, CardFacts>): ScreenResult {
  const years = (round.panel ?? DEFAULT_PANEL).conflictYears;
  const sinceYear = beijingYear(round.deadline) - years;
  // Organisation key → the applications it is applicant, shareholder or alliance member of.
  const roles = new Map<string, { applicationId: string; reason: ConflictReason; name: string }[]>();
  const add = (name: string, applicationId: string, reason: ConflictReason): void => {
    const key = organisationMatchKey(name);
    if (!key) return;
    const list = roles.get(key) ?? [];
    list.push({ applicationId, reason, name });
    roles.set(key, list);
  };
  for (const a of round.applications) {
    add(a.organisation['zh-CN'], a.id, 'same-organisation');
    if ('en' in a.organisation) add(a.organisation.en, a.id, 'same-organisation');
    for (const s of a.shareholders ?? []) add(s, a.id, 'shareholder');
    for (const m of a.allianceMembers ?? []) add(m, a.id, 'alliance-member');
  }
  const appIds = new Set(round.applications.map((a) => a.id));

  const found = new Map<string, FlaggedPair>();
  const flag = (expertId: string, applicationId: string, finding: ConflictFinding): void => {
    const k = `${expertId}\u0000${applicationId}`;
    const pair = found.get(k) ?? { expertId, applicationId, findings: [] };
    if (!pair.findings.some((f) => f.reason === finding.reason && f.detail === finding.detail && f.relationship === finding.relationship))
      pair.findings.push(finding);
    found.set(k, pair);
  };

  const byPerson = new Map<string, string[]>();
  for (const e of round.experts) {
    const card = cards.get(e.id);
    for (const n of new Set([e.name, card?.displayName].filter((x): x is string => !!x).map(personKey))) {
      byPerson.set(n, [...(byPerson.get(n) ?? []), e.id]);
    }
    const current = [card?.organisation, e.organisation].filter((x): x is string => !!x);
    const former = (e.formerOrganisations ?? []).filter((f) => f.until >= sinceYear);
    const orgs: { name: string; former?: number }[] = [
      ...current.map((name) => ({ name })),
      ...former.map((f) => ({ name: f.name, former: f.until })),
    ];
    for (const o of orgs) {
      for (const r of roles.get(organisationMatchKey(o.name)) ?? []) {
        const reason: ConflictReason = o.former !== undefined && r.reason === 'same-organisation' ? 'former-organisation' : r.reason;
        flag(e.id, r.applicationId, { reason, detail: o.former !== undefined ? `${r.name} (${o.former})` : r.name });
      }
    }
    for (const rel of e.relationships ?? []) {
      const note = rel.note ? `（${rel.note}）` : '';
      if (rel.applicationId && appIds.has(rel.applicationId))
        flag(e.id, rel.applicationId, { reason: 'declared', relationship: rel.kind, detail: rel.note ?? '' });
      if (rel.organisation) {
        for (const r of roles.get(organisationMatchKey(rel.organisation)) ?? [])
          flag(e.id, r.applicationId, { reason: 'declared', relationship: rel.kind, detail: `${r.name}${note}` });
      }
    }
  }

  const ids = new Set(round.experts.map((e) => e.id));
  const unmatchedExclusions: ScreenResult['unmatchedExclusions'] = [];
  for (const a of round.applications) {
    for (const x of a.excludedExperts ?? []) {
      const entry = typeof x === 'string' ? { id: x, name: undefined, reason: '' } : x;
      const hits = new Set<string>();
      if (entry.id && ids.has(entry.id)) hits.add(entry.id);
      if (entry.name) for (const id of byPerson.get(personKey(entry.name)) ?? []) hits.add(id);
      if (hits.size === 0) unmatchedExclusions.push({ applicationId: a.id, expert: entry.id ?? entry.name ?? '' });
      for (const id of hits) flag(id, a.id, { reason: 'excluded-by-applicant', detail: entry.reason });
    }
  }

  const decisions = new Map<string, ConflictDecision>();
  for (const d of round.conflictDecisions ?? []) decisions.set(`${d.expertId}\u0000${d.applicationId}`, d); // the last one stands
  // A conflict the secretariat confirmed that screening did not find (it learnt of it otherwise) is flagged too.
  for (const k of decisions.keys()) {
    const d = decisions.get(k);
    if (d && d.decision === 'confirmed' && !found.has(k))
      found.set(k, { expertId: d.expertId, applicationId: d.applicationId, findings: [] });
  }
  const flagged = [...found.entries()]
    .map(([k, p]) => {
      const decision = decisions.get(k);
      return decision ? { ...p, decision } : p;
    })
    .sort((x, y) => byCodePoint(x.expertId, y.expertId) || byCodePoint(x.applicationId, y.applicationId));
  return { flagged, unmatchedExclusions };
}

/** The pairs the draw must avoid: flagged and not overridden by the secretariat. */
export function blockedPairs(result: ScreenResult): Set<string> {
  return new Set(result.flagged.filter((p) => p.decision?.decision !== 'overridden').map((p) => pairKey(p.expertId, p.applicationId)));
}

export const pairKey = (expertId: string, applicationId: string): string => `${expertId}\u0000${applicationId}`;
