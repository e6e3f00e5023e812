/**
 * Seeded fuzzing of real packages and score files: bit flips, truncation and
 * edits of the ZIP directory (entry count, offsets pointing outside, sizes,
 * names, methods, CRCs, local headers), each re-encrypted to the recipient so
 * that the mutation reaches the ZIP layer rather than stopping at age's
 * authentication, plus a few mutations of the age file itself. Every case must
 * be refused with a specific code (never E_INTERNAL) whose message is one line
 * without control characters, write nothing, and inflate a bounded number of
 * bytes (the reader's counter). Reproduce a failure with FUZZ_SEED=<seed>;
 * FUZZ_CASES changes the number of cases.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, isReviewDeskError, ReviewDeskError, type ErrorCode } from '../../shared/errors.ts';
import { openBundleBytes } from '../../electron/bundles/verify.ts';
import { decryptFile, encryptBytes } from '../../electron/crypto/age/index.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { processZipStats, readZipDirectory, type ZipStats } from '../../electron/formats/zip.ts';
import { loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { openCandidate } from '../../electron/merge/open.ts';
import { BUNDLE_LIMITS } from '../../electron/bundles/limits.ts';
import { PACKAGE_LIMITS } from '../../electron/packages/limits.ts';
import { openPackage } from '../../electron/packages/open.ts';
import { CD, EOCD, zipLayout } from '../helpers/zipcraft.ts';
import { listTree, tempDir } from '../helpers/tmp.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES = Number(process.env.FUZZ_CASES ?? 1500);

const root = tempDir('rd-fuzz-');
const demo = join(root, 'demo');
const inputs = join(root, 'in');
/** Where anything written through os.tmpdir() during the cases would land. */
const scratch = join(root, 'tmp');
const savedTmp = process.env.TMPDIR;

interface Target {
  kind: 'rpkg' | 'rsb';
  zip: Buffer;
  recipient: string;
  /** Bytes a genuine open inflates at most: every entry's declared size, plus slack for one streamed piece. */
  bound: number;
}
let expert: Identity;
let secretariat: Identity;
let targets: Target[];

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  await generateDemo({ out: demo, experts: 2, applications: 2, revisions: 1 });
  expert = await loadIdentity(join(demo, 'experts', 'E01'));
  secretariat = await loadIdentity(join(demo, 'secretariat'));
  mkdirSync(inputs);
  mkdirSync(scratch);
  const pkg = (await decryptFile(join(demo, 'packages', 'E01.rpkg'), [{ identity: expert.ageIdentity }])).plaintext;
  const rsb = (await decryptFile(join(demo, 'bundles', 'E01.rsb'), [{ identity: secretariat.ageIdentity }])).plaintext;
  const bound = async (zip: Buffer, limits: typeof PACKAGE_LIMITS): Promise<number> => {
    const dir = await readZipDirectory(zip.length, (s, l) => zip.subarray(s, s + l), limits);
    return [...dir.entries.values()].reduce((n, e) => n + e.size, 0) + (512 << 10);
  };
  targets = [
    { kind: 'rpkg', zip: Buffer.from(pkg), recipient: expert.card.ageRecipient, bound: await bound(pkg, PACKAGE_LIMITS) },
    { kind: 'rsb', zip: Buffer.from(rsb), recipient: secretariat.card.ageRecipient, bound: await bound(rsb, BUNDLE_LIMITS) },
  ];
  process.env.TMPDIR = scratch;
}, 120_000);

afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

type Mutation = { desc: string; zip?: Buffer; age?: (ciphertext: Buffer) => Buffer };

/** One mutation of a ZIP, chosen and parameterised by `r`. */
function mutate(zip: Buffer, r: () => number): Mutation {
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const z = Buffer.from(zip);
  const layout = zipLayout(z);
  const entry = pick(layout.entries);
  const u32 = (): number => pick([0, 1, 0xfffffffe, 0x7fffffff, z.length, z.length + 1, z.length * 2, int(2 ** 32), int(z.length)]);
  const kind = pick([
    'flip',
    'flip',
    'flip-directory',
    'flip-directory',
    'truncate',
    'count',
    'cd-offset',
    'cd-size',
    'entry-offset',
    'entry-size',
    'entry-name',
    'entry-method',
    'entry-crc',
    'local-header',
    'age',
  ] as const);
  switch (kind) {
    case 'flip':
    case 'flip-directory': {
      const from = kind === 'flip' ? 0 : layout.cdOffset;
      const flips = 1 + int(8);
      const at: number[] = [];
      for (let i = 0; i < flips; i++) {
        const p = from + int(z.length - from);
        z[p]! ^= 1 << int(8);
        at.push(p);
      }
      return { desc: `${kind} at ${at.join(',')}`, zip: z };
    }
    case 'truncate': {
      const n = int(z.length);
      return { desc: `truncate to ${n}`, zip: z.subarray(0, n) };
    }
    case 'count': {
      const count = z.readUInt16LE(layout.eocd + EOCD.entries);
      const v = pick([0, 1, count - 1, count + 1, count + 3, 65535, int(65536)]) & 0xffff;
      const both = r() < 0.7;
      z.writeUInt16LE(v, layout.eocd + EOCD.entries);
      if (both) z.writeUInt16LE(v, layout.eocd + EOCD.diskEntries);
      return { desc: `entry count ${count} -> ${v}${both ? ' (both)' : ''}`, zip: z };
    }
    case 'cd-offset': {
      const v = pick([u32(), layout.cdOffset + 1 + int(64), Math.max(0, layout.cdOffset - 1 - int(64))]) >>> 0;
      z.writeUInt32LE(v, layout.eocd + EOCD.cdOffset);
      return { desc: `directory offset ${layout.cdOffset} -> ${v}`, zip: z };
    }
    case 'cd-size': {
      const v = u32() >>> 0;
      z.writeUInt32LE(v, layout.eocd + EOCD.cdSize);
      return { desc: `directory size -> ${v}`, zip: z };
    }
    case 'entry-offset': {
      const other = pick(layout.entries);
      const v = pick([u32(), other.localOffset, entry.localOffset + 1 + int(64), Math.max(0, entry.localOffset - 1 - int(64))]) >>> 0;
      z.writeUInt32LE(v, entry.at + CD.localOffset);
      return { desc: `${entry.name} local header offset ${entry.localOffset} -> ${v}`, zip: z };
    }
    case 'entry-size': {
      const field = pick(['compressedSize', 'size'] as const);
      const was = z.readUInt32LE(entry.at + CD[field]);
      const v = pick([u32(), was + 1, Math.max(0, was - 1), was * 1000, was * 2, 0]) >>> 0;
      z.writeUInt32LE(Math.min(v, 0xfffffffe), entry.at + CD[field]);
      return { desc: `${entry.name} ${field} ${was} -> ${v}`, zip: z };
    }
    case 'entry-name': {
      if (r() < 0.3) {
        const v = Math.max(0, entry.nameLength + pick([-1, 1, 2, -entry.nameLength, 200]));
        z.writeUInt16LE(v, entry.at + CD.nameLength);
        return { desc: `${entry.name} name length -> ${v}`, zip: z };
      }
      const p = entry.at + CD.name + int(entry.nameLength);
      const v = pick([0x2f, 0x5c, 0x2e, 0x00, 0x1b, 0x07, 0x0a, 0x7f, 0xff, 0xc3, 0x41, 0x61]);
      z[p] = v;
      return { desc: `${entry.name} name byte ${p - entry.at - CD.name} -> 0x${v.toString(16)}`, zip: z };
    }
    case 'entry-method': {
      const v = pick([0, 8, 12, 99, 1]);
      z.writeUInt16LE(v, entry.at + CD.method);
      if (r() < 0.5) z.writeUInt16LE(v, entry.localOffset + 8);
      return { desc: `${entry.name} method -> ${v}`, zip: z };
    }
    case 'entry-crc': {
      const v = int(2 ** 32);
      z.writeUInt32LE(v, entry.at + CD.crc);
      return { desc: `${entry.name} crc -> ${v}`, zip: z };
    }
    case 'local-header': {
      const field = pick([26, 28, 18, 22, 0, 8] as const);
      const v = pick([0, 1, 0xffff, int(65536)]);
      if (field === 18 || field === 22 || field === 0) z.writeUInt32LE(v, entry.localOffset + field);
      else z.writeUInt16LE(v, entry.localOffset + field);
      return { desc: `${entry.name} local header field ${field} -> ${v}`, zip: z };
    }
    case 'age': {
      const cut = r() < 0.5;
      const at = r();
      const bit = int(8);
      return {
        desc: cut ? `age file truncated at ${at.toFixed(3)}` : `age file bit ${bit} flipped at ${at.toFixed(3)}`,
        age: (c) => {
          const p = Math.floor(at * c.length);
          if (cut) return c.subarray(0, p);
          const out = Buffer.from(c);
          out[p]! ^= 1 << bit;
          return out;
        },
      };
    }
  }
}

interface Outcome {
  where: string;
  code: string;
  messages: string[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe(`seeded fuzz of packages and score files (FUZZ_SEED=${SEED})`, () => {
  const outcomes: Outcome[] = [];

  it(`${CASES} mutated files: each refused with a specific code, nothing written, inflating a bounded amount`, async () => {
    const r = rng(SEED);
    for (const kind of ['rpkg', 'rsb']) writeFileSync(join(inputs, `case.${kind}`), '');
    const expectedTree = listTree(root);
    const codes = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const target = targets[i % 2]!;
      const m = mutate(target.zip, r);
      const plain = m.zip ?? target.zip;
      let bytes = await encryptBytes(plain, { recipients: [target.recipient] });
      if (m.age) bytes = m.age(bytes);
      const where = `FUZZ_SEED=${SEED} case ${i} (${target.kind}: ${m.desc})`;
      const file = join(inputs, `case.${target.kind}`);
      writeFileSync(file, bytes);
      const before = processZipStats.inflated;
      const stats: ZipStats = { inflated: 0 };
      let error: unknown = null;
      try {
        if (target.kind === 'rpkg') await openPackage(file, expert, { stats });
        else if (i % 4 === 1) await openBundleBytes(bytes, secretariat, undefined, { stats });
        else {
          // The merge's own reader, by its head or in full.
          const c = await openCandidate(
            file,
            { card: secretariat.card, ageIdentity: secretariat.ageIdentity },
            i % 4 === 3 ? 'full' : 'head',
          );
          if (!c.ok) error = new ReviewDeskError(c.code as ErrorCode, c.params);
        }
      } catch (e) {
        error = e;
      }
      const inflated = processZipStats.inflated - before;
      let code = 'accepted';
      let messages: string[] = [];
      if (error !== null) {
        expect(isReviewDeskError(error), `${where}: ${String(error)}`).toBe(true);
        const e = error as ReviewDeskError;
        code = e.code;
        messages = [e.localized('zh-CN'), e.localized('en')];
        expect(Object.hasOwn(ERRORS, code), where).toBe(true);
        expect(code, `${where}: ${e.message}`).not.toBe('E_INTERNAL');
      }
      expect(inflated, `${where}: inflated bytes`).toBeLessThanOrEqual(target.bound);
      expect(stats.inflated, where).toBeLessThanOrEqual(inflated);
      expect(readdirSync(scratch), `${where}: temp folder`).toEqual([]);
      expect(listTree(root), `${where}: files`).toEqual(expectedTree);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      outcomes.push({ where, code, messages });
    }
    const seconds = (performance.now() - started) / 1000;
    // Most mutations must reach a refusal; a few land where nothing reads (a timestamp, a version field).
    expect(codes.get('accepted') ?? 0, [...codes].join(' ')).toBeLessThan(CASES / 4);
    console.log(`fuzz FUZZ_SEED=${SEED}: ${CASES} cases in ${seconds.toFixed(1)} s;`, Object.fromEntries([...codes].sort()));
  }, 240_000);

  it('every refusal message is one line without control characters', () => {
    expect(outcomes.length).toBe(CASES);
    const bad = outcomes.filter((o) => o.messages.some((m) => CONTROL.test(m)));
    const byCode = [...new Set(bad.map((o) => o.code))].map((c) => `${c} x${bad.filter((o) => o.code === c).length}`);
    expect(
      bad.map((o) => `${o.where}: ${o.code} ${JSON.stringify(o.messages[1])}`).slice(0, 5),
      `${bad.length} messages with control characters (${byCode.join(', ')})`,
    ).toEqual([]);
  });
});
