/**
 * How two secretariat cards' organisations are compared: the same name typed
 * with full-width characters, other spacing or other letter case is the same
 * organisation (NFKC, whitespace removed, lower case). An empty organisation
 * names none, so it never conflicts. (Migration 4 stored keys made by this rule:
 * a change to it needs a migration that recomputes them.)
 */
export function organisationKey(organisation: string): string {
  return organisation.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}
