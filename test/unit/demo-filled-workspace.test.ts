/**
 * The demo's filled-in workspace (`reviewdesk demo` → workspaces/E01): it opens
 * through openWorkspace with the demo passphrase, holds E01's reviews as in
 * bundles/E01.rsb, and its own export says the same.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import type { ApplicationReview, Bundle } from '../../shared/formats.ts';
import type { ReviewState } from '../../shared/ipc/contract.ts';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { DEMO_PASSPHRASE } from '../../electron/demo/workspace.ts';
import { HOLDER_FILE, openWorkspace } from '../../electron/workspace/open.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const out = join(tempDir('rd-demo-filled-'), 'demo');
const wsDir = join(out, 'workspaces', 'E01');
let secretariat: Identity;
let e01: Bundle;

/** A review without the moments it was entered: what must match between the generator's bundle and the workspace. */
function content(r: ApplicationReview): unknown {
  const strip = (s: ApplicationReview['scores'][number]) => ({
    criterionId: s.criterionId,
    score: s.score,
    comment: s.comment,
    evidence: s.evidence,
  });
  return {
    applicationId: r.applicationId,
    conflict: { status: r.conflict.status, reason: r.conflict.reason },
    status: r.status,
    gates: r.gates.map(strip),
    scores: r.scores.map(strip),
    opinion: r.opinion,
    recommendation: r.recommendation,
  };
}

/** The same shape from what the review screen reads (`review:get`). */
function stateContent(s: ReviewState, like: ApplicationReview): unknown {
  const pick = (ids: string[]) =>
    ids.map((id) => ({
      criterionId: id,
      score: s.criteria[id]!.score,
      comment: s.criteria[id]!.comment,
      evidence: s.criteria[id]!.evidence,
    }));
  return {
    applicationId: s.applicationId,
    conflict: { status: s.conflict!.status, reason: s.conflict!.reason },
    status: like.status,
    gates: pick(like.gates.map((g) => g.criterionId)),
    scores: pick(like.scores.map((g) => g.criterionId)),
    opinion: s.opinion,
    recommendation: s.recommendation,
  };
}

describe('the demo workspace of E01', () => {
  beforeAll(async () => {
    const summary = await generateDemo({ out, workspace: true });
    expect(summary.workspaces).toEqual([wsDir]);
    secretariat = await loadIdentity(join(out, 'secretariat'));
    e01 = (await openBundleBytes(readFileSync(join(out, 'bundles', 'E01.rsb')), secretariat)).bundle;
  }, 180_000);

  it('was closed (no holder record left) and opens only with the demo passphrase', async () => {
    expect(existsSync(join(wsDir, HOLDER_FILE))).toBe(false);
    const ws = await openWorkspace(wsDir, testHost());
    try {
      const locked = await ws.invoke('app:state', {});
      expect(locked.identity).toMatchObject({ status: 'locked', protection: 'passphrase' });
      const wrong = await ws.invoke('identity:unlock', { passphrase: 'not-the-demo-passphrase' }).catch((e: unknown) => e);
      expect(isReviewDeskError(wrong) && wrong.code).toBe('E_PASSPHRASE');
      const state = await ws.invoke('identity:unlock', { passphrase: DEMO_PASSPHRASE });
      expect(state.identity).toMatchObject({ status: 'unlocked', card: { fingerprint: e01.expertFingerprint, demo: true } });
      expect(state.packages).toHaveLength(1);
      expect(state.packages[0]).toMatchObject({ packageId: e01.packageId, round: { id: e01.roundId } });
    } finally {
      ws.close();
    }
  });

  it("holds E01's reviews, entered one audited edit at a time, equal to bundles/E01.rsb", async () => {
    const ws = await openWorkspace(wsDir, testHost());
    try {
      await ws.invoke('identity:unlock', { passphrase: DEMO_PASSPHRASE });
      const packageId = e01.packageId;
      expect(e01.applications.length).toBeGreaterThan(1);
      for (const expected of e01.applications) {
        const state = await ws.invoke('review:get', { packageId, applicationId: expected.applicationId });
        expect(stateContent(state, expected)).toEqual(content(expected));
      }
      const scored = e01.applications.reduce((n, a) => n + a.gates.length + a.scores.length, 0);
      const history = await ws.invoke('review:history', { packageId, limit: 1000 });
      expect(history.filter((h) => h.field === 'score')).toHaveLength(scored);
      expect(await ws.invoke('bundle:validate', { packageId })).toEqual({ complete: true, issues: [] });
    } finally {
      ws.close();
    }
  });

  it("exported its reviews itself: the workspace's .rsb says what bundles/E01.rsb says", async () => {
    const files = readdirSync(join(wsDir, 'exports')).filter((f) => f.endsWith('.rsb'));
    expect(files).toHaveLength(1);
    const { bundle } = await openBundleBytes(readFileSync(join(wsDir, 'exports', files[0]!)), secretariat);
    expect(bundle).toMatchObject({ packageId: e01.packageId, packageSha256: e01.packageSha256, expertFingerprint: e01.expertFingerprint });
    expect(bundle.applications.map(content)).toEqual(e01.applications.map(content));
  });

  it('moves as a folder: a copy elsewhere opens, unlocks and decrypts its dossiers (what `npm start` would do with it)', async () => {
    const copy = join(tempDir('rd-demo-filled-copy-'), 'ws');
    cpSync(wsDir, copy, { recursive: true });
    const ws = await openWorkspace(copy, testHost());
    try {
      await ws.invoke('identity:unlock', { passphrase: DEMO_PASSPHRASE });
      const detail = await ws.invoke('package:get', { packageId: e01.packageId });
      const a = detail.applications.find((x) => x.files.length > 0)!;
      const file = await ws.invoke('dossier:read', { packageId: e01.packageId, applicationId: a.id, path: a.files[0]!.path });
      expect(Buffer.from(file.bytes).equals(readFileSync(join(out, 'round', a.files[0]!.path)))).toBe(true);
    } finally {
      ws.close();
    }
  });
});
