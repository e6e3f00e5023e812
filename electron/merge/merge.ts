/**
 * The secretariat's merge, end to end: open every bundle file (in parallel),
 * reconcile against the ledger, aggregate. The app and `reviewdesk merge`
 * call this; outputs (XLSX, CSV, PDF, signed result) take its outcome.
 *
 * Every file is opened by its head (decrypt, ZIP, the expert's signature over
 * bundle.json, top-level fields), which is all reconciliation needs; the file
 * that would count for each expert is then opened fully (canonical JSON,
 * strict schema, attachments, scores against the rubric). If it fails, it is
 * refused and the next best file of that expert is opened fully, and so on.
 * So a superseded or duplicate file is known to be signed by its expert but
 * its body is not schema-checked — it never reaches the results. `verifyAll`
 * opens every file fully instead (a malformed superseded file is then refused).
 */
import { aggregateRound, type AggregateOptions, type RoundResult } from '../../shared/merge/aggregate.ts';
import { nth } from '../../shared/checked.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import type { Candidate, ConsensusEntry } from '../../shared/merge/model.ts';
import { reconcile, type Reconciled } from '../../shared/merge/reconcile.ts';
import type { OpenKey } from './open.ts';
import { BundlePool, defaultWorkers, type PoolOptions } from './pool.ts';

export interface ImportOptions extends PoolOptions {
  /** Fully open every file, not only those that could count. */
  verifyAll?: boolean;
}

export interface MergeOptions extends ImportOptions {
  aggregate?: Partial<AggregateOptions>;
  consensus?: readonly ConsensusEntry[];
  /** Also rank every application on one scale (only when every rubric has the same total). */
  combined?: boolean;
}

export interface Imported {
  candidates: Candidate[];
  reconciled: Reconciled;
  /** Files opened fully (the rest by their head). */
  fullyOpened: number;
}

export interface MergeOutcome extends Imported {
  ledger: Ledger;
  /** One result per rubric of the round. */
  result: RoundResult;
  /** Milliseconds per stage. */
  timings: { open: number; aggregate: number };
}

/** Opens and reconciles bundle files: one verdict per file, one accepted bundle per expert. */
export async function importBundles(
  files: readonly string[],
  secretariat: OpenKey,
  ledger: Ledger,
  opts: ImportOptions = {},
): Promise<Imported> {
  const pool = await BundlePool.start(secretariat, defaultWorkers(files.length, opts.workers), opts.keepComments);
  try {
    const depth = opts.verifyAll ? 'full' : 'head';
    const candidates = await pool.openAll(files, depth, opts.onProgress);
    let fullyOpened = opts.verifyAll ? files.length : 0;
    for (;;) {
      const reconciled = reconcile(ledger, candidates);
      // Heads no longer needed (files already decided, or not the next to open) are let go before the full opens.
      const pending = new Set(reconciled.pending.map((i) => files[i]!));
      pool.release(files.filter((f) => !pending.has(f)));
      if (!reconciled.pending.length) return { candidates, reconciled, fullyOpened };
      const full = await Promise.all(
        reconciled.pending.map((i) => {
          const c = nth(candidates, i, 'candidate');
          return pool.open(nth(files, i, 'file'), 'full', c.ok ? c.bundle : undefined);
        }),
      );
      for (const [k, i] of reconciled.pending.entries()) candidates[i] = nth(full, k, 'fully opened candidate');
      fullyOpened += full.length;
    }
  } finally {
    await pool.close();
  }
}

/** Opens, reconciles and aggregates. */
export async function mergeBundles(
  files: readonly string[],
  secretariat: OpenKey,
  ledger: Ledger,
  opts: MergeOptions = {},
): Promise<MergeOutcome> {
  const t0 = performance.now();
  const imported = await importBundles(files, secretariat, ledger, opts);
  const t1 = performance.now();
  const result = aggregateRound(ledger, imported.reconciled, opts.aggregate, opts.consensus, opts.combined);
  return { ledger, ...imported, result, timings: { open: t1 - t0, aggregate: performance.now() - t1 } };
}
