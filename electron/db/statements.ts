/** Prepared statements, compiled once per connection and reused. */
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on this connection (compiled on first use). */
export function stmt<R = unknown>(db: Database, sql: string): Statement<unknown[], R> {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s as Statement<unknown[], R>;
}
