/**
 * Benchmark of the reviewer's app (Node side), called from run.ts: saving one
 * edit from the dispatch call to the acknowledged commit with 100,000 edits
 * already stored, and opening a 40-application package (import, package:get,
 * pledge, first review:get). The workspace is encrypted, as every workspace
 * is (SQLCipher 4 pages, the WAL included): the target holds with encryption on.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../electron/demo/generate.ts';
import { DATABASE_FILE, openWorkspace } from '../../electron/workspace/open.ts';
import { applyEdit } from '../../electron/review/edit.ts';
import { packageMeta } from '../../electron/workspace/context.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import type { Card } from '../../shared/card.ts';
import { trustSecretariat } from '../../electron/packages/trust.ts';
import { packageFor, testHost } from '../helpers/workspace.ts';

export interface BenchResult {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

const STORED = 100_000;
const MEASURED = 2_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function rawCommits(root: string, key?: Buffer): { p50: number; p99: number } {
  const db = new Database(join(root, key ? 'raw-commit-encrypted.sqlite' : 'raw-commit.sqlite'));
  try {
    if (key) {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${key.toString('hex')}'"`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < MEASURED; i++) {
      const t = performance.now();
      insert.run(`row ${i}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    db.close();
  }
}

export async function benchApp(root: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const demoDir = join(root, 'app-demo');
  await generateDemo({ out: demoDir, experts: 1, applications: 40 });
  const fx = { dir: demoDir, demo: null as never, secretariat: await loadIdentity(join(demoDir, 'secretariat')) };

  const ws = await openWorkspace(join(root, 'app-ws'), testHost(), { scryptLogN: 10 });
  try {
    const state = await ws.invoke('identity:create', {
      displayName: '基准专家',
      organisation: '',
      fields: [],
      passphrase: 'bench passphrase',
    });
    const card = (state.identity as { card: Card }).card;
    const pkg = await packageFor(fx, card, join(root, 'app-40.rpkg'));
    const bytes = new Uint8Array(readFileSync(pkg.path));

    // 1. Opening a 40-application package until the first review screen has its data.
    // The expert has accepted this secretariat before: the import is timed, not the trust question.
    trustSecretariat(ws.ctx.db, fx.secretariat.card, 'confirmed', new Date().toISOString());
    const t0 = performance.now();
    const imported = await ws.invoke('package:import', { fileName: 'app-40.rpkg', bytes });
    if (imported.status !== 'imported') throw new Error('the package was held for the trust question');
    const summary = imported.package;
    const t1 = performance.now();
    await ws.invoke('package:get', { packageId: summary.packageId });
    const t2 = performance.now();
    const detail = await ws.invoke('package:acceptPledge', { packageId: summary.packageId });
    await ws.invoke('review:get', { packageId: summary.packageId, applicationId: detail.applications[0]!.id });
    const t3 = performance.now();
    results.push({
      what: `open a ${detail.applications.length}-application package (${(bytes.length / 1024 / 1024).toFixed(1)} MiB): import + package:get + pledge + first review:get`,
      value: `${(t3 - t0).toFixed(0)} ms (import ${(t1 - t0).toFixed(0)}, package:get ${(t2 - t1).toFixed(0)}, pledge + review:get ${(t3 - t2).toFixed(0)})`,
      target: '< 1 s (Node side of the review screen)',
      ok: t3 - t0 < 1000,
    });

    // 2. 100,000 stored edits across the 40 applications, written through the same repository code.
    const packageId = summary.packageId;
    const apps = detail.applications.map((a) => a.id);
    const criteria = detail.rubrics[0]!.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
    for (const a of apps) await ws.invoke('review:declareConflict', { packageId, applicationId: a, status: 'none', reason: '' });
    const meta = packageMeta(ws.ctx, packageId);
    const fill = ws.ctx.db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        applyEdit(ws.ctx, meta, apps[i % apps.length]!, {
          field: 'comment',
          criterionId: criteria[Math.floor(i / apps.length) % criteria.length]!,
          value: `意见 ${i}：论证较充分。`,
        });
      }
    });
    for (let i = 0; i < STORED; i += 10_000) fill(i, i + 10_000);
    const stored = ws.ctx.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;
    const dbFile = join(root, 'app-ws', DATABASE_FILE);
    if (readFileSync(dbFile).subarray(0, 16).toString('latin1') === 'SQLite format 3\0') throw new Error(`${dbFile} is not encrypted`);

    const times: number[] = [];
    for (let i = 0; i < MEASURED; i++) {
      const edit =
        i % 2 === 0
          ? { field: 'comment' as const, criterionId: criteria[i % criteria.length]!, value: `测量 ${i}` }
          : { field: 'score' as const, criterionId: criteria[i % criteria.length]!, value: i % 4 === 1 ? 5 : 6 };
      const t = performance.now();
      const r = await ws.call('review:edit', { packageId, applicationId: apps[i % apps.length]!, edit });
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    // The floor this disk and scheduler set: a bare one-row commit with the same pragmas.
    const raw = rawCommits(root);
    const rawEncrypted = rawCommits(root, Buffer.alloc(32, 1));
    results.push({
      what: `save one edit, dispatch → committed (WAL, synchronous=FULL, encrypted) with ${stored.toLocaleString('en')} edits stored`,
      value: `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms over ${MEASURED} edits; bare SQLite commit here p50 ${raw.p50.toFixed(2)} ms, p99 ${raw.p99.toFixed(2)} ms (encrypted: p50 ${rawEncrypted.p50.toFixed(2)} ms, p99 ${rawEncrypted.p99.toFixed(2)} ms)`,
      target: 'p99 ≤ 5 ms',
      ok: p99 <= 5,
    });
  } finally {
    ws.close();
  }
  return results;
}
