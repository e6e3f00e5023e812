/**
 * The compiled `reviewdesk` command (electron/cli/bundle.mjs, what package.json's bin runs): built here
 * into a fresh folder of its own, so that a stale out/cli never stands in for the sources. The other CLI
 * tests run the TypeScript sources (electron/cli/reviewdesk.mjs through tsx); these check what only the
 * build can break: the command runs without tsx, each worker thread starts from its compiled file beside
 * it (without tsx, a TypeScript file fails to load), the code a subcommand needs is loaded only by that subcommand, and --if-stale rebuilds after a change.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const repo = join(import.meta.dirname, '../..');
// Inside the checkout: the packages left external are found in its node_modules.
mkdirSync(join(repo, 'tmp'), { recursive: true });
const out = mkdtempSync(join(repo, 'tmp', 'cli-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const dir = tempDir('rd-cli-compiled-');
const bin = join(out, 'reviewdesk.js');

function build(...args: string[]): void {
  const r = spawnSync(process.execPath, [join(repo, 'electron/cli/bundle.mjs'), '--outdir', out, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Starts a compiled worker and resolves with its first message (each posts one once loaded). */
function firstMessage(file: string, workerData: unknown): Promise<unknown> {
  const w = new Worker(join(out, file), { workerData });
  return new Promise<unknown>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`${file} exited (${code}) before its first message`)));
  }).finally(() => void w.terminate());
}

describe('compiled reviewdesk command', () => {
  beforeAll(() => build(), 120_000);

  it('holds the command and every worker entry, and never loads tsx or a TypeScript file', () => {
    const files = readdirSync(out);
    for (const f of ['reviewdesk.js', 'verify-worker.js', 'open-worker.js', 'payload-worker.cjs', 'meta.json']) expect(files).toContain(f);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    // No file imports tsx (a TypeScript file imported without it fails at once: the tests below run each entry).
    const tsx = files
      .filter((f) => /\.(js|cjs)$/.test(f))
      .flatMap((f) => (readFileSync(join(out, f), 'utf8').match(/["']tsx(\/[^"']*)?["']/g) ?? []).map((m) => `${f}: ${m}`));
    expect(tsx).toEqual([]);
  });

  it('--help loads commander and nothing of the subcommands (no zod, crypto, database or PDF code)', () => {
    const r = run(['--help']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/verify-bundle/);
    expect(r.out).toMatch(/merge/);
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
    };
    // What the command loads before any action runs: its entry and the chunks it imports statically.
    const loaded = new Set<string>();
    const walk = (f: string): void => {
      if (loaded.has(f)) return;
      loaded.add(f);
      for (const i of meta.outputs[f]!.imports) if (i.kind !== 'dynamic-import' && !i.external) walk(i.path);
    };
    const entry = Object.keys(meta.outputs).find((f) => f.endsWith('/reviewdesk.js'))!;
    walk(entry);
    const inputs = [...loaded].flatMap((f) => Object.keys(meta.outputs[f]!.inputs));
    expect(inputs.some((p) => p.includes('node_modules/commander/'))).toBe(true);
    for (const heavy of ['node_modules/zod/', 'node_modules/sshpk/', 'node_modules/age-encryption/', 'electron/crypto/', 'electron/merge/'])
      expect(
        inputs.filter((p) => p.includes(heavy)),
        heavy,
      ).toEqual([]);
  });

  it('starts each worker thread from its compiled file', async () => {
    expect(await firstMessage('verify-worker.js', undefined)).toBe('ready');
    expect(await firstMessage('open-worker.js', { key: { card: null, ageIdentity: '' }, keepComments: false })).toEqual({ ready: true });
    expect(await firstMessage('payload-worker.cjs', { payloadWorker: true })).toBe('ready');
    // Prewarmed (electron/merge/pool.ts prewarmBundleWorkers): no workerData; ready once its first message brings the key.
    const w = new Worker(join(out, 'open-worker.js'));
    try {
      const ready = new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)));
      w.postMessage({ init: { key: { card: null, ageIdentity: '' }, keepComments: false } });
      expect(await ready).toEqual({ ready: true });
    } finally {
      await w.terminate();
    }
  });

  it('writes a demo round, checks its bundles and merges them on worker threads, reading no dossier', () => {
    const demo = run(['demo', '--out', 'demo', '--experts', '2', '--applications', '2', '--revisions', '1', '--no-workspace', '--json']);
    expect(demo.code, demo.err).toBe(0);
    const bundles = readdirSync(join(dir, 'demo', 'bundles')).map((f) => join('demo', 'bundles', f));
    expect(bundles).toHaveLength(4);
    // --roster and --round need round.json, the rubric and the cards: without the dossiers both still run.
    renameSync(join(dir, 'demo', 'round', 'dossiers'), join(dir, 'demo', 'dossiers-elsewhere'));
    const v = run(['verify-bundle', ...bundles, '--secretariat', 'demo/secretariat', '--roster', 'demo/round/round.json', '--json']);
    expect(v.code, v.err).toBe(0);
    expect((JSON.parse(v.out) as { verdicts: { ok: boolean }[] }).verdicts.map((x) => x.ok)).toEqual([true, true, true, true]);
    const m = run(['merge', ...bundles, '--secretariat', 'demo/secretariat', '--round', 'demo/round', '--workers', '2', '--json']);
    expect(m.code, m.err).toBe(0);
    const merged = JSON.parse(m.out) as { verdicts: { status: string }[]; groups: { rubric: { id: string }; applications: unknown[] }[] };
    expect(merged.verdicts.map((x) => x.status).sort()).toEqual(['accepted', 'accepted', 'superseded', 'superseded']);
    // A001 and A002 are of different categories: each is ranked under its own rubric.
    expect(merged.groups.map((g) => [g.rubric.id, g.applications.length])).toEqual([
      ['mic-selection-enterprise', 1],
      ['mic-selection-nonenterprise', 1],
    ]);
  });

  it('--if-stale keeps a current build and rebuilds one older than a source it was made from', () => {
    const meta = join(out, 'meta.json');
    const built = statSync(meta).mtimeMs;
    build('--if-stale');
    expect(statSync(meta).mtimeMs).toBe(built);
    // As if electron/cli/main.ts had been edited after the build: the build is dated before it.
    const source = statSync(join(repo, 'electron/cli/main.ts')).mtime;
    utimesSync(meta, new Date(source.getTime() - 60_000), new Date(source.getTime() - 60_000));
    build('--if-stale');
    expect(statSync(meta).mtimeMs).toBeGreaterThan(source.getTime());
    expect(run(['--help']).code).toBe(0);
  });
});
