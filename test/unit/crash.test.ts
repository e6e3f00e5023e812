/**
 * Crash safety: a child process applies edits through the real handlers and
 * prints each acknowledged one; it is SIGKILLed at random moments, over a
 * hundred times. After every kill, every acknowledged edit must be in the
 * database and the database must pass `PRAGMA integrity_check`. The
 * database is encrypted, as every workspace's is: the checks open it with
 * the key sealed in `workspace.key`, opened with the passphrase.
 *
 * The child is bundled once with esbuild (the same sources; tsx would add a
 * second of start-up per restart, and the test restarts it over a hundred times).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open.ts';
import { KEY_FILE, openWorkspace } from '../../electron/workspace/open.ts';
import { unsealWorkspaceKey } from '../../electron/workspace/store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, testHost } from '../helpers/workspace.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 102);
const root = tempDir('rd-crash-');
const LANES = 2;
const laneDir = (lane: number): string => join(root, `ws-${lane}`);
const repo = join(import.meta.dirname, '../..');
// Inside the repository (tmp/ is ignored) so the bundle resolves the native modules from node_modules.
const childDir = join(repo, 'tmp', `crash-${process.pid}`);
const child = join(childDir, 'child.mjs');
const PASSPHRASE = 'crash test pass';
let packageId = '';
let criteria: string[] = [];

interface Run {
  acks: { seq: number; auditId: number }[];
  next: number;
}

/** Starts the child, kills it at a random moment, and returns what it acknowledged. */
function runOnce(dataDir: string, first: number, rand: () => number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir, packageId, 'A001', String(first), ...criteria], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CRASH_PASSPHRASE: PASSPHRASE },
    });
    const acks: Run['acks'] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = (): void => {
      p.kill('SIGKILL');
    };
    // Most kills land while edits stream; some during start-up and opening the database.
    if (rand() < 0.2) timer = setTimeout(kill, rand() * 250);
    p.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const m = /^ack (\d+) (\d+)$/.exec(line);
        if (m) acks.push({ seq: Number(m[1]), auditId: Number(m[2]) });
        if (m && !timer) timer = setTimeout(kill, rand() * 30);
      }
    });
    p.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (${code}): ${stderr}`));
      else resolve({ acks, next: first + 100_000 });
    });
  });
}

/** After a kill: the database is intact and holds every acknowledged edit. */
async function check(dataDir: string, run: Run, kill: number): Promise<void> {
  const key = await unsealWorkspaceKey(readFileSync(join(dataDir, KEY_FILE)), {
    protection: 'passphrase',
    passphrase: PASSPHRASE,
    scryptLogN: 10,
  });
  const db = openDatabase(join(dataDir, 'workspace.sqlite'), { key });
  try {
    expect(readFileSync(join(dataDir, 'workspace.sqlite')).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const audit = db.prepare('SELECT new_value AS v FROM audit WHERE id = ?');
    for (const a of run.acks) {
      const row = audit.get(a.auditId) as { v: string } | undefined;
      const expected = a.seq % 5 === 0 ? `opinion ${a.seq}` : `comment ${a.seq}`;
      expect(row && (JSON.parse(row.v) as string), `acknowledged edit ${a.seq} (kill ${kill})`).toBe(expected);
    }
    // Entries and audit commit together: each comment holds its newest audited value.
    const latest = db
      .prepare(
        `SELECT e.comment AS current, (SELECT new_value FROM audit a WHERE a.package_id = e.package_id AND a.application_id = e.application_id
           AND a.criterion_id = e.criterion_id AND a.field = 'comment' ORDER BY id DESC LIMIT 1) AS audited
         FROM criterion_entries e WHERE e.package_id = ?`,
      )
      .all(packageId) as { current: string; audited: string }[];
    for (const l of latest) expect(JSON.stringify(l.current)).toBe(l.audited);
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  beforeAll(async () => {
    mkdirSync(childDir, { recursive: true });
    await build({
      entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      external: ['better-sqlite3-multiple-ciphers', 'sodium-native'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const fx = await demoRound(join(root, 'demo'));
    const ws = await openWorkspace(laneDir(0), testHost(), { scryptLogN: 10 });
    try {
      const state = await ws.invoke('identity:create', {
        displayName: '崩溃测试',
        organisation: '',
        fields: [],
        passphrase: PASSPHRASE,
      });
      const card = (state.identity as { card: Parameters<typeof packageFor>[1] }).card;
      const pkg = await packageFor(fx, card, join(root, 'p.rpkg'));
      packageId = (await importTrusted(ws, 'p.rpkg', new Uint8Array(readFileSync(pkg.path)))).packageId;
      const detail = await ws.invoke('package:acceptPledge', { packageId });
      criteria = detail.rubrics[0]!.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
      await ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
    } finally {
      ws.close();
    }
    for (let lane = 1; lane < LANES; lane++) cpSync(laneDir(0), laneDir(lane), { recursive: true });
  }, 120_000);

  afterAll(() => rmSync(childDir, { recursive: true, force: true }));

  it(`keeps every acknowledged edit across ${KILLS} SIGKILLs`, async () => {
    let seed = 12345;
    const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let acknowledged = 0;
    let kills = 0;
    // Two independent workspaces, killed in turn, keep both cores busy while one child starts up.
    const lane = async (n: number): Promise<void> => {
      const dataDir = laneDir(n);
      let first = 1;
      for (let i = n; i < KILLS; i += LANES) {
        const run = await runOnce(dataDir, first, rand);
        kills++;
        first = run.next;
        acknowledged += run.acks.length;
        await check(dataDir, run, i);
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    expect(kills).toBe(KILLS);
    expect(acknowledged).toBeGreaterThan(KILLS);
  }, 240_000);
});
