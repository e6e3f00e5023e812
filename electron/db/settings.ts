/**
 * Workspace settings kept in the encrypted database: small key/value pairs
 * (the last location). The language lives in the plaintext preferences
 * (electron/workspace/store.ts), since the unlock screen needs it;
 * a `locale` row is only read when a workspace from before encryption is adopted.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from './statements.ts';

export type SettingKey = 'lastLocation';

export function getSetting(db: Database, key: SettingKey): string | null {
  return stmt<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null;
}

/** Sets a setting; `null` removes it. */
export function setSetting(db: Database, key: SettingKey, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
