/**
 * Reconciliation properties over generated inputs: file order does not
 * matter, importing twice equals importing once, and a higher revision of an
 * expert always replaces a lower one. Pure: candidates are generated, not files
 * (test/unit/merge-files.test.ts checks real files).
 */
import { describe, expect, it } from 'vitest';
import type { Candidate, FullBundle, ImportedBundle } from '../../shared/merge/model.ts';
import { reconcile, type Reconciled } from '../../shared/merge/reconcile.ts';
import { bundle, ledger, review } from '../helpers/panel.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const EXPERTS = ['X1', 'X2', 'X3', 'X4'];
const L = ledger(
  EXPERTS.map((id) => ({ id, assigned: ['P1', 'P2'] })),
  ['P1', 'P2'],
);

/** A random import: revisions 1–4 per expert, copies of files, re-encrypted copies, conflicts, strangers, broken files. */
function generate(seed: number): Candidate[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Candidate[] = [];
  const n = 1 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) {
    const expert = pick(EXPERTS);
    const revision = 1 + Math.floor(rand() * 4);
    const variant = rand() < 0.1 ? 'b' : 'a'; // a second content at the same revision: a conflict
    const b: FullBundle = bundle(expert, [review('P1', Math.floor(rand() * 11), 5), review('P2', 5, 5)], revision);
    b.contentSha512 = `${expert}-${revision}-${variant}`.padEnd(64, 'c');
    const reencrypted = rand() < 0.3;
    b.fileSha256 = `${expert}-${revision}-${variant}-${reencrypted ? i : 0}`.padEnd(64, 'f');
    b.file = `${b.fileSha256.slice(0, 12)}.rsb`;
    const kind = rand();
    if (kind < 0.08) out.push({ ok: false, file: `broken-${i}.rsb`, fileSha256: null, code: 'E_AGE_PAYLOAD', params: { chunk: 1 } });
    else if (kind < 0.14) out.push({ ok: true, bundle: { ...b, roundId: 'OTHER' } });
    else if (kind < 0.2)
      out.push({ ok: true, bundle: { ...b, reviews: [review('P1', 11, 5)], contentSha512: `${expert}-${revision}-bad`.padEnd(64, 'c') } });
    else out.push({ ok: true, bundle: b });
    if (rand() < 0.2) out.push(out[out.length - 1]!); // the same file given twice
  }
  return out;
}

function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** What must not depend on order: the accepted content per expert and the verdicts as a multiset. */
function essence(r: Reconciled): { accepted: Record<string, string>; verdicts: string[] } {
  return {
    accepted: Object.fromEntries(Object.entries(r.accepted).map(([id, b]) => [id, `${b.revision}:${b.contentSha512}:${b.fileSha256}`])),
    verdicts: r.verdicts.map((v) => `${v.file}|${v.status}|${v.code}|${v.by}`).sort(),
  };
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe('reconciliation properties (300 generated imports each)', () => {
  it('file order does not matter', () => {
    for (const seed of SEEDS) {
      const c = generate(seed);
      const base = essence(reconcile(L, c));
      for (let k = 0; k < 3; k++) expect(essence(reconcile(L, shuffle(c, prng(seed * 31 + k)))), `seed ${seed}`).toEqual(base);
    }
  });

  it('importing twice equals importing once', () => {
    for (const seed of SEEDS) {
      const c = generate(seed);
      const once = reconcile(L, c);
      const twice = reconcile(L, [...c, ...shuffle(c, prng(seed))]);
      expect(essence(twice).accepted, `seed ${seed}`).toEqual(essence(once).accepted);
      // Each file keeps its verdict, except that a copy of the accepted file is a duplicate.
      const statusOf = (r: Reconciled) => {
        const m = new Map<string, Set<string>>();
        for (const v of r.verdicts) m.set(v.file, (m.get(v.file) ?? new Set()).add(v.status === 'duplicate' ? 'accepted' : v.status));
        return new Map([...m].map(([f, set]) => [f, [...set].sort().join()]));
      };
      expect(statusOf(twice), `seed ${seed}`).toEqual(statusOf(once));
    }
  });

  it('a higher revision always replaces a lower one', () => {
    for (const seed of SEEDS) {
      const c = generate(seed);
      const r = reconcile(L, c);
      for (const [i, v] of r.verdicts.entries()) {
        const cand = c[i]!;
        if (!cand.ok || v.status === 'refused') continue;
        const accepted = r.accepted[v.expertId!]!;
        expect(accepted.revision, `seed ${seed}`).toBeGreaterThanOrEqual(cand.bundle.revision);
        if (cand.bundle.revision < accepted.revision) expect(v.status).toBe('superseded');
      }
      // The accepted revision is the highest one that was neither refused nor in conflict.
      for (const id of EXPERTS) {
        const usable = r.verdicts.filter((v) => v.expertId === id && v.status !== 'refused').map((v) => v.revision!);
        if (usable.length) expect(r.accepted[id]!.revision, `seed ${seed}`).toBe(Math.max(...usable));
        else expect(r.accepted[id]).toBeUndefined();
      }
    }
  });

  it('a refused or superseded file never changes the results', () => {
    for (const seed of SEEDS) {
      const c = generate(seed);
      const r = reconcile(L, c);
      const kept = c.filter((_, i) => r.verdicts[i]!.status === 'accepted');
      expect(essence(reconcile(L, kept)).accepted, `seed ${seed}`).toEqual(essence(r).accepted);
    }
  });
});

describe('reconciliation rules', () => {
  const ok = (b: ImportedBundle): Candidate => ({ ok: true, bundle: b });
  it('same revision with different content refuses both; the revision below then counts', () => {
    const a = bundle('X1', [review('P1', 5, 5)], 2);
    const b = { ...bundle('X1', [review('P1', 6, 5)], 2), contentSha512: 'd'.repeat(64), fileSha256: 'e'.repeat(64), file: 'other.rsb' };
    const lower = bundle('X1', [review('P1', 7, 5)], 1);
    const r = reconcile(L, [ok(a), ok(b), ok(lower)]);
    expect(r.verdicts.map((v) => v.code ?? v.status)).toEqual(['E_MERGE_REVISION_CONFLICT', 'E_MERGE_REVISION_CONFLICT', 'accepted']);
    expect(r.accepted.X1!.revision).toBe(1);
  });
  it('a head-only winner is pending until it is fully opened', () => {
    const head = { ...bundle('X1', [], 2), reviews: null };
    const r = reconcile(L, [ok(head), ok(bundle('X1', [review('P1', 5, 5)], 1))]);
    expect(r.pending).toEqual([0]);
    expect(r.verdicts.map((v) => v.status)).toEqual(['pending', 'pending']);
    expect(r.accepted.X1).toBeUndefined();
  });
  it('a winner whose scores do not fit is refused and the next revision counts', () => {
    const r = reconcile(L, [
      ok(bundle('X1', [review('P1', 10.5, 5)], 3)),
      ok(bundle('X1', [review('P3', 5, 5)], 2)),
      ok(bundle('X1', [review('P1', 5, 5)], 1)),
    ]);
    expect(r.verdicts.map((v) => v.code ?? v.status)).toEqual(['E_MERGE_SCORES', 'E_MERGE_UNASSIGNED', 'accepted']);
  });
});
