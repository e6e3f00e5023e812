/**
 * `reviewdesk merge`: options to the merge API, outputs, and what is printed. The writers of the CSV,
 * workbook and PDF are imported only when their output is asked for (exceljs and pdfkit take longer to
 * load than the merge of a round takes to open its files).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { safeLine as s } from '../../shared/safe-text.ts';
import type { AggregateOptions } from '../../shared/merge/aggregate.ts';
import { Consensus } from '../../shared/merge/model.ts';
import { writeFileAtomic } from '../fs/durable.ts';
import { describeIssues, parseJson } from '../formats/json.ts';
import type { Identity } from '../keys/identity.ts';
import { readLedger } from '../merge/ledger.ts';
import { mergeBundles } from '../merge/merge.ts';
import { defaultWorkers, prewarmBundleWorkers } from '../merge/pool.ts';
import { buildResultDocument, writeSignedResult } from '../merge/result.ts';
import { loadRoundHead } from '../rounds/round.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { pick } from '../../shared/i18n-text.ts';

export interface MergeCliOptions {
  secretariat: string;
  round?: string;
  ledger?: string;
  method: 'mean' | 'median' | 'trimmed';
  trim: string;
  minRemaining: string;
  normalise?: boolean;
  includeInProgress?: boolean;
  consensus?: string;
  verifyAll?: boolean;
  workers?: string;
  comments?: boolean;
  xlsx?: string;
  pdf?: string;
  csv?: string;
  out?: string;
  passphraseFile?: string;
}

const whole = (s: string, what: string, min: number): number => {
  const v = Number(s);
  if (!Number.isInteger(v) || v < min) throw new ReviewDeskError('E_USAGE', { reason: `${what} must be a whole number ≥ ${min}` });
  return v;
};

async function ledgerPath(o: MergeCliOptions): Promise<string> {
  if (o.ledger) return resolve(o.ledger);
  if (!o.round) throw new ReviewDeskError('E_USAGE', { reason: 'pass --round ROUND_DIR or --ledger FILE' });
  const dir = resolve(o.round);
  const found = [join(dir, 'packages', 'ledger.json'), join(dir, '..', 'packages', 'ledger.json')].find((p) => existsSync(p));
  if (!found)
    throw new ReviewDeskError('E_LEDGER', { path: join(dir, '..', 'packages', 'ledger.json'), reason: 'not found; pass --ledger FILE' });
  return found;
}

/** Each output's folder exists and the output is not itself a folder: checked before any work, so a typo costs nothing. */
function checkOutputs(o: MergeCliOptions): void {
  for (const file of [o.out, o.csv, o.xlsx, o.pdf]) {
    if (file === undefined) continue;
    const path = resolve(file);
    if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory())
      throw new ReviewDeskError('E_OUTPUT_DIR', { path: dirname(path) });
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new ReviewDeskError('E_OUTPUT_IS_DIR', { path });
  }
}

/**
 * Starts the merge's worker threads before the identity is unsealed and the ledger read, so that they
 * load their code meanwhile (electron/merge/pool.ts prewarmBundleWorkers); runMerge's pool takes them.
 */
export function prewarmMergeWorkers(files: string[], o: Pick<MergeCliOptions, 'workers'>): void {
  const requested = o.workers === undefined ? undefined : Number(o.workers);
  // A --workers value runMerge refuses starts nothing.
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 0)) return;
  prewarmBundleWorkers(defaultWorkers(files.length, requested));
}

export async function runMerge(
  files: string[],
  secretariat: Identity,
  o: MergeCliOptions,
  onProgress: (done: number, total: number) => void,
): Promise<{ json: unknown; text: () => string }> {
  if (o.round && o.ledger) throw new ReviewDeskError('E_USAGE', { reason: 'pass either --round or --ledger, not both' });
  checkOutputs(o);
  const aggregateOptions: Partial<AggregateOptions> = {
    method: o.method,
    trim: { k: whole(o.trim, '--trim', 1), minRemaining: whole(o.minRemaining, '--min-remaining', 1) },
    normalise: Boolean(o.normalise),
    includeInProgress: Boolean(o.includeInProgress),
  };
  const lp = await ledgerPath(o);
  const ledger = await readLedger(lp, secretariat.card);
  if (o.round) {
    // Round id and rubric only: the dossiers are not the merge's business.
    const round = await loadRoundHead(resolve(o.round));
    if (round.round.round.id !== ledger.round.id || sha256Hex(round.rubricBytes) !== ledger.rubricSha256) {
      throw new ReviewDeskError('E_LEDGER', {
        path: lp,
        reason: `it records round ${ledger.round.id} with another rubric than ${o.round}`,
      });
    }
  }
  let consensus: Consensus = [];
  if (o.consensus) {
    const text = await readFile(o.consensus, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new ReviewDeskError('E_IO', { path: o.consensus!, reason: e.code ?? String(e) });
    });
    const r = Consensus.safeParse(parseJson(text, o.consensus));
    if (!r.success) throw new ReviewDeskError('E_SCHEMA', { file: o.consensus, reason: describeIssues(r.error) });
    consensus = r.data;
  }
  const outcome = await mergeBundles(
    files.map((f) => resolve(f)),
    secretariat,
    ledger,
    {
      ...(o.workers !== undefined ? { workers: whole(o.workers, '--workers', 0) } : {}),
      verifyAll: Boolean(o.verifyAll),
      keepComments: Boolean(o.comments),
      aggregate: aggregateOptions,
      consensus,
      onProgress,
    },
  );
  const { result, reconciled } = outcome;
  const written: Record<string, string> = {};
  if (o.out) {
    await writeSignedResult(resolve(o.out), buildResultDocument(ledger, reconciled, result, secretariat.card, consensus), secretariat);
    written.result = resolve(o.out);
    written.signature = `${resolve(o.out)}.sig`;
  }
  if (o.csv) {
    const { resultCsv } = await import('../merge/csv.ts');
    await writeFileAtomic(resolve(o.csv), [Buffer.from(resultCsv(result, ledger.rubric))]);
    written.csv = resolve(o.csv);
  }
  if (o.xlsx) {
    const { resultWorkbook } = await import('../merge/xlsx.ts');
    await writeFileAtomic(resolve(o.xlsx), [
      await resultWorkbook({ result, rubric: ledger.rubric, verdicts: reconciled.verdicts, accepted: reconciled.accepted }),
    ]);
    written.xlsx = resolve(o.xlsx);
  }
  if (o.pdf) {
    const { resultPdf } = await import('../merge/pdf.ts');
    await writeFileAtomic(resolve(o.pdf), [await resultPdf({ result, rubric: ledger.rubric, secretariat: secretariat.card })]);
    written.pdf = resolve(o.pdf);
  }
  const byRank = new Map(result.applications.map((a) => [a.applicationId, a]));
  const json = {
    ok: true,
    round: ledger.round.id,
    ledger: lp,
    verdicts: reconciled.verdicts,
    accepted: Object.fromEntries(Object.entries(reconciled.accepted).map(([id, b]) => [id, { revision: b.revision, file: b.file }])),
    completeness: Object.fromEntries(result.experts.map((e) => [e.expertId, e.counts])),
    applications: result.ranking.map((id) => {
      const a = byRank.get(id)!;
      return {
        applicationId: id,
        rank: a.rank,
        score: a.total.value,
        n: a.total.n,
        grade: a.grade?.id ?? null,
        eligible: a.gates.eligible,
        passes: a.passes,
        recommendations: a.recommendations,
      };
    }),
    agreement: result.agreement,
    written,
    fullyOpened: outcome.fullyOpened,
    timingsMs: outcome.timings,
  };
  const text = (): string => {
    const lines = reconciled.verdicts.map((v) => {
      const tag = { accepted: 'OK   ', superseded: 'OLD  ', duplicate: 'DUP  ', refused: 'FAIL ', pending: '...  ' }[v.status];
      return `${tag} ${s(v.file)}  ${v.code ? `${s(v.code)}: ` : ''}${s(v.reason['zh-CN'])} / ${s(pick(v.reason, 'en'))}`;
    });
    lines.push('', `rank  id     score   n  grade / 等级   eligible / 资格`);
    for (const a of json.applications.slice(0, 30)) {
      const r = byRank.get(a.applicationId)!;
      lines.push(
        `${String(a.rank ?? '—').padStart(4)}  ${s(a.applicationId).padEnd(6)} ${a.score === null ? '    —' : a.score.toFixed(2).padStart(6)} ${String(a.n).padStart(3)}  ${r.grade ? `${s(r.grade.label['zh-CN'])} ${s(pick(r.grade.label, 'en'))}` : '—'}  ${a.eligible ? 'yes' : 'NO'}`,
      );
    }
    if (json.applications.length > 30) lines.push(`… ${json.applications.length - 30} more / 另有 ${json.applications.length - 30} 项`);
    const w = result.agreement.kendallW;
    const icc = result.agreement.icc;
    lines.push(`Kendall's W ${w ? w.value.toFixed(3) : '—'}   ICC(1) ${icc ? icc.value.toFixed(3) : '—'}`);
    for (const [k, v] of Object.entries(written)) lines.push(`wrote / 已写入 ${k}: ${v}`);
    return lines.join('\n');
  };
  return { json, text };
}
