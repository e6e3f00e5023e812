/**
 * The browser host: the real renderer and the real handler table served to a
 * local browser tab, for trying the app where Electron cannot run and for the
 * end-to-end tests. Loopback only, a fresh random token per run, refuses
 * requests for any other Host or Origin; never part of the packaged app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../shared/ipc/contract.ts';
import { isChannel } from '../../shared/ipc/contract.ts';
import { FRAME_TYPE, encodeFrame, toWire } from '../../shared/ipc/wire.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { toWireError } from '../handlers/registry.ts';
import { BodyRefused, readCallBody, removeFiles, type BodyStats } from './body.ts';
import { SECURITY_HEADERS, serveStatic } from './static.ts';

/** After refusing a body, how much more of it is read and dropped (so the answer reaches the client) before the connection goes. */
const DRAIN_BYTES = 4 << 20;
const DRAIN_MS = 2_000;

export interface BrowserHostOptions {
  rendererDir: string;
  dispatch: (channel: string, input: unknown) => Promise<Envelope<unknown>>;
  /**
   * Where the byte arrays of file-carrying calls (package and bundle imports)
   * are streamed as they arrive: a folder inside the workspace's data folder,
   * whose leftover `*.partial` files the workspace sweeps at open.
   */
  stageDir: string;
  port?: number;
}

export interface BrowserHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  token: string;
  /** Pushes an event to every connected tab. */
  emit(event: string, payload: unknown): void;
  /** How many tabs are connected to the event stream (an event pushed before a tab connects never reaches it). */
  eventStreams(): number;
  /** What has been read of request bodies (received, held, staged, dropped); counters only, a test may reset them. */
  readonly bodyStats: BodyStats;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The channel named in `/api/<channel>`; a malformed %-escape is the caller's mistake, not ours. */
function channelOf(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new ReviewDeskError('E_INVALID_INPUT', { reason: `the operation name "${encoded.slice(0, 60)}" is not valid %-encoding` });
  }
}

/** Reads what is left of a refused body without keeping it, then drops the connection. */
function drainThenDrop(req: IncomingMessage, stats: BodyStats): void {
  let dropped = 0;
  const drop = (): void => void req.destroy();
  const timer = setTimeout(drop, DRAIN_MS);
  timer.unref();
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    stats.discarded += c.length;
    if (dropped > DRAIN_BYTES) drop();
  });
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const bodyStats: BodyStats = { received: 0, peakBuffered: 0, staged: 0, discarded: 0 };
  let origin = '';

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    res.end(body);
  };
  const answer = (res: ServerResponse, status: number, envelope: Envelope<unknown>): void => {
    const parts = encodeFrame(envelope);
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': FRAME_TYPE,
      'cache-control': 'no-store',
      'content-length': String(parts.reduce((n, p) => n + p.length, 0)),
    });
    for (const p of parts) res.write(p);
    res.end();
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      // DNS rebinding and cross-site requests: only our own loopback origin.
      if (req.headers.host !== new URL(origin).host) return send(res, 421, { 'content-type': 'text/plain' }, 'wrong host');
      if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, { 'content-type': 'text/plain' }, 'wrong origin');

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { 'content-type': 'text/plain' }, 'POST only');
        let envelope: Envelope<unknown>;
        if (!sameToken(req.headers['x-reviewdesk-token'] as string | undefined, token)) {
          return answer(res, 403, { ok: false, error: toWireError(new ReviewDeskError('E_FORBIDDEN_SENDER')) });
        }
        let staged: string[] = [];
        try {
          const channel = channelOf(url.pathname.slice(5));
          // Before reading a byte of the body: its limit depends on the channel.
          if (!isChannel(channel)) throw new ReviewDeskError('E_UNKNOWN_CHANNEL', { channel: channel.slice(0, 60) });
          const body = await readCallBody(req, channel, { stageDir: opts.stageDir, stats: bodyStats });
          staged = body.files;
          envelope = await opts.dispatch(channel, body.input);
        } catch (e) {
          if (e instanceof BodyRefused) {
            res.setHeader('connection', 'close');
            answer(res, 413, { ok: false, error: toWireError(e) });
            return drainThenDrop(req, bodyStats);
          }
          envelope = { ok: false, error: toWireError(e) };
        } finally {
          // The handler moved away what it keeps; the rest of what was streamed in goes, whatever the outcome.
          await removeFiles(staged);
        }
        return answer(res, 200, envelope);
      }
      if (url.pathname === '/events') {
        if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, { 'content-type': 'text/plain' }, 'forbidden');
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return undefined;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { 'content-type': 'text/plain' }, 'GET only');
      const file = await serveStatic(opts.rendererDir, url.pathname);
      return send(res, file.status, file.headers, file.body);
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, String(e));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    bodyStats,
    emit(event, payload) {
      const data = `data: ${toWire({ event, payload })}\n\n`;
      for (const s of streams) s.write(data);
    },
    eventStreams: () => streams.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
