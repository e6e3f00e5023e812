/**
 * The site visits (现场考察) of a merge, per application: each accepted expert's visit as their score file
 * signed it, and for every checklist item (考察要点) how many experts answered 符合 / 不符合 / 不适用. An item
 * anyone answered 不符合 is flagged: like a basic condition, no single expert's answer decides anything, it
 * draws the panel's attention. Pure: `reviewdesk merge --json`, the workbook and the visit sheets read it.
 */
import type { ItemResult } from '../visit/model.ts';
import type { LocalizedText } from '../i18n-text.ts';
import { ledgerRubric, type Ledger } from './ledger.ts';
import type { ConsensusEntry, FullBundle, PhotoCitation, ReviewVisit, ReviewVisitPhoto } from './model.ts';

/** 符合 / 不符合 / 不适用, the words of the sheets and the workbook. */
export const ITEM_RESULT_ZH: Record<ItemResult, string> = { meets: '符合', fails: '不符合', na: '不适用' };

export interface ExpertVisit {
  expertId: string;
  name: string;
  organisation: string;
  fingerprint: string;
  /** The revision of the score file that counts, and its SHA-256. */
  revision: number;
  fileSha256: string;
  visitedAt: string;
  place: string;
  attendees: ReviewVisit['attendees'];
  items: ReviewVisit['items'];
  notes: string;
  opinion: string;
  photos: ReviewVisitPhoto[];
}

export interface VisitItemSummary {
  id: string;
  /** The item's title in the rubric; the id itself for an item the rubric does not have. */
  title: LocalizedText;
  /** Whether the application's rubric has this item. */
  inRubric: boolean;
  meets: number;
  fails: number;
  na: number;
  /** Experts who visited and did not answer this item. */
  unanswered: number;
  /** Someone answered 不符合. */
  flagged: boolean;
}

export interface ApplicationVisits {
  experts: ExpertVisit[];
  /** The rubric's checklist in its order, then any item only a visit names. */
  items: VisitItemSummary[];
}

/**
 * Site visits by application id, for the applications at least one accepted expert visited (an application
 * nobody visited has no entry). Experts in id order.
 */
export function siteVisitsByApplication(ledger: Ledger, accepted: Readonly<Record<string, FullBundle>>): Record<string, ApplicationVisits> {
  const out: Record<string, ApplicationVisits> = {};
  const experts = Object.keys(accepted).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const app of ledger.applications) {
    const visits: ExpertVisit[] = [];
    for (const expertId of experts) {
      const b = accepted[expertId]!;
      const v = b.reviews.find((r) => r.applicationId === app.id)?.siteVisit;
      if (!v) continue;
      visits.push({
        expertId,
        name: b.expert.displayName,
        organisation: b.expert.organisation,
        fingerprint: b.expert.fingerprint,
        revision: b.revision,
        fileSha256: b.fileSha256,
        visitedAt: v.visitedAt,
        place: v.place,
        attendees: v.attendees,
        items: v.items,
        notes: v.notes,
        opinion: v.opinion,
        photos: v.photos,
      });
    }
    if (!visits.length) continue;
    const checklist = ledgerRubric(ledger, app.id).siteVisit;
    const ids = [...checklist.map((c) => c.id)];
    for (const v of visits) for (const x of v.items) if (!ids.includes(x.id)) ids.push(x.id);
    const titles = new Map(checklist.map((c) => [c.id, c.title]));
    const items = ids.map((id): VisitItemSummary => {
      const answers = visits.map((v) => v.items.find((x) => x.id === id)?.result);
      const count = (r: ItemResult): number => answers.filter((a) => a === r).length;
      const fails = count('fails');
      return {
        id,
        title: titles.get(id) ?? { 'zh-CN': id, en: id },
        inRubric: titles.has(id),
        meets: count('meets'),
        fails,
        na: count('na'),
        unanswered: answers.filter((a) => a === undefined).length,
        flagged: fails > 0,
      };
    });
    out[app.id] = { experts: visits, items };
  }
  return out;
}

/** A photo to cite as the secretary picks it: whose visit (by card fingerprint) and the photo's path. */
export interface CitationChoice {
  expertFingerprint: string;
  photo: string;
}

/** Why a citation cannot stand: the photo and the expert as the message names them. */
export interface CitationProblem {
  photo: string;
  expert: string;
  application: string;
}

/**
 * The citation of a photo in the accepted visit of `applicationId` by the expert with that fingerprint, with
 * the expert's id and the photo's signed SHA-256; null when that expert's accepted score file has no visit
 * of the application or the visit no such photo.
 */
export function resolveCitation(
  visits: Readonly<Record<string, ApplicationVisits>>,
  applicationId: string,
  choice: CitationChoice,
): PhotoCitation | null {
  const visit = visits[applicationId]?.experts.find((e) => e.fingerprint === choice.expertFingerprint);
  const photo = visit?.photos.find((p) => p.path === choice.photo);
  if (!visit || !photo) return null;
  return { expertId: visit.expertId, expertFingerprint: visit.fingerprint, photo: photo.path, sha256: photo.sha256 };
}

/**
 * The first citation of `entry` that the accepted visits do not hold as cited (same expert id and
 * fingerprint, same photo, same SHA-256), or null when every one stands. `reviewdesk merge --consensus`
 * checks a file's records with it; the app resolves each choice with {@link resolveCitation}.
 */
export function citationProblem(
  visits: Readonly<Record<string, ApplicationVisits>>,
  entry: Pick<ConsensusEntry, 'applicationId' | 'evidence'>,
): CitationProblem | null {
  for (const c of entry.evidence ?? []) {
    const found = resolveCitation(visits, entry.applicationId, { expertFingerprint: c.expertFingerprint, photo: c.photo });
    if (!found || found.expertId !== c.expertId || found.sha256 !== c.sha256)
      return { photo: c.photo, expert: `${c.expertId} ${c.expertFingerprint}`, application: entry.applicationId };
  }
  return null;
}
