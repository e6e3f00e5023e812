import { z } from 'zod';

export const CARD_SCHEMA_VERSION = 1;

/** `age1…` (X25519) or `age1pq1…` (ML-KEM-768 + X25519 hybrid) recipient. */
export const AgeRecipient = z
  .string()
  .max(4096)
  .regex(/^age1(pq1)?[02-9ac-hj-np-z]+$/, 'an age recipient (age1… or age1pq1…)');

/** `ssh-ed25519 AAAA…` without comment. */
export const SshPublicKey = z
  .string()
  .max(200)
  .regex(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}=?$/, 'an ssh-ed25519 public key');

/** Short fingerprint a person can read over the phone: 4 groups of 4 base32 characters. */
export const Fingerprint = z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/, 'a fingerprint like ABCD-EFGH-JKLM-NPQR');

/** A person's public card: who they are and the keys others use to reach them. */
export const Card = z
  .object({
    schemaVersion: z.literal(CARD_SCHEMA_VERSION),
    kind: z.literal('reviewdesk-card'),
    role: z.enum(['expert', 'secretariat']),
    displayName: z.string().trim().min(1).max(100),
    organisation: z.string().trim().max(200),
    /** Fields of expertise (free text, e.g. 集成电路). */
    fields: z.array(z.string().trim().min(1).max(100)).max(20),
    ageRecipient: AgeRecipient,
    sshPublicKey: SshPublicKey,
    fingerprint: Fingerprint,
    createdAt: z.iso.datetime(),
    /** Set on the demo generator's unprotected identities only. */
    demo: z.boolean().optional(),
  })
  .strict();
export type Card = z.infer<typeof Card>;

/**
 * Text a person types for a card they make (keygen, first run): one line, no
 * control characters (C0, DEL, C1), no line or paragraph separators, no
 * bidirectional overrides or isolates. Cards received from others are read
 * with the looser {@link Card} schema and always printed escaped
 * (shared/safe-text.ts); this keeps such text from being made here at all.
 */
const LINE_BREAKERS = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
export const CardPerson = z.object({
  displayName: Card.shape.displayName.refine(isOneLine),
  organisation: Card.shape.organisation.refine(isOneLine),
  fields: z.array(Card.shape.fields.element.refine(isOneLine)).max(20),
});

/** True for text without control characters, line or paragraph separators and direction overrides. */
export function isOneLine(text: string): boolean {
  return !LINE_BREAKERS.test(text);
}
