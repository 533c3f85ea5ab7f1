import type { StatementSync } from 'node:sqlite';
import type { Database } from './database.ts';

/** The two statements of a connection's stamp, prepared once per connection (issue 17: three indexes asked on every search). */
const statements = new WeakMap<Database, { changes: StatementSync; version: StatementSync }>();

/**
 * What tells an in-memory copy of store data that it may be stale: this connection's writes
 * (total_changes()) and another connection's (data_version). Unchanged stamp, unchanged store.
 */
export function changeStamp(db: Database): { changes: number; version: number } {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = { changes: db.prepare('SELECT total_changes() AS changes'), version: db.prepare('PRAGMA data_version') };
    statements.set(db, prepared);
  }
  const { changes } = prepared.changes.get() as { changes: number };
  const { data_version: version } = prepared.version.get() as { data_version: number };
  return { changes, version };
}
