// Bundles the Electron main process (ESM, dependencies left to node_modules)
// and the sandboxed preload (one self-contained CJS file) into out/electron:
// main.mjs (electron/app/entry.ts: checks the unpacked files, then loads)
// app.mjs (electron/app/main.ts), the workers, preload.cjs, and the SHA-256s
// of every file the packaged app runs from outside its asar
// (unpacked-integrity.json; the beforePack hook writes it again once the
// Electron build of the native modules exists).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeIntegrity } from './write-integrity.mjs';

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
    entryPoints: ['electron/app/entry.ts'],
    outfile: 'out/electron/main.mjs',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/app/main.ts'],
    outfile: 'out/electron/app.mjs',
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
// After the workers exist: they are among the hashed files.
await writeIntegrity();
