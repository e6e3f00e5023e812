/** The handler table through `dispatch`: envelopes, input validation, refusals before setup. */
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT, WireError } from '../../shared/ipc/contract.ts';
import { createHandlers } from '../../electron/handlers/index.ts';
import { openWorkspace } from '../../electron/workspace/open.ts';
import { dispatch } from '../../electron/handlers/registry.ts';
import { tempDir } from '../helpers/tmp.ts';
import { realKeychain, testHost } from '../helpers/workspace.ts';

const dir = tempDir('rd-dispatch-');
const PKG = '6f1c2f3e-1111-4222-8333-944455556666';

describe('handler table', () => {
  it('has exactly one handler per channel of the contract', () => {
    const table = createHandlers();
    expect(Object.keys(table).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers with envelopes: values that match the output schema, errors with a code and both languages', async () => {
    const ws = await openWorkspace(dir, testHost());
    try {
      const ok = await dispatch(ws.handlers, 'app:state', {}, ws.ctx);
      expect(ok.ok).toBe(true);
      if (ok.ok) expect(CONTRACT['app:state'].output.parse(ok.value)).toMatchObject({ locale: 'zh-CN', identity: { status: 'none' } });
      // A missing input counts as {} for channels without parameters.
      expect((await ws.call('app:state', undefined)).ok).toBe(true);

      const cases: [string, unknown, string][] = [
        ['nope:nothing', {}, 'E_UNKNOWN_CHANNEL'],
        ['settings:set', { locale: 'fr' }, 'E_INVALID_INPUT'],
        ['settings:set', { extra: 1 }, 'E_INVALID_INPUT'],
        ['package:get', { packageId: 'not-a-uuid' }, 'E_INVALID_INPUT'],
        ['package:import', { fileName: 'x.rpkg', bytes: 'not bytes' }, 'E_INVALID_INPUT'],
        [
          'review:edit',
          { packageId: PKG, applicationId: 'A001', edit: { field: 'score', criterionId: 'C1', value: 'high' } },
          'E_INVALID_INPUT',
        ],
        ['identity:create', { displayName: ' ', organisation: '', fields: [], passphrase: 'long enough' }, 'E_INVALID_INPUT'],
        ['identity:create', { displayName: '张三', organisation: '', fields: [], passphrase: 'short' }, 'E_INVALID_INPUT'],
        ['identity:card', {}, 'E_NO_IDENTITY'],
        ['identity:unlock', { passphrase: 'whatever' }, 'E_NO_IDENTITY'],
        ['identity:create', { displayName: '张三', organisation: '', fields: [], passphrase: null }, 'E_PASSPHRASE_REQUIRED'],
        ['package:import', { fileName: 'x.rpkg', bytes: new Uint8Array(10) }, 'E_NO_IDENTITY'],
        // Before first-run setup there is no database at all: everything that would read it is refused.
        ['package:get', { packageId: PKG }, 'E_NO_IDENTITY'],
        ['review:get', { packageId: PKG, applicationId: 'A001' }, 'E_NO_IDENTITY'],
        ['review:restore', { auditId: 12 }, 'E_NO_IDENTITY'],
        ['bundle:export', { packageId: PKG }, 'E_NO_IDENTITY'],
        ['merge:state', {}, 'E_NO_IDENTITY'],
        ['settings:set', { locale: 'en', lastLocation: '#/packages' }, 'E_NO_IDENTITY'],
      ];
      for (const [channel, input, code] of cases) {
        const r = await ws.call(channel, input);
        expect(r.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
        if (r.ok) continue;
        expect(r.error.code, channel).toBe(code);
        expect(() => WireError.parse(r.error)).not.toThrow();
        expect(r.error.message['zh-CN']).not.toMatch(/\{\w+\}/);
        expect(r.error.message.en).not.toMatch(/\{\w+\}/);
      }
      const passphraseRequired = await ws.call('identity:create', { displayName: '张三', organisation: '', fields: [], passphrase: null });
      expect(passphraseRequired).toMatchObject({ ok: false, error: { params: { backend: 'basic_text' } } });
    } finally {
      ws.close();
    }
  });

  it('keeps the language and last location across restarts', async () => {
    const ws = await openWorkspace(dir, testHost());
    // The language is served before there is an identity (the first-run screen switches it); the location is not.
    expect(await ws.invoke('settings:set', { locale: 'en' })).toMatchObject({ locale: 'en', lastLocation: null });
    expect(await ws.invoke('app:state', {})).toMatchObject({ locale: 'en' });
    ws.close();
    const keychain = realKeychain();
    const again = await openWorkspace(dir, testHost({ secrets: keychain }));
    expect(await again.invoke('app:state', {})).toMatchObject({ locale: 'en', lastLocation: null });
    await again.invoke('identity:create', { displayName: '张三', organisation: '', fields: [], passphrase: null });
    expect(await again.invoke('settings:set', { lastLocation: '#/packages' })).toMatchObject({ locale: 'en', lastLocation: '#/packages' });
    again.close();
    const third = await openWorkspace(dir, testHost({ secrets: keychain }));
    expect(await third.invoke('app:state', {})).toMatchObject({ locale: 'en', lastLocation: '#/packages' });
    expect(await third.invoke('settings:set', { lastLocation: null })).toMatchObject({ locale: 'en', lastLocation: null });
    third.close();
  });
});
