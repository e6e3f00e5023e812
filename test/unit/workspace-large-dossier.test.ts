/**
 * A package with a large dossier file (a scan), through the real handler
 * table: the file is hashed where it lies when the package is opened, never
 * held or written in plaintext, and read back exactly — right after the
 * import, and after the workspace is closed and opened again.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, testHost, type RoundFixture } from '../helpers/workspace.ts';

const root = tempDir('rd-large-dossier-');
const dataDir = join(root, 'workspace');
const OPTIONS = { scryptLogN: 10 };
const SCAN = 'dossiers/A001/扫描件.pdf';
let fx: RoundFixture;
let scan: Buffer;
let ws: Workspace;
let packageId: string;

beforeAll(async () => {
  fx = await demoRound(join(root, 'demo'));
  scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024 + 777)]);
  writeFileSync(join(fx.dir, 'round', SCAN), scan);
  ws = await openWorkspace(dataDir, testHost(), OPTIONS);
  const state = await ws.invoke('identity:create', { displayName: '专家', organisation: '', fields: [], passphrase: 'a long passphrase' });
  if (state.identity.status === 'none') throw new Error('no identity');
  const pkg = await packageFor(fx, state.identity.card, join(root, 'p.rpkg'));
  packageId = (await importTrusted(ws, 'p.rpkg', new Uint8Array(readFileSync(pkg.path)))).packageId;
  await ws.invoke('package:acceptPledge', { packageId });
  await ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
  return () => ws.close();
}, 120_000);

describe('a large dossier file', () => {
  const read = async (): Promise<Buffer> =>
    Buffer.from((await ws.invoke('dossier:read', { packageId, applicationId: 'A001', path: SCAN })).bytes);

  it('reads back exactly right after the import', async () => {
    expect((await read()).equals(scan)).toBe(true);
  });

  it('is never on disk in plaintext', () => {
    const probes = [0.1, 0.5, 0.9].map((f) => scan.subarray(Math.floor(scan.length * f), Math.floor(scan.length * f) + 48));
    ws.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of listTree(dataDir)) {
      const p = join(dataDir, f);
      try {
        readdirSync(p);
        continue;
      } catch {
        // a file
      }
      const bytes = readFileSync(p);
      for (const probe of probes) expect(bytes.includes(probe), f).toBe(false);
    }
  });

  it('reads back exactly after the workspace is opened again', async () => {
    ws.close();
    ws = await openWorkspace(dataDir, testHost(), OPTIONS);
    await ws.invoke('identity:unlock', { passphrase: 'a long passphrase' });
    expect((await read()).equals(scan)).toBe(true);
    expect((await read()).equals(scan)).toBe(true);
  });
});
