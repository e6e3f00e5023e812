/**
 * A full disk at every step of edit, export and import is E_DISK_FULL, with
 * nothing half-written left (no .partial, no reservation, no row or file
 * without its other half), everything saved before still there, and the same
 * operation working once there is space again (also after a reopen).
 *
 * Two ways: a seam that makes each named step fail with ENOSPC (every step,
 * deterministically), and the real thing: the workspace on a small tmpfs
 * filled to the brim, with a little more room left each time so that the
 * disk runs out at different steps. The tmpfs part needs `mount` (root); where
 * mounting is not permitted it reports itself skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/card.ts';
import { isReviewDeskError } from '../../shared/errors.ts';
import { enospc, setFaultHook } from '../../electron/faults/checkpoint.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { demoRound, importTrusted, packageFor, testHost, type RoundFixture } from '../helpers/workspace.ts';

const PASSPHRASE = 'disk full pass';
const root = tempDir('rd-disk-full-');
let fx: RoundFixture;
let pkgN = 0;

/** The call's error code, or 'ok'. */
async function outcome(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (isReviewDeskError(e)) return e.code;
    throw e;
  }
}

interface Workbench {
  dataDir: string;
  packageId: string;
  criterionId: string;
  card: Card;
}

/** A workspace with an identity, one package, a saved comment and one export. */
async function prepare(dataDir: string): Promise<Workbench> {
  const ws = await openWorkspace(dataDir, testHost(), { scryptLogN: 10 });
  try {
    const state = await ws.invoke('identity:create', { displayName: '满盘测试', organisation: '', fields: [], passphrase: PASSPHRASE });
    const card = (state.identity as { card: Card }).card;
    const pkg = await packageFor(fx, card, join(root, `p${++pkgN}.rpkg`));
    const { packageId } = await importTrusted(ws, 'p.rpkg', new Uint8Array(readFileSync(pkg.path)));
    const detail = await ws.invoke('package:acceptPledge', { packageId });
    const criterionId = detail.rubrics[0]!.dimensions[0]!.criteria[0]!.id;
    await ws.invoke('review:declareConflict', { packageId, applicationId: 'A001', status: 'none', reason: '' });
    await edit(ws, { packageId, criterionId }, 'saved before');
    await ws.invoke('bundle:export', { packageId, allowIncomplete: true });
    return { dataDir, packageId, criterionId, card };
  } finally {
    ws.close();
  }
}

function edit(ws: Workspace, b: Pick<Workbench, 'packageId' | 'criterionId'>, value: string): Promise<unknown> {
  return ws.invoke('review:edit', {
    packageId: b.packageId,
    applicationId: 'A001',
    edit: { field: 'comment', criterionId: b.criterionId, value },
  });
}

async function open(b: Workbench): Promise<Workspace> {
  const ws = await openWorkspace(b.dataDir, testHost(), { scryptLogN: 10 });
  await ws.invoke('identity:unlock', { passphrase: PASSPHRASE });
  return ws;
}

/** What a failed operation must leave exactly as it was. */
function snapshot(ws: Workspace, b: Workbench): unknown {
  const db = ws.ctx.db;
  const files = listTree(b.dataDir).filter((f) => !f.startsWith('workspace.sqlite') && f !== 'filler');
  return {
    files,
    comment: db
      .prepare("SELECT comment FROM criterion_entries WHERE package_id = ? AND application_id = 'A001' AND criterion_id = ?")
      .pluck()
      .get(b.packageId, b.criterionId),
    audit: db.prepare('SELECT count(*) FROM audit').pluck().get(),
    exports: db.prepare('SELECT package_id, revision, state, sha256 FROM exports ORDER BY 1, 2').all(),
    packages: db.prepare('SELECT id FROM packages ORDER BY id').pluck().all(),
  };
}

function reservations(ws: Workspace): { revision: number; fileName: string }[] {
  return ws.ctx.db.prepare("SELECT revision, file_name AS fileName FROM exports WHERE state = 'reserved'").all() as {
    revision: number;
    fileName: string;
  }[];
}

/** The snapshot, leaving out reservations that a full database could not drop. */
function snapshotWithout(ws: Workspace, b: Workbench, left: { revision: number }[]): unknown {
  const s = snapshot(ws, b) as { exports: { revision: number; state: string }[] };
  return { ...s, exports: s.exports.filter((e) => !(e.state === 'reserved' && left.some((l) => l.revision === e.revision))) };
}

function nothingHalfWritten(b: Workbench, ws: Workspace): void {
  expect(listTree(b.dataDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  expect(ws.ctx.db.prepare("SELECT count(*) FROM exports WHERE state <> 'done'").pluck().get()).toBe(0);
}

/** One operation: `ready` does what must happen before the disk is filled (packing a package); `run` is the write. */
interface Op {
  ready(b: Workbench, n: number): Promise<{ run(ws: Workspace): Promise<unknown>; bytes: number }>;
}
const OPS: Record<'edit' | 'export' | 'import', Op> = {
  edit: {
    ready: async (b, n) => ({ run: (ws) => edit(ws, b, `第 ${n} 次修改：` + '很长的评语'.repeat(1500)), bytes: 0 }),
  },
  export: {
    ready: async (b) => ({ run: (ws) => ws.invoke('bundle:export', { packageId: b.packageId, allowIncomplete: true }), bytes: 0 }),
  },
  import: {
    ready: async (b, n) => {
      const pkg = await packageFor(fx, b.card, join(root, `extra-${n}-${++pkgN}.rpkg`));
      const bytes = new Uint8Array(readFileSync(pkg.path));
      return { run: (ws) => ws.invoke('package:import', { fileName: `extra-${n}.rpkg`, bytes }), bytes: bytes.length };
    },
  },
};

/** Runs `op` now (packing what it needs first). */
async function runOp(op: keyof typeof OPS, ws: Workspace, b: Workbench, n: number): Promise<string> {
  const ready = await OPS[op].ready(b, n);
  return outcome(() => ready.run(ws));
}

beforeAll(async () => {
  fx = await demoRound(join(root, 'demo'));
}, 120_000);

describe('a full disk at every named step (ENOSPC injected)', () => {
  const STEPS = {
    edit: ['edit:entry-written', 'edit:audit-written'],
    export: ['export:sealed', 'export:reserved', 'export:half-written', 'export:written', 'export:synced', 'export:committed'],
    import: ['import:incoming-written', 'import:kept', 'import:recorded'],
  } as const;
  let b: Workbench;
  beforeAll(async () => {
    b = await prepare(join(root, 'seam-ws'));
  }, 120_000);
  afterAll(() => setFaultHook(null));

  for (const [op, steps] of Object.entries(STEPS) as [keyof typeof STEPS, readonly string[]][]) {
    it(`${op}: E_DISK_FULL at ${steps.join(', ')}; nothing left, nothing lost, then it works`, async () => {
      let n = 0;
      for (const step of steps) {
        const ws = await open(b);
        try {
          // Sealing and packing are done before the fault: only the write path sees it.
          const ready = await OPS[op].ready(b, ++n);
          const before = snapshot(ws, b);
          let reached = false;
          setFaultHook((s) => {
            if (s !== step) return;
            reached = true;
            throw enospc(s);
          });
          const code = await outcome(() => ready.run(ws));
          setFaultHook(null);
          expect(reached, step).toBe(true);
          expect(code, step).toBe('E_DISK_FULL');
          nothingHalfWritten(b, ws);
          expect(snapshot(ws, b), step).toEqual(before);
          expect(await runOp(op, ws, b, ++n), `${step}, then with space`).toBe('ok');
        } finally {
          setFaultHook(null);
          ws.close();
        }
      }
      // And it still opens, with everything in place.
      const ws = await open(b);
      try {
        nothingHalfWritten(b, ws);
        expect(await runOp(op, ws, b, ++n)).toBe('ok');
      } finally {
        ws.close();
      }
    }, 120_000);
  }

  it('an export that failed leaves its revision free, so revisions have no gap', async () => {
    const ws = await open(b);
    try {
      const last = (ws.ctx.db.prepare('SELECT max(revision) FROM exports').pluck().get() as number) ?? 0;
      setFaultHook((s) => {
        if (s === 'export:synced') throw enospc(s);
      });
      expect(await runOp('export', ws, b, 0)).toBe('E_DISK_FULL');
      setFaultHook(null);
      expect((await ws.invoke('bundle:export', { packageId: b.packageId, allowIncomplete: true })).revision).toBe(last + 1);
    } finally {
      setFaultHook(null);
      ws.close();
    }
  });
});

/** Mounts a small tmpfs, or says why it cannot. */
function mountTmpfs(dir: string, size: string): string | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return (err.stderr?.toString().trim() || err.message).split('\n')[0]!;
  }
}

/** Fills the file system holding `dir` to the brim, then frees `leave` bytes. */
function fill(dir: string, leave: number): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
      const buf = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          if (writeSync(fd, buf) < size) break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  if (leave) truncateSync(path, Math.max(0, statSync(path).size - leave));
  return path;
}

describe('a really full disk (tmpfs)', () => {
  const mountPoint = join(root, 'tmpfs');
  const refused = mountTmpfs(mountPoint, '24m');
  afterAll(() => {
    if (!refused) execFileSync('umount', ['-l', mountPoint]);
  });
  // Room left after filling, above what the operation's own file needs: from nothing to enough for all of it, so
  // the disk runs out at different steps.
  const LEAVE = [0, 4096, 8192, 12288, 16384, 20480, 24576, 32768, 49152, 65536, 98304, 131072, 262144, 1 << 20];
  let b: Workbench;
  beforeAll(async () => {
    if (!refused) b = await prepare(join(mountPoint, 'ws'));
  }, 120_000);

  it('opening on a full disk is E_DISK_FULL and leaves no empty workspace.lock; it opens once there is space', async (ctx) => {
    if (refused) return ctx.skip(`cannot mount a tmpfs here: ${refused}`);
    const filler = fill(mountPoint, 0);
    try {
      const err = await openWorkspace(b.dataDir, testHost(), { scryptLogN: 10 }).then(
        (ws) => (ws.close(), null),
        (e: unknown) => e,
      );
      expect(isReviewDeskError(err, 'E_DISK_FULL'), String(err)).toBe(true);
      expect(listTree(b.dataDir)).not.toContain('workspace.lock');
    } finally {
      rmSync(filler, { force: true });
    }
    const ws = await open(b);
    try {
      expect(snapshot(ws, b)).toMatchObject({ comment: expect.any(String) as unknown });
      expect(await runOp('edit', ws, b, 0)).toBe('ok');
    } finally {
      ws.close();
    }
  });

  for (const op of ['edit', 'export', 'import'] as const) {
    it(`${op}: E_DISK_FULL while full, nothing left and nothing lost; works once there is space, and after a reopen`, async (ctx) => {
      if (refused) return ctx.skip(`cannot mount a tmpfs here: ${refused}`);
      const codes: string[] = [];
      const steps = new Set<string>();
      let n = 0;
      for (const extra of LEAVE) {
        const ws = await open(b);
        let filler = '';
        try {
          const ready = await OPS[op].ready(b, ++n);
          const leave = ready.bytes + extra;
          const before = snapshot(ws, b);
          let last = 'start';
          setFaultHook((s) => (last = s));
          filler = fill(mountPoint, leave);
          const code = await outcome(() => ready.run(ws));
          setFaultHook(null);
          codes.push(code);
          expect(['ok', 'E_DISK_FULL'], `${op} with ${leave} bytes left`).toContain(code);
          expect(listTree(b.dataDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
          if (code !== 'ok') {
            steps.add(last);
            // Where even the database was full, the reservation could not be dropped: it names no file, and the
            // next export (or open) drops it before anything else.
            const left = reservations(ws);
            for (const r of left) expect(listTree(join(b.dataDir, 'exports'))).not.toContain(r.fileName);
            if (left.length) expect(op).toBe('export');
            expect(snapshotWithout(ws, b, left), `${op} with ${leave} bytes left`).toEqual(before);
            rmSync(filler);
            filler = '';
            expect(await runOp(op, ws, b, ++n), `${op} once there is space`).toBe('ok');
          }
          nothingHalfWritten(b, ws);
        } finally {
          setFaultHook(null);
          if (filler) rmSync(filler, { force: true });
          ws.close();
        }
        const again = await open(b);
        try {
          nothingHalfWritten(b, again);
          expect(again.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          again.close();
        }
      }
      // The disk really ran out (it is not vacuous), and at more than one step of the operation.
      expect(codes[0]).toBe('E_DISK_FULL');
      console.log(
        `${op}: outcomes by room left beyond its file ${JSON.stringify(LEAVE.map((l, i) => [l, codes[i]]))}; failed after ${[...steps].join(', ')}`,
      );
      if (op !== 'edit') expect(steps.size).toBeGreaterThan(1);
    }, 240_000);
  }
});
