#!/usr/bin/env node
/**
 * Compiles the `reviewdesk` command into out/cli with esbuild, so that the
 * installed command starts without compiling TypeScript (tsx stays for tests
 * and benchmarks, which run the sources):
 *
 *   reviewdesk.js      the command (electron/cli/main.ts)
 *   verify-worker.js   worker of verifyBundleFiles (electron/bundles/verify-worker.ts)
 *   open-worker.js     worker of the merge's bundle pool (electron/merge/open-worker.ts)
 *   payload-worker.cjs the payload kernel's worker (copied: plain CommonJS already)
 *   chunk-*.js         code shared by those entries, and what the command loads
 *                      only when a subcommand needs it (its dynamic imports)
 *
 * The file names are the ones electron/workers/locate.ts and its callers look
 * for beside the compiled code, as in the desktop build (electron/app/bundle.mjs).
 * Packages stay in node_modules (native ones such as better-sqlite3-multiple-ciphers
 * and sodium-native must; pdfkit reads its font data beside itself), and code
 * splitting keeps a package imported only by one subcommand out of `--help`.
 *
 *   node electron/cli/bundle.mjs            build
 *   node electron/cli/bundle.mjs --if-stale build only if a source file is newer
 *                                           than the last build (its metafile)
 *   node electron/cli/bundle.mjs --outdir DIR   elsewhere (a test's copy); DIR must
 *                                           lie inside the checkout, where node_modules is found
 */
import { chmod, copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const sources = {
  reviewdesk: 'electron/cli/main.ts',
  'verify-worker': 'electron/bundles/verify-worker.ts',
  'open-worker': 'electron/merge/open-worker.ts',
};
const copied = ['electron/crypto/payload-worker.cjs'];
/**
 * Packages left in node_modules: native addons (their .node binaries are found beside their JavaScript),
 * pdfkit (reads its font metrics from files beside itself), exceljs (large, loaded by the workbook export
 * only), esbuild (the source-run fallback of electron/merge/pool.ts, never reached compiled), sharp (libvips, native), yazl (its CRC-32
 * module is swapped for zlib's at run time: electron/formats/zip.ts). Every other
 * package is bundled: a worker thread then loads a few files instead of some hundreds, and only the parts
 * of zod, age-encryption and its @noble libraries that are used.
 */
const EXTERNAL = ['better-sqlite3-multiple-ciphers', 'sodium-native', 'require-addon', 'pdfkit', 'exceljs', 'esbuild', 'yazl', 'sharp'];
/**
 * The CommonJS ones among them are loaded with `require` (the banner's): an ES `import` of a CommonJS
 * package sends it through the ES module loader and a lexer pass over its source in every thread.
 */
const REQUIRED = new Set(['better-sqlite3-multiple-ciphers', 'sodium-native', 'pdfkit', 'exceljs', 'yazl', 'sharp']);
const requireCommonJs = {
  name: 'require-commonjs-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      REQUIRED.has(a.path) && a.kind === 'import-statement' ? { path: a.path, namespace: 'required' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, (a) => ({
      contents: `module.exports = require(${JSON.stringify(a.path)});`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** True when out/cli is missing or any file the last build read is newer than it (or gone). */
export async function cliIsStale(outdir = resolve(root, 'out', 'cli')) {
  const metaFile = resolve(outdir, 'meta.json');
  let meta;
  try {
    meta = JSON.parse(await readFile(metaFile, 'utf8'));
  } catch {
    return true;
  }
  const built = (await stat(metaFile)).mtimeMs;
  const inputs = [...Object.keys(meta.inputs ?? {}).filter((p) => !p.includes(':')), ...copied, 'electron/cli/bundle.mjs'];
  for (const p of inputs) {
    const s = await stat(resolve(root, p)).catch(() => null);
    if (!s || s.mtimeMs > built) return true;
  }
  return false;
}

/** Builds out/cli from scratch (a stale chunk never survives a build). */
export async function buildCli(outdir = resolve(root, 'out', 'cli')) {
  const { build } = await import('esbuild');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: sources,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [requireCommonJs],
    minify: !process.env.CLI_NO_MINIFY,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // CommonJS inside an ES module bundle (the payload kernel) needs a real `require`.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await chmod(resolve(outdir, 'reviewdesk.js'), 0o755);
  await Promise.all(copied.map((f) => copyFile(resolve(root, f), resolve(outdir, f.slice(f.lastIndexOf('/') + 1)))));
  // Written last: its time is the build's, against which --if-stale compares the sources.
  await writeFile(resolve(outdir, 'meta.json'), JSON.stringify(result.metafile));
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const at = process.argv.indexOf('--outdir');
  const outdir = resolve(at > 0 ? process.argv[at + 1] : resolve(root, 'out', 'cli'));
  if (!process.argv.includes('--if-stale') || (await cliIsStale(outdir))) await buildCli(outdir);
}
