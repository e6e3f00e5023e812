/**
 * The close handshake of shared/ipc/flush.ts, as electron/app/main.ts and
 * preload.ts wire it: a close is held until the renderer answers the flush
 * request it was sent (or the timeout passes), exactly once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLUSH_TIMEOUT_MS, answerFlushRequests, createCloseGuard } from '../../shared/ipc/flush.ts';

function harness(timeoutMs?: number) {
  const requests: number[] = [];
  let closes = 0;
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const guard = createCloseGuard({
    requestFlush: (id) => requests.push(id),
    close: () => {
      closes++;
      // A real window.close() fires `close` again: the guard must let that one through.
      expect(guard.onClose()).toBe(false);
    },
    timeoutMs,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
  });
  return { guard, requests, timers, closes: () => closes };
}

describe('close guard', () => {
  it('holds the close, asks the renderer, and closes on its acknowledgement', () => {
    const h = harness();
    expect(h.guard.onClose()).toBe(true);
    expect(h.requests).toEqual([1]);
    expect(h.closes()).toBe(0);
    h.guard.acknowledge(1);
    expect(h.closes()).toBe(1);
    expect(h.timers[0]!.cleared).toBe(true);
    // After the close went through, nothing is held any more.
    expect(h.guard.onClose()).toBe(false);
  });

  it('a second close while waiting is held without asking again; a stale or foreign answer does not release', () => {
    const h = harness();
    expect(h.guard.onClose()).toBe(true);
    expect(h.guard.onClose()).toBe(true);
    expect(h.requests).toEqual([1]);
    h.guard.acknowledge(2);
    h.guard.acknowledge('1');
    h.guard.acknowledge(undefined);
    expect(h.closes()).toBe(0);
    h.guard.acknowledge(1);
    h.guard.acknowledge(1);
    expect(h.closes()).toBe(1);
  });

  it('a renderer that never answers keeps the window only until the timeout', () => {
    const h = harness();
    expect(h.guard.onClose()).toBe(true);
    expect(h.timers[0]!.ms).toBe(FLUSH_TIMEOUT_MS);
    expect(h.closes()).toBe(0);
    h.timers[0]!.fn();
    expect(h.closes()).toBe(1);
    // The late answer changes nothing.
    h.guard.acknowledge(1);
    expect(h.closes()).toBe(1);
  });

  it('a renderer that is gone releases a held close and holds no later one', () => {
    const h = harness(50);
    expect(h.guard.onClose()).toBe(true);
    h.guard.rendererGone();
    expect(h.closes()).toBe(1);
    const g = harness();
    g.guard.rendererGone();
    expect(g.guard.onClose()).toBe(false);
    expect(g.requests).toEqual([]);
  });

  it('with real timers: released by the timeout', async () => {
    let closed = false;
    const guard = createCloseGuard({ requestFlush: () => undefined, close: () => (closed = true), timeoutMs: 20 });
    expect(guard.onClose()).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(closed).toBe(true);
  });
});

describe('renderer side', () => {
  it('acknowledges only after the flush has finished, and also when it fails', async () => {
    const log: string[] = [];
    let finish!: () => void;
    const answer = answerFlushRequests(
      () => new Promise<void>((r) => (finish = r)).then(() => void log.push('flushed')),
      (id) => log.push(`ack ${id}`),
    );
    answer(7);
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual([]);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['flushed', 'ack 7']);

    const failing = answerFlushRequests(
      () => Promise.reject(new Error('disk gone')),
      (id) => log.push(`ack ${id}`),
    );
    failing(8);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['flushed', 'ack 7', 'ack 8']);
  });

  it('closes end to end: guard → request → renderer flush → acknowledgement', async () => {
    const saved: string[] = [];
    let closed = false;
    let answer: (id: number) => void = () => undefined;
    const guard = createCloseGuard({ requestFlush: (id) => answer(id), close: () => (closed = true), timeoutMs: 1000 });
    answer = answerFlushRequests(
      async () => {
        await new Promise((r) => setTimeout(r, 20));
        saved.push('comment');
      },
      (id) => guard.acknowledge(id),
    );
    expect(guard.onClose()).toBe(true);
    expect(closed).toBe(false);
    await expect.poll(() => closed).toBe(true);
    expect(saved).toEqual(['comment']);
  });
});

describe('the Electron glue wires the handshake (the binary cannot run here: checked in its source)', () => {
  const read = (p: string): string => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

  it('main.ts holds the window close on the guard, and takes acknowledgements only from its own window', () => {
    const main = read('electron/app/main.ts');
    expect(main).toMatch(/createCloseGuard\(\{\s*requestFlush: \(id\) => win\.webContents\.send\(FLUSH, id\)/);
    expect(main).toMatch(/win\.on\('close', \(e\) => \{\s*if \(guard\.onClose\(\)\) e\.preventDefault\(\);/);
    expect(main).toMatch(
      /ipcMain\.on\(FLUSH_ACK, \(e, id: unknown\) => \{\s*if \(e\.sender === win\.webContents\) guard\.acknowledge\(id\);/,
    );
    expect(main).toContain("win.webContents.on('render-process-gone', () => guard.rendererGone())");
    expect(main).toContain("'will-prevent-unload'");
  });

  it('preload.ts answers each flush request through answerFlushRequests and exposes onFlushRequest', () => {
    const preload = read('electron/app/preload.ts');
    expect(preload).toMatch(/answerFlushRequests\([^;]*ipcRenderer\.send\(FLUSH_ACK, id\)/);
    expect(preload).toMatch(/ipcRenderer\.on\(FLUSH, .*answer\(id\)\)/);
    expect(preload).toContain('onFlushRequest: (handler: () => Promise<void>): void => {');
  });
});
