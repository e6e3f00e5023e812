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
import type { AggregateOptions, PanelResult } from '../../shared/merge/aggregate.ts';
import { getOrThrow } from '../../shared/checked.ts';
import { ELIGIBILITY } from '../merge/table.ts';
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
import { citationProblem, siteVisitsByApplication } from '../../shared/merge/visits.ts';

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
  combined?: boolean;
  xlsx?: string;
  pdf?: string;
  csv?: string;
  out?: string;
  visitSheets?: string;
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
  if (o.visitSheets !== undefined && !statSync(resolve(o.visitSheets), { throwIfNoEntry: false })?.isDirectory())
    throw new ReviewDeskError('E_OUTPUT_DIR', { path: resolve(o.visitSheets) });
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
    const same =
      round.rubrics.size === ledger.rubrics.length &&
      ledger.rubrics.every((r) => {
        const bytes = round.rubrics.get(r.rubric.id)?.bytes;
        return bytes !== undefined && sha256Hex(bytes) === r.sha256;
      });
    if (round.round.round.id !== ledger.round.id || !same) {
      throw new ReviewDeskError('E_LEDGER', {
        path: lp,
        reason: `it records round ${ledger.round.id} with other rubrics than ${o.round}`,
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
      combined: Boolean(o.combined),
      onProgress,
    },
  );
  const { result, reconciled } = outcome;
  // Per application, the site visits of the files that count (no key for an application nobody visited).
  const visits = siteVisitsByApplication(ledger, reconciled.accepted);
  // A photo a consensus record cites must be in that expert's counted visit, with the digest cited.
  for (const c of consensus) {
    const problem = citationProblem(visits, c);
    if (problem) throw new ReviewDeskError('E_EVIDENCE_PHOTO', { ...problem });
  }
  const written: Record<string, string> = {};
  let visitSheets: string[] | undefined;
  if (o.out) {
    await writeSignedResult(resolve(o.out), buildResultDocument(ledger, reconciled, result, secretariat.card, consensus), secretariat);
    written.result = resolve(o.out);
    written.signature = `${resolve(o.out)}.sig`;
  }
  if (o.csv) {
    const { resultCsv } = await import('../merge/csv.ts');
    await writeFileAtomic(resolve(o.csv), [Buffer.from(resultCsv(result, ledger))]);
    written.csv = resolve(o.csv);
  }
  if (o.xlsx) {
    const { resultWorkbook } = await import('../merge/xlsx.ts');
    await writeFileAtomic(resolve(o.xlsx), [
      await resultWorkbook({ result, ledger, verdicts: reconciled.verdicts, accepted: reconciled.accepted }),
    ]);
    written.xlsx = resolve(o.xlsx);
  }
  if (o.pdf) {
    const { resultPdf } = await import('../merge/pdf.ts');
    await writeFileAtomic(resolve(o.pdf), [await resultPdf({ result, ledger, secretariat: secretariat.card })]);
    written.pdf = resolve(o.pdf);
  }
  if (o.visitSheets) {
    const { writeVisitSheets } = await import('../merge/visit-sheet.ts');
    const dir = resolve(o.visitSheets);
    const sheets: string[] = [];
    await writeVisitSheets(
      ledger,
      reconciled.accepted,
      secretariat.ageIdentity,
      (b) => b.file,
      async (name, pdf) => {
        await writeFileAtomic(join(dir, name), [pdf]);
        sheets.push(join(dir, name));
      },
    );
    written.visitSheets = dir;
    visitSheets = sheets;
  }
  const groupJson = (g: PanelResult) => {
    const byId = new Map(g.applications.map((a) => [a.applicationId, a]));
    return {
      rubric: g.rubric,
      applications: g.ranking.map((id) => {
        const a = getOrThrow(byId, id, 'ranked application');
        return {
          applicationId: id,
          rank: a.rank,
          score: a.total.value,
          n: a.total.n,
          grade: a.grade?.id ?? null,
          eligible: a.gates.eligible,
          eligibility: a.gates.eligibility,
          passes: a.passes,
          recommendations: a.recommendations,
          ...(visits[id] ? { siteVisit: visits[id] } : {}),
        };
      }),
      agreement: g.agreement,
    };
  };
  const completeness: Record<string, Record<string, number>> = {};
  for (const g of result.groups)
    for (const e of g.experts) {
      const c = (completeness[e.expertId] ??= {});
      for (const [k, v] of Object.entries(e.counts)) c[k] = (c[k] ?? 0) + v;
    }
  const groups = result.groups.map(groupJson);
  const json = {
    ok: true,
    round: ledger.round.id,
    ledger: lp,
    verdicts: reconciled.verdicts,
    accepted: Object.fromEntries(Object.entries(reconciled.accepted).map(([id, b]) => [id, { revision: b.revision, file: b.file }])),
    completeness,
    /** One entry per rubric: its applications are ranked among themselves. */
    groups,
    combined: result.combined,
    written,
    ...(visitSheets ? { visitSheets } : {}),
    fullyOpened: outcome.fullyOpened,
    timingsMs: outcome.timings,
  };
  const text = (): string => {
    const lines = reconciled.verdicts.map((v) => {
      const tag = { accepted: 'OK   ', superseded: 'OLD  ', duplicate: 'DUP  ', refused: 'FAIL ', pending: '...  ' }[v.status];
      return `${tag} ${s(v.file)}  ${v.code ? `${s(v.code)}: ` : ''}${s(v.reason['zh-CN'])} / ${s(pick(v.reason, 'en'))}`;
    });
    result.groups.forEach((g, i) => {
      const rubric = getOrThrow(new Map(ledger.rubrics.map((r) => [r.rubric.id, r.rubric])), g.rubric.id, 'rubric of the ledger');
      const list = groups[i]!.applications;
      const byId = new Map(g.applications.map((a) => [a.applicationId, a]));
      lines.push('', `评分细则 / rubric: ${s(rubric.id)} v${rubric.version}  ${s(rubric.title['zh-CN'])}`);
      lines.push(`rank  id     score   n  grade / 等级   eligibility / 基本条件`);
      for (const a of list.slice(0, 30)) {
        const r = getOrThrow(byId, a.applicationId, 'application');
        lines.push(
          `${String(a.rank ?? '—').padStart(4)}  ${s(a.applicationId).padEnd(6)} ${a.score === null ? '    —' : a.score.toFixed(2).padStart(6)} ${String(a.n).padStart(3)}  ${r.grade ? `${s(r.grade.label['zh-CN'])} ${s(pick(r.grade.label, 'en'))}` : '—'}  ${ELIGIBILITY[a.eligibility]}`,
        );
      }
      if (list.length > 30) lines.push(`… ${list.length - 30} more / 另有 ${list.length - 30} 项`);
      const w = g.agreement.kendallW;
      const icc = g.agreement.icc;
      lines.push(`Kendall's W ${w ? w.value.toFixed(3) : '—'}   ICC(1) ${icc ? icc.value.toFixed(3) : '—'}`);
    });
    if (result.combined) {
      lines.push('', `合并排名 / combined ranking (满分 / out of ${result.combined.totalPoints})`);
      for (const r of result.combined.ranking.slice(0, 30))
        lines.push(`${String(r.rank).padStart(4)}  ${s(r.applicationId).padEnd(6)} ${r.total.toFixed(2).padStart(6)}  ${s(r.rubricId)}`);
    }
    for (const [k, v] of Object.entries(written)) lines.push(`wrote / 已写入 ${k}: ${v}`);
    if (visitSheets) lines.push(`现场考察记录表 / site-visit records: ${visitSheets.length}`);
    return lines.join('\n');
  };
  return { json, text };
}
