/** The packaging config: installers, file associations, asar, and the fuses the app does not need turned off. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  asar: boolean;
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
    expect(config.asar).toBe(true);
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
});
