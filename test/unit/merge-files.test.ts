/**
 * The merge on real files from the demo generator: a corpus of tampered and
 * mismatched bundles each with its expected verdict, order and re-import
 * properties, worker threads, and every output read back — the workbook with
 * exceljs, the PDF with poppler, the signed result and ledger with ssh-keygen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../shared/formats.ts';
import { NS_SCORES } from '../../shared/formats.ts';
import type { Ledger } from '../../shared/merge/ledger.ts';
import { BUNDLE_LIMITS } from '../../electron/bundles/limits.ts';
import { decryptBytes, encryptBytes } from '../../electron/crypto/age/index.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { sshsigSign } from '../../electron/crypto/ssh.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { canonicalJson } from '../../electron/formats/json.ts';
import { readZip, zipToBuffer } from '../../electron/formats/zip.ts';
import { createIdentity, loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { readLedger } from '../../electron/merge/ledger.ts';
import { importBundles, mergeBundles, type MergeOutcome } from '../../electron/merge/merge.ts';
import { HeldHeads, openCandidate } from '../../electron/merge/open.ts';
import { resultCsv } from '../../electron/merge/csv.ts';
import { beijingMinute } from '../../electron/merge/pdf/cover.ts';
import { resultPdf } from '../../electron/merge/pdf.ts';
import { buildResultDocument, readSignedResult, writeSignedResult } from '../../electron/merge/result.ts';
import { resultWorkbook } from '../../electron/merge/xlsx.ts';
import { tempDir } from '../helpers/tmp.ts';
import { pick } from '../../shared/i18n-text.ts';

const root = tempDir('rd-merge-');
const demo = join(root, 'demo');
const bundles = join(demo, 'bundles');
let secretariat: Identity;
let experts: Record<string, Identity>;
let ledger: Ledger;
let base: Bundle;
let n = 0;

beforeAll(async () => {
  await generateDemo({ out: demo, experts: 3, applications: 2, revisions: 1 });
  secretariat = await loadIdentity(join(demo, 'secretariat'));
  experts = Object.fromEntries(
    await Promise.all(['E01', 'E02', 'E03'].map(async (id) => [id, await loadIdentity(join(demo, 'experts', id))] as const)),
  );
  ledger = await readLedger(join(demo, 'packages', 'ledger.json'), secretariat.card);
  base = await bundleOf('E01.rsb');
  for (const e of ['E01', 'E02', 'E03']) await photosOf(`${e}.rsb`);
}, 120_000);

async function entriesOf(file: string): Promise<Map<string, Buffer>> {
  const { plaintext } = await decryptBytes(readFileSync(join(bundles, file)), [{ identity: secretariat.ageIdentity }]);
  return readZip(plaintext, BUNDLE_LIMITS);
}
async function bundleOf(file: string): Promise<Bundle> {
  return JSON.parse((await entriesOf(file)).get('bundle.json')!.toString()) as Bundle;
}

/** The demo score files' site-visit photos by SHA-256, for the forged bundles that list them. */
const photos = new Map<string, Buffer>();
async function photosOf(file: string): Promise<void> {
  for (const [name, data] of await entriesOf(file)) if (name.startsWith('attachments/')) photos.set(sha256Hex(data), data);
}

/**
 * Writes a forged bundle: JSON text (canonical unless given as text), signed by `signer`, encrypted to `to`,
 * with the demo's photos it lists (a forgery copied from a demo file keeps its site visits).
 */
async function forge(b: Bundle | string, opts: { signer?: Identity; to?: string; sig?: Buffer; name?: string } = {}): Promise<string> {
  const json = Buffer.from(typeof b === 'string' ? b : canonicalJson(b));
  const sig = opts.sig ?? Buffer.from(sshsigSign((opts.signer ?? experts.E01!).signing, NS_SCORES, json));
  let listed: { path: string; sha256: string }[] = [];
  try {
    listed = (JSON.parse(json.toString()) as Partial<Bundle>).attachments ?? [];
  } catch {
    // Not JSON: nothing listed.
  }
  const zip = await zipToBuffer([
    { name: 'bundle.json', data: json, compress: true },
    { name: 'bundle.json.sig', data: sig, compress: false },
    ...listed.flatMap((a) => {
      const data = photos.get(a.sha256);
      return data ? [{ name: a.path, data, compress: false }] : [];
    }),
  ]);
  const file = join(root, opts.name ?? `forged-${++n}.rsb`);
  writeFileSync(file, await encryptBytes(zip, { recipients: [opts.to ?? secretariat.card.ageRecipient] }));
  return file;
}

const key = (): { card: Identity['card']; ageIdentity: string } => ({ card: secretariat.card, ageIdentity: secretariat.ageIdentity });
const verdictOf = (o: { reconciled: MergeOutcome['reconciled'] }, file: string) => o.reconciled.verdicts.find((v) => v.file === file)!;

describe('the corpus: each file with its expected verdict', () => {
  const expected: Record<string, string> = {};
  let files: string[] = [];
  let outcome: MergeOutcome;

  beforeAll(async () => {
    const f = (name: string) => join(bundles, name);
    expected[f('E01.rsb')] = 'accepted';
    expected[f('E01.rev1.rsb')] = 'superseded';
    expected[f('E02.rev1.rsb')] = 'superseded';
    // A copy, and the same signed bundle.json encrypted again (another file, the same content): one of the three
    // counts — the lowest file SHA-256, so the choice does not depend on order — and the others are duplicates.
    const copy = join(root, 'E02-copy.rsb');
    copyFileSync(f('E02.rsb'), copy);
    expected[copy] = 'E02 revision 2';
    const e02 = await entriesOf('E02.rsb');
    expected[await forge(e02.get('bundle.json')!.toString(), { sig: e02.get('bundle.json.sig')!, signer: experts.E02! })] =
      'E02 revision 2';
    expected[f('E02.rsb')] = 'E02 revision 2';
    // E03 sends two different revision-2 files: both refused, its revision 1 counts.
    const e03 = await bundleOf('E03.rsb');
    expected[f('E03.rsb')] = 'E_MERGE_REVISION_CONFLICT';
    expected[await forge({ ...e03, appVersion: 'other' }, { signer: experts.E03! })] = 'E_MERGE_REVISION_CONFLICT';
    expected[f('E03.rev1.rsb')] = 'accepted';

    const outsider = await createIdentity({ role: 'expert', displayName: '局外人', organisation: '某公司' });
    expected[
      await forge({ ...base, expert: outsider.card, expertFingerprint: outsider.card.fingerprint, revision: 9 }, { signer: outsider })
    ] = 'E_MERGE_UNKNOWN_SIGNER';
    expected[await forge(base, { signer: experts.E02! })] = 'E_SIG_SIGNER'; // E01's card, E02's signature
    const e01 = await entriesOf('E01.rsb');
    const changed = e01
      .get('bundle.json')!
      .toString()
      .replace(/"score":(\d+)/, (_m, d: string) => `"score":${(Number(d) + 1) % 10}`);
    expected[await forge(changed, { sig: e01.get('bundle.json.sig')! })] = 'E_SIG_INVALID';
    const stranger = await createIdentity({ role: 'secretariat', displayName: 'x', organisation: 'y' });
    expected[await forge({ ...base, revision: 9 }, { to: stranger.card.ageRecipient })] = 'E_WRONG_KEY';
    expected[await forge({ ...base, roundId: 'OTHER-ROUND', revision: 9 })] = 'E_MERGE_WRONG_ROUND';
    const e02b = await bundleOf('E02.rsb');
    expected[await forge({ ...base, packageId: e02b.packageId, revision: 9 })] = 'E_MERGE_WRONG_PACKAGE';
    expected[await forge({ ...base, packageSha256: 'a'.repeat(64), revision: 9 })] = 'E_MERGE_WRONG_PACKAGE';
    expected[await forge({ ...base, rubrics: base.rubrics.map((r, i) => (i === 0 ? { ...r, version: r.version + 1 } : r)), revision: 9 })] =
      'E_MERGE_RUBRIC_VERSION';
    // Signed, canonical, the highest revision — but its body fails: refused after the full check, and E01's revision 2 still counts.
    const apps = base.applications;
    expected[await forge({ ...base, revision: 10, applications: [{ ...apps[0]!, extra: 1 } as never, ...apps.slice(1)] })] = 'E_SCHEMA';
    const badScore = { ...apps[0]!, scores: apps[0]!.scores.map((s, i) => (i === 0 ? { ...s, score: 10.25 } : s)) };
    expected[await forge({ ...base, revision: 11, applications: [badScore, ...apps.slice(1)] })] = 'E_MERGE_SCORES';
    expected[await forge({ ...base, revision: 12, schemaVersion: 3 as 2 })] = 'E_SCHEMA_VERSION';
    // A score file of ReviewDesk 1 says where it comes from and what to do, not merely "unsupported".
    expected[await forge({ ...base, revision: 14, schemaVersion: 1 as 2 })] = 'E_SCHEMA_OLD_SCORES';
    expected[await forge(JSON.stringify({ ...base, revision: 13 }, null, 2))] = 'E_NOT_CANONICAL';
    const notAge = join(root, 'not-age.rsb');
    writeFileSync(notAge, 'hello');
    expected[notAge] = 'E_AGE_HEADER';
    const cut = join(root, 'cut.rsb');
    const whole = readFileSync(f('E01.rsb'));
    writeFileSync(cut, whole.subarray(0, whole.length - 40));
    expected[cut] = 'E_AGE_PAYLOAD';
    expected[join(root, 'no-such-file.rsb')] = 'E_IO';
    files = Object.keys(expected);
    outcome = await mergeBundles(files, key(), ledger, { workers: 0 });
  }, 120_000);

  it('gives every file its verdict', () => {
    const got: Record<string, string> = Object.fromEntries(outcome.reconciled.verdicts.map((v) => [v.file, v.code ?? v.status]));
    const e02 = Object.keys(expected).filter((f) => expected[f] === 'E02 revision 2');
    expect(e02.map((f) => got[f]).sort()).toEqual(['accepted', 'duplicate', 'duplicate']);
    const accepted = e02.find((f) => got[f] === 'accepted')!;
    expect(outcome.reconciled.verdicts.find((v) => v.file === accepted)!.fileSha256).toBe(
      e02.map((f) => outcome.reconciled.verdicts.find((v) => v.file === f)!.fileSha256!).sort()[0],
    );
    for (const f of e02) got[f] = 'E02 revision 2';
    expect(got).toEqual(expected);
    for (const v of outcome.reconciled.verdicts) {
      expect(v.reason['zh-CN'].length).toBeGreaterThan(0);
      expect(pick(v.reason, 'en').length).toBeGreaterThan(0);
    }
    expect(Object.fromEntries(Object.entries(outcome.reconciled.accepted).map(([id, b]) => [id, b.revision]))).toEqual({
      E01: 2,
      E02: 2,
      E03: 1,
    });
  });

  it('opens fully only the files that could count', () => {
    // E01: 13 and 12 fail by their heads; 11 and 10 fail the full check, then 2 counts. E02: 2; E03: 1.
    expect(outcome.fullyOpened).toBe(5);
  });

  it('refused and superseded files change nothing: the accepted files alone give the same results', async () => {
    const acceptedFiles = outcome.reconciled.verdicts.filter((v) => v.status === 'accepted').map((v) => v.file);
    const alone = await mergeBundles(acceptedFiles, key(), ledger, { workers: 0 });
    expect(alone.result).toEqual(outcome.result);
  });

  it('file order does not matter, importing twice equals once, and worker threads agree', async () => {
    const reversed = await mergeBundles([...files].reverse(), key(), ledger, { workers: 0 });
    expect(reversed.result).toEqual(outcome.result);
    const twice = await mergeBundles([...files, ...files], key(), ledger, { workers: 2 });
    expect(twice.result).toEqual(outcome.result);
    const statuses = (o: MergeOutcome) =>
      [...new Set(o.reconciled.verdicts.map((v) => `${v.file} ${v.status === 'duplicate' ? 'accepted' : (v.code ?? v.status)}`))].sort();
    expect(statuses(twice)).toEqual(
      statuses(outcome)
        .map((s) => s.replace(/ duplicate$/, ' accepted'))
        .filter((s, i, a) => a.indexOf(s) === i)
        .sort(),
    );
  });

  it('a full open from a kept head read equals one from the file, and refuses what the file would be refused for', async () => {
    const held = new HeldHeads();
    const good = join(bundles, 'E01.rsb');
    const head = await openCandidate(good, key(), 'head', false, undefined, held);
    expect(head.ok && head.bundle.reviews).toBe(null);
    expect(held.size).toBe(1);
    const known = head.ok ? head.bundle : undefined;
    const fromHead = await openCandidate(good, key(), 'full', false, known, held);
    expect(held.size).toBe(0); // taken: the full open started from it
    expect(fromHead).toEqual(await openCandidate(good, key(), 'full', false, known));
    // Signed, with a readable head, but a body the strict schema refuses: the same code by either route.
    const bad = await forge({ ...base, revision: 10, applications: [{ ...base.applications[0]!, extra: 1 } as never] });
    const badHead = await openCandidate(bad, key(), 'head', false, undefined, held);
    expect(held.size).toBe(1);
    const badFull = await openCandidate(bad, key(), 'full', false, badHead.ok ? badHead.bundle : undefined, held);
    expect(badFull).toMatchObject({ ok: false, code: 'E_SCHEMA' });
    expect(badFull).toEqual(await openCandidate(bad, key(), 'full', false, badHead.ok ? badHead.bundle : undefined));
  });

  it('a superseded file with a broken body is superseded, or refused with --verify-all', async () => {
    const broken = await forge({ ...base, revision: 1, appVersion: 'x', applications: [{ ...base.applications[0]!, extra: 1 } as never] });
    const files2 = [join(bundles, 'E01.rsb'), broken];
    expect(verdictOf(await importBundles(files2, key(), ledger, { workers: 0 }), broken).status).toBe('superseded');
    expect(verdictOf(await importBundles(files2, key(), ledger, { workers: 0, verifyAll: true }), broken).code).toBe('E_SCHEMA');
  });

  it('applications not issued to the expert are refused', async () => {
    const narrow: Ledger = {
      ...ledger,
      experts: ledger.experts.map((e) => (e.expertId === 'E02' ? { ...e, applications: [e.applications[0]!] } : e)),
    };
    const r = await importBundles([join(bundles, 'E02.rsb'), join(bundles, 'E02.rev1.rsb')], key(), narrow, { workers: 0 });
    expect(r.reconciled.verdicts.map((v) => v.code)).toEqual(['E_MERGE_UNASSIGNED', 'E_MERGE_UNASSIGNED']);
    expect(r.reconciled.accepted).toEqual({});
  });
});

describe('ledger and outputs', () => {
  let outcome: MergeOutcome;
  beforeAll(async () => {
    const files = ['E01', 'E02', 'E03'].flatMap((e) => [join(bundles, `${e}.rsb`), join(bundles, `${e}.rev1.rsb`)]);
    outcome = await mergeBundles(files, key(), ledger, {
      workers: 0,
      keepComments: true,
      consensus: [
        {
          applicationId: 'A001',
          score: 85,
          gradeId: 'good',
          recommendation: null,
          text: '专家组一致同意。',
          eligible: null,
          recordedBy: '秘书',
          recordedAt: '2026-03-01T08:00:00Z',
        },
      ],
    });
  }, 60_000);

  const allowed = (ns: string): string => {
    const f = join(root, `allowed-${ns}`);
    writeFileSync(f, `secretariat namespaces="${ns}" ${secretariat.card.sshPublicKey}\n`);
    return f;
  };

  it('pack wrote a ledger that ssh-keygen verifies and that records each package issued', () => {
    const out = execFileSync(
      'ssh-keygen',
      [
        '-Y',
        'verify',
        '-f',
        allowed('reviewdesk-ledger'),
        '-I',
        'secretariat',
        '-n',
        'reviewdesk-ledger',
        '-s',
        join(demo, 'packages', 'ledger.json.sig'),
      ],
      {
        input: readFileSync(join(demo, 'packages', 'ledger.json')),
      },
    );
    expect(out.toString()).toMatch(/Good "reviewdesk-ledger" signature/);
    const sha = execFileSync('sha256sum', [join(demo, 'packages', 'E01.rpkg')])
      .toString()
      .split(' ')[0];
    expect(ledger.experts.find((e) => e.expertId === 'E01')!.packageSha256).toBe(sha);
  });

  it('a changed or foreign ledger is refused', async () => {
    const p = join(root, 'ledger-changed.json');
    writeFileSync(p, readFileSync(join(demo, 'packages', 'ledger.json'), 'utf8').replace('"E02"', '"E09"'));
    copyFileSync(join(demo, 'packages', 'ledger.json.sig'), `${p}.sig`);
    await expect(readLedger(p, secretariat.card)).rejects.toMatchObject({ code: 'E_SIG_INVALID' });
    await expect(readLedger(join(demo, 'packages', 'ledger.json'), experts.E01!.card)).rejects.toMatchObject({ code: 'E_SIG_SIGNER' });
  });

  it('the signed result verifies with ssh-keygen and reads back', async () => {
    const p = join(root, 'result.json');
    const doc = buildResultDocument(ledger, outcome.reconciled, outcome.result, secretariat.card, [], new Date('2026-03-01T00:00:00Z'));
    await writeSignedResult(p, doc, secretariat);
    const out = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', allowed('reviewdesk-results'), '-I', 'secretariat', '-n', 'reviewdesk-results', '-s', `${p}.sig`],
      {
        input: readFileSync(p),
      },
    );
    expect(out.toString()).toMatch(/Good "reviewdesk-results" signature/);
    expect(await readSignedResult(p, secretariat.card)).toEqual(JSON.parse(JSON.stringify(doc)));
    writeFileSync(p, readFileSync(p, 'utf8').replace('"status":"accepted"', '"status":"refused"'));
    await expect(readSignedResult(p, secretariat.card)).rejects.toMatchObject({ code: 'E_SIG_INVALID' });
  });

  it('the workbook reads back with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await resultWorkbook({
        result: outcome.result,
        ledger,
        verdicts: outcome.reconciled.verdicts,
        accepted: outcome.reconciled.accepted,
      })) as never,
    );
    // Two rubrics (A001 enterprise, A002 non-enterprise): each has its own numbered sheets, the files sheet is the round's.
    const names = wb.worksheets.map((w) => w.name);
    expect(ledger.rubrics.map((r) => r.rubric.id)).toEqual(['mic-selection-enterprise', 'mic-selection-nonenterprise']);
    expect(names.slice(0, 3)).toEqual(['1·汇总 Summary', '1·完整性 Completeness', '1·分歧 Disagreement']);
    expect(names.slice(6, 9)).toEqual(['2·汇总 Summary', '2·完整性 Completeness', '2·分歧 Disagreement']);
    expect(names.at(-1)).toBe('文件 Files');
    // Each rubric's three sheets and one per expert, the two site-visit sheets, the files.
    expect(names.slice(-3)).toEqual(['现场考察 Site visits', '现场考察意见 Site-visit opinions', '文件 Files']);
    expect(names).toHaveLength(2 * (3 + 3) + 2 + 1);
    const sum = wb.getWorksheet('1·汇总 Summary')!;
    expect(String(sum.getRow(2).getCell(1).value)).toContain('mic-selection-enterprise');
    expect(String(wb.getWorksheet('2·汇总 Summary')!.getRow(2).getCell(1).value)).toContain('mic-selection-nonenterprise');
    const first = outcome.result.groups[0]!;
    expect(first.applications.map((a) => a.applicationId)).toEqual(['A001']);
    expect(outcome.result.groups[1]!.applications.map((a) => a.applicationId)).toEqual(['A002']);
    const top = first.applications.find((a) => a.rank === 1)!;
    expect(sum.getRow(6).getCell(1).value).toBe(1);
    expect(sum.getRow(6).getCell(2).value).toBe(top.applicationId);
    expect(sum.getRow(6).getCell(9).value).toBe(Math.round(top.total.value! * 100) / 100);
    expect(wb.getWorksheet('文件 Files')!.rowCount).toBe(1 + 6);
    const e01 = wb.worksheets[3]!;
    expect(e01.name).toMatch(/^1·E01 /);
    const firstScore = outcome.reconciled.accepted.E01!.reviews[0]!;
    expect(e01.getRow(4).getCell(1).value).toBe(firstScore.applicationId);
    expect(e01.getRow(4).getCell(3).value).toBe(Object.values(firstScore.scores)[0]);
    expect(String(e01.getRow(4).getCell(4).value)).toBe(Object.values(firstScore.comments!)[0]);
  });

  it('the CSV has, per rubric, a line naming it, a header and a row per application, BOM first', () => {
    const csv = resultCsv(outcome.result, ledger);
    expect(csv.startsWith('\ufeff评分细则 Rubric: ')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2 * (1 + 1 + 1) + 1);
    expect(lines.filter((l) => l.startsWith('排名 Rank,'))).toHaveLength(2);
    expect(lines[0]).toContain('mic-selection-enterprise');
    expect(lines[4]).toContain('mic-selection-nonenterprise');
    expect(csv).toContain('专家组一致同意。');
  });

  it('the PDF renders with poppler: pages, not blank, Chinese text', async () => {
    const pdf = join(root, 'summary.pdf');
    writeFileSync(pdf, await resultPdf({ result: outcome.result, ledger, secretariat: secretariat.card }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    expect(pages).toBeGreaterThanOrEqual(4); // table, two charts, signatures
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('专家组汇总表');
    // Official sheets are in Beijing time, never UTC.
    expect(text).toContain('北京时间');
    expect(text).not.toContain('UTC');
    expect(beijingMinute(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02 00:30');
    // The total and the pass mark come from no programme document: the sheet says they are defaults.
    const flat = text.replace(/\s+/g, '');
    for (const { rubric } of ledger.rubrics) {
      expect(rubric.scoring.default).toBe(true);
      expect(flat).toMatch(new RegExp(`合格线(passmark)?${rubric.passThreshold}；满分与合格线为默认值（组织单位可调整）`));
      // Each rubric's section opens with its own cover, naming it.
      expect(flat).toContain(`（${rubric.id}v${rubric.version}）`);
    }
    for (const e of outcome.result.groups[0]!.experts) expect(text).toContain(e.displayName);
    execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', '2', '-l', '2', pdf, join(root, 'page')]);
    const pgm = readFileSync(join(root, `page-${String(2).padStart(String(pages).length, '0')}.pgm`));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const pixels = pgm.subarray(header[0].length);
    const dark = pixels.filter((v) => v < 200).length;
    expect(dark / pixels.length).toBeGreaterThan(0.01); // a chart, not an empty page
  });

  it('the PDF without a CJK font is English only, in Helvetica, with the same sections', async () => {
    const pdf = join(root, 'summary-en.pdf');
    writeFileSync(pdf, await resultPdf({ result: outcome.result, ledger, secretariat: secretariat.card, font: null }));
    const fonts = execFileSync('pdffonts', [pdf]).toString();
    expect(fonts).toContain('Helvetica');
    expect(fonts).not.toMatch(/CJK/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const heading of ['Panel summary sheet', '1. Results by rank', "2. For the panel's attention", 'Figure 1', 'Figure 2'])
      expect(text).toContain(heading);
    expect(text).toContain('Signatures of the expert panel');
    expect(text).toContain('total and pass mark are defaults (set by the organiser)');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('专家组汇总表');
  });

  it('reviewdesk merge writes every output and prints one verdict per file', () => {
    const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    const r = run([
      'merge',
      ...['E01.rsb', 'E01.rev1.rsb', 'E02.rsb', 'E03.rsb'].map((f) => join(bundles, f)),
      '--secretariat',
      join(demo, 'secretariat'),
      '--round',
      join(demo, 'round'),
      '--method',
      'median',
      '--out',
      'cli-result.json',
      '--xlsx',
      'cli.xlsx',
      '--pdf',
      'cli.pdf',
      '--csv',
      'cli.csv',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      verdicts: { status: string }[];
      written: Record<string, string>;
      applications: { rank: number | null }[];
    };
    expect(j.verdicts.map((v) => v.status)).toEqual(['accepted', 'superseded', 'accepted', 'accepted']);
    expect(Object.keys(j.written).sort()).toEqual(['csv', 'pdf', 'result', 'signature', 'xlsx']);
    const usage = run(['merge', join(bundles, 'E01.rsb'), '--secretariat', join(demo, 'secretariat')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^error E_USAGE: .+ \/ .+\n$/);
  });
});
