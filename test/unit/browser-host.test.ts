/** The browser host: loopback only, a per-run token, our own Host and Origin, files only from the renderer folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, defineHandlers } from '../../electron/handlers/registry.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { CSP } from '../../electron/host/static.ts';
import { FRAME_TYPE, decodeFrame, encodeFrame } from '../../shared/ipc/wire.ts';
import { tempDir } from '../helpers/tmp.ts';

const frame = (value: unknown): Buffer => Buffer.concat(encodeFrame(value));
const dir = tempDir('rd-host-');
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(dir, 'secret.txt'), 'outside');

let host: BrowserHost;
const calls: unknown[] = [];

beforeAll(async () => {
  host = await startBrowserHost({
    rendererDir,
    dispatch: (channel, input) => {
      calls.push([channel, input]);
      return Promise.resolve(
        channel === 'identity:card'
          ? { ok: true, value: { echo: input } }
          : { ok: false, error: { code: 'E_NOT_FOUND', message: { 'zh-CN': '无', en: 'none' } } },
      );
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
    const r = await raw('/api/identity:card', {
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
