/** The ordered list of schema migrations; a migration's number is its `user_version`. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { up as init } from './0001-init.ts';
import { up as merge } from './0002-merge.ts';
import { up as exportsReserved } from './0003-exports.ts';
import { up as secretariatPins } from './0004-secretariat-pins.ts';
import { up as consensusEligibility } from './0005-consensus-eligibility.ts';
import { up as additionalOutcomes } from './0006-additional-outcomes.ts';
import { up as siteVisits } from './0007-site-visits.ts';
import { up as consensusEvidence } from './0008-consensus-evidence.ts';
import { up as photoHeaders } from './0009-photo-headers.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', up: init },
  { version: 2, name: 'merge', up: merge },
  { version: 3, name: 'exports', up: exportsReserved },
  { version: 4, name: 'secretariat-pins', up: secretariatPins },
  { version: 5, name: 'consensus-eligibility', up: consensusEligibility },
  { version: 6, name: 'additional-outcomes', up: additionalOutcomes },
  { version: 7, name: 'site-visits', up: siteVisits },
  { version: 8, name: 'consensus-evidence', up: consensusEvidence },
  { version: 9, name: 'photo-headers', up: photoHeaders },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
