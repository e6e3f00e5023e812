/** The ordered list of schema migrations; a migration's number is its `user_version`. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { up as init } from './0001-init.ts';
import { up as merge } from './0002-merge.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', up: init },
  { version: 2, name: 'merge', up: merge },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
