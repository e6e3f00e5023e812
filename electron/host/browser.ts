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
import { FRAME_TYPE, decodeFrame, encodeFrame, toWire } from '../../shared/ipc/wire.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { toWireError } from '../handlers/registry.ts';
import { SECURITY_HEADERS, serveStatic } from './static.ts';

/** Large enough for a review package. */
const MAX_BODY = 1024 * 1024 * 1024;

export interface BrowserHostOptions {
  rendererDir: string;
  dispatch: (channel: string, input: unknown) => Promise<Envelope<unknown>>;
  port?: number;
}

export interface BrowserHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  token: string;
  /** Pushes an event to every connected tab. */
  emit(event: string, payload: unknown): void;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: MAX_BODY });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** A call's input from its frame; a malformed frame is the caller's mistake, not ours. */
function callInput(body: Buffer): unknown {
  try {
    return decodeFrame(body);
  } catch (e) {
    throw new ReviewDeskError('E_INVALID_INPUT', { reason: `malformed request (${e instanceof Error ? e.message : String(e)})` });
  }
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
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
        try {
          envelope = await opts.dispatch(decodeURIComponent(url.pathname.slice(5)), callInput(await readBody(req)));
        } catch (e) {
          envelope = { ok: false, error: toWireError(e) };
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
    emit(event, payload) {
      const data = `data: ${toWire({ event, payload })}\n\n`;
      for (const s of streams) s.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
