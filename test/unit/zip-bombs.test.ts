/**
 * ZIP bombs in packages and score files, made with only the recipient's
 * public key (test/helpers/bombs.ts): each is refused with its own code after
 * a bounded number of bytes inflated, counted by the ZIP reader. Peak memory
 * of the same refusals through the CLI is measured by `npm run bench` (bombs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { decryptFile, encryptBytes } from '../../electron/crypto/age/index.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { readZipDirectory, type ZipStats } from '../../electron/formats/zip.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { openCandidate } from '../../electron/merge/open.ts';
import { PACKAGE_LIMITS } from '../../electron/packages/limits.ts';
import { openPackage } from '../../electron/packages/open.ts';
import { writeBombs, type Bomb } from '../helpers/bombs.ts';
import { CD, EOCD, zipLayout } from '../helpers/zipcraft.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';

const root = tempDir('rd-bombs-');
const demo = join(root, 'demo');
const out = join(root, 'bombs');
let expert: Identity;
let secretariat: Identity;
let other: Identity;
let bombs: Bomb[];

beforeAll(async () => {
  await generateDemo({ out: demo, experts: 2, applications: 2 });
  expert = await loadIdentity(join(demo, 'experts', 'E01'));
  other = await loadIdentity(join(demo, 'experts', 'E02'));
  secretariat = await loadIdentity(join(demo, 'secretariat'));
  mkdirSync(out);
  // 256 MiB of zeros behind each deflate stream, ~256 KiB compressed.
  bombs = await writeBombs(demo, out, 256, { expert, secretariat, other });
}, 120_000);

async function refuse(b: Bomb): Promise<{ code: string; stats: ZipStats }> {
  const stats: ZipStats = { inflated: 0 };
  try {
    if (b.kind === 'rpkg') await openPackage(b.file, expert, { stats, ...(b.pinned ? { trustedSecretariat: secretariat.card } : {}) });
    else
      await openBundleBytes(readFileSync(b.file), secretariat, b.pinned ? new Map([[expert.card.fingerprint, expert.card]]) : undefined, {
        stats,
      });
    return { code: 'accepted', stats };
  } catch (e) {
    return { code: (e as { code?: string }).code ?? String(e), stats };
  }
}

describe('ZIP bombs', () => {
  it('a genuine package inflates only its deflated entries, each once (control)', async () => {
    const stats: ZipStats = { inflated: 0 };
    await openPackage(join(demo, 'packages', 'E01.rpkg'), expert, { stats });
    const { plaintext } = await decryptFile(join(demo, 'packages', 'E01.rpkg'), [{ identity: expert.ageIdentity }]);
    const dir = await readZipDirectory(plaintext.length, (s, l) => plaintext.subarray(s, s + l), PACKAGE_LIMITS);
    const deflated = [...dir.entries.values()].filter((e) => e.method === 8).reduce((n, e) => n + e.size, 0);
    expect(deflated).toBeGreaterThan(0);
    expect(stats.inflated).toBe(deflated);
  });

  it('every bomb is refused with its code after a bounded number of bytes inflated, writing nothing (and an honest signed large file opens)', async () => {
    expect(bombs.length).toBeGreaterThanOrEqual(16);
    const before = listTree(root);
    const seen: string[] = [];
    for (const b of bombs) {
      const { code, stats } = await refuse(b);
      seen.push(`${b.name}: ${code}, ${stats.inflated} bytes inflated`);
      expect(code, b.name).toBe(b.code);
      expect(stats.inflated, b.name).toBeLessThanOrEqual(b.maxInflated);
    }
    expect(listTree(root)).toEqual(before);
    // 256 MiB behind every stream, and not one refusal inflated more than the cap on a signed document.
    expect(seen.length).toBe(bombs.length);
  }, 120_000);

  it('a ZIP directory whose entry count or offsets point outside the plaintext is E_ZIP_CORRUPT, not E_INTERNAL', async () => {
    const { plaintext } = await decryptFile(join(demo, 'packages', 'E01.rpkg'), [{ identity: expert.ageIdentity }]);
    const layout = zipLayout(plaintext);
    const edits: [string, (z: Buffer) => void][] = [
      [
        'entry count + 1',
        (z) => (
          z.writeUInt16LE(layout.entries.length + 1, layout.eocd + EOCD.entries),
          z.writeUInt16LE(layout.entries.length + 1, layout.eocd + EOCD.diskEntries)
        ),
      ],
      [
        'entry count + 50',
        (z) => (
          z.writeUInt16LE(layout.entries.length + 50, layout.eocd + EOCD.entries),
          z.writeUInt16LE(layout.entries.length + 50, layout.eocd + EOCD.diskEntries)
        ),
      ],
      ['directory offset past the end', (z) => z.writeUInt32LE(z.length + 10, layout.eocd + EOCD.cdOffset)],
      ['local header offset past the end', (z) => z.writeUInt32LE(z.length - 10, layout.entries[2]!.at + CD.localOffset)],
      ['compressed size past the end', (z) => z.writeUInt32LE(z.length, layout.entries[0]!.at + CD.compressedSize)],
    ];
    for (const [what, edit] of edits) {
      const z = Buffer.from(plaintext);
      edit(z);
      const file = join(out, 'directory.rpkg');
      writeFileSync(file, await encryptBytes(z, { recipients: [expert.card.ageRecipient] }));
      const code = await openPackage(file, expert).then(
        () => 'accepted',
        (e: { code?: string }) => e.code,
      );
      expect(code, what).toBe('E_ZIP_CORRUPT');
    }
  });

  it('the merge reads a bomb score file by its head with the same code', async () => {
    const key = { card: secretariat.card, ageIdentity: secretariat.ageIdentity };
    for (const b of bombs.filter((x) => x.kind === 'rsb' && !x.name.includes('unlisted'))) {
      const c = await openCandidate(b.file, key, 'head');
      expect(c.ok ? 'accepted' : c.code, b.name).toBe(b.code);
    }
  }, 60_000);

  it('the CLI refuses them with the code on one line', () => {
    const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');
    const rpkg = bombs.find((b) => b.name === 'rpkg-doc-past-declared')!;
    const r = spawnSync(process.execPath, [bin, 'inspect', rpkg.file, '--identity', join(demo, 'experts', 'E01')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error E_ZIP_ENTRY_SIZE: [^\n]+\/[^\n]+\n$/);
    const rsb = bombs.filter((b) => b.kind === 'rsb' && !b.pinned);
    const v = spawnSync(
      process.execPath,
      [bin, 'verify-bundle', ...rsb.map((b) => b.file), '--secretariat', join(demo, 'secretariat'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(v.status).toBe(1);
    const verdicts = (JSON.parse(v.stdout) as { verdicts: { file: string; ok: boolean; code?: string }[] }).verdicts;
    expect(verdicts.map((x) => x.code)).toEqual(rsb.map((b) => b.code));
  }, 60_000);
});
