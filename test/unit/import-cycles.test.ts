/**
 * No import cycles in `electron/` and `shared/`: every relative import (type
 * imports too) is followed, and the strongly connected components of that
 * graph must all be single files. A cycle ties two modules into one unit that
 * neither layer can be read, tested or moved without (the ledger and the
 * package writer were one such pair).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\bfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|mts|mjs)$/.test(n) ? [p] : [];
  });
}

/** Each file's relative imports that resolve to a file of the set. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((f) => {
      const deps: string[] = [];
      for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
        const base = resolve(dirname(f), (m[1] ?? m[2])!);
        const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => known.has(c));
        if (hit) deps.push(hit);
      }
      return [f, deps];
    }),
  );
}

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) found.push(group.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    const c = join(ROOT, 'c.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has none in electron/ and shared/', () => {
    const graph = importGraph([...sources(join(ROOT, 'electron')), ...sources(join(ROOT, 'shared'))]);
    expect(graph.size).toBeGreaterThan(100);
    // The ledger is read by the merge (merge/ledger.ts) and written with the packages (packages/pack.ts).
    expect(graph.get(join(ROOT, 'electron/packages/pack.ts'))).toContain(join(ROOT, 'shared/merge/ledger.ts'));
    expect(cycles(graph)).toEqual([]);
  });
});
