/**
 * A corpus of malformed and tampered packages and bundles, forged by test code
 * from a real demo round. Each must be refused with its specific error code,
 * and opening must write nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateX25519Identity } from 'age-encryption';
import { NS_PACKAGE, NS_SCORES } from '../../shared/formats.ts';
import { openBundleBytes, type Roster } from '../../electron/bundles/verify.ts';
import { decryptFile, encryptBytes } from '../../electron/crypto/age/index.ts';
import { sha256Hex } from '../../electron/crypto/hash.ts';
import { generateSigningKey, sshsigSign } from '../../electron/crypto/ssh.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { readZip, zipToBuffer, type ZipInput } from '../../electron/formats/zip.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { openPackage } from '../../electron/packages/open.ts';
import { MAX_MANIFEST_BYTES, PACKAGE_LIMITS } from '../../electron/packages/limits.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';
import { flipBits } from '../helpers/bytes.ts';

const root = tempDir('rd-corpus-');
const demo = join(root, 'demo');
const forged = join(root, 'forged');
let secretariat: Identity;
let expert: Identity;
let other: Identity;
let entries: Map<string, Buffer>;
let roster: Roster;
let counter = 0;

beforeAll(async () => {
  await generateDemo({ out: demo, experts: 2, applications: 2 });
  secretariat = await loadIdentity(join(demo, 'secretariat'));
  expert = await loadIdentity(join(demo, 'experts', 'E01'));
  other = await loadIdentity(join(demo, 'experts', 'E02'));
  entries = await readZip(
    (await decryptFile(join(demo, 'packages', 'E01.rpkg'), [{ identity: expert.ageIdentity }])).plaintext,
    PACKAGE_LIMITS,
  );
  roster = new Map([expert, other].map((i) => [i.card.fingerprint, i.card]));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(forged);
}, 120_000);

type Manifest = Record<string, unknown> & {
  files: { path: string; size: number; sha256: string; mediaType?: string }[];
  applications: { id: string; files: string[]; category?: string; rubricId?: string }[];
  rubrics?: { path: string; id: string; version: number }[];
};
const manifest = (): Manifest => JSON.parse(entries.get('manifest.json')!.toString()) as Manifest;

/** Rebuilds the package ZIP with changes; re-signs the manifest unless told not to. */
async function repack(
  opts: {
    manifest?: Manifest;
    extra?: ZipInput[];
    drop?: string[];
    replace?: Record<string, Buffer>;
    sign?: 'secretariat' | 'other' | 'none' | 'stale';
  } = {},
): Promise<Buffer> {
  const m = Buffer.from(JSON.stringify(opts.manifest ?? manifest()));
  const signer = opts.sign === 'other' ? generateSigningKey() : secretariat.signing;
  const sig = opts.sign === 'stale' ? entries.get('manifest.json.sig')! : Buffer.from(sshsigSign(signer, NS_PACKAGE, m));
  const files: ZipInput[] = [{ name: 'manifest.json', data: m, compress: true }];
  if (opts.sign !== 'none') files.push({ name: 'manifest.json.sig', data: sig, compress: false });
  for (const [name, data] of entries) {
    if (name.startsWith('manifest.json') || opts.drop?.includes(name)) continue;
    files.push({ name, data: opts.replace?.[name] ?? data, compress: true });
  }
  return zipToBuffer([...files, ...(opts.extra ?? [])]);
}

/** Encrypts a ZIP to the expert, writes it, opens it, and returns the error code. Asserts nothing new was written. */
async function refusal(zipOrAge: Buffer | Promise<Buffer>, opts: { raw?: boolean; as?: Identity; trust?: Identity } = {}): Promise<string> {
  const bytes = opts.raw ? await zipOrAge : await encryptBytes(await zipOrAge, { recipients: [expert.card.ageRecipient] });
  const file = join(forged, `case-${++counter}.rpkg`);
  writeFileSync(file, bytes);
  const before = listTree(root);
  let code = 'accepted';
  try {
    await openPackage(file, opts.as ?? expert, opts.trust ? { trustedSecretariat: opts.trust.card } : {});
  } catch (e) {
    code = (e as { code?: string }).code ?? String(e);
  }
  expect(listTree(root)).toEqual(before);
  return code;
}

/** A ZIP whose entry named `placeholder` is renamed (same length) to a name yazl would refuse to write. */
async function withRawName(name: string): Promise<Buffer> {
  const placeholder = 'q'.repeat(Buffer.byteLength(name));
  const zip = await repack({ extra: [{ name: placeholder, data: Buffer.from('x'), compress: false }] });
  const from = Buffer.from(placeholder);
  for (let i = zip.indexOf(from); i >= 0; i = zip.indexOf(from, i + 1)) Buffer.from(name).copy(zip, i);
  return zip;
}

const rehash = (m: Manifest, path: string, data: Buffer): Manifest => ({
  ...m,
  files: m.files.map((f) => (f.path === path ? { ...f, size: data.length, sha256: sha256Hex(data) } : f)),
});

describe('package refusals', () => {
  const good = join(demo, 'packages', 'E01.rpkg');
  const raw = (): Buffer => readFileSync(good);
  const headerLen = (b: Buffer): number => b.indexOf('\n', b.indexOf('\n--- ') + 1) + 1;

  it('accepts the untouched package (control)', async () => {
    expect(await refusal(Promise.resolve(raw()), { raw: true })).toBe('accepted');
    expect(await refusal(repack())).toBe('accepted');
  });
  it('1 wrong key', async () => expect(await refusal(Promise.resolve(raw()), { raw: true, as: other })).toBe('E_WRONG_KEY'));
  it('2 truncated at a chunk boundary', async () => {
    const b = raw();
    expect(await refusal(Promise.resolve(b.subarray(0, headerLen(b) + 16 + 4 * 65552)), { raw: true })).toBe('E_AGE_TRUNCATED');
  });
  it('3 truncated mid-chunk', async () => {
    const b = raw();
    expect(await refusal(Promise.resolve(b.subarray(0, b.length - 100)), { raw: true })).toBe('E_AGE_PAYLOAD');
  });
  it('4 flipped payload byte', async () => {
    const b = Buffer.from(raw());
    flipBits(b, b.length - 70_000, 4);
    expect(await refusal(Promise.resolve(b), { raw: true })).toBe('E_AGE_PAYLOAD');
  });
  it('5 flipped header MAC', async () => {
    const b = Buffer.from(raw());
    const i = headerLen(b) - 3;
    b[i] = b[i] === 0x41 ? 0x42 : 0x41;
    expect(await refusal(Promise.resolve(b), { raw: true })).toBe('E_AGE_HEADER_MAC');
  });
  it('6 scrypt work factor beyond the cap', async () => {
    const b = await encryptBytes(await repack(), { passphrase: 'x', scryptLogN: 10 });
    const text = b.toString('latin1').replace(/(-> scrypt \S+) 10\n/, '$1 31\n');
    expect(await refusal(Promise.resolve(Buffer.from(text, 'latin1')), { raw: true })).toBe('E_SCRYPT_WORK_FACTOR');
  });
  it('7 not an age file', async () => expect(await refusal(Promise.resolve(Buffer.from('hello')), { raw: true })).toBe('E_AGE_HEADER'));
  it('8 not a ZIP inside', async () => expect(await refusal(Promise.resolve(Buffer.from('not a zip at all')))).toBe('E_ZIP_CORRUPT'));
  it('9 missing signature', async () => expect(await refusal(repack({ sign: 'none' }))).toBe('E_SIG_MISSING'));
  it('10 manifest changed after signing', async () => {
    const m = manifest();
    expect(await refusal(repack({ manifest: { ...m, deadline: '2099-01-01T00:00:00Z' }, sign: 'stale' }))).toBe('E_SIG_INVALID');
  });
  it('11 signed by a key other than the card in the manifest', async () =>
    expect(await refusal(repack({ sign: 'other' }))).toBe('E_SIG_SIGNER'));
  it('12 signed by a secretariat other than the pinned one', async () =>
    expect(await refusal(repack(), { trust: other })).toBe('E_SIG_SIGNER'));
  it('13 absolute path', async () => expect(await refusal(withRawName('/etc/passwd'))).toBe('E_ZIP_PATH'));
  it('14 parent-directory path', async () => expect(await refusal(withRawName('dossiers/../../evil'))).toBe('E_ZIP_PATH'));
  it('15 backslash path', async () => expect(await refusal(withRawName('dossiers\\A001\\x.pdf'))).toBe('E_ZIP_PATH'));
  it('16 symlink entry', async () => {
    const zip = await repack();
    // Turn the last entry's external attributes into a symlink (S_IFLNK) in the central directory.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE((0o120777 << 16) >>> 0, cd + 38);
    expect(await refusal(Promise.resolve(zip))).toBe('E_ZIP_SYMLINK');
  });
  it('17 directory entry', async () => expect(await refusal(withRawName('dossiers/'))).toBe('E_ZIP_DIRECTORY'));
  it('18 duplicate name, case-folded', async () => {
    const name = [...entries.keys()].find((n) => n.startsWith('dossiers/'))!;
    expect(
      await refusal(
        repack({ extra: [{ name: name.toUpperCase().replace('DOSSIERS', 'dossiers'), data: Buffer.from('x'), compress: false }] }),
      ),
    ).toBe('E_ZIP_DUPLICATE');
  });
  it('19 unlisted file', async () =>
    expect(await refusal(repack({ extra: [{ name: 'dossiers/A001/extra.pdf', data: Buffer.from('%PDF'), compress: false }] }))).toBe(
      'E_ZIP_UNLISTED',
    ));
  it('20 SHA-256 mismatch', async () => {
    const name = [...entries.keys()].find((n) => n.endsWith('.pdf'))!;
    const changed = Buffer.from(entries.get(name)!);
    flipBits(changed, 100, 1);
    expect(await refusal(repack({ replace: { [name]: changed } }))).toBe('E_HASH_MISMATCH');
  });
  it('21 listed file missing', async () => {
    const name = [...entries.keys()].find((n) => n.endsWith('.pdf'))!;
    expect(await refusal(repack({ drop: [name] }))).toBe('E_FILE_MISSING');
  });
  it('22 compression-ratio bomb', async () => {
    expect(await refusal(repack({ extra: [{ name: 'dossiers/A001/bomb.txt', data: Buffer.alloc(20 << 20), compress: true }] }))).toBe(
      'E_ZIP_RATIO',
    );
  });
  it('23 too many entries', async () => {
    const many = Array.from({ length: PACKAGE_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `dossiers/A001/f${i}.txt`,
      data: Buffer.alloc(0),
      compress: false,
    }));
    expect(await refusal(repack({ extra: many }))).toBe('E_ZIP_LIMIT');
  });
  it('24 manifest with an unknown key', async () =>
    expect(await refusal(repack({ manifest: { ...manifest(), extra: 1 } }))).toBe('E_SCHEMA'));
  it('25 manifest of a newer version', async () =>
    expect(await refusal(repack({ manifest: { ...manifest(), schemaVersion: 3 } }))).toBe('E_SCHEMA_VERSION'));
  it('25b manifest of ReviewDesk 1 (schema 1): refused as older, saying what to ask the secretariat for', async () =>
    expect(await refusal(repack({ manifest: { ...manifest(), schemaVersion: 1 } }))).toBe('E_SCHEMA_OLD'));
  it('26 rubric that fails its schema', async () => {
    const path = 'rubrics/mic-selection-enterprise.json';
    const rubric = JSON.parse(entries.get(path)!.toString()) as { totalPoints: number };
    const bad = Buffer.from(JSON.stringify({ ...rubric, totalPoints: 99 }));
    expect(await refusal(repack({ manifest: rehash(manifest(), path, bad), replace: { [path]: bad } }))).toBe('E_SCHEMA');
  });
  it("26b an application given the other category's rubric (A002, non-enterprise, scored against the enterprise gates)", async () => {
    const m = manifest();
    expect(m.applications.map((a) => [a.id, a.category, a.rubricId])).toEqual([
      ['A001', 'enterprise', 'mic-selection-enterprise'],
      ['A002', 'non-enterprise', 'mic-selection-nonenterprise'],
    ]);
    const swapped = { ...m, applications: m.applications.map((a) => ({ ...a, rubricId: 'mic-selection-enterprise' })) };
    // The other rubric is then used by nobody, so the manifest no longer names it (nor the package holds it).
    const other = 'rubrics/mic-selection-nonenterprise.json';
    const pruned = {
      ...swapped,
      rubrics: (m.rubrics ?? []).filter((r) => r.path !== other),
      files: m.files.filter((f) => f.path !== other),
    };
    expect(await refusal(repack({ manifest: pruned, drop: [other] }))).toBe('E_RUBRIC_CATEGORY');
  });
  it('27 oversized manifest text field', async () => {
    const m = manifest() as Manifest & { round: { title: Record<string, string> } };
    expect(await refusal(repack({ manifest: { ...m, round: { ...m.round, title: { 'zh-CN': 'x'.repeat(9000), en: 'x' } } } }))).toBe(
      'E_SCHEMA',
    );
  });
  it('28 package issued to another expert', async () => {
    const m = manifest() as Manifest & { expert: { fingerprint: string } };
    expect(await refusal(repack({ manifest: { ...m, expert: { ...m.expert, fingerprint: other.card.fingerprint } } }))).toBe(
      'E_NOT_FOR_YOU',
    );
  });
});

describe('packages with large files (hashed where they lie, read again on demand)', () => {
  const bigPath = (): string => `dossiers/${manifest().applications[0]!.id}/scan-large.pdf`;
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024 + 4321, 7)]);
  big.writeUInt32BE(0xdeadbeef, 2_000_000);

  /** The demo package plus a stored 3 MiB file, listed and signed; its content may be swapped after signing. */
  async function withBigFile(content: Buffer = big): Promise<Buffer> {
    const m = manifest();
    const path = bigPath();
    const signed: Manifest = {
      ...m,
      files: [...m.files, { path, size: big.length, mediaType: 'application/pdf', sha256: sha256Hex(big) }],
      applications: m.applications.map((a, i) => (i === 0 ? { ...a, files: [...a.files, path] } : a)),
    };
    return repack({ manifest: signed, extra: [{ name: path, data: content, compress: false }] });
  }

  it('opens one, keeps no copy of the large file, and reads it back exactly, as often as asked', async () => {
    const file = join(forged, `big-${++counter}.rpkg`);
    writeFileSync(file, await encryptBytes(await withBigFile(), { recipients: [expert.card.ageRecipient] }));
    const pkg = await openPackage(file, expert);
    expect(pkg.filePaths).toContain(bigPath());
    for (let i = 0; i < 2; i++) expect(Buffer.from(await pkg.readFile(bigPath())).equals(big)).toBe(true);
    const small = manifest().files.find((f) => f.path.endsWith('.pdf'))!;
    expect(sha256Hex(await pkg.readFile(small.path))).toBe(small.sha256);
    // Replaced on disk after opening (even by a package that is itself fine): the read is refused, not served.
    writeFileSync(file, await encryptBytes(await withBigFile(), { recipients: [expert.card.ageRecipient] }));
    expect(
      await pkg.readFile(bigPath()).then(
        () => 'read',
        (e: { code?: string }) => e.code,
      ),
    ).toBe('E_IO');
  });
  it('refuses an oversized manifest stored in place', async () => {
    const zip = await zipToBuffer([
      { name: 'manifest.json', data: Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20), compress: false },
      { name: 'manifest.json.sig', data: entries.get('manifest.json.sig')!, compress: false },
    ]);
    expect(await refusal(Promise.resolve(zip))).toBe('E_ZIP_LIMIT');
  });
  it('refuses one whose large file differs from the signed manifest', async () => {
    const swapped = Buffer.from(big);
    flipBits(swapped, 1_500_000, 1);
    expect(await refusal(withBigFile(swapped))).toBe('E_HASH_MISMATCH');
  });
  it('refuses one with a damaged chunk inside the large file', async () => {
    const b = await encryptBytes(await withBigFile(), { recipients: [expert.card.ageRecipient] });
    flipBits(b, Math.floor(b.length / 2), 1);
    expect(await refusal(Promise.resolve(b), { raw: true })).toBe('E_AGE_PAYLOAD');
  });
});

describe('bundle refusals', () => {
  // The demo's E01 carries site-visit photos: every re-zip keeps them, so that only the change under test differs.
  let photos: ZipInput[] = [];
  async function bundleEntries(): Promise<Map<string, Buffer>> {
    const data = readFileSync(join(demo, 'bundles', 'E01.rsb'));
    const entries = await readZip(
      (await (await import('../../electron/crypto/age/index.ts')).decryptBytes(data, [{ identity: secretariat.ageIdentity }])).plaintext,
      PACKAGE_LIMITS,
    );
    photos = [...entries].filter(([name]) => name.startsWith('attachments/')).map(([name, data]) => ({ name, data, compress: false }));
    return entries;
  }
  async function verdict(zip: Buffer, to = secretariat.card.ageRecipient): Promise<string> {
    try {
      await openBundleBytes(await encryptBytes(zip, { recipients: [to] }), secretariat, roster);
      return 'accepted';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  }
  const rezip = (json: Buffer, sig: Buffer | null, extra: ZipInput[] = []): Promise<Buffer> =>
    zipToBuffer([
      { name: 'bundle.json', data: json, compress: true },
      ...(sig ? [{ name: 'bundle.json.sig', data: sig, compress: false }] : []),
      ...photos,
      ...extra,
    ]);

  it('accepts the untouched bundle (control)', async () => {
    const e = await bundleEntries();
    expect(await verdict(await rezip(e.get('bundle.json')!, e.get('bundle.json.sig')!))).toBe('accepted');
  });
  it('29 a changed score', async () => {
    const e = await bundleEntries();
    const json = Buffer.from(
      e
        .get('bundle.json')!
        .toString()
        .replace(/"score":(\d)/, (_m, d: string) => `"score":${(Number(d) + 1) % 10}`),
    );
    expect(await verdict(await rezip(json, e.get('bundle.json.sig')!))).toBe('E_SIG_INVALID');
  });
  it('30 missing signature', async () => {
    const e = await bundleEntries();
    expect(await verdict(await rezip(e.get('bundle.json')!, null))).toBe('E_SIG_MISSING');
  });
  it('31 not canonical JSON', async () => {
    const e = await bundleEntries();
    const pretty = Buffer.from(JSON.stringify(JSON.parse(e.get('bundle.json')!.toString()), null, 2));
    expect(await verdict(await rezip(pretty, Buffer.from(sshsigSign(expert.signing, NS_SCORES, pretty))))).toBe('E_NOT_CANONICAL');
  });
  it('32 signer outside the roster', async () => {
    const outsider = await (
      await import('../../electron/keys/identity.ts')
    ).createIdentity({ role: 'expert', displayName: 'x', organisation: 'y' });
    const e = await bundleEntries();
    const b = JSON.parse(e.get('bundle.json')!.toString()) as Record<string, unknown>;
    const { canonicalJson } = await import('../../electron/formats/json.ts');
    const json = Buffer.from(canonicalJson({ ...b, expert: outsider.card, expertFingerprint: outsider.card.fingerprint }));
    expect(await verdict(await rezip(json, Buffer.from(sshsigSign(outsider.signing, NS_SCORES, json))))).toBe('E_SIG_SIGNER');
  });
  it('33 encrypted to someone else', async () => {
    const e = await bundleEntries();
    const { identityToRecipient } = await import('age-encryption');
    expect(
      await verdict(
        await rezip(e.get('bundle.json')!, e.get('bundle.json.sig')!),
        await identityToRecipient(await generateX25519Identity()),
      ),
    ).toBe('E_WRONG_KEY');
  });
  it('34 unlisted attachment', async () => {
    const e = await bundleEntries();
    expect(
      await verdict(
        await rezip(e.get('bundle.json')!, e.get('bundle.json.sig')!, [
          { name: 'attachments/photo.jpg', data: Buffer.from('x'), compress: false },
        ]),
      ),
    ).toBe('E_ZIP_UNLISTED');
  });
});
