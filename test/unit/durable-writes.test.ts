/**
 * Streamed writes: pieces written with several writes outstanding land in order (checked byte for byte), a
 * failed write is thrown once every write has ended, and age pieces given back after their write are sealed
 * into again without changing a byte that stock `age -d` reads.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { encryptStream, recycleSealed } from '../../electron/crypto/age/index.ts';
import { sha256FileBeside, sha256Hex } from '../../electron/crypto/hash.ts';
import { OffThreadSha256 } from '../../electron/crypto/parallel.ts';
import { ReadBuffers, writeZip } from '../../electron/formats/zip.ts';
import { writeFileAtomic, writePieces } from '../../electron/fs/durable.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-durable-');

describe('streamed writes', () => {
  it('writes pieces in order with writes outstanding, telling of each before and after its write', async () => {
    // Empty pieces, tiny ones and megabytes, from an async source that yields to the event loop between them.
    const sizes = [0, 1, 3 << 20, 7, 0, 65_537, 1 << 20, 5, 2 << 20, 1];
    const pieces = sizes.map((n) => randomBytes(n));
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const p of pieces) {
        await new Promise((r) => setImmediate(r));
        yield p;
      }
    }
    const before: Uint8Array[] = [];
    const after: Uint8Array[] = [];
    const path = join(dir, 'pieces.bin');
    const fh = await open(path, 'w');
    let size: number;
    try {
      size = await writePieces(
        fh,
        source(),
        (p) => void before.push(p),
        (p) => after.push(p),
      );
    } finally {
      await fh.close();
    }
    expect(size).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(readFileSync(path).equals(Buffer.concat(pieces))).toBe(true);
    // The very pieces (compared as objects: a deep comparison of megabytes is slow), before in order, after all.
    expect(before.length).toBe(pieces.length);
    expect(before.every((p, i) => p === pieces[i])).toBe(true);
    expect(after.length).toBe(pieces.length);
    expect(pieces.every((p) => after.includes(p))).toBe(true);
  });

  it('throws the failed write once every write started has ended, and takes no more pieces', async () => {
    const path = join(dir, 'read-only.bin');
    writeFileSync(path, '');
    const fh = await open(path, 'r');
    let taken = 0;
    function* source(): Generator<Uint8Array> {
      for (let i = 0; i < 100; i++) {
        taken++;
        yield randomBytes(1000);
      }
    }
    try {
      await expect(writePieces(fh, source())).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      await fh.close();
    }
    expect(taken).toBeLessThan(100);
  });

  it('seals into pieces given back after their write, and stock age reads the file unchanged', async () => {
    const identity = await generateX25519Identity();
    const idFile = join(dir, 'id.txt');
    writeFileSync(idFile, identity + '\n');
    const plain = randomBytes(24 << 20);
    // Fed in pieces of a few megabytes that straddle chunks, as a ZIP hands photos over.
    const step = (3 << 20) + 12_345;
    const feed = Array.from({ length: Math.ceil(plain.length / step) }, (_, i) => plain.subarray(i * step, (i + 1) * step));
    const yielded = new Set<Uint8Array>();
    let again = 0;
    async function* sealed(): AsyncGenerator<Uint8Array> {
      for await (const p of encryptStream(feed, { recipients: [await identityToRecipient(identity)] })) {
        if (yielded.has(p)) again++;
        yielded.add(p);
        yield p;
      }
    }
    // A buffer that never came from a sealer is ignored.
    const foreign = Buffer.alloc(16 * (65536 + 16));
    recycleSealed(foreign);
    const path = join(dir, 'recycled.age');
    await writeFileAtomic(path, sealed(), recycleSealed);
    expect(again).toBeGreaterThan(0);
    expect(yielded.has(foreign)).toBe(false);
    expect(execFileSync('age', ['-d', '-i', idFile, path], { maxBuffer: 1 << 26 }).equals(plain)).toBe(true);
  });

  it('hashes on a worker thread: shared and copied pieces, two streams interleaved, the digest of the bytes', async () => {
    const a = new OffThreadSha256();
    const b = new OffThreadSha256();
    const shared = new Uint8Array(new SharedArrayBuffer(3 << 20));
    shared.set(randomBytes(shared.length));
    const pieces = [randomBytes(10), shared.subarray(5, 2 << 20), randomBytes(0), randomBytes(1 << 20).subarray(7), shared];
    await Promise.all(pieces.flatMap((p, i) => [a.update(p), b.update(pieces[pieces.length - 1 - i]!)]));
    expect(await a.digest()).toBe(sha256Hex(Buffer.concat(pieces)));
    expect(await b.digest()).toBe(sha256Hex(Buffer.concat([...pieces].reverse())));
  });

  it('reads files for a ZIP into buffers given back once consumed, and the archive unzips to the same bytes', async () => {
    const files = [9.5, 0.2, 5, 4.5].map((mb, i) => {
      const bytes = randomBytes(Math.round(mb * (1 << 20)) + i);
      const path = join(dir, `in-${i}.bin`);
      writeFileSync(path, bytes);
      return { name: `f${i}.bin`, path, size: bytes.length, bytes, compress: false };
    });
    const buffers = new ReadBuffers();
    const memory = new Set<ArrayBufferLike>();
    const parts: Buffer[] = [];
    let fromFiles = 0;
    for await (const piece of writeZip(files, buffers)) {
      // As the encryption does: done with the piece (here, a copy kept) before asking for the next one.
      parts.push(Buffer.from(piece));
      if (piece.length >= 100_000) {
        fromFiles++;
        memory.add(piece.buffer);
      }
      buffers.release(piece);
    }
    // Read megabytes at a time into a few buffers, not a new one per read.
    expect(fromFiles).toBeGreaterThanOrEqual(7);
    expect(memory.size).toBeLessThan(fromFiles / 2);
    const zip = join(dir, 'files.zip');
    writeFileSync(zip, Buffer.concat(parts));
    for (const f of files) expect(execFileSync('unzip', ['-p', zip, f.name], { maxBuffer: 1 << 26 }).equals(f.bytes)).toBe(true);
  });

  it('hashes files on a worker thread beside the reads, several at once, as sha256sum does', async () => {
    const paths = [0, 1, (1 << 20) - 1, 1 << 20, (3 << 20) + 5, 777].map((n, i) => {
      const path = join(dir, `hash-${i}.bin`);
      writeFileSync(path, randomBytes(n));
      return path;
    });
    const ours = await Promise.all([...paths, ...paths].map((p) => sha256FileBeside(p)));
    const stock = execFileSync('sha256sum', paths)
      .toString()
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    expect(ours).toEqual([...stock, ...stock]);
  });
});
