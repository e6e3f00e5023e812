/**
 * Exports that cannot fork: a child process exports through the real
 * handlers and is SIGKILLed at every step of the export (and of the
 * reconciliation that the next open runs), round after round. After every
 * kill the workspace is reopened and must hold one story: no `.partial`, no
 * reservation left, every recorded export's file holding exactly its bytes,
 * and no two different files anywhere carrying the same revision (read from
 * inside the decrypted bundles, with the secretariat's key). At the end the
 * real merge sees every file ever left on disk without
 * E_MERGE_REVISION_CONFLICT, and the next export works.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptBytes } from '../../electron/crypto/age/index.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { BUNDLE_LIMITS } from '../../electron/bundles/limits.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { readZip } from '../../electron/formats/zip.ts';
import { adoptIdentity } from '../../electron/workspace/unlock.ts';
import { DATABASE_FILE, KEY_FILE, openWorkspace } from '../../electron/workspace/open.ts';
import { unsealWorkspaceKey } from '../../electron/workspace/store.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { readLedger } from '../../electron/merge/ledger.ts';
import { importBundles } from '../../electron/merge/merge.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importTrusted, testHost } from '../helpers/workspace.ts';

const ROUNDS = Number(process.env.EXPORT_CRASH_ROUNDS ?? 3);
const PASSPHRASE = 'export crash pass';
const STEPS = [
  'export:sealed',
  'export:reserved',
  'export:half-written',
  'export:written',
  'export:synced',
  'export:committed',
  'export:renamed',
  'export:done',
] as const;

const root = tempDir('rd-export-crash-');
const demoDir = join(root, 'demo');
const dataDir = join(root, 'ws');
/** Every .rsb seen on disk after any run, by SHA-256: what a reviewer could have sent. */
const pool = join(root, 'pool');
const repo = join(import.meta.dirname, '../..');
const childDir = join(repo, 'tmp', `export-crash-${process.pid}`);
const child = join(childDir, 'child.mjs');
let packageId = '';
let secretariat: Identity;
let seq = 0;

/** Runs the child to the end, or until it is killed at `killAt`; returns what it printed as exported. */
function runChild(killAt: string | null): Promise<{ killed: boolean; exported: { revision: number; sha256: string } | null }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.REVIEWDESK_TEST_KILL_AT;
    if (killAt) env.REVIEWDESK_TEST_KILL_AT = killAt;
    const p = spawn(process.execPath, [child, dataDir, packageId, PASSPHRASE, String(++seq)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      const m = /^exported (\d+) ([0-9a-f]{64}) /m.exec(out);
      const exported = m ? { revision: Number(m[1]), sha256: m[2]! } : null;
      if (signal === 'SIGKILL') resolve({ killed: true, exported });
      else if (code === 0) resolve({ killed: false, exported });
      else reject(new Error(`child failed (${code}): ${err}`));
    });
  });
}

const rsbIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.rsb')) : []);

/** Reopens the workspace (which reconciles) and checks that files and records tell one story. */
async function reopenAndCheck(label: string): Promise<void> {
  // The database (encrypted at rest) opens on unlock, and that is when exports/ is reconciled.
  const ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
  await ws.invoke('identity:unlock', { passphrase: PASSPHRASE });
  const db = ws.ctx.db;
  const exportsDir = join(dataDir, 'exports');
  try {
    expect(
      readdirSync(exportsDir).filter((n) => n.endsWith('.partial')),
      label,
    ).toEqual([]);
    const rows = db.prepare('SELECT revision, file_name AS fileName, sha256, size, state FROM exports').all() as {
      revision: number;
      fileName: string;
      sha256: string;
      size: number;
      state: string;
    }[];
    expect(
      rows.filter((r) => r.state !== 'done'),
      label,
    ).toEqual([]);
    for (const r of rows) {
      const bytes = readFileSync(join(exportsDir, r.fileName));
      expect(sha256Hex(bytes), `${label}: ${r.fileName}`).toBe(r.sha256);
      expect(bytes.length).toBe(r.size);
    }
    // Every file left in exports/ is a recorded one; anything else was set aside (and recorded as such).
    expect(rsbIn(exportsDir).sort(), label).toEqual(rows.map((r) => r.fileName).sort());
    const aside = db.prepare('SELECT stored_name FROM export_set_aside').pluck().all() as string[];
    expect(rsbIn(join(exportsDir, 'set-aside')).sort(), label).toEqual([...aside].sort());
  } finally {
    ws.close();
  }
  mkdirSync(pool, { recursive: true });
  for (const dir of [exportsDir, join(exportsDir, 'set-aside')]) {
    for (const name of rsbIn(dir)) {
      const path = join(dir, name);
      copyFileSync(path, join(pool, `${sha256Hex(readFileSync(path))}.rsb`));
    }
  }
}

/** The revision inside a bundle file, read as the secretariat reads it. */
async function revisionOf(path: string): Promise<number> {
  const { plaintext } = await decryptBytes(readFileSync(path), [{ identity: secretariat.ageIdentity }]);
  const json = (await readZip(plaintext, BUNDLE_LIMITS)).get('bundle.json')!;
  return (JSON.parse(json.toString('utf8')) as { revision: number }).revision;
}

/** Makes a complete signed export that the database does not know: what the old code left when killed before its insert. */
async function forgetNewestRecord(): Promise<void> {
  // The database is encrypted at rest: opened with the key sealed in workspace.key.
  const seal = { protection: 'passphrase' as const, passphrase: PASSPHRASE, scryptLogN: 10 };
  const db = openDatabase(join(dataDir, DATABASE_FILE), { key: await unsealWorkspaceKey(readFileSync(join(dataDir, KEY_FILE)), seal) });
  try {
    db.prepare('DELETE FROM exports WHERE revision = (SELECT max(revision) FROM exports)').run();
  } finally {
    db.close();
  }
}

describe('export crash safety', () => {
  beforeAll(async () => {
    mkdirSync(childDir, { recursive: true });
    await build({
      entryPoints: [join(import.meta.dirname, 'export-crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      external: ['better-sqlite3-multiple-ciphers', 'sodium-native'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    await generateDemo({ out: demoDir, experts: 2, applications: 2 });
    secretariat = await loadIdentity(join(demoDir, 'secretariat'));
    const ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
    try {
      await adoptIdentity(ws.ctx, await loadIdentity(join(demoDir, 'experts', 'E01')), PASSPHRASE);
      const bytes = new Uint8Array(readFileSync(join(demoDir, 'packages', 'E01.rpkg')));
      packageId = (await importTrusted(ws, 'E01.rpkg', bytes)).packageId;
      await ws.invoke('package:acceptPledge', { packageId });
      await ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
    } finally {
      ws.close();
    }
  }, 120_000);

  afterAll(() => rmSync(childDir, { recursive: true, force: true }));

  it(`survives a SIGKILL at every step of an export, ${ROUNDS} rounds, without a fork`, async () => {
    const given: { revision: number; sha256: string }[] = [];
    let kills = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const step of STEPS) {
        const r = await runChild(step);
        expect(r.killed, step).toBe(true);
        kills++;
        await reopenAndCheck(`round ${round}, killed at ${step}`);
      }
      // A whole, synced .partial with its reservation, then a kill in the middle of adopting it on the next open.
      expect((await runChild('export:synced')).killed).toBe(true);
      expect((await runChild('reconcile:adopted')).killed).toBe(true);
      kills += 2;
      await reopenAndCheck(`round ${round}, killed while adopting`);
      // The old defect: a signed file the records do not know, then a kill while it is being set aside.
      const done = await runChild(null);
      given.push(done.exported!);
      await forgetNewestRecord();
      expect((await runChild('reconcile:moved')).killed).toBe(true);
      kills++;
      await reopenAndCheck(`round ${round}, killed while setting aside`);
      // And a run to the end: the next export works.
      const next = await runChild(null);
      expect(next.killed).toBe(false);
      given.push(next.exported!);
      await reopenAndCheck(`round ${round}, after a clean export`);
    }
    expect(kills).toBe(ROUNDS * (STEPS.length + 3));

    // No fork: two different files never carry one revision, wherever they were found.
    const files = readdirSync(pool).map((n) => join(pool, n));
    const byRevision = new Map<number, Set<string>>();
    for (const f of files) {
      const rev = await revisionOf(f);
      byRevision.set(rev, (byRevision.get(rev) ?? new Set()).add(f));
    }
    for (const [rev, set] of byRevision) expect(set.size, `revision ${rev}: ${[...set].join(', ')}`).toBe(1);
    // Every file an export handed out is among them.
    const pooled = new Set(readdirSync(pool).map((n) => n.slice(0, 64)));
    for (const g of given) expect(pooled.has(g.sha256)).toBe(true);

    const ledger = await readLedger(join(demoDir, 'packages', 'ledger.json'), secretariat.card);
    const merged = await importBundles(files, { card: secretariat.card, ageIdentity: secretariat.ageIdentity }, ledger);
    const codes = merged.reconciled.verdicts.map((v) => v.code ?? v.status);
    expect(codes).not.toContain('E_MERGE_REVISION_CONFLICT');
    expect(codes.filter((c) => c === 'accepted')).toHaveLength(1);
    const top = Math.max(...byRevision.keys());
    expect(merged.reconciled.verdicts.find((v) => v.status === 'accepted')!.revision).toBe(top);

    const ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
    try {
      await ws.invoke('identity:unlock', { passphrase: PASSPHRASE });
      expect((await ws.invoke('bundle:export', { packageId, allowIncomplete: true })).revision).toBe(top + 1);
      // The files set aside were said, and stay said until dismissed.
      const state = await ws.invoke('app:state', {});
      expect(state.exportNotices.length).toBeGreaterThanOrEqual(ROUNDS);
      expect(state.exportNotices.every((n) => n.reason === 'unrecorded' && n.storedPath.startsWith('exports/set-aside/'))).toBe(true);
      expect((await ws.invoke('bundle:dismissNotices', {})).exportNotices).toEqual([]);
    } finally {
      ws.close();
    }
  }, 300_000);
});
