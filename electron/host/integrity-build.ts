/**
 * Build side of electron/host/integrity.ts: which files the packaged app will
 * run from outside its asar, taken from electron-builder.yml itself (asarUnpack
 * and extraResources) rather than from a list of names, so that a native module
 * added or swapped there is hashed without touching this code; and the manifest
 * of their SHA-256s that the bundle step and the beforePack hook write into
 * out/electron (and so into the asar).
 *
 * It follows electron-builder's own choice of files (production dependencies
 * only, its default exclusions) so that the manifest names exactly the code
 * files that end up unpacked: one it lists but the builder left out would stop
 * the app from starting, one it misses would be refused as unexpected.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { INTEGRITY_FILE, isCodeFile, sha256File, type IntegrityEntry, type IntegrityManifest, type IntegrityRoot } from './integrity.ts';

export interface PackagingConfig {
  /** `smartUnpack` must be false: electron-builder would otherwise unpack whole packages of its own choosing. */
  asar?: boolean | { smartUnpack?: boolean };
  asarUnpack?: string[] | string;
  extraResources?: (string | { from: string; to?: string })[];
}

/** electron-builder's default exclusions (app-builder-lib fileMatcher.excludedNames, NodeModuleCopyHelper). */
const EXCLUDED_NAMES = new Set(
  (
    '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,' +
    '.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,.yarn-integrity,.yarn-metadata.json,yarn-error.log,yarn.lock,' +
    'package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,circle.yml,.nyc_output,' +
    '.husky,.github,electron-builder.env,CHANGELOG.md,ChangeLog,changelog.md,Changelog.md,Changelog,binding.gyp,node_gyp_bins'
  ).split(','),
);
const TOP_LEVEL_EXCLUDED = new Set(['test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin', 'karma.conf.js']);
const EXCLUDED_EXT = /\.(?:d\.ts|iml|hprof|orig|pyc|pyo|rbc|swp|csproj|sln|suo|xproj|cc|mk|a|o|obj|pdb|forge-meta)$/;

/** A glob of electron-builder's kind (minimatch with dot: true): `**`, `*`, `?`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function walk(dir: string, keep: (name: string, depth: number) => boolean, depth = 0): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!keep(d.name, depth)) continue;
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...walk(p, keep, depth + 1));
    else if (d.isFile()) out.push(p);
  }
  return out;
}

/** The production dependency closure as electron-builder ships it: package folders relative to the project. */
export function productionPackages(projectDir: string): string[] {
  const seen = new Set<string>();
  const visit = (pkgDir: string): void => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      // Node's resolution: the nearest node_modules/NAME from the dependent upwards, never above the project.
      let at = pkgDir;
      let found: string | null = null;
      for (;;) {
        const candidate = join(at, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) {
          found = candidate;
          break;
        }
        if (at === projectDir || dirname(at) === at) break;
        at = dirname(at);
      }
      if (!found) continue; // an optional dependency not installed on this platform
      const rel = toPosix(relative(projectDir, found));
      if (seen.has(rel)) continue;
      seen.add(rel);
      visit(found);
    }
  };
  visit(projectDir);
  return [...seen].sort();
}

/** Files of one package as electron-builder copies them (its default exclusions; nested packages are their own). */
function packageFiles(projectDir: string, pkgRel: string): string[] {
  return walk(
    join(projectDir, ...pkgRel.split('/')),
    (name, depth) =>
      name !== 'node_modules' &&
      !EXCLUDED_NAMES.has(name) &&
      !name.startsWith('._') &&
      !EXCLUDED_EXT.test(name) &&
      !(depth === 0 && (TOP_LEVEL_EXCLUDED.has(name) || /^readme(?:\.md|\.markdown)?$/i.test(name))),
  ).map((f) => toPosix(relative(projectDir, f)));
}

/** The literal folder a glob starts with (`out/electron/*worker*` → `out/electron`). */
function literalPrefix(glob: string): string {
  const parts = glob.split('/');
  const i = parts.findIndex((p) => /[*?{[]/.test(p));
  return parts.slice(0, i < 0 ? parts.length - 1 : i).join('/');
}

export interface UnpackedFile {
  root: IntegrityRoot;
  path: string;
  source: string;
}

/** Every code file the packaged app runs from outside the asar, with where it comes from in the project. */
export function unpackedFiles(
  projectDir: string,
  config: PackagingConfig,
  opts: { requireResources?: boolean } = {},
): { files: UnpackedFile[]; sealedDirs: IntegrityManifest['sealedDirs'] } {
  if (typeof config.asar !== 'object' || config.asar.smartUnpack !== false)
    throw new Error('electron-builder.yml: asar.smartUnpack must be false, or the unpacked files are not the ones listed');
  const patterns = [config.asarUnpack ?? []].flat().map(globToRegExp);
  const globs = [config.asarUnpack ?? []].flat();
  const candidates = new Set<string>();
  for (const g of globs) {
    if (/(^|\/)node_modules\//.test(g)) continue;
    const prefix = literalPrefix(g);
    for (const f of walk(join(projectDir, ...prefix.split('/').filter(Boolean)), () => true)) {
      candidates.add(toPosix(relative(projectDir, f)));
    }
  }
  if (globs.some((g) => /(^|\/)node_modules\//.test(g))) {
    for (const pkg of productionPackages(projectDir)) for (const f of packageFiles(projectDir, pkg)) candidates.add(f);
  }
  const files: UnpackedFile[] = [...candidates]
    .filter((rel) => isCodeFile(rel) && patterns.some((p) => p.test(rel)))
    .sort()
    .map((rel) => ({ root: 'app' as const, path: rel, source: join(projectDir, ...rel.split('/')) }));
  const sealedDirs: IntegrityManifest['sealedDirs'] = files.length ? [{ root: 'app', path: '' }] : [];

  for (const r of config.extraResources ?? []) {
    const from = typeof r === 'string' ? r : r.from;
    const to = typeof r === 'string' ? r : (r.to ?? r.from);
    const source = join(projectDir, ...from.split('/'));
    if (!existsSync(source)) {
      // Packaging (beforePack) must hash every extra resource; the bundle step runs before native builds exist.
      if (opts.requireResources) throw new Error(`extraResources: ${from} does not exist`);
      continue;
    }
    if (statSync(source).isDirectory()) {
      for (const f of walk(source, () => true)) {
        const rel = toPosix(relative(source, f));
        if (isCodeFile(rel)) files.push({ root: 'resources', path: `${to.replace(/\/$/, '')}/${rel}`, source: f });
      }
      sealedDirs.push({ root: 'resources', path: to.replace(/\/$/, '') });
    } else if (isCodeFile(to)) {
      files.push({ root: 'resources', path: to, source });
      const parent = to.includes('/') ? to.slice(0, to.lastIndexOf('/')) : null;
      // The resources folder itself also holds app.asar and the platform's own files: only a folder of ours is sealed.
      if (parent && !sealedDirs.some((d) => d.root === 'resources' && d.path === parent))
        sealedDirs.push({ root: 'resources', path: parent });
    }
  }
  return { files, sealedDirs };
}

/** The manifest of {@link unpackedFiles}: their SHA-256s and sizes. */
export async function buildIntegrityManifest(
  projectDir: string,
  config: PackagingConfig,
  opts: { requireResources?: boolean } = {},
): Promise<IntegrityManifest> {
  const { files, sealedDirs } = unpackedFiles(projectDir, config, opts);
  const entries: IntegrityEntry[] = [];
  for (const f of files) entries.push({ root: f.root, path: f.path, sha256: await sha256File(f.source), size: statSync(f.source).size });
  return { version: 1, entries, sealedDirs };
}

export function readPackagingConfig(projectDir: string, file = 'electron-builder.yml'): PackagingConfig {
  return parse(readFileSync(join(projectDir, file), 'utf8')) as PackagingConfig;
}

/** Writes out/electron/unpacked-integrity.json for the project's electron-builder.yml; returns the manifest. */
export async function writeIntegrityManifest(projectDir: string, opts: { requireResources?: boolean } = {}): Promise<IntegrityManifest> {
  const manifest = await buildIntegrityManifest(projectDir, readPackagingConfig(projectDir), opts);
  const out = join(projectDir, 'out', 'electron', INTEGRITY_FILE);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}
