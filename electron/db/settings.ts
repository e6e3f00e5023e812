/** Workspace settings: small key/value pairs (locale, last location). */
import type { Database } from 'better-sqlite3';
import { stmt } from './statements.ts';

export type SettingKey = 'locale' | 'lastLocation';

export function getSetting(db: Database, key: SettingKey): string | null {
  return stmt<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null;
}

/** Sets a setting; `null` removes it. */
export function setSetting(db: Database, key: SettingKey, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
