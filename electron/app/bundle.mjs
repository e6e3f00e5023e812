// Bundles the Electron main process (ESM, dependencies left to node_modules)
// and the sandboxed preload (one self-contained CJS file) into out/electron.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
process.chdir(resolve(import.meta.dirname, '..', '..'));
await mkdir('out/electron', { recursive: true });
// CommonJS inside an ES module bundle (the payload kernel) needs a real `require`.
const esmRequire = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

const worker = (entry, outfile) =>
  build({ ...common, entryPoints: [entry], outfile, format: 'esm', packages: 'external', banner: esmRequire });

await Promise.all([
  // Worker threads start from files beside main.mjs (electron/workers/locate.ts).
  worker('electron/bundles/verify-worker.ts', 'out/electron/verify-worker.js'),
  worker('electron/merge/open-worker.ts', 'out/electron/open-worker.js'),
  copyFile('electron/crypto/payload-worker.cjs', 'out/electron/payload-worker.cjs'),
  build({
    ...common,
    entryPoints: ['electron/app/main.ts'],
    outfile: 'out/electron/main.mjs',
    format: 'esm',
    packages: 'external',
    banner: esmRequire,
  }),
  build({
    ...common,
    entryPoints: ['electron/app/preload.ts'],
    outfile: 'out/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
