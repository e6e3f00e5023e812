/**
 * A large package imported through the browser host into a real workspace:
 * its bytes stream to a private file in the data folder and are moved into
 * place, never held in the host's memory; nothing is left in `incoming/`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { FRAME_TYPE, decodeFrame, encodeFrame } from '../../shared/ipc/wire.ts';
import { tempDir } from '../helpers/tmp.ts';
import { demoRound, packageFor, testHost } from '../helpers/workspace.ts';

const root = tempDir('rd-host-import-');
const dataDir = join(root, 'workspace');
const SCAN = 'dossiers/A001/扫描件.pdf';
let ws: Workspace;
let host: BrowserHost;
let rpkg: Buffer;
let scan: Buffer;

beforeAll(async () => {
  const fx = await demoRound(join(root, 'demo'));
  scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(24 << 20)]);
  writeFileSync(join(fx.dir, 'round', SCAN), scan);
  ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
  const state = await ws.invoke('identity:create', { displayName: '专家', organisation: '', fields: [], passphrase: 'a long passphrase' });
  if (state.identity.status === 'none') throw new Error('no identity');
  rpkg = readFileSync((await packageFor(fx, state.identity.card, join(root, 'p.rpkg'))).path);
  host = await startBrowserHost({
    rendererDir: join(root, 'renderer'),
    dispatch: (c, i) => ws.call(c, i),
    stageDir: join(dataDir, INCOMING_DIR),
  });
}, 180_000);
afterAll(async () => {
  await host?.close();
  ws?.close();
});

function post(channel: string, value: unknown): Promise<unknown> {
  const body = Buffer.concat(encodeFrame(value));
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `/api/${encodeURIComponent(channel)}`,
        method: 'POST',
        headers: { host: url.host, origin: host.origin, 'x-reviewdesk-token': host.token, 'content-type': FRAME_TYPE },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve(decodeFrame(Buffer.concat(parts))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('a large package through the browser host', () => {
  it('imports, with the package streamed to disk rather than held, and nothing left in incoming/', async () => {
    host.bodyStats.peakBuffered = 0;
    const held = (await post('package:import', { fileName: 'p.rpkg', bytes: new Uint8Array(rpkg) })) as {
      ok: boolean;
      value: { status: string; pending: { pendingId: string } };
    };
    expect(held.ok, JSON.stringify(held)).toBe(true);
    expect(host.bodyStats.staged).toBe(rpkg.length);
    expect(host.bodyStats.peakBuffered).toBeLessThan(4096);
    // The first package of this secretariat waits for the expert's word on its key; the streamed copy is what waits.
    expect(held.value.status).toBe('needsTrust');
    const env = (await post('trust:accept', { pendingId: held.value.pending.pendingId })) as { ok: boolean; value: { packageId: string } };
    expect(env.ok, JSON.stringify(env)).toBe(true);
    const kept = join(dataDir, 'packages', `${env.value.packageId}.rpkg`);
    expect(readFileSync(kept).equals(rpkg)).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dataDir, INCOMING_DIR))).toEqual([]);
    // And it opens: the large scan reads back exactly.
    const { packageId } = env.value;
    await ws.invoke('package:acceptPledge', { packageId });
    await ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
    const read = (await post('dossier:read', { packageId, applicationId: 'A001', path: SCAN })) as { value: { bytes: Uint8Array } };
    expect(Buffer.from(read.value.bytes).equals(scan)).toBe(true);
    // The same package again changes nothing, and still leaves nothing behind.
    expect(((await post('package:import', { fileName: 'p.rpkg', bytes: new Uint8Array(rpkg) })) as { ok: boolean }).ok).toBe(true);
    expect(readdirSync(join(dataDir, INCOMING_DIR))).toEqual([]);
  }, 120_000);

  it('a refused package leaves nothing in incoming/ either, and a crash’s leftovers there are swept at open', async () => {
    const damaged = Buffer.from(rpkg);
    damaged[damaged.length - 100]! ^= 1;
    const env = (await post('package:import', { fileName: 'd.rpkg', bytes: new Uint8Array(damaged) })) as { ok: boolean };
    expect(env.ok).toBe(false);
    expect(readdirSync(join(dataDir, INCOMING_DIR))).toEqual([]);
    mkdirSync(join(dataDir, INCOMING_DIR), { recursive: true });
    writeFileSync(join(dataDir, INCOMING_DIR, 'left-by-a-crash.partial'), 'x');
    ws.close();
    ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
    // The sweep runs once the database is open: at unlock, for a passphrase.
    await ws.invoke('identity:unlock', { passphrase: 'a long passphrase' });
    expect(readdirSync(join(dataDir, INCOMING_DIR))).toEqual([]);
  }, 60_000);
});
