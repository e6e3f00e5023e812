#!/usr/bin/env node
/**
 * `reviewdesk`: keys, packages and bundles from a terminal. Scriptable: --json
 * prints machine-readable results; failures exit non-zero with a one-line
 * reason (zh-CN / en) on stderr.
 *
 * Only commander and the shared error and text helpers load at start; each
 * subcommand imports what it runs when it runs (`--help` and a usage error
 * load no crypto, database, PDF or workbook code). The compiled command
 * (electron/cli/bundle.mjs) keeps those imports as separate chunks.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError, fromFileSystemError, isReviewDeskError } from '../../shared/errors.ts';
import { safeJsonText, safeLine as s, safeLines } from '../../shared/safe-text.ts';
import type { Roster } from '../bundles/verify.ts';
import type { Identity } from '../keys/identity.ts';
import type { MergeCliOptions } from './merge.ts';

const program = new Command();
let jsonMode = false;

/**
 * Prints a result. Fields taken from a file are made safe lines where they are
 * interpolated (so a line break in a name cannot forge a line); this is the
 * backstop for anything missed, and JSON gets the characters JSON.stringify
 * leaves raw (C1 controls, bidi controls) escaped.
 */
function print(value: unknown, text: () => string): void {
  process.stdout.write(jsonMode ? safeJsonText(JSON.stringify(value, null, 2)) + '\n' : safeLines(text()) + '\n');
}

/** A progress bar on a terminal; silent (and cli-progress not even loaded) in --json mode or when piped. */
async function progressBar(label: string): Promise<{ update: (done: number, total: number) => void; stop: () => void }> {
  if (jsonMode || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new ReviewDeskError('E_USAGE', {
      reason: 'no terminal to ask for the passphrase: use --passphrase-file or REVIEWDESK_PASSPHRASE',
    });
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  out._writeToOutput = (s: string) => {
    if (!asked) process.stderr.write(s);
    asked = true;
  };
  const answer = await new Promise<string>((r) => rl.question(prompt, r));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

async function passphraseFrom(opts: { passphraseFile?: string }, confirm = false): Promise<string> {
  if (opts.passphraseFile) return (await readFile(opts.passphraseFile, 'utf8')).replace(/\r?\n$/, '');
  if (process.env.REVIEWDESK_PASSPHRASE) return process.env.REVIEWDESK_PASSPHRASE;
  const p = await askHidden('Passphrase / 口令: ');
  if (confirm && (await askHidden('Again / 再次输入: ')) !== p) throw new ReviewDeskError('E_USAGE', { reason: 'the passphrases differ' });
  return p;
}

async function identityFrom(dir: string, opts: { passphraseFile?: string }): Promise<Identity> {
  const { loadIdentity } = await import('../keys/identity.ts');
  return loadIdentity(resolve(dir), () => passphraseFrom(opts));
}

/** A roster of expert cards from round.json (its cards) or an allowed_signers file. */
async function rosterFrom(path: string): Promise<Roster> {
  if (path.endsWith('.json')) {
    // The cards only: the dossiers are not read.
    const { loadRoundHead } = await import('../rounds/round.ts');
    const round = await loadRoundHead(resolve(path, '..'));
    return new Map([...round.cards.values()].map((c) => [c.fingerprint, c]));
  }
  const { readCard } = await import('../keys/card.ts');
  const cards = new Map<string, Card>();
  for (const f of path.split(',')) {
    const card = await readCard(f);
    cards.set(card.fingerprint, card);
  }
  return cards;
}

const passOpt = new Option('--passphrase-file <file>', 'read the passphrase from a file (or set REVIEWDESK_PASSPHRASE)');

program
  .name('reviewdesk')
  .description('ReviewDesk 评审台: review packages, score bundles and keys')
  .option('--json', 'machine-readable output')
  .hook('preAction', (cmd) => {
    jsonMode = Boolean(cmd.opts<{ json?: boolean }>().json);
  });

program
  .command('keygen')
  .description('create an identity folder: card.json and passphrase-protected secret keys')
  .requiredOption('--out <dir>', 'identity folder to create')
  .requiredOption('--name <name>', 'display name')
  .option('--org <organisation>', 'organisation', '')
  .addOption(new Option('--role <role>', 'expert or secretariat').choices(['expert', 'secretariat']).default('expert'))
  .option('--fields <list>', 'fields of expertise, comma-separated', '')
  .option('--pq', 'post-quantum hybrid age key (ML-KEM-768 + X25519)')
  .addOption(passOpt)
  .action(
    async (o: {
      out: string;
      name: string;
      org: string;
      role: 'expert' | 'secretariat';
      fields: string;
      pq?: boolean;
      passphraseFile?: string;
    }) => {
      const { createIdentity, saveIdentity } = await import('../keys/identity.ts');
      const id = await createIdentity({
        role: o.role,
        displayName: o.name,
        organisation: o.org,
        fields: o.fields
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        postQuantum: Boolean(o.pq),
      });
      await saveIdentity(resolve(o.out), id, await passphraseFrom(o, true));
      print(
        { ok: true, card: id.card },
        () => `Created ${o.out}\nfingerprint / 指纹: ${id.card.fingerprint}\n${id.card.ageRecipient}\n${id.card.sshPublicKey}`,
      );
    },
  );

program
  .command('key')
  .description('key utilities')
  .command('export-age')
  .description('print the stock AGE-SECRET-KEY-1… line (break-glass use with the age tool)')
  .requiredOption('--identity <dir>', 'identity folder')
  .addOption(passOpt)
  .action(async (o: { identity: string; passphraseFile?: string }) => {
    const id = await identityFrom(o.identity, o);
    print({ ok: true, ageIdentity: id.ageIdentity }, () => id.ageIdentity);
  });

program
  .command('pack')
  .description('build one encrypted review package per expert from a round folder')
  .argument('<round_dir>', 'folder with round.json')
  .requiredOption('--secretariat <dir>', 'secretariat identity folder')
  .requiredOption('--out <dir>', 'where to write <expertId>.rpkg')
  .addOption(passOpt)
  .action(async (roundDir: string, o: { secretariat: string; out: string; passphraseFile?: string }) => {
    const [{ loadRound }, { packRound }] = await Promise.all([import('../rounds/round.ts'), import('../packages/pack.ts')]);
    const secretariat = await identityFrom(o.secretariat, o);
    const round = await loadRound(resolve(roundDir));
    const bar = await progressBar('pack');
    const results = await packRound(round, secretariat, resolve(o.out), (d, t) => bar.update(d, t));
    bar.stop();
    // The issue sheet: who gets which package, with the fingerprints to read over the phone.
    const [{ issueSheetInput, issueSheetPdf, ISSUE_SHEET_FILE }, { loadRoundHead }, { writeFileAtomic }] = await Promise.all([
      import('../rounds/issue-sheet.ts'),
      import('../rounds/round.ts'),
      import('../fs/durable.ts'),
    ]);
    const sheet = join(resolve(o.out), ISSUE_SHEET_FILE);
    await writeFileAtomic(sheet, [await issueSheetPdf(issueSheetInput(await loadRoundHead(round.dir), secretariat.card, results))]);
    print({ ok: true, packages: results, issueSheet: sheet }, () =>
      [
        ...results.map((r) => `${r.path}  ${r.applications} applications  ${r.size} bytes  sha256 ${r.sha256}`),
        `issue sheet / 发放单: ${sheet}`,
      ].join('\n'),
    );
  });

program
  .command('inspect')
  .description('open and check a review package, and list its content')
  .argument('<package>', '.rpkg file')
  .requiredOption('--identity <dir>', "the expert's identity folder")
  .option('--trust <card>', 'require the package to be signed by this secretariat card.json')
  .addOption(passOpt)
  .action(async (file: string, o: { identity: string; trust?: string; passphraseFile?: string }) => {
    const identity = await identityFrom(o.identity, o);
    // A folder named by mistake fails on its first read, where the error no longer carries the path.
    if (statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory())
      throw fromFileSystemError(Object.assign(new Error('EISDIR'), { code: 'EISDIR', path: resolve(file) }))!;
    const bar = await progressBar('open');
    const [{ openPackage }, { readCard }, { pick }] = await Promise.all([
      import('../packages/open.ts'),
      import('../keys/card.ts'),
      import('../../shared/i18n-text.ts'),
    ]);
    const pkg = await openPackage(resolve(file), identity, {
      ...(o.trust ? { trustedSecretariat: await readCard(o.trust) } : {}),
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    const m = pkg.manifest;
    const packageSha256 = await pkg.packageSha256();
    print(
      {
        ok: true,
        packageSha256,
        signer: pkg.signer,
        manifest: m,
        rubrics: [...pkg.rubrics.values()].map((r) => ({ id: r.id, version: r.version, title: r.title, appliesTo: r.appliesTo })),
      },
      () =>
        [
          `OK  ${s(pick(m.round.title, 'zh-CN'))} / ${s(pick(m.round.title, 'en'))}`,
          `package ${s(m.packageId)}  sha256 ${packageSha256}`,
          `signed by / 签名: ${s(m.secretariat.displayName)} · ${s(m.secretariat.organisation)} (${pkg.signer.fingerprint}, ${pkg.signer.sshFingerprint})`,
          `for / 专家: ${s(m.expert.displayName)} (${s(m.expert.fingerprint)})   deadline / 截止: ${s(m.deadline)}`,
          ...[...pkg.rubrics.values()].map(
            (r) => `rubric / 评分细则: ${s(r.id)} v${s(String(r.version))}  ${s(pick(r.title, 'zh-CN'))}  (${s(r.appliesTo.join(', '))})`,
          ),
          ...m.applications.map(
            (a) =>
              `  ${s(a.id)}  ${s(a['name']['zh-CN'])}  (${s(a.category)}, ${s(a.rubricId)})\n${a.files.map((f) => `      ${s(f)}`).join('\n')}`,
          ),
        ].join('\n'),
    );
  });

program
  .command('verify-bundle')
  .description('check score bundle files and give a verdict for each')
  .argument('<files...>', '.rsb files')
  .requiredOption('--secretariat <dir>', 'secretariat identity folder')
  .option('--roster <file>', 'round.json (its expert cards) or comma-separated card.json files: the signer must be one of them')
  .addOption(passOpt)
  .action(async (files: string[], o: { secretariat: string; roster?: string; passphraseFile?: string }) => {
    const [{ verifyBundleFiles, bundleWorkersReady }, { isProtected }] = await Promise.all([
      import('../bundles/verify.ts'),
      import('../keys/identity.ts'),
    ]);
    // The checking threads load while this one unseals the identity (its scrypt, with a passphrase, takes
    // longer than a thread's start): for a batch that verifyBundleFiles shares with them anyway (from 1,000
    // files, POOL_START_FILES in electron/bundles/verify.ts), or for any but a handful when that wait is coming.
    if (files.length >= 1000 || (files.length >= 16 && (await isProtected(resolve(o.secretariat))))) void bundleWorkersReady();
    const secretariat = await identityFrom(o.secretariat, o);
    const verdicts = await verifyBundleFiles(files, secretariat, o.roster ? await rosterFrom(o.roster) : undefined);
    print({ ok: verdicts.every((v) => v.ok), signerChecked: Boolean(o.roster), verdicts }, () =>
      verdicts
        .map((v) =>
          v.ok
            ? `OK    ${s(v.file)}  ${s(v.expert.displayName)} (${s(v.expert.fingerprint)}) revision ${v.revision}, ${v.applications} applications`
            : `FAIL  ${s(v.file)}  ${s(v.code)}: ${s(v.message['zh-CN'])} / ${s(v.message.en)}`,
        )
        .concat(o.roster ? [] : ['(signers not checked against a roster: pass --roster round/round.json)'])
        .join('\n'),
    );
    if (!verdicts.every((v) => v.ok)) process.exitCode = 1;
  });

program
  .command('merge')
  .description('import score bundles, check them against the ledger, aggregate, and write the results')
  .argument('<files...>', '.rsb files')
  .requiredOption('--secretariat <dir>', 'secretariat identity folder')
  .option('--round <dir>', 'round folder; its ledger is <dir>/packages/ledger.json or <dir>/../packages/ledger.json')
  .option('--ledger <file>', 'the ledger.json written by pack (with ledger.json.sig beside it)')
  .addOption(new Option('--method <m>', 'how scores combine').choices(['mean', 'median', 'trimmed']).default('mean'))
  .option('--trim <k>', 'trimmed mean: drop the k highest and k lowest', '1')
  .option('--min-remaining <n>', 'trimmed mean: only when at least n scores remain (else the mean)', '3')
  .option('--normalise', 'per-expert z-score normalisation, rescaled to each criterion’s range')
  .option('--include-in-progress', 'count scores of reviews still in progress in per-criterion figures')
  .option('--consensus <file>', 'JSON array of consensus records (专家组意见) to show beside the figures')
  .option('--verify-all', 'fully check every file, superseded ones included')
  .option('--workers <n>', 'worker threads (default: one per core for 8 files or more)')
  .option('--comments', 'keep every score’s comment for the per-expert sheets')
  .option('--combined', 'also rank the applications of every rubric on one scale (only when the rubrics share a total)')
  .option('--xlsx <file>', 'write the workbook')
  .option('--pdf <file>', 'write the panel summary sheet (专家组汇总表)')
  .option('--csv <file>', 'write the summary table')
  .option('--out <file>', 'write the signed merged result (and <file>.sig)')
  .option('--visit-sheets <dir>', 'write a site-visit record (现场考察记录表) PDF per application and visiting expert into <dir>')
  .addOption(passOpt)
  .action(async (files: string[], o: MergeCliOptions) => {
    const { runMerge, prewarmMergeWorkers } = await import('./merge.ts');
    prewarmMergeWorkers(files, o);
    const secretariat = await identityFrom(o.secretariat, o);
    const bar = await progressBar('merge');
    const out = await runMerge(files, secretariat, o, (d, t) => bar.update(d, t));
    bar.stop();
    print(out.json, out.text);
  });

const round = program.command('round').description('prepare a round: applications, the expert pool, conflict screening, the draw');
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
round
  .command('init')
  .description('create a round folder: round.json and the rubrics of the stage')
  .argument('<round_dir>', 'the new round folder')
  .requiredOption('--title <text>', 'the round title (Chinese)')
  .option('--title-en <text>', 'the English title')
  .requiredOption('--stage <stage>', 'selection, annual or periodic')
  .option('--id <id>', 'the round id (default: the folder name)')
  .requiredOption('--deadline <date>', 'when score files are due (ISO 8601, e.g. 2026-12-20T17:00+08:00)')
  .option('--per-application <n>', 'experts per application (default 3)')
  .option('--reserves <n>', 'reserve experts per application (default 1)')
  .option('--mix <types>', 'wanted experts of each type, e.g. technology=2,industry=1 (技术=2,产业=1)')
  .option('--rubric <category=template>', 'a template for a category instead of the stage default (repeatable)', collect)
  .action(
    async (
      dir: string,
      o: {
        title: string;
        titleEn?: string;
        stage: string;
        id?: string;
        deadline: string;
        perApplication?: string;
        reserves?: string;
        mix?: string;
        rubric?: string[];
      },
    ) => {
      const { roundInit } = await import('./round.ts');
      const { basename } = await import('node:path');
      const r = await roundInit(dir, { ...o, id: o.id ?? basename(resolve(dir)) });
      print(r.json, r.text);
    },
  );
round
  .command('import-applications')
  .description("import the application list (XLSX or CSV) and each application's dossier folder; nothing changes if a row is refused")
  .argument('<round_dir>', 'folder with round.json')
  .argument('<list>', 'the list: .xlsx or .csv')
  .option(
    '--dossiers <folder>',
    'a folder with one subfolder of files per application (named by its id, 材料目录 column, applicant or name)',
  )
  .action(async (dir: string, list: string, o: { dossiers?: string }) => {
    const { roundImportApplications } = await import('./round.ts');
    const r = await roundImportApplications(dir, list, o);
    print(r.printed.json, r.printed.text);
    if (!r.ok) process.exitCode = 1;
  });
round
  .command('import-experts')
  .description("import the expert roster (XLSX or CSV) with the experts' card.json files; nothing changes if a row is refused")
  .argument('<round_dir>', 'folder with round.json')
  .argument('<roster>', 'the roster: .xlsx or .csv')
  .option('--cards <paths>', 'card.json files or folders of them, comma-separated')
  .option(
    '--accept-changed-card <expertId>',
    'accept a new card for a known expert, after confirming its fingerprint by phone (repeatable)',
    collect,
  )
  .action(async (dir: string, roster: string, o: { cards?: string; acceptChangedCard?: string[] }) => {
    const { roundImportExperts } = await import('./round.ts');
    const r = await roundImportExperts(dir, roster, o);
    print(r.printed.json, r.printed.text);
    if (!r.ok) process.exitCode = 1;
  });
round
  .command('screen')
  .description('check every expert × application pair for conflicts of interest, with the reason of each')
  .argument('<round_dir>', 'folder with round.json')
  .action(async (dir: string) => {
    const { roundScreen } = await import('./round.ts');
    const r = await roundScreen(dir);
    print(r.json, r.text);
  });
round
  .command('decide')
  .description("record the secretariat's decision on a flagged pair: confirmed (a conflict) or overridden (not one), with the reason")
  .argument('<round_dir>', 'folder with round.json')
  .requiredOption('--expert <id>', 'expert id')
  .requiredOption('--application <id>', 'application id')
  .requiredOption('--decision <d>', 'confirmed or overridden')
  .requiredOption('--reason <text>', 'why (recorded in round.json)')
  .action(async (dir: string, o: { expert: string; application: string; decision: string; reason: string }) => {
    const { roundDecide } = await import('./round.ts');
    const r = await roundDecide(dir, o);
    print(r.json, r.text);
  });
round
  .command('draw')
  .description('screen conflicts and draw the experts of each application from the seed; writes the assignment and draw.json')
  .argument('<round_dir>', 'folder with round.json')
  .requiredOption('--seed <seed>', 'the value recorded before drawing (e.g. a number announced at the meeting)')
  .option('--per-application <n>', "experts per application (default: the round's, 3)")
  .option('--reserves <n>', "reserves per application (default: the round's, 1)")
  .option('--secretariat <dir>', 'sign draw.json now (otherwise pack signs it)')
  .option('--force', 'draw with another seed although packages have been issued')
  .addOption(passOpt)
  .action(
    async (
      dir: string,
      o: { seed: string; perApplication?: string; reserves?: string; secretariat?: string; force?: boolean; passphraseFile?: string },
    ) => {
      const { roundDraw } = await import('./round.ts');
      const secretariat = o.secretariat ? await identityFrom(o.secretariat, o) : undefined;
      const r = await roundDraw(dir, o, secretariat);
      print(r.json, r.text);
    },
  );
round
  .command('replay')
  .description('re-run the recorded draw from round.json and its seed, and say whether it matches')
  .argument('<round_dir>', 'folder with round.json and draw.json')
  .action(async (dir: string) => {
    const { roundReplay } = await import('./round.ts');
    const r = await roundReplay(dir);
    print(r.printed.json, r.printed.text);
    if (!r.ok) process.exitCode = 1;
  });
round
  .command('assign')
  .description('adjust the drawn assignment by one pair, with the reason (recorded)')
  .argument('<round_dir>', 'folder with round.json')
  .requiredOption('--expert <id>', 'expert id')
  .option('--add <application>', 'give the expert this application')
  .option('--remove <application>', 'take this application from the expert')
  .requiredOption('--reason <text>', 'why')
  .action(async (dir: string, o: { expert: string; add?: string; remove?: string; reason: string }) => {
    const { roundAssign } = await import('./round.ts');
    const r = await roundAssign(dir, o);
    print(r.json, r.text);
  });
round
  .command('status')
  .description('per expert: assigned applications and the package issued')
  .argument('<round_dir>', 'folder with round.json')
  .action(async (dir: string) => {
    const { roundStatus } = await import('./round.ts');
    const r = await roundStatus(dir);
    print(r.json, r.text);
  });

const rubric = program.command('rubric').description('rubric templates, and rubrics a secretariat makes from them');
rubric
  .command('templates')
  .description('list the built-in templates (id, title, stage, categories)')
  .action(async () => {
    const { listTemplates } = await import('./rubric.ts');
    const r = listTemplates();
    print(r.json, r.text);
  });
rubric
  .command('new')
  .description('start a rubric from a template, as a JSON file to edit')
  .requiredOption('--template <id>', 'template id (see `reviewdesk rubric templates`)')
  .requiredOption('--out <file>', 'the new rubric.json (must not exist)')
  .option('--id <id>', "the new rubric's id (default: the template's)")
  .action(async (o: { template: string; out: string; id?: string }) => {
    const { newRubric } = await import('./rubric.ts');
    const r = await newRubric(o);
    print(r.json, r.text);
  });
rubric
  .command('check')
  .description('check a rubric file: schema, points adding up, unique ids, a source or default mark on every element')
  .argument('<file>', 'rubric.json')
  .action(async (file: string) => {
    const { checkRubric } = await import('./rubric.ts');
    const r = await checkRubric(file);
    print(r.json, r.text);
  });

rubric
  .command('diff')
  .description('list what a rubric adds, removes and changes against its template (derivedFrom, or --against)')
  .argument('<file>', 'rubric.json')
  .option('--against <id>', 'the template to compare with (default: the one the rubric derives from)')
  .action(async (file: string, o: { against?: string }) => {
    const { diffRubric } = await import('./rubric.ts');
    const r = await diffRubric(file, o);
    print(r.json, r.text);
  });

rubric
  .command('xlsx')
  .description('write a rubric as a workbook (XLSX) a secretary edits in Excel or WPS')
  .argument('<file>', 'rubric.json')
  .requiredOption('--out <file>', 'the new workbook .xlsx (must not exist)')
  .action(async (file: string, o: { out: string }) => {
    const { rubricToXlsx } = await import('./rubric.ts');
    const r = await rubricToXlsx(file, o);
    print(r.json, r.text);
  });
rubric
  .command('from-xlsx')
  .description('read an edited rubric workbook back, check it and write it as rubric.json')
  .argument('<file>', 'the workbook .xlsx')
  .requiredOption('--out <file>', 'the new rubric.json (must not exist)')
  .action(async (file: string, o: { out: string }) => {
    const { rubricFromXlsx } = await import('./rubric.ts');
    const r = await rubricFromXlsx(file, o);
    print(r.json, r.text);
  });

program
  .command('demo')
  .description('write a complete demo round (identities, round folder, packages, signed bundles)')
  .requiredOption('--out <dir>', 'output folder (must not exist or be empty)')
  .option('--experts <n>', 'number of experts', '5')
  .option('--applications <m>', 'number of applications', '4')
  .option('--revisions <r>', 'earlier bundle revisions per expert', '0')
  .option('--no-workspace', "skip workspaces/E01 (E01's workspace with its reviews entered)")
  .option('--stage <stage>', 'selection (applicants) or annual (the annual evaluation of two designated centres)', 'selection')
  .action(async (o: { out: string; experts: string; applications: string; revisions: string; workspace: boolean; stage: string }) => {
    const n = (s: string, what: string, min: number): number => {
      const v = Number(s);
      if (!Number.isInteger(v) || v < min) throw new ReviewDeskError('E_USAGE', { reason: `${what} must be a whole number ≥ ${min}` });
      return v;
    };
    if (o.stage !== 'selection' && o.stage !== 'annual')
      throw new ReviewDeskError('E_USAGE', { reason: `--stage must be selection or annual, not ${o.stage}` });
    if (existsSync(join(o.out, 'round', 'round.json')))
      throw new ReviewDeskError('E_USAGE', { reason: `${o.out} already holds a demo round` });
    const bar = await progressBar('demo');
    const [{ generateDemo }, { DEMO_PASSPHRASE }] = await Promise.all([import('../demo/generate.ts'), import('../demo/workspace.ts')]);
    const s = await generateDemo({
      out: resolve(o.out),
      experts: n(o.experts, '--experts', 1),
      applications: n(o.applications, '--applications', 1),
      revisions: n(o.revisions, '--revisions', 0),
      workspace: o.workspace,
      stage: o.stage,
      onProgress: (_s, d, t) => bar.update(d, t),
    });
    bar.stop();
    print(
      { ok: true, ...s },
      () =>
        `Demo round in ${s.out}: ${s.experts.length} experts, ${s.applications.length} applications, ${s.packages.length} packages, ${s.bundles.length} bundles${s.workspaces.length ? `, workspace ${s.workspaces.join(', ')} (passphrase ${DEMO_PASSPHRASE})` : ''}${s.cjkFont ? '' : ' (no CJK font found: PDFs carry English text only)'}`,
    );
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = isReviewDeskError(e)
    ? e
    : (fromFileSystemError(e, '写入 (writing)') ??
      new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) }));
  if (jsonMode) process.stdout.write(safeJsonText(JSON.stringify({ ok: false, error: err.toJSON() })) + '\n');
  // One line whatever the message holds (its parameters are already safe: see formatMessage).
  process.stderr.write(`error ${err.code}: ${s(err.localized('zh-CN'))} / ${s(err.localized('en'))}\n`);
  process.exitCode = err.code === 'E_USAGE' ? 2 : 1;
}

// Nothing is left to do once the output is out: exit then, rather than wait for the process to wind down by
// itself (worker threads, a merge's heap: a few hundred milliseconds of a merge's end-to-end time).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit();
