/**
 * Builds the renderer (renderer/ → out/renderer/). `base: './'` because the
 * Electron app serves the files from its own `app://` protocol and the browser
 * host from a loopback origin; everything is bundled, nothing is fetched from
 * the network at run time (the pdf.js worker, cMaps and standard fonts ship
 * with the build).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
// The same policy the Electron window and the browser host send, so the tests see what Electron enforces.
import { CSP_META } from './electron/host/static.ts';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig, type Plugin } from 'vite';

const PDFJS = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
/** pdf.js data folders the viewer loads by URL: CJK cMaps, standard fonts, image decoders, colour profiles. */
const PDFJS_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

function files(dir: string): string[] {
  return readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
}

/** Serves (dev) and emits (build) pdf.js's data folders under `pdfjs/`, so no CDN is ever needed. */
function pdfjsAssets(): Plugin {
  return {
    name: 'reviewdesk-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [, dir, file] = /^\/pdfjs\/([a-z_]+)\/([^/?]+)/.exec(req.url ?? '') ?? [];
        if (!dir || !file || !PDFJS_DIRS.includes(dir) || !files(join(PDFJS, dir)).includes(file)) return next();
        res.end(readFileSync(join(PDFJS, dir, file)));
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS) {
        for (const f of files(join(PDFJS, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${f}`, source: readFileSync(join(PDFJS, dir, f)) });
        }
      }
    },
  };
}

/** Adds the CSP meta tag to the built page only (the dev server needs an inline React refresh preamble). */
function cspMeta(): Plugin {
  return {
    name: 'reviewdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), pdfjsAssets(), cspMeta()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // The strict CSP allows no inline script; Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
  server: { port: 5173, strictPort: false },
});
