/**
 * Files opened from outside the window (file association, second launch):
 * electron/host/external.ts against real workspaces and the demo round's
 * real package and score bundle.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoSummary } from '../../electron/demo/generate.ts';
import { adoptIdentity } from '../../electron/workspace/unlock.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { externalFilesIn, openExternalFile } from '../../electron/host/external.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const root = tempDir('rd-external-');
const demoDir = join(root, 'demo');
let demo: DemoSummary;

beforeAll(async () => {
  demo = await generateDemo({ out: demoDir, experts: 2, applications: 2 });
}, 120_000);

async function workspace(name: string, who: 'secretariat' | 'E01'): Promise<Workspace> {
  const ws = await openWorkspace(join(root, name), testHost(), { scryptLogN: 10 });
  const identity = await loadIdentity(who === 'secretariat' ? join(demoDir, 'secretariat') : join(demoDir, 'experts', who));
  await adoptIdentity(ws.ctx, identity, 'a passphrase long enough');
  return ws;
}

describe('files opened from outside the window', () => {
  it('takes .rpkg and .rsb files from a command line, and nothing else', () => {
    expect(externalFilesIn(['--inspect', 'a.rpkg', '/x/B.RSB', 'notes.txt', '-flag.rpkg', 'C:\\r\\c.rpkg'])).toEqual([
      'a.rpkg',
      '/x/B.RSB',
      'C:\\r\\c.rpkg',
    ]);
  });

  it("imports a review package into an expert's workspace, and says why one cannot be opened", async () => {
    const ws = await workspace('expert', 'E01');
    try {
      const call = (c: string, i: unknown) => ws.call(c, i);
      // The secretariat's first package is held for the trust question: nothing is imported yet.
      const held = await openExternalFile(join(demoDir, 'packages', 'E01.rpkg'), call);
      const secretariat = (await loadIdentity(join(demoDir, 'secretariat'))).card;
      expect(held).toEqual({
        kind: 'package',
        fileName: 'E01.rpkg',
        ok: true,
        pending: {
          pendingId: expect.any(String),
          fileName: 'E01.rpkg',
          fingerprint: secretariat.fingerprint,
          organisation: secretariat.organisation,
          displayName: secretariat.displayName,
        },
      });
      expect((await ws.invoke('app:state', {})).packages).toEqual([]);
      const accepted = await ws.invoke('trust:accept', { pendingId: held.pending!.pendingId });
      // Removing the pin keeps the package: the same file again is the package already imported.
      await ws.invoke('trust:remove', { fingerprint: secretariat.fingerprint });
      expect(await openExternalFile(join(demoDir, 'packages', 'E01.rpkg'), call)).toEqual({
        kind: 'package',
        fileName: 'E01.rpkg',
        ok: true,
        packageId: accepted.packageId,
      });
      expect((await ws.invoke('app:state', {})).packages.map((p) => p.packageId)).toEqual([accepted.packageId]);

      const forOther = await openExternalFile(join(demoDir, 'packages', 'E02.rpkg'), call);
      expect(forOther).toMatchObject({ kind: 'package', ok: false, error: { code: 'E_WRONG_KEY' } });
      expect(forOther.error!.message['zh-CN']).not.toBe('');
      expect(await openExternalFile(join(root, 'gone.rpkg'), call)).toMatchObject({ ok: false, error: { code: 'E_IO' } });
      // A score bundle is the secretariat's: an expert's workspace refuses it with its reason.
      expect(await openExternalFile(demo.bundles[0]!, call)).toMatchObject({
        kind: 'bundle',
        ok: false,
        error: { code: 'E_NOT_SECRETARIAT' },
      });
      const other = join(root, 'readme.txt');
      copyFileSync(demo.bundles[0]!, other);
      expect(await openExternalFile(other, call)).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED' } });
      expect((await ws.invoke('app:state', {})).packages).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it("adds a score bundle to the secretariat's merge, once however often it is opened", async () => {
    const ws = await workspace('secretariat', 'secretariat');
    try {
      const call = (c: string, i: unknown) => ws.call(c, i);
      const bundle = demo.bundles[0]!;
      // Before the round's ledger there is nothing to check a bundle against: the reason says what to do.
      expect(await openExternalFile(bundle, call)).toMatchObject({ kind: 'bundle', ok: false, error: { code: 'E_NO_LEDGER' } });
      const named = (path: string) => ({ fileName: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });
      await ws.invoke('merge:setLedger', {
        ledger: named(join(demoDir, 'packages', 'ledger.json')),
        signature: named(join(demoDir, 'packages', 'ledger.json.sig')),
      });
      expect(await openExternalFile(bundle, call)).toEqual({ kind: 'bundle', fileName: bundle.split('/').pop(), ok: true });
      expect(await openExternalFile(bundle, call)).toMatchObject({ ok: true });
      const state = await ws.invoke('merge:state', {});
      expect(state.files.map((f) => f.fileName)).toEqual([bundle.split('/').pop()]);
    } finally {
      ws.close();
    }
  });
});
