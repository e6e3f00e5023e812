/**
 * How the renderer reaches the Node side. In Electron the preload script
 * exposes `window.reviewdesk`; in the browser host (npm run start:browser, and
 * the end-to-end tests) the same two functions run over loopback HTTP with the
 * per-run token the host put in the page's URL. Only renderer/api/client.ts
 * uses this module.
 */
import type { Envelope } from '../../shared/ipc/contract.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { FRAME_TYPE, bodyLimit, decodeFrame, encodeFrame, fromWire } from '../../shared/ipc/wire.ts';

export interface Transport {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Desktop only: the handler the main process runs (and waits for) before the window closes. */
  onFlushRequest?(handler: () => Promise<void>): void;
}

declare global {
  interface Window {
    reviewdesk?: Transport;
  }
}

const TOKEN_KEY = 'reviewdesk.token';
/**
 * Chromium lets a page keep at most 64 KiB of request bodies in flight with
 * `keepalive`; staying under it, every call survives a reload or a closed tab
 * that happens while it is on its way (an edit sent from `pagehide` included).
 */
const KEEPALIVE_BUDGET = 60 * 1024;

/** The browser host's transport: POST /api/<channel> with binary frames (bytes stay bytes), events over /events (SSE). */
function httpTransport(): Transport {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let keepaliveBytes = 0;
  const connect = (): void => {
    if (source) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m: MessageEvent<string>) => {
      const { event, payload } = fromWire(m.data) as { event: string; payload: unknown };
      listeners.get(event)?.forEach((l) => l(payload));
    };
  };
  return {
    async invoke(channel, input) {
      const parts = encodeFrame(input ?? {});
      // The host refuses a body past its channel's limit (shared/ipc/wire.ts) and drops the connection; say so
      // here instead of uploading what will be refused.
      const size = parts.reduce((n, p) => n + p.length, 0);
      const limit = bodyLimit(channel);
      if (size > limit.total) {
        const e = new ReviewDeskError(limit.staged ? 'E_FILE_TOO_LARGE' : 'E_REQUEST_TOO_LARGE', { size, limit: limit.total, channel });
        return { ok: false, error: e.toJSON() };
      }
      const body = new Blob(parts as BlobPart[]);
      // Larger bodies (a package being imported) are not edits a reload could lose; they go without keepalive.
      const keepalive = keepaliveBytes + body.size <= KEEPALIVE_BUDGET;
      if (keepalive) keepaliveBytes += body.size;
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': FRAME_TYPE, 'x-reviewdesk-token': token },
          body,
          keepalive,
        });
        return decodeFrame(new Uint8Array(await res.arrayBuffer())) as Envelope<unknown>;
      } finally {
        if (keepalive) keepaliveBytes -= body.size;
      }
    },
    on(event, listener) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

let current: Transport | null = null;

export function transport(): Transport {
  current ??= window.reviewdesk ?? httpTransport();
  return current;
}
