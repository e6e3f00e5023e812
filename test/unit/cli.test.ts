/** The `reviewdesk` command as a person or a script uses it, checked with stock tools. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-cli-');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
const passFile = join(dir, 'pass');
writeFileSync(passFile, 'a long test passphrase\n');

function run(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('reviewdesk CLI', () => {
  beforeAll(() => {
    const r = run(['demo', '--out', 'demo', '--experts', '2', '--applications', '2', '--revisions', '1', '--json']);
    expect(r.code, r.err).toBe(0);
  }, 120_000);

  it('keygen protects the secret keys with a passphrase that stock age opens, and export-age prints the key', () => {
    const r = run([
      'keygen',
      '--out',
      'me',
      '--name',
      '张三',
      '--org',
      '测试大学',
      '--fields',
      '集成电路,材料',
      '--passphrase-file',
      passFile,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const card = JSON.parse(r.out).card as { ageRecipient: string; fingerprint: string; fields: string[] };
    expect(card.fields).toEqual(['集成电路', '材料']);
    expect(
      readFileSync(join(dir, 'me', 'secret-keys.age'))
        .subarray(0, 21)
        .toString(),
    ).toBe('age-encryption.org/v1');
    const exported = run(['key', 'export-age', '--identity', 'me'], { REVIEWDESK_PASSPHRASE: 'a long test passphrase' });
    expect(exported.code, exported.err).toBe(0);
    const secret = exported.out.trim();
    expect(secret).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    // The exported key opens files encrypted to the card's recipient with the stock age tool.
    writeFileSync(join(dir, 'k.txt'), secret + '\n');
    const ct = execFileSync('age', ['-r', card.ageRecipient], { input: 'hello' });
    expect(execFileSync('age', ['-d', '-i', join(dir, 'k.txt')], { input: ct }).toString()).toBe('hello');
    const wrong = run(['key', 'export-age', '--identity', 'me'], { REVIEWDESK_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^error E_PASSPHRASE: .+ \/ .+\n$/);
  });

  it('keygen --pq makes a hybrid post-quantum (ML-KEM-768 + X25519) identity', () => {
    const r = run(['keygen', '--out', 'pq', '--name', 'PQ', '--pq', '--passphrase-file', passFile, '--json']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out).card as { ageRecipient: string }).ageRecipient).toMatch(/^age1pq1/);
  });

  it('inspect opens a package and lists its content as JSON', () => {
    const r = run([
      'inspect',
      'demo/packages/E01.rpkg',
      '--identity',
      'demo/experts/E01',
      '--trust',
      'demo/secretariat/card.json',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out) as { manifest: { applications: { id: string }[] }; packageSha256: string };
    expect(v.manifest.applications.map((a) => a.id)).toEqual(['A001', 'A002']);
    expect(v.packageSha256).toBe(
      execFileSync('sha256sum', [join(dir, 'demo/packages/E01.rpkg')])
        .toString()
        .split(' ')[0],
    );
  });

  it("inspect prints the signer's fingerprint, and --trust refuses a package signed by any other card", () => {
    const secretariat = JSON.parse(readFileSync(join(dir, 'demo/secretariat/card.json'), 'utf8')) as { fingerprint: string };
    const shown = run(['inspect', 'demo/packages/E01.rpkg', '--identity', 'demo/experts/E01']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain(secretariat.fingerprint);
    // Another card (the keygen test's) as the trusted one: the package's real signer is refused.
    const r = run(['inspect', 'demo/packages/E01.rpkg', '--identity', 'demo/experts/E01', '--trust', 'me/card.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error E_SIG_SIGNER: [^\n]+\/[^\n]+\n$/);
    expect(r.err).toContain(secretariat.fingerprint);
  });

  it('inspect refuses a package for someone else with a one-line bilingual reason and exit 1', () => {
    const r = run(['inspect', 'demo/packages/E01.rpkg', '--identity', 'demo/experts/E02']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error E_WRONG_KEY: [^\n]+\/[^\n]+\n$/);
  });

  it('the stock tools open a package: age -d, then ssh-keygen -Y verify on the manifest', () => {
    const zip = execFileSync('age', ['-d', '-i', join(dir, 'demo/experts/E01/age-identity.txt'), join(dir, 'demo/packages/E01.rpkg')]);
    writeFileSync(join(dir, 'pkg.zip'), zip);
    execFileSync('unzip', ['-o', '-q', 'pkg.zip', 'manifest.json', 'manifest.json.sig', '-d', 'unz'], { cwd: dir });
    const ok = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', 'demo/allowed_signers', '-I', 'secretariat', '-n', 'reviewdesk-package', '-s', 'unz/manifest.json.sig'],
      {
        cwd: dir,
        input: readFileSync(join(dir, 'unz/manifest.json')),
      },
    );
    expect(ok.toString()).toMatch(/Good "reviewdesk-package" signature for secretariat/);
  });

  it("E01's demo score file, from outside: a site visit answering every checklist item of each application's rubric, its JPEG photos listed and hashed in the signed bundle.json", () => {
    const out = join(dir, 'e01-visit');
    mkdirSync(out, { recursive: true });
    execFileSync('age', [
      '-d',
      '-i',
      join(dir, 'demo/secretariat/age-identity.txt'),
      '-o',
      join(out, 'b.zip'),
      join(dir, 'demo/bundles/E01.rsb'),
    ]);
    expect(execFileSync('unzip', ['-t', join(out, 'b.zip')]).toString()).toMatch(/No errors detected/);
    execFileSync('unzip', ['-o', '-q', join(out, 'b.zip'), '-d', out]);
    const ok = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', 'demo/allowed_signers', '-I', 'E01', '-n', 'reviewdesk-scores', '-s', join(out, 'bundle.json.sig')],
      { cwd: dir, input: readFileSync(join(out, 'bundle.json')) },
    );
    expect(ok.toString()).toMatch(/Good "reviewdesk-scores" signature for E01/);

    interface Photo {
      path: string;
      caption: string;
      takenAt: string | null;
      itemIds: string[];
      criterionIds: string[];
    }
    const bundle = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8')) as {
      attachments: { path: string; size: number; mediaType: string; sha256: string }[];
      applications: {
        applicationId: string;
        rubric: { id: string };
        scores: { evidence: Record<string, unknown>[] }[];
        siteVisit?: { items: { id: string; result: string; note: string }[]; opinion: string; photos: Photo[] };
      }[];
    };
    const round = JSON.parse(readFileSync(join(dir, 'demo/round/round.json'), 'utf8')) as {
      assignments: Record<string, string[]>;
      rubrics: { id: string; path: string }[];
    };
    // E01 visited every application assigned to it.
    expect(bundle.applications.filter((a) => a.siteVisit).map((a) => a.applicationId)).toEqual(round.assignments.E01);
    const listed = new Map(bundle.attachments.map((a) => [a.path, a]));
    const cited = new Set<string>();
    for (const app of bundle.applications) {
      const v = app.siteVisit!;
      const rubricPath = round.rubrics.find((r) => r.id === app.rubric.id)!.path;
      const rubric = JSON.parse(readFileSync(join(dir, 'demo/round', rubricPath), 'utf8')) as { siteVisit: { id: string }[] };
      expect(rubric.siteVisit.length).toBeGreaterThan(0);
      expect(v.items.map((x) => x.id)).toEqual(rubric.siteVisit.map((x) => x.id));
      for (const x of v.items) {
        expect(['meets', 'fails', 'na']).toContain(x.result);
        if (x.result === 'fails') expect(x.note.trim()).not.toBe('');
      }
      expect(v.opinion.trim()).not.toBe('');
      expect(v.photos.length).toBeGreaterThan(0);
      for (const p of v.photos) {
        const a = listed.get(p.path)!;
        expect(a, p.path).toBeDefined();
        expect(a.mediaType).toBe('image/jpeg');
        expect(p.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
        expect(p.itemIds.length).toBeGreaterThan(0);
        const file = join(out, p.path);
        expect(readFileSync(file).length).toBe(a.size);
        expect(execFileSync('sha256sum', [file]).toString().split(' ')[0]).toBe(a.sha256);
        expect(execFileSync('file', ['-b', '--mime-type', file]).toString().trim()).toBe('image/jpeg');
      }
      for (const s of app.scores) for (const e of s.evidence) if ('photo' in e) cited.add(String(e.photo));
    }
    // Every listed attachment is a visit's photo, and a criterion cites one as its evidence.
    expect([...listed.keys()].sort()).toEqual(bundle.applications.flatMap((a) => a.siteVisit!.photos.map((p) => p.path)).sort());
    expect(cited.size).toBeGreaterThan(0);
    for (const c of cited) expect(listed.has(c)).toBe(true);
  });

  it('verify-bundle gives a verdict per file and fails when any is bad', () => {
    copyFileSync(join(dir, 'demo/packages/E01.rpkg'), join(dir, 'not-a-bundle.rsb'));
    const r = run([
      'verify-bundle',
      'demo/bundles/E01.rsb',
      'demo/bundles/E01.rev1.rsb',
      'demo/bundles/E02.rsb',
      'not-a-bundle.rsb',
      '--secretariat',
      'demo/secretariat',
      '--roster',
      'demo/round/round.json',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out) as { verdicts: { ok: boolean; revision?: number; code?: string }[] };
    expect(v.verdicts.map((x) => (x.ok ? `ok r${x.revision}` : x.code))).toEqual(['ok r2', 'ok r1', 'ok r2', 'E_WRONG_KEY']);
  });

  it('pack rebuilds packages from the round folder; each holds only its expert’s applications', () => {
    const round = JSON.parse(readFileSync(join(dir, 'demo/round/round.json'), 'utf8')) as { assignments: Record<string, string[]> };
    round.assignments = { E01: ['A002'], E02: ['A001', 'A002'] };
    writeFileSync(join(dir, 'demo/round/round.json'), JSON.stringify(round));
    const r = run(['pack', 'demo/round', '--secretariat', 'demo/secretariat', '--out', 'repacked', '--json']);
    expect(r.code, r.err).toBe(0);
    const i = run(['inspect', 'repacked/E01.rpkg', '--identity', 'demo/experts/E01', '--json']);
    const m = JSON.parse(i.out) as { manifest: { applications: { id: string }[]; files: { path: string }[] } };
    expect(m.manifest.applications.map((a) => a.id)).toEqual(['A002']);
    expect(m.manifest.files.every((f) => !f.path.includes('A001'))).toBe(true);
  });

  it('usage errors exit 2', () => {
    expect(run(['demo', '--out', 'x', '--experts', 'many']).code).toBe(2);
  });
});
