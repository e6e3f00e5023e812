/**
 * The start-up check of the files a packaged app runs from outside its asar:
 * a project laid out as electron-builder sees it, its manifest built from the
 * packaging config (real files, real SHA-256, checked against sha256sum), the
 * packaged layout (app.asar.unpacked + resources) accepted as built and refused
 * when a file is changed, missing, or a code file is added beside them.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import { buildIntegrityManifest, globToRegExp, type PackagingConfig } from '../../electron/host/integrity-build.ts';
import {
  checkUnpacked,
  packagedRoots,
  parseIntegrityManifest,
  verifyUnpacked,
  type IntegrityManifest,
} from '../../electron/host/integrity.ts';
import { tempDir } from '../helpers/tmp.ts';

function put(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

const project = tempDir('rd-integrity-project-');
put(
  join(project, 'package.json'),
  JSON.stringify({ name: 'p', dependencies: { 'native-pkg': '1' }, devDependencies: { 'dev-only': '1' } }),
);
put(join(project, 'out/electron/main.mjs'), 'export {};\n');
put(join(project, 'out/electron/verify-worker.js'), 'console.log("worker");\n');
put(join(project, 'out/electron/verify-worker.js.map'), '{}');
put(join(project, 'out/electron/payload-worker.cjs'), 'module.exports = 1;\n');
put(join(project, 'out/native/electron/sqlite.node'), randomBytes(4096));
const pkg = join(project, 'node_modules/native-pkg');
put(join(pkg, 'package.json'), JSON.stringify({ name: 'native-pkg', dependencies: { helper: '1' } }));
put(join(pkg, 'index.js'), 'module.exports = require("helper");\n');
put(join(pkg, 'README.md'), '# not code\n');
put(join(pkg, 'index.d.ts'), 'export {};\n');
put(join(pkg, 'test/run.js'), '// electron-builder leaves top-level test folders out\n');
put(join(pkg, 'prebuilds/linux-x64/native-pkg.node'), randomBytes(8192));
put(join(pkg, 'prebuilds/win32-x64/native-pkg.node'), randomBytes(8192));
// A dependency nested under the package that needs it: found by Node's resolution, and unpacked with it (the glob
// `**/node_modules/native-pkg/**` covers everything below).
put(join(pkg, 'node_modules/helper/package.json'), JSON.stringify({ name: 'helper' }));
put(join(pkg, 'node_modules/helper/index.js'), 'module.exports = 2;\n');
put(join(project, 'node_modules/dev-only/package.json'), JSON.stringify({ name: 'dev-only' }));
put(join(project, 'node_modules/dev-only/prebuilds/x.node'), randomBytes(64));

const config: PackagingConfig = {
  asar: { smartUnpack: false },
  asarUnpack: ['out/electron/*worker*', '**/node_modules/native-pkg/**', '**/node_modules/dev-only/**'],
  extraResources: [{ from: 'out/native/electron/sqlite.node', to: 'native/sqlite.node' }],
};

/** The packaged app as electron-builder lays it out: resources/app.asar.unpacked/… and resources/native/…. */
function layOut(manifest: IntegrityManifest): { appPath: string; resources: string } {
  const resources = join(tempDir('rd-integrity-app-'), 'resources');
  for (const e of manifest.entries) {
    const src = e.root === 'app' ? join(project, e.path) : join(project, 'out/native/electron/sqlite.node');
    const dst = e.root === 'app' ? join(resources, 'app.asar.unpacked', e.path) : join(resources, e.path);
    mkdirSync(dirname(dst), { recursive: true });
    cpSync(src, dst);
  }
  // Not code: electron-builder unpacks the whole package folder, these come along and are not the check's business.
  cpSync(join(pkg, 'README.md'), join(resources, 'app.asar.unpacked/node_modules/native-pkg/README.md'));
  put(join(resources, 'app.asar'), 'the archive itself');
  return { appPath: join(resources, 'app.asar'), resources };
}

async function refusal(p: Promise<unknown>): Promise<Record<string, unknown>> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isReviewDeskError(e, 'E_APP_INTEGRITY')) throw new Error(`expected E_APP_INTEGRITY, got ${String(e)}`);
  expect(e.localized('zh-CN')).toContain(String(e.params.file));
  expect(e.localized('en')).toContain('Reinstall');
  return e.params;
}

let manifest: IntegrityManifest;
let app: { appPath: string; resources: string };
let roots: ReturnType<typeof packagedRoots>;

describe('unpacked files integrity', () => {
  beforeEach(async () => {
    manifest = await buildIntegrityManifest(project, config);
    app = layOut(manifest);
    roots = packagedRoots(app.appPath, app.resources);
  });

  it('lists exactly the code files asarUnpack and extraResources put outside the asar, of production packages only', () => {
    expect(manifest.entries.map((e) => `${e.root}:${e.path}`)).toEqual([
      'app:node_modules/native-pkg/index.js',
      'app:node_modules/native-pkg/node_modules/helper/index.js',
      'app:node_modules/native-pkg/node_modules/helper/package.json',
      'app:node_modules/native-pkg/package.json',
      'app:node_modules/native-pkg/prebuilds/linux-x64/native-pkg.node',
      'app:node_modules/native-pkg/prebuilds/win32-x64/native-pkg.node',
      'app:out/electron/payload-worker.cjs',
      'app:out/electron/verify-worker.js',
      'resources:native/sqlite.node',
    ]);
    expect(manifest.sealedDirs).toEqual([
      { root: 'app', path: '' },
      { root: 'resources', path: 'native' },
    ]);
  });

  it('records the real SHA-256 and size of each file', () => {
    for (const e of manifest.entries.filter((x) => x.root === 'app')) {
      const file = join(project, e.path);
      expect(e.sha256).toBe(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]);
      expect(e.size).toBe(readFileSync(file).length);
    }
  });

  it('accepts the packaged layout as built, with non-code files beside it', async () => {
    expect(await checkUnpacked(manifest, roots)).toEqual([]);
    await verifyUnpacked(parseIntegrityManifest(JSON.stringify(manifest)), roots);
  });

  it('refuses a changed file, even one of the same size', async () => {
    const node = join(roots.app, 'node_modules/native-pkg/prebuilds/linux-x64/native-pkg.node');
    const bytes = readFileSync(node);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(node, bytes);
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({
      file: 'app/node_modules/native-pkg/prebuilds/linux-x64/native-pkg.node',
      reason: 'changed',
      count: 1,
    });
    appendFileSync(join(roots.app, 'out/electron/verify-worker.js'), 'process.exit(0);\n');
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({ count: 2 });
  });

  it('refuses a changed native module shipped as an extra resource', async () => {
    writeFileSync(join(app.resources, 'native/sqlite.node'), randomBytes(4096));
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({ file: 'resources/native/sqlite.node', reason: 'changed' });
  });

  it('refuses a missing file', async () => {
    rmSync(join(roots.app, 'out/electron/payload-worker.cjs'));
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({
      file: 'app/out/electron/payload-worker.cjs',
      reason: 'missing',
    });
  });

  it('refuses a code file added beside the listed ones (a loader could prefer it), in the unpacked tree and in native/', async () => {
    put(join(roots.app, 'node_modules/native-pkg/prebuilds/linux-x64/native-pkg.glibc.node'), randomBytes(100));
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({
      file: 'app/node_modules/native-pkg/prebuilds/linux-x64/native-pkg.glibc.node',
      reason: 'unexpected',
    });
    rmSync(join(roots.app, 'node_modules/native-pkg/prebuilds/linux-x64/native-pkg.glibc.node'));
    put(join(app.resources, 'native/other.node'), randomBytes(100));
    expect(await refusal(verifyUnpacked(manifest, roots))).toMatchObject({ file: 'resources/native/other.node', reason: 'unexpected' });
  });

  it('refuses a manifest that is missing, malformed or reaches outside its roots', async () => {
    for (const text of [
      'not json',
      '{}',
      JSON.stringify({ ...manifest, entries: [] }),
      JSON.stringify({ ...manifest, entries: [{ ...manifest.entries[0]!, path: '../../etc/passwd' }] }),
      JSON.stringify({ ...manifest, entries: [{ ...manifest.entries[0]!, sha256: 'abc' }] }),
    ]) {
      expect(() => parseIntegrityManifest(text)).toThrow(expect.objectContaining({ code: 'E_APP_INTEGRITY' }));
    }
  });

  it('refuses to build a manifest while smartUnpack would unpack more than asarUnpack names, or with an extra resource missing', async () => {
    await expect(buildIntegrityManifest(project, { ...config, asar: true })).rejects.toThrow(/smartUnpack/);
    const missing = { ...config, extraResources: [{ from: 'out/native/none.node', to: 'native/none.node' }] };
    await expect(buildIntegrityManifest(project, missing, { requireResources: true })).rejects.toThrow(/does not exist/);
  });

  it("reads asarUnpack globs as electron-builder's minimatch does", () => {
    expect(globToRegExp('**/node_modules/sodium-native/**').test('node_modules/sodium-native/prebuilds/a/b.node')).toBe(true);
    expect(globToRegExp('**/node_modules/sodium-native/**').test('node_modules/x/node_modules/sodium-native/index.js')).toBe(true);
    expect(globToRegExp('**/node_modules/sodium-native/**').test('node_modules/sodium-native-x/index.js')).toBe(false);
    expect(globToRegExp('out/electron/*worker*').test('out/electron/open-worker.js')).toBe(true);
    expect(globToRegExp('out/electron/*worker*').test('out/electron/sub/open-worker.js')).toBe(false);
    expect(globToRegExp('**/*.{node,dll}').test('a/b.dll')).toBe(true);
  });
});
