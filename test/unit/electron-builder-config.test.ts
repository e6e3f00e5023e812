/**
 * The packaging config: installers, file associations, asar, the fuses the app does not need turned off, and what
 * lies outside the asar — exactly what the integrity manifest hashes.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildIntegrityManifest, globToRegExp, productionPackages } from '../../electron/host/integrity-build.ts';
import { checkUnpacked, packagedRoots } from '../../electron/host/integrity.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';

interface BuilderConfig {
  asar: { smartUnpack?: boolean };
  asarUnpack: string[];
  beforePack: string;
  npmRebuild: boolean;
  files: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string; name: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: string };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string };
  linux: { target: string[] };
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('builds NSIS, dmg, AppImage and deb', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('associates .rpkg and .rsb files with the app', () => {
    expect(config.fileAssociations.map((a) => a.ext).sort()).toEqual(['rpkg', 'rsb']);
  });

  it('packs into asar, ships only the bundles, and never rebuilds native modules in place', () => {
    expect(config.asar).toEqual({ smartUnpack: false });
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['out/electron/**', 'out/renderer/**']));
    expect(config.files.some((f) => f.startsWith('renderer') || f.startsWith('electron/'))).toBe(false);
    expect(config.extraResources).toContainEqual({ from: 'out/native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
  });

  it('ships the encrypting SQLite driver, and only it: its Node build and sources stay out of the asar', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.devDependencies['@types/better-sqlite3']).toBeUndefined();
    expect(pkg.allowScripts['better-sqlite3-multiple-ciphers']).toBe(true);
    for (const dir of ['build', 'deps', 'src']) expect(config.files).toContain(`!node_modules/better-sqlite3-multiple-ciphers/${dir}/**`);
    const native = readFileSync('electron/app/native.mjs', 'utf8');
    expect(native).toContain("const DRIVER = 'better-sqlite3-multiple-ciphers';");
    expect(native).not.toMatch(/'better-sqlite3'/);
  });

  it('turns off the fuses the app does not need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('signs macOS builds with the hardened runtime and an entitlements file that exists', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('unpacks every worker the bundle step writes, and nothing of the main bundles', () => {
    const bundle = readFileSync('electron/app/bundle.mjs', 'utf8');
    const outputs = [...bundle.matchAll(/'(out\/electron\/[\w.-]+)'/g)].map((m) => m[1]!);
    const workers = outputs.filter((o) => o.includes('worker'));
    expect(workers.sort()).toEqual(['out/electron/open-worker.js', 'out/electron/payload-worker.cjs', 'out/electron/verify-worker.js']);
    const unpacked = (f: string) => config.asarUnpack.some((g) => globToRegExp(g).test(f));
    for (const w of workers) expect(unpacked(w), w).toBe(true);
    for (const f of ['out/electron/main.mjs', 'out/electron/app.mjs', 'out/electron/preload.cjs', 'out/electron/unpacked-integrity.json'])
      expect(unpacked(f), f).toBe(false);
    expect(outputs).toEqual(expect.arrayContaining(['out/electron/main.mjs', 'out/electron/app.mjs']));
  });

  it('leaves no native module of a production package inside the asar: each is unpacked or left out and shipped as a resource', () => {
    const excluded = config.files.filter((f) => f.startsWith('!')).map((f) => globToRegExp(f.slice(1)));
    const unpacked = config.asarUnpack.map(globToRegExp);
    const natives = productionPackages('.')
      .flatMap((p) => listTree(p).map((f) => `${p}/${f}`))
      .filter((f) => f.endsWith('.node'));
    expect(natives.some((f) => f.startsWith('node_modules/sodium-native/'))).toBe(true);
    const resources = config.extraResources.map((r) => r.to.split('/').at(-1));
    const leftOut = new Map<string, string[]>();
    for (const f of natives) {
      if (excluded.some((r) => r.test(f))) {
        const pkg = f.slice(0, f.indexOf('/build/') > 0 ? f.indexOf('/build/') : f.lastIndexOf('/'));
        leftOut.set(pkg, [...(leftOut.get(pkg) ?? []), f.split('/').at(-1)!]);
        continue;
      }
      expect(
        unpacked.some((r) => r.test(f)),
        `${f} would be inside the asar`,
      ).toBe(true);
    }
    // A package whose Node build is left out has its Electron build shipped as an extra resource instead.
    for (const [pkg, names] of leftOut)
      expect(
        names.some((n) => resources.includes(n)),
        `${pkg}: no Electron build shipped`,
      ).toBe(true);
  });

  it("hashes this platform's sodium-native and its loader into the manifest, and a packaged layout of it verifies", async () => {
    const manifest = await buildIntegrityManifest('.', config);
    const paths = manifest.entries.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `node_modules/sodium-native/prebuilds/${process.platform}-${process.arch}/sodium-native.node`,
        'node_modules/sodium-native/index.js',
        'node_modules/require-addon/package.json',
        'node_modules/sharp/package.json',
      ]),
    );
    // sharp's libvips build for this platform (site-visit thumbnails) is hashed too.
    expect(paths.some((p) => p.startsWith(`node_modules/@img/sharp-${process.platform}-${process.arch}/`) && p.endsWith('.node'))).toBe(
      true,
    );
    expect(
      paths.filter((p) => p.startsWith('node_modules/')).every((p) => /^node_modules\/(sodium-native|require-addon|sharp|@img)\//.test(p)),
    ).toBe(true);
    const resources = join(tempDir('rd-builder-layout-'), 'resources');
    for (const e of manifest.entries) {
      const dst = e.root === 'app' ? join(resources, 'app.asar.unpacked', e.path) : join(resources, e.path);
      mkdirSync(dirname(dst), { recursive: true });
      cpSync(e.root === 'app' ? e.path : config.extraResources.find((r) => r.to === e.path)!.from, dst);
    }
    expect(await checkUnpacked(manifest, packagedRoots(join(resources, 'app.asar'), resources))).toEqual([]);
  });

  it('writes the manifest in the beforePack hook, after the native build, with every extra resource required', () => {
    const hook = readFileSync(config.beforePack, 'utf8');
    expect(hook.indexOf('buildElectronSqlite()')).toBeGreaterThan(-1);
    expect(hook.indexOf('writeIntegrity({ requireResources: true })')).toBeGreaterThan(hook.indexOf('buildElectronSqlite()'));
    expect(readFileSync('electron/app/bundle.mjs', 'utf8')).toContain('await writeIntegrity()');
  });
});
