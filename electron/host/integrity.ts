/**
 * The files a packaged app runs from outside its asar archive — the worker
 * scripts and native modules that asarUnpack puts in `app.asar.unpacked`, and
 * the native modules shipped as extraResources — are not covered by Electron's
 * asar integrity (and on Linux nothing is). Their SHA-256s are computed at
 * build time into a manifest that ships inside the asar; at start the app
 * hashes them again and refuses to start if any is missing, changed, or if a
 * code file it does not know has been added beside them (a loader that picks
 * a "better" prebuild by name would run it).
 *
 * Plain Node, no Electron: the glue (electron/app/entry.ts) only calls it.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';

/** The manifest's file name, beside the main bundle inside the asar (out/electron). */
export const INTEGRITY_FILE = 'unpacked-integrity.json';

/** Where an entry lives: `app` = relative to app.asar.unpacked, `resources` = relative to the resources folder. */
export type IntegrityRoot = 'app' | 'resources';

export interface IntegrityEntry {
  root: IntegrityRoot;
  /** Forward slashes, relative to its root. */
  path: string;
  sha256: string;
  size: number;
}

export interface IntegrityManifest {
  version: 1;
  entries: IntegrityEntry[];
  /**
   * Folders (per root, relative, forward slashes) in which every code file must be listed: a code file found
   * there that the manifest does not name is refused.
   */
  sealedDirs: { root: IntegrityRoot; path: string }[];
}

/** What a runtime loads as code or data that steers code: an added one of these is refused. */
const CODE_FILE = /\.(?:c?js|mjs|json|node|wasm|dll|so(?:\.\d+)*|dylib)$/i;

export function isCodeFile(name: string): boolean {
  return CODE_FILE.test(name);
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let names;
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  for (const d of names) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/** Parses the manifest text, refusing anything that is not one (a packaged build without it is broken, not trusted). */
export function parseIntegrityManifest(text: string): IntegrityManifest {
  const refuse = (reason: string): never => {
    throw new ReviewDeskError('E_APP_INTEGRITY', { file: INTEGRITY_FILE, reason, count: 1 });
  };
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return refuse('not JSON');
  }
  const isRoot = (r: unknown): r is IntegrityRoot => r === 'app' || r === 'resources';
  const v = m as Partial<IntegrityManifest>;
  if (typeof m !== 'object' || m === null || v.version !== 1 || !Array.isArray(v.entries) || !Array.isArray(v.sealedDirs))
    return refuse('not a manifest');
  for (const e of v.entries) {
    const ok =
      typeof e === 'object' &&
      e !== null &&
      isRoot(e.root) &&
      typeof e.path === 'string' &&
      e.path.length > 0 &&
      !e.path.split('/').includes('..') &&
      typeof e.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(e.sha256) &&
      Number.isSafeInteger(e.size);
    if (!ok) refuse('bad entry');
  }
  for (const d of v.sealedDirs)
    if (typeof d !== 'object' || d === null || !isRoot(d.root) || typeof d.path !== 'string') refuse('bad folder');
  if (v.entries.length === 0) refuse('no entries');
  return m as IntegrityManifest;
}

export interface IntegrityProblem {
  file: string;
  problem: 'missing' | 'changed' | 'unexpected';
}

/** Every problem with the files on disk against `manifest` (empty: all match). */
export async function checkUnpacked(manifest: IntegrityManifest, roots: Record<IntegrityRoot, string>): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const listed = new Set<string>();
  for (const e of manifest.entries) {
    const file = join(roots[e.root], ...e.path.split('/'));
    listed.add(`${e.root}:${e.path}`);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      problems.push({ file: `${e.root}/${e.path}`, problem: 'missing' });
      continue;
    }
    // The size first: a cheap refusal of the common case, and no hashing of a file grown to any size.
    if (size !== e.size || (await sha256File(file)) !== e.sha256) problems.push({ file: `${e.root}/${e.path}`, problem: 'changed' });
  }
  for (const d of manifest.sealedDirs) {
    const base = roots[d.root];
    for (const f of await walk(join(base, ...d.path.split('/').filter(Boolean)))) {
      const rel = toPosix(relative(base, f));
      if (isCodeFile(f) && !listed.has(`${d.root}:${rel}`)) problems.push({ file: `${d.root}/${rel}`, problem: 'unexpected' });
    }
  }
  return problems;
}

/** {@link checkUnpacked}, refusing with E_APP_INTEGRITY (naming the first file and how many are wrong). */
export async function verifyUnpacked(manifest: IntegrityManifest, roots: Record<IntegrityRoot, string>): Promise<void> {
  const problems = await checkUnpacked(manifest, roots);
  const [first] = problems;
  if (first) {
    throw new ReviewDeskError('E_APP_INTEGRITY', { file: first.file, reason: first.problem, count: problems.length });
  }
}

/**
 * Where the roots are in a packaged app: `appPath` is app.getAppPath() (…/resources/app.asar), its unpacked
 * twin beside it; the resources folder is its parent (process.resourcesPath).
 */
export function packagedRoots(appPath: string, resourcesPath: string): Record<IntegrityRoot, string> {
  return { app: `${appPath}.unpacked`, resources: resourcesPath };
}
