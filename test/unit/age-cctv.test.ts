/**
 * The C2SP CCTV age test vectors (test/fixtures/age-cctv, from
 * github.com/C2SP/CCTV): every binary vector is decrypted in memory with its
 * identities or passphrases and must end as the vector expects — success with
 * the payload's SHA-256, or the refusal of the matching class (a header that
 * does not parse, no stanza that unwraps, a header MAC that does not match, a
 * payload that does not authenticate to its end). Armored vectors are left
 * out: age files here are never armored.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decryptBytes, type DecryptKey } from '../../electron/crypto/age/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'age-cctv');

interface Vector {
  name: string;
  expect: string;
  payload: string | undefined;
  keys: DecryptKey[];
  armored: boolean;
  file: Buffer;
}

function readVector(name: string): Vector {
  const raw = readFileSync(join(DIR, name));
  const split = raw.indexOf('\n\n');
  const fields = raw
    .toString('latin1', 0, split)
    .split('\n')
    .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const);
  const get = (k: string): string[] => fields.filter(([f]) => f === k).map(([, v]) => v);
  const body = raw.subarray(split + 2);
  return {
    name,
    expect: get('expect')[0] ?? '',
    payload: get('payload')[0],
    keys: [...get('identity').map((identity) => ({ identity })), ...get('passphrase').map((passphrase) => ({ passphrase }))],
    armored: get('armored')[0] === 'yes',
    file: get('compressed')[0] === 'zlib' ? inflateSync(body) : body,
  };
}

/** The refusal codes that stand for each failure class of the vectors. */
const CODES: Record<string, string[]> = {
  'header failure': ['E_AGE_HEADER', 'E_SCRYPT_WORK_FACTOR'],
  'no match': ['E_WRONG_KEY', 'E_PASSPHRASE'],
  'HMAC failure': ['E_AGE_HEADER_MAC'],
  'payload failure': ['E_AGE_PAYLOAD', 'E_AGE_TRUNCATED', 'E_AGE_TRAILING'],
};

/**
 * Vectors refused with the code of a neighbouring class, as the vectors' README allows ("consider aliasing
 * indistinguishable cases"): a MAC line whose MAC is garbage, missing or cut short fails as a MAC that does not
 * match; a file cut inside the payload nonce, as a truncated file.
 */
const ALIASED: Record<string, string> = {
  hmac_garbage: 'E_AGE_HEADER_MAC',
  hmac_missing: 'E_AGE_HEADER_MAC',
  hmac_truncated: 'E_AGE_HEADER_MAC',
  stream_no_nonce: 'E_AGE_TRUNCATED',
  stream_short_nonce: 'E_AGE_TRUNCATED',
};

const vectors = readdirSync(DIR)
  .filter((n) => n !== 'README.md' && !n.startsWith('.'))
  .map(readVector)
  .filter((v) => !v.armored);

describe('C2SP CCTV age vectors', () => {
  it('holds the binary vectors of every class', () => {
    expect(vectors.length).toBeGreaterThan(100);
    for (const c of ['success', ...Object.keys(CODES)]) expect(vectors.some((v) => v.expect === c)).toBe(true);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    let outcome: string;
    try {
      const { plaintext } = await decryptBytes(v.file, v.keys);
      outcome = `success ${createHash('sha256').update(plaintext).digest('hex')}`;
    } catch (e) {
      outcome = (e as { code?: string }).code ?? String(e);
    }
    if (v.expect === 'success') expect(outcome).toBe(`success ${v.payload}`);
    else if (ALIASED[v.name]) expect(outcome).toBe(ALIASED[v.name]);
    else expect(CODES[v.expect]).toContain(outcome);
  });
});
