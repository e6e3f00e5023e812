/**
 * One process per workspace folder (the database's EXCLUSIVE lock, with
 * `workspace.lock` naming the holder), against real temp folders and real
 * processes: children that open the workspace through electron/cli/run-ts.mjs
 * (test/unit/workspace-lock-child.ts), and children killed with SIGKILL.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { isReviewDeskError, type ReviewDeskError } from '../../shared/errors.ts';
import { LATEST_VERSION } from '../../electron/db/migrations/index.ts';
import { HOLDER_FILE, openWorkspace } from '../../electron/workspace/open.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';

const root = tempDir('rd-lock-');
const repo = join(import.meta.dirname, '../..');
let n = 0;
/** A new workspace folder (not created: openWorkspace creates it). */
const folder = (): string => join(root, `ws-${++n}`);
const lockPath = (dir: string): string => join(dir, HOLDER_FILE);
const lockOf = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(lockPath(dir), 'utf8')) as Record<string, unknown>;
const open = (dir: string) => openWorkspace(dir, testHost(), { scryptLogN: 10 });

async function refusal(p: Promise<unknown>): Promise<ReviewDeskError> {
  const e = await p.then(
    (ws) => {
      (ws as { close(): void }).close();
      return null;
    },
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return e;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a process that ran here and has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  expect(r.status).toBe(0);
  expect(alive(r.pid)).toBe(false);
  return r.pid;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A separate ReviewDesk process on `dir`, answering one line per command. */
class Child {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];
  readonly exited: Promise<void>;
  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.lines.push(line);
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    this.exited = new Promise((resolve) =>
      proc.on('exit', () => {
        for (const w of this.waiting.splice(0)) w(`exited ${stderr}`);
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.proc.pid!;
  }

  static async start(dir: string): Promise<Child> {
    const proc = spawn(process.execPath, [join(repo, 'electron/cli/run-ts.mjs'), join(repo, 'test/unit/workspace-lock-child.ts'), dir], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(proc);
    const child = new Child(proc);
    expect(await child.next()).toBe(`loaded ${proc.pid}`);
    return child;
  }

  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  send(command: 'open' | 'close' | 'exit'): Promise<string> {
    this.proc.stdin.write(`${command}\n`);
    return this.next();
  }

  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
    expect(this.proc.signalCode).toBe('SIGKILL');
  }
}

const refusedBy = (pid: number, host = hostname()): string => `refused E_WORKSPACE_LOCKED ${JSON.stringify({ pid, hostname: host })}`;

describe('workspace lock', () => {
  it('is held while a workspace is open, refuses a second open in the same process, and goes on close', async () => {
    const dir = folder();
    const ws = await open(dir);
    expect(lockOf(dir)).toEqual({ pid: process.pid, hostname: hostname(), startedAt: expect.any(String), appVersion: '0.1.0-test' });
    expect(Date.parse(lockOf(dir).startedAt as string)).toBeGreaterThan(Date.now() - 60_000);

    const e = await refusal(open(dir));
    expect(e.code).toBe('E_WORKSPACE_LOCKED');
    expect(e.params).toEqual({ pid: process.pid, hostname: hostname() });
    expect(e.localized('en')).toBe(
      `This workspace is already open in another ReviewDesk process (pid ${process.pid} on ${hostname()}). Close it and try again.`,
    );
    expect(e.localized('zh-CN')).toBe(`此工作区已被另一个评审台进程打开（进程 ${process.pid}，${hostname()}）。请先关闭它再试。`);
    // The refusal did not disturb the open workspace, its database or its record.
    await ws.invoke('settings:set', { locale: 'en' });
    expect((await ws.invoke('app:state', {})).locale).toBe('en');
    expect(lockOf(dir).pid).toBe(process.pid);

    ws.close();
    expect(existsSync(lockPath(dir))).toBe(false);
    ws.close(); // twice is harmless
    const again = await open(dir);
    expect((await again.invoke('app:state', {})).locale).toBe('en');
    expect(lockOf(dir).pid).toBe(process.pid);
    again.close();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('lets exactly one of three simultaneous opens in one process through', async () => {
    const dir = folder();
    mkdirSync(dir);
    const results = await Promise.allSettled([open(dir), open(dir), open(dir)]);
    const opened = results.filter((r) => r.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isReviewDeskError(r.reason, 'E_WORKSPACE_LOCKED')).toBe(true);
    opened[0]!.value.close();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('refuses while another live process holds the folder, and opens at once after that process is SIGKILLed', async () => {
    const dir = folder();
    const child = await Child.start(dir);
    expect(await child.send('open')).toBe('ready');
    expect(lockOf(dir)).toMatchObject({ pid: child.pid, hostname: hostname(), appVersion: 'lock-test-child' });

    const e = await refusal(open(dir));
    expect(e.code).toBe('E_WORKSPACE_LOCKED');
    expect(e.params).toEqual({ pid: child.pid, hostname: hostname() });
    expect(e.localized('en')).toContain(`pid ${child.pid} on ${hostname()}`);
    expect(e.localized('zh-CN')).toContain(`进程 ${child.pid}`);

    // A SIGKILLed process cannot clean up: its record stays, but the operating system has dropped its lock.
    await child.kill();
    expect(lockOf(dir).pid).toBe(child.pid);
    expect(alive(child.pid)).toBe(false);
    const ws = await open(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, hostname: hostname() });

    // And the other way round: now this process holds it, a second process is refused until it closes.
    const other = await Child.start(dir);
    expect(await other.send('open')).toBe(refusedBy(process.pid));
    ws.close();
    expect(await other.send('open')).toBe('ready');
    expect(lockOf(dir).pid).toBe(other.pid);
    expect(await other.send('close')).toBe('closed');
    expect(existsSync(lockPath(dir))).toBe(false);
    other.proc.stdin.end();
    await other.exited;
  }, 60_000);

  it('is decided by the database lock alone: a record left behind, whatever it says, keeps nobody out', async () => {
    const left: [string, string][] = [
      [
        'another computer',
        JSON.stringify({ pid: 4242, hostname: 'secretariat-pc.example', startedAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0' }),
      ],
      ['dead pid', JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0' })],
      ['this pid', JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0' })],
      ['garbage', '{"pid": 12'],
      ['empty', ''],
    ];
    for (const [what, content] of left) {
      const dir = folder();
      mkdirSync(dir);
      writeFileSync(lockPath(dir), content);
      const ws = await open(dir);
      expect(lockOf(dir), what).toMatchObject({ pid: process.pid, hostname: hostname(), appVersion: '0.1.0-test' });
      ws.close();
      expect(existsSync(lockPath(dir)), what).toBe(false);
    }
  });

  it('still refuses, naming no holder, when the record is unreadable', async () => {
    const dir = folder();
    const child = await Child.start(dir);
    expect(await child.send('open')).toBe('ready');
    writeFileSync(lockPath(dir), 'not a record');
    const e = await refusal(open(dir));
    expect(e.code).toBe('E_WORKSPACE_LOCKED');
    expect(e.params).toEqual({ pid: '?', hostname: '?' });
    await child.kill();
  }, 60_000);

  it('leaves no lock behind when the open fails (E_DB_NEWER)', async () => {
    const dir = folder();
    (await open(dir)).close();
    const db = new Database(join(dir, 'workspace.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    // Twice: the second attempt must meet the database again, not a lock this process forgot to release.
    for (const attempt of [1, 2]) {
      const e = await refusal(open(dir));
      expect(e.code, `attempt ${attempt}`).toBe('E_DB_NEWER');
      expect(existsSync(lockPath(dir)), `attempt ${attempt}`).toBe(false);
    }
    // Nor is another process kept out.
    const child = await Child.start(dir);
    expect(await child.send('open')).toMatch(/^refused E_DB_NEWER /);
    expect(existsSync(lockPath(dir))).toBe(false);
    child.proc.stdin.end();
    await child.exited;
  }, 60_000);

  it('lets exactly one of several processes opening at once through', async () => {
    const dir = folder();
    mkdirSync(dir);
    const racers = await Promise.all([Child.start(dir), Child.start(dir), Child.start(dir)]);
    for (let round = 0; round < 5; round++) {
      const replies = await Promise.all(racers.map((c) => c.send('open')));
      const winners = racers.filter((_, i) => replies[i] === 'ready');
      expect(winners, replies.join(' | ')).toHaveLength(1);
      const winner = winners[0]!;
      expect(lockOf(dir).pid).toBe(winner.pid);
      for (const [i, reply] of replies.entries()) if (racers[i] !== winner) expect(reply).toMatch(/^refused E_WORKSPACE_LOCKED /);
      expect(await winner.send('close')).toBe('closed');
      expect(existsSync(lockPath(dir))).toBe(false);
    }
    for (const c of racers) c.proc.stdin.end();
    await Promise.all(racers.map((c) => c.exited));
  }, 90_000);
});
