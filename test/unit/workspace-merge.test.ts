/**
 * The secretariat's merge through the handler table (`dispatch`), on a real
 * demo round (3 experts × 2 applications, one earlier revision each): the
 * ledger's signature, verdicts (accepted, superseded, refused), idempotent
 * re-import, the completeness matrix, figures, the audited consensus, and
 * every export read back (exceljs, poppler-free PDF header check, ssh-keygen).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type MergeState } from '../../shared/ipc/contract.ts';
import { generateDemo, type DemoSummary } from '../../electron/demo/generate.ts';
import { adoptIdentity } from '../../electron/workspace/unlock.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { dispatch } from '../../electron/handlers/registry.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testHost } from '../helpers/workspace.ts';
import { pick } from '../../shared/i18n-text.ts';

const root = tempDir('rd-merge-ws-');
const demoDir = join(root, 'demo');
let demo: DemoSummary;
let secretariat: Identity;
let ws: Workspace;

type Named = { fileName: string; bytes: Uint8Array<ArrayBuffer> };
const file = (path: string): Named => ({
  fileName: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(path)),
});
const ledgerInput = (): { ledger: Named; signature: Named } => ({
  ledger: file(join(demoDir, 'packages', 'ledger.json')),
  signature: file(join(demoDir, 'packages', 'ledger.json.sig')),
});

async function failure(channel: string, input: unknown, w: Workspace = ws): Promise<string> {
  const r = await dispatch(w.handlers, channel, input, w.ctx);
  return r.ok ? 'ok' : r.error.code;
}

beforeAll(async () => {
  demo = await generateDemo({ out: demoDir, experts: 3, applications: 2, revisions: 1 });
  secretariat = await loadIdentity(join(demoDir, 'secretariat'));
  ws = await openWorkspace(join(root, 'ws'), testHost(), { scryptLogN: 10 });
  await adoptIdentity(ws.ctx, secretariat, 'secretariat passphrase');
  return () => ws.close();
}, 120_000);

describe('merge handlers', () => {
  it('are refused for an expert identity', async () => {
    const expert = await openWorkspace(join(root, 'expert-ws'), testHost(), { scryptLogN: 10 });
    try {
      await expert.invoke('identity:create', { displayName: '张三', organisation: '', fields: [], passphrase: 'long enough' });
      expect(await failure('merge:state', {}, expert)).toBe('E_NOT_SECRETARIAT');
      expect(await failure('merge:import', { files: [{ fileName: 'x.rsb', bytes: new Uint8Array(4) }] }, expert)).toBe('E_NOT_SECRETARIAT');
    } finally {
      expert.close();
    }
    // The first-run screen's role choice: a new secretariat identity may merge at once.
    const fresh = await openWorkspace(join(root, 'secretariat-ws'), testHost(), { scryptLogN: 10 });
    try {
      const state = await fresh.invoke('identity:create', {
        role: 'secretariat',
        displayName: '评审秘书处',
        organisation: '',
        fields: [],
        passphrase: 'long enough',
      });
      expect(state.identity).toMatchObject({ status: 'unlocked', card: { role: 'secretariat' } });
      expect(await fresh.invoke('merge:state', {})).toMatchObject({ ledger: null, files: [] });
      // A ledger signed by another secretariat is refused.
      expect(await failure('merge:setLedger', ledgerInput(), fresh)).toBe('E_SIG_SIGNER');
    } finally {
      fresh.close();
    }
  });

  it('need a ledger signed by this secretariat', async () => {
    expect(await ws.invoke('merge:state', {})).toEqual({ ledger: null, files: [], matrix: null, consensusCount: 0 });
    expect(await failure('merge:import', { files: [file(demo.bundles[0]!)] })).toBe('E_NO_LEDGER');
    expect(await failure('merge:results', {})).toBe('E_NO_LEDGER');
    const changed = ledgerInput();
    changed.ledger.bytes = new Uint8Array(Buffer.from(Buffer.from(changed.ledger.bytes).toString('utf8').replace('"E02"', '"E09"')));
    expect(await failure('merge:setLedger', changed)).toBe('E_SIG_INVALID');
    const state = await ws.invoke('merge:setLedger', ledgerInput());
    expect(state.ledger).toMatchObject({ round: { id: 'SH-MIC-2026' }, experts: 3, applications: 2, fileName: 'ledger.json' });
    expect(state.matrix!.counts).toMatchObject({ missing: 6, scored: 0 });
  });

  let first: MergeState;
  it('gives every file a verdict: accepted, superseded, refused with its code', async () => {
    const bundles = demo.bundles.map(file);
    const tampered = file(join(demoDir, 'bundles', 'E02.rsb'));
    tampered.fileName = 'E02-tampered.rsb';
    tampered.bytes = Uint8Array.from(tampered.bytes);
    tampered.bytes[tampered.bytes.length - 40]! ^= 0x01;
    const junk = { fileName: 'notes.rsb', bytes: new Uint8Array(Buffer.from('not an age file')) };
    first = await ws.invoke('merge:import', { files: [...bundles, tampered, junk] });
    expect(CONTRACT['merge:state'].output.parse(first)).toBeTruthy();
    const by = (name: string): MergeState['files'][number] => first.files.find((f) => f.fileName === name)!;
    expect(first.files).toHaveLength(8);
    expect(first.files.map((f) => f.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const e of ['E01', 'E02', 'E03']) {
      expect(by(`${e}.rsb`)).toMatchObject({ status: 'accepted', expertId: e, revision: 2, code: null });
      expect(by(`${e}.rev1.rsb`)).toMatchObject({ status: 'superseded', expertId: e, revision: 1, by: `${e}.rsb` });
      // Reasons name the dropped file, never the storage path.
      expect(by(`${e}.rev1.rsb`).reason['zh-CN']).toContain(`${e}.rsb`);
      expect(pick(by(`${e}.rev1.rsb`).reason, 'en')).not.toContain('bundles/');
    }
    expect(by('E02-tampered.rsb')).toMatchObject({ status: 'refused', code: expect.stringMatching(/^E_AGE_/) });
    expect(by('notes.rsb')).toMatchObject({ status: 'refused', code: 'E_AGE_HEADER' });
    expect(first.matrix!.counts).toMatchObject({ scored: 6, missing: 0 });
    expect(first.matrix!.experts.map((e) => [e.expertId, e.revision])).toEqual([
      ['E01', 2],
      ['E02', 2],
      ['E03', 2],
    ]);
    // Kept encrypted, one file per distinct SHA-256.
    expect(readdirSync(join(root, 'ws', 'bundles')).filter((n) => n.endsWith('.rsb'))).toHaveLength(8);
    expect(readdirSync(join(root, 'ws', 'bundles'))).toContain(`${first.files[0]!.sha256}.rsb`);
  });

  it('re-importing the same files, in another order, changes nothing', async () => {
    const again = await ws.invoke('merge:import', { files: [...demo.bundles].reverse().map(file) });
    expect(again).toEqual(first);
    expect(readdirSync(join(root, 'ws', 'bundles'))).toHaveLength(8);
    // A reopened workspace (one process per folder: close it first) gives the same verdicts from the kept files.
    ws.close();
    ws = await openWorkspace(join(root, 'ws'), testHost(), { scryptLogN: 10 });
    await ws.invoke('identity:unlock', { passphrase: 'secretariat passphrase' });
    expect(await ws.invoke('merge:state', {})).toEqual(first);
  }, 60_000);

  it('computes the figures under the chosen options, with every review and its comments', async () => {
    const mean = await ws.invoke('merge:results', {});
    expect(CONTRACT['merge:results'].output.parse(mean)).toBeTruthy();
    expect(mean.result.options.method).toBe('mean');
    // Two rubrics, A001 (enterprise) and A002 (non-enterprise): each is ranked among its own applications only.
    expect(mean.groups).toEqual([
      expect.objectContaining({ id: 'mic-selection-enterprise', applications: 1 }),
      expect.objectContaining({ id: 'mic-selection-nonenterprise', applications: 1 }),
    ]);
    expect(mean.rubric.id).toBe('mic-selection-enterprise');
    expect(mean.result.applications.map((a) => a.applicationId)).toEqual(['A001']);
    expect(Object.keys(mean.reviews)).toEqual(['A001']);
    const other = await ws.invoke('merge:results', { rubricId: 'mic-selection-nonenterprise' });
    expect(other.rubric.appliesTo).toEqual(['non-enterprise']);
    expect(other.result.applications.map((a) => a.applicationId)).toEqual(['A002']);
    expect(other.result.rubric.id).toBe('mic-selection-nonenterprise');
    expect(await failure('merge:results', { rubricId: 'nope' })).toBe('E_NOT_FOUND');
    // Only on request, and both selection rubrics are out of 100: one ranking across them.
    expect(mean.combined).toBeNull();
    const together = await ws.invoke('merge:results', { options: { combined: true } });
    expect(together.combined).toMatchObject({ totalPoints: 100 });
    expect(together.combined!.ranking.map((r) => [r.applicationId, r.rubricId]).sort()).toEqual([
      ['A001', 'mic-selection-enterprise'],
      ['A002', 'mic-selection-nonenterprise'],
    ]);
    expect(mean.result.experts).toHaveLength(3);
    const app = mean.result.applications[0]!;
    expect(app.total.n).toBe(3);
    expect(Object.keys(app.expertTotals).sort()).toEqual(['E01', 'E02', 'E03']);
    expect(mean.reviews[app.applicationId]).toHaveLength(3);
    const review = mean.reviews[app.applicationId]![0]!;
    expect(Object.keys(review.comments).length).toBeGreaterThan(0);
    expect(mean.result.agreement.kendallW === null || typeof mean.result.agreement.kendallW.value === 'number').toBe(true);
    const median = await ws.invoke('merge:results', { options: { method: 'median', normalise: true } });
    expect(median.result.options).toMatchObject({ method: 'median', normalise: true });
    const trimmed = await ws.invoke('merge:results', { options: { method: 'trimmed', trimK: 1, minRemaining: 3 } });
    // Three scores, k = 1 leaves one: the trimmed mean falls back to the mean, and says so.
    expect(trimmed.result.applications[0]!.total).toMatchObject({ used: 'mean', trimFellBack: true, value: app.total.value });
    expect(await failure('merge:results', { options: { method: 'mode' } })).toBe('E_INVALID_INPUT');
  });

  it('records the consensus apart from the figures, audited, unchanged values not re-recorded', async () => {
    const appId = demo.applications[0]!;
    expect(await failure('merge:setConsensus', { applicationId: 'A999', score: 80, text: '' })).toBe('E_NOT_FOUND');
    expect(await failure('merge:setConsensus', { applicationId: appId, score: 101, text: '' })).toBe('E_INVALID_ENTRY');
    expect(await failure('merge:setConsensus', { applicationId: appId, score: 80, gradeId: 'nope', text: '' })).toBe('E_INVALID_ENTRY');
    const c1 = await ws.invoke('merge:setConsensus', { applicationId: appId, score: 82.5, text: '专家组一致同意推荐。' });
    expect(c1).toMatchObject({ applicationId: appId, score: 82.5, gradeId: null, recordedBy: secretariat.card.displayName });
    await ws.invoke('merge:setConsensus', { applicationId: appId, score: 82.5, text: '专家组一致同意推荐。' });
    const c2 = await ws.invoke('merge:setConsensus', {
      applicationId: appId,
      score: 84,
      gradeId: 'good',
      text: '专家组同意推荐；王专家保留意见。',
    });
    const history = await ws.invoke('merge:consensusHistory', { applicationId: appId });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ oldValue: { score: 82.5 }, newValue: { score: 84, gradeId: 'good' } });
    expect(history[1]).toMatchObject({ oldValue: null, newValue: { score: 82.5 } });
    expect(await ws.invoke('merge:consensus', {})).toEqual([c2]);
    const results = await ws.invoke('merge:results', {});
    const a = results.result.applications.find((x) => x.applicationId === appId)!;
    expect(a.consensus).toMatchObject({ score: 84, text: '专家组同意推荐；王专家保留意见。' });
    // The computed total is untouched by the consensus.
    expect(a.total.value).not.toBe(84);
    expect((await ws.invoke('merge:state', {})).consensusCount).toBe(1);
    // The panel decides eligibility (no single expert vetoes): found not eligible, the application is no longer ranked.
    expect(a.gates.eligibility).toBe('met');
    const c3 = await ws.invoke('merge:setConsensus', {
      applicationId: appId,
      score: 84,
      gradeId: 'good',
      text: '专家组认定不符合基本条件。',
      eligible: false,
    });
    expect(c3).toMatchObject({ eligible: false });
    const after = (await ws.invoke('merge:results', {})).result.applications.find((x) => x.applicationId === appId)!;
    expect(after.gates).toMatchObject({ eligible: false, eligibility: 'ineligible' });
    expect(after.rank).toBeNull();
    expect((await ws.invoke('merge:consensusHistory', { applicationId: appId }))[0]).toMatchObject({
      oldValue: { eligible: null },
      newValue: { eligible: false },
    });
    await ws.invoke('merge:setConsensus', {
      applicationId: appId,
      score: 84,
      gradeId: 'good',
      text: '专家组同意推荐；王专家保留意见。',
      eligible: null,
    });
  });

  it('prints the 现场考察记录表 of one application by one expert, from the kept score file', async () => {
    const state = await ws.invoke('merge:state', {});
    const e02 = state.matrix!.experts.find((e) => e.expertId === 'E02')!;
    const sheet = await ws.invoke('merge:visitSheet', { applicationId: 'A001', expertFingerprint: e02.fingerprint });
    expect(sheet.fileName).toBe('A001-E02-现场考察记录表.pdf');
    expect(sheet.mediaType).toBe('application/pdf');
    writeFileSync(join(root, 'visit.pdf'), sheet.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(root, 'visit.pdf'), '-']).toString();
    expect(text).toContain('现场考察记录表');
    expect(text).toContain('不符合');
    expect(text).toMatch(/专家签名：/);
    expect(await failure('merge:visitSheet', { applicationId: 'A002', expertFingerprint: e02.fingerprint })).toBe('E_NOT_FOUND');
    expect(await failure('merge:visitSheet', { applicationId: 'A001', expertFingerprint: 'AAAA-AAAA-AAAA-AAAA' })).toBe('E_NOT_FOUND');
  });

  it('exports the workbook, the CSV, the panel summary PDF and the signed result', async () => {
    const xlsx = (await ws.invoke('merge:export', { kind: 'xlsx' })).files;
    expect(xlsx[0]!.fileName).toBe('SH-MIC-2026-汇总.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx[0]!.bytes) as never);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['1·汇总 Summary', '1·完整性 Completeness', '1·分歧 Disagreement']);
    expect(wb.worksheets.map((w) => w.name)).toContain('2·汇总 Summary');
    expect(wb.worksheets.at(-1)!.name).toBe('文件 Files');
    expect(wb.getWorksheet('文件 Files')!.rowCount).toBe(1 + 8);
    const fileNames = wb.getWorksheet('文件 Files')!.getColumn(1).values.slice(2);
    expect(fileNames).toContain('E01.rev1.rsb');

    const csv = Buffer.from((await ws.invoke('merge:export', { kind: 'csv' })).files[0]!.bytes).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    // Per rubric: a line naming it, the header and its one application.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2 * (1 + 1 + 1));

    const pdf = (await ws.invoke('merge:export', { kind: 'pdf', options: { method: 'median' } })).files[0]!;
    expect(pdf.fileName).toBe('SH-MIC-2026-专家组汇总表.pdf');
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    // Asked for, the summary sheet adds the ranking across rubrics after each rubric's own section.
    const both = (await ws.invoke('merge:export', { kind: 'pdf', options: { combined: true } })).files[0]!;
    writeFileSync(join(root, 'combined.pdf'), both.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(root, 'combined.pdf'), '-']).toString();
    expect(text).toContain('合并排名（应秘书处要求）');
    expect(execFileSync('pdftotext', ['-layout', join(root, 'combined.pdf'), '-']).toString()).toMatch(
      /A001[\s\S]*制造业创新中心遴选评审（企业法人型）/,
    );
    writeFileSync(join(root, 'plain.pdf'), pdf.bytes);
    expect(execFileSync('pdftotext', ['-layout', join(root, 'plain.pdf'), '-']).toString()).not.toContain('合并排名');

    const [json, sig] = (await ws.invoke('merge:export', { kind: 'result' })).files;
    expect([json!.fileName, sig!.fileName]).toEqual(['SH-MIC-2026-result.json', 'SH-MIC-2026-result.json.sig']);
    const dir = join(root, 'verify');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'signers'), `secretariat namespaces="reviewdesk-results" ${secretariat.card.sshPublicKey}\n`);
    writeFileSync(join(dir, 'result.json.sig'), sig!.bytes);
    const out = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', join(dir, 'signers'), '-I', 'secretariat', '-n', 'reviewdesk-results', '-s', join(dir, 'result.json.sig')],
      { input: Buffer.from(json!.bytes) },
    );
    expect(out.toString()).toMatch(/Good "reviewdesk-results" signature/);
    const doc = JSON.parse(Buffer.from(json!.bytes).toString('utf8')) as {
      files: { file: string; status: string }[];
      consensus: { score: number }[];
      rubrics: { id: string; version: number; sha256: string; applications: string[] }[];
      results: { rubric: { id: string } }[];
    };
    // The result records each rubric by id, version and the SHA-256 of the file the packages carried, and one result per rubric.
    expect(doc.rubrics).toEqual([
      {
        id: 'mic-selection-enterprise',
        version: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        applications: ['A001'],
      },
      {
        id: 'mic-selection-nonenterprise',
        version: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        applications: ['A002'],
      },
    ]);
    expect(doc.results.map((r) => r.rubric.id)).toEqual(['mic-selection-enterprise', 'mic-selection-nonenterprise']);
    expect(doc.files.find((f) => f.file === 'E03.rev1.rsb')?.status).toBe('superseded');
    expect(doc.consensus).toMatchObject([{ score: 84 }]);
  });
});
