import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptBytes, decryptFile, encryptBytes, encryptStream, openAgeFile, SCRYPT_MAX_LOG_N } from '../../electron/crypto/age/index.ts';
import { payloadWorkersReady } from '../../electron/crypto/parallel.ts';
import { tempDir } from '../helpers/tmp.ts';
import { flipBits } from '../helpers/bytes.ts';

const CHUNK = 65536;
const dir = tempDir();

async function pair(): Promise<{ identity: string; recipient: string; file: string }> {
  const identity = await generateX25519Identity();
  const file = join(dir, `id-${randomBytes(4).toString('hex')}.txt`);
  writeFileSync(file, identity + '\n');
  return { identity, recipient: await identityToRecipient(identity), file };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

describe('age payload through libsodium', () => {
  it('seals a stream whose pieces straddle chunk boundaries (batched sealing) as stock age reads it', async () => {
    const k = await pair();
    // Pieces that end inside a chunk, exactly on a boundary, span many chunks, and are empty.
    const sizes = [1, CHUNK - 2, 1, 0, CHUNK, 40 * CHUNK + 5, CHUNK - 5, 3, 17 * CHUNK, 0];
    const pieces = sizes.map((n) => randomBytes(n));
    const plain = Buffer.concat(pieces);
    const parts: Buffer[] = [];
    for await (const p of encryptStream(pieces, { recipients: [k.recipient] })) parts.push(p);
    // Pieces of about a megabyte at most, not one per chunk.
    expect(parts.length).toBeLessThan(plain.length / CHUNK / 4);
    const ctPath = join(dir, 'ours-pieces.age');
    writeFileSync(ctPath, Buffer.concat(parts));
    expect(execFileSync('age', ['-d', '-i', k.file, ctPath], { maxBuffer: 1 << 26 }).equals(plain)).toBe(true);
  });

  it('seals a file read 64 KiB at a time (and a byte at a time) in megabyte pieces as stock age reads it', async () => {
    const k = await pair();
    for (const pieces of [
      // A dossier read by a file stream: whole chunks, then a short tail; exactly one batch; one batch and a byte.
      [...Array.from({ length: 40 }, () => randomBytes(CHUNK)), randomBytes(777)],
      Array.from({ length: 16 }, () => randomBytes(CHUNK)),
      [...Array.from({ length: 16 }, () => randomBytes(CHUNK)), randomBytes(1)],
      // Bytes one by one across a chunk boundary, then a large piece after a staged remainder.
      [...Array.from({ length: CHUNK + 3 }, () => randomBytes(1)), randomBytes(20 * CHUNK + 9)],
    ]) {
      const plain = Buffer.concat(pieces);
      const parts: Buffer[] = [];
      for await (const p of encryptStream(pieces, { recipients: [k.recipient] })) parts.push(p);
      // Gathered into pieces of about a megabyte, not one per chunk.
      expect(parts.length).toBeLessThanOrEqual(2 + Math.ceil(plain.length / (16 * CHUNK)));
      const ctPath = join(dir, 'ours-small-pieces.age');
      writeFileSync(ctPath, Buffer.concat(parts));
      expect(execFileSync('age', ['-d', '-i', k.file, ctPath], { maxBuffer: 1 << 26 }).equals(plain)).toBe(true);
    }
  });

  it('seals shared-memory pieces of several batches on every core (payload workers), as stock age reads it', async () => {
    await payloadWorkersReady();
    const k = await pair();
    const shared = (n: number): Uint8Array => {
      const b = new Uint8Array(new SharedArrayBuffer(n + 3), 3, n);
      b.set(randomBytes(n));
      return b;
    };
    // A staged remainder before a large shared piece (the staged chunk and the input share the first batch),
    // pieces of exactly some batches, one not chunk-aligned, and a short tail; a shared piece too small to share.
    const pieces = [
      randomBytes(CHUNK + 100),
      shared(64 * CHUNK),
      shared(32 * CHUNK),
      shared(50 * CHUNK + 7),
      shared(3 * CHUNK),
      randomBytes(9),
    ];
    const plain = Buffer.concat(pieces);
    const parts: Buffer[] = [];
    for await (const p of encryptStream(pieces, { recipients: [k.recipient] })) parts.push(Buffer.from(p));
    const ctPath = join(dir, 'ours-shared.age');
    writeFileSync(ctPath, Buffer.concat(parts));
    expect(execFileSync('age', ['-d', '-i', k.file, ctPath], { maxBuffer: 1 << 26 }).equals(plain)).toBe(true);
  });

  for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
    it(`round-trips ${size} bytes and interoperates with the age CLI`, async () => {
      const k = await pair();
      const plain = randomBytes(size);
      const ct = await encryptBytes(plain, { recipients: [k.recipient] });
      expect((await decryptBytes(ct, [{ identity: k.identity }])).plaintext.equals(plain)).toBe(true);
      // ours → stock age
      const ctPath = join(dir, `ours-${size}.age`);
      writeFileSync(ctPath, ct);
      expect(execFileSync('age', ['-d', '-i', k.file, ctPath]).equals(plain)).toBe(true);
      // stock age → ours
      const plainPath = join(dir, `plain-${size}`);
      writeFileSync(plainPath, plain);
      const theirs = execFileSync('age', ['-r', k.recipient, plainPath]);
      expect((await decryptBytes(theirs, [{ identity: k.identity }])).plaintext.equals(plain)).toBe(true);
    });
  }

  it('works with ML-KEM-768 + X25519 hybrid recipients', async () => {
    const identity = await generateHybridIdentity();
    const recipient = await identityToRecipient(identity);
    expect(recipient.startsWith('age1pq1')).toBe(true);
    const plain = randomBytes(2 * CHUNK + 5);
    const ct = await encryptBytes(plain, { recipients: [recipient] });
    expect((await decryptBytes(ct, [{ identity }])).plaintext.equals(plain)).toBe(true);
  });

  it('round-trips passphrase encryption with the age CLI (scrypt)', async () => {
    const plain = Buffer.from('secret keys');
    const ct = await encryptBytes(plain, { passphrase: 'correct horse battery', scryptLogN: 12 });
    expect((await decryptBytes(ct, [{ passphrase: 'correct horse battery' }])).plaintext.equals(plain)).toBe(true);
    expect(await codeOf(decryptBytes(ct, [{ passphrase: 'wrong wrong wrong' }]))).toBe('E_PASSPHRASE');
  });

  it('reports the SHA-256 and size of the ciphertext file', async () => {
    const k = await pair();
    const ct = await encryptBytes(randomBytes(1000), { recipients: [k.recipient] });
    const p = join(dir, 'hash.age');
    writeFileSync(p, ct);
    const r = await decryptFile(p, [{ identity: k.identity }]);
    expect(r.fileSha256).toBe(execFileSync('sha256sum', [p]).toString().split(' ')[0]);
    expect(r.fileSize).toBe(ct.length);
  });
});

describe('age refusals', () => {
  async function sample(size = 3 * CHUNK + 100): Promise<{ k: Awaited<ReturnType<typeof pair>>; ct: Buffer; headerLen: number }> {
    const k = await pair();
    const ct = await encryptBytes(randomBytes(size), { recipients: [k.recipient] });
    const headerLen = ct.indexOf('\n', ct.indexOf('\n--- ') + 1) + 1;
    return { k, ct, headerLen };
  }
  const open = (ct: Uint8Array, identity: string): Promise<string> => codeOf(decryptBytes(ct, [{ identity }]));

  it('refuses the wrong key', async () => {
    const { ct } = await sample();
    expect(await open(ct, await generateX25519Identity())).toBe('E_WRONG_KEY');
  });
  it('refuses a file truncated at a chunk boundary (missing final chunk)', async () => {
    const { k, ct, headerLen } = await sample();
    const cut = headerLen + 16 + 2 * (CHUNK + 16);
    expect(await open(ct.subarray(0, cut), k.identity)).toBe('E_AGE_TRUNCATED');
  });
  it('refuses a file truncated mid-chunk', async () => {
    const { k, ct, headerLen } = await sample();
    expect(await open(ct.subarray(0, headerLen + 16 + CHUNK + 1000), k.identity)).toBe('E_AGE_PAYLOAD');
  });
  it('refuses a file cut inside the nonce', async () => {
    const { k, ct, headerLen } = await sample();
    expect(await open(ct.subarray(0, headerLen + 8), k.identity)).toBe('E_AGE_TRUNCATED');
  });
  it('refuses a flipped byte in the header', async () => {
    const { k, ct } = await sample();
    const bad = Buffer.from(ct);
    flipBits(bad, 30, 1); // inside the recipient stanza
    expect(['E_WRONG_KEY', 'E_AGE_HEADER', 'E_AGE_HEADER_MAC']).toContain(await open(bad, k.identity));
  });
  it('refuses a flipped byte in the header MAC', async () => {
    const { k, ct, headerLen } = await sample();
    const bad = Buffer.from(ct);
    bad[headerLen - 5] = bad[headerLen - 5] === 0x41 ? 0x42 : 0x41;
    expect(await open(bad, k.identity)).toBe('E_AGE_HEADER_MAC');
  });
  it('refuses a flipped byte in the payload', async () => {
    const { k, ct, headerLen } = await sample();
    const bad = Buffer.from(ct);
    flipBits(bad, headerLen + 16 + CHUNK + 50, 0x80);
    expect(await open(bad, k.identity)).toBe('E_AGE_PAYLOAD');
  });
  it('refuses a flipped byte in the payload nonce', async () => {
    const { k, ct, headerLen } = await sample();
    const bad = Buffer.from(ct);
    flipBits(bad, headerLen + 3, 1);
    expect(await open(bad, k.identity)).toBe('E_AGE_PAYLOAD');
  });
  it('refuses trailing data after the final chunk', async () => {
    const { k, ct } = await sample(1000);
    expect(await open(Buffer.concat([ct, Buffer.alloc(16)]), k.identity)).toMatch(/E_AGE_(PAYLOAD|TRAILING)/);
  });
  it('refuses data that is not age at all', async () => {
    expect(await open(Buffer.from('PK\x03\x04 not age'), (await pair()).identity)).toBe('E_AGE_HEADER');
  });
  it(`refuses scrypt work factors above 2^${SCRYPT_MAX_LOG_N} before doing any work`, async () => {
    const ct = await encryptBytes(Buffer.from('x'), { passphrase: 'p', scryptLogN: 10 });
    const text = ct.toString('latin1').replace(/(-> scrypt \S+) 10\n/, '$1 40\n');
    const started = Date.now();
    expect(await codeOf(decryptBytes(Buffer.from(text, 'latin1'), [{ passphrase: 'p' }]))).toBe('E_SCRYPT_WORK_FACTOR');
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('never returns plaintext from an unauthenticated file on disk', async () => {
    const { k, ct, headerLen } = await sample();
    const p = join(dir, 'cut.age');
    writeFileSync(p, ct.subarray(0, headerLen + 16 + 2 * (CHUNK + 16)));
    expect(await codeOf(decryptFile(p, [{ identity: k.identity }]))).toBe('E_AGE_TRUNCATED');
    expect(readFileSync(p).length).toBe(headerLen + 16 + 2 * (CHUNK + 16));
  });
});

describe('age files decrypted on every core', () => {
  // Over the size at which the worker pool joins in, and many 1 MiB batches long.
  const size = 9 * 1024 * 1024 + 12345;
  const chunkAt = (headerLen: number, index: number): number => headerLen + 16 + index * (CHUNK + 16);
  beforeAll(() => payloadWorkersReady());
  async function big(): Promise<{ k: Awaited<ReturnType<typeof pair>>; plain: Buffer; ct: Buffer; headerLen: number }> {
    const k = await pair();
    const plain = randomBytes(size);
    const ct = await encryptBytes(plain, { recipients: [k.recipient] });
    return { k, plain, ct, headerLen: ct.indexOf('\n', ct.indexOf('\n--- ') + 1) + 1 };
  }
  async function failure(ct: Uint8Array, identity: string): Promise<{ code: string; params: unknown }> {
    const p = join(dir, `big-${randomBytes(4).toString('hex')}.age`);
    writeFileSync(p, ct);
    try {
      const f = await openAgeFile(p, [{ identity }]);
      try {
        await f.scan([]);
      } finally {
        await f.close();
      }
    } catch (e) {
      return { code: (e as { code: string }).code, params: (e as { params: unknown }).params };
    }
    return { code: 'no error', params: {} };
  }

  it('reads and scans a file made by the age CLI: any range, the SHA-256 of ranges, and the hash of the file itself', async () => {
    const k = await pair();
    const plain = randomBytes(size);
    const plainPath = join(dir, 'big-plain');
    writeFileSync(plainPath, plain);
    const ctPath = join(dir, 'big-theirs.age');
    execFileSync('age', ['-r', k.recipient, '-o', ctPath, plainPath]);
    const f = await openAgeFile(ctPath, [{ identity: k.identity }]);
    expect(f.plainLen).toBe(plain.length);
    const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
    // Ranges in any order, within one chunk, across many, up to the very end; an empty one.
    const ranges: [number, number][] = [
      [5 * CHUNK + 100, 3 * CHUNK],
      [17, 1000],
      [plain.length - 77_777, 77_777],
      [2 * CHUNK, 0],
    ];
    expect(await f.scan(ranges)).toEqual(ranges.map(([s0, n]) => sha(plain.subarray(s0, s0 + n))));
    for (const [s0, n] of [...ranges, [0, plain.length] as [number, number], [CHUNK - 1, 2] as [number, number]]) {
      expect((await f.read(s0, n)).equals(plain.subarray(s0, s0 + n))).toBe(true);
    }
    await f.close();
    // Closed, a read opens the file again (and is still checked chunk by chunk).
    expect((await f.read(3 * CHUNK - 5, 10)).equals(plain.subarray(3 * CHUNK - 5, 3 * CHUNK + 5))).toBe(true);
    expect(await f.fileSha256()).toBe(execFileSync('sha256sum', [ctPath]).toString().split(' ')[0]);
  });
  it('refuses a read whose chunks do not authenticate, and one past the plaintext', async () => {
    const { k, ct, headerLen } = await big();
    const bad = Buffer.from(ct);
    flipBits(bad, chunkAt(headerLen, 40) + 9, 1);
    const p = join(dir, 'bad-read.age');
    writeFileSync(p, bad);
    const f = await openAgeFile(p, [{ identity: k.identity }]);
    try {
      expect((await f.read(0, 1000)).length).toBe(1000);
      expect(await codeOf(f.read(39 * CHUNK, 3 * CHUNK))).toBe('E_AGE_PAYLOAD');
      expect(await codeOf(f.read(f.plainLen - 10, 11))).toBe('E_INTERNAL');
    } finally {
      await f.close();
    }
  });
  it('reports the first damaged chunk, whichever thread finds a damaged chunk first', async () => {
    const { k, ct, headerLen } = await big();
    const bad = Buffer.from(ct);
    flipBits(bad, chunkAt(headerLen, 140) + 7, 1);
    flipBits(bad, chunkAt(headerLen, 3) + 7, 1);
    flipBits(bad, chunkAt(headerLen, 70) + 7, 1);
    expect(await failure(bad, k.identity)).toEqual({ code: 'E_AGE_PAYLOAD', params: { chunk: 4 } });
  });
  it('refuses a large file cut at a chunk boundary or mid-chunk, or damaged in its final chunk', async () => {
    const { k, ct, headerLen } = await big();
    expect((await failure(ct.subarray(0, chunkAt(headerLen, 100)), k.identity)).code).toBe('E_AGE_TRUNCATED');
    expect(await failure(ct.subarray(0, chunkAt(headerLen, 100) + 5000), k.identity)).toEqual({
      code: 'E_AGE_PAYLOAD',
      params: { chunk: 101 },
    });
    const bad = Buffer.from(ct);
    flipBits(bad, bad.length - 3, 1);
    expect((await failure(bad, k.identity)).code).toBe('E_AGE_PAYLOAD');
  });
  it('reads a whole file into a reused buffer off this thread: stock age files, the SHA-256, refusals', async () => {
    const k = await pair();
    const into = new SharedArrayBuffer(size + 10);
    const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
    // Two files of different sizes through the same buffer, the second shorter than the first.
    for (const n of [size, 3 * CHUNK + 17, 0]) {
      const plain = randomBytes(n);
      const plainPath = join(dir, `whole-${n}`);
      writeFileSync(plainPath, plain);
      const ctPath = join(dir, `whole-${n}.age`);
      execFileSync('age', ['-r', k.recipient, '-o', ctPath, plainPath]);
      const f = await openAgeFile(ctPath, [{ identity: k.identity }]);
      try {
        const got = await f.readAll(into);
        expect(got.plaintext.length).toBe(n);
        expect(got.plaintext.equals(plain)).toBe(true);
        expect(got.sha256).toBe(sha(plain));
        // A view of the buffer given, not a copy.
        expect(got.plaintext.buffer).toBe(into);
      } finally {
        await f.close();
      }
    }
    const { ct } = await big();
    const refusal = async (bytes: Uint8Array): Promise<string> => {
      const p = join(dir, `whole-bad-${randomBytes(4).toString('hex')}.age`);
      writeFileSync(p, bytes);
      const f = await openAgeFile(p, [{ identity: k.identity }]).catch(() => null);
      if (!f) return 'refused at open';
      try {
        return await codeOf(f.readAll(into));
      } finally {
        await f.close();
      }
    };
    const k2 = await big();
    // Another key's file.
    expect(await refusal(ct)).toBe('refused at open');
    const damaged = Buffer.from(k2.ct);
    flipBits(damaged, chunkAt(k2.headerLen, 60) + 3, 1);
    const other = async (bytes: Uint8Array): Promise<string> => {
      const p = join(dir, `whole-bad-${randomBytes(4).toString('hex')}.age`);
      writeFileSync(p, bytes);
      const f = await openAgeFile(p, [{ identity: k2.k.identity }]);
      try {
        return await codeOf(f.readAll(into));
      } finally {
        await f.close();
      }
    };
    expect(await other(damaged)).toBe('E_AGE_PAYLOAD');
    expect(await other(k2.ct.subarray(0, chunkAt(k2.headerLen, 100)))).toBe('E_AGE_TRUNCATED');
    // A buffer too small for the plaintext is the caller's mistake, refused before any work.
    const f = await openAgeFile(join(dir, `whole-${size}.age`), [{ identity: k.identity }]);
    try {
      expect(await codeOf(f.readAll(new SharedArrayBuffer(10)))).toBe('E_INTERNAL');
    } finally {
      await f.close();
    }
  });
  it('follows a renamed file, and refuses to follow to another one', async () => {
    const { k, ct, plain } = await big();
    const from = join(dir, 'moving.age');
    const to = join(dir, 'moved.age');
    writeFileSync(from, ct);
    const f = await openAgeFile(from, [{ identity: k.identity }]);
    await f.close();
    renameSync(from, to);
    expect(await codeOf(f.read(0, 10))).toBe('E_IO');
    await f.moved(to);
    expect((await f.read(100, 1000)).equals(plain.subarray(100, 1100))).toBe(true);
    const other = join(dir, 'other.age');
    writeFileSync(other, ct);
    expect(await codeOf(f.moved(other))).toBe('E_IO');
    expect((await f.read(0, 10)).equals(plain.subarray(0, 10))).toBe(true);
  });
  it('refuses to hash or read a file that changed after it was opened', async () => {
    const { k, ct, plain } = await big();
    const p = join(dir, 'changing.age');
    writeFileSync(p, ct);
    const f = await openAgeFile(p, [{ identity: k.identity }]);
    await f.scan([]);
    await f.close();
    expect((await f.read(0, 100)).equals(plain.subarray(0, 100))).toBe(true);
    writeFileSync(p, Buffer.concat([ct, Buffer.alloc(1)]));
    expect(await codeOf(f.fileSha256())).toBe('E_IO');
    expect(await codeOf(f.read(0, 100))).toBe('E_IO');
  });
});
