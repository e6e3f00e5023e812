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
        (p) => before.push(p),
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
});
