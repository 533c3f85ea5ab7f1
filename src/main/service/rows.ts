import type { Database } from '../store/database.ts';

/** A row as SQLite returns it; kept verbatim so undo can put it back exactly. */
export type Row = Record<string, string | number | Uint8Array | null>;

export function selectRows(db: Database, sql: string, ...params: (string | number | null)[]): Row[] {
  return db.prepare(sql).all(...params) as unknown as Row[];
}
