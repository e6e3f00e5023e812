/**
 * Which secretariat keys the expert trusts. A secretariat is known by its
 * card's fingerprint (which binds its SSH and age keys); the organisation and
 * name on its card are only labels, since anyone can write them on a card of
 * their own. So a key is trusted once the expert has accepted it, having
 * confirmed the fingerprint by phone, and a card that claims an organisation
 * already trusted under another key is refused outright, naming both keys.
 * The package's signature has been verified against the card's key before
 * any of this is asked (electron/packages/open.ts).
 */
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { getPin, insertPin, pinsOfOrganisation, type PinHow } from '../db/trust.ts';
import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Control and format characters out: the label reaches one-line messages and terminals. */
function label(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 200);
}

/**
 * Whether the card's key is already trusted. E_SECRETARIAT_KEY_CONFLICT when
 * its organisation is pinned to another key (even if this key is pinned too:
 * two keys for one organisation mean one of them is not who it says).
 */
export function trustOf(db: Database, card: Card): 'trusted' | 'unknown' {
  const others = pinsOfOrganisation(db, card.organisation).filter((p) => p.fingerprint !== card.fingerprint);
  if (others.length > 0) {
    throw new ReviewDeskError('E_SECRETARIAT_KEY_CONFLICT', {
      organisation: label(card.organisation),
      pinned: others.map((p) => p.fingerprint).join(', '),
      actual: card.fingerprint,
    });
  }
  return getPin(db, card.fingerprint) ? 'trusted' : 'unknown';
}

/**
 * Trusts a card's key (`how`: the expert confirmed it, or the demo set-up did),
 * checking the organisation again: another key may have been accepted since
 * the question was asked.
 */
export function trustSecretariat(db: Database, card: Card, how: Exclude<PinHow, 'round-pin'>, at: string): void {
  if (trustOf(db, card) === 'unknown') insertPin(db, card, how, at);
}
