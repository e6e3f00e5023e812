/** The demo workspace that `npm start` and the browser host open when there is nothing else. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE, prepareDemoWorkspace } from '../../electron/handlers/demo-workspace.ts';
import { openWorkspace } from '../../electron/handlers/index.ts';
import { tempDir } from '../helpers/tmp.ts';
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

    const again = await openWorkspace(dir, testHost(), { scryptLogN: 10 });
    expect((await again.invoke('identity:unlock', { passphrase: DEMO_PASSPHRASE })).identity.status).toBe('unlocked');
    again.close();
  });
});
