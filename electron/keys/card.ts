import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { describeIssues, parseJson } from '../formats/json.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The card fingerprint: the first 80 bits of
 * SHA-256("reviewdesk-card-v1\n" + sshPublicKey + "\n" + ageRecipient + "\n"),
 * in RFC 4648 base32, grouped 4-4-4-4. It binds both public keys, so a person
 * can confirm a card over the phone. (docs/formats.md shows it with coreutils.)
 */
export function cardFingerprint(sshPublicKey: string, ageRecipient: string): string {
  const digest = createHash('sha256').update(`reviewdesk-card-v1\n${sshPublicKey}\n${ageRecipient}\n`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.replace(/(.{4})(?=.)/g, '$1-'); // 16 characters in groups of 4
}

/** Validates a card, including that its fingerprint matches its keys. */
export function checkCard(value: unknown, file = 'card.json'): Card {
  const r = Card.safeParse(value);
  if (!r.success) {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: describeIssues(r.error) });
  }
  const expected = cardFingerprint(r.data.sshPublicKey, r.data.ageRecipient);
  if (r.data.fingerprint !== expected) {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: `fingerprint ${r.data.fingerprint} does not match its keys (${expected})` });
  }
  return r.data;
}

export async function readCard(path: string): Promise<Card> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ReviewDeskError('E_IO', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { cause: e });
  }
  return checkCard(parseJson(text, path), path);
}
