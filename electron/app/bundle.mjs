// Bundles the Electron main process (ESM, dependencies left to node_modules)
// and the sandboxed preload (one self-contained CJS file) into out/electron.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({ ...common, entryPoints: ['electron/app/main.ts'], outfile: 'out/electron/main.mjs', format: 'esm', packages: 'external' }),
  build({
    ...common,
    entryPoints: ['electron/app/preload.ts'],
    outfile: 'out/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
