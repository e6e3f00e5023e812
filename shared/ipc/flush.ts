/**
 * The close handshake between the main process and the renderer: before the
 * desktop window closes, the main process asks the renderer to save what is
 * being typed and waits for its answer (or a timeout), then lets the close go
 * on. Plain code, so it is tested without Electron; electron/app/main.ts and
 * preload.ts only wire it to the window and to IPC.
 */

/** How long a close waits for the renderer's answer: a saved edit takes milliseconds, a hung renderer must not keep the window. */
export const FLUSH_TIMEOUT_MS = 3000;

export interface CloseGuardOptions {
  /** Asks the renderer to flush; it answers by calling `acknowledge(id)`. */
  requestFlush(id: number): void;
  /** Closes the window for real (the guard lets the close it triggers through). */
  close(): void;
  timeoutMs?: number;
  /** Injected in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface CloseGuard {
  /** The window's `close` event: returns true when the close must be held (call preventDefault). */
  onClose(): boolean;
  /** The renderer's answer to request `id`. */
  acknowledge(id: unknown): void;
  /** The renderer is gone (crashed, destroyed): nothing to wait for. */
  rendererGone(): void;
}

export function createCloseGuard(opts: CloseGuardOptions): CloseGuard {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let next = 1;
  let waitingFor: number | null = null;
  let timer: unknown = null;
  let allowed = false;

  const release = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    waitingFor = null;
    allowed = true;
    opts.close();
  };

  return {
    onClose() {
      if (allowed) return false;
      // A second click on × while the renderer is saving: still held, not asked twice.
      if (waitingFor !== null) return true;
      waitingFor = next++;
      timer = setTimer(() => {
        if (waitingFor !== null) release();
      }, opts.timeoutMs ?? FLUSH_TIMEOUT_MS);
      opts.requestFlush(waitingFor);
      return true;
    },
    acknowledge(id) {
      if (waitingFor !== null && id === waitingFor) release();
    },
    rendererGone() {
      allowed = true;
      if (waitingFor !== null) release();
    },
  };
}

/**
 * The renderer's side: runs `flush` for every request, then answers it (also
 * when the flush fails: the window must still close).
 */
export function answerFlushRequests(flush: () => Promise<void>, acknowledge: (id: number) => void): (id: number) => void {
  return (id) => {
    void flush()
      .catch(() => undefined)
      .then(() => acknowledge(id));
  };
}
