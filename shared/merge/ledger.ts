/**
 * The issue ledger (`packages/ledger.json`): what `reviewdesk pack` issued to
 * whom. The merge checks every score bundle against it — the signer must be an
 * expert of the round and the bundle must quote the very package (id and
 * SHA-256) issued to that expert. Signed by the secretariat (namespace
 * `reviewdesk-ledger`, `ledger.json.sig`). See docs/formats.md.
 */
import { z } from 'zod';
import { Card, Fingerprint } from '../card.ts';
import { ApplicationCategory, RoundRef, Sha256 } from '../formats.ts';
import { LocalizedText } from '../i18n-text.ts';
import { Id, Rubric } from '../rubric/model.ts';

/** Version 2: several rubrics, each application naming its own. */
export const LEDGER_SCHEMA_VERSION = 2;
export const NS_LEDGER = 'reviewdesk-ledger';
/** The ledger's file name in the packages folder; its signature is `ledger.json.sig`. */
export const LEDGER_FILE = 'ledger.json';

export const LedgerExpert = z
  .object({
    expertId: Id,
    /** The expert's card as the round holds it (fingerprint binds both keys). */
    card: Card,
    packageId: z.uuid(),
    /** SHA-256 of the `.rpkg` file as written; bundles quote it as `packageSha256`. */
    packageSha256: Sha256,
    packageSize: z.number().int().min(0),
    /** The applications in this expert's package, in package order. */
    applications: z.array(Id).min(1).max(5000),
    /** The package this one replaces (an earlier issue to the same expert); score files of that one are refused. */
    supersedes: z.uuid().optional(),
  })
  .strict();
export type LedgerExpert = z.infer<typeof LedgerExpert>;

export const LedgerApplication = z
  .object({
    id: Id,
    name: LocalizedText,
    organisation: LocalizedText,
    category: ApplicationCategory,
    field: LocalizedText.optional(),
    /** The rubric (in the ledger's `rubrics`) the application is scored against. */
    rubricId: Id,
  })
  .strict();
export type LedgerApplication = z.infer<typeof LedgerApplication>;

export const Ledger = z
  .object({
    schemaVersion: z.literal(LEDGER_SCHEMA_VERSION),
    kind: z.literal('reviewdesk-ledger'),
    round: RoundRef,
    createdAt: z.iso.datetime(),
    secretariat: z.object({ fingerprint: Fingerprint, displayName: z.string().min(1).max(100) }).strict(),
    /** The round's rubrics, in full, each with the SHA-256 of its `rubrics/<id>.json` bytes. */
    rubrics: z
      .array(z.object({ rubric: Rubric, sha256: Sha256 }).strict())
      .min(1)
      .max(20),
    applications: z.array(LedgerApplication).min(1).max(5000),
    experts: z.array(LedgerExpert).min(1).max(500),
  })
  .strict()
  .superRefine((l, ctx) => {
    const apps = new Set(l.applications.map((a) => a.id));
    if (apps.size !== l.applications.length)
      ctx.addIssue({ code: 'custom', message: 'an application is listed twice', path: ['applications'] });
    const rubrics = new Map(l.rubrics.map((r) => [r.rubric.id, r.rubric]));
    if (rubrics.size !== l.rubrics.length) ctx.addIssue({ code: 'custom', message: 'a rubric is listed twice', path: ['rubrics'] });
    l.applications.forEach((a, i) => {
      const r = rubrics.get(a.rubricId);
      if (!r) ctx.addIssue({ code: 'custom', message: `${a.id} names unknown rubric ${a.rubricId}`, path: ['applications', i] });
      else if (!r.appliesTo.includes(a.category))
        ctx.addIssue({ code: 'custom', message: `rubric ${r.id} does not apply to ${a.id} (${a.category})`, path: ['applications', i] });
    });
    const ids = new Set<string>();
    const fps = new Set<string>();
    l.experts.forEach((e, i) => {
      if (ids.has(e.expertId) || fps.has(e.card.fingerprint))
        ctx.addIssue({ code: 'custom', message: `expert ${e.expertId} is listed twice`, path: ['experts', i] });
      ids.add(e.expertId);
      fps.add(e.card.fingerprint);
      for (const a of e.applications)
        if (!apps.has(a)) ctx.addIssue({ code: 'custom', message: `${e.expertId} names unknown application ${a}`, path: ['experts', i] });
    });
  });
export type Ledger = z.infer<typeof Ledger>;

/** The rubric an application of the ledger is scored against. */
export function ledgerRubric(ledger: Ledger, applicationId: string): Rubric {
  const a = ledger.applications.find((x) => x.id === applicationId);
  const r = a && ledger.rubrics.find((x) => x.rubric.id === a.rubricId);
  if (!r) throw new Error(`internal: ${applicationId} has no rubric in the ledger`);
  return r.rubric;
}
