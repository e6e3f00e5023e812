/**
 * The demo's filled-in workspace (`reviewdesk demo` writes it to
 * `workspaces/E01/`): an expert's workspace as the app keeps it, with the
 * reviews of that expert's final bundle entered through the same handler
 * table the app calls — identity adopted, package imported, pledge, conflict
 * declarations, every score, comment and opinion — then exported and closed.
 * Only the workspace API is used, so whatever the workspace does at rest
 * (sealing keys, and anything it adds later) applies here unchanged.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Card } from '../../shared/card.ts';
import type { ApplicationReview } from '../../shared/formats.ts';
import type { SiteVisit } from '../../shared/visit/model.ts';
import type { BundleAttachment } from '../bundles/write.ts';
import type { Output } from '../../shared/ipc/contract.ts';
import { adoptIdentity } from '../workspace/unlock.ts';
import { noKeychain, type Host } from '../workspace/host.ts';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../workspace/open.ts';
import type { Identity } from '../keys/identity.ts';
import { trustSecretariat } from '../packages/trust.ts';

/** The passphrase of the demo identities' sealed keys where there is no real keychain. DEMO ONLY. */
export const DEMO_PASSPHRASE = 'demo-passphrase';

/**
 * scrypt work factor of the demo workspace's sealed keys. The passphrase is published, so no work factor protects
 * them; the app's 2^18 would only cost every `reviewdesk demo` about 2.5 s of CPU and 256 MiB (2^15 still 0.5 s).
 * The factor is in the age header, so unlock reads it from there.
 */
export const DEMO_SCRYPT_LOG_N = 10;

export interface FilledWorkspace {
  dir: string;
  packageId: string;
  /** The workspace's own export of the entered reviews. */
  exported: Omit<Output<'bundle:export'>, 'bytes'>;
}

/** A host without a keychain, so the keys are sealed by the passphrase and the folder opens on any machine. */
function demoHost(): Host {
  return { secrets: noKeychain('none'), appVersion: 'demo', emit: () => undefined };
}

/** Enters one application's review as a reviewer would, one audited edit at a time. */
async function enter(ws: Workspace, packageId: string, r: ApplicationReview, photos: readonly BundleAttachment[]): Promise<void> {
  const ref = { packageId, applicationId: r.applicationId };
  await ws.invoke('review:declareConflict', { ...ref, status: r.conflict.status, reason: r.conflict.reason });
  if (r.conflict.status === 'recused') return;
  if (r.siteVisit) await enterVisit(ws, ref, r.siteVisit, photos);
  for (const s of [...r.gates, ...r.scores]) {
    await ws.invoke('review:edit', { ...ref, edit: { field: 'score', criterionId: s.criterionId, value: s.score } });
    if (s.comment) await ws.invoke('review:edit', { ...ref, edit: { field: 'comment', criterionId: s.criterionId, value: s.comment } });
    if (s.evidence.length)
      await ws.invoke('review:edit', { ...ref, edit: { field: 'evidence', criterionId: s.criterionId, value: s.evidence } });
  }
  if (r.opinion) await ws.invoke('review:edit', { ...ref, edit: { field: 'opinion', value: r.opinion } });
  if (r.recommendation !== null) await ws.invoke('review:edit', { ...ref, edit: { field: 'recommendation', value: r.recommendation } });
  if (r.additionalRecommendations?.length)
    await ws.invoke('review:edit', { ...ref, edit: { field: 'additionalRecommendations', value: r.additionalRecommendations } });
}

/** Enters a site visit as the expert would on site: the details, each checklist item, the photos and their links. */
async function enterVisit(
  ws: Workspace,
  ref: { packageId: string; applicationId: string },
  v: SiteVisit,
  photos: readonly BundleAttachment[],
): Promise<void> {
  await ws.invoke('visit:edit', { ...ref, edit: { field: 'visitedAt', value: v.visitedAt } });
  await ws.invoke('visit:edit', { ...ref, edit: { field: 'place', value: v.place } });
  await ws.invoke('visit:edit', { ...ref, edit: { field: 'attendees', value: v.attendees } });
  for (const x of v.items) await ws.invoke('visit:edit', { ...ref, edit: { field: 'item', itemId: x.id, result: x.result, note: x.note } });
  await ws.invoke('visit:edit', { ...ref, edit: { field: 'notes', value: v.notes } });
  await ws.invoke('visit:edit', { ...ref, edit: { field: 'opinion', value: v.opinion } });
  const files = v.photos.map((p) => {
    const a = photos.find((x) => x.path === p.path);
    if (!a) throw new Error(`internal: the demo visit's photo ${p.path} has no bytes`);
    return { fileName: p.path.slice('attachments/'.length), bytes: new Uint8Array(a.data) };
  });
  if (!files.length) return;
  const added = await ws.invoke('visit:addPhotos', { ...ref, files });
  if (added.refused.length) throw new Error(`internal: the demo photos were refused: ${added.refused.map((x) => x.message.en).join('; ')}`);
  // The workspace names photos P1, P2, … in the order added, as the generator did.
  for (const [k, p] of v.photos.entries()) {
    const photo = added.photos[added.photos.length - v.photos.length + k];
    if (!photo || photo.path !== p.path) throw new Error(`internal: the demo photo ${p.path} was stored as ${photo?.path ?? 'nothing'}`);
    await ws.invoke('visit:editPhoto', { ...ref, photoId: photo.id, caption: p.caption, itemIds: p.itemIds, criterionIds: p.criterionIds });
  }
}

/**
 * Creates the workspace in `dir` (which must not hold one yet) for `identity`,
 * imports `packageFile`, enters `reviews` and exports them. The folder is
 * closed (its lock released) on return, and on failure too.
 */
export async function fillExpertWorkspace(opts: {
  dir: string;
  identity: Identity;
  /** The demo secretariat's card: trusted as if the expert had confirmed its fingerprint by phone. */
  secretariat: Card;
  packageFile: string;
  reviews: readonly ApplicationReview[];
  /** The photos of the reviews' site visits. */
  photos?: readonly BundleAttachment[];
  passphrase?: string;
  options?: WorkspaceOptions;
}): Promise<FilledWorkspace> {
  const ws = await openWorkspace(opts.dir, demoHost(), { scryptLogN: DEMO_SCRYPT_LOG_N, ...opts.options });
  try {
    await adoptIdentity(ws.ctx, opts.identity, opts.passphrase ?? DEMO_PASSPHRASE);
    const bytes = new Uint8Array(await readFile(opts.packageFile));
    trustSecretariat(ws.ctx.db, opts.secretariat, 'demo', new Date().toISOString());
    const imported = await ws.invoke('package:import', { fileName: basename(opts.packageFile), bytes });
    if (imported.status !== 'imported') throw new Error('the demo package is not signed by the demo secretariat');
    const { packageId } = imported.package;
    await ws.invoke('package:acceptPledge', { packageId });
    for (const r of opts.reviews) await enter(ws, packageId, r, opts.photos ?? []);
    const complete = opts.reviews.every((r) => r.status !== 'in-progress');
    const r = await ws.invoke('bundle:export', { packageId, allowIncomplete: !complete });
    return {
      dir: opts.dir,
      packageId,
      exported: { revision: r.revision, fileName: r.fileName, sha256: r.sha256, size: r.size, complete: r.complete },
    };
  } finally {
    ws.close();
  }
}
