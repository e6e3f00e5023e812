/** The browser host: loopback only, a per-run token, our own Host and Origin, files only from the renderer folder. */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, defineHandlers } from '../../electron/handlers/registry.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { CSP } from '../../electron/host/static.ts';
import { FRAME_TYPE, StagedFile, bodyLimit, decodeFrame, encodeFrame } from '../../shared/ipc/wire.ts';
import { sha256File } from '../../electron/crypto/hash.ts';
import { tempDir } from '../helpers/tmp.ts';

const frame = (value: unknown): Buffer => Buffer.concat(encodeFrame(value));
const dir = tempDir('rd-host-');
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(dir, 'secret.txt'), 'outside');

const stageDir = join(dir, 'data', 'incoming');
let host: BrowserHost;
const calls: unknown[] = [];
/** What a handler saw of a staged file while the call ran. */
const seen: { path: string; size: number; mode: number; sha256: string }[] = [];

beforeAll(async () => {
  host = await startBrowserHost({
    rendererDir,
    stageDir,
    dispatch: async (channel, input) => {
      calls.push([channel, input]);
      if (channel === 'package:import' || channel === 'merge:import') {
        const files = channel === 'package:import' ? [input as { bytes: unknown }] : (input as { files: { bytes: unknown }[] }).files;
        for (const f of files) {
          if (!(f.bytes instanceof StagedFile))
            return { ok: false, error: { code: 'E_TEST', message: { 'zh-CN': '未暂存', en: 'not staged' } } };
          seen.push({
            path: f.bytes.path,
            size: f.bytes.size,
            mode: statSync(f.bytes.path).mode & 0o777,
            sha256: await sha256File(f.bytes.path),
          });
        }
        return { ok: true, value: { staged: files.length } };
      }
      return channel === 'identity:card' || channel === 'merge:setLedger'
        ? { ok: true, value: { echo: input } }
        : { ok: false, error: { code: 'E_NOT_FOUND', message: { 'zh-CN': '无', en: 'none' } } };
    },
  });
});
afterAll(() => host.close());

function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: { host: url.host, ...opts.headers } },
      (res) => {
        const body: Buffer[] = [];
        res.on('data', (c: Buffer) => body.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(body) }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser host', () => {
  it('listens on loopback only and hands out a long random token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('serves the renderer with the strict CSP', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await raw(p);
      expect(r.status).toBe(404);
      expect(r.body.toString()).not.toContain('outside');
    }
  });

  it('refuses API calls without the token, from another origin, or for another Host', async () => {
    const body = frame({ a: 1 });
    const noToken = await raw('/api/identity:card', { method: 'POST', body });
    expect(noToken.status).toBe(403);
    expect((decodeFrame(noToken.body) as { error: { code: string } }).error.code).toBe('E_FORBIDDEN_SENDER');
    const wrongOrigin = await raw('/api/identity:card', {
      method: 'POST',
      body,
      headers: { 'x-reviewdesk-token': host.token, origin: 'http://evil.example' },
    });
    expect(wrongOrigin.status).toBe(403);
    const wrongHost = await raw('/api/identity:card', {
      method: 'POST',
      body,
      headers: { 'x-reviewdesk-token': host.token, host: 'evil.example:80' },
    });
    expect(wrongHost.status).toBe(421);
    expect(calls).toHaveLength(0);
  });

  it('dispatches with the token and carries bytes both ways, as raw bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    // merge:setLedger carries a ledger file in memory: several MiB are allowed there (not on an ordinary call).
    const r = await raw('/api/merge:setLedger', {
      method: 'POST',
      body: frame({ bytes, nested: [{ big }], text: '评审 {"$blob":0}' }),
      headers: { 'x-reviewdesk-token': host.token, origin: host.origin, 'content-type': FRAME_TYPE },
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(FRAME_TYPE);
    // Raw, not base64: the answer is barely larger than what it carries.
    expect(r.body.length).toBeLessThan(big.length + 1024);
    const env = decodeFrame(r.body) as { ok: boolean; value: { echo: { bytes: Uint8Array; nested: { big: Uint8Array }[]; text: string } } };
    expect(env.ok).toBe(true);
    expect([...env.value.echo.bytes]).toEqual([0, 1, 2, 255]);
    expect(Buffer.compare(env.value.echo.nested[0]!.big, big)).toBe(0);
    expect(env.value.echo.text).toBe('评审 {"$blob":0}');
  });

  it('answers a malformed frame with E_INVALID_INPUT and dispatches nothing', async () => {
    const before = calls.length;
    const good = frame({ bytes: new Uint8Array([1, 2, 3]) });
    const bad = [
      Buffer.from('{"a":1}'), // JSON, not a frame
      good.subarray(0, good.length - 1), // cut short
      Buffer.concat([good, Buffer.from([0])]), // trailing byte
      Buffer.concat(encodeFrame({ a: { $blob: 0 } })), // refers to a byte array it does not carry
      Buffer.concat(encodeFrame({ a: new Uint8Array(1), b: { $blob: 0 } })), // one byte array used twice
    ];
    for (const body of bad) {
      const r = await raw('/api/identity:card', {
        method: 'POST',
        body,
        headers: { 'x-reviewdesk-token': host.token, origin: host.origin, 'content-type': FRAME_TYPE },
      });
      expect(r.status).toBe(200);
      expect((decodeFrame(r.body) as { ok: boolean; error: { code: string } }).error.code).toBe('E_INVALID_INPUT');
    }
    expect(calls.length).toBe(before);
  });
});

/**
 * Sends a body piece by piece (as a slow or hostile client would), stopping as
 * soon as the answer arrives or the connection goes; `sent` is how much went out.
 */
function upload(
  path: string,
  pieces: Iterable<Buffer>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; sent: number }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { host: url.host, origin: host.origin, 'x-reviewdesk-token': host.token, 'content-type': FRAME_TYPE, ...headers },
      },
      (res) => {
        answered = true;
        const body: Buffer[] = [];
        res.on('data', (c: Buffer) => body.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(body), sent }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(body), sent }));
      },
    );
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const it = pieces[Symbol.iterator]();
    const pump = (): void => {
      while (!answered && !req.destroyed) {
        const next = it.next();
        if (next.done) return void req.end();
        sent += next.value.length;
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** `n` MiB of filler, one MiB at a time. */
function* mebibytes(n: number, head: Buffer = Buffer.alloc(0)): Generator<Buffer> {
  yield head;
  const piece = Buffer.alloc(1 << 20, 0x61);
  for (let i = 0; i < n; i++) yield piece;
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** The frame head of `value` whose single byte array (not included) is `size` bytes. */
function headFor(value: Record<string, unknown>, size: number): Buffer {
  const json = Buffer.from(JSON.stringify(value));
  return Buffer.concat([u32(json.length), json, u32(size)]);
}

describe('browser host request bodies', () => {
  const code = (r: { body: Buffer }): string => (decodeFrame(r.body) as { error: { code: string } }).error.code;

  it('refuses an ordinary call whose declared length passes its cap without reading a byte of it', async () => {
    const before = { ...host.bodyStats };
    const n = calls.length;
    const r = await upload('/api/identity:card', mebibytes(64), { 'content-length': String(64 << 20) });
    expect(r.status).toBe(413);
    expect(code(r)).toBe('E_REQUEST_TOO_LARGE');
    expect(host.bodyStats.received - before.received).toBe(0);
    expect(host.bodyStats.peakBuffered).toBe(before.peakBuffered);
    expect(calls.length).toBe(n);
  });

  it('refuses a streamed ordinary call at its cap: what is read is bounded and never held past the cap', async () => {
    const cap = bodyLimit('identity:card').total;
    host.bodyStats.peakBuffered = 0;
    const before = { ...host.bodyStats };
    const n = calls.length;
    // A frame whose JSON part claims 100 MiB, sent without a length (chunked).
    const r = await upload('/api/identity:card', mebibytes(100, u32(100 << 20)));
    expect(r.status).toBe(413);
    expect(code(r)).toBe('E_REQUEST_TOO_LARGE');
    const read = host.bodyStats.received - before.received;
    const dropped = host.bodyStats.discarded - before.discarded;
    expect(read).toBeLessThan(cap + (1 << 20));
    expect(read + dropped).toBeLessThan(16 << 20); // of 100 MiB offered
    expect(host.bodyStats.peakBuffered).toBeLessThanOrEqual(cap);
    expect(calls.length).toBe(n);
    // And a body that passes the cap in its byte arrays rather than its JSON.
    const r2 = await upload('/api/identity:card', mebibytes(100, headFor({ a: { $blob: 0 } }, 100 << 20)));
    expect(code(r2)).toBe('E_REQUEST_TOO_LARGE');
    expect(host.bodyStats.peakBuffered).toBeLessThanOrEqual(cap);
    // And one whose every length is small but whose bytes keep coming: refused once what came passes the cap.
    const json = Buffer.from('{}');
    const many = function* (): Generator<Buffer> {
      yield Buffer.concat([u32(json.length), json]);
      for (let i = 0; i < 4096; i++) yield Buffer.concat([u32(1024), Buffer.alloc(1024)]);
    };
    const before3 = host.bodyStats.received;
    const r3 = await upload('/api/identity:card', many());
    expect(code(r3)).toBe('E_REQUEST_TOO_LARGE');
    expect(host.bodyStats.received - before3).toBeLessThan(cap + (256 << 10));
    expect(host.bodyStats.peakBuffered).toBeLessThanOrEqual(cap);
    expect(calls.length).toBe(n);
  });

  it('refuses a file past its channel’s per-file cap as soon as its length is read, leaving no staged file', async () => {
    const before = { ...host.bodyStats };
    const r = await upload(
      '/api/merge:import',
      mebibytes(64, headFor({ files: [{ fileName: 'big.rsb', bytes: { $blob: 0 } }] }, bodyLimit('merge:import').file! + 1)),
    );
    expect(r.status).toBe(413);
    expect(code(r)).toBe('E_FILE_TOO_LARGE');
    expect(host.bodyStats.staged - before.staged).toBe(0);
    expect(existsSync(stageDir) ? readdirSync(stageDir) : []).toEqual([]);
    // A package declared past the largest one opened at all: refused on the header.
    const big = await upload('/api/package:import', [Buffer.alloc(16)], { 'content-length': String(5 * 1024 ** 3) });
    expect(code(big)).toBe('E_REQUEST_TOO_LARGE');
  });

  it('streams a large file of an import to a private file in the data folder, hands it over by path, and removes it after', async () => {
    const size = 48 << 20;
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) content.writeUInt32BE(i, i);
    const pieces = function* (): Generator<Buffer> {
      yield headFor({ fileName: 'p.rpkg', bytes: { $blob: 0 } }, size);
      for (let at = 0; at < size; at += 1 << 20) yield content.subarray(at, at + (1 << 20));
    };
    host.bodyStats.peakBuffered = 0;
    const before = { ...host.bodyStats };
    seen.length = 0;
    const r = await upload('/api/package:import', pieces());
    expect(r.status).toBe(200);
    expect(decodeFrame(r.body)).toEqual({ ok: true, value: { staged: 1 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.size).toBe(size);
    expect(seen[0]!.mode).toBe(0o600);
    expect(seen[0]!.path.startsWith(stageDir + '/')).toBe(true);
    expect(seen[0]!.sha256).toBe(await sha256OfBuffer(content));
    expect(host.bodyStats.staged - before.staged).toBe(size);
    // Only the frame's JSON part was held, never the file.
    expect(host.bodyStats.peakBuffered).toBeLessThan(1024);
    expect(existsSync(seen[0]!.path)).toBe(false);
  });

  it('answers a malformed %-escape in the channel name with E_INVALID_INPUT, and an unknown channel before reading its body', async () => {
    const bad = await upload('/api/identity%E0%A4%A', [frame({})]);
    expect(bad.status).toBe(200);
    expect(code(bad)).toBe('E_INVALID_INPUT');
    const unknown = await upload('/api/nope:nothing', [frame({})]);
    expect(code(unknown)).toBe('E_UNKNOWN_CHANNEL');
  });
});

async function sha256OfBuffer(b: Buffer): Promise<string> {
  const { sha256Hex } = await import('../../electron/crypto/hash.ts');
  return sha256Hex(b);
}

describe('handler table', () => {
  it('refuses a table with a channel defined twice or missing', () => {
    const one = { 'app:state': () => ({}) as never };
    expect(() => defineHandlers(one, one)).toThrow(/two handlers/);
    expect(() => defineHandlers(one)).toThrow(/without a handler/);
  });

  it('answers an unknown channel with a stable code instead of throwing', async () => {
    const env = await dispatch({} as never, 'nope:nothing', {}, {});
    expect(env).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CHANNEL' } });
  });
});
