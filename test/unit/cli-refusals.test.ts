/**
 * The `reviewdesk` command on hostile input: text taken from a file never
 * reaches the terminal raw, every refusal is one line with a specific code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NS_SCORES, type Bundle } from '../../shared/formats.ts';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { sealBundle } from '../../electron/bundles/write.ts';
import { decryptBytes, encryptBytes } from '../../electron/crypto/age/index.ts';
import { sshsigSign } from '../../electron/crypto/ssh.ts';
import { canonicalJson } from '../../electron/formats/json.ts';
import { readZip, zipToBuffer } from '../../electron/formats/zip.ts';
import { PACKAGE_LIMITS } from '../../electron/packages/limits.ts';
import { createIdentity, loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-cli-refusals-');
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
const passFile = join(dir, 'pass');
writeFileSync(passFile, 'a long test passphrase\n');

/** What a hostile signer puts in its card: a window-title escape, a bell, a line break that forges an "OK" line, a bidi override. */
const EVIL = 'Mallory\x1b]0;evil\x07\nOK    forged.rsb \u202Egnp.exe\x9b31m';

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Control characters (C0 but the newline that ends a line, DEL, C1), bidi controls, line separators. */
// eslint-disable-next-line no-control-regex -- the point of the test
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectClean(text: string): void {
  expect(UNSAFE.test(text), JSON.stringify(text)).toBe(false);
  // The forged line never starts a line of its own.
  expect(text).not.toMatch(/^OK {4}forged/m);
}

let secretariat: Identity;
let demoBundle: Bundle;
/** The demo bundle's site-visit photos, sealed again with it. */
let demoPhotos: { path: string; data: Buffer; mediaType: string }[] = [];

beforeAll(async () => {
  const r = run(['demo', '--out', 'demo', '--experts', '1', '--applications', '1', '--json']);
  expect(r.code, r.err).toBe(0);
  secretariat = await loadIdentity(join(dir, 'demo/secretariat'), () => Promise.resolve(''));
  const rsb = readFileSync(join(dir, 'demo/bundles/E01.rsb'));
  demoBundle = (await openBundleBytes(rsb, secretariat)).bundle;
  const entries = await readZip((await decryptBytes(rsb, [{ identity: secretariat.ageIdentity }])).plaintext, PACKAGE_LIMITS);
  demoPhotos = demoBundle.attachments.map((a) => ({ path: a.path, mediaType: a.mediaType, data: entries.get(a.path) ?? Buffer.alloc(0) }));
}, 240_000);

/** A bundle of the demo round re-signed by a fresh expert whose card carries `name`. */
async function bundleSignedBy(name: string): Promise<Buffer> {
  // The app makes no such card (createIdentity refuses the name); a hostile signer writes its card by hand.
  const made = await createIdentity({ role: 'expert', displayName: 'Mallory', organisation: '', fields: [], postQuantum: false });
  const expert: Identity = { ...made, card: { ...made.card, displayName: name, organisation: EVIL } };
  const bundle: Bundle = { ...demoBundle, expert: expert.card, expertFingerprint: expert.card.fingerprint };
  return sealBundle(bundle, expert, secretariat.card.ageRecipient, demoPhotos);
}

describe('reviewdesk CLI on hostile input', { timeout: 180_000 }, () => {
  it('inspect prints a package signed by a secretariat whose card holds escapes and a line break as safe, visible text', () => {
    // keygen refuses to make such a card, in one clean line, writing nothing…
    const refused = run([
      'keygen',
      '--out',
      'evil-sec',
      '--name',
      EVIL,
      '--org',
      EVIL,
      '--role',
      'secretariat',
      '--passphrase-file',
      passFile,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error E_CARD_TEXT: 姓名、工作单位和专业领域须为单行文字[^\n]+ \/ Name, organisation and fields[^\n]+\n$/);
    expectClean(refused.err);
    expect(existsSync(join(dir, 'evil-sec'))).toBe(false);
    // …so the hostile secretariat writes its card.json by hand: its keys are still its own.
    const k = run(['keygen', '--out', 'evil-sec', '--name', 'Mallory', '--role', 'secretariat', '--passphrase-file', passFile]);
    expect(k.code, k.err).toBe(0);
    const cardFile = join(dir, 'evil-sec', 'card.json');
    const card = JSON.parse(readFileSync(cardFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(cardFile, JSON.stringify({ ...card, displayName: EVIL, organisation: EVIL }, null, 2));
    const p = run(['pack', 'demo/round', '--secretariat', 'evil-sec', '--out', 'evil-pk', '--passphrase-file', passFile]);
    expect(p.code, p.err).toBe(0);
    const i = run(['inspect', 'evil-pk/E01.rpkg', '--identity', 'demo/experts/E01']);
    expect(i.code, i.err).toBe(0);
    expectClean(i.out);
    const signed = i.out.split('\n').find((l) => l.startsWith('signed by'));
    expect(signed).toContain('Mallory\\u001b]0;evil\\u0007\\u000aOK    forged.rsb \\u202egnp.exe\\u009b31m');
    // --json: the same value once parsed, with nothing raw for a terminal to act on.
    const j = run(['inspect', 'evil-pk/E01.rpkg', '--identity', 'demo/experts/E01', '--json']);
    expect(j.code, j.err).toBe(0);
    expectClean(j.out);
    expect((JSON.parse(j.out) as { manifest: { secretariat: { displayName: string } } }).manifest.secretariat.displayName).toBe(EVIL);
    // Refused against the real secretariat: one line, no control characters.
    const t = run(['inspect', 'evil-pk/E01.rpkg', '--identity', 'demo/experts/E01', '--trust', 'demo/secretariat/card.json']);
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/^error E_SIG_SIGNER: [^\n]+ \/ [^\n]+\n$/);
  }, 180_000);

  it('verify-bundle and merge print an expert name with escapes and a line break as safe text', async () => {
    writeFileSync(join(dir, 'evil.rsb'), await bundleSignedBy(EVIL));
    const v = run(['verify-bundle', 'evil.rsb', '--secretariat', 'demo/secretariat']);
    expect(v.code, v.err).toBe(0);
    expectClean(v.out);
    expect(v.out.split('\n')[0]).toMatch(/^OK {4}evil\.rsb {2}Mallory\\u001b/);
    const vj = run(['verify-bundle', 'evil.rsb', '--secretariat', 'demo/secretariat', '--json']);
    expectClean(vj.out);
    expect((JSON.parse(vj.out) as { verdicts: { expert: { displayName: string } }[] }).verdicts[0]!.expert.displayName).toBe(EVIL);
    const m = run(['merge', 'evil.rsb', 'demo/bundles/E01.rsb', '--secretariat', 'demo/secretariat', '--round', 'demo/round']);
    expect(m.code, m.err).toBe(0);
    expectClean(m.out);
    expect(m.out).toMatch(/^FAIL {2}\S+evil\.rsb {2}E_MERGE_UNKNOWN_SIGNER: [^\n]+Mallory\\u001b/m);
  }, 180_000);

  it('a refusal quoting a file name with escapes and a line break stays one clean line', () => {
    const name = 'x\x1b]0;evil\x07\nerror E_NONE: forged.rpkg';
    writeFileSync(join(dir, name), 'not an age file');
    for (const args of [
      ['inspect', name, '--identity', 'demo/experts/E01'],
      ['verify-bundle', name, '--secretariat', 'demo/secretariat'],
    ]) {
      const r = run(args);
      expect(r.code, r.err).toBe(1);
      expectClean(r.err + r.out);
      expect(r.err + r.out).not.toContain('E_INTERNAL');
    }
    const r = run(['inspect', name, '--identity', 'demo/experts/E01']);
    expect(r.err).toMatch(/^error E_AGE_HEADER: [^\n]+ \/ [^\n]+\n$/);
  });

  it('a bundle.json holding a lone surrogate is refused as not conforming, naming where, not as an internal error', async () => {
    const expert = await loadIdentity(join(dir, 'demo/experts/E01'), () => Promise.resolve(''));
    const marker = 'LONE-SURROGATE-HERE';
    const first = demoBundle.applications[0]!;
    const bundle: Bundle = { ...demoBundle, applications: [{ ...first, opinion: marker }, ...demoBundle.applications.slice(1)] };
    // Signed by the real expert, so only the text itself is wrong: `\ud800` is valid JSON but no RFC 8785 form exists for it.
    const json = Buffer.from(canonicalJson(bundle).replace(marker, '\\ud800'));
    const zip = await zipToBuffer([
      { name: 'bundle.json', data: json, compress: true },
      { name: 'bundle.json.sig', data: Buffer.from(sshsigSign(expert.signing, NS_SCORES, json)), compress: false },
    ]);
    writeFileSync(join(dir, 'surrogate.rsb'), await encryptBytes(zip, { recipients: [secretariat.card.ageRecipient] }));
    const r = run(['verify-bundle', 'surrogate.rsb', '--secretariat', 'demo/secretariat', '--json']);
    expect(r.code).toBe(1);
    const verdict = (JSON.parse(r.out) as { verdicts: { code: string; message: { en: string } }[] }).verdicts[0]!;
    expect(verdict.code).toBe('E_SCHEMA');
    expect(verdict.message.en).toContain('applications.0.opinion: holds a lone UTF-16 surrogate');
  });

  it('merge --out into a folder that does not exist is refused before any work, naming the folder', () => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const merge = (...extra: string[]): ReturnType<typeof run> =>
      run(['merge', 'demo/bundles/E01.rsb', '--secretariat', 'demo/secretariat', '--round', 'demo/round', ...extra]);
    for (const flag of ['--out', '--pdf']) {
      const r = merge('--csv', 'ok.csv', flag, 'no/such/dir/x');
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/^error E_OUTPUT_DIR: [^\n]+no\/such\/dir[^\n]+ \/ [^\n]+\n$/);
    }
    expect(merge('--xlsx', 'a-folder').err).toMatch(/^error E_OUTPUT_IS_DIR: [^\n]+a-folder/);
    // Checked before any work: not even the outputs that could have been written were.
    expect(existsSync(join(dir, 'ok.csv'))).toBe(false);
  });

  it('a folder where a file is meant, or a file where a folder is meant, is a specific one-line refusal naming the path', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const pack = run(['pack', 'demo/round', '--secretariat', 'demo/secretariat', '--out', 'a-file/packages']);
    expect(pack.code).toBe(1);
    expect(pack.err).toMatch(
      /^error E_FILE_SYSTEM: [^\n]+a-file\/packages[^\n]+ \/ [^\n]+has a part that is not a folder \(ENOTDIR\)\.\n$/,
    );
    const inspect = run(['inspect', 'demo', '--identity', 'demo/experts/E01']);
    expect(inspect.err).toMatch(/^error E_FILE_SYSTEM: [^\n]+demo[^\n]+is a folder where a file is needed \(EISDIR\)\.\n$/);
  });

  it('an identity folder with a damaged secret key is refused as E_IDENTITY', () => {
    const id = join(dir, 'damaged-id');
    mkdirSync(id);
    for (const f of ['card.json', 'ssh_ed25519']) writeFileSync(join(id, f), readFileSync(join(dir, 'demo/experts/E01', f)));
    writeFileSync(join(id, 'age-identity.txt'), 'AGE-SECRET-KEY-1QQQ\n');
    const r = run(['inspect', 'demo/packages/E01.rpkg', '--identity', 'damaged-id']);
    expect(r.err).toMatch(/^error E_IDENTITY: [^\n]+damaged-id[^\n]+the age secret key is damaged[^\n]*\n$/);
  });
});
