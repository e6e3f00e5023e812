/** The demo workspace that `npm start` and the browser host open when there is nothing else. */
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE, prepareDemoWorkspace } from '../../electron/workspace/demo.ts';
import { openWorkspace } from '../../electron/workspace/open.ts';
import { DEMO_APPLICATIONS } from '../../electron/demo/applications.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

describe('demo workspace', () => {
  it('adopts demo expert E01 (passphrase-protected without a keychain), imports its package, and is idempotent', async () => {
    const dir = join(tempDir('rd-demo-ws-'), 'ws');
    const ws = await openWorkspace(dir, testHost(), { scryptLogN: 10 });
    const demo = await prepareDemoWorkspace(ws.ctx);
    expect(demo).toMatchObject({ expertId: 'E01', passphrase: DEMO_PASSPHRASE, packageId: expect.any(String) });
    const state = await ws.invoke('app:state', {});
    expect(state.identity).toMatchObject({
      status: 'unlocked',
      protection: 'passphrase',
      card: { demo: true, fingerprint: demo!.fingerprint },
    });
    expect(state.packages).toHaveLength(1);
    expect(state.packages[0]).toMatchObject({ packageId: demo!.packageId, applications: 4, round: { id: 'SH-MIC-2026' } });
    // The demo secretariat is trusted as if the expert had confirmed it by phone; the demo says so in the pin list.
    expect(await ws.invoke('trust:list', {})).toEqual([
      expect.objectContaining({ fingerprint: state.packages[0]!.signer.fingerprint, how: 'demo', packages: 1 }),
    ]);
    expect(await prepareDemoWorkspace(ws.ctx)).toBeNull();
    ws.close();
    // The demo round (plaintext dossiers, unprotected demo keys) lies beside the workspace, never in it: no file of
    // the workspace folder names an applicant.
    expect(demo!.demoDir.startsWith(dir + sep)).toBe(false);
    const names = DEMO_APPLICATIONS.map((a) => Buffer.from(a.organisation['zh-CN']));
    for (const f of listTree(dir)) {
      const path = join(dir, f);
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      for (const n of names) expect(bytes.includes(n), `${f} holds ${n.toString()}`).toBe(false);
    }

    const again = await openWorkspace(dir, testHost(), { scryptLogN: 10 });
    expect((await again.invoke('identity:unlock', { passphrase: DEMO_PASSPHRASE })).identity.status).toBe('unlocked');
    again.close();
  });
});
