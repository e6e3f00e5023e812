/**
 * What every handler receives: the workspace database, its folder, the host's
 * capabilities and the session (the unlocked identity and packages opened in
 * memory). One workspace per data folder; see index.ts for opening one.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ReviewDeskError } from '../../shared/errors.ts';
import type { Manifest, PackageApplication } from '../../shared/formats.ts';
import { Manifest as ManifestSchema, PACKAGE_SCHEMA_VERSION, rubricPath } from '../../shared/formats.ts';
import { upgradeRubric } from '../../shared/rubric/upgrade.ts';
import { Rubric as RubricSchema, type Criterion, type Rubric } from '../../shared/rubric/model.ts';
import type { IdentityRow } from '../db/identity.ts';
import { getPackageRow, pledgeAcceptedAt, type PackageRow } from '../db/packages.ts';
import type { Identity } from '../keys/identity.ts';
import type { Host } from './host.ts';
import type { WorkspaceStore } from './store.ts';

export interface WorkspaceOptions {
  /** scrypt work factor (log2) for passphrase-protected keys; 18 by default, lower only in tests. */
  scryptLogN?: number;
  /** How many decrypted packages to keep in memory at once (default 2). */
  openPackages?: number;
  /** Path of an Electron-ABI better_sqlite3.node (the desktop app); the Node build otherwise. */
  nativeBinding?: string;
}

/** One of a package's rubrics, its gates and scored criteria by id. */
export interface RubricMeta {
  rubric: Rubric;
  criteria: Map<string, Criterion>;
}

/** A package's parsed manifest and rubrics, indexed for the review screens. */
export interface PackageMeta {
  row: PackageRow;
  manifest: Manifest;
  /** By rubric id, in the manifest's order. */
  rubrics: Map<string, RubricMeta>;
  applications: Map<string, PackageApplication>;
}

/**
 * A package whose signing key is not yet trusted: checked in full, then let
 * go (nothing decrypted is held), not kept, not listed and not shown. Its `.rpkg` waits, still encrypted, as the
 * `.partial` incoming copy (removed on refusal, on lock, and by the sweep
 * when a workspace opens).
 */
export interface PendingPackage {
  id: string;
  fileName: string;
  /** The incoming copy in packages/. */
  path: string;
  sha256: string;
  size: number;
  /** The signing card's fingerprint the expert is asked about. */
  fingerprint: string;
}

/** A least-recently-used map of at most `max` entries. */
export class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  remember(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(oldest);
    }
  }

  recall(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.remember(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Per-run state: nothing here is ever written to disk. */
export class Session {
  identity: Identity | null = null;
  readonly meta = new Map<string, PackageMeta>();
  /** Packages waiting for the expert's decision on their signer, oldest first. */
  readonly pending = new Map<string, PendingPackage>();
  /** Caches of decrypted content the domains keep for this session (see {@link cache}). */
  private readonly caches = new Set<Recent<unknown>>();
  constructor(private readonly maxOpened: number) {}

  /**
   * A cache of decrypted content (e.g. opened packages), at most as many
   * entries as the workspace's `openPackages` option, dropped by {@link clear}.
   */
  cache<V>(): Recent<V> {
    const recent = new Recent<V>(this.maxOpened);
    this.caches.add(recent as Recent<unknown>);
    return recent;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier exclusive job (imports and exports never interleave). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drops secrets and decrypted content (lock, close). */
  clear(): void {
    this.identity = null;
    for (const cache of this.caches) cache.clear();
    // Their incoming copies are swept by the next import or the next open.
    this.pending.clear();
  }
}

export interface Context {
  /** The encrypted workspace database; reading it throws E_NO_IDENTITY before first-run setup and E_LOCKED until unlock. */
  readonly db: Database;
  /** The folder's files at rest: preferences, the sealed workspace key, the database (see store.ts). */
  readonly store: WorkspaceStore;
  /** The workspace folder: workspace.sqlite, workspace.key, preferences.json, folder.lock, workspace.lock, packages/, exports/, bundles/. */
  readonly dataDir: string;
  readonly host: Host;
  readonly session: Session;
  readonly options: Required<Omit<WorkspaceOptions, 'nativeBinding'>>;
  /** Removes this process's `workspace.lock` record (the lock itself is `folder.lock`'s, released by `releaseLock`). */
  readonly releaseHolder: () => void;
  /** Lets go of the folder's lock (after the database has closed). */
  readonly releaseLock: () => void;
}

export function now(): string {
  return new Date().toISOString();
}

/** The identity (public card, sealed keys; readable while locked); E_NO_IDENTITY before first-run setup. */
export function requireIdentityRow(ctx: Context): IdentityRow {
  const row = ctx.store.identity;
  if (!row) throw new ReviewDeskError('E_NO_IDENTITY');
  return row;
}

/** The unlocked identity; E_NO_IDENTITY or E_LOCKED otherwise. */
export function requireUnlocked(ctx: Context): Identity {
  if (ctx.session.identity) return ctx.session.identity;
  requireIdentityRow(ctx);
  throw new ReviewDeskError('E_LOCKED');
}

/** The package's parsed metadata (cached); E_NOT_FOUND for an unknown id. */
export function packageMeta(ctx: Context, packageId: string): PackageMeta {
  const cached = ctx.session.meta.get(packageId);
  if (cached) return cached;
  const row = getPackageRow(ctx.db, packageId);
  if (!row) throw new ReviewDeskError('E_UNKNOWN_PACKAGE', { id: packageId });
  // Our own rows, but parsed with the strict schemas so a damaged database fails loudly here. A package imported
  // by an older ReviewDesk holds a schema-1 manifest and one rubric: both read as schema 2, nothing is rewritten.
  const stored = JSON.parse(row.rubric) as unknown;
  const rubrics = (Array.isArray(stored) ? stored : [stored]).map((r) => RubricSchema.parse(upgradeRubric(r)));
  const manifest = ManifestSchema.parse(upgradeStoredManifest(JSON.parse(row.manifest), rubrics));
  const meta: PackageMeta = {
    row,
    manifest,
    rubrics: new Map(
      rubrics.map((rubric) => [
        rubric.id,
        { rubric, criteria: new Map([...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria)].map((c) => [c.id, c])) },
      ]),
    ),
    applications: new Map(manifest.applications.map((a) => [a.id, a])),
  };
  ctx.session.meta.set(packageId, meta);
  return meta;
}

/**
 * A stored manifest of schema 1 (one `rubric.json` for every application) in the shape of schema 2: the rubric
 * at `rubrics/<id>.json` and named by each application. Its signature was checked when it was imported.
 */
function upgradeStoredManifest(value: unknown, rubrics: readonly Rubric[]): unknown {
  const m = value as {
    schemaVersion?: unknown;
    rubric?: { id: string; version: number };
    applications?: object[];
    files?: { path: string }[];
  };
  const only = rubrics[0];
  if (m.schemaVersion !== 1 || !m.rubric || !only || rubrics.length !== 1) return value;
  const { rubric, ...rest } = m;
  const path = rubricPath(rubric.id);
  return {
    ...rest,
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    rubrics: [{ path, id: rubric.id, version: rubric.version }],
    applications: (m.applications ?? []).map((a) => ({ ...a, rubricId: rubric.id })),
    files: (m.files ?? []).map((f) => (f.path === 'rubric.json' ? { ...f, path } : f)),
  };
}

/** The rubric an application of the package is scored against. */
export function rubricOf(meta: PackageMeta, applicationId: string): RubricMeta {
  const app = requireApplication(meta, applicationId);
  const r = meta.rubrics.get(app.rubricId);
  if (!r) throw new Error(`internal: ${applicationId} names rubric ${app.rubricId}, which its checked manifest carries`);
  return r;
}

/** E_PLEDGE_REQUIRED until the confidentiality pledge for the package is accepted. */
export function requirePledge(ctx: Context, packageId: string): void {
  if (!pledgeAcceptedAt(ctx.db, packageId)) throw new ReviewDeskError('E_PLEDGE_REQUIRED');
}

/** The application of the package; E_NOT_FOUND otherwise. */
export function requireApplication(meta: PackageMeta, applicationId: string): PackageApplication {
  const app = meta.applications.get(applicationId);
  if (!app) throw new ReviewDeskError('E_UNKNOWN_APPLICATION', { id: applicationId });
  return app;
}
