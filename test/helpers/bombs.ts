/**
 * ZIP bombs in a `.rpkg` and a `.rsb`, made as an attacker could: encrypted
 * with only the recipient's public key (the expert's for a package, the
 * secretariat's for a score file), unsigned, signed with a key of their own,
 * or (a rogue panel member) around a genuine signed document. Each comes with
 * the code it must be refused with and the most bytes opening it may inflate.
 * Shared by test/unit/zip-bombs.test.ts and the benchmark's bomb section
 * (which uses far larger bombs and measures the CLI's peak memory).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { NS_PACKAGE, NS_SCORES } from '../../shared/formats.ts';
import { decryptBytes, encryptBytes } from '../../electron/crypto/age/index.ts';
import { generateSigningKey, sshsigSign } from '../../electron/crypto/ssh.ts';
import { readZip } from '../../electron/formats/zip.ts';
import { BUNDLE_LIMITS, MAX_BUNDLE_JSON } from '../../electron/bundles/limits.ts';
import { MAX_MANIFEST_BYTES, PACKAGE_LIMITS } from '../../electron/packages/limits.ts';
import type { Identity } from '../../electron/keys/identity.ts';
import { craftZip, zerosDeflate, type CraftEntry } from './zipcraft.ts';

export interface Bomb {
  name: string;
  kind: 'rpkg' | 'rsb';
  file: string;
  /** The code it is refused with (or "accepted": the honest, signed large file that must open without being held). */
  code: string;
  /** The most bytes the reader may inflate refusing it. */
  maxInflated: number;
  /** Open a package requiring the real secretariat (--trust), or a score file against a roster of E01 only (--roster). */
  pinned?: boolean;
}

/** SHA-256 (hex) of `mib` MiB of zeros, without holding them. */
function zerosSha256(mib: number): string {
  const h = createHash('sha256');
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) h.update(block);
  return h.digest('hex');
}

/** CRC-32 of `mib` MiB of zeros. */
function zerosCrc(mib: number): number {
  const block = Buffer.alloc(1 << 20);
  let c = 0;
  for (let i = 0; i < mib; i++) c = crc32(block, c);
  return c;
}

/** The largest declared size a deflate stream of this many bytes gets past the ratio limit with (ratio 150). */
const plausible = (compressed: number, cap: number): number => Math.min(cap - 1, compressed * 150);

/**
 * Writes the bombs into `out`. `mib`: how many MiB of zeros each deflate
 * stream holds (the unit test uses a few hundred, the benchmark gigabytes).
 * `demo` is a generated demo round (its secretariat signs the one package
 * bomb that is properly signed: a secretariat's own file still cannot make a
 * reader inflate past what its manifest states).
 */
export async function writeBombs(
  demo: string,
  out: string,
  mib: number,
  who: { expert: Identity; secretariat: Identity; other: Identity },
): Promise<Bomb[]> {
  const zeros = zerosDeflate(mib);
  const bombs: Bomb[] = [];
  const add = async (b: Omit<Bomb, 'file'>, zip: Buffer): Promise<void> => {
    const to = b.kind === 'rpkg' ? who.expert.card.ageRecipient : who.secretariat.card.ageRecipient;
    const file = join(out, `${b.name}.${b.kind}`);
    writeFileSync(file, await encryptBytes(zip, { recipients: [to] }));
    bombs.push({ ...b, file });
  };
  const junkSig = Buffer.from('-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n');
  // Declared small enough for any one entry and for sixteen together to pass the limits, so what refuses them is
  // the order of reading, not the directory's figures.
  const bombEntry = (name: string): CraftEntry => ({
    name,
    data: zeros,
    method: 8,
    size: plausible(zeros.length, Math.min(BUNDLE_LIMITS.maxFileSize, BUNDLE_LIMITS.maxTotalSize / 16)),
    crc: 0,
  });
  const manyOver = (name: string, n: number): CraftEntry[] =>
    Array.from({ length: n }, (_, i) => ({ ...bombEntry(`${name}${i}.txt`), size: 1 << 20, ...(i > 0 ? { sameAs: 2 } : {}) }));

  // The genuine package's signed manifest, to wrap as a rogue insider would.
  const genuine = await readZip(
    (await decryptBytes(readFileSync(join(demo, 'packages', 'E01.rpkg')), [{ identity: who.expert.ageIdentity }])).plaintext,
    PACKAGE_LIMITS,
  );
  const manifestBytes = genuine.get('manifest.json')!;
  const manifestSig = genuine.get('manifest.json.sig')!;
  const stored = (name: string, data: Buffer): CraftEntry => ({ name, data, method: 0 });

  for (const kind of ['rpkg', 'rsb'] as const) {
    const doc = kind === 'rpkg' ? 'manifest.json' : 'bundle.json';
    const cap = kind === 'rpkg' ? MAX_MANIFEST_BYTES : MAX_BUNDLE_JSON;
    const limits = kind === 'rpkg' ? PACKAGE_LIMITS : BUNDLE_LIMITS;
    const declared = plausible(zeros.length, cap);
    // The signed document itself inflates past the size the directory declares. A score file's signature is read
    // first and names the hash bundle.json streams through, so it must be well formed (over other bytes) for the
    // stream to be reached at all.
    const formedSig = kind === 'rsb' ? Buffer.from(sshsigSign(generateSigningKey(), NS_SCORES, Buffer.from('{}'))) : junkSig;
    await add(
      // (Streamed, it is refused within one inflate chunk, 256 KiB, past what it declares.)
      { name: `${kind}-doc-past-declared`, kind, code: 'E_ZIP_ENTRY_SIZE', maxInflated: declared + (kind === 'rsb' ? 256 << 10 : 1) },
      craftZip([{ name: doc, data: zeros, method: 8, size: declared, crc: 0 }, stored(`${doc}.sig`, formedSig)]),
    );
    // It declares more than the cap: refused before a byte is inflated.
    await add(
      { name: `${kind}-doc-over-cap`, kind, code: 'E_ZIP_LIMIT', maxInflated: 0 },
      craftZip([
        // Padded past the deflate stream's end so that the ratio looks plausible and the cap is what refuses it.
        { name: doc, data: Buffer.concat([zeros, Buffer.alloc(Math.ceil(cap / 150))]), method: 8, size: cap + 1, crc: 0 },
        stored(`${doc}.sig`, junkSig),
      ]),
    );
    // No signature: refused before anything is inflated, the bombs beside it included.
    await add(
      { name: `${kind}-unsigned`, kind, code: 'E_SIG_MISSING', maxInflated: 0 },
      craftZip([{ name: doc, data: zeros, method: 8, size: declared, crc: 0 }, bombEntry('attachments/a.txt')]),
    );
    // A signature that is not one: only the document is inflated.
    await add(
      { name: `${kind}-bad-signature`, kind, code: 'E_SIG_INVALID', maxInflated: 64 << 10 },
      craftZip([
        stored(doc, Buffer.from('{}')),
        stored(`${doc}.sig`, junkSig),
        bombEntry('attachments/a.txt'),
        bombEntry('attachments/b.txt'),
      ]),
    );
    // Many entries: refused from the directory's count.
    await add(
      { name: `${kind}-many-entries`, kind, code: 'E_ZIP_LIMIT', maxInflated: 0 },
      craftZip(Array.from({ length: limits.maxEntries + 1 }, (_, i) => stored(`f${i}`, Buffer.alloc(0)))),
    );
    // Overlapping entries: a thousand names over one deflate stream.
    await add(
      { name: `${kind}-overlapping`, kind, code: 'E_ZIP_OVERLAP', maxInflated: 0 },
      craftZip([stored(doc, Buffer.from('{}')), stored(`${doc}.sig`, junkSig), ...manyOver('attachments/o', 1000)]),
    );
  }

  // A rogue insider: the genuine signed manifest with bombs added beside it. Nothing it does not list is inflated.
  await add(
    { name: 'rpkg-unlisted', kind: 'rpkg', code: 'E_ZIP_UNLISTED', maxInflated: manifestBytes.length },
    craftZip([
      stored('manifest.json', manifestBytes),
      stored('manifest.json.sig', manifestSig),
      ...[...genuine.keys()].filter((n) => !n.startsWith('manifest.json')).map((n) => stored(n, genuine.get(n)!)),
      bombEntry('dossiers/A001/bomb.txt'),
    ]),
  );
  // Signed by another key, claiming the real secretariat's card.
  const manifest = JSON.parse(manifestBytes.toString()) as { files: { path: string; size: number; sha256: string; mediaType: string }[] };
  manifest.files.push({ path: 'dossiers/A001/bomb.txt', size: mib << 20, mediaType: 'text/plain', sha256: zerosSha256(mib) });
  const forged = Buffer.from(JSON.stringify(manifest));
  const rest = [...genuine.keys()].filter((n) => !n.startsWith('manifest.json')).map((n) => stored(n, genuine.get(n)!));
  await add(
    { name: 'rpkg-other-signer', kind: 'rpkg', code: 'E_SIG_SIGNER', maxInflated: 0 },
    craftZip([
      stored('manifest.json', forged),
      stored('manifest.json.sig', Buffer.from(sshsigSign(generateSigningKey(), NS_PACKAGE, forged))),
      ...rest,
      {
        name: 'dossiers/A001/bomb.txt',
        data: Buffer.concat([zeros, Buffer.alloc(Math.ceil((mib << 20) / 150))]),
        method: 8,
        size: mib << 20,
        crc: 0,
      },
    ]),
  );
  // Properly signed, but its listed file inflates past the size the manifest states: stopped there.
  const lying = JSON.parse(manifestBytes.toString()) as typeof manifest;
  lying.files.push({ path: 'dossiers/A001/bomb.txt', size: 1 << 20, mediaType: 'text/plain', sha256: zerosSha256(1) });
  const lyingBytes = Buffer.from(JSON.stringify(lying));
  await add(
    { name: 'rpkg-listed-past-stated', kind: 'rpkg', code: 'E_ZIP_ENTRY_SIZE', maxInflated: (1 << 20) + (256 << 10) },
    craftZip([
      stored('manifest.json', lyingBytes),
      stored('manifest.json.sig', Buffer.from(sshsigSign(who.secretariat.signing, NS_PACKAGE, lyingBytes))),
      ...rest,
      { name: 'dossiers/A001/bomb.txt', data: zeros, method: 8, size: 1 << 20, crc: 0 },
    ]),
  );

  // Properly signed and honest: a large deflated file is streamed through inflate to be hashed, never held whole.
  const largeMib = Math.min(mib, 1000);
  const large = zerosDeflate(largeMib);
  const honest = JSON.parse(manifestBytes.toString()) as typeof manifest;
  honest.files.push({ path: 'dossiers/A001/large.txt', size: largeMib << 20, mediaType: 'text/plain', sha256: zerosSha256(largeMib) });
  const honestBytes = Buffer.from(JSON.stringify(honest));
  const padded = Buffer.concat([large, Buffer.alloc(Math.ceil((largeMib << 20) / 150))]);
  await add(
    { name: 'rpkg-signed-large-deflated', kind: 'rpkg', code: 'accepted', maxInflated: largeMib << 20 },
    craftZip([
      stored('manifest.json', honestBytes),
      stored('manifest.json.sig', Buffer.from(sshsigSign(who.secretariat.signing, NS_PACKAGE, honestBytes))),
      ...rest,
      { name: 'dossiers/A001/large.txt', data: padded, method: 8, size: largeMib << 20, crc: zerosCrc(largeMib) },
    ]),
  );

  // A rogue panel member: their own genuine signed bundle.json with bombs beside it; with a roster of others,
  // refused before bundle.json is even parsed.
  const theirs = await readZip(
    (await decryptBytes(readFileSync(join(demo, 'bundles', 'E02.rsb')), [{ identity: who.secretariat.ageIdentity }])).plaintext,
    BUNDLE_LIMITS,
  );
  const bundleZip = craftZip([
    stored('bundle.json', theirs.get('bundle.json')!),
    stored('bundle.json.sig', theirs.get('bundle.json.sig')!),
    ...Array.from({ length: 8 }, (_, i) => bombEntry(`attachments/bomb${i}.txt`)),
  ]);
  await add({ name: 'rsb-unlisted', kind: 'rsb', code: 'E_ZIP_UNLISTED', maxInflated: 0 }, bundleZip);
  await add({ name: 'rsb-unlisted-roster', kind: 'rsb', code: 'E_SIG_SIGNER', maxInflated: 0, pinned: true }, bundleZip);
  return bombs;
}
