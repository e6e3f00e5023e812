/**
 * Serving the built renderer (out/renderer): the same files, headers and
 * Content-Security-Policy for Electron's `app://` protocol and the browser
 * host. Only files inside the renderer folder are ever served.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The app's CSP: nothing from outside, no eval, no inline script. `connect-src
 * 'self'` covers the browser host's loopback API; in Electron there is nothing
 * to connect to at all.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];
export const CSP = DIRECTIVES.join('; ');
/** The same policy as a `<meta>` tag in the built page (vite.config.ts), where frame-ancestors is not allowed. */
export const CSP_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The file for a URL path (`/` is index.html), or 404; never outside `root`. */
export async function serveStatic(root: string, urlPath: string): Promise<StaticFile> {
  let rel: string;
  try {
    const [beforeQuery = ''] = urlPath.split('?');
    const [pathOnly = ''] = beforeQuery.split('#');
    rel = decodeURIComponent(pathOnly);
  } catch {
    return notFound();
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep) || rel.includes('\0')) return notFound();
  try {
    const body = await readFile(file);
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      },
      body,
    };
  } catch {
    return notFound();
  }
}

function notFound(): StaticFile {
  return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found') };
}
