/**
 * The running total of one reviewer's scores for one application: the
 * weighted points given so far, how many scored criteria have a score, the
 * grade band and pass mark, and the failed gates. The Node side reports it
 * with every save (`ApplicationSummary.total`, via shared/review/progress.ts),
 * and the review screen, the finish screen and the printed score sheet show it
 * from this same function on the same entries, so the two cannot drift.
 */
import { gradeFor, weightedTotal, type GradeBand, type Rubric } from '../rubric/model.ts';

interface Scored {
  score: number | null;
}

/** A reviewer's entries by criterion id: the Node side's rows (a map) or the renderer's `ReviewState.criteria` (a record). */
export type ScoresById = ReadonlyMap<string, Scored> | Readonly<Record<string, Scored | undefined>>;

export interface RunningTotal {
  /** Weighted points of the scores given so far; a missing score is left out, never read as zero. */
  total: number;
  /** Scored criteria (gates aside) that have a score, and how many there are. */
  scored: number;
  of: number;
  /** Every scored criterion has a score: only then is the grade more than provisional. */
  complete: boolean;
  /** The band the total falls in (of a partial total while `complete` is false). */
  grade: GradeBand | undefined;
  /** The total reaches the rubric's pass mark. */
  passes: boolean;
  /** Gates answered "fail". */
  failedGates: number;
}

const isMap = (entries: ScoresById): entries is ReadonlyMap<string, Scored> => entries instanceof Map;

function scoreOf(entries: ScoresById | undefined, id: string): number | null {
  if (!entries) return null;
  return (isMap(entries) ? entries.get(id) : entries[id])?.score ?? null;
}

/** The running total, grade and failed gates of the entries given so far (none: nothing loaded yet). */
export function runningTotal(rubric: Rubric, entries: ScoresById | undefined): RunningTotal {
  const scores: Record<string, number> = {};
  for (const d of rubric.dimensions)
    for (const c of d.criteria) {
      const v = scoreOf(entries, c.id);
      if (v !== null) scores[c.id] = v;
    }
  const t = weightedTotal(rubric, scores);
  return {
    ...t,
    grade: gradeFor(rubric, t.total),
    passes: t.total >= rubric.passThreshold,
    failedGates: rubric.gates.filter((g) => scoreOf(entries, g.id) === 0).length,
  };
}
